#pragma once

#include "money/money.h"
#include "net/httpmessage.h"
#include "util/result.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace shouyin {

struct RefundRequest
{
    QString payNo;    // the paid attempt the money goes back from
    QString refundNo; // out_refund_no / out_request_no: one per refund, re-sent unchanged
    Fen paymentAmount = 0;
    Fen refundAmount = 0;
    QString reason; // shown to the customer by some providers
};

enum class RefundState {
    Processing, // accepted; the money is on its way
    Success,
    Failed,   // will not happen: the reason says why (e.g. insufficient merchant balance)
    NotFound, // the provider knows no such refund (yet)
    Unknown,  // a word this code does not know: ask again later
};

struct RefundSnapshot
{
    QString refundNo;
    QString payNo;
    RefundState state = RefundState::Unknown;
    QString rawState; // the provider's own word, for the pay log
    Fen amount = -1;  // what the provider says it refunds; -1 when the message has none
    QString providerRefundId;
    QString failReason;
    QDateTime refundedAt;
};

// Money back to the customer. A provider offers it through PaymentProvider::refunds().
// Calls are asynchronous, with the contract of PaymentProvider's.
class Refunds
{
public:
    using RefundCallback = std::function<void(Result<RefundSnapshot>)>;

    virtual void refund(const RefundRequest &request, QObject *context, RefundCallback done) = 0;
    virtual void queryRefund(const RefundRequest &request, QObject *context,
                             RefundCallback done) = 0;
    // A refund result the provider POSTed, verified (or decrypted and checked field by
    // field where it is not signed), or why it cannot be believed. Providers that send
    // none answer Unsupported.
    virtual Result<RefundSnapshot> parseRefundNotification(const HttpRequest &request) const = 0;

protected:
    ~Refunds() = default;
};

} // namespace shouyin
