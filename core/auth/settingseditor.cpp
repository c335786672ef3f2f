#include "settingseditor.h"

#include "config/appconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcSettings, "shouyin.settings")

namespace {

// The INI as lines, edited in place so that the shop owner's comments survive.
class IniLines
{
public:
    explicit IniLines(const QString &text)
    {
        if (!text.isEmpty())
            m_lines = text.split(u'\n');
        for (QString &line : m_lines) {
            if (line.endsWith(u'\r'))
                line.chop(1);
        }
        while (!m_lines.isEmpty() && m_lines.last().isEmpty())
            m_lines.removeLast();
    }

    void set(const QString &section, const QString &key, const QString &value)
    {
        const QString entry = key + u'=' + quoted(value);
        const QString header = u'[' + section + u']';
        qsizetype start = m_lines.indexOf(header);
        if (start < 0) {
            if (!m_lines.isEmpty())
                m_lines.append(QString());
            m_lines.append(header);
            m_lines.append(entry);
            return;
        }
        qsizetype end = start + 1;
        while (end < m_lines.size() && !m_lines.at(end).trimmed().startsWith(u'['))
            ++end;
        const QRegularExpression active(u"^\\s*"_s + QRegularExpression::escape(key) + u"\\s*="_s);
        const QRegularExpression commented(u"^\\s*[;#]\\s*"_s + QRegularExpression::escape(key) +
                                           u"\\s*="_s);
        for (qsizetype i = start + 1; i < end; ++i) {
            if (active.match(m_lines.at(i)).hasMatch()) {
                m_lines[i] = entry;
                return;
            }
        }
        for (qsizetype i = start + 1; i < end; ++i) {
            if (commented.match(m_lines.at(i)).hasMatch()) {
                m_lines[i] = entry; // the template's example becomes the setting
                return;
            }
        }
        qsizetype last = end;
        while (last > start + 1 && m_lines.at(last - 1).trimmed().isEmpty())
            --last;
        m_lines.insert(last, entry);
    }

    // Comments out `key` in `section` (an inline key= replaced by key_file=).
    void remove(const QString &section, const QString &key)
    {
        const qsizetype start = m_lines.indexOf(u'[' + section + u']');
        if (start < 0)
            return;
        const QRegularExpression active(u"^\\s*"_s + QRegularExpression::escape(key) + u"\\s*="_s);
        for (qsizetype i = start + 1; i < m_lines.size(); ++i) {
            if (m_lines.at(i).trimmed().startsWith(u'['))
                break;
            if (active.match(m_lines.at(i)).hasMatch())
                m_lines[i] = u';' + key + u"= (moved to key_file)"_s;
        }
    }

    QByteArray toUtf8() const { return (m_lines.join(u'\n') + u'\n').toUtf8(); }

private:
    // QSettings reads ';' as a comment and ',' as a list: such values go in quotes.
    static QString quoted(const QString &value)
    {
        static const QRegularExpression special(u"[;,\"\\\\#=]|^\\s|\\s$"_s);
        if (!special.match(value).hasMatch())
            return value;
        QString escaped = value;
        escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
        return u'"' + escaped + u'"';
    }

    QStringList m_lines;
};

Status writeFile(const QString &path, const QByteArray &bytes, bool ownerOnly)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Write, file.errorString()};
    if (ownerOnly)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(bytes);
    if (!file.commit())
        return Error{ErrorCode::Write, file.errorString()};
    return success();
}

} // namespace

SettingsEditor::SettingsEditor(QString iniPath, QString preferencesPath, QObject *parent)
    : QObject(parent)
    , m_iniPath(std::move(iniPath))
    , m_preferencesPath(std::move(preferencesPath))
{}

QString SettingsEditor::keyFilePath() const
{
    return QFileInfo(m_iniPath).absoluteDir().filePath(u"wechat-api.key"_s);
}

QString SettingsEditor::keyHint(const QByteArray &key)
{
    if (key.isEmpty())
        return {};
    return u"…"_s + QString::fromLatin1(key.right(4));
}

QString SettingsEditor::language() const
{
    if (m_preferencesPath.isEmpty())
        return QSettings().value(u"ui/language"_s).toString();
    return QSettings(m_preferencesPath, QSettings::IniFormat).value(u"ui/language"_s).toString();
}

void SettingsEditor::setLanguage(const QString &language)
{
    std::unique_ptr<QSettings> settings =
        m_preferencesPath.isEmpty()
            ? std::make_unique<QSettings>()
            : std::make_unique<QSettings>(m_preferencesPath, QSettings::IniFormat);
    settings->setValue(u"ui/language"_s, language);
}

Result<ShopSettings> SettingsEditor::load(const Staff &staff) const
{
    if (auto allowed = staff.require(Permission::ChangeSettings); !allowed)
        return allowed.error();
    ShopSettings settings;
    settings.language = language();
    if (!QFile::exists(m_iniPath))
        return settings;
    const QSettings ini(m_iniPath, QSettings::IniFormat);
    const auto text = [&ini](const QString &key, const QString &fallback) {
        return ini.value(key, fallback).toString().trimmed();
    };
    settings.terminalId = text(u"terminal/id"_s, settings.terminalId);
    settings.appId = text(u"merchant/appid"_s, {});
    settings.merchantId = text(u"merchant/mch_id"_s, {});
    settings.gateway = text(u"merchant/gateway"_s, settings.gateway);
    settings.signType = text(u"merchant/sign_type"_s, settings.signType);
    settings.notifyListen = text(u"notify/listen"_s, {});
    settings.notifyPublicUrl = text(u"notify/public_url"_s, {});
    settings.lifetimeMinutes = ini.value(u"payment/lifetime_minutes"_s, 10).toInt();
    settings.timeoutSeconds = ini.value(u"payment/timeout_seconds"_s, 10).toInt();
    settings.defaultProvider = text(u"payment/default_provider"_s, settings.defaultProvider);
    settings.shopName = text(u"shop/name"_s, {});
    settings.shopAddress = text(u"shop/address"_s, {});
    settings.receiptPrinter = text(u"printer/receipt"_s, settings.receiptPrinter);
    settings.paper = text(u"printer/paper"_s, settings.paper);
    settings.printReceipts = text(u"printer/print_receipts"_s, settings.printReceipts);
    settings.drawer = text(u"printer/drawer"_s, settings.drawer);
    // The key itself stays here: only its hint leaves this function.
    QByteArray key = ini.value(u"merchant/key"_s).toString().trimmed().toUtf8();
    const QString keyFile = text(u"merchant/key_file"_s, {});
    if (!keyFile.isEmpty()) {
        QFile file(keyFile);
        if (file.open(QIODevice::ReadOnly))
            key = file.readAll().trimmed();
    }
    settings.keyHint = keyHint(key);
    return settings;
}

Status SettingsEditor::save(const Staff &staff, const ShopSettings &settings)
{
    if (auto allowed = staff.require(Permission::ChangeSettings); !allowed)
        return allowed;
    const bool training =
        settings.appId.trimmed().isEmpty() && settings.merchantId.trimmed().isEmpty();
    QByteArray original;
    if (QFile file(m_iniPath); file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Read,
                         tr("Cannot read %1: %2").arg(m_iniPath, file.errorString())};
        original = file.readAll();
    }
    const bool storeKey = !settings.newKey.isEmpty();
    if (storeKey && training)
        return Error{ErrorCode::Config, tr("A merchant key needs the app ID and the merchant ID.")};
    const QString keyFile =
        storeKey
            ? keyFilePath()
            : QSettings(m_iniPath, QSettings::IniFormat).value(u"merchant/key_file"_s).toString();

    const auto build = [&](const QString &keyPath) {
        IniLines ini(QString::fromUtf8(original));
        ini.set(u"terminal"_s, u"id"_s, settings.terminalId.trimmed());
        ini.set(u"merchant"_s, u"appid"_s, settings.appId.trimmed());
        ini.set(u"merchant"_s, u"mch_id"_s, settings.merchantId.trimmed());
        if (storeKey) {
            ini.remove(u"merchant"_s, u"key"_s);
            ini.set(u"merchant"_s, u"key_file"_s, keyPath);
        }
        ini.set(u"merchant"_s, u"gateway"_s, settings.gateway.trimmed());
        ini.set(u"merchant"_s, u"sign_type"_s, settings.signType.trimmed());
        ini.set(u"notify"_s, u"listen"_s, settings.notifyListen.trimmed());
        ini.set(u"notify"_s, u"public_url"_s, settings.notifyPublicUrl.trimmed());
        ini.set(u"payment"_s, u"lifetime_minutes"_s, QString::number(settings.lifetimeMinutes));
        ini.set(u"payment"_s, u"timeout_seconds"_s, QString::number(settings.timeoutSeconds));
        ini.set(u"payment"_s, u"default_provider"_s, settings.defaultProvider);
        ini.set(u"shop"_s, u"name"_s, settings.shopName.trimmed());
        ini.set(u"shop"_s, u"address"_s, settings.shopAddress.trimmed());
        ini.set(u"printer"_s, u"receipt"_s, settings.receiptPrinter.trimmed());
        ini.set(u"printer"_s, u"paper"_s, settings.paper);
        ini.set(u"printer"_s, u"print_receipts"_s, settings.printReceipts);
        ini.set(u"printer"_s, u"drawer"_s, settings.drawer);
        return ini.toUtf8();
    };

    // The candidate is checked by the very code that reads it at start, in a private
    // temporary directory (the new key included), before anything is replaced.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error{ErrorCode::Write, tr("Cannot create a temporary directory.")};
    QString checkKeyPath = keyFile;
    if (storeKey) {
        checkKeyPath = scratch.filePath(u"key"_s);
        if (auto written = writeFile(checkKeyPath, settings.newKey, true); !written)
            return written;
    }
    const QString candidate = scratch.filePath(u"candidate.ini"_s);
    if (auto written = writeFile(candidate, build(checkKeyPath), true); !written)
        return written;
    if (auto checked = AppConfig::load(candidate); !checked)
        return checked.error();

    if (storeKey) {
        if (auto written = writeFile(keyFile, settings.newKey, true); !written)
            return Error{
                ErrorCode::Write,
                tr("Cannot write the key file %1: %2").arg(keyFile, written.error().message)};
    }
    if (auto written = writeFile(m_iniPath, build(keyFile), true); !written)
        return Error{ErrorCode::Write,
                     tr("Cannot write %1: %2").arg(m_iniPath, written.error().message)};
    setLanguage(settings.language);
    qCInfo(lcSettings) << staff.name() << "saved the settings" << m_iniPath
                       << (storeKey ? "with a new merchant key" : "");
    return success();
}

} // namespace shouyin
