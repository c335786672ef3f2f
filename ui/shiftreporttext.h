#pragma once

#include "receipt/receipt.h"
#include "shift/shiftrecords.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace shouyin {

// A shift report and a Z-report as the counter's printer prints them and the Shift page
// shows them: lines that fit the paper, in the cashier's language (the core holds the
// figures, the UI the words). Times are the records' own, told in the shop's zone.
class ShiftReportText
{
    Q_DECLARE_TR_FUNCTIONS(ShiftReportText)
public:
    static QList<ReceiptTextLine> shiftReport(const ShiftReport &report, const QTimeZone &zone,
                                              PaperWidth paper);
    static QList<ReceiptTextLine> zReport(const ZReport &report, const QTimeZone &zone,
                                          PaperWidth paper);

    // The lines as the paper shows them, centred ones padded: for a monospace view.
    static QString plainText(const QList<ReceiptTextLine> &lines, PaperWidth paper);

    // "+¥1.00 over", "-¥1.00 short", "¥0.00 balanced": how the counter reads a difference.
    static QString differenceText(Fen difference);
};

} // namespace shouyin
