#include "shiftbook.h"

#include "shift/shiftfigures.h"
#include "shift/shiftrows.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcShift, "shouyin.shift")

ShiftBook::ShiftBook(Database &database, QString terminalId, ShopClock clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_terminalId(std::move(terminalId))
    , m_clock(std::move(clock))
{}

ShiftBook::~ShiftBook() = default;

Result<Shift> ShiftBook::openShift(const Staff &staff, Fen floatAmount)
{
    if (auto allowed = staff.require(Permission::Sell); !allowed)
        return allowed.error();
    if (floatAmount < 0)
        return Error{ErrorCode::Usage, tr("The float cannot be negative.")};
    Shift shift;
    shift.terminalId = m_terminalId;
    shift.cashier = staff.name();
    shift.openedAt = m_clock.now();
    shift.floatAmount = floatAmount;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        auto open = shiftrows::loadOpenShift(sql, m_terminalId, false);
        if (!open)
            return open.error();
        // The partial unique index refuses a second open shift anyway; this says why.
        if (*open)
            return Error{ErrorCode::Usage,
                         tr("Till %1 already has a shift open (%2's, since %3); close it first.")
                             .arg(m_terminalId, (*open)->cashier,
                                  (*open)
                                      ->openedAt.toTimeZone(m_clock.zone())
                                      .toString(u"yyyy-MM-dd HH:mm"_s))};
        auto id = sql.row(
            u"INSERT INTO shifts (terminal_id, cashier, opened_at, float_fen) "
            "VALUES (?, ?, ?, ?) RETURNING id"_s,
            {m_terminalId, shift.cashier, SqlWriter::time(shift.openedAt), shift.floatAmount});
        if (!id)
            return id.error();
        shift.id = id->value(0).toLongLong();
        return success();
    });
    if (!status)
        return status.error();
    qCInfo(lcShift) << "till" << m_terminalId << "shift" << shift.id << "opened by" << shift.cashier
                    << "float" << formatYuan(floatAmount);
    Q_EMIT shiftChanged(shift.id);
    return shift;
}

Result<std::optional<Shift>> ShiftBook::currentShift() const
{
    SqlWriter sql(m_database);
    std::optional<Shift> shift;
    Status status = m_database.transaction([&]() -> Status {
        auto open = shiftrows::loadOpenShift(sql, m_terminalId, false);
        if (!open)
            return open.error();
        shift = *open;
        return success();
    });
    if (!status)
        return status.error();
    return shift;
}

Result<DrawerMovement> ShiftBook::paidIn(const Staff &staff, Fen amount, const QString &reason)
{
    return recordMovement(staff, DrawerMovementKind::PaidIn, amount, reason, {});
}

Result<DrawerMovement> ShiftBook::paidOut(const Staff &staff, Fen amount, const QString &reason)
{
    return recordMovement(staff, DrawerMovementKind::PaidOut, amount, reason, {});
}

Result<DrawerMovement> ShiftBook::noSale(const Staff &staff, const Staff &approver,
                                         const QString &reason)
{
    if (!approver.can(Permission::OpenDrawer))
        return Error{ErrorCode::Forbidden,
                     tr("Opening the drawer without a sale needs a manager's approval.")};
    return recordMovement(staff, DrawerMovementKind::NoSale, 0, reason, approver.name());
}

Result<DrawerMovement> ShiftBook::recordMovement(const Staff &staff, DrawerMovementKind kind,
                                                 Fen amount, const QString &reason,
                                                 const QString &approvedBy)
{
    if (auto allowed = staff.require(Permission::Sell); !allowed)
        return allowed.error();
    if (kind != DrawerMovementKind::NoSale && amount <= 0)
        return Error{ErrorCode::Usage, tr("Enter the amount of cash.")};
    DrawerMovement movement{
        0, 0, m_clock.now(), kind, amount, reason.trimmed(), staff.name(), approvedBy};
    if (movement.reason.isEmpty())
        return Error{ErrorCode::Usage, tr("Say why the drawer is opened.")};
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        // Locked: two paid-outs at once must not both take the same cash.
        auto open = shiftrows::loadOpenShift(sql, m_terminalId, true);
        if (!open)
            return open.error();
        if (!*open)
            return Error{ErrorCode::Usage,
                         tr("No shift is open on till %1; open one first.").arg(m_terminalId)};
        movement.shiftId = (*open)->id;
        if (kind == DrawerMovementKind::PaidOut) {
            auto figures =
                readShiftFigures(sql, {m_terminalId, (*open)->openedAt, {}, movement.shiftId});
            if (!figures)
                return figures.error();
            // The drawer cannot hand out what it does not hold.
            if (amount > figures->expected)
                return Error{ErrorCode::Usage,
                             tr("The drawer should hold %1 yuan; it cannot pay out %2 yuan.")
                                 .arg(formatYuan(figures->expected), formatYuan(amount))};
        }
        auto id =
            sql.row(u"INSERT INTO drawer_movements (shift_id, at, kind, amount_fen, reason, "
                    "operator, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                    {movement.shiftId, SqlWriter::time(movement.at), QString(sqlText(kind)), amount,
                     movement.reason, movement.operatorName, SqlWriter::textOrNull(approvedBy)});
        if (!id)
            return id.error();
        movement.id = id->value(0).toLongLong();
        return success();
    });
    if (!status)
        return status.error();
    qCInfo(lcShift) << "till" << m_terminalId << "shift" << movement.shiftId << sqlText(kind)
                    << formatYuan(amount) << "by" << movement.operatorName
                    << (approvedBy.isEmpty() ? QString() : u"allowed by "_s + approvedBy);
    Q_EMIT shiftChanged(movement.shiftId);
    return movement;
}

Status ShiftBook::mayView(const Staff &staff, const Shift &shift) const
{
    if (staff.isSignedIn() && staff.name() == shift.cashier &&
        staff.can(Permission::ViewOwnHistory))
        return success();
    return staff.require(Permission::ViewReports);
}

Result<Fen> ShiftBook::expectedCash(const Staff &staff, qint64 shiftId) const
{
    auto report = shiftReport(staff, shiftId);
    if (!report)
        return report.error();
    return report->expected;
}

Result<ShiftReport> ShiftBook::shiftReport(const Staff &staff, qint64 shiftId) const
{
    if (!staff.isSignedIn())
        return staff.require(Permission::ViewOwnHistory).error();
    ShiftReport report;
    SqlWriter sql(m_database);
    const bool outermost = !m_database.inTransaction();
    Status status = m_database.transaction([&]() -> Status {
        if (auto snapshot = shiftrows::readOneSnapshot(m_database, outermost); !snapshot)
            return snapshot;
        auto shift = shiftrows::loadShift(sql, shiftId);
        if (!shift)
            return shift.error();
        if (!*shift)
            return Error{ErrorCode::Usage, tr("There is no shift %1.").arg(shiftId)};
        if (auto allowed = mayView(staff, **shift); !allowed)
            return allowed;
        auto read = readReport(sql, **shift);
        if (!read)
            return read.error();
        report = *read;
        return success();
    });
    if (!status)
        return status.error();
    return report;
}

Result<ShiftReport> ShiftBook::readReport(SqlWriter &sql, const Shift &shift) const
{
    auto figures =
        readShiftFigures(sql, {shift.terminalId, shift.openedAt, shift.closedAt, shift.id});
    if (!figures)
        return figures.error();
    ShiftReport report;
    report.shift = shift;
    report.figures = *figures;
    report.expected = shift.isOpen() ? figures->expected : shift.expected;
    if (!shift.isOpen())
        report.counted = shift.counted;
    report.difference = shift.difference();
    return report;
}

Result<ShiftReport> ShiftBook::closeShift(const Staff &staff, const CashCount &counts,
                                          const QString &note)
{
    if (auto allowed = staff.require(Permission::Sell); !allowed)
        return allowed.error();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!isCashDenomination(it.key()))
            return Error{ErrorCode::Usage,
                         tr("%1 yuan is no renminbi note or coin.").arg(formatYuan(it.key()))};
        if (it.value() < 0)
            return Error{ErrorCode::Usage, tr("A count cannot be negative.")};
    }
    const QDateTime now = m_clock.now();
    ShiftReport report;
    SqlWriter sql(m_database);
    const bool outermost = !m_database.inTransaction();
    Status status = m_database.transaction([&]() -> Status {
        if (auto snapshot = shiftrows::readOneSnapshot(m_database, outermost); !snapshot)
            return snapshot;
        auto open = shiftrows::loadOpenShift(sql, m_terminalId, true);
        if (!open)
            return open.error();
        if (!*open)
            return Error{ErrorCode::Usage, tr("No shift is open on till %1.").arg(m_terminalId)};
        Shift shift = **open;
        const bool own = staff.name() == shift.cashier;
        if (!own && !staff.can(Permission::CloseAnyShift))
            return Error{ErrorCode::Forbidden,
                         tr("Only %1 or a manager may close this shift.").arg(shift.cashier)};
        auto figures = readShiftFigures(sql, {m_terminalId, shift.openedAt, now, shift.id});
        if (!figures)
            return figures.error();
        shift.closedAt = now;
        shift.closedBy = staff.name();
        shift.counted = countedAmount(counts);
        shift.expected = figures->expected;
        shift.counts = counts;
        shift.note = note.trimmed();
        // Conditional: of two closes of one shift, only the first changes the row.
        auto closed = sql.exec(u"UPDATE shifts SET closed_at = ?, closed_by = ?, counted_fen = ?, "
                               "expected_fen = ?, counts = ?, note = ? "
                               "WHERE id = ? AND closed_at IS NULL"_s,
                               {SqlWriter::time(now), shift.closedBy, shift.counted, shift.expected,
                                shiftrows::countsToJson(counts), SqlWriter::textOrNull(shift.note),
                                shift.id});
        if (!closed)
            return closed.error();
        if (*closed != 1)
            return Error{ErrorCode::Usage, tr("The shift was closed already.")};
        report.shift = shift;
        report.figures = *figures;
        report.expected = shift.expected;
        report.counted = shift.counted;
        report.difference = shift.difference();
        return success();
    });
    if (!status)
        return status.error();
    qCInfo(lcShift) << "till" << m_terminalId << "shift" << report.shift.id << "closed by"
                    << report.shift.closedBy << "expected" << formatYuan(report.expected)
                    << "counted" << formatYuan(*report.counted) << "difference"
                    << formatYuan(report.difference);
    Q_EMIT shiftChanged(report.shift.id);
    return report;
}

} // namespace shouyin
