#pragma once

#include "report/reportrecords.h"
#include "store/records.h"

#include <QString>

// SQL fragments shared by History, the daily report and the export, so that all three
// call the same order "expired" and pick the same payment for an order. Internal to
// core/report.
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

// Alert kinds all start with "alert_"; a range, unlike LIKE, walks the (kind, at) index.
inline QString isAlertKind(const QString &column)
{
    return column + QStringLiteral(" >= 'alert_' AND ") + column + QStringLiteral(" < 'alert`'");
}

} // namespace shouyin::reportsql
