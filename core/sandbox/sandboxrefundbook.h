#pragma once

#include "money/money.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace shouyin {

// The states a sandbox refund goes through, in WeChat's words (refund_status); the Alipay
// layer translates them as it does trade states.
namespace sandboxRefundState {
inline const QString kProcessing = QStringLiteral("PROCESSING");
inline const QString kSuccess = QStringLiteral("SUCCESS");
inline const QString kClosed = QStringLiteral("REFUNDCLOSE");
inline const QString kChange = QStringLiteral("CHANGE");
} // namespace sandboxRefundState

// One refund the sandbox's merchant made, keyed by out_refund_no (Alipay:
// out_request_no).
struct SandboxRefund
{
    QString outRefundNo;
    QString outTradeNo;
    QString provider = QStringLiteral("wechat"); // or "alipay"
    Fen refundFee = 0;
    Fen totalFee = 0; // of the trade
    QString state;    // a sandboxRefundState word
    QString refundId; // the provider's own id
    QString reason;
    QDateTime requestedAt; // UTC, on the gateway's clock
    // When a refund left PROCESSING by itself turns SUCCESS, on the gateway's clock;
    // invalid while it waits for SandboxGateway::completeRefund().
    QDateTime settlesAt;
    QDateTime settledAt; // UTC, whole seconds; set when SUCCESS
    int requests = 0;    // refund requests that named it, refused ones included
    QString notifyUrl;   // WeChat: where its result is POSTed; empty: nowhere
    // WeChat: the API that made it, "v2" or "v3", whose format notifies it.
    QString api = QStringLiteral("v2");
};

// The sandbox's refunds, for every provider: the amount rules and idempotency a refund
// request meets before any protocol words it. Answers what the book thinks; the
// provider layers (SandboxWechatRefunds, the Alipay one) say it in their words.
class SandboxRefundBook
{
public:
    // What a refund request is, against the book.
    enum class Verdict {
        New,           // a refund to make
        Repeat,        // the same out_refund_no, trade and amount again: answer it again
        Mismatch,      // the same out_refund_no with another trade or amount
        NotPositive,   // refund_fee of zero or less
        OverTotal,     // more than the trade's whole amount
        FullyRefunded, // nothing of the trade is left to refund
        OverLeft,      // more than what is left after the SUCCESS and PROCESSING refunds
    };

    Verdict judge(const QString &outRefundNo, const QString &outTradeNo, Fen tradeTotal,
                  Fen refundFee) const;

    // Counts one request naming `outRefundNo`, whatever becomes of it; the count so far.
    int noteRequest(const QString &outRefundNo);
    int requestCount(const QString &outRefundNo) const { return m_requests.value(outRefundNo); }

    // Adds a refund judged New (replacing nothing: a number is never reused).
    void record(const SandboxRefund &refund);
    // PROCESSING -> SUCCESS at `at`; false when it was not processing.
    bool settle(const QString &outRefundNo, const QDateTime &at);
    // The PROCESSING refunds whose settlesAt has come by `now`.
    QStringList due(const QDateTime &now) const;

    std::optional<SandboxRefund> refund(const QString &outRefundNo) const;
    // The refund itself, to change in place; null when there is none.
    SandboxRefund *find(const QString &outRefundNo);
    std::optional<SandboxRefund> refundById(const QString &refundId) const;
    QList<SandboxRefund> refunds() const;                            // in the order made
    QList<SandboxRefund> refundsOf(const QString &outTradeNo) const; // in the order made
    // What the trade has given back or is giving back: SUCCESS and PROCESSING refunds.
    Fen committed(const QString &outTradeNo) const;
    Fen refunded(const QString &outTradeNo) const; // SUCCESS refunds only

private:
    SandboxRefund withCount(SandboxRefund refund) const;

    QList<SandboxRefund> m_refunds; // in the order made; a sandbox holds few
    QHash<QString, int> m_requests; // by out_refund_no
};

} // namespace shouyin
