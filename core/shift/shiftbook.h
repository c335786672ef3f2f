#pragma once

#include "auth/staff.h"
#include "shift/shiftrecords.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QObject>
#include <QString>

#include <optional>

namespace shouyin {

class Database;
class SqlWriter;

// Shift handover (交班) at one till: a cashier opens a shift with a float, cash goes in
// and out of the drawer without a sale (paid-ins, paid-outs, a manager's no-sale), the
// shift is closed with a count of the drawer against what it should hold, and a manager
// prints the numbered Z-report that ends the till's period.
//
// What the drawer should hold (expected cash) is the float, plus the cash tenders the
// till took while the shift was open, minus the cash given back on cancelled orders, plus
// paid-ins, minus paid-outs (and, once they exist, minus cash refunds). Times are the
// injected clock's; a period is [from, to), an open shift's has no end yet.
//
// Every change is one SQL transaction; closing is a conditional update, so that two closes
// of one shift cannot both win, and the database allows one open shift per till. The
// drawer's movements are their own log (who, when, why, and the manager who allowed a
// no-sale): they touch no order or payment, so they write no pay-log row.
//
// Permissions are checked here: a signed-in seller opens a shift, records paid-ins and
// paid-outs and closes their own shift; a manager allows a no-sale, closes anyone's
// shift and prints Z-reports.
class ShiftBook : public QObject
{
    Q_OBJECT
public:
    ShiftBook(Database &database, QString terminalId, ShopClock clock = ShopClock(),
              QObject *parent = nullptr);
    ~ShiftBook() override;

    QString terminalId() const { return m_terminalId; }

    // Refused while the till has an open shift. `floatAmount` >= 0: the change the drawer
    // starts with.
    Result<Shift> openShift(const Staff &staff, Fen floatAmount);
    // The till's open shift, if any.
    Result<std::optional<Shift>> currentShift() const;

    // Cash put into (paid-in) or taken out of (paid-out) the open shift's drawer, with a
    // reason. A paid-out larger than what the drawer should hold is refused.
    Result<DrawerMovement> paidIn(const Staff &staff, Fen amount, const QString &reason);
    Result<DrawerMovement> paidOut(const Staff &staff, Fen amount, const QString &reason);
    // The drawer opened without a sale: `staff` asks, `approver` (a signed-in manager,
    // who may be `staff`) allows it. Logged with both names.
    Result<DrawerMovement> noSale(const Staff &staff, const Staff &approver, const QString &reason);

    // What the shift's drawer should hold: now while it is open, at its close once closed.
    // Its cashier, or a manager.
    Result<Fen> expectedCash(const Staff &staff, qint64 shiftId) const;

    // Closes the till's open shift with the count of its drawer (pieces per denomination;
    // renminbi denominations only, counts >= 0) and an optional note; records what was
    // counted and expected. The shift's cashier, or a manager.
    Result<ShiftReport> closeShift(const Staff &staff, const CashCount &counts,
                                   const QString &note = {});

    // A shift's figures, open or closed, from one snapshot. Its cashier, or a manager.
    Result<ShiftReport> shiftReport(const Staff &staff, qint64 shiftId) const;

    // Prints the till's next Z-report (1, 2, 3, …), covering everything since its previous
    // one (or its beginning) up to now, and freezes its figures. A shift may still be open:
    // the report says so and lists it with what it expected at that moment; its sales so
    // far belong to this report, the rest to the next. Managers only.
    Result<ZReport> printZReport(const Staff &manager);
    // A stored Z-report of this till, exactly as printed (a reprint). Managers only.
    Result<ZReport> zReport(const Staff &staff, int number) const;

Q_SIGNALS:
    void shiftChanged(qint64 shiftId); // opened, closed, or cash moved in its drawer
    void zReportPrinted(int number);

private:
    Status mayView(const Staff &staff, const Shift &shift) const;
    Result<DrawerMovement> recordMovement(const Staff &staff, DrawerMovementKind kind, Fen amount,
                                          const QString &reason, const QString &approvedBy);
    Result<ShiftReport> readReport(SqlWriter &sql, const Shift &shift) const;
    Result<ZReport> writeZReport(SqlWriter &sql, const Staff &manager);

    Database &m_database;
    QString m_terminalId;
    ShopClock m_clock;
};

} // namespace shouyin
