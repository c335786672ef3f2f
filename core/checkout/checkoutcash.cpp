// Checkout's cash: the customer hands over notes and coins, which pay the order at once
// (or the part of it they cover). A cash tender is a payment row like any other, so that
// the pay log, the reports and the drawer count read one table; it is never open, needs
// no settling job, and is given back (CLOSED) if its order is cancelled.

#include "checkout.h"
#include "checkout/ledgerrows.h"
#include "ids/paynumbers.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcCheckout)

using ledger::json;
using ledger::text;

Result<CashTaken> Checkout::takeCash(const Sale &sale, Fen given, const QString &operatorName)
{
    const QDateTime now = m_clock.now();
    CashTaken taken;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        if (given <= 0)
            return Error{ErrorCode::NothingToCharge, tr("Enter the cash the customer gave.")};
        if (auto placed = writeOrder(sql, sale, operatorName, now, taken.order); !placed)
            return placed;
        taken.due = taken.order.total;
        return writeCash(sql, given, operatorName, now, taken);
    });
    if (!status)
        return status.error();
    qCInfo(lcCheckout) << "order" << taken.order.orderNo << "placed, total"
                       << formatYuan(taken.order.total) << "- cash"
                       << formatYuan(taken.tender.amount);
    Q_EMIT paymentChanged(taken.tender.payNo, taken.tender.status);
    Q_EMIT orderChanged(taken.order.id, taken.order.status);
    return taken;
}

Result<CashTaken> Checkout::takeCash(qint64 orderId, Fen given, const QString &operatorName)
{
    const QDateTime now = m_clock.now();
    CashTaken taken;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        if (given <= 0)
            return Error{ErrorCode::NothingToCharge, tr("Enter the cash the customer gave.")};
        auto payable = payableOrder(sql, orderId, taken.order);
        if (!payable)
            return payable.error();
        taken.due = payable->due;
        return writeCash(sql, given, operatorName, now, taken);
    });
    if (!status)
        return status.error();
    qCInfo(lcCheckout) << "order" << taken.order.orderNo << "- cash"
                       << formatYuan(taken.tender.amount) << "- due" << formatYuan(taken.due);
    Q_EMIT paymentChanged(taken.tender.payNo, taken.tender.status);
    if (taken.order.status == OrderStatus::Paid)
        Q_EMIT orderChanged(taken.order.id, taken.order.status);
    return taken;
}

Status Checkout::writeCash(SqlWriter &sql, Fen given, const QString &operatorName,
                           const QDateTime &now, CashTaken &taken)
{
    if (taken.due <= 0)
        return Error{ErrorCode::OrderNotPayable, tr("The order is paid already.")};
    Payment &tender = taken.tender;
    tender.orderId = taken.order.id;
    tender.payNo = PayNumbers::paymentNumber(m_terminalId, now);
    tender.provider = QString(kCashProvider);
    tender.amount = std::min(given, taken.due);
    tender.tendered = given;
    tender.status = PaymentStatus::Success;
    tender.method = PaymentMethod::Cash;
    tender.createdAt = now;
    tender.expiresAt = now;
    auto id = sql.row(
        u"INSERT INTO payments (order_id, pay_no, provider, app_id, merchant_id, amount_fen, "
        "status, method, tendered_fen, created_at, expires_at, updated_at, paid_at) "
        "VALUES (?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {tender.orderId, tender.payNo, tender.provider, tender.amount, text(tender.status),
         QString(sqlText(tender.method)), tender.tendered, SqlWriter::time(now),
         SqlWriter::time(now), SqlWriter::time(now), SqlWriter::time(now)});
    if (!id)
        return id.error();
    tender.id = id->value(0).toLongLong();
    if (auto logged = sql.event(now, {tender.orderId,
                                      tender.id,
                                      u"cash_taken"_s,
                                      sourceName(Source::Cashier),
                                      operatorName,
                                      {},
                                      text(tender.status),
                                      json({{u"pay_no"_s, tender.payNo},
                                            {u"amount_fen"_s, tender.amount},
                                            {u"tendered_fen"_s, tender.tendered},
                                            {u"change_fen"_s, tender.change()}})});
        !logged)
        return logged;
    taken.due -= tender.amount;
    if (taken.due > 0)
        return success();

    const OrderStatus from = taken.order.status;
    auto paid = sql.exec(u"UPDATE orders SET status = ?, paid_at = ?, updated_at = ? "
                         "WHERE id = ? AND status = ?"_s,
                         {text(OrderStatus::Paid), SqlWriter::time(now), SqlWriter::time(now),
                          taken.order.id, text(from)});
    if (!paid)
        return paid.error();
    if (*paid != 1)
        return Error{ErrorCode::StoreConflict,
                     u"order %1 changed concurrently"_s.arg(taken.order.id)};
    taken.order.status = OrderStatus::Paid;
    taken.order.paidAt = now;
    if (auto stock = ledger::moveStock(sql, taken.order.id, 1, 1); !stock)
        return stock;
    return sql.event(now, {taken.order.id,
                           tender.id,
                           u"order_paid"_s,
                           sourceName(Source::Cashier),
                           operatorName,
                           text(from),
                           text(OrderStatus::Paid),
                           {}});
}

} // namespace shouyin
