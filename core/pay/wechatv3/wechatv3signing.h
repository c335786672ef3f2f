#pragma once

#include "crypto/rsakey.h"
#include "net/httpmessage.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace shouyin::wechatv3 {

// What WeChat Pay API v3 signs: a request is signed by the merchant over
// "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n"; a reply or a notification by WeChat Pay
// over "TIMESTAMP\nNONCE\nBODY\n". Both are SHA256withRSA (PKCS#1 v1.5), base64.
QByteArray requestMessage(const QByteArray &method, const QByteArray &pathAndQuery,
                          const QByteArray &timestamp, const QByteArray &nonce,
                          const QByteArray &body);
QByteArray replyMessage(const QByteArray &timestamp, const QByteArray &nonce,
                        const QByteArray &body);

// The merchant's signing identity: its private key and the serial of the merchant
// certificate that holds the public half (WeChat Pay finds the key by it). Never log it.
struct MerchantSigningKey
{
    QString merchantId;
    QString serialNo;
    crypto::RsaKey privateKey;
};

// The fields of an Authorization header, `WECHATPAY2-SHA256-RSA2048 mchid="…",…`.
struct Authorization
{
    QByteArray merchantId;
    QByteArray nonce;
    QByteArray timestamp; // Unix seconds, as text
    QByteArray serialNo;
    QByteArray signature; // base64
};

inline constexpr QByteArrayView kAuthorizationScheme = "WECHATPAY2-SHA256-RSA2048";

// The Authorization header value for a request; empty when the key cannot sign.
QByteArray authorization(const MerchantSigningKey &key, const QByteArray &method,
                         const QByteArray &pathAndQuery, const QByteArray &body, qint64 timestamp,
                         const QByteArray &nonce);
// Reads one (the sandbox checks what the till sends). BadSignature when the scheme is not
// v3's or a field is missing, repeated or unquoted.
Result<Authorization> parseAuthorization(const QByteArray &header);

// The four headers WeChat Pay signs a reply or a notification with.
struct SignatureHeaders
{
    QByteArray timestamp;
    QByteArray nonce;
    QByteArray signature;
    QByteArray serial; // a platform certificate's serial, or a public key id (PUB_KEY_ID_…)

    static SignatureHeaders from(const HttpHeaders &headers); // names lower-cased
    bool complete() const;
    // Writes them as Wechatpay-Timestamp, -Nonce, -Signature, -Serial (the sandbox's).
    void writeTo(HttpHeaders &headers) const;
};

// A certificate serial as WeChat Pay writes it: upper-case hex without separators or
// leading zeros ("5157F09E…"), from Qt's "51:57:f0:…" or any case. A public key id is
// returned unchanged.
QString normalizedSerial(const QString &serial);

} // namespace shouyin::wechatv3
