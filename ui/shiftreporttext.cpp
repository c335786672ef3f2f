#include "shiftreporttext.h"

#include "displaytext.h"
#include "moneytext.h"
#include "receipt/receiptpaper.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Amounts on paper carry no currency sign: "¥" is a double-width character on a GB18030
// printer, and the receipts print plain amounts too.
QString signedYuan(Fen amount)
{
    return amount > 0 ? u'+' + formatYuan(amount) : formatYuan(amount);
}

// The figures a shift report and a Z-report share, from the float to the no-sales.
void addFigures(ReceiptPaper &paper, const ShiftFigures &figures)
{
    paper.row(ShiftReportText::tr("Float"), formatYuan(figures.floatAmount));
    paper.rule();
    paper.row(ShiftReportText::tr("Sales (%1)").arg(figures.salesCount),
              formatYuan(figures.salesAmount), true);
    for (const SalesTotal &tender : figures.byProvider)
        paper.detail(
            ShiftReportText::tr("%1 (%2)").arg(DisplayText::provider(tender.key)).arg(tender.count),
            formatYuan(tender.amount));
    paper.row(ShiftReportText::tr("Cancelled orders"), QString::number(figures.cancelledCount));
    paper.row(ShiftReportText::tr("Refunds"), formatYuan(figures.refundTotal));
    for (const SalesTotal &refund : figures.refundsByProvider)
        paper.detail(
            ShiftReportText::tr("%1 (%2)").arg(DisplayText::provider(refund.key)).arg(refund.count),
            formatYuan(refund.amount));
    paper.row(ShiftReportText::tr("Net sales"), formatYuan(figures.netSales()), true);
    paper.rule();
    paper.row(ShiftReportText::tr("Cash taken"), formatYuan(figures.cashTendered));
    paper.row(ShiftReportText::tr("Change given"), formatYuan(figures.changeGiven));
    paper.row(ShiftReportText::tr("Cash given back"), formatYuan(figures.cashReturned));
    paper.row(ShiftReportText::tr("Cash refunded"), formatYuan(figures.refunds));
    paper.row(ShiftReportText::tr("Paid in (%1)").arg(figures.paidIns.size()),
              formatYuan(figures.paidInTotal));
    for (const DrawerMovement &movement : figures.paidIns)
        paper.detail(movement.reason, formatYuan(movement.amount));
    paper.row(ShiftReportText::tr("Paid out (%1)").arg(figures.paidOuts.size()),
              formatYuan(figures.paidOutTotal));
    for (const DrawerMovement &movement : figures.paidOuts)
        paper.detail(movement.reason, formatYuan(movement.amount));
    paper.row(ShiftReportText::tr("No sales"), QString::number(figures.noSaleCount));
    paper.rule();
}

void addDifference(ReceiptPaper &paper, Fen difference)
{
    const QString word = difference > 0   ? ShiftReportText::tr("over")
                         : difference < 0 ? ShiftReportText::tr("short")
                                          : ShiftReportText::tr("balanced");
    paper.row(ShiftReportText::tr("Difference (%1)").arg(word), signedYuan(difference), true);
}

void addOrderNumbers(ReceiptPaper &paper, const ShiftFigures &figures)
{
    const QString none = ShiftReportText::tr("none");
    paper.row(ShiftReportText::tr("First order"),
              figures.firstOrderNo.isEmpty() ? none : figures.firstOrderNo);
    paper.row(ShiftReportText::tr("Last order"),
              figures.lastOrderNo.isEmpty() ? none : figures.lastOrderNo);
}

} // namespace

QList<ReceiptTextLine> ShiftReportText::shiftReport(const ShiftReport &report,
                                                    const QTimeZone &zone, PaperWidth width)
{
    const Shift &shift = report.shift;
    ReceiptPaper paper(width);
    paper.title(tr("Shift report"));
    if (shift.isOpen())
        paper.centred(tr("(shift still open)"));
    paper.rule();
    paper.row(tr("Till"), shift.terminalId);
    paper.row(tr("Cashier"), shift.cashier);
    paper.row(tr("Opened"), DisplayText::dateTime(shift.openedAt, zone));
    if (!shift.isOpen()) {
        paper.row(tr("Closed"), DisplayText::dateTime(shift.closedAt, zone));
        if (shift.closedBy != shift.cashier)
            paper.row(tr("Closed by"), shift.closedBy);
    }
    paper.rule();
    addFigures(paper, report.figures);
    paper.row(tr("Expected in drawer"), formatYuan(report.expected), true);
    if (report.counted) {
        paper.row(tr("Counted"), formatYuan(*report.counted), true);
        addDifference(paper, report.difference);
        for (const Fen denomination : kCashDenominations) {
            const int pieces = shift.counts.value(denomination);
            if (pieces > 0)
                paper.detail(u"%1 x %2"_s.arg(formatYuan(denomination)).arg(pieces),
                             formatYuan(denomination * pieces));
        }
    }
    paper.rule();
    addOrderNumbers(paper, report.figures);
    if (!shift.note.isEmpty())
        paper.row(tr("Note: %1").arg(shift.note), {});
    return paper.lines();
}

QList<ReceiptTextLine> ShiftReportText::zReport(const ZReport &report, const QTimeZone &zone,
                                                PaperWidth width)
{
    ReceiptPaper paper(width);
    paper.title(tr("Z-report No. %1").arg(report.number));
    paper.rule();
    paper.row(tr("Till"), report.terminalId);
    paper.row(tr("Printed by"), report.createdBy);
    paper.row(tr("Printed"), DisplayText::dateTime(report.createdAt, zone));
    paper.row(tr("From"), report.coversFrom.isValid()
                              ? DisplayText::dateTime(report.coversFrom, zone)
                              : tr("the till's first record"));
    paper.row(tr("To"), DisplayText::dateTime(report.coversTo, zone));
    paper.rule();
    paper.row(tr("Shifts (%1)").arg(report.shifts.size()), {}, true);
    // Month, day and time: a shift's two ends fit one line of 58 mm paper.
    const auto shortTime = [&zone](const QDateTime &at) {
        return at.toTimeZone(zone).toString(u"MM-dd HH:mm"_s);
    };
    for (const Shift &shift : report.shifts) {
        paper.detail(shift.cashier,
                     shift.isOpen() ? tr("still open") : signedYuan(shift.difference()));
        paper.detail(shortTime(shift.openedAt) + u" - "_s +
                         (shift.isOpen() ? QString() : shortTime(shift.closedAt)),
                     {});
    }
    if (report.shiftStillOpen)
        paper.row(tr("A shift is still open: its drawer is not counted yet."), {});
    paper.rule();
    addFigures(paper, report.figures);
    paper.row(tr("Expected in drawer"), formatYuan(report.figures.expected), true);
    paper.row(tr("Counted (closed shifts)"), formatYuan(report.counted), true);
    addDifference(paper, report.difference);
    paper.rule();
    addOrderNumbers(paper, report.figures);
    return paper.lines();
}

QString ShiftReportText::plainText(const QList<ReceiptTextLine> &lines, PaperWidth paper)
{
    QStringList text;
    for (const ReceiptTextLine &line : lines) {
        const int room = int(paper) - displayWidth(line.text);
        text.append(line.align == ReceiptTextLine::Align::Centre && room > 0
                        ? QString(room / 2, u' ') + line.text
                        : line.text);
    }
    return text.join(u'\n');
}

QString ShiftReportText::differenceText(Fen difference)
{
    if (difference > 0)
        return tr("+%1 over").arg(moneyText(difference));
    if (difference < 0)
        return tr("-%1 short").arg(moneyText(-difference));
    return tr("%1 balanced").arg(moneyText(0));
}

} // namespace shouyin
