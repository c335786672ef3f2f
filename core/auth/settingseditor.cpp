#include "settingseditor.h"

#include "auth/inilines.h"
#include "config/appconfig.h"
#include "config/inicheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSettings>
#include <QTemporaryDir>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcSettings, "shouyin.settings")

namespace {

// A key as AppConfig reads it ([merchant] key_file, else key=; [wechat_v3]
// api_v3_key_file, else api_v3_key=). It stays in this file: only its hint and length
// leave.
QByteArray storedSecret(const QSettings &ini, const QString &inlineKey, const QString &fileKey)
{
    QByteArray key = ini.value(inlineKey).toString().trimmed().toUtf8();
    const QString keyFile = ini.value(fileKey).toString().trimmed();
    if (!keyFile.isEmpty()) {
        QFile file(keyFile);
        if (file.open(QIODevice::ReadOnly))
            key = file.readAll().trimmed();
    }
    return key;
}

QByteArray storedKey(const QSettings &ini)
{
    return storedSecret(ini, u"merchant/key"_s, u"merchant/key_file"_s);
}

QByteArray storedApiV3Key(const QSettings &ini)
{
    return storedSecret(ini, u"wechat_v3/api_v3_key"_s, u"wechat_v3/api_v3_key_file"_s);
}

// A key typed on the page: written to an owner-only file of its own next to the INI,
// which names it (`fileKey`) in place of any inline `inlineKey`.
struct NewSecret
{
    QString section;
    QString inlineKey;
    QString fileKey;
    QString path;
    QByteArray bytes;
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

// [alipay] only once it is set up or was in the file: a till without Alipay keeps a
// file without the section.
void writeAlipay(IniLines &ini, const ShopSettings &settings)
{
    const QString section = u"alipay"_s;
    ini.setOrDrop(section, u"app_id"_s, settings.alipayAppId.trimmed());
    ini.setOrDrop(section, u"app_private_key_file"_s, settings.alipayPrivateKeyFile.trimmed());
    ini.setOrDrop(section, u"alipay_public_key_file"_s, settings.alipayPublicKeyFile.trimmed());
    const QString gateway = settings.alipayGateway.trimmed();
    ini.setOrDrop(section, u"gateway"_s,
                  gateway == ShopSettings().alipayGateway &&
                          settings.alipayAppId.trimmed().isEmpty()
                      ? QString()
                      : gateway);
    ini.setOrDrop(section, u"seller_id"_s, settings.alipaySellerId.trimmed());
    ini.setOrDrop(section, u"notify_url"_s, settings.alipayNotifyUrl.trimmed());
}

// [wechat_v3] while the page's box holds anything. An emptied box takes the v3 merchant
// off altogether: a setting left behind would read as a half-configured merchant.
void writeWechatV3(IniLines &ini, const WechatV3Settings &v3)
{
    const QString section = u"wechat_v3"_s;
    if (!v3.isSet()) {
        for (const QString &key : inicheck::shouyinSchema().value(section))
            ini.setOrDrop(section, key, {});
        return;
    }
    ini.set(section, u"appid"_s, v3.appId.trimmed());
    ini.set(section, u"mch_id"_s, v3.merchantId.trimmed());
    ini.setOrDrop(section, u"private_key_file"_s, v3.privateKeyFile.trimmed());
    ini.setOrDrop(section, u"certificate_file"_s, v3.certificateFile.trimmed());
    ini.setOrDrop(section, u"public_key_id"_s, v3.publicKeyId.trimmed());
    ini.setOrDrop(section, u"public_key_file"_s, v3.publicKeyFile.trimmed());
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

QString SettingsEditor::apiV3KeyFilePath() const
{
    return QFileInfo(m_iniPath).absoluteDir().filePath(u"wechat-apiv3.key"_s);
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
    settings.clientCertP12 = text(u"merchant/client_cert_p12"_s, {});
    settings.gateway = text(u"merchant/gateway"_s, settings.gateway);
    settings.secapiGateway = text(u"merchant/secapi_gateway"_s, {});
    settings.signType = text(u"merchant/sign_type"_s, settings.signType);
    settings.notifyListen = text(u"notify/listen"_s, {});
    settings.notifyPublicUrl = text(u"notify/public_url"_s, {});
    WechatV3Settings &v3 = settings.wechatV3;
    v3.appId = text(u"wechat_v3/appid"_s, {});
    v3.merchantId = text(u"wechat_v3/mch_id"_s, {});
    v3.privateKeyFile = text(u"wechat_v3/private_key_file"_s, {});
    v3.certificateFile = text(u"wechat_v3/certificate_file"_s, {});
    v3.publicKeyId = text(u"wechat_v3/public_key_id"_s, {});
    v3.publicKeyFile = text(u"wechat_v3/public_key_file"_s, {});
    v3.keyHint = keyHint(storedApiV3Key(ini));
    settings.alipayAppId = text(u"alipay/app_id"_s, {});
    settings.alipayPrivateKeyFile = text(u"alipay/app_private_key_file"_s, {});
    settings.alipayPublicKeyFile = text(u"alipay/alipay_public_key_file"_s, {});
    settings.alipayGateway = text(u"alipay/gateway"_s, settings.alipayGateway);
    settings.alipaySellerId = text(u"alipay/seller_id"_s, {});
    settings.alipayNotifyUrl = text(u"alipay/notify_url"_s, {});
    settings.lifetimeMinutes = ini.value(u"payment/lifetime_minutes"_s, 10).toInt();
    settings.timeoutSeconds = ini.value(u"payment/timeout_seconds"_s, 10).toInt();
    settings.defaultProvider = text(u"payment/default_provider"_s, settings.defaultProvider);
    settings.shopName = text(u"shop/name"_s, {});
    settings.shopAddress = text(u"shop/address"_s, {});
    settings.receiptPrinter = text(u"printer/receipt"_s, settings.receiptPrinter);
    settings.paper = text(u"printer/paper"_s, settings.paper);
    settings.printReceipts = text(u"printer/print_receipts"_s, settings.printReceipts);
    settings.drawer = text(u"printer/drawer"_s, settings.drawer);
    settings.keyHint = keyHint(storedKey(ini));
    return settings;
}

SettingsOnFile SettingsEditor::onFile() const
{
    SettingsOnFile stored;
    if (!QFile::exists(m_iniPath))
        return stored;
    const QSettings ini(m_iniPath, QSettings::IniFormat);
    stored.storedKeyLength = storedKey(ini).size();
    stored.storedV3KeyLength = storedApiV3Key(ini).size();
    stored.v3CertificateSerial = ini.value(u"wechat_v3/certificate_serial"_s).toString().trimmed();
    stored.clientCertPasswordFile =
        ini.value(u"merchant/client_cert_password_file"_s).toString().trimmed();
    stored.pemClientCertificate = !ini.value(u"merchant/client_cert"_s).toString().isEmpty() ||
                                  !ini.value(u"merchant/client_key"_s).toString().isEmpty();
    return stored;
}

QList<SettingsProblem> SettingsEditor::check(const ShopSettings &settings) const
{
    return SettingsValidator::check(settings, onFile());
}

Status SettingsEditor::save(const Staff &staff, const ShopSettings &settings)
{
    if (auto allowed = staff.require(Permission::ChangeSettings); !allowed)
        return allowed;
    QByteArray original;
    if (QFile file(m_iniPath); file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Read,
                         tr("Cannot read %1: %2").arg(m_iniPath, file.errorString())};
        original = file.readAll();
    }
    // The manager's own words for each field first; AppConfig below is the last word.
    if (const QList<SettingsProblem> problems = check(settings); !problems.isEmpty()) {
        QStringList messages;
        for (const SettingsProblem &problem : problems)
            messages.append(
                tr("%1: %2").arg(SettingsValidator::fieldName(problem.field), problem.message));
        return Error{ErrorCode::Config, messages.join(u'\n')};
    }
    QList<NewSecret> secrets;
    if (!settings.newKey.isEmpty())
        secrets.append({u"merchant"_s, u"key"_s, u"key_file"_s, keyFilePath(), settings.newKey});
    if (!settings.wechatV3.newKey.isEmpty())
        secrets.append({u"wechat_v3"_s, u"api_v3_key"_s, u"api_v3_key_file"_s, apiV3KeyFilePath(),
                        settings.wechatV3.newKey});

    // `keyPath` says where each new key is, for the INI to name it.
    const auto build = [&](const std::function<QString(const NewSecret &)> &keyPath) {
        IniLines ini(QString::fromUtf8(original));
        ini.set(u"terminal"_s, u"id"_s, settings.terminalId.trimmed());
        ini.set(u"merchant"_s, u"appid"_s, settings.appId.trimmed());
        ini.set(u"merchant"_s, u"mch_id"_s, settings.merchantId.trimmed());
        // A PEM pair in the file stays; check() refused a .p12 beside it.
        ini.setOrDrop(u"merchant"_s, u"client_cert_p12"_s, settings.clientCertP12.trimmed());
        ini.set(u"merchant"_s, u"gateway"_s, settings.gateway.trimmed());
        ini.setOrDrop(u"merchant"_s, u"secapi_gateway"_s, settings.secapiGateway.trimmed());
        ini.set(u"merchant"_s, u"sign_type"_s, settings.signType.trimmed());
        writeWechatV3(ini, settings.wechatV3);
        for (const NewSecret &secret : secrets) {
            ini.remove(secret.section, secret.inlineKey);
            ini.set(secret.section, secret.fileKey, keyPath(secret));
        }
        ini.set(u"notify"_s, u"listen"_s, settings.notifyListen.trimmed());
        ini.set(u"notify"_s, u"public_url"_s, settings.notifyPublicUrl.trimmed());
        writeAlipay(ini, settings);
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
    // temporary directory (the new keys included), before anything is replaced.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error{ErrorCode::Write, tr("Cannot create a temporary directory.")};
    const auto scratchPath = [&scratch](const NewSecret &secret) {
        return scratch.filePath(secret.fileKey);
    };
    for (const NewSecret &secret : secrets)
        if (auto written = writeFile(scratchPath(secret), secret.bytes, true); !written)
            return written;
    const QString candidate = scratch.filePath(u"candidate.ini"_s);
    if (auto written = writeFile(candidate, build(scratchPath), true); !written)
        return written;
    if (auto checked = AppConfig::load(candidate); !checked)
        return checked.error();

    for (const NewSecret &secret : secrets) {
        if (auto written = writeFile(secret.path, secret.bytes, true); !written)
            return Error{
                ErrorCode::Write,
                tr("Cannot write the key file %1: %2").arg(secret.path, written.error().message)};
    }
    if (auto written = writeFile(m_iniPath, build([](const NewSecret &s) { return s.path; }), true);
        !written)
        return Error{ErrorCode::Write,
                     tr("Cannot write %1: %2").arg(m_iniPath, written.error().message)};
    setLanguage(settings.language);
    qCInfo(lcSettings) << staff.name() << "saved the settings" << m_iniPath
                       << (secrets.isEmpty() ? "" : "with a new merchant key");
    return success();
}

} // namespace shouyin
