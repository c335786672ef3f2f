#pragma once

#include "config/appconfig.h"
#include "pay/providerregistry.h"

#include <memory>

namespace shouyin {

class AlipayProvider;
class WechatV2Provider;
class WechatV3Provider;

// The shop's payment providers, as one thread uses them. A provider's network client
// answers on the thread that made it, so the counter (QR and polls) and the ledger
// thread (the settler) each build their own set from the same configuration.
struct ProviderSet
{
    ~ProviderSet();

    std::unique_ptr<WechatV2Provider> wechat;
    // Null unless [wechat_v3] is set up; then it takes the new WeChat trades, and `wechat`
    // settles the v2 ones still open.
    std::unique_ptr<WechatV3Provider> wechatV3;
    std::unique_ptr<AlipayProvider> alipay; // null when Alipay is not configured
    ProviderRegistry registry;

    static std::unique_ptr<ProviderSet> build(const AppConfig &config, const ShopClock &clock);
};

} // namespace shouyin
