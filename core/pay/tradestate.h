#pragma once

#include "money/money.h"

#include <QDateTime>
#include <QString>

namespace shouyin {

// What a provider says about one trade, normalised across providers.
enum class TradeState {
    NotPay,     // waiting for the customer
    UserPaying, // customer is entering a password
    Accepted,   // accepted, debit pending
    Success,    // paid
    Refund,     // paid, then (partly) refunded
    Closed,     // closed before payment
    Revoked,    // cancelled by the merchant
    PayError,   // the payment failed at the bank
    NotFound,   // the provider does not know the trade (yet)
    Unknown,    // a state this code does not know: ask again later, never treat as paid
};

// Whether the money arrived, whether the attempt is over without money, or neither yet.
enum class TradeOutcome { Pending, Paid, Failed };
TradeOutcome outcomeOf(TradeState state);

// One observation of a trade at the provider, from a query, a close or a notification.
struct TradeSnapshot
{
    QString payNo; // our out_trade_no
    TradeState state = TradeState::Unknown;
    QString rawState;      // the provider's own word, for the pay log
    Fen amount = -1;       // total the provider reports; -1 when the message has none
    QString transactionId; // provider's trade id
    QString appId;
    QString merchantId;
    QDateTime paidAt;

    // What a query says of a trade the provider does not know, in `providerWord`.
    static TradeSnapshot notFound(const QString &payNo, const QString &providerWord);
};

// Where an observation came from, recorded in the pay log.
enum class Source { Cashier, Poll, Notify, Close, Recovery, Settler };
QString sourceName(Source source);

} // namespace shouyin
