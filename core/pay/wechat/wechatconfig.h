#pragma once

#include "net/clientcertificate.h"
#include "pay/wechat/wechatsigner.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace shouyin {

// A merchant's WeChat Pay v2 settings. `key` is the API key: never log or store it.
struct WechatConfig
{
    QString appId;
    QString merchantId;
    QByteArray key;
    QUrl baseUrl = QUrl(QStringLiteral("https://api.mch.weixin.qq.com"));
    QString notifyUrl;
    // Where refund results are POSTed (encrypted, see WechatV2Provider::
    // parseRefundNotification); empty: where the merchant platform's setting says.
    QString refundNotifyUrl;
    QString clientIp = QStringLiteral("127.0.0.1"); // spbill_create_ip
    WechatSignType signType = WechatSignType::HmacSha256;
    int timeoutMs = 10000;
    // Needed by secapi calls (refund, reverse); null when the shop has not set it up.
    ClientCertificate clientCertificate;
    // Where the secapi calls go; empty: baseUrl.
    QUrl secapiBaseUrl;
    // Trusted besides the system's CAs for the gateway's TLS: empty in production; the
    // sandbox's throw-away CA in training and tests.
    QList<QSslCertificate> gatewayCaCertificates;
};

} // namespace shouyin
