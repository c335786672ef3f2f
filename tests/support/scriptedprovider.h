#pragma once

// A provider whose answers the test scripts, answering asynchronously like a real one.
// Used to drive the state machine through cases a real gateway produces only rarely;
// the real provider is tested against the sandbox over sockets elsewhere.

#include "pay/paymentprovider.h"

#include <QHash>
#include <QList>
#include <QTimer>

namespace shouyin::testing {

class ScriptedProvider : public PaymentProvider
{
public:
    using PaymentProvider::PaymentProvider;

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

    Result<QrTicket> createResult =
        QrTicket{QStringLiteral("weixin://wxpay/bizpayurl?pr=scripted")};
    QList<Result<TradeSnapshot>> queryResults;
    QList<Result<CloseResult>> closeResults;
    QStringList calls;

private:
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
