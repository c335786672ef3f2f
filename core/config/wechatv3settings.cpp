#include "wechatv3settings.h"

#include "config/configrules.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace shouyin::wechatv3settings {

namespace {

Error configError(const QString &message)
{
    return Error{ErrorCode::Config, message};
}

QString setting(const QSettings &ini, const QString &key)
{
    return ini.value(u"wechat_v3/"_s + key).toString().trimmed();
}

Result<QByteArray> readFile(const QString &path, const QString &key)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return configError(
            u"cannot read %1 ([wechat_v3] %2)"_s.arg(path.isEmpty() ? u"(not set)"_s : path, key));
    return file.readAll();
}

bool holdsCertificate(const QByteArray &pem)
{
    return pem.contains("-----BEGIN CERTIFICATE-----");
}

Status loadApiV3Key(const QSettings &ini, WechatV3Config &config)
{
    QByteArray key = setting(ini, u"api_v3_key"_s).toUtf8();
    if (const QString path = setting(ini, u"api_v3_key_file"_s); !path.isEmpty()) {
        auto read = readFile(path, u"api_v3_key_file"_s);
        if (!read)
            return read.error();
        key = read->trimmed();
    }
    if (key.size() != configrules::kWechatApiV3KeyLength)
        return configError(
            u"the API v3 key must be %1 characters, not %2 ([wechat_v3] "
            "api_v3_key_file or api_v3_key)"_s.arg(configrules::kWechatApiV3KeyLength)
                .arg(key.size()));
    config.apiV3Key = key;
    return success();
}

// The merchant's private key, and the serial of the certificate holding its public half:
// WeChat Pay finds the key by that serial, so a wrong one fails every request.
Status loadSigningKey(const QSettings &ini, WechatV3Config &config)
{
    const QString keyPath = setting(ini, u"private_key_file"_s);
    auto pem = readFile(keyPath, u"private_key_file"_s);
    if (!pem)
        return pem.error();
    if (holdsCertificate(*pem))
        return configError(u"%1 holds a certificate; [wechat_v3] private_key_file must hold the "
                           "merchant's private key (apiclient_key.pem)"_s.arg(keyPath));
    auto key = crypto::RsaKey::fromPrivatePem(*pem);
    if (!key)
        return configError(u"%1 is not a usable RSA private key ([wechat_v3] private_key_file): "
                           "%2"_s.arg(keyPath, key.error().message));
    config.signing.privateKey = key.value();

    QString serial = setting(ini, u"certificate_serial"_s);
    if (!serial.isEmpty() && !QRegularExpression(u"^[0-9A-Fa-f:]+$"_s).match(serial).hasMatch())
        return configError(u"[wechat_v3] certificate_serial must be the hexadecimal serial of "
                           "the merchant certificate, not '%1'"_s.arg(serial));
    if (const QString certPath = setting(ini, u"certificate_file"_s); !certPath.isEmpty()) {
        auto certPem = readFile(certPath, u"certificate_file"_s);
        if (!certPem)
            return certPem.error();
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(*certPem);
        if (certificates.isEmpty())
            return configError(
                u"%1 holds no certificate ([wechat_v3] certificate_file)"_s.arg(certPath));
        auto certificateKey =
            crypto::RsaKey::fromPublicPem(certificates.first().publicKey().toPem());
        if (!certificateKey || !certificateKey->samePublicKey(key.value()))
            return configError(
                u"the certificate %1 does not belong to the private key %2 "
                "([wechat_v3] certificate_file, private_key_file)"_s.arg(certPath, keyPath));
        const QString certificateSerial =
            wechatv3::normalizedSerial(QString::fromLatin1(certificates.first().serialNumber()));
        if (!serial.isEmpty() && wechatv3::normalizedSerial(serial) != certificateSerial)
            return configError(
                u"[wechat_v3] certificate_serial %1 is not the serial of %2 (%3)"_s.arg(
                    serial, certPath, certificateSerial));
        serial = certificateSerial;
    }
    if (serial.isEmpty())
        return configError(u"[wechat_v3] needs certificate_serial (or certificate_file): the "
                           "serial of the merchant certificate"_s);
    config.signing.serialNo = wechatv3::normalizedSerial(serial);
    return success();
}

// What WeChat Pay signs with: its public key (公钥模式), platform certificates, or both
// during a switch from one to the other.
Status loadPayKeys(const QSettings &ini, WechatV3Config &config)
{
    const QString keyId = setting(ini, u"public_key_id"_s);
    const QString keyPath = setting(ini, u"public_key_file"_s);
    if (keyId.isEmpty() != keyPath.isEmpty())
        return configError(u"[wechat_v3] public_key_id and public_key_file go together"_s);
    if (!keyId.isEmpty()) {
        if (!keyId.startsWith(u"PUB_KEY_ID_"))
            return configError(u"[wechat_v3] public_key_id must be the id WeChat Pay shows with "
                               "its public key, PUB_KEY_ID_…, not '%1'"_s.arg(keyId));
        auto pem = readFile(keyPath, u"public_key_file"_s);
        if (!pem)
            return pem.error();
        if (holdsCertificate(*pem))
            return configError(
                u"%1 holds a certificate; [wechat_v3] public_key_file must hold the WeChat Pay "
                "public key (pub_key.pem). Platform certificates are downloaded "
                "(platform_certificates=download)"_s.arg(keyPath));
        auto key = crypto::RsaKey::fromPublicPem(*pem);
        if (!key)
            return configError(u"%1 is not a usable RSA public key ([wechat_v3] public_key_file): "
                               "%2"_s.arg(keyPath, key.error().message));
        if (key->samePublicKey(config.signing.privateKey))
            return configError(u"%1 is the merchant's own public key, not WeChat Pay's "
                               "([wechat_v3] public_key_file)"_s.arg(keyPath));
        config.payKeys.addPublicKey(keyId, key.value());
    }
    const QString certificates = setting(ini, u"platform_certificates"_s).isEmpty()
                                     ? (keyId.isEmpty() ? u"download"_s : u"none"_s)
                                     : setting(ini, u"platform_certificates"_s);
    if (certificates != u"download" && certificates != u"none")
        return configError(u"[wechat_v3] platform_certificates must be download or none"_s);
    config.downloadCertificates = certificates == u"download";
    if (!config.downloadCertificates && config.payKeys.isEmpty())
        return configError(u"[wechat_v3] needs WeChat Pay's public key (public_key_id, "
                           "public_key_file) or platform_certificates=download"_s);
    return success();
}

Status loadAddresses(const QSettings &ini, const QString &publicUrl, WechatV3Config &config)
{
    const QString gateway = setting(ini, u"gateway"_s);
    if (!gateway.isEmpty()) {
        if (!configrules::isSecureGatewayUrl(gateway))
            return configError(u"[wechat_v3] gateway must be an https URL (http only for a "
                               "loopback address such as 127.0.0.1)"_s);
        config.baseUrl = QUrl(gateway);
    }
    if (const QString caPath = setting(ini, u"gateway_ca"_s); !caPath.isEmpty()) {
        auto pem = readFile(caPath, u"gateway_ca"_s);
        if (!pem)
            return pem.error();
        config.gatewayCaCertificates = QSslCertificate::fromData(*pem);
        if (config.gatewayCaCertificates.isEmpty())
            return configError(
                u"%1 holds no PEM certificate ([wechat_v3] gateway_ca)"_s.arg(caPath));
    }
    QString notifyUrl = setting(ini, u"notify_url"_s);
    if (notifyUrl.isEmpty() && !publicUrl.isEmpty()) {
        QUrl url(publicUrl);
        url.setPath((url.path().endsWith(u'/') ? url.path().chopped(1) : url.path()) + u"/v3"_s);
        notifyUrl = url.toString();
    }
    if (notifyUrl.isEmpty())
        return configError(u"[wechat_v3] notify_url (or [notify] public_url) is required: "
                           "WeChat Pay refuses orders without one"_s);
    if (!configrules::isHttpUrl(notifyUrl))
        return configError(u"[wechat_v3] notify_url must be an http(s) URL"_s);
    config.notifyUrl = notifyUrl;
    QUrl refundUrl(notifyUrl);
    refundUrl.setPath(refundUrl.path() + u"/refund"_s);
    config.refundNotifyUrl = refundUrl.toString();
    return success();
}

} // namespace

Status load(const QSettings &ini, const QString &publicUrl, WechatV3Config &config)
{
    config.appId = setting(ini, u"appid"_s);
    config.signing.merchantId = setting(ini, u"mch_id"_s);
    bool anything = false;
    for (const QString &key : ini.allKeys())
        anything = anything || key.startsWith(u"wechat_v3/");
    if (!anything)
        return success();
    if (config.appId.isEmpty() || config.signing.merchantId.isEmpty())
        return configError(u"[wechat_v3] needs both appid and mch_id"_s);
    for (auto step : {loadApiV3Key, loadSigningKey, loadPayKeys})
        if (auto loaded = step(ini, config); !loaded)
            return loaded;
    return loadAddresses(ini, publicUrl, config);
}

QStringList secretFileKeys()
{
    return {u"wechat_v3/api_v3_key_file"_s, u"wechat_v3/private_key_file"_s};
}

} // namespace shouyin::wechatv3settings
