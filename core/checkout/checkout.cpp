#include "checkout.h"

#include "checkout/ledgerrows.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcCheckout, "shouyin.checkout")

using ledger::json;
using ledger::loadPayment;
using ledger::moveStock;
using ledger::text;

Checkout::Checkout(Database &database, QString terminalId, ShopClock clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_terminalId(std::move(terminalId))
    , m_clock(std::move(clock))
    , m_jobs(std::make_unique<JobQueue>(
          database, [clock = m_clock] { return clock.now(); }, m_terminalId))
{}

Checkout::~Checkout() = default;

Status Checkout::recordQrIssued(const QString &payNo, const QString &codeUrl)
{
    return leaveCreating(payNo, PaymentStatus::Pending, codeUrl, QString(), u"qr_issued"_s, {});
}

Status Checkout::recordCodeWaiting(const QString &payNo)
{
    return leaveCreating(payNo, PaymentStatus::Pending, QString(), QString(), u"code_waiting"_s,
                         {});
}

Status Checkout::recordCreateRefused(const QString &payNo, const Error &error)
{
    return leaveCreating(payNo, PaymentStatus::Failed, QString(), error.name(), u"create_refused"_s,
                         json({{u"code"_s, error.name()}, {u"message"_s, error.message}}));
}

Status Checkout::leaveCreating(const QString &payNo, PaymentStatus to, const QString &codeUrl,
                               const QString &lastError, const QString &eventKind,
                               const QString &detail)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    bool changed = false;
    qint64 orderId = 0;
    bool orderCancelled = false;
    QList<ledger::ReturnedCash> cashReturned;
    Status status = m_database.transaction([&]() -> Status {
        orderCancelled = false;
        cashReturned.clear();
        auto payment = loadPayment(sql, payNo);
        if (!payment)
            return payment.error();
        if (!*payment)
            return Error{ErrorCode::UnknownPayment, tr("Unknown payment %1.").arg(payNo)};
        orderId = (*payment)->orderId;
        auto updated =
            sql.exec(u"UPDATE payments SET status = ?, code_url = ?, last_error = ?, "
                     "updated_at = ? WHERE id = ? AND status = ?"_s,
                     {text(to), SqlWriter::textOrNull(codeUrl), SqlWriter::textOrNull(lastError),
                      SqlWriter::time(now), (*payment)->id, text(PaymentStatus::Creating)});
        if (!updated)
            return updated.error();
        changed = *updated == 1;
        if (!changed)
            return success(); // already settled: a notification can beat the QR
        if (to == PaymentStatus::Failed) {
            if (auto done = m_jobs->complete(payNo); !done)
                return done;
        }
        if (auto logged = sql.event(now, {(*payment)->orderId,
                                          (*payment)->id,
                                          eventKind,
                                          sourceName(Source::Cashier),
                                          {},
                                          text(PaymentStatus::Creating),
                                          text(to),
                                          detail});
            !logged)
            return logged;
        // The cashier gave up while the refused request was on its way: the order waited
        // for this attempt only, and nobody else will finish it.
        if (to != PaymentStatus::Failed || (*payment)->orderStatus != OrderStatus::Cancelling)
            return success();
        // An attempt given up before it (the customer switched provider) may still be paid:
        // the order ends when that one's close is confirmed.
        auto others = ledger::hasOtherOpenAttempt(sql, orderId, (*payment)->id);
        if (!others)
            return others.error();
        if (*others)
            return success();
        auto cancelled = sql.exec(u"UPDATE orders SET status = ?, updated_at = ? "
                                  "WHERE id = ? AND status = ?"_s,
                                  {text(OrderStatus::Cancelled), SqlWriter::time(now), orderId,
                                   text(OrderStatus::Cancelling)});
        if (!cancelled)
            return cancelled.error();
        if (*cancelled != 1)
            return success();
        orderCancelled = true;
        if (auto released = moveStock(sql, orderId, 0, 1); !released)
            return released;
        auto returned = ledger::returnCash(sql, now, orderId, sourceName(Source::Cashier));
        if (!returned)
            return returned.error();
        cashReturned = *returned;
        return sql.event(now, {orderId,
                               (*payment)->id,
                               u"order_cancelled"_s,
                               sourceName(Source::Cashier),
                               {},
                               text(OrderStatus::Cancelling),
                               text(OrderStatus::Cancelled),
                               json({{u"reason"_s, u"cancelled"_s}})});
    });
    if (status && changed)
        Q_EMIT paymentChanged(payNo, to);
    if (status)
        emitCashReturned(cashReturned);
    if (status && orderCancelled)
        Q_EMIT orderChanged(orderId, OrderStatus::Cancelled);
    return status;
}

Status Checkout::recordAttemptError(const QString &payNo, const Error &error)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    return m_database.transaction([&]() -> Status {
        auto payment = loadPayment(sql, payNo);
        if (!payment)
            return payment.error();
        if (!*payment)
            return Error{ErrorCode::UnknownPayment, tr("Unknown payment %1.").arg(payNo)};
        auto updated =
            sql.exec(u"UPDATE payments SET last_error = ?, updated_at = ? WHERE id = ?"_s,
                     {error.name(), SqlWriter::time(now), (*payment)->id});
        if (!updated)
            return updated.error();
        return sql.event(now, {(*payment)->orderId,
                               (*payment)->id,
                               u"attempt_error"_s,
                               sourceName(Source::Cashier),
                               {},
                               text((*payment)->status),
                               text((*payment)->status),
                               json({{u"code"_s, error.name()}, {u"message"_s, error.message}})});
    });
}

Status Checkout::requestCancel(qint64 orderId, const QString &operatorName, Source source)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    std::optional<OrderStatus> newStatus;
    QList<ledger::ReturnedCash> cashReturned;
    Status status = m_database.transaction([&]() -> Status {
        newStatus.reset();
        cashReturned.clear();
        auto order = sql.row(u"SELECT status FROM orders WHERE id = ?"_s, {orderId});
        if (!order)
            return order.error();
        if (order->isEmpty())
            return Error{ErrorCode::UnknownOrder, tr("The order does not exist.")};
        const QString from = order->at(0).toString();
        if (from != text(OrderStatus::AwaitingPayment))
            return success(); // paid, or already on its way out: nothing to cancel
        // Attempts given up for another (a switch of provider) are open too, and each must
        // be confirmed closed.
        auto open = sql.rows(u"SELECT pay_no FROM payments WHERE order_id = ? "
                             "AND status IN (%1) ORDER BY id"_s.arg(openPaymentStatusesSql()),
                             {orderId});
        if (!open)
            return open.error();
        // With an attempt open the provider must first confirm it closed: until then the
        // customer can still pay, and that payment must be kept.
        const OrderStatus to = open->isEmpty() ? OrderStatus::Cancelled : OrderStatus::Cancelling;
        auto updated =
            sql.exec(u"UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = ?"_s,
                     {text(to), SqlWriter::time(now), orderId, from});
        if (!updated)
            return updated.error();
        if (*updated != 1)
            return success();
        newStatus = to;
        if (open->isEmpty()) {
            if (auto released = moveStock(sql, orderId, 0, 1); !released)
                return released;
            auto returned = ledger::returnCash(sql, now, orderId, sourceName(source));
            if (!returned)
                return returned.error();
            cashReturned = *returned;
            // Nobody is at the counter after a restart: the manager must see that the
            // customer is owed the cash they handed over.
            if (source == Source::Recovery && !cashReturned.isEmpty()) {
                if (auto alerted = sql.event(now, {orderId,
                                                   0,
                                                   u"alert_cash_to_return"_s,
                                                   sourceName(source),
                                                   {},
                                                   {},
                                                   {},
                                                   cashAlertDetail(cashReturned)});
                    !alerted)
                    return alerted;
            }
        } else {
            for (const QVariantList &row : std::as_const(*open)) {
                // (A job running here sees CANCELLING once its query returns, and closes.)
                if (const QString payNo = row.at(0).toString(); !m_jobs->isRunning(payNo)) {
                    if (auto job = m_jobs->schedule(jobKind::kPoll, payNo, now); !job)
                        return job;
                }
            }
        }
        return sql.event(now, {orderId,
                               0,
                               open->isEmpty() ? u"order_cancelled"_s : u"cancel_requested"_s,
                               sourceName(source),
                               operatorName,
                               from,
                               text(to),
                               {}});
    });
    if (status)
        emitCashReturned(cashReturned);
    if (status && source == Source::Recovery && !cashReturned.isEmpty())
        Q_EMIT alertRaised(orderId, u"alert_cash_to_return"_s, cashAlertDetail(cashReturned));
    if (status && newStatus)
        Q_EMIT orderChanged(orderId, *newStatus);
    return status;
}

QString Checkout::cashAlertDetail(const QList<ledger::ReturnedCash> &returned)
{
    Fen total = 0;
    for (const ledger::ReturnedCash &cash : returned)
        total += cash.amount;
    return json({{u"amount_fen"_s, total}});
}

void Checkout::emitCashReturned(const QList<ledger::ReturnedCash> &returned)
{
    for (const ledger::ReturnedCash &cash : returned)
        Q_EMIT paymentChanged(cash.payNo, PaymentStatus::Closed);
}

Result<int> Checkout::cancelAbandonedOrders()
{
    SqlWriter sql(m_database);
    auto abandoned = sql.rows(u"SELECT id FROM orders o WHERE terminal_id = ? AND status = ? "
                              "AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id "
                              "AND p.status IN (%1) AND p.superseded_at IS NULL) "
                              "ORDER BY id"_s.arg(openPaymentStatusesSql()),
                              {m_terminalId, text(OrderStatus::AwaitingPayment)});
    if (!abandoned)
        return abandoned.error();
    for (const QVariantList &row : std::as_const(*abandoned)) {
        if (auto cancelled = requestCancel(row.at(0).toLongLong(), {}, Source::Recovery);
            !cancelled)
            return cancelled.error();
    }
    return int(abandoned->size());
}

Status Checkout::recordEvent(const QString &payNo, const QString &kind, const QString &detail,
                             Source source)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    qint64 orderId = 0;
    Status status = m_database.transaction([&]() -> Status {
        auto payment = payNo.isEmpty() ? Result<std::optional<ledger::PaymentRow>>(std::nullopt)
                                       : loadPayment(sql, payNo);
        if (!payment)
            return payment.error();
        const qint64 paymentId = *payment ? (*payment)->id : 0;
        orderId = *payment ? (*payment)->orderId : 0;
        return sql.event(now, {orderId, paymentId, kind, sourceName(source), {}, {}, {}, detail});
    });
    if (status && kind.startsWith(u"alert_"))
        Q_EMIT alertRaised(orderId, kind, detail);
    return status;
}

Status Checkout::scheduleCheck(const QString &payNo, const QDateTime &at)
{
    return m_database.transaction([&]() -> Status {
        SqlWriter sql(m_database);
        auto open = sql.row(u"SELECT 1 FROM payments WHERE pay_no = ? "
                            "AND status IN (%1)"_s.arg(openPaymentStatusesSql()),
                            {payNo});
        if (!open)
            return open.error();
        if (open->isEmpty())
            return success(); // settled already: nothing to look at
        // Its job is running here right now: the settler is looking at it, and its
        // handler decides what comes next. Replacing the job would hand the payment to a
        // second run beside the first, and both would close the trade.
        if (m_jobs->isRunning(payNo))
            return success();
        return m_jobs->schedule(jobKind::kPoll, payNo, at);
    });
}

} // namespace shouyin
