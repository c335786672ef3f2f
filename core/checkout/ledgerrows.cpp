#include "ledgerrows.h"

#include "checkout/checkout.h"
#include "schedule/jobqueue.h"
#include "store/sqlwriter.h"

#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace shouyin::ledger {

Result<std::optional<PaymentRow>> loadPayment(SqlWriter &sql, const QString &payNo)
{
    auto row = sql.row(u"SELECT p.id, p.order_id, p.status, o.status, p.app_id, p.merchant_id, "
                       "p.amount_fen, p.expires_at, o.total_fen, p.superseded_at FROM payments p "
                       "JOIN orders o ON o.id = p.order_id WHERE p.pay_no = ?"_s,
                       {payNo});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<PaymentRow>();
    const QVariantList &r = row.value();
    const auto status = paymentStatusFromSql(r.at(2).toString());
    const auto orderStatus = orderStatusFromSql(r.at(3).toString());
    // Never guess what a word this program does not know means for the money.
    if (!status || !orderStatus)
        return Error{ErrorCode::Store,
                     u"payment %1 has a status this program does not know "
                     "(%2, order %3)"_s.arg(payNo, r.at(2).toString(), r.at(3).toString())};
    return std::optional<PaymentRow>(
        PaymentRow{r.at(0).toLongLong(), r.at(1).toLongLong(), *status, *orderStatus,
                   r.at(4).toString(), r.at(5).toString(), r.at(6).toLongLong(),
                   QDateTime::fromMSecsSinceEpoch(r.at(7).toLongLong(), Qt::UTC),
                   r.at(8).toLongLong(), !r.at(9).isNull()});
}

Status supersede(SqlWriter &sql, JobQueue &jobs, const QDateTime &now, qint64 orderId,
                 qint64 paymentId, const QString &payNo, const QString &source,
                 const QString &operatorName, const QString &reason)
{
    auto updated =
        sql.exec(u"UPDATE payments SET superseded_at = ?, updated_at = ? WHERE id = ? "
                 "AND superseded_at IS NULL AND status IN (%1)"_s.arg(openPaymentStatusesSql()),
                 {SqlWriter::time(now), SqlWriter::time(now), paymentId});
    if (!updated)
        return updated.error();
    if (*updated != 1)
        return success();
    // Its expire job would wait for the deadline: the settler looks now, and closes as
    // soon as the provider allows. A job running now rereads the payment when its query
    // returns, and goes on from there.
    if (!jobs.isRunning(payNo)) {
        if (auto job = jobs.schedule(QString(jobKind::kPoll), payNo, now); !job)
            return job;
    }
    return sql.event(now, {orderId,
                           paymentId,
                           u"payment_superseded"_s,
                           source,
                           operatorName,
                           {},
                           {},
                           json({{u"pay_no"_s, payNo}, {u"reason"_s, reason}})});
}

Result<bool> hasOtherOpenAttempt(SqlWriter &sql, qint64 orderId, qint64 paymentId)
{
    auto row = sql.row(u"SELECT 1 FROM payments WHERE order_id = ? AND id <> ? "
                       "AND status IN (%1)"_s.arg(openPaymentStatusesSql()),
                       {orderId, paymentId});
    if (!row)
        return row.error();
    return !row->isEmpty();
}

Status moveStock(SqlWriter &sql, qint64 orderId, int sold, int unreserved)
{
    if (sql.dialect() == SqlDialect::Postgres) {
        // One UPDATE locks its rows in whatever order it scans them; two tills settling
        // orders with the same goods must take the locks in one order, or deadlock. NO KEY:
        // the lock an UPDATE of these columns takes, which lets another till's new order
        // line keep its reference to the product (FOR UPDATE would wait for that till,
        // while it waits for this one's reservation: a deadlock).
        auto locked = sql.rows(u"SELECT id FROM products WHERE id IN (SELECT product_id "
                               "FROM order_items WHERE order_id = ?) ORDER BY id "
                               "FOR NO KEY UPDATE"_s,
                               {orderId});
        if (!locked)
            return locked.error();
    }
    // Made once: every paid notification runs it.
    static const QString kMove = [] {
        const QString perProduct = u"(SELECT SUM(quantity) FROM order_items i "
                                   "WHERE i.order_id = ? AND i.product_id = products.id)"_s;
        return u"UPDATE products SET stock = stock - ? * %1, reserved = reserved - ? * %1 "
               "WHERE id IN (SELECT product_id FROM order_items WHERE order_id = ?)"_s.arg(
                   perProduct);
    }();
    auto moved = sql.exec(kMove, {sold, orderId, unreserved, orderId, orderId});
    if (!moved)
        return moved.error();
    return success();
}

Result<Fen> amountPaid(SqlWriter &sql, qint64 orderId)
{
    auto paid = sql.row(u"SELECT COALESCE(SUM(amount_fen), 0) FROM payments "
                        "WHERE order_id = ? AND status = ?"_s,
                        {orderId, text(PaymentStatus::Success)});
    if (!paid)
        return paid.error();
    return paid->value(0).toLongLong();
}

Result<QList<ReturnedCash>> returnCash(SqlWriter &sql, const QDateTime &now, qint64 orderId,
                                       const QString &source)
{
    auto taken =
        sql.rows(u"SELECT id, pay_no, amount_fen FROM payments WHERE order_id = ? "
                 "AND method = ? AND status = ? ORDER BY id"_s,
                 {orderId, QString(sqlText(PaymentMethod::Cash)), text(PaymentStatus::Success)});
    if (!taken)
        return taken.error();
    QList<ReturnedCash> returned;
    for (const QVariantList &row : std::as_const(*taken)) {
        const qint64 id = row.at(0).toLongLong();
        auto closed = sql.exec(
            u"UPDATE payments SET status = ?, updated_at = ? "
            "WHERE id = ? AND status = ?"_s,
            {text(PaymentStatus::Closed), SqlWriter::time(now), id, text(PaymentStatus::Success)});
        if (!closed)
            return closed.error();
        if (*closed != 1)
            continue;
        const ReturnedCash cash{row.at(1).toString(), row.at(2).toLongLong()};
        if (auto logged =
                sql.event(now, {orderId,
                                id,
                                u"cash_returned"_s,
                                source,
                                {},
                                text(PaymentStatus::Success),
                                text(PaymentStatus::Closed),
                                json({{u"pay_no"_s, cash.payNo}, {u"amount_fen"_s, cash.amount}})});
            !logged)
            return logged.error();
        returned.append(cash);
    }
    return returned;
}

Result<bool> hasEvent(SqlWriter &sql, qint64 orderId, qint64 paymentId, const QString &kind)
{
    // order_id first: the events_order index finds the order's few rows.
    auto found = sql.rows(u"SELECT 1 FROM events WHERE order_id = ? AND payment_id = ? "
                          "AND kind = ? LIMIT 1"_s,
                          {orderId, paymentId, kind});
    if (!found)
        return found.error();
    return !found->isEmpty();
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace shouyin::ledger
