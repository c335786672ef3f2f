// RefundBook's requests: returns of goods, surplus payments given back, retries.

#include "refundbook.h"

#include "checkout/ledgerrows.h"
#include "ids/paynumbers.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcRefunds, "shouyin.refund")

using ledger::json;

namespace {

using Split = QList<std::pair<const RefundableTender *, Fen>>;

Status mayApprove(const Staff &cashier, const Staff &approver)
{
    if (auto asked = cashier.require(Permission::Sell); !asked)
        return asked;
    if (!approver.can(Permission::ApproveRefund))
        return Error{ErrorCode::Forbidden, RefundBook::tr("A refund needs a manager's approval.")};
    return success();
}

// The goods' money over the tenders, provider tenders first (they are listed so).
Result<Split> splitOverTenders(const RefundableOrder &order, Fen amount)
{
    Split split;
    Fen rest = amount;
    for (const RefundableTender &tender : order.tenders) {
        const Fen share = std::min(rest, tender.left());
        if (share <= 0)
            continue;
        split.append({&tender, share});
        rest -= share;
        if (rest == 0)
            return split;
    }
    return Error{ErrorCode::RefundTooLarge,
                 RefundBook::tr("Only %1 yuan of order %2 is left to refund.")
                     .arg(formatYuan(amount - rest), order.order.orderNo)};
}

} // namespace

RefundBook::RefundBook(Database &database, JobQueue &jobs, QString terminalId, ShopClock clock,
                       QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_jobs(jobs)
    , m_terminalId(std::move(terminalId))
    , m_clock(std::move(clock))
{}

RefundBook::~RefundBook() = default;

Result<RefundableOrder> RefundBook::refundable(qint64 orderId) const
{
    SqlWriter sql(m_database);
    std::optional<RefundableOrder> order;
    Status read = m_database.transaction([&]() -> Status {
        auto loaded = refundrows::loadRefundable(sql, orderId, false);
        if (!loaded)
            return loaded.error();
        order = std::move(loaded).value();
        return success();
    });
    if (!read)
        return read.error();
    if (!order)
        return Error{ErrorCode::UnknownOrder, tr("There is no order %1.").arg(orderId)};
    return std::move(*order);
}

Result<ReturnRecord> RefundBook::requestReturn(const ReturnRequest &request, const Staff &cashier,
                                               const Staff &approver)
{
    if (auto allowed = mayApprove(cashier, approver); !allowed)
        return allowed.error();
    ReturnRecord record;
    record.reason = request.reason.trimmed();
    record.stock = request.stock == StockAction::None ? StockAction::Restock : request.stock;
    record.requestedBy = cashier.name();
    record.approvedBy = approver.name();
    return recordReturn(
        record, request.orderId,
        [&](SqlWriter &sql, const RefundableOrder &order, ReturnRecord &out) -> Status {
            if (order.order.status != OrderStatus::Paid)
                return Error{ErrorCode::NotRefundable,
                             tr("Order %1 is not paid: no goods can be returned from it.")
                                 .arg(order.order.orderNo)};
            QList<ReturnLine> lines = request.lines;
            if (lines.isEmpty()) {
                for (const RefundableItem &item : order.items) {
                    if (item.left() > 0)
                        lines.append({item.item.id, item.left()});
                }
            }
            for (const ReturnLine &line : std::as_const(lines)) {
                const auto item = std::find_if(
                    order.items.cbegin(), order.items.cend(),
                    [&](const RefundableItem &i) { return i.item.id == line.orderItemId; });
                if (item == order.items.cend())
                    return Error{ErrorCode::UnknownProduct,
                                 tr("Order %1 has no such line.").arg(order.order.orderNo)};
                if (line.quantity <= 0 || line.quantity > item->left())
                    return Error{ErrorCode::RefundTooLarge,
                                 tr("%1: %2 sold, %3 already returned; %4 cannot come back.")
                                     .arg(item->item.name)
                                     .arg(item->item.quantity)
                                     .arg(item->returned)
                                     .arg(line.quantity)};
                // Each of two lines naming one order line would pass the check of what is
                // left, and be worth the same first units.
                if (std::any_of(out.items.cbegin(), out.items.cend(), [&](const ReturnedItem &r) {
                        return r.orderItemId == line.orderItemId;
                    }))
                    return Error{ErrorCode::RefundTooLarge,
                                 tr("%1 is named twice in one return.").arg(item->item.name)};
                const Fen amount = item->refundFor(line.quantity);
                out.items.append(
                    ReturnedItem{item->item.id, item->item.name, line.quantity, amount});
                out.amount += amount;
            }
            if (out.amount <= 0)
                return Error{ErrorCode::NotRefundable,
                             tr("Everything of order %1 has been returned already.")
                                 .arg(order.order.orderNo)};
            auto split = splitOverTenders(order, out.amount);
            if (!split)
                return split.error();
            return writeReturn(sql, order, out, split.value());
        });
}

Result<ReturnRecord> RefundBook::refundPayment(const QString &payNo, const QString &reason,
                                               const Staff &cashier, const Staff &approver)
{
    if (auto allowed = mayApprove(cashier, approver); !allowed)
        return allowed.error();
    SqlWriter lookup(m_database);
    auto orderId = lookup.row(u"SELECT order_id FROM payments WHERE pay_no = ?"_s, {payNo});
    if (!orderId)
        return orderId.error();
    if (orderId->isEmpty())
        return Error{ErrorCode::UnknownPayment, tr("There is no payment %1.").arg(payNo)};
    ReturnRecord record;
    record.reason = reason.trimmed();
    record.stock = StockAction::None;
    record.requestedBy = cashier.name();
    record.approvedBy = approver.name();
    return recordReturn(
        record, orderId->at(0).toLongLong(),
        [&](SqlWriter &sql, const RefundableOrder &order, ReturnRecord &out) -> Status {
            const auto tender =
                std::find_if(order.tenders.cbegin(), order.tenders.cend(),
                             [&](const RefundableTender &t) { return t.payment.payNo == payNo; });
            if (tender == order.tenders.cend() || tender->left() <= 0)
                return Error{ErrorCode::NotRefundable,
                             tr("Payment %1 has nothing left to refund.").arg(payNo)};
            out.amount = std::min(tender->left(), order.surplus());
            if (out.amount <= 0)
                return Error{ErrorCode::NotRefundable,
                             tr("Order %1 needs every payment it has: return its goods instead.")
                                 .arg(order.order.orderNo)};
            return writeReturn(sql, order, out, {{&*tender, out.amount}});
        });
}

Result<ReturnRecord> RefundBook::recordReturn(
    ReturnRecord record, qint64 orderId,
    const std::function<Status(SqlWriter &, const RefundableOrder &, ReturnRecord &)> &plan)
{
    if (record.reason.isEmpty())
        return Error{ErrorCode::Usage, tr("Say why the money goes back.")};
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        ReturnRecord attempt = record;
        // Locked on PostgreSQL: two tills refunding one order must count each other's.
        auto order = refundrows::loadRefundable(sql, orderId, true);
        if (!order)
            return order.error();
        if (!*order)
            return Error{ErrorCode::UnknownOrder, tr("There is no order %1.").arg(orderId)};
        attempt.orderId = orderId;
        attempt.orderNo = (*order)->order.orderNo;
        if (auto planned = plan(sql, **order, attempt); !planned)
            return planned;
        record = std::move(attempt);
        return success();
    });
    if (!status)
        return status.error();
    announce(record);
    return record;
}

Status RefundBook::writeReturn(SqlWriter &sql, const RefundableOrder &order, ReturnRecord &record,
                               const Split &split)
{
    record.terminalId = m_terminalId;
    record.createdAt = m_clock.now();
    auto inserted = sql.row(u"INSERT INTO returns (order_id, terminal_id, amount_fen, reason, "
                            "stock_action, requested_by, approved_by, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                            {record.orderId, m_terminalId, record.amount, record.reason,
                             QString(sqlText(record.stock)), record.requestedBy, record.approvedBy,
                             SqlWriter::time(record.createdAt)});
    if (!inserted)
        return inserted.error();
    record.id = inserted->value(0).toLongLong();
    QJsonArray lines;
    for (const ReturnedItem &item : std::as_const(record.items)) {
        auto added = sql.exec(u"INSERT INTO return_items (return_id, order_item_id, quantity, "
                              "amount_fen) VALUES (?, ?, ?, ?)"_s,
                              {record.id, item.orderItemId, item.quantity, item.amount});
        if (!added)
            return added.error();
        lines.append(QJsonObject{{u"item"_s, item.name}, {u"quantity"_s, item.quantity}});
    }
    if (auto moved = moveReturnedStock(sql, record); !moved)
        return moved;
    if (auto logged =
            sql.event(record.createdAt, {order.order.id,
                                         0,
                                         u"return_recorded"_s,
                                         sourceName(Source::Cashier),
                                         record.requestedBy,
                                         {},
                                         {},
                                         json({{u"amount_fen"_s, record.amount},
                                               {u"reason"_s, record.reason},
                                               {u"stock"_s, QString(sqlText(record.stock))},
                                               {u"approved_by"_s, record.approvedBy},
                                               {u"lines"_s, lines}})});
        !logged)
        return logged;
    for (const auto &[tender, amount] : split) {
        if (auto written = writeRefund(sql, *tender, amount, record); !written)
            return written;
    }
    return success();
}

Status RefundBook::writeRefund(SqlWriter &sql, const RefundableTender &tender, Fen amount,
                               ReturnRecord &record)
{
    Refund refund;
    refund.refundNo = PayNumbers::refundNumber(m_terminalId, record.createdAt);
    refund.returnId = record.id;
    refund.orderId = record.orderId;
    refund.paymentId = tender.payment.id;
    refund.payNo = tender.payment.payNo;
    refund.paymentAmount = tender.payment.amount;
    refund.reason = record.reason;
    refund.provider = tender.payment.provider;
    refund.api = tender.payment.api;
    refund.amount = amount;
    refund.createdAt = refund.updatedAt = record.createdAt;
    // The drawer pays cash back on the spot; a provider is asked by the settler.
    const bool cash = tender.payment.method == PaymentMethod::Cash;
    refund.status = cash ? RefundStatus::Refunded : RefundStatus::Requested;
    if (cash)
        refund.refundedAt = record.createdAt;
    auto inserted = sql.row(
        u"INSERT INTO refunds (refund_no, return_id, order_id, payment_id, provider, amount_fen, "
        "status, created_at, updated_at, refunded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id"_s,
        {refund.refundNo, refund.returnId, refund.orderId, refund.paymentId, refund.provider,
         refund.amount, QString(sqlText(refund.status)), SqlWriter::time(refund.createdAt),
         SqlWriter::time(refund.updatedAt), SqlWriter::time(refund.refundedAt)});
    if (!inserted)
        return inserted.error();
    refund.id = inserted->value(0).toLongLong();
    if (auto logged =
            sql.event(refund.createdAt, {refund.orderId,
                                         refund.paymentId,
                                         cash ? u"cash_refunded"_s : u"refund_requested"_s,
                                         sourceName(Source::Cashier),
                                         record.requestedBy,
                                         {},
                                         QString(sqlText(refund.status)),
                                         json({{u"refund_no"_s, refund.refundNo},
                                               {u"pay_no"_s, refund.payNo},
                                               {u"amount_fen"_s, refund.amount}})});
        !logged)
        return logged;
    if (!cash) {
        if (auto queued =
                m_jobs.schedule(QString(refundJobKind::kSend), refund.refundNo, refund.createdAt);
            !queued)
            return queued;
    }
    record.refunds.append(refund);
    return success();
}

Status RefundBook::moveReturnedStock(SqlWriter &sql, const ReturnRecord &record)
{
    // Written-off goods never reach the shelf again; the return records them all the same.
    if (record.stock != StockAction::Restock)
        return success();
    for (const ReturnedItem &item : record.items) {
        auto moved = sql.exec(u"UPDATE products SET stock = stock + ? WHERE id = "
                              "(SELECT product_id FROM order_items WHERE id = ?)"_s,
                              {item.quantity, item.orderItemId});
        if (!moved)
            return moved.error();
    }
    return success();
}

Result<Refund> RefundBook::retryRefund(const QString &refundNo, const Staff &approver)
{
    if (!approver.can(Permission::ApproveRefund))
        return Error{ErrorCode::Forbidden, tr("A refund needs a manager's approval.")};
    SqlWriter sql(m_database);
    Refund retry;
    Status status = m_database.transaction([&]() -> Status {
        auto failed = refundrows::loadRefund(sql, refundNo);
        if (!failed)
            return failed.error();
        if (!*failed)
            return Error{ErrorCode::UnknownRefund, tr("There is no refund %1.").arg(refundNo)};
        const Refund &old = **failed;
        // A refund the provider accepted and then could not pay out (WeChat's CHANGE:
        // the customer's card refused it) is handled on the provider's platform: sending
        // it again could pay the customer twice.
        if (old.status != RefundStatus::Failed || !old.providerRefundId.isEmpty())
            return Error{ErrorCode::NotRefundable,
                         tr("Refund %1 cannot be sent again; see the provider's merchant "
                            "platform.")
                             .arg(refundNo)};
        auto order = refundrows::loadRefundable(sql, old.orderId, true);
        if (!order)
            return order.error();
        const auto tender =
            std::find_if((*order)->tenders.cbegin(), (*order)->tenders.cend(),
                         [&](const RefundableTender &t) { return t.payment.id == old.paymentId; });
        if (tender == (*order)->tenders.cend() || tender->left() < old.amount)
            return Error{ErrorCode::RefundTooLarge,
                         tr("Payment %1 has less than %2 yuan left to refund.")
                             .arg(old.payNo, formatYuan(old.amount))};
        ReturnRecord record;
        record.id = old.returnId;
        record.orderId = old.orderId;
        record.createdAt = m_clock.now();
        record.requestedBy = approver.name();
        record.reason = old.reason;
        if (auto written = writeRefund(sql, *tender, old.amount, record); !written)
            return written;
        retry = record.refunds.constFirst();
        return success();
    });
    if (!status)
        return status.error();
    qCInfo(lcRefunds) << "refund" << refundNo << "sent again as" << retry.refundNo;
    Q_EMIT refundChanged(retry.orderId, retry.refundNo, retry.status);
    return retry;
}

void RefundBook::announce(const ReturnRecord &record)
{
    qCInfo(lcRefunds) << "return" << record.id << "of order" << record.orderNo
                      << formatYuan(record.amount) << "approved by" << record.approvedBy;
    Q_EMIT returnRecorded(record);
    for (const Refund &refund : record.refunds)
        Q_EMIT refundChanged(refund.orderId, refund.refundNo, refund.status);
}

} // namespace shouyin
