#pragma once

// A provider whose answers the test scripts, answering asynchronously like a real one.
// Used to drive the state machine through cases a real gateway produces only rarely;
// the real provider is tested against the sandbox over sockets elsewhere.

#include "pay/codepayments.h"
#include "pay/paymentprovider.h"
#include "pay/refunds.h"

#include <QHash>
#include <QList>
#include <QTimer>

namespace shouyin::testing {

class ScriptedProvider : public PaymentProvider, public CodePayments, public Refunds
{
public:
    using PaymentProvider::PaymentProvider;

    // Refunds are offered once a test sets `givesRefunds`. An answer with an empty refund
    // number is the request's; with none queued, a refund is accepted (PROCESSING) and a
    // query finds it refunded.
    Refunds *refunds() override { return givesRefunds ? this : nullptr; }
    void refund(const RefundRequest &request, QObject *context, RefundCallback done) override
    {
        calls.append(QStringLiteral("refund:") + request.refundNo);
        refundRequests.append(request);
        Result<RefundSnapshot> result =
            refundResults.isEmpty()
                ? Result<RefundSnapshot>(refundState(request, RefundState::Processing))
                : refundResults.takeFirst();
        answer(context, [done, result = forRequest(result, request)] { done(result); });
    }
    void queryRefund(const RefundRequest &request, QObject *context, RefundCallback done) override
    {
        calls.append(QStringLiteral("refundquery:") + request.refundNo);
        Result<RefundSnapshot> result =
            refundQueryResults.isEmpty()
                ? Result<RefundSnapshot>(refundState(request, RefundState::Success))
                : refundQueryResults.takeFirst();
        answer(context, [done, result = forRequest(result, request)] { done(result); });
    }
    Result<RefundSnapshot> parseRefundNotification(const HttpRequest &) const override
    {
        return Error{ErrorCode::Unsupported, QStringLiteral("scripted provider")};
    }
    static RefundSnapshot refundState(const RefundRequest &request, RefundState state)
    {
        RefundSnapshot snapshot;
        snapshot.refundNo = request.refundNo;
        snapshot.payNo = request.payNo;
        snapshot.state = state;
        snapshot.rawState = QStringLiteral("SCRIPTED");
        snapshot.amount = request.refundAmount;
        snapshot.providerRefundId = QStringLiteral("5030000001") + request.refundNo.right(6);
        return snapshot;
    }
    // A scripted answer: `state`, for whatever refund is asked about next.
    static RefundSnapshot nextRefund(RefundState state, Fen amount = -1)
    {
        RefundSnapshot snapshot;
        snapshot.state = state;
        snapshot.rawState = QStringLiteral("SCRIPTED");
        snapshot.amount = amount;
        return snapshot;
    }

    // Payment codes are offered once a test sets `takesCodes`.
    CodePayments *codePayments() override { return takesCodes ? this : nullptr; }
    bool ownsCode(QStringView code) const override
    {
        return code.size() == 18 && code.startsWith(u"13");
    }
    std::chrono::seconds confirmWindow() const override { return std::chrono::seconds(30); }
    std::chrono::seconds queryInterval() const override { return std::chrono::seconds(5); }
    // The code itself is kept apart from `calls`, as the real providers keep it from logs.
    void chargeByCode(const CodeChargeRequest &request, QObject *context,
                      ChargeCallback done) override
    {
        calls.append(QStringLiteral("charge:") + request.payNo);
        chargedCodes.append(request.authCode);
        Result<TradeSnapshot> result =
            chargeResults.isEmpty()
                ? Result<TradeSnapshot>(state(request.payNo, TradeState::Success))
                : chargeResults.takeFirst();
        if (result && result->payNo.isEmpty())
            result = withPayNo(result.value(), request.payNo);
        answer(context, [done, result] { done(result); });
    }
    void reverse(const QString &payNo, QObject *context, ReverseCallback done) override
    {
        calls.append(QStringLiteral("reverse:") + payNo);
        Result<ReverseAnswer> result =
            reverseResults.isEmpty()
                ? Result<ReverseAnswer>(ReverseAnswer{false, QStringLiteral("reversed")})
                : reverseResults.takeFirst();
        answer(context, [done, result] { done(result); });
    }

    QString name() const override { return QStringLiteral("wechat"); }
    QString appId() const override { return QStringLiteral("wxapp"); }
    QString merchantId() const override { return QStringLiteral("1900000109"); }
    std::chrono::seconds closeNotBefore() const override { return std::chrono::minutes(5); }

    void createQr(const QrRequest &request, QObject *context, QrCallback done) override
    {
        calls.append(QStringLiteral("create:") + request.payNo);
        answer(context, [done, result = createResult] { done(result); });
    }
    void query(const QString &payNo, QObject *context, QueryCallback done) override
    {
        calls.append(QStringLiteral("query:") + payNo);
        Result<TradeSnapshot> result = nextQueryResult(payNo);
        answer(context, [done, result] { done(result); });
    }
    void close(const QString &payNo, QObject *context, CloseCallback done) override
    {
        calls.append(QStringLiteral("close:") + payNo);
        Result<CloseResult> result = closeResults.isEmpty()
                                         ? Result<CloseResult>(CloseResult::Closed)
                                         : closeResults.takeFirst();
        answer(context, [done, result] { done(result); });
    }

    Result<TradeSnapshot> parseNotification(const HttpRequest &) const override
    {
        return Error{ErrorCode::Unsupported, QStringLiteral("scripted provider")};
    }
    HttpResponse notificationReply(bool accepted, const QString &) const override
    {
        return {200, "text/plain", accepted ? "ok" : "fail"};
    }

    TradeSnapshot state(const QString &payNo, TradeState tradeState, Fen amount = 1250) const
    {
        TradeSnapshot snapshot;
        snapshot.payNo = payNo;
        snapshot.state = tradeState;
        snapshot.rawState = QStringLiteral("SCRIPTED");
        snapshot.amount = amount;
        snapshot.appId = appId();
        snapshot.merchantId = merchantId();
        if (outcomeOf(tradeState) == TradeOutcome::Paid)
            snapshot.transactionId = QStringLiteral("4200000001") + payNo.right(6);
        return snapshot;
    }

    int count(const QString &prefix) const
    {
        int n = 0;
        for (const QString &call : calls)
            n += call.startsWith(prefix) ? 1 : 0;
        return n;
    }

    bool takesCodes = false;
    bool givesRefunds = false;
    QList<Result<RefundSnapshot>> refundResults;
    QList<Result<RefundSnapshot>> refundQueryResults;
    QList<RefundRequest> refundRequests;
    QList<Result<TradeSnapshot>> chargeResults; // an empty payNo is the request's
    QList<Result<ReverseAnswer>> reverseResults;
    QStringList chargedCodes;

    Result<QrTicket> createResult =
        QrTicket{QStringLiteral("weixin://wxpay/bizpayurl?pr=scripted")};
    QList<Result<TradeSnapshot>> queryResults;
    QList<Result<CloseResult>> closeResults;
    QStringList calls;

private:
    // A scripted snapshot names the refund it answers, its tender and (unless the test
    // set another) its amount.
    static Result<RefundSnapshot> forRequest(Result<RefundSnapshot> result,
                                             const RefundRequest &request)
    {
        if (!result)
            return result;
        RefundSnapshot snapshot = result.value();
        if (snapshot.refundNo.isEmpty())
            snapshot.refundNo = request.refundNo;
        if (snapshot.payNo.isEmpty())
            snapshot.payNo = request.payNo;
        if (snapshot.amount < 0 && snapshot.state == RefundState::Success)
            snapshot.amount = request.refundAmount;
        return snapshot;
    }

    static TradeSnapshot withPayNo(TradeSnapshot snapshot, const QString &payNo)
    {
        snapshot.payNo = payNo;
        return snapshot;
    }

    // The first queued answer about this trade, else the first queued at all: a test
    // that queues answers for several trades must not depend on the order in which
    // the settler asks (a shared job table hands out equally due jobs in any order).
    Result<TradeSnapshot> nextQueryResult(const QString &payNo)
    {
        for (qsizetype i = 0; i < queryResults.size(); ++i) {
            if (queryResults.at(i) && queryResults.at(i)->payNo == payNo)
                return queryResults.takeAt(i);
        }
        return queryResults.isEmpty() ? Result<TradeSnapshot>(state(payNo, TradeState::NotPay))
                                      : queryResults.takeFirst();
    }

    template<typename F> void answer(QObject *context, F reply)
    {
        QTimer::singleShot(0, context, reply);
    }
};

} // namespace shouyin::testing
