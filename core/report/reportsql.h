#pragma once

#include "report/reportrecords.h"
#include "store/records.h"

#include <QString>

// SQL fragments shared by History, the daily report, the export and the shift reports,
// so that all of them call the same order "expired", pick the same payment for an order
// and split sales by tender the same way. Internal to core/report and core/shift.
namespace shouyin::reportsql {

// True for the order `o` when the deadline cancelled it (the pay log's order_cancelled
// event says so; a cashier's cancel says "cancelled" or nothing).
inline QString expiredExists()
{
    return QStringLiteral("EXISTS (SELECT 1 FROM events e WHERE e.order_id = o.id "
                          "AND e.kind = 'order_cancelled' "
                          "AND e.detail LIKE '%\"reason\":\"expired\"%')");
}

// The order's status as History shows it.
inline QString displayStatus()
{
    return QStringLiteral("CASE WHEN o.status = %1 AND %2 THEN '%3' ELSE o.status END")
        .arg(sqlLiteral(OrderStatus::Cancelled), expiredExists(), sqlText(HistoryStatus::Expired));
}

// The payment that speaks for the order: the first successful one, else the latest.
inline QString representativePayment()
{
    const QString success = sqlLiterals({PaymentStatus::Success});
    return QStringLiteral("(SELECT p.id FROM payments p WHERE p.order_id = o.id "
                          "ORDER BY p.status = %1 DESC, "
                          "CASE WHEN p.status = %1 THEN p.id ELSE -p.id END LIMIT 1)")
        .arg(success);
}

// Sales by provider: "provider, orders, amount" rows, largest first. The tenders of every
// PAID order `o` that `orderFilter` keeps (its day, its till; binds in its order), in the
// order they were paid, as far as they cover its total: a split tender counts for each of
// its providers, a second payment of a paid order is money to give back, not a sale.
inline QString salesByProvider(const QString &orderFilter)
{
    return QStringLiteral(
               "SELECT t.provider, COUNT(DISTINCT t.order_id), SUM(t.amount_fen) FROM ("
               "SELECT p.provider, p.order_id, p.amount_fen, o.total_fen, SUM(p.amount_fen) "
               "OVER (PARTITION BY p.order_id ORDER BY p.id) - p.amount_fen AS before_fen "
               "FROM orders o JOIN payments p ON p.order_id = o.id AND p.status = %1 "
               "WHERE o.status = %2 AND %3) t WHERE t.before_fen < t.total_fen "
               "GROUP BY t.provider ORDER BY SUM(t.amount_fen) DESC, t.provider")
        .arg(sqlLiterals({PaymentStatus::Success}), sqlLiteral(OrderStatus::Paid), orderFilter);
}

// Alert kinds all start with "alert_"; a range, unlike LIKE, walks the (kind, at) index.
inline QString isAlertKind(const QString &column)
{
    return column + QStringLiteral(" >= 'alert_' AND ") + column + QStringLiteral(" < 'alert`'");
}

} // namespace shouyin::reportsql
