#include "tradestate.h"

using namespace Qt::StringLiterals;

namespace shouyin {

TradeOutcome outcomeOf(TradeState state)
{
    switch (state) {
    case TradeState::Success:
    case TradeState::Refund:
        return TradeOutcome::Paid;
    case TradeState::Closed:
    case TradeState::Revoked:
    case TradeState::PayError:
        return TradeOutcome::Failed;
    case TradeState::NotPay:
    case TradeState::UserPaying:
    case TradeState::Accepted:
    case TradeState::NotFound:
    case TradeState::Unknown:
        break;
    }
    return TradeOutcome::Pending;
}

TradeSnapshot TradeSnapshot::notFound(const QString &payNo, const QString &providerWord)
{
    TradeSnapshot missing;
    missing.payNo = payNo;
    missing.state = TradeState::NotFound;
    missing.rawState = providerWord;
    return missing;
}

QString sourceName(Source source)
{
    switch (source) {
    case Source::Cashier:
        return u"cashier"_s;
    case Source::Poll:
        return u"poll"_s;
    case Source::Notify:
        return u"notify"_s;
    case Source::Close:
        return u"close"_s;
    case Source::Recovery:
        return u"recovery"_s;
    case Source::Settler:
        return u"settler"_s;
    }
    return u"unknown"_s;
}

} // namespace shouyin
