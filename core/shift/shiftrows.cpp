#include "shiftrows.h"

#include "store/database.h"
#include "store/sqlwriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin::shiftrows {

qint64 startMs(const QDateTime &from)
{
    return from.isValid() ? from.toMSecsSinceEpoch() : kBeginning;
}

qint64 endMs(const QDateTime &to)
{
    return to.isValid() ? to.toMSecsSinceEpoch() : kNoEnd;
}

QDateTime timeOf(const QVariant &ms)
{
    if (ms.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

QString shiftColumns()
{
    return u"s.id, s.terminal_id, s.cashier, s.opened_at, s.float_fen, s.closed_at, s.closed_by, "
           "s.counted_fen, s.expected_fen, s.counts, s.note"_s;
}

Result<Shift> shiftFromRow(const QVariantList &row)
{
    Shift shift;
    shift.id = row.at(0).toLongLong();
    shift.terminalId = row.at(1).toString();
    shift.cashier = row.at(2).toString();
    shift.openedAt = timeOf(row.at(3));
    shift.floatAmount = row.at(4).toLongLong();
    shift.closedAt = timeOf(row.at(5));
    if (shift.isOpen())
        return shift;
    shift.closedBy = row.at(6).toString();
    shift.counted = row.at(7).toLongLong();
    shift.expected = row.at(8).toLongLong();
    const auto counts = countsFromJson(row.at(9).toString());
    // Never guess what a count this program cannot read said.
    if (!counts)
        return Error{ErrorCode::Store,
                     u"shift %1 has a drawer count this program cannot read"_s.arg(shift.id)};
    shift.counts = *counts;
    shift.note = row.at(10).toString();
    return shift;
}

namespace {

Result<std::optional<Shift>> firstShift(Result<QVariantList> row)
{
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<Shift>();
    auto shift = shiftFromRow(*row);
    if (!shift)
        return shift.error();
    return std::optional<Shift>(shift.value());
}

} // namespace

Result<std::optional<Shift>> loadShift(SqlWriter &sql, qint64 shiftId)
{
    return firstShift(
        sql.row(u"SELECT %1 FROM shifts s WHERE s.id = ?"_s.arg(shiftColumns()), {shiftId}));
}

Result<std::optional<Shift>> loadOpenShift(SqlWriter &sql, const QString &terminalId, bool lock)
{
    const QString forUpdate =
        lock && sql.dialect() == SqlDialect::Postgres ? u" FOR UPDATE"_s : QString();
    return firstShift(sql.row(u"SELECT %1 FROM shifts s WHERE s.terminal_id = ? "
                              "AND s.closed_at IS NULL%2"_s.arg(shiftColumns(), forUpdate),
                              {terminalId}));
}

QString countsToJson(const CashCount &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(QString::number(it.key()), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<CashCount> countsFromJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    CashCount counts;
    const QJsonObject object = document.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        bool ok = false;
        const Fen denomination = it.key().toLongLong(&ok);
        if (!ok || !it.value().isDouble())
            return std::nullopt;
        counts.insert(denomination, it.value().toInt());
    }
    return counts;
}

Status readOneSnapshot(Database &database, bool outermost)
{
    if (!outermost || database.dialect() != SqlDialect::Postgres)
        return success();
    // Not a prepared statement: PostgreSQL prepares only queries and data changes.
    QSqlQuery query(database.connection());
    if (!query.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s))
        return sqlError(u"snapshot"_s, query.lastError());
    return success();
}

} // namespace shouyin::shiftrows
