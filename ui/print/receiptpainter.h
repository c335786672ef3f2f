#pragma once

#include "qr/qrmatrix.h"
#include "receipt/receipt.h"

#include <QFont>
#include <QImage>
#include <QList>
#include <QRectF>

#include <optional>

class QPainter;

namespace shouyin {

// A receipt as a thermal roll shows it, painted with QPainter for a system printer, a
// PDF or the screen: layoutReceipt()'s lines in a grid of character cells (one column
// of the layout per cell, two for a Chinese character), so that what lines up on an
// ESC/POS printer lines up here too; then the order's QR code and its number.
//
// Everything scales with the width it is painted at: the same receipt on 58 and 80 mm
// paper has the same cell size (1.5 mm), the 80 mm one simply has more columns.
class ReceiptPainter
{
public:
    ReceiptPainter(const Receipt &receipt, PaperWidth paper);

    // The roll, and the part of it a receipt printer prints on (centred on the roll).
    static qreal paperWidthMm(PaperWidth paper);
    static qreal printableWidthMm(PaperWidth paper);

    // How tall the receipt is when painted `width` wide, in the same unit, margins
    // included: proportional to the width, whatever the device.
    qreal heightForWidth(qreal width) const;

    // Paints into `rect`, whose width is the printable width (in the painter's units,
    // with no scaling between them and the device's) and whose height is at least
    // heightForWidth(rect.width()). Paints ink only: the paper is the caller's.
    void paint(QPainter &painter, const QRectF &rect) const;

private:
    int columns() const { return int(m_paper); }
    int textLineCount() const;
    QStringList numberLines() const;

    PaperWidth m_paper;
    QList<ReceiptTextLine> m_lines;
    QString m_number; // printed under the code
    std::optional<QrMatrix> m_code;
};

// The font the receipt is painted in: a monospaced one drawing Chinese characters two
// columns wide (WenQuanYi Micro Hei Mono, from fonts-wqy-microhei), or the closest there is.
QFont receiptFont();

// The receipt on white paper as wide as the roll, at `dotsPerInch` (203: a thermal
// printer's 8 dots per millimetre): for an on-screen preview and the documentation.
QImage receiptImage(const Receipt &receipt, PaperWidth paper, int dotsPerInch = 203);

} // namespace shouyin
