#pragma once

#include "crypto/rsakey.h"

#include <QByteArray>
#include <QString>

namespace shouyin {

// The one Alipay app a sandbox gateway serves, with both key pairs: the app's (the till
// signs its requests with the private half; the sandbox verifies with the public half)
// and "Alipay's" (the sandbox signs replies and notifications; the till verifies with
// the public half). Sandbox-only keys, fixed and published with the sandbox.
struct SandboxAlipayMerchant
{
    QString appId;
    QString sellerId;
    crypto::RsaKey appKey;
    crypto::RsaKey alipayKey;
};

// What a till needs to talk to the sandbox as that app.
struct SandboxAlipayCredentials
{
    QString appId;
    QString sellerId;
    QByteArray appPrivateKeyPem;
    QByteArray alipayPublicKeyPem;
};

} // namespace shouyin
