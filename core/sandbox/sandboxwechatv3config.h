#pragma once

#include "pay/wechatv3/wechatv3config.h"
#include "sandbox/sandboxwechatv3credentials.h"

#include <QUrl>

namespace shouyin {

// The till's v3 settings for the sandbox's merchant, in the public-key mode the sandbox
// starts in: what training configures and what the suites drive the provider with.
// Empty (not configured) when the credentials' keys do not parse.
inline WechatV3Config sandboxWechatV3Config(const SandboxWechatV3Credentials &credentials,
                                            const QUrl &baseUrl)
{
    auto merchantKey = crypto::RsaKey::fromPrivatePem(credentials.merchantPrivateKeyPem);
    auto payKey = crypto::RsaKey::fromPublicPem(credentials.payPublicKeyPem);
    if (!merchantKey || !payKey)
        return {};
    WechatV3Config config;
    config.appId = credentials.appId;
    config.signing = {credentials.merchantId, credentials.merchantSerialNo, merchantKey.value()};
    config.apiV3Key = credentials.apiV3Key;
    config.payKeys.addPublicKey(credentials.payPublicKeyId, payKey.value());
    config.baseUrl = baseUrl;
    return config;
}

} // namespace shouyin
