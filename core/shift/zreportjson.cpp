#include "zreportjson.h"

#include "shift/shiftrows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// The layout of the text; a later layout gets a new number and keeps reading this one.
constexpr int kLayout = 1;

QJsonArray totalsToJson(const QList<SalesTotal> &totals)
{
    QJsonArray lines;
    for (const SalesTotal &line : totals)
        lines.append(QJsonObject{
            {u"provider"_s, line.key}, {u"count"_s, line.count}, {u"amount_fen"_s, line.amount}});
    return lines;
}

// A layout-1 report printed before refunds existed has no refund lines: none were made.
QList<SalesTotal> totalsFromJson(const QJsonValue &value)
{
    QList<SalesTotal> totals;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject line = item.toObject();
        totals.append({line.value(u"provider"_s).toString(), line.value(u"count"_s).toInt(),
                       line.value(u"amount_fen"_s).toInteger()});
    }
    return totals;
}

QJsonValue time(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toMSecsSinceEpoch()) : QJsonValue();
}

QDateTime timeOf(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined()
               ? QDateTime()
               : QDateTime::fromMSecsSinceEpoch(value.toInteger(), Qt::UTC);
}

QJsonObject toJson(const DrawerMovement &movement)
{
    return {{u"id"_s, movement.id},
            {u"shift_id"_s, movement.shiftId},
            {u"at"_s, time(movement.at)},
            {u"kind"_s, QString(sqlText(movement.kind))},
            {u"amount_fen"_s, movement.amount},
            {u"reason"_s, movement.reason},
            {u"operator"_s, movement.operatorName},
            {u"approved_by"_s, movement.approvedBy}};
}

std::optional<DrawerMovement> movementFrom(const QJsonObject &o)
{
    const auto kind = drawerMovementKindFromSql(o.value(u"kind"_s).toString());
    if (!kind)
        return std::nullopt;
    return DrawerMovement{o.value(u"id"_s).toInteger(),
                          o.value(u"shift_id"_s).toInteger(),
                          timeOf(o.value(u"at"_s)),
                          *kind,
                          o.value(u"amount_fen"_s).toInteger(),
                          o.value(u"reason"_s).toString(),
                          o.value(u"operator"_s).toString(),
                          o.value(u"approved_by"_s).toString()};
}

QJsonArray toJson(const QList<DrawerMovement> &movements)
{
    QJsonArray array;
    for (const DrawerMovement &movement : movements)
        array.append(toJson(movement));
    return array;
}

bool movementsFrom(const QJsonValue &value, QList<DrawerMovement> &movements)
{
    for (const QJsonValue &item : value.toArray()) {
        const auto movement = movementFrom(item.toObject());
        if (!movement)
            return false;
        movements.append(*movement);
    }
    return true;
}

QJsonObject toJson(const ShiftFigures &f)
{
    return {{u"from"_s, time(f.from)},
            {u"to"_s, time(f.to)},
            {u"float_fen"_s, f.floatAmount},
            {u"sales_count"_s, f.salesCount},
            {u"sales_fen"_s, f.salesAmount},
            {u"by_provider"_s, totalsToJson(f.byProvider)},
            {u"cancelled_count"_s, f.cancelledCount},
            {u"first_order_no"_s, f.firstOrderNo},
            {u"last_order_no"_s, f.lastOrderNo},
            {u"cash_tendered_fen"_s, f.cashTendered},
            {u"change_given_fen"_s, f.changeGiven},
            {u"cash_sales_fen"_s, f.cashSales},
            {u"cash_returned_fen"_s, f.cashReturned},
            {u"refunds_fen"_s, f.refunds},
            {u"refunds_by_provider"_s, totalsToJson(f.refundsByProvider)},
            {u"refund_total_fen"_s, f.refundTotal},
            {u"paid_ins"_s, toJson(f.paidIns)},
            {u"paid_outs"_s, toJson(f.paidOuts)},
            {u"paid_in_fen"_s, f.paidInTotal},
            {u"paid_out_fen"_s, f.paidOutTotal},
            {u"no_sale_count"_s, f.noSaleCount},
            {u"expected_fen"_s, f.expected}};
}

bool figuresFrom(const QJsonObject &o, ShiftFigures &f)
{
    f.from = timeOf(o.value(u"from"_s));
    f.to = timeOf(o.value(u"to"_s));
    f.floatAmount = o.value(u"float_fen"_s).toInteger();
    f.salesCount = o.value(u"sales_count"_s).toInt();
    f.salesAmount = o.value(u"sales_fen"_s).toInteger();
    f.byProvider = totalsFromJson(o.value(u"by_provider"_s));
    f.cancelledCount = o.value(u"cancelled_count"_s).toInt();
    f.firstOrderNo = o.value(u"first_order_no"_s).toString();
    f.lastOrderNo = o.value(u"last_order_no"_s).toString();
    f.cashTendered = o.value(u"cash_tendered_fen"_s).toInteger();
    f.changeGiven = o.value(u"change_given_fen"_s).toInteger();
    f.cashSales = o.value(u"cash_sales_fen"_s).toInteger();
    f.cashReturned = o.value(u"cash_returned_fen"_s).toInteger();
    f.refunds = o.value(u"refunds_fen"_s).toInteger();
    f.refundsByProvider = totalsFromJson(o.value(u"refunds_by_provider"_s));
    f.refundTotal = o.value(u"refund_total_fen"_s).toInteger();
    f.paidInTotal = o.value(u"paid_in_fen"_s).toInteger();
    f.paidOutTotal = o.value(u"paid_out_fen"_s).toInteger();
    f.noSaleCount = o.value(u"no_sale_count"_s).toInt();
    f.expected = o.value(u"expected_fen"_s).toInteger();
    return movementsFrom(o.value(u"paid_ins"_s), f.paidIns) &&
           movementsFrom(o.value(u"paid_outs"_s), f.paidOuts);
}

QJsonObject toJson(const Shift &shift)
{
    QJsonObject counts;
    for (auto it = shift.counts.cbegin(); it != shift.counts.cend(); ++it)
        counts.insert(QString::number(it.key()), it.value());
    return {{u"id"_s, shift.id},
            {u"cashier"_s, shift.cashier},
            {u"opened_at"_s, time(shift.openedAt)},
            {u"float_fen"_s, shift.floatAmount},
            {u"closed_at"_s, time(shift.closedAt)},
            {u"closed_by"_s, shift.closedBy},
            {u"counted_fen"_s, shift.counted},
            {u"expected_fen"_s, shift.expected},
            {u"counts"_s, counts},
            {u"note"_s, shift.note}};
}

bool shiftFrom(const QJsonObject &o, const QString &terminalId, Shift &shift)
{
    shift.id = o.value(u"id"_s).toInteger();
    shift.terminalId = terminalId;
    shift.cashier = o.value(u"cashier"_s).toString();
    shift.openedAt = timeOf(o.value(u"opened_at"_s));
    shift.floatAmount = o.value(u"float_fen"_s).toInteger();
    shift.closedAt = timeOf(o.value(u"closed_at"_s));
    shift.closedBy = o.value(u"closed_by"_s).toString();
    shift.counted = o.value(u"counted_fen"_s).toInteger();
    shift.expected = o.value(u"expected_fen"_s).toInteger();
    shift.note = o.value(u"note"_s).toString();
    const QJsonObject counts = o.value(u"counts"_s).toObject();
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        bool ok = false;
        const Fen denomination = it.key().toLongLong(&ok);
        if (!ok)
            return false;
        shift.counts.insert(denomination, it.value().toInt());
    }
    return shift.openedAt.isValid();
}

} // namespace

QString zReportToJson(const ZReport &report)
{
    QJsonArray shifts;
    for (const Shift &shift : report.shifts)
        shifts.append(toJson(shift));
    const QJsonObject object{{u"layout"_s, kLayout},
                             {u"terminal_id"_s, report.terminalId},
                             {u"number"_s, report.number},
                             {u"covers_from"_s, time(report.coversFrom)},
                             {u"covers_to"_s, time(report.coversTo)},
                             {u"created_at"_s, time(report.createdAt)},
                             {u"created_by"_s, report.createdBy},
                             {u"figures"_s, toJson(report.figures)},
                             {u"shifts"_s, shifts},
                             {u"shift_still_open"_s, report.shiftStillOpen},
                             {u"counted_fen"_s, report.counted},
                             {u"difference_fen"_s, report.difference}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Status zReportFromJson(const QString &json, ZReport &report)
{
    const auto unreadable = [&report] {
        return Error{ErrorCode::Store,
                     QCoreApplication::translate("shouyin::ShiftBook",
                                                 "Z-report %1 of till %2 cannot be read.")
                         .arg(report.number)
                         .arg(report.terminalId)};
    };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return unreadable();
    const QJsonObject object = document.object();
    if (object.value(u"layout"_s).toInt() != kLayout)
        return unreadable();
    if (!figuresFrom(object.value(u"figures"_s).toObject(), report.figures))
        return unreadable();
    for (const QJsonValue &item : object.value(u"shifts"_s).toArray()) {
        Shift shift;
        if (!shiftFrom(item.toObject(), report.terminalId, shift))
            return unreadable();
        report.shifts.append(shift);
    }
    report.shiftStillOpen = object.value(u"shift_still_open"_s).toBool();
    report.counted = object.value(u"counted_fen"_s).toInteger();
    report.difference = object.value(u"difference_fen"_s).toInteger();
    report.stored = json;
    return success();
}

} // namespace shouyin
