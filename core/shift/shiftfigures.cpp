#include "shiftfigures.h"

#include "refund/refundrecords.h"
#include "report/reportsql.h"
#include "shift/shiftrows.h"
#include "store/records.h"
#include "store/sqlwriter.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

using shiftrows::timeOf;

struct Bounds
{
    QString terminalId;
    qint64 from;
    qint64 to;
};

QString cashMethod()
{
    return u"'%1'"_s.arg(sqlText(PaymentMethod::Cash));
}

Status orders(SqlWriter &sql, const Bounds &b, ShiftFigures &figures)
{
    static const QString kByStatus =
        u"SELECT status, COUNT(*), COALESCE(SUM(total_fen), 0) FROM orders "
        "WHERE terminal_id = ? AND created_at >= ? AND created_at < ? AND status IN (%1, %2) "
        "GROUP BY status"_s.arg(sqlLiteral(OrderStatus::Paid), sqlLiteral(OrderStatus::Cancelled));
    auto byStatus = sql.rows(kByStatus, {b.terminalId, b.from, b.to});
    if (!byStatus)
        return byStatus.error();
    for (const QVariantList &row : std::as_const(*byStatus)) {
        if (orderStatusFromSql(row.at(0).toString()) == OrderStatus::Paid) {
            figures.salesCount = row.at(1).toInt();
            figures.salesAmount = row.at(2).toLongLong();
        } else {
            figures.cancelledCount = row.at(1).toInt();
        }
    }
    // The numbers run in the order the orders were placed.
    static const QString kRange =
        u"SELECT (SELECT order_no FROM orders WHERE id = t.first_id), "
        "(SELECT order_no FROM orders WHERE id = t.last_id) FROM ("
        "SELECT MIN(id) AS first_id, MAX(id) AS last_id FROM orders "
        "WHERE terminal_id = ? AND created_at >= ? AND created_at < ?) t"_s;
    auto range = sql.row(kRange, {b.terminalId, b.from, b.to});
    if (!range)
        return range.error();
    if (!range->isEmpty()) {
        figures.firstOrderNo = range->at(0).toString();
        figures.lastOrderNo = range->at(1).toString();
    }
    return success();
}

Status providers(SqlWriter &sql, const Bounds &b, ShiftFigures &figures)
{
    // The day's report's rule (reportsql.h), on one till.
    static const QString kByProvider = reportsql::salesByProvider(
        u"o.terminal_id = ? AND o.created_at >= ? AND o.created_at < ?"_s);
    auto rows = sql.rows(kByProvider, {b.terminalId, b.from, b.to});
    if (!rows)
        return rows.error();
    for (const QVariantList &row : std::as_const(*rows))
        figures.byProvider.append(
            {row.at(0).toString(), row.at(1).toInt(), row.at(2).toLongLong()});
    return success();
}

Status cash(SqlWriter &sql, const Bounds &b, ShiftFigures &figures)
{
    // Every cash tender taken in the period put its amount in the drawer then, even one
    // given back later (CLOSED): the return takes it out when it happens, in whichever
    // period that is.
    static const QString kTaken =
        u"SELECT COALESCE(SUM(COALESCE(p.tendered_fen, p.amount_fen)), 0), "
        "COALESCE(SUM(p.amount_fen), 0) FROM payments p JOIN orders o ON o.id = p.order_id "
        "WHERE p.method = %1 AND p.status IN (%2) AND p.created_at >= ? AND p.created_at < ? "
        "AND o.terminal_id = ?"_s.arg(cashMethod(),
                                      sqlLiterals({PaymentStatus::Success, PaymentStatus::Closed}));
    auto taken = sql.row(kTaken, {b.from, b.to, b.terminalId});
    if (!taken)
        return taken.error();
    figures.cashTendered = taken->value(0).toLongLong();
    figures.cashSales = taken->value(1).toLongLong();
    figures.changeGiven = figures.cashTendered - figures.cashSales;

    static const QString kReturned =
        u"SELECT COALESCE(SUM(p.amount_fen), 0) FROM events e "
        "JOIN payments p ON p.id = e.payment_id JOIN orders o ON o.id = p.order_id "
        "WHERE e.kind = 'cash_returned' AND e.at >= ? AND e.at < ? AND p.method = %1 "
        "AND o.terminal_id = ?"_s.arg(cashMethod());
    auto returned = sql.row(kReturned, {b.from, b.to, b.terminalId});
    if (!returned)
        return returned.error();
    figures.cashReturned = returned->value(0).toLongLong();
    return success();
}

// Refunds belong to the till that made the return and to the period their money went
// back in, whatever till and day sold the goods; cash ones came out of this drawer.
Status refunds(SqlWriter &sql, const Bounds &b, ShiftFigures &figures)
{
    static const QString kByProvider =
        u"SELECT r.provider, COUNT(*), SUM(r.amount_fen) FROM refunds r "
        "JOIN returns t ON t.id = r.return_id WHERE r.status = '%1' AND r.refunded_at >= ? "
        "AND r.refunded_at < ? AND t.terminal_id = ? GROUP BY r.provider "
        "ORDER BY SUM(r.amount_fen) DESC, r.provider"_s.arg(sqlText(RefundStatus::Refunded));
    auto rows = sql.rows(kByProvider, {b.from, b.to, b.terminalId});
    if (!rows)
        return rows.error();
    for (const QVariantList &row : std::as_const(*rows)) {
        const SalesTotal line{row.at(0).toString(), row.at(1).toInt(), row.at(2).toLongLong()};
        figures.refundsByProvider.append(line);
        figures.refundTotal += line.amount;
        if (line.key == kCashProvider)
            figures.refunds = line.amount;
    }
    return success();
}

Status movements(SqlWriter &sql, const Bounds &b, qint64 shiftId, ShiftFigures &figures)
{
    const QString columns =
        u"m.id, m.shift_id, m.at, m.kind, m.amount_fen, m.reason, m.operator, m.approved_by"_s;
    auto rows = shiftId > 0
                    ? sql.rows(u"SELECT %1 FROM drawer_movements m WHERE m.shift_id = ? "
                               "ORDER BY m.at, m.id"_s.arg(columns),
                               {shiftId})
                    : sql.rows(u"SELECT %1 FROM drawer_movements m "
                               "JOIN shifts s ON s.id = m.shift_id WHERE s.terminal_id = ? "
                               "AND m.at >= ? AND m.at < ? ORDER BY m.at, m.id"_s.arg(columns),
                               {b.terminalId, b.from, b.to});
    if (!rows)
        return rows.error();
    for (const QVariantList &row : std::as_const(*rows)) {
        const auto kind = drawerMovementKindFromSql(row.at(3).toString());
        if (!kind)
            return Error{ErrorCode::Store,
                         u"drawer movement %1 is of a kind this program does "
                         "not know (%2)"_s.arg(row.at(0).toString(), row.at(3).toString())};
        const DrawerMovement movement{row.at(0).toLongLong(), row.at(1).toLongLong(),
                                      timeOf(row.at(2)),      *kind,
                                      row.at(4).toLongLong(), row.at(5).toString(),
                                      row.at(6).toString(),   row.at(7).toString()};
        switch (movement.kind) {
        case DrawerMovementKind::PaidIn:
            figures.paidIns.append(movement);
            figures.paidInTotal += movement.amount;
            break;
        case DrawerMovementKind::PaidOut:
            figures.paidOuts.append(movement);
            figures.paidOutTotal += movement.amount;
            break;
        case DrawerMovementKind::NoSale:
            ++figures.noSaleCount;
            break;
        }
    }
    return success();
}

Status floats(SqlWriter &sql, const Bounds &b, qint64 shiftId, ShiftFigures &figures)
{
    auto row = shiftId > 0 ? sql.row(u"SELECT float_fen FROM shifts WHERE id = ?"_s, {shiftId})
                           : sql.row(u"SELECT COALESCE(SUM(float_fen), 0) FROM shifts "
                                     "WHERE terminal_id = ? AND opened_at >= ? AND opened_at < ?"_s,
                                     {b.terminalId, b.from, b.to});
    if (!row)
        return row.error();
    figures.floatAmount = row->value(0).toLongLong();
    return success();
}

} // namespace

Result<ShiftFigures> readShiftFigures(SqlWriter &sql, const FiguresPeriod &period)
{
    const Bounds bounds{period.terminalId, shiftrows::startMs(period.from),
                        shiftrows::endMs(period.to)};
    ShiftFigures figures;
    figures.from = period.from;
    figures.to = period.to;
    for (const auto &part : {orders, providers, cash, refunds}) {
        if (auto read = part(sql, bounds, figures); !read)
            return read.error();
    }
    if (auto read = movements(sql, bounds, period.shiftId, figures); !read)
        return read.error();
    if (auto read = floats(sql, bounds, period.shiftId, figures); !read)
        return read.error();
    figures.expected = figures.floatAmount + figures.cashSales - figures.cashReturned -
                       figures.refunds + figures.paidInTotal - figures.paidOutTotal;
    return figures;
}

} // namespace shouyin
