#pragma once

#include "refund/refundrecords.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace shouyin {

class SqlWriter;

// How much of an order can still go back, read in one snapshot.
struct RefundableItem
{
    OrderItem item;   // as sold (its id is what a return names)
    int returned = 0; // units already returned
    int left() const { return item.quantity - returned; }
    // What returning `units` more gives back: their part of what the customer paid for
    // the line, after its discounts.
    Fen refundFor(int units) const { return item.valueOf(returned, units); }
};

struct RefundableTender
{
    Payment payment;
    // By its refunds that have not failed, and those that failed after the provider
    // accepted them (their money is the provider platform's business now).
    Fen refunded = 0;
    Fen left() const { return payment.amount - refunded; }
};

struct RefundableOrder
{
    Order order;
    QList<RefundableItem> items;
    QList<RefundableTender> tenders; // SUCCESS tenders only; cash last
    QList<ReturnRecord> returns;     // earlier returns, oldest first, with their refunds
    Fen paid = 0;                    // by every SUCCESS tender
    Fen refunded = 0;                // as RefundableTender counts it, for every tender
    Fen goodsReturned = 0;           // what the customer paid for every unit returned

    // Money no sale needs: a double payment, a payment after a cancel, a rest overpaid.
    // It goes back whole through refundPayment(), never as goods.
    Fen surplus() const;
    // What returning goods can still give back.
    Fen goodsLeft() const;
};

// Reads shared by RefundBook and the screens; inside a transaction, or a snapshot of
// their own.
namespace refundrows {

// Nullopt when there is no such order. `lock`: PostgreSQL locks the order row, so that
// two tills refunding one order take turns.
Result<std::optional<RefundableOrder>> loadRefundable(SqlWriter &sql, qint64 orderId, bool lock);
Result<std::optional<Refund>> loadRefund(SqlWriter &sql, const QString &refundNo);
// Every refund still waiting for its provider; only `terminalId`'s when one is given.
Result<QList<Refund>> loadOpenRefunds(SqlWriter &sql, const QString &terminalId);
// The order's returns with their items and refunds, oldest first.
Result<QList<ReturnRecord>> loadReturns(SqlWriter &sql, qint64 orderId);

} // namespace refundrows
} // namespace shouyin
