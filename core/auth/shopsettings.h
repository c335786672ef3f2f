#pragma once

#include <QByteArray>
#include <QString>

namespace shouyin {

// [wechat_v3]: a WeChat Pay merchant through API v3, beside or instead of [merchant]'s v2.
// Like the v2 key, the API v3 key goes in but never comes back out. Without a WeChat Pay
// public key the till downloads platform certificates.
struct WechatV3Settings
{
    QString appId;
    QString merchantId;
    QString keyHint;         // read only: "…cdef", empty when no API v3 key is stored
    QByteArray newKey;       // write only: empty keeps the stored key
    QString privateKeyFile;  // apiclient_key.pem
    QString certificateFile; // apiclient_cert.pem: its serial names the key to WeChat Pay
    QString publicKeyId;     // PUB_KEY_ID_…
    QString publicKeyFile;   // pub_key.pem

    // Anything typed in: an empty box is a shop without v3, never asked for its settings.
    bool isSet() const
    {
        for (const QString *text :
             {&appId, &merchantId, &privateKeyFile, &certificateFile, &publicKeyId, &publicKeyFile})
            if (!text->trimmed().isEmpty())
                return true;
        return !newKey.isEmpty();
    }
};

// The till's settings as the manager edits them on the Settings page. The merchant API
// key goes in, but never comes back out: `keyHint` shows only its last characters.
struct ShopSettings
{
    QString terminalId = QStringLiteral("T01");
    QString appId; // empty together with merchantId: WeChat Pay not configured
    QString merchantId;
    QString keyHint;   // read only: "…cdef", empty when no key is stored
    QByteArray newKey; // write only: empty keeps the stored key
    // WeChat Pay's client certificate (refunds, reverses of payment codes), a PKCS#12
    // file whose password is the merchant ID unless the file names a password file.
    QString clientCertP12;
    QString gateway = QStringLiteral("https://api.mch.weixin.qq.com");
    QString secapiGateway; // empty: refunds and reverses go to `gateway`
    QString signType = QStringLiteral("HMAC-SHA256");
    WechatV3Settings wechatV3;
    QString notifyListen; // "127.0.0.1:8089", empty: no listener
    QString notifyPublicUrl;
    // Alipay face-to-face ([alipay]); an empty app ID: Alipay not configured. The keys
    // are files the shop keeps (PEM); only their paths are settings.
    QString alipayAppId;
    QString alipayPrivateKeyFile;
    QString alipayPublicKeyFile;
    QString alipayGateway = QStringLiteral("https://openapi.alipay.com/gateway.do");
    QString alipaySellerId;  // optional
    QString alipayNotifyUrl; // optional
    int lifetimeMinutes = 10;
    int timeoutSeconds = 10;
    QString defaultProvider = QStringLiteral("wechat");
    QString language; // "zh_CN", "en", empty: the system's
    // Receipts ([shop], [printer]): see config/printerconfig.h for the spellings.
    QString shopName;
    QString shopAddress;
    QString receiptPrinter; // empty: not set (training prints PDFs, a shop nothing)
    QString paper = QStringLiteral("58");
    QString printReceipts = QStringLiteral("always");
    QString drawer = QStringLiteral("printer");
};

// What the INI holds that the page does not edit but a check of the page's settings
// needs.
struct SettingsOnFile
{
    qsizetype storedKeyLength = 0;     // the WeChat key now stored (key or key_file)
    QString clientCertPasswordFile;    // [merchant] client_cert_password_file
    bool pemClientCertificate = false; // [merchant] client_cert or client_key is set
    qsizetype storedV3KeyLength = 0;   // [wechat_v3] api_v3_key_file or api_v3_key
    QString v3CertificateSerial;       // [wechat_v3] certificate_serial: a certificate's stand-in
};

} // namespace shouyin
