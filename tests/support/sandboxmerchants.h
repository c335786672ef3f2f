#pragma once

// The sandbox's training merchant as a shop would configure it, for suites that drive the
// real providers against the sandbox. Notifications are addressed to a port nobody
// listens on: such a suite proves that polling alone settles a payment.

#include "crypto/rsakey.h"
#include "pay/alipay/alipayconfig.h"
#include "pay/wechat/wechatconfig.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/sandboxwechatv3config.h"

namespace shouyin::testing {

inline WechatConfig sandboxWechatConfig(const SandboxGateway &gateway, int timeoutMs = 10000)
{
    const SandboxMerchant merchant = gateway.merchant();
    WechatConfig config;
    config.appId = merchant.appId;
    config.merchantId = merchant.merchantId;
    config.key = merchant.key;
    config.baseUrl = gateway.baseUrl();
    config.notifyUrl = QStringLiteral("http://127.0.0.1:9/notify/wechat");
    config.timeoutMs = timeoutMs;
    return config;
}

// The same, with what reverse and refund need: the TLS endpoint (listenSecure() must have
// been called), the sandbox's CA, and the merchant's client certificate it issued.
inline WechatConfig sandboxWechatSecureConfig(const SandboxGateway &gateway, int timeoutMs = 10000)
{
    WechatConfig config = sandboxWechatConfig(gateway, timeoutMs);
    config.secapiBaseUrl = gateway.secureBaseUrl();
    config.gatewayCaCertificates = {gateway.tls().ca};
    config.clientCertificate.certificate = gateway.tls().clientCertificate;
    config.clientCertificate.key = gateway.tls().clientKey;
    return config;
}

// The sandbox's merchant through WeChat Pay API v3, in public-key mode.
inline WechatV3Config sandboxWechatV3Config(const SandboxGateway &gateway, int timeoutMs = 10000)
{
    WechatV3Config config =
        shouyin::sandboxWechatV3Config(gateway.wechatV3TrainingCredentials(), gateway.baseUrl());
    config.notifyUrl = QStringLiteral("http://127.0.0.1:9/notify/wechat/v3");
    config.timeoutMs = timeoutMs;
    return config;
}

inline AlipayConfig sandboxAlipayConfig(const SandboxGateway &gateway, int timeoutMs = 10000)
{
    const SandboxAlipayCredentials credentials = gateway.alipayTrainingCredentials();
    AlipayConfig config;
    config.appId = credentials.appId;
    config.sellerId = credentials.sellerId;
    config.appPrivateKey = crypto::RsaKey::fromPrivatePem(credentials.appPrivateKeyPem).value();
    config.alipayPublicKey = crypto::RsaKey::fromPublicPem(credentials.alipayPublicKeyPem).value();
    config.gatewayUrl = gateway.alipayGatewayUrl();
    config.notifyUrl = QStringLiteral("http://127.0.0.1:9/notify/alipay");
    config.timeoutMs = timeoutMs;
    return config;
}

} // namespace shouyin::testing
