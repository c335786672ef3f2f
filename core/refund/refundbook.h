#pragma once

#include "auth/staff.h"
#include "pay/refunds.h"
#include "pay/tradestate.h"
#include "refund/refundrows.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QLatin1StringView>
#include <QObject>

namespace shouyin {

class Database;
class JobQueue;
enum class ApplyResult;

// The work RefundSettler does for each refund, in the checkout's JobQueue, keyed by
// refund number.
namespace refundJobKind {
inline constexpr QLatin1StringView kSend{"refund_send"};   // (re-)send the same request
inline constexpr QLatin1StringView kQuery{"refund_query"}; // ask until it is final
} // namespace refundJobKind

// One line of a return: `quantity` units of the order line `orderItemId`.
struct ReturnLine
{
    qint64 orderItemId = 0;
    int quantity = 0;
};

struct ReturnRequest
{
    qint64 orderId = 0;
    QList<ReturnLine> lines; // empty: every unit not yet returned
    QString reason;
    StockAction stock = StockAction::Restock;
};

// Refunds and returns, the refunds' own funnel (DESIGN.md §1 and §7): every change is one
// SQL transaction with its pay-log event and the refund's next job, as a conditional
// update, so that a poll, a notification and another till can never both win.
//
// A return is approved by a manager (Permission::ApproveRefund; the cashier who asks may
// be that manager) and never gives back more than was paid: each tender at most what it
// took less its earlier refunds, the goods at most the units not yet returned. Goods'
// money goes back to the provider tenders first, then cash from the drawer (REFUNDED at
// once); a provider refund starts REQUESTED with a send job, and RefundSettler takes it
// from there. Returned goods go back on the shelf unless the manager writes them off.
class RefundBook : public QObject
{
    Q_OBJECT
public:
    RefundBook(Database &database, JobQueue &jobs, QString terminalId,
               ShopClock clock = ShopClock(), QObject *parent = nullptr);
    ~RefundBook() override;

    Database &database() const { return m_database; }
    QString terminalId() const { return m_terminalId; }
    QDateTime now() const { return m_clock.now(); }

    // The order as a return sees it: its lines with what is left of each, its tenders
    // and earlier returns. UNKNOWN_ORDER when there is none.
    Result<RefundableOrder> refundable(qint64 orderId) const;

    // Goods come back: the lines (all that is left when none are named), their money back
    // to the tenders they were paid with.
    Result<ReturnRecord> requestReturn(const ReturnRequest &request, const Staff &cashier,
                                       const Staff &approver);
    // Money no sale needs goes back whole: a double payment, or a payment that landed
    // after its order was cancelled (what the till's alerts point at). No goods move.
    Result<ReturnRecord> refundPayment(const QString &payNo, const QString &reason,
                                       const Staff &cashier, const Staff &approver);
    // A refund that FAILED (say, the merchant's balance was short) is sent again, with
    // its own number, once a manager says so.
    Result<Refund> retryRefund(const QString &refundNo, const Staff &approver);

    // The funnel: what the provider says about a refund (its answer to the request, a
    // query, a notification). A snapshot naming another refund, tender or amount is
    // refused and raised as an alert; a refund never leaves REFUNDED.
    Result<ApplyResult> apply(const QString &refundNo, const RefundSnapshot &snapshot,
                              Source source);
    // The provider refused the request outright: REQUESTED -> FAILED with its reason.
    Status recordRefused(const QString &refundNo, const Error &error, Source source);
    // Sending failed with the outcome unknown: the refund stays REQUESTED, the error is
    // kept for the screen, and the same request goes again at `retryAt`.
    Status recordSendError(const QString &refundNo, const Error &error, const QDateTime &retryAt,
                           int attempts);

    Result<std::optional<Refund>> readRefund(const QString &refundNo) const;
    Result<QList<Refund>> openRefunds(const QString &terminalId = {}) const;
    Result<QList<ReturnRecord>> returns(qint64 orderId) const;

Q_SIGNALS:
    void returnRecorded(const shouyin::ReturnRecord &record);
    void refundChanged(qint64 orderId, const QString &refundNo, shouyin::RefundStatus status);
    void alertRaised(qint64 orderId, const QString &kind, const QString &detail);

private:
    // The statements of a return, inside the caller's transaction.
    Status writeReturn(SqlWriter &sql, const RefundableOrder &order, ReturnRecord &record,
                       const QList<std::pair<const RefundableTender *, Fen>> &split);
    Status writeRefund(SqlWriter &sql, const RefundableTender &tender, Fen amount,
                       ReturnRecord &record);
    Status moveReturnedStock(SqlWriter &sql, const ReturnRecord &record);
    Result<ReturnRecord> recordReturn(
        ReturnRecord record, qint64 orderId,
        const std::function<Status(SqlWriter &, const RefundableOrder &, ReturnRecord &)> &plan);
    void announce(const ReturnRecord &record);

    Database &m_database;
    JobQueue &m_jobs;
    QString m_terminalId;
    ShopClock m_clock;
};

} // namespace shouyin
