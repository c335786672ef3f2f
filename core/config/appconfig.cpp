#include "appconfig.h"

#include "config/configrules.h"
#include "config/inicheck.h"
#include "config/wechatv3settings.h"
#include "ids/paynumbers.h"
#include "pay/providerregistry.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr std::chrono::seconds kWechatMinimumLifetime{60};

Error configError(const QString &message)
{
    return Error{ErrorCode::Config, message};
}

// Every setting that names a file holding a secret, and the INI itself when it holds the
// key inline: each should be readable by its owner alone.
QStringList secretsReadableByOthers(const QSettings &ini, const QString &iniPath)
{
    QStringList files;
    QStringList keys{u"merchant/key_file"_s,
                     u"merchant/client_cert_p12"_s,
                     u"merchant/client_cert_password_file"_s,
                     u"merchant/client_key"_s,
                     u"alipay/app_private_key_file"_s,
                     u"database/password_file"_s};
    keys += wechatv3settings::secretFileKeys();
    for (const QString &key : std::as_const(keys)) {
        const QString path = ini.value(key).toString();
        if (!path.isEmpty())
            files.append(path);
    }
    if (ini.contains(u"merchant/key"_s) || ini.contains(u"wechat_v3/api_v3_key"_s))
        files.append(iniPath);
    QStringList warnings;
    for (const QString &path : std::as_const(files)) {
        if (QFileInfo::exists(path) &&
            (QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther)))
            warnings.append(u"%1 holds a secret and other users of this computer can read it: "
                            "chmod 600 it"_s.arg(path));
    }
    return warnings;
}

QString readable(const QString &path)
{
    return path.isEmpty() ? u"(not set)"_s : path;
}

// [merchant] client_cert_p12 (with client_cert_password_file, else the merchant id, as
// WeChat Pay issues it) or client_cert with client_key; neither is a shop without one.
Result<ClientCertificate> loadClientCertificate(const QSettings &ini, const QString &merchantId)
{
    const QString p12 = ini.value(u"merchant/client_cert_p12"_s).toString();
    const QString pem = ini.value(u"merchant/client_cert"_s).toString();
    const QString key = ini.value(u"merchant/client_key"_s).toString();
    if (!p12.isEmpty() && (!pem.isEmpty() || !key.isEmpty()))
        return configError(u"[merchant] takes client_cert_p12 or client_cert with client_key, "
                           "not both"_s);
    if (!p12.isEmpty()) {
        QByteArray password = merchantId.toUtf8();
        const QString passwordPath = ini.value(u"merchant/client_cert_password_file"_s).toString();
        if (!passwordPath.isEmpty()) {
            QFile file(passwordPath);
            if (!file.open(QIODevice::ReadOnly))
                return configError(u"cannot read the client certificate password file %1 "
                                   "([merchant] client_cert_password_file)"_s.arg(passwordPath));
            password = file.readAll().trimmed();
        }
        return ClientCertificate::fromPkcs12(p12, password);
    }
    if (pem.isEmpty() != key.isEmpty())
        return configError(u"[merchant] client_cert and client_key go together"_s);
    if (pem.isEmpty())
        return ClientCertificate{};
    return ClientCertificate::fromPem(pem, key);
}

// `public_url` + "/refund": where the listener takes the refund results of the payments
// that public_url's route takes.
QString refundNotifyUrlFor(const QString &notifyUrl)
{
    QUrl url(notifyUrl);
    const QString path = url.path();
    url.setPath((path.endsWith(u'/') ? path.chopped(1) : path) + u"/refund"_s);
    return url.toString();
}

// [merchant] gateway, secapi_gateway (refunds and reverses; the gateway unless set) and
// gateway_ca (CAs trusted besides the system's, for a sandbox gateway's TLS).
Status loadWechatGateways(const QSettings &ini, WechatConfig &wechat)
{
    const QString gateway =
        ini.value(u"merchant/gateway"_s, wechat.baseUrl.toString()).toString().trimmed();
    if (!configrules::isHttpUrl(gateway))
        return configError(u"[merchant] gateway must be an http(s) URL"_s);
    wechat.baseUrl = QUrl(gateway);

    if (ini.contains(u"merchant/secapi_gateway"_s)) {
        // The calls that move money back; plain HTTP would carry no client certificate.
        const QString secapi = ini.value(u"merchant/secapi_gateway"_s).toString().trimmed();
        if (!configrules::isSecureGatewayUrl(secapi))
            return configError(u"[merchant] secapi_gateway must be an https URL (http only for "
                               "a loopback address such as 127.0.0.1)"_s);
        wechat.secapiBaseUrl = QUrl(secapi);
    }

    const QString caPath = ini.value(u"merchant/gateway_ca"_s).toString();
    if (caPath.isEmpty())
        return success();
    QFile caFile(caPath);
    if (!caFile.open(QIODevice::ReadOnly))
        return configError(
            u"cannot read the gateway CA file %1 ([merchant] gateway_ca)"_s.arg(caPath));
    wechat.gatewayCaCertificates = QSslCertificate::fromData(caFile.readAll(), QSsl::Pem);
    if (wechat.gatewayCaCertificates.isEmpty())
        return configError(u"%1 holds no PEM certificate ([merchant] gateway_ca)"_s.arg(caPath));
    return success();
}

// The PEM files of an [alipay] section, checked now so that a wrong key is a clear error
// at start-up rather than a refused signature at the first sale.
Status loadAlipayKeys(const QSettings &ini, AlipayConfig &alipay)
{
    const QString privatePath = ini.value(u"alipay/app_private_key_file"_s).toString();
    auto appKey = configrules::readPrivateKeyFile(privatePath);
    if (!appKey && appKey.error().code == ErrorCode::Read)
        return configError(u"cannot read the Alipay app private key file %1 "
                           "([alipay] app_private_key_file)"_s.arg(readable(privatePath)));
    if (!appKey)
        return configError(u"%1 is not a usable RSA private key ([alipay] app_private_key_file): "
                           "%2"_s.arg(privatePath, appKey.error().message));
    alipay.appPrivateKey = appKey.value();

    const QString publicPath = ini.value(u"alipay/alipay_public_key_file"_s).toString();
    auto alipayKey = configrules::readPublicKeyFile(publicPath);
    if (!alipayKey && alipayKey.error().code == ErrorCode::Read)
        return configError(u"cannot read the Alipay public key file %1 "
                           "([alipay] alipay_public_key_file)"_s.arg(readable(publicPath)));
    if (!alipayKey)
        return configError(u"%1 is not a usable RSA public key ([alipay] alipay_public_key_file): "
                           "%2"_s.arg(publicPath, alipayKey.error().message));
    // The most common integration mistake: every reply would fail verification.
    if (alipayKey->samePublicKey(alipay.appPrivateKey))
        return configError(u"%1 is the app's own public key, not Alipay's: "
                           "[alipay] alipay_public_key_file must hold the Alipay public key "
                           "shown on the open platform"_s.arg(publicPath));
    alipay.alipayPublicKey = alipayKey.value();
    return success();
}

Status loadAlipay(const QSettings &ini, AlipayConfig &alipay)
{
    alipay.appId = ini.value(u"alipay/app_id"_s).toString().trimmed();
    const bool anyKey = !ini.value(u"alipay/app_private_key_file"_s).toString().isEmpty() ||
                        !ini.value(u"alipay/alipay_public_key_file"_s).toString().isEmpty();
    if (alipay.appId.isEmpty())
        return anyKey ? configError(u"[alipay] needs app_id"_s) : success();
    if (auto keys = loadAlipayKeys(ini, alipay); !keys)
        return keys;
    alipay.sellerId = ini.value(u"alipay/seller_id"_s).toString().trimmed();
    const QString gateway =
        ini.value(u"alipay/gateway"_s, alipay.gatewayUrl.toString()).toString().trimmed();
    if (!configrules::isHttpUrl(gateway))
        return configError(u"[alipay] gateway must be an http(s) URL"_s);
    alipay.gatewayUrl = QUrl(gateway);
    alipay.notifyUrl = ini.value(u"alipay/notify_url"_s).toString().trimmed();
    if (!alipay.notifyUrl.isEmpty() && !configrules::isHttpUrl(alipay.notifyUrl))
        return configError(u"[alipay] notify_url must be an http(s) URL"_s);
    return success();
}

// [database]: the password comes from a file or the environment, never from the INI
// file, which is readable by whoever may look at the till's settings.
Status loadDatabase(const QSettings &ini, DatabaseSettings &database)
{
    const QString driver = ini.value(u"database/driver"_s, u"QSQLITE"_s).toString().trimmed();
    if (ini.contains(u"database/password"_s))
        return configError(u"[database] password is not read from the INI file: use "
                           "password_file or the SHOUYIN_DB_PASSWORD environment variable"_s);
    if (driver == u"QSQLITE") {
        database.path = ini.value(u"database/path"_s).toString();
        return success();
    }
    if (driver != u"QPSQL")
        return configError(u"[database] driver must be QSQLITE or QPSQL, not '%1'"_s.arg(driver));
    database.dialect = SqlDialect::Postgres;
    database.host = ini.value(u"database/host"_s, database.host).toString().trimmed();
    bool portOk = false;
    database.port = ini.value(u"database/port"_s, database.port).toInt(&portOk);
    if (!portOk || database.port < 1 || database.port > 65535)
        return configError(u"[database] port must be a TCP port number"_s);
    database.name = ini.value(u"database/name"_s, database.name).toString().trimmed();
    database.user = ini.value(u"database/user"_s, database.user).toString().trimmed();
    if (database.host.isEmpty() || database.name.isEmpty() || database.user.isEmpty())
        return configError(u"[database] needs host, name and user for QPSQL"_s);
    const QString passwordFile = ini.value(u"database/password_file"_s).toString();
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return configError(
                u"cannot read the database password file %1 ([database] password_file)"_s.arg(
                    passwordFile));
        database.password = QString::fromUtf8(file.readAll()).trimmed();
    } else {
        database.password = qEnvironmentVariable("SHOUYIN_DB_PASSWORD");
    }
    return success();
}

} // namespace

AppConfig AppConfig::trainingDefaults()
{
    return AppConfig{};
}

Result<AppConfig> AppConfig::load(const QString &iniPath)
{
    QFile iniFile(iniPath);
    if (!iniFile.open(QIODevice::ReadOnly))
        return configError(u"cannot read configuration file %1"_s.arg(iniPath));
    if (auto checked = inicheck::check(iniFile.readAll(), inicheck::shouyinSchema()); !checked)
        return configError(u"%1, %2"_s.arg(iniPath, checked.error().message));
    iniFile.close();
    QSettings ini(iniPath, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return configError(u"%1 is not a valid INI file"_s.arg(iniPath));

    AppConfig config;
    config.warnings = secretsReadableByOthers(ini, iniPath);
    config.terminalId = ini.value(u"terminal/id"_s, config.terminalId).toString();
    if (!PayNumbers::isValidTerminalId(config.terminalId))
        return configError(
            u"[terminal] id must be 1 to 8 letters or digits, not '%1'"_s.arg(config.terminalId));

    if (const QString zone = ini.value(u"shop/time_zone"_s).toString().trimmed(); !zone.isEmpty()) {
        config.timeZone = ShopClock::zoneNamed(zone);
        if (!config.timeZone.isValid())
            return configError(u"[shop] time_zone '%1' is not a time zone this machine knows; "
                               "use an IANA name such as Asia/Shanghai"_s.arg(zone));
    }

    const int minutes = ini.value(u"payment/lifetime_minutes"_s, 10).toInt();
    if (minutes < configrules::kMinLifetimeMinutes || minutes > configrules::kMaxLifetimeMinutes)
        return configError(u"[payment] lifetime_minutes must be between %1 and %2"_s
                               .arg(configrules::kMinLifetimeMinutes)
                               .arg(configrules::kMaxLifetimeMinutes));
    config.paymentLifetime = std::chrono::minutes(minutes);
    // For tests and demonstrations only: a QR that expires within seconds, so that
    // expiries and their races with late payments can be rehearsed quickly. A real
    // customer needs the minutes above.
    if (ini.contains(u"payment/lifetime_seconds"_s)) {
        bool secondsOk = false;
        const int seconds = ini.value(u"payment/lifetime_seconds"_s).toInt(&secondsOk);
        if (!secondsOk || seconds < 5 || seconds > 7200)
            return configError(
                u"[payment] lifetime_seconds (tests and demonstrations) must be between 5 and 7200"_s);
        config.paymentLifetime = std::chrono::seconds(seconds);
    }

    const QString listen = ini.value(u"notify/listen"_s).toString().trimmed();
    if (!listen.isEmpty()) {
        config.notifyListen = configrules::parseListen(listen);
        if (!config.notifyListen)
            return configError(u"[notify] listen must be address:port, like 127.0.0.1:8089"_s);
    }

    const int timeout = ini.value(u"payment/timeout_seconds"_s, 10).toInt();
    if (timeout < configrules::kMinTimeoutSeconds || timeout > configrules::kMaxTimeoutSeconds)
        return configError(u"[payment] timeout_seconds must be between %1 and %2"_s
                               .arg(configrules::kMinTimeoutSeconds)
                               .arg(configrules::kMaxTimeoutSeconds));
    config.alipay.timeoutMs = timeout * 1000;
    if (auto database = loadDatabase(ini, config.database); !database)
        return database.error();
    auto printer = PrinterConfig::load(ini);
    if (!printer)
        return printer.error();
    config.printer = printer.value();
    config.printerConfigured = !ini.value(u"printer/receipt"_s).toString().trimmed().isEmpty();
    auto display = DisplayConfig::load(ini);
    if (!display)
        return display.error();
    config.display = display.value();
    auto goods = GoodsConfig::load(ini);
    if (!goods)
        return goods.error();
    config.goods = std::move(goods).value();
    if (auto alipay = loadAlipay(ini, config.alipay); !alipay)
        return alipay.error();

    const QString publicUrl = ini.value(u"notify/public_url"_s).toString().trimmed();
    if (auto v3 = wechatv3settings::load(ini, publicUrl, config.wechatV3); !v3)
        return v3.error();
    config.wechatV3.timeoutMs = timeout * 1000;

    WechatConfig &wechat = config.wechat;
    wechat.appId = ini.value(u"merchant/appid"_s).toString().trimmed();
    wechat.merchantId = ini.value(u"merchant/mch_id"_s).toString().trimmed();
    const bool wechatV2 = !wechat.appId.isEmpty() || !wechat.merchantId.isEmpty();
    const bool wechatConfigured = wechatV2 || config.wechatV3.isConfigured();
    config.training = !wechatConfigured && !config.alipay.isConfigured();

    config.defaultProvider =
        ini.value(u"payment/default_provider"_s,
                  wechatConfigured || config.training ? u"wechat"_s : u"alipay"_s)
            .toString()
            .trimmed();
    if (!ProviderRegistry::kind(config.defaultProvider))
        return configError(u"[payment] default_provider must be wechat or alipay"_s);
    if (!config.training && config.defaultProvider == u"alipay" && !config.alipay.isConfigured())
        return configError(u"[payment] default_provider is alipay but [alipay] is not set up"_s);
    if (!config.training && config.defaultProvider == u"wechat" && !wechatConfigured)
        return configError(
            u"[payment] default_provider is wechat but neither [merchant] nor [wechat_v3] is "
            "set up"_s);
    // WeChat refuses a time_expire under a minute away with PARAM_ERROR: every charge
    // would fail.
    if (wechatConfigured && config.paymentLifetime < kWechatMinimumLifetime)
        return configError(
            u"[payment] lifetime_seconds must be at least %1 with a WeChat Pay "
            "merchant: WeChat refuses shorter QR lifetimes"_s.arg(kWechatMinimumLifetime.count()));
    if (!wechatV2)
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
    if (wechat.key.size() != configrules::kWechatKeyLength)
        return configError(u"the merchant API key must be %1 characters (key or key_file)"_s.arg(
            configrules::kWechatKeyLength));

    auto certificate = loadClientCertificate(ini, wechat.merchantId);
    if (!certificate)
        return certificate.error();
    wechat.clientCertificate = std::move(certificate).value();

    if (auto gateways = loadWechatGateways(ini, wechat); !gateways)
        return gateways.error();

    const QString signType = ini.value(u"merchant/sign_type"_s, u"HMAC-SHA256"_s).toString();
    const auto type = WechatSigner::signTypeOf({{u"sign_type"_s, signType}});
    if (!type)
        return configError(u"[merchant] sign_type must be MD5 or HMAC-SHA256"_s);
    wechat.signType = *type;

    wechat.notifyUrl = ini.value(u"notify/public_url"_s).toString().trimmed();
    if (wechat.notifyUrl.isEmpty())
        return configError(
            u"[notify] public_url is required: the provider refuses orders without a notify_url"_s);
    if (!configrules::isHttpUrl(wechat.notifyUrl))
        return configError(u"[notify] public_url must be an http(s) URL"_s);
    // The listener serves refund results beside the payments' (NotifyService::refundPathFor).
    wechat.refundNotifyUrl = refundNotifyUrlFor(wechat.notifyUrl);
    wechat.timeoutMs = timeout * 1000;
    return config;
}

} // namespace shouyin
