#include "sandboxrefundscript.h"

using namespace Qt::StringLiterals;

namespace shouyin {

QString refundBehaviourName(RefundBehaviour behaviour)
{
    switch (behaviour) {
    case RefundBehaviour::Succeeds:
        return u"succeeds"_s;
    case RefundBehaviour::StaysProcessing:
        return u"stays_processing"_s;
    case RefundBehaviour::NotEnoughBalance:
        return u"not_enough_balance"_s;
    case RefundBehaviour::ProcessThenSystemError:
        return u"process_then_system_error"_s;
    }
    return u"unknown"_s;
}

QString refundNotifyVariantName(RefundNotifyVariant variant)
{
    switch (variant) {
    case RefundNotifyVariant::Genuine:
        return u"genuine"_s;
    case RefundNotifyVariant::WrongKey:
        return u"wrong_key"_s;
    case RefundNotifyVariant::WrongAmount:
        return u"wrong_amount"_s;
    case RefundNotifyVariant::OtherMerchant:
        return u"other_merchant"_s;
    }
    return u"unknown"_s;
}

void SandboxRefundScript::set(const QString &refundNo, RefundBehaviour behaviour)
{
    m_scripted.insert(refundNo, behaviour);
}

void SandboxRefundScript::setDefault(RefundBehaviour behaviour,
                                     std::chrono::milliseconds settleDelay)
{
    m_default = behaviour;
    m_settleDelay = settleDelay;
}

RefundBehaviour SandboxRefundScript::behaviourFor(const QString &refundNo) const
{
    return m_scripted.value(refundNo, m_default);
}

} // namespace shouyin
