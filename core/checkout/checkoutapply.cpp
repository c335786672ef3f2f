// Checkout::apply, the funnel of DESIGN.md §1: every provider observation of a payment
// (poll, notification, close, recovery) changes the stored state here and nowhere else.

#include "checkout.h"
#include "checkout/ledgerrows.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcCheckout)

using ledger::json;
using ledger::PaymentRow;
using ledger::text;

namespace {

constexpr int kConflictRetries = 3;

struct Change
{
    std::optional<PaymentStatus> paymentStatus; // unset: unchanged
    std::optional<OrderStatus> orderStatus;     // unset: unchanged
    QList<std::pair<QString, QString>> alerts;  // kind, detail
    QList<ledger::ReturnedCash> cashReturned;   // the order's cash tenders, given back
};

// A result that disagrees with what we asked the provider for is never applied.
QString mismatch(const PaymentRow &payment, const QString &payNo, const TradeSnapshot &snapshot)
{
    if (!snapshot.payNo.isEmpty() && snapshot.payNo != payNo)
        return u"out_trade_no %1 answered for %2"_s.arg(snapshot.payNo, payNo);
    if (!snapshot.appId.isEmpty() && snapshot.appId != payment.appId)
        return u"app id %1, expected %2"_s.arg(snapshot.appId, payment.appId);
    if (!snapshot.merchantId.isEmpty() && snapshot.merchantId != payment.merchantId)
        return u"merchant id %1, expected %2"_s.arg(snapshot.merchantId, payment.merchantId);
    const bool paid = outcomeOf(snapshot.state) == TradeOutcome::Paid;
    if (paid && snapshot.amount < 0)
        return u"a paid result without an amount"_s;
    if (snapshot.amount >= 0 && snapshot.amount != payment.amount)
        return u"amount %1 fen, expected %2 fen"_s.arg(snapshot.amount).arg(payment.amount);
    return {};
}

Status applyPaid(SqlWriter &sql, JobQueue &jobs, const QDateTime &now, const PaymentRow &payment,
                 const TradeSnapshot &snapshot, const QString &source, Change &change)
{
    const QDateTime paidAt = snapshot.paidAt.isValid() ? snapshot.paidAt : now;
    // CLOSED and FAILED are included: a payment can land around a close, and money that
    // arrived is recorded, never hidden.
    auto updated =
        sql.exec(u"UPDATE payments SET status = ?, transaction_id = ?, paid_at = ?, "
                 "updated_at = ? WHERE id = ? AND status <> ?"_s,
                 {text(PaymentStatus::Success), snapshot.transactionId, SqlWriter::time(paidAt),
                  SqlWriter::time(now), payment.id, text(PaymentStatus::Success)});
    if (!updated)
        return updated.error();
    if (*updated != 1)
        return success(); // already applied: a repeat is a no-op
    change.paymentStatus = PaymentStatus::Success;
    if (auto logged = sql.event(now, {payment.orderId,
                                      payment.id,
                                      u"payment_paid"_s,
                                      source,
                                      {},
                                      text(payment.status),
                                      text(PaymentStatus::Success),
                                      json({{u"transaction_id"_s, snapshot.transactionId},
                                            {u"amount_fen"_s, snapshot.amount}})});
        !logged)
        return logged;
    if (!isOpen(payment.status))
        change.alerts.append(
            {u"alert_paid_after_close"_s,
             json({{u"pay_no"_s, snapshot.payNo}, {u"was"_s, text(payment.status)}})});

    if (payment.orderStatus == OrderStatus::Paid) {
        // Another attempt of this order was paid already: the customer paid twice.
        change.alerts.append(
            {u"alert_double_payment"_s, json({{u"pay_no"_s, snapshot.payNo},
                                              {u"transaction_id"_s, snapshot.transactionId},
                                              {u"amount_fen"_s, snapshot.amount}})});
        return success();
    }
    const bool wasCancelled = payment.orderStatus == OrderStatus::Cancelled;
    auto paid = ledger::amountPaid(sql, payment.orderId);
    if (!paid)
        return paid.error();
    if (*paid < payment.orderTotal) {
        // One tender of several (an attempt only ever asks for what the others left), or
        // one that landed after a cancel gave the others back: never a paid order.
        if (wasCancelled)
            change.alerts.append(
                {u"alert_paid_after_cancel"_s, json({{u"pay_no"_s, snapshot.payNo},
                                                     {u"transaction_id"_s, snapshot.transactionId},
                                                     {u"amount_fen"_s, snapshot.amount},
                                                     {u"order_covered"_s, false}})});
        return success();
    }
    auto order = sql.exec(u"UPDATE orders SET status = ?, paid_at = ?, updated_at = ? "
                          "WHERE id = ? AND status = ?"_s,
                          {text(OrderStatus::Paid), SqlWriter::time(paidAt), SqlWriter::time(now),
                           payment.orderId, text(payment.orderStatus)});
    if (!order)
        return order.error();
    if (*order != 1)
        return Error{ErrorCode::StoreConflict,
                     u"order %1 changed concurrently"_s.arg(payment.orderId)};
    change.orderStatus = OrderStatus::Paid;
    // Reserved stock becomes sold; after a cancel the reservation is gone, so the goods
    // leave the shelf again without it.
    if (auto stock = ledger::moveStock(sql, payment.orderId, 1, wasCancelled ? 0 : 1); !stock)
        return stock;
    if (wasCancelled)
        change.alerts.append(
            {u"alert_paid_after_cancel"_s, json({{u"pay_no"_s, snapshot.payNo},
                                                 {u"transaction_id"_s, snapshot.transactionId},
                                                 {u"amount_fen"_s, snapshot.amount}})});
    // An attempt given up in a switch was paid after all: the one the counter shows now
    // must not take the money a second time, so it is given up too and closed.
    auto others = sql.rows(u"SELECT id, pay_no FROM payments WHERE order_id = ? AND id <> ? "
                           "AND status IN (%1) ORDER BY id"_s.arg(openPaymentStatusesSql()),
                           {payment.orderId, payment.id});
    if (!others)
        return others.error();
    for (const QVariantList &other : std::as_const(*others)) {
        if (auto given =
                ledger::supersede(sql, jobs, now, payment.orderId, other.at(0).toLongLong(),
                                  other.at(1).toString(), source, {}, u"order_paid"_s);
            !given)
            return given;
    }
    return sql.event(now, {payment.orderId,
                           payment.id,
                           u"order_paid"_s,
                           source,
                           {},
                           text(payment.orderStatus),
                           text(*change.orderStatus),
                           {}});
}

Status applyFailed(SqlWriter &sql, const QDateTime &now, const PaymentRow &payment,
                   const TradeSnapshot &snapshot, const QString &source, Change &change)
{
    const PaymentStatus to =
        snapshot.state == TradeState::PayError ? PaymentStatus::Failed : PaymentStatus::Closed;
    auto updated = sql.exec(u"UPDATE payments SET status = ?, updated_at = ? "
                            "WHERE id = ? AND status IN (%1)"_s.arg(openPaymentStatusesSql()),
                            {text(to), SqlWriter::time(now), payment.id});
    if (!updated)
        return updated.error();
    if (*updated != 1)
        return success();
    change.paymentStatus = to;
    if (auto logged = sql.event(now, {payment.orderId,
                                      payment.id,
                                      u"payment_closed"_s,
                                      source,
                                      {},
                                      text(payment.status),
                                      text(to),
                                      json({{u"state"_s, snapshot.rawState}})});
        !logged)
        return logged;

    // The order ends with its attempt when the cashier gave up or the deadline passed, or
    // when start-up recovery finds it failed: the counter that could try again is gone.
    // Otherwise (say the bank refused) the cashier may try again.
    // An attempt given up in a switch ends nothing: the order goes on with the next one.
    const bool cancelling = payment.orderStatus == OrderStatus::Cancelling;
    const bool awaiting =
        payment.orderStatus == OrderStatus::AwaitingPayment && !payment.superseded;
    const bool expired = awaiting && now >= payment.expiresAt;
    const bool abandoned = awaiting && source == sourceName(Source::Recovery);
    if (!cancelling && !expired && !abandoned)
        return success();
    // Another attempt of the order is still open (one given up in a switch): it may still
    // be paid, so the order waits CANCELLING until that one's close is confirmed too.
    auto others = ledger::hasOtherOpenAttempt(sql, payment.orderId, payment.id);
    if (!others)
        return others.error();
    const OrderStatus orderTo = *others ? OrderStatus::Cancelling : OrderStatus::Cancelled;
    if (orderTo == payment.orderStatus)
        return success();
    auto order =
        sql.exec(u"UPDATE orders SET status = ?, updated_at = ? "
                 "WHERE id = ? AND status = ?"_s,
                 {text(orderTo), SqlWriter::time(now), payment.orderId, text(payment.orderStatus)});
    if (!order)
        return order.error();
    if (*order != 1)
        return Error{ErrorCode::StoreConflict,
                     u"order %1 changed concurrently"_s.arg(payment.orderId)};
    change.orderStatus = orderTo;
    if (orderTo == OrderStatus::Cancelling)
        return sql.event(now, {payment.orderId,
                               payment.id,
                               u"cancel_requested"_s,
                               source,
                               {},
                               text(payment.orderStatus),
                               text(orderTo),
                               json({{u"reason"_s, expired ? u"expired"_s : u"abandoned"_s}})});
    if (auto stock = ledger::moveStock(sql, payment.orderId, 0, 1); !stock)
        return stock;
    auto returned = ledger::returnCash(sql, now, payment.orderId, source);
    if (!returned)
        return returned.error();
    change.cashReturned = *returned;
    return sql.event(now, {payment.orderId,
                           payment.id,
                           u"order_cancelled"_s,
                           source,
                           {},
                           text(payment.orderStatus),
                           text(*change.orderStatus),
                           json({{u"reason"_s, cancelling ? u"cancelled"_s
                                               : expired  ? u"expired"_s
                                                          : u"abandoned"_s}})});
}

} // namespace

Result<ApplyResult> Checkout::apply(const QString &payNo, const TradeSnapshot &snapshot,
                                    Source source)
{
    if (outcomeOf(snapshot.state) == TradeOutcome::Pending && snapshot.amount < 0)
        return ApplyResult::NoChange; // nothing to apply and nothing to check

    const QDateTime now = m_clock.now();
    const QString sourceText = sourceName(source);
    SqlWriter sql(m_database);
    Change change;
    qint64 orderId = 0;
    ApplyResult result = ApplyResult::NoChange;
    const auto work = [&]() -> Status {
        change = {};
        result = ApplyResult::NoChange;
        auto loaded = ledger::loadPayment(sql, payNo);
        if (!loaded)
            return loaded.error();
        if (!*loaded) {
            result = ApplyResult::Refused;
            change.alerts.append({u"alert_unknown_payment"_s, json({{u"pay_no"_s, payNo}})});
            return sql.event(now, {0,
                                   0,
                                   u"alert_unknown_payment"_s,
                                   sourceText,
                                   {},
                                   {},
                                   {},
                                   json({{u"pay_no"_s, payNo}, {u"state"_s, snapshot.rawState}})});
        }
        const PaymentRow &payment = **loaded;
        orderId = payment.orderId;
        if (const QString why = mismatch(payment, payNo, snapshot); !why.isEmpty()) {
            result = ApplyResult::Refused;
            // A gateway that answers wrong answers wrong at every poll: the manager is told
            // once per payment, and the log does not fill with the same row.
            auto alerted = ledger::hasEvent(sql, payment.orderId, payment.id, u"alert_mismatch"_s);
            if (!alerted)
                return alerted.error();
            if (*alerted)
                return success();
            change.alerts.append({u"alert_mismatch"_s, why});
            return sql.event(now, {payment.orderId,
                                   payment.id,
                                   u"alert_mismatch"_s,
                                   sourceText,
                                   {},
                                   text(payment.status),
                                   text(payment.status),
                                   json({{u"reason"_s, why}, {u"state"_s, snapshot.rawState}})});
        }
        Status applied = success();
        switch (outcomeOf(snapshot.state)) {
        case TradeOutcome::Paid:
            applied = applyPaid(sql, *m_jobs, now, payment, snapshot, sourceText, change);
            break;
        case TradeOutcome::Failed:
            applied = applyFailed(sql, now, payment, snapshot, sourceText, change);
            break;
        case TradeOutcome::Pending:
            break;
        }
        if (!applied)
            return applied;
        for (const auto &[kind, detail] : std::as_const(change.alerts)) {
            if (auto logged = sql.event(
                    now, {payment.orderId, payment.id, kind, sourceText, {}, {}, {}, detail});
                !logged)
                return logged;
        }
        if (!change.paymentStatus)
            return success();
        result = ApplyResult::Applied;
        // A settled payment needs no more looking after.
        return m_jobs->complete(payNo);
    };
    Status status = m_database.transaction(work);
    // Another till changed the order between our read and our write (or the server
    // picked us as a deadlock victim): nothing was written, so read again and redo.
    for (int retry = 0; retry < kConflictRetries && !status && isConflict(status.error()) &&
                        !m_database.inTransaction();
         ++retry)
        status = m_database.transaction(work);
    if (!status) {
        qCWarning(lcCheckout) << "could not apply" << snapshot.rawState << "to" << payNo << ":"
                              << status.error().message;
        return status.error();
    }
    // Observers hear of a change only once it is committed (later, inside a batch).
    m_database.afterCommit([this, change, orderId, payNo] {
        for (const auto &[kind, detail] : change.alerts) {
            qCWarning(lcCheckout) << "ALERT" << kind << payNo << detail;
            Q_EMIT alertRaised(orderId, kind, detail);
        }
        if (change.paymentStatus)
            Q_EMIT paymentChanged(payNo, *change.paymentStatus);
        for (const ledger::ReturnedCash &cash : change.cashReturned)
            Q_EMIT paymentChanged(cash.payNo, PaymentStatus::Closed);
        if (change.orderStatus)
            Q_EMIT orderChanged(orderId, *change.orderStatus);
    });
    return result;
}

} // namespace shouyin
