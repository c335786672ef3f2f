#include "providerset.h"

#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"

namespace shouyin {

ProviderSet::~ProviderSet() = default;

std::unique_ptr<ProviderSet> ProviderSet::build(const AppConfig &config, const ShopClock &clock)
{
    auto set = std::make_unique<ProviderSet>();
    set->wechat = std::make_unique<WechatV2Provider>(config.wechat);
    // WeChat settles what it started even when the shop has stopped taking it; the
    // counter offers it only when it is configured (a shop may take Alipay alone).
    set->registry.add(*set->wechat, !config.wechat.appId.isEmpty());
    if (config.alipay.isConfigured()) {
        set->alipay = std::make_unique<AlipayProvider>(config.alipay, clock);
        set->registry.add(*set->alipay);
    }
    set->registry.setDefault(config.defaultProvider);
    return set;
}

} // namespace shouyin
