#pragma once

#include <QByteArray>
#include <QString>

namespace shouyin {

// What a till needs to talk WeChat Pay API v3 to the sandbox as its merchant: the same app
// and merchant as v2, the merchant's signing key and the serial of the certificate that
// holds its public half, the API v3 key (notifications and certificates are encrypted with
// it), and the WeChat Pay public key (公钥模式) the sandbox signs with by default.
// Sandbox-only, fixed and published with the sandbox: never configure them against the
// real gateway.
struct SandboxWechatV3Credentials
{
    QString appId;
    QString merchantId;
    QString merchantSerialNo;         // upper-case hex, as serial_no names it
    QByteArray merchantPrivateKeyPem; // PKCS#8
    QByteArray apiV3Key;              // 32 ASCII characters
    QString payPublicKeyId;           // "PUB_KEY_ID_…"
    QByteArray payPublicKeyPem;       // SubjectPublicKeyInfo
};

} // namespace shouyin
