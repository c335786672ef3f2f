#pragma once

#include "receipt/receipt.h"

#include <QByteArray>
#include <QStringView>

namespace shouyin {

// Text as ESC/POS printers sold in China expect it: GB18030. Empty for a non-empty text
// when this Qt has neither a GB18030 nor a GBK codec (a build without ICU).
QByteArray encodeReceiptText(QStringView text);

// The receipt as the bytes an ESC/POS printer prints: the text of layoutReceipt(), the
// order number as a QR code and as a CODE128 barcode (printers differ in which they
// support), then a feed and a partial cut. Empty when the text cannot be encoded.
QByteArray renderEscPos(const Receipt &receipt, PaperWidth width);

// Any other paper of the counter (a shift report, a Z-report), already laid out for the
// paper: the lines, a feed and a partial cut. Empty when the text cannot be encoded.
QByteArray renderEscPosDocument(const QList<ReceiptTextLine> &lines);

} // namespace shouyin
