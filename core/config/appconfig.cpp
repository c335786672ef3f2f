#include "appconfig.h"

#include "ids/paynumbers.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

Error configError(const QString &message)
{
    return Error{u"CONFIG"_s, message};
}

} // namespace

AppConfig AppConfig::trainingDefaults()
{
    return AppConfig{};
}

Result<AppConfig> AppConfig::load(const QString &iniPath)
{
    if (!QFileInfo(iniPath).isReadable())
        return configError(u"cannot read configuration file %1"_s.arg(iniPath));
    QSettings ini(iniPath, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return configError(u"%1 is not a valid INI file"_s.arg(iniPath));

    AppConfig config;
    config.terminalId = ini.value(u"terminal/id"_s, config.terminalId).toString();
    if (!PayNumbers::isValidTerminalId(config.terminalId))
        return configError(
            u"[terminal] id must be 1 to 8 letters or digits, not '%1'"_s.arg(config.terminalId));

    const int minutes = ini.value(u"payment/lifetime_minutes"_s, 10).toInt();
    if (minutes < 2 || minutes > 120)
        return configError(u"[payment] lifetime_minutes must be between 2 and 120"_s);
    config.paymentLifetime = std::chrono::minutes(minutes);

    const QString listen = ini.value(u"notify/listen"_s).toString().trimmed();
    if (!listen.isEmpty()) {
        const qsizetype colon = listen.lastIndexOf(u':');
        const QHostAddress address(listen.left(colon));
        bool portOk = false;
        const uint port = listen.mid(colon + 1).toUInt(&portOk);
        if (colon <= 0 || address.isNull() || !portOk || port > 65535)
            return configError(u"[notify] listen must be address:port, like 127.0.0.1:8089"_s);
        config.notifyListen = std::pair<QHostAddress, quint16>(address, quint16(port));
    }

    WechatConfig &wechat = config.wechat;
    wechat.appId = ini.value(u"merchant/appid"_s).toString().trimmed();
    wechat.merchantId = ini.value(u"merchant/mch_id"_s).toString().trimmed();
    config.training = wechat.appId.isEmpty() && wechat.merchantId.isEmpty();
    if (config.training)
        return config;
    if (wechat.appId.isEmpty() || wechat.merchantId.isEmpty())
        return configError(u"[merchant] needs both appid and mch_id"_s);

    const QString keyFile = ini.value(u"merchant/key_file"_s).toString();
    if (!keyFile.isEmpty()) {
        QFile file(keyFile);
        if (!file.open(QIODevice::ReadOnly))
            return configError(u"cannot read the merchant key file %1"_s.arg(keyFile));
        wechat.key = file.readAll().trimmed();
    } else {
        wechat.key = ini.value(u"merchant/key"_s).toString().trimmed().toUtf8();
    }
    if (wechat.key.size() != 32)
        return configError(u"the merchant API key must be 32 characters (key or key_file)"_s);

    const QUrl gateway(ini.value(u"merchant/gateway"_s, wechat.baseUrl.toString()).toString());
    if (!gateway.isValid() || (gateway.scheme() != u"https" && gateway.scheme() != u"http"))
        return configError(u"[merchant] gateway must be an http(s) URL"_s);
    wechat.baseUrl = gateway;

    const QString signType = ini.value(u"merchant/sign_type"_s, u"HMAC-SHA256"_s).toString();
    const auto type = WechatSigner::signTypeOf({{u"sign_type"_s, signType}});
    if (!type)
        return configError(u"[merchant] sign_type must be MD5 or HMAC-SHA256"_s);
    wechat.signType = *type;

    wechat.notifyUrl = ini.value(u"notify/public_url"_s).toString();
    if (wechat.notifyUrl.isEmpty())
        return configError(
            u"[notify] public_url is required: the provider refuses orders without a notify_url"_s);
    const int timeout = ini.value(u"payment/timeout_seconds"_s, 10).toInt();
    if (timeout < 1 || timeout > 60)
        return configError(u"[payment] timeout_seconds must be between 1 and 60"_s);
    wechat.timeoutMs = timeout * 1000;
    return config;
}

} // namespace shouyin
