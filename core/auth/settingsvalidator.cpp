#include "settingsvalidator.h"

#include "config/configrules.h"
#include "config/printerconfig.h"
#include "ids/paynumbers.h"
#include "net/clientcertificate.h"
#include "pay/providerregistry.h"
#include "pay/wechat/wechatsigner.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

using configrules::FileProblem;

class Problems
{
public:
    void add(SettingsField field, const QString &message) { m_list.append({field, message}); }
    QList<SettingsProblem> list() const { return m_list; }

private:
    QList<SettingsProblem> m_list;
};

// The file's problem in words, or empty when the till can read it.
QString fileMessage(const QString &path)
{
    switch (configrules::fileProblem(path)) {
    case FileProblem::None:
        return {};
    case FileProblem::NotSet:
        return SettingsValidator::tr("Choose the file.");
    case FileProblem::Missing:
        return SettingsValidator::tr("%1 does not exist.").arg(path);
    case FileProblem::NotAFile:
        return SettingsValidator::tr("%1 is not a file.").arg(path);
    case FileProblem::Unreadable:
        return SettingsValidator::tr("%1 cannot be read (check its permissions).").arg(path);
    }
    return {};
}

void checkUrl(Problems &problems, SettingsField field, const QString &url, bool required)
{
    if (url.trimmed().isEmpty()) {
        if (required)
            problems.add(field, SettingsValidator::tr("Needed: an address such as "
                                                      "https://pos.example.com/notify."));
        return;
    }
    if (!configrules::isHttpUrl(url))
        problems.add(field, SettingsValidator::tr("Not a web address: it must start with "
                                                  "https:// or http:// and name a host."));
}

void checkTill(Problems &problems, const ShopSettings &settings)
{
    if (!PayNumbers::isValidTerminalId(settings.terminalId.trimmed()))
        problems.add(SettingsField::TerminalId,
                     SettingsValidator::tr("1 to 8 letters (A–Z) or digits, such as T01."));
    if (settings.lifetimeMinutes < configrules::kMinLifetimeMinutes ||
        settings.lifetimeMinutes > configrules::kMaxLifetimeMinutes)
        problems.add(SettingsField::Lifetime, SettingsValidator::tr("Between %1 and %2 minutes.")
                                                  .arg(configrules::kMinLifetimeMinutes)
                                                  .arg(configrules::kMaxLifetimeMinutes));
    if (settings.timeoutSeconds < configrules::kMinTimeoutSeconds ||
        settings.timeoutSeconds > configrules::kMaxTimeoutSeconds)
        problems.add(SettingsField::Timeout, SettingsValidator::tr("Between %1 and %2 seconds.")
                                                 .arg(configrules::kMinTimeoutSeconds)
                                                 .arg(configrules::kMaxTimeoutSeconds));
    const QString listen = settings.notifyListen.trimmed();
    if (!listen.isEmpty() && !configrules::parseListen(listen))
        problems.add(SettingsField::Listen,
                     SettingsValidator::tr("An IP address and a port, such as 127.0.0.1:8089 "
                                           "(empty: no listener, polling only)."));
    if (!settings.receiptPrinter.trimmed().isEmpty()) {
        if (auto printer = PrinterConfig::forReceipt(settings.receiptPrinter.trimmed()); !printer)
            problems.add(SettingsField::ReceiptPrinter,
                         SettingsValidator::tr("The printer's address is not valid (%1).")
                             .arg(printer.error().message));
    }
}

void checkClientCertificate(Problems &problems, const ShopSettings &settings,
                            const SettingsOnFile &onFile, bool wechat)
{
    const QString p12 = settings.clientCertP12.trimmed();
    if (p12.isEmpty())
        return;
    const SettingsField field = SettingsField::ClientCertificate;
    if (!wechat) {
        problems.add(field, SettingsValidator::tr("A client certificate needs the WeChat Pay "
                                                  "app ID and merchant ID."));
        return;
    }
    if (onFile.pemClientCertificate) {
        problems.add(field, SettingsValidator::tr("The settings file already names a PEM client "
                                                  "certificate (client_cert, client_key): leave "
                                                  "this empty or remove those lines."));
        return;
    }
    if (const QString message = fileMessage(p12); !message.isEmpty()) {
        problems.add(field, message);
        return;
    }
    QByteArray password = settings.merchantId.trimmed().toUtf8();
    if (!onFile.clientCertPasswordFile.isEmpty()) {
        QFile file(onFile.clientCertPasswordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            problems.add(field, SettingsValidator::tr("Its password file %1 cannot be read.")
                                    .arg(onFile.clientCertPasswordFile));
            return;
        }
        password = file.readAll().trimmed();
    }
    if (auto certificate = ClientCertificate::fromPkcs12(p12, password); !certificate)
        problems.add(field, SettingsValidator::tr("Not a PKCS#12 certificate (.p12) that opens "
                                                  "with the merchant ID as its password, or not "
                                                  "valid now."));
}

void checkWechat(Problems &problems, const ShopSettings &settings, const SettingsOnFile &onFile)
{
    const QString appId = settings.appId.trimmed();
    const QString merchantId = settings.merchantId.trimmed();
    const bool configured = !appId.isEmpty() || !merchantId.isEmpty();
    const qsizetype keyLength =
        settings.newKey.isEmpty() ? onFile.storedKeyLength : settings.newKey.size();
    if (!configured) {
        if (!settings.newKey.isEmpty())
            problems.add(SettingsField::Key, SettingsValidator::tr("A merchant key needs the app "
                                                                   "ID and the merchant ID."));
        checkClientCertificate(problems, settings, onFile, false);
        return;
    }
    if (appId.isEmpty())
        problems.add(SettingsField::AppId,
                     SettingsValidator::tr("Needed with the merchant ID (it starts with wx)."));
    if (merchantId.isEmpty())
        problems.add(SettingsField::MerchantId,
                     SettingsValidator::tr("Needed with the app ID (the mch_id, digits)."));
    if (keyLength == 0)
        problems.add(SettingsField::Key,
                     SettingsValidator::tr("Type the merchant's API key (%1 characters).")
                         .arg(configrules::kWechatKeyLength));
    else if (keyLength != configrules::kWechatKeyLength)
        problems.add(SettingsField::Key,
                     settings.newKey.isEmpty()
                         ? SettingsValidator::tr("The stored key is not %1 characters long: type "
                                                 "the API key again.")
                               .arg(configrules::kWechatKeyLength)
                         : SettingsValidator::tr("The API key is %1 characters long; this one has "
                                                 "%2.")
                               .arg(configrules::kWechatKeyLength)
                               .arg(keyLength));
    checkClientCertificate(problems, settings, onFile, true);
    checkUrl(problems, SettingsField::PublicUrl, settings.notifyPublicUrl, true);
    if (!configrules::isHttpUrl(settings.gateway))
        problems.add(SettingsField::Gateway,
                     SettingsValidator::tr("Not a web address: it must start with https:// "
                                           "(http:// for a local sandbox) and name a host."));
    const QString secapi = settings.secapiGateway.trimmed();
    if (!secapi.isEmpty() && !configrules::isSecureGatewayUrl(secapi))
        problems.add(SettingsField::SecapiGateway,
                     SettingsValidator::tr("An https:// address (http:// only to this computer, "
                                           "such as 127.0.0.1); empty: the gateway above."));
    if (!WechatSigner::signTypeOf({{u"sign_type"_s, settings.signType}}))
        problems.add(SettingsField::SignType, SettingsValidator::tr("MD5 or HMAC-SHA256."));
}

// The key file's problem in words, or empty with `key` set.
QString keyMessage(const Result<crypto::RsaKey> &read, const QString &path, bool wantPrivate)
{
    if (read)
        return {};
    switch (read.error().code) {
    case ErrorCode::Read:
        return fileMessage(path);
    case ErrorCode::NotRsa:
        return SettingsValidator::tr("%1 is not an RSA key: Alipay's RSA2 needs one.").arg(path);
    case ErrorCode::PublicKeyGiven:
        return SettingsValidator::tr("%1 holds a public key: the app's private key goes here.")
            .arg(path);
    case ErrorCode::PrivateKeyGiven:
        return SettingsValidator::tr("%1 holds a private key: Alipay's public key goes here, as "
                                     "the open platform shows it.")
            .arg(path);
    default:
        return wantPrivate ? SettingsValidator::tr("%1 is not a PEM private key.").arg(path)
                           : SettingsValidator::tr("%1 is not a PEM public key.").arg(path);
    }
}

void checkAlipay(Problems &problems, const ShopSettings &settings)
{
    const QString privatePath = settings.alipayPrivateKeyFile.trimmed();
    const QString publicPath = settings.alipayPublicKeyFile.trimmed();
    if (settings.alipayAppId.trimmed().isEmpty()) {
        if (!privatePath.isEmpty() || !publicPath.isEmpty())
            problems.add(SettingsField::AlipayAppId,
                         SettingsValidator::tr("Needed with the key files (the app ID the open "
                                               "platform shows)."));
        return;
    }
    const auto appKey = configrules::readPrivateKeyFile(privatePath);
    if (const QString message = keyMessage(appKey, privatePath, true); !message.isEmpty())
        problems.add(SettingsField::AlipayPrivateKey, message);
    const auto alipayKey = configrules::readPublicKeyFile(publicPath);
    if (const QString message = keyMessage(alipayKey, publicPath, false); !message.isEmpty())
        problems.add(SettingsField::AlipayPublicKey, message);
    else if (appKey && alipayKey->samePublicKey(*appKey))
        problems.add(SettingsField::AlipayPublicKey,
                     SettingsValidator::tr("%1 is the app's own public key, not Alipay's: use the "
                                           "Alipay public key the open platform shows.")
                         .arg(publicPath));
    if (!configrules::isHttpUrl(settings.alipayGateway))
        problems.add(SettingsField::AlipayGateway,
                     SettingsValidator::tr("Not a web address: it must start with https:// "
                                           "(http:// for a local sandbox) and name a host."));
    checkUrl(problems, SettingsField::AlipayNotifyUrl, settings.alipayNotifyUrl, false);
}

bool holdsCertificate(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.readAll().contains("-----BEGIN CERTIFICATE-----");
}

// keyMessage() in WeChat Pay's words where Alipay's would mislead.
QString wechatKeyMessage(const Result<crypto::RsaKey> &read, const QString &path, bool wantPrivate)
{
    if (!read && read.error().code == ErrorCode::NotRsa)
        return SettingsValidator::tr("%1 is not an RSA key: WeChat Pay API v3 signs with RSA.")
            .arg(path);
    if (!read && read.error().code == ErrorCode::PublicKeyGiven)
        return SettingsValidator::tr("%1 holds a public key: the merchant's private key "
                                     "(apiclient_key.pem) goes here.")
            .arg(path);
    if (!read && read.error().code == ErrorCode::PrivateKeyGiven)
        return SettingsValidator::tr("%1 holds a private key: WeChat Pay's public key "
                                     "(pub_key.pem) goes here.")
            .arg(path);
    return keyMessage(read, path, wantPrivate);
}

void checkApiV3Key(Problems &problems, const WechatV3Settings &v3, const SettingsOnFile &onFile)
{
    constexpr qsizetype kLength = configrules::kWechatApiV3KeyLength;
    const qsizetype length = v3.newKey.isEmpty() ? onFile.storedV3KeyLength : v3.newKey.size();
    if (length == 0)
        problems.add(SettingsField::WechatV3Key,
                     SettingsValidator::tr("Type the API v3 key (%1 characters).").arg(kLength));
    else if (length != kLength)
        problems.add(SettingsField::WechatV3Key,
                     v3.newKey.isEmpty()
                         ? SettingsValidator::tr("The stored API v3 key is not %1 characters "
                                                 "long: type it again.")
                               .arg(kLength)
                         : SettingsValidator::tr("The API v3 key is %1 characters long; this one "
                                                 "has %2.")
                               .arg(kLength)
                               .arg(length));
}

// The merchant's private key and the certificate of its public half, whose serial names
// the key to WeChat Pay: a wrong pair fails every request.
void checkMerchantKey(Problems &problems, const WechatV3Settings &v3, const SettingsOnFile &onFile)
{
    const QString keyPath = v3.privateKeyFile.trimmed();
    Result<crypto::RsaKey> key = Error{ErrorCode::Read, QString()};
    if (!keyPath.isEmpty() && holdsCertificate(keyPath)) {
        problems.add(SettingsField::WechatV3PrivateKey,
                     SettingsValidator::tr("%1 holds a certificate: the merchant's private key "
                                           "(apiclient_key.pem) goes here.")
                         .arg(keyPath));
    } else {
        key = configrules::readPrivateKeyFile(keyPath);
        if (const QString message = wechatKeyMessage(key, keyPath, true); !message.isEmpty())
            problems.add(SettingsField::WechatV3PrivateKey, message);
    }
    const QString certPath = v3.certificateFile.trimmed();
    if (certPath.isEmpty()) {
        if (onFile.v3CertificateSerial.isEmpty())
            problems.add(SettingsField::WechatV3Certificate,
                         SettingsValidator::tr("Choose the merchant certificate "
                                               "(apiclient_cert.pem): its serial tells WeChat Pay "
                                               "which key signed."));
        return;
    }
    if (const QString message = fileMessage(certPath); !message.isEmpty()) {
        problems.add(SettingsField::WechatV3Certificate, message);
        return;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certPath);
    if (certificates.isEmpty()) {
        problems.add(SettingsField::WechatV3Certificate,
                     SettingsValidator::tr("%1 holds no certificate.").arg(certPath));
        return;
    }
    const auto certificateKey =
        crypto::RsaKey::fromPublicPem(certificates.first().publicKey().toPem());
    if (key && (!certificateKey || !certificateKey->samePublicKey(*key)))
        problems.add(SettingsField::WechatV3Certificate,
                     SettingsValidator::tr("%1 is not the certificate of the private key above.")
                         .arg(certPath));
}

// WeChat Pay's public key (公钥模式); without it the till downloads platform certificates.
void checkPayKey(Problems &problems, const WechatV3Settings &v3)
{
    const QString keyId = v3.publicKeyId.trimmed();
    const QString keyPath = v3.publicKeyFile.trimmed();
    if (keyId.isEmpty() && keyPath.isEmpty())
        return;
    if (!keyId.startsWith(u"PUB_KEY_ID_"))
        problems.add(SettingsField::WechatV3PublicKeyId,
                     SettingsValidator::tr("The ID WeChat Pay shows with its public key, "
                                           "PUB_KEY_ID_…; empty with the file below: "
                                           "platform certificates are downloaded."));
    if (keyPath.isEmpty()) {
        problems.add(SettingsField::WechatV3PublicKey,
                     SettingsValidator::tr("Choose WeChat Pay's public key (pub_key.pem) that "
                                           "goes with the ID above."));
        return;
    }
    if (holdsCertificate(keyPath)) {
        problems.add(SettingsField::WechatV3PublicKey,
                     SettingsValidator::tr("%1 holds a certificate: WeChat Pay's public key "
                                           "(pub_key.pem) goes here.")
                         .arg(keyPath));
        return;
    }
    const auto key = configrules::readPublicKeyFile(keyPath);
    if (const QString message = wechatKeyMessage(key, keyPath, false); !message.isEmpty())
        problems.add(SettingsField::WechatV3PublicKey, message);
    else if (const auto merchant = configrules::readPrivateKeyFile(v3.privateKeyFile.trimmed());
             merchant && key->samePublicKey(*merchant))
        problems.add(SettingsField::WechatV3PublicKey,
                     SettingsValidator::tr("%1 is the merchant's own public key, not WeChat "
                                           "Pay's.")
                         .arg(keyPath));
}

void checkWechatV3(Problems &problems, const ShopSettings &settings, const SettingsOnFile &onFile)
{
    const WechatV3Settings &v3 = settings.wechatV3;
    if (!v3.isSet())
        return;
    if (v3.appId.trimmed().isEmpty())
        problems.add(SettingsField::WechatV3AppId,
                     SettingsValidator::tr("Needed for API v3 (it starts with wx)."));
    if (v3.merchantId.trimmed().isEmpty())
        problems.add(SettingsField::WechatV3MerchantId,
                     SettingsValidator::tr("Needed for API v3 (the mch_id, digits)."));
    checkApiV3Key(problems, v3, onFile);
    // WeChat Pay refuses orders without a notify URL; v2's check asks for it already.
    if (settings.appId.trimmed().isEmpty() && settings.merchantId.trimmed().isEmpty())
        checkUrl(problems, SettingsField::PublicUrl, settings.notifyPublicUrl, true);
    checkMerchantKey(problems, v3, onFile);
    checkPayKey(problems, v3);
}

void checkDefaultProvider(Problems &problems, const ShopSettings &settings)
{
    const bool wechat = !settings.appId.trimmed().isEmpty() ||
                        !settings.merchantId.trimmed().isEmpty() || settings.wechatV3.isSet();
    const bool alipay = !settings.alipayAppId.trimmed().isEmpty();
    const QString provider = settings.defaultProvider;
    if (!ProviderRegistry::kind(provider))
        problems.add(SettingsField::DefaultProvider,
                     SettingsValidator::tr("WeChat Pay or Alipay."));
    else if ((wechat || alipay) && provider == u"alipay" && !alipay)
        problems.add(SettingsField::DefaultProvider,
                     SettingsValidator::tr("Alipay is not set up: fill in its section or choose "
                                           "WeChat Pay."));
    else if ((wechat || alipay) && provider == u"wechat" && !wechat)
        problems.add(SettingsField::DefaultProvider,
                     SettingsValidator::tr("WeChat Pay is not set up: fill in its section or "
                                           "choose Alipay."));
}

} // namespace

QList<SettingsProblem> SettingsValidator::check(const ShopSettings &settings,
                                                const SettingsOnFile &onFile)
{
    Problems problems;
    checkWechat(problems, settings, onFile);
    checkWechatV3(problems, settings, onFile);
    checkAlipay(problems, settings);
    checkTill(problems, settings);
    checkDefaultProvider(problems, settings);
    return problems.list();
}

QString SettingsValidator::fieldName(SettingsField field)
{
    switch (field) {
    case SettingsField::TerminalId:
        return tr("Terminal ID");
    case SettingsField::DefaultProvider:
        return tr("Default provider");
    case SettingsField::Lifetime:
        return tr("QR code deadline");
    case SettingsField::AppId:
        return tr("WeChat Pay app ID");
    case SettingsField::MerchantId:
        return tr("Merchant ID");
    case SettingsField::Key:
        return tr("API key");
    case SettingsField::ClientCertificate:
        return tr("Client certificate");
    case SettingsField::WechatV3AppId:
        return tr("API v3 app ID");
    case SettingsField::WechatV3MerchantId:
        return tr("API v3 merchant ID");
    case SettingsField::WechatV3Key:
        return tr("API v3 key");
    case SettingsField::WechatV3PrivateKey:
        return tr("Merchant private key");
    case SettingsField::WechatV3Certificate:
        return tr("Merchant certificate");
    case SettingsField::WechatV3PublicKeyId:
        return tr("WeChat Pay public key ID");
    case SettingsField::WechatV3PublicKey:
        return tr("WeChat Pay public key");
    case SettingsField::AlipayAppId:
        return tr("Alipay app ID");
    case SettingsField::AlipayPrivateKey:
        return tr("App private key file");
    case SettingsField::AlipayPublicKey:
        return tr("Alipay public key file");
    case SettingsField::AlipaySellerId:
        return tr("Seller ID");
    case SettingsField::Listen:
        return tr("Listen on");
    case SettingsField::PublicUrl:
        return tr("WeChat Pay notify URL");
    case SettingsField::AlipayNotifyUrl:
        return tr("Alipay notify URL");
    case SettingsField::SignType:
        return tr("Signature");
    case SettingsField::Gateway:
        return tr("WeChat Pay gateway");
    case SettingsField::SecapiGateway:
        return tr("Refund gateway");
    case SettingsField::AlipayGateway:
        return tr("Alipay gateway");
    case SettingsField::Timeout:
        return tr("Gateway timeout");
    case SettingsField::ReceiptPrinter:
        return tr("Receipt printer");
    }
    return {};
}

} // namespace shouyin
