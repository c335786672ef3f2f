#include "providerregistry.h"

#include "pay/paymentprovider.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

PaymentProvider *named(const QList<PaymentProvider *> &providers, QStringView name)
{
    const auto found = std::find_if(providers.cbegin(), providers.cend(),
                                    [name](PaymentProvider *p) { return p->name() == name; });
    return found == providers.cend() ? nullptr : *found;
}

} // namespace

const QList<ProviderKind> &ProviderRegistry::kinds()
{
    static const QList<ProviderKind> kinds{
        {u"wechat"_s, QT_TRANSLATE_NOOP("DisplayText", "WeChat Pay"),
         QT_TRANSLATE_NOOP("DisplayText", "WeChat"), u"#07c160"_s, Qt::Key_F10},
        {u"alipay"_s, QT_TRANSLATE_NOOP("DisplayText", "Alipay"),
         QT_TRANSLATE_NOOP("DisplayText", "Alipay"), u"#1677ff"_s, Qt::Key_F11},
    };
    return kinds;
}

const ProviderKind *ProviderRegistry::kind(QStringView name)
{
    const QList<ProviderKind> &all = kinds();
    const auto found = std::find_if(all.cbegin(), all.cend(),
                                    [name](const ProviderKind &k) { return k.name == name; });
    return found == all.cend() ? nullptr : &*found;
}

ProviderRegistry::ProviderRegistry(std::initializer_list<PaymentProvider *> providers)
{
    for (PaymentProvider *provider : providers)
        add(*provider);
}

void ProviderRegistry::add(PaymentProvider &provider, bool offered)
{
    // One provider per api; the counter offers one api of a provider.
    Q_ASSERT(!find(provider.name(), provider.api()));
    Q_ASSERT(!offered || !this->offered(provider.name()));
    m_all.append(&provider);
    if (!offered)
        return;
    m_offered.append(&provider);
    if (!m_default)
        m_default = &provider;
}

void ProviderRegistry::setDefault(QStringView name)
{
    if (PaymentProvider *provider = offered(name))
        m_default = provider;
}

PaymentProvider *ProviderRegistry::find(QStringView name) const
{
    return named(m_all, name);
}

PaymentProvider *ProviderRegistry::find(QStringView name, QStringView api) const
{
    const auto found = std::find_if(m_all.cbegin(), m_all.cend(), [name, api](PaymentProvider *p) {
        return p->name() == name && p->api() == api;
    });
    return found == m_all.cend() ? nullptr : *found;
}

PaymentProvider *ProviderRegistry::offered(QStringView name) const
{
    return named(m_offered, name);
}

PaymentProvider *ProviderRegistry::defaultProvider() const
{
    return m_default;
}

ProviderCapabilities ProviderRegistry::capabilities(PaymentProvider &provider)
{
    ProviderCapabilities capabilities = ProviderCapability::QrPayments;
    if (provider.codePayments())
        capabilities |= ProviderCapability::CodePayments;
    if (provider.refunds())
        capabilities |= ProviderCapability::Refunds;
    return capabilities;
}

} // namespace shouyin
