#include "refundrows.h"

#include "store/sqlwriter.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

const QString kRefundColumns =
    u"SELECT r.id, r.refund_no, r.return_id, r.order_id, r.payment_id, p.pay_no, r.provider, "
    "r.amount_fen, r.status, r.provider_refund_id, r.last_error, r.created_at, r.updated_at, "
    "r.refunded_at, p.amount_fen, t.reason, p.api FROM refunds r JOIN payments p ON p.id = "
    "r.payment_id "
    "JOIN returns t ON t.id = r.return_id "_s;

Result<Refund> refundFrom(const QVariantList &row)
{
    const auto status = refundStatusFromSql(row.at(8).toString());
    // Never guess what a word this program does not know means for the money.
    if (!status)
        return Error{ErrorCode::Store,
                     u"refund %1 has a status this program does not know: %2"_s.arg(
                         row.at(1).toString(), row.at(8).toString())};
    Refund refund;
    refund.id = row.at(0).toLongLong();
    refund.refundNo = row.at(1).toString();
    refund.returnId = row.at(2).toLongLong();
    refund.orderId = row.at(3).toLongLong();
    refund.paymentId = row.at(4).toLongLong();
    refund.payNo = row.at(5).toString();
    refund.provider = row.at(6).toString();
    refund.amount = row.at(7).toLongLong();
    refund.status = *status;
    refund.providerRefundId = row.at(9).toString();
    refund.lastError = row.at(10).toString();
    refund.createdAt = timeFrom(row.at(11));
    refund.updatedAt = timeFrom(row.at(12));
    refund.refundedAt = timeFrom(row.at(13));
    refund.paymentAmount = row.at(14).toLongLong();
    refund.reason = row.at(15).toString();
    refund.api = row.at(16).toString();
    return refund;
}

Result<QList<Refund>> refundsWhere(SqlWriter &sql, const QString &where, const QVariantList &binds)
{
    auto rows = sql.rows(kRefundColumns + where, binds);
    if (!rows)
        return rows.error();
    QList<Refund> refunds;
    refunds.reserve(rows->size());
    for (const QVariantList &row : std::as_const(*rows)) {
        auto refund = refundFrom(row);
        if (!refund)
            return refund.error();
        refunds.append(std::move(refund).value());
    }
    return refunds;
}

Result<Order> orderFrom(const QVariantList &r)
{
    const auto status = orderStatusFromSql(r.at(4).toString());
    if (!status)
        return Error{ErrorCode::Store,
                     u"order %1 has a status this program does not know: %2"_s.arg(
                         r.at(1).toString(), r.at(4).toString())};
    Order order;
    order.id = r.at(0).toLongLong();
    order.orderNo = r.at(1).toString();
    order.terminalId = r.at(2).toString();
    order.operatorName = r.at(3).toString();
    order.status = *status;
    order.total = r.at(5).toLongLong();
    order.createdAt = timeFrom(r.at(6));
    order.paidAt = timeFrom(r.at(7));
    order.discount = r.at(8).toLongLong();
    order.roundOff = r.at(9).toLongLong();
    order.discountApprover = r.at(10).toString();
    return order;
}

Status readItems(SqlWriter &sql, RefundableOrder &order)
{
    auto items = sql.rows(
        u"SELECT i.id, i.product_id, i.barcode, i.name, i.unit_price_fen, i.quantity, "
        "i.discount_fen, i.share_fen, (SELECT COALESCE(SUM(ri.quantity), 0) FROM return_items ri "
        "WHERE ri.order_item_id = i.id) FROM order_items i WHERE i.order_id = ? ORDER BY i.id"_s,
        {order.order.id});
    if (!items)
        return items.error();
    for (const QVariantList &r : std::as_const(*items)) {
        RefundableItem item;
        item.item.id = r.at(0).toLongLong();
        item.item.productId = r.at(1).toLongLong();
        item.item.barcode = r.at(2).toString();
        item.item.name = r.at(3).toString();
        item.item.unitPrice = r.at(4).toLongLong();
        item.item.quantity = r.at(5).toInt();
        item.item.discount = r.at(6).toLongLong();
        item.item.share = r.at(7).toLongLong();
        item.returned = r.at(8).toInt();
        order.goodsReturned += item.item.valueOf(0, item.returned);
        order.items.append(item);
    }
    return success();
}

Status readTenders(SqlWriter &sql, RefundableOrder &order)
{
    // Cash last: money goes back the way it came, and the drawer pays only what no
    // provider can. A refund the provider accepted and then failed (WeChat's CHANGE: the
    // customer's card refused it) may still pay out on the provider's platform: it counts
    // as given back, so that nothing here can send that money a second time.
    auto tenders =
        sql.rows(u"SELECT p.id, p.pay_no, p.provider, p.amount_fen, p.method, p.transaction_id, "
                 "p.app_id, p.merchant_id, (SELECT COALESCE(SUM(r.amount_fen), 0) FROM refunds r "
                 "WHERE r.payment_id = p.id AND (r.status <> 'FAILED' "
                 "OR r.provider_refund_id IS NOT NULL)), p.api FROM payments p "
                 "WHERE p.order_id = ? AND p.status = 'SUCCESS' "
                 "ORDER BY CASE WHEN p.method = 'cash' THEN 1 ELSE 0 END, p.id"_s,
                 {order.order.id});
    if (!tenders)
        return tenders.error();
    for (const QVariantList &r : std::as_const(*tenders)) {
        RefundableTender tender;
        tender.payment.id = r.at(0).toLongLong();
        tender.payment.orderId = order.order.id;
        tender.payment.payNo = r.at(1).toString();
        tender.payment.provider = r.at(2).toString();
        tender.payment.amount = r.at(3).toLongLong();
        tender.payment.status = PaymentStatus::Success;
        tender.payment.method = paymentMethodFromSql(r.at(4).toString());
        tender.payment.transactionId = r.at(5).toString();
        tender.payment.appId = r.at(6).toString();
        tender.payment.merchantId = r.at(7).toString();
        tender.refunded = r.at(8).toLongLong();
        tender.payment.api = r.at(9).toString();
        order.paid += tender.payment.amount;
        order.refunded += tender.refunded;
        order.tenders.append(tender);
    }
    return success();
}

} // namespace

Fen RefundableOrder::surplus() const
{
    const Fen held = paid - refunded;
    switch (order.status) {
    case OrderStatus::Paid:
        return std::max<Fen>(0, held - (order.total - goodsReturned));
    case OrderStatus::Cancelled:
        return std::max<Fen>(0, held);
    case OrderStatus::AwaitingPayment:
    case OrderStatus::Cancelling:
        break;
    }
    return 0; // not settled: nothing is surplus yet
}

Fen RefundableOrder::goodsLeft() const
{
    if (order.status != OrderStatus::Paid)
        return 0;
    Fen left = 0;
    for (const RefundableItem &item : items)
        left += item.refundFor(item.left());
    return left;
}

namespace refundrows {

Result<std::optional<RefundableOrder>> loadRefundable(SqlWriter &sql, qint64 orderId, bool lock)
{
    const QString forUpdate =
        lock && sql.dialect() == SqlDialect::Postgres ? u" FOR UPDATE"_s : QString();
    auto row = sql.row(u"SELECT id, order_no, terminal_id, operator, status, total_fen, "
                       "created_at, paid_at, discount_fen, round_off_fen, discount_approver "
                       "FROM orders WHERE id = ?"_s +
                           forUpdate,
                       {orderId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<RefundableOrder>();
    auto order = orderFrom(row.value());
    if (!order)
        return order.error();
    RefundableOrder refundable;
    refundable.order = std::move(order).value();
    if (auto read = readItems(sql, refundable); !read)
        return read.error();
    if (auto read = readTenders(sql, refundable); !read)
        return read.error();
    auto returns = loadReturns(sql, orderId);
    if (!returns)
        return returns.error();
    refundable.returns = std::move(returns).value();
    return std::optional<RefundableOrder>(std::move(refundable));
}

Result<std::optional<Refund>> loadRefund(SqlWriter &sql, const QString &refundNo)
{
    auto found = refundsWhere(sql, u"WHERE r.refund_no = ?"_s, {refundNo});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Refund>();
    return std::optional<Refund>(found->constFirst());
}

Result<QList<Refund>> loadOpenRefunds(SqlWriter &sql, const QString &terminalId)
{
    QString where = u"WHERE r.status IN ('REQUESTED', 'PROCESSING')"_s;
    QVariantList binds;
    if (!terminalId.isEmpty()) {
        where += u" AND r.return_id IN (SELECT id FROM returns WHERE terminal_id = ?)"_s;
        binds.append(terminalId);
    }
    return refundsWhere(sql, where + u" ORDER BY r.id"_s, binds);
}

Result<QList<ReturnRecord>> loadReturns(SqlWriter &sql, qint64 orderId)
{
    auto rows = sql.rows(u"SELECT t.id, t.terminal_id, t.amount_fen, t.reason, t.stock_action, "
                         "t.requested_by, t.approved_by, t.created_at, o.order_no FROM returns t "
                         "JOIN orders o ON o.id = t.order_id WHERE t.order_id = ? ORDER BY t.id"_s,
                         {orderId});
    if (!rows)
        return rows.error();
    QList<ReturnRecord> returns;
    QHash<qint64, qsizetype> byId;
    for (const QVariantList &r : std::as_const(*rows)) {
        ReturnRecord record;
        record.id = r.at(0).toLongLong();
        record.orderId = orderId;
        record.terminalId = r.at(1).toString();
        record.amount = r.at(2).toLongLong();
        record.reason = r.at(3).toString();
        record.stock = stockActionFromSql(r.at(4).toString()).value_or(StockAction::None);
        record.requestedBy = r.at(5).toString();
        record.approvedBy = r.at(6).toString();
        record.createdAt = timeFrom(r.at(7));
        record.orderNo = r.at(8).toString();
        byId.insert(record.id, returns.size());
        returns.append(record);
    }
    if (returns.isEmpty())
        return returns;
    auto items = sql.rows(u"SELECT ri.return_id, ri.order_item_id, i.name, ri.quantity, "
                          "ri.amount_fen FROM return_items ri JOIN order_items i "
                          "ON i.id = ri.order_item_id WHERE i.order_id = ? ORDER BY ri.id"_s,
                          {orderId});
    if (!items)
        return items.error();
    for (const QVariantList &r : std::as_const(*items)) {
        if (const auto at = byId.constFind(r.at(0).toLongLong()); at != byId.cend())
            returns[*at].items.append(ReturnedItem{r.at(1).toLongLong(), r.at(2).toString(),
                                                   r.at(3).toInt(), r.at(4).toLongLong()});
    }
    auto refunds = refundsWhere(sql, u"WHERE r.order_id = ? ORDER BY r.id"_s, {orderId});
    if (!refunds)
        return refunds.error();
    for (const Refund &refund : std::as_const(*refunds)) {
        if (const auto at = byId.constFind(refund.returnId); at != byId.cend())
            returns[*at].refunds.append(refund);
    }
    return returns;
}

} // namespace refundrows
} // namespace shouyin
