// ShiftBook's Z-reports: the numbered end of a till's period. The figures are worked out
// once, when the report is printed, and stored as they were printed; z_reports rows are
// only ever inserted (no statement here or anywhere else updates or deletes one, and the
// database refuses it), so a reprint shows the very same report.

#include "shift/shiftfigures.h"
#include "shift/shiftrows.h"
#include "shift/zreportjson.h"
#include "shiftbook.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcShift)

namespace {

// Every shift of the till open at some moment of [from, to), in the order opened.
Result<QList<Shift>> shiftsOf(SqlWriter &sql, const QString &terminalId, const QDateTime &from,
                              const QDateTime &to)
{
    auto rows = sql.rows(u"SELECT %1 FROM shifts s WHERE s.terminal_id = ? AND s.opened_at < ? "
                         "AND (s.closed_at IS NULL OR s.closed_at >= ?) "
                         "ORDER BY s.opened_at, s.id"_s.arg(shiftrows::shiftColumns()),
                         {terminalId, SqlWriter::time(to), shiftrows::startMs(from)});
    if (!rows)
        return rows.error();
    QList<Shift> shifts;
    for (const QVariantList &row : std::as_const(*rows)) {
        auto shift = shiftrows::shiftFromRow(row);
        if (!shift)
            return shift.error();
        shifts.append(*shift);
    }
    return shifts;
}

} // namespace

Result<ZReport> ShiftBook::printZReport(const Staff &manager)
{
    if (auto allowed = manager.require(Permission::PrintZReport); !allowed)
        return allowed.error();
    ZReport report;
    SqlWriter sql(m_database);
    const bool outermost = !m_database.inTransaction();
    Status status = m_database.transaction([&]() -> Status {
        if (auto snapshot = shiftrows::readOneSnapshot(m_database, outermost); !snapshot)
            return snapshot;
        auto written = writeZReport(sql, manager);
        if (!written)
            return written.error();
        report = *written;
        return success();
    });
    if (!status)
        return status.error();
    qCInfo(lcShift) << "till" << m_terminalId << "Z-report" << report.number << "printed by"
                    << report.createdBy << "sales" << report.figures.salesCount
                    << formatYuan(report.figures.salesAmount);
    Q_EMIT zReportPrinted(report.number);
    return report;
}

Result<ZReport> ShiftBook::writeZReport(SqlWriter &sql, const Staff &manager)
{
    ZReport report;
    report.terminalId = m_terminalId;
    report.createdAt = m_clock.now();
    report.coversTo = report.createdAt;
    report.createdBy = manager.name();
    auto previous = sql.row(u"SELECT number, covers_to FROM z_reports WHERE terminal_id = ? "
                            "ORDER BY number DESC LIMIT 1"_s,
                            {m_terminalId});
    if (!previous)
        return previous.error();
    report.number = previous->isEmpty() ? 1 : previous->at(0).toInt() + 1;
    if (!previous->isEmpty())
        report.coversFrom = shiftrows::timeOf(previous->at(1));
    if (report.coversFrom.isValid() && report.coversTo < report.coversFrom)
        return Error{ErrorCode::Usage,
                     tr("The clock reads earlier than when Z-report %1 was printed; check the "
                        "time before printing the next.")
                         .arg(report.number - 1)};

    auto figures = readShiftFigures(sql, {m_terminalId, report.coversFrom, report.coversTo, 0});
    if (!figures)
        return figures.error();
    report.figures = *figures;
    auto shifts = shiftsOf(sql, m_terminalId, report.coversFrom, report.coversTo);
    if (!shifts)
        return shifts.error();
    report.shifts = *shifts;
    const qint64 from = shiftrows::startMs(report.coversFrom);
    for (Shift &shift : report.shifts) {
        if (shift.isOpen()) {
            // Listed with what its drawer should hold at this moment; its count comes later.
            report.shiftStillOpen = true;
            auto sofar =
                readShiftFigures(sql, {m_terminalId, shift.openedAt, report.coversTo, shift.id});
            if (!sofar)
                return sofar.error();
            shift.expected = sofar->expected;
        } else if (shift.closedAt.toMSecsSinceEpoch() >= from && shift.closedAt < report.coversTo) {
            report.counted += shift.counted;
            report.difference += shift.difference();
        }
    }

    report.stored = zReportToJson(report);
    // The unique (terminal_id, number) refuses a second report of the same number printed
    // at the same moment on another till.
    auto id = sql.row(u"INSERT INTO z_reports (terminal_id, number, covers_from, covers_to, "
                      "created_at, created_by, figures) VALUES (?, ?, ?, ?, ?, ?, ?) "
                      "RETURNING id"_s,
                      {m_terminalId, report.number, SqlWriter::time(report.coversFrom),
                       SqlWriter::time(report.coversTo), SqlWriter::time(report.createdAt),
                       report.createdBy, report.stored});
    if (!id)
        return id.error();
    report.id = id->value(0).toLongLong();
    return report;
}

Result<ZReport> ShiftBook::zReport(const Staff &staff, int number) const
{
    if (auto allowed = staff.require(Permission::PrintZReport); !allowed)
        return allowed.error();
    SqlWriter sql(m_database);
    ZReport report;
    Status status = m_database.transaction([&]() -> Status {
        auto row = sql.row(u"SELECT id, number, covers_from, covers_to, created_at, created_by, "
                           "figures FROM z_reports WHERE terminal_id = ? AND number = ?"_s,
                           {m_terminalId, number});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return Error{ErrorCode::Usage,
                         tr("Till %1 has no Z-report %2.").arg(m_terminalId).arg(number)};
        report.id = row->at(0).toLongLong();
        report.terminalId = m_terminalId;
        report.number = row->at(1).toInt();
        report.coversFrom = shiftrows::timeOf(row->at(2));
        report.coversTo = shiftrows::timeOf(row->at(3));
        report.createdAt = shiftrows::timeOf(row->at(4));
        report.createdBy = row->at(5).toString();
        return zReportFromJson(row->at(6).toString(), report);
    });
    if (!status)
        return status.error();
    return report;
}

} // namespace shouyin
