#pragma once

#include "receipt/receipt.h"
#include "report/reportrecords.h"

#include <QList>
#include <QString>

namespace shouyin {

// The end-of-day summary (日结) on receipt paper: the day's sales by provider, refunds,
// net takings, and the orders that were not sales (cancelled, cancelling, expired, still
// open), for the whole shop, under the receipts' header. Its words are the receipts'
// (Chinese and English on one line, whatever the window's language); the caller names the
// providers through `header.tenderLabel`. `terminalId` is the till that prints it and
// `printedAtText` when, as the shop reads it.
QList<ReceiptTextLine> layoutDaySummary(const DailyReport &report, const ReceiptHeader &header,
                                        const QString &terminalId, const QString &printedAtText,
                                        PaperWidth width);

} // namespace shouyin
