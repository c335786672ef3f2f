#include "inicheck.h"

#include <QList>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace shouyin::inicheck {

namespace {

Error lineError(int line, const QString &message)
{
    return Error{ErrorCode::Config, u"line %1: %2"_s.arg(line).arg(message)};
}

QString knownOf(const QSet<QString> &names)
{
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted.join(u", "_s);
}

} // namespace

const Schema &shouyinSchema()
{
    static const Schema schema{
        {u"terminal"_s, {u"id"_s}},
        {u"shop"_s, {u"time_zone"_s, u"name"_s, u"address"_s}},
        {u"printer"_s, {u"receipt"_s, u"paper"_s, u"print_receipts"_s, u"drawer"_s}},
        {u"merchant"_s,
         {u"appid"_s, u"mch_id"_s, u"key"_s, u"key_file"_s, u"gateway"_s, u"sign_type"_s,
          u"client_cert_p12"_s, u"client_cert_password_file"_s, u"client_cert"_s, u"client_key"_s,
          u"secapi_gateway"_s, u"gateway_ca"_s}},
        {u"wechat_v3"_s,
         {u"appid"_s, u"mch_id"_s, u"api_v3_key"_s, u"api_v3_key_file"_s, u"private_key_file"_s,
          u"certificate_file"_s, u"certificate_serial"_s, u"public_key_id"_s, u"public_key_file"_s,
          u"platform_certificates"_s, u"gateway"_s, u"gateway_ca"_s, u"notify_url"_s}},
        {u"notify"_s, {u"listen"_s, u"public_url"_s}},
        {u"alipay"_s,
         {u"app_id"_s, u"seller_id"_s, u"app_private_key_file"_s, u"alipay_public_key_file"_s,
          u"gateway"_s, u"notify_url"_s}},
        {u"payment"_s,
         {u"default_provider"_s, u"lifetime_minutes"_s, u"lifetime_seconds"_s,
          u"timeout_seconds"_s}},
        // `password` is known so that its own, clearer refusal is the one a shop sees.
        {u"database"_s,
         {u"driver"_s, u"path"_s, u"host"_s, u"port"_s, u"name"_s, u"user"_s, u"password"_s,
          u"password_file"_s}},
        {u"ui"_s, {u"language"_s}},
        {u"display"_s, {u"kiosk"_s, u"touch"_s, u"customer_screen"_s}},
        {u"stock"_s, {u"sell_beyond_stock"_s}},
        {u"scale"_s, {u"barcodes"_s}},
        {u"discounts"_s, {u"cashier_max_percent"_s, u"round_to"_s}},
    };
    return schema;
}

Status check(const QByteArray &text, const Schema &schema)
{
    const QString content = QString::fromUtf8(text.startsWith("\xEF\xBB\xBF") ? text.mid(3) : text);
    if (content.contains(QChar::ReplacementCharacter))
        return Error{ErrorCode::Config, u"the file is not UTF-8 text"_s};
    const QStringList lines = content.split(u'\n');
    QString section;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            // "[merchant]   ; leave out for training", as the README shows it.
            const qsizetype close = line.indexOf(u']');
            const QString after = line.mid(close + 1).trimmed();
            if (close < 0 || !(after.isEmpty() || after.startsWith(u';') || after.startsWith(u'#')))
                return lineError(number, u"a section name must end with ']'"_s);
            section = line.mid(1, close - 1).trimmed();
            if (schema.contains(section))
                continue;
            for (auto it = schema.cbegin(); it != schema.cend(); ++it) {
                if (it.key().compare(section, Qt::CaseInsensitive) == 0)
                    return lineError(number, u"[%1] must be written [%2]: section names are "
                                             "lower-case"_s.arg(section, it.key()));
            }
            return lineError(number, u"unknown section [%1]"_s.arg(section));
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            return lineError(number, u"neither a [section] nor a name=value setting"_s);
        const QString name = line.left(equals).trimmed();
        if (section.isEmpty())
            return lineError(number, u"the setting '%1' comes before any [section]"_s.arg(name));
        const QSet<QString> &known = schema.value(section);
        if (!known.contains(name))
            return lineError(number, u"unknown setting '%1' in [%2] (known: %3)"_s.arg(
                                         name, section, knownOf(known)));
    }
    return success();
}

} // namespace shouyin::inicheck
