#pragma once

#include "crypto/rsakey.h"

#include <QString>
#include <QUrl>

namespace shouyin {

// A merchant's Alipay open-platform settings. The app private key signs every request;
// the Alipay public key (not the app's own public key) verifies every reply and
// notification. Never log the keys.
struct AlipayConfig
{
    QString appId;
    QString sellerId; // the merchant's partner id (2088…); optional
    crypto::RsaKey appPrivateKey;
    crypto::RsaKey alipayPublicKey;
    QUrl gatewayUrl = QUrl(QStringLiteral("https://openapi.alipay.com/gateway.do"));
    QString notifyUrl;
    int timeoutMs = 10000;

    bool isConfigured() const { return !appId.isEmpty(); }
};

} // namespace shouyin
