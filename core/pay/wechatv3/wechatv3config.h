#pragma once

#include "crypto/rsakey.h"
#include "pay/wechatv3/wechatpaykeys.h"
#include "pay/wechatv3/wechatv3signing.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <chrono>

namespace shouyin {

// A merchant's WeChat Pay API v3 settings. The API v3 key and the private key are
// secrets: never log or store them.
struct WechatV3Config
{
    QString appId;
    wechatv3::MerchantSigningKey signing; // merchant id, certificate serial, private key
    QByteArray apiV3Key;                  // 32 bytes: decrypts notifications and certificates
    // What WeChat Pay signs with: its public key (PUB_KEY_ID_…) and/or platform
    // certificates, the ones configured. With `downloadCertificates`, /v3/certificates
    // adds the current ones at start and every `certificateRefresh`, and whenever a reply
    // names a serial not yet known.
    WechatPayKeys payKeys;
    bool downloadCertificates = false;
    std::chrono::milliseconds certificateRefresh = std::chrono::hours(12);

    QUrl baseUrl = QUrl(QStringLiteral("https://api.mch.weixin.qq.com"));
    QString notifyUrl;                              // payments
    QString refundNotifyUrl;                        // refunds; empty: none asked for
    QString clientIp = QStringLiteral("127.0.0.1"); // scene_info.payer_client_ip
    int timeoutMs = 10000;
    // Trusted besides the system's CAs for the gateway's TLS: empty in production.
    QList<QSslCertificate> gatewayCaCertificates;

    QString merchantId() const { return signing.merchantId; }
    bool isConfigured() const { return !appId.isEmpty() && !signing.merchantId.isEmpty(); }
};

} // namespace shouyin
