#pragma once

#include "money/money.h"
#include "report/reportrecords.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <optional>

namespace shouyin {

// The renminbi notes and coins a drawer is counted in, in fen: 100, 50, 20, 10, 5 and
// 1 yuan, 5 and 1 jiao. (Fen coins no longer circulate at a till.)
inline constexpr std::array<Fen, 8> kCashDenominations{10000, 5000, 2000, 1000, 500, 100, 50, 10};
bool isCashDenomination(Fen value);

// A drawer count: how many of each denomination (denomination in fen -> pieces).
using CashCount = QMap<Fen, int>;
// Σ denomination × pieces.
Fen countedAmount(const CashCount &count);

// Cash that goes into or out of the drawer without a sale, or the drawer opened for
// nothing at all.
enum class DrawerMovementKind {
    PaidIn,  // change brought from the safe, say
    PaidOut, // a delivery paid from the till, say
    NoSale,  // the drawer opened without a sale: a manager allows it
};
QLatin1StringView sqlText(DrawerMovementKind kind); // "paid_in", "paid_out", "no_sale"
std::optional<DrawerMovementKind> drawerMovementKindFromSql(QStringView text);

// One row of drawer_movements, which is the drawer's own log: who, when, why.
struct DrawerMovement
{
    qint64 id = 0;
    qint64 shiftId = 0;
    QDateTime at;
    DrawerMovementKind kind = DrawerMovementKind::PaidIn;
    Fen amount = 0; // > 0; 0 for a no-sale
    QString reason;
    QString operatorName;
    QString approvedBy; // the manager who allowed a no-sale; empty otherwise
};

// A cashier's turn at one till, from the float put in to the count taken out.
struct Shift
{
    qint64 id = 0;
    QString terminalId;
    QString cashier;
    QDateTime openedAt;
    Fen floatAmount = 0;
    // Set when the shift is closed:
    QDateTime closedAt; // invalid while open
    QString closedBy;
    Fen counted = 0;  // what the count found
    Fen expected = 0; // what the drawer should have held at the close
    CashCount counts;
    QString note;

    bool isOpen() const { return !closedAt.isValid(); }
    // Over (> 0) or short (< 0) at the close; 0 while open.
    Fen difference() const { return isOpen() ? 0 : counted - expected; }
};

// One till's figures over a period: a shift, or what a Z-report covers. An order belongs
// to the period it was placed in, a cash tender to the one it was taken in, a cash
// return and a drawer movement to the one they happened in.
struct ShiftFigures
{
    QDateTime from; // the first millisecond; invalid: since the till's first record
    QDateTime to;   // the first millisecond after; invalid: still running (an open shift)

    Fen floatAmount = 0; // a shift's float; a Z-report's: the floats of the shifts it opened

    int salesCount = 0; // PAID orders placed in the period
    Fen salesAmount = 0;
    // By the tenders that paid those orders, as far as they cover each (the daily report's
    // rule): amounts sum to the sales; a split order counts once for each of its providers.
    QList<SalesTotal> byProvider;
    int cancelledCount = 0; // CANCELLED orders placed in the period (by the cashier or expired)
    QString firstOrderNo;   // of the orders placed in the period, whatever became of them
    QString lastOrderNo;

    Fen cashTendered = 0; // what customers handed over
    Fen changeGiven = 0;  // what went straight back as change
    Fen cashSales = 0;    // what stayed in the drawer: tendered − change
    Fen cashReturned = 0; // cash tenders given back when their orders were cancelled
    Fen refunds = 0;      // cash refunds: paid from the drawer in the period
    // Every refund made at this till that went back in the period, by tender (cash
    // included); its sales are net of them.
    QList<SalesTotal> refundsByProvider;
    Fen refundTotal = 0;
    Fen netSales() const { return salesAmount - refundTotal; }

    QList<DrawerMovement> paidIns;
    QList<DrawerMovement> paidOuts;
    Fen paidInTotal = 0;
    Fen paidOutTotal = 0;
    int noSaleCount = 0;

    // float + cashSales − cashReturned − refunds + paid-ins − paid-outs
    Fen expected = 0;
};

// A shift and its figures. For a closed shift `expected` is the one recorded at the
// close (what the count was compared with); for an open one, what the drawer should hold
// now.
struct ShiftReport
{
    Shift shift;
    ShiftFigures figures;
    Fen expected = 0;
    std::optional<Fen> counted; // none while open
    Fen difference = 0;         // counted − expected: over (> 0) or short (< 0)
};

// A numbered end-of-period report of one till, frozen when printed: everything since the
// till's previous Z-report. Reading it again gives the figures it was printed with,
// whatever happened afterwards.
struct ZReport
{
    qint64 id = 0;
    QString terminalId;
    int number = 0;       // 1, 2, 3, … per till
    QDateTime coversFrom; // invalid: from the till's first record
    QDateTime coversTo;   // exclusive; the moment it was printed
    QDateTime createdAt;
    QString createdBy;
    ShiftFigures figures;
    // Every shift of the till open at some moment of the period, in the order opened; one
    // still open is listed with what it expected when the report was printed.
    QList<Shift> shifts;
    bool shiftStillOpen = false;
    Fen counted = 0;    // the counts of the shifts closed in the period
    Fen difference = 0; // and their differences
    QString stored;     // the figures as stored (JSON), unchanged since printed
};

} // namespace shouyin
