#include "providerset.h"

#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "pay/wechatv3/wechatv3provider.h"

namespace shouyin {

ProviderSet::~ProviderSet() = default;

std::unique_ptr<ProviderSet> ProviderSet::build(const AppConfig &config, const ShopClock &clock)
{
    auto set = std::make_unique<ProviderSet>();
    const bool v3 = config.wechatV3.isConfigured();
    if (v3) {
        set->wechatV3 = std::make_unique<WechatV3Provider>(config.wechatV3, clock);
        set->registry.add(*set->wechatV3);
    }
    set->wechat = std::make_unique<WechatV2Provider>(config.wechat);
    // WeChat settles what it started even when the shop has stopped taking it; the
    // counter offers v2 only when it is configured (a shop may take Alipay alone) and the
    // shop has not moved to v3.
    set->registry.add(*set->wechat, !v3 && !config.wechat.appId.isEmpty());
    if (config.alipay.isConfigured()) {
        set->alipay = std::make_unique<AlipayProvider>(config.alipay, clock);
        set->registry.add(*set->alipay);
    }
    set->registry.setDefault(config.defaultProvider);
    return set;
}

} // namespace shouyin
