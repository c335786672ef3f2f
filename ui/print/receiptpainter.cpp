#include "receiptpainter.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Sizes in character cells (1.5 mm on both rolls), after a receipt printer's font A:
// 12 x 24 dots on a 30-dot line.
constexpr qreal kLinePitch = 2.5;
constexpr qreal kTopMargin = 1.0;
constexpr qreal kCodeGap = 1.5;      // above and below the code
constexpr int kCodeCells = 18;       // the code's side, quiet zone included: 27 mm
constexpr qreal kBottomMargin = 3.0; // room to tear the paper off below the number
// How far a glyph's advance may stray from its cells before it is placed on its own.
constexpr qreal kAdvanceTolerance = 0.1;

// The code points of `text`, each as the UTF-16 units that spell it.
QStringList codePoints(const QString &text)
{
    QStringList result;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length =
            (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
                ? 2
                : 1;
        result.append(text.mid(i, length));
        i += length;
    }
    return result;
}

// Draws text into the cells of one line: runs of glyphs whose advances match their
// cells as one drawText (so that a PDF keeps its words whole), any other glyph alone,
// centred in its cells and squeezed when wider than they are.
class CellPainter
{
public:
    CellPainter(QPainter &painter, const QFont &font, qreal left, qreal cell)
        : m_painter(painter)
        , m_left(left)
        , m_cell(cell)
        , m_regular(sizedFont(painter, font, cell))
        , m_bold(m_regular)
    {
        m_bold.setBold(true);
    }

    void drawLine(const QString &text, int column, qreal top, bool bold)
    {
        const QFont &font = bold ? m_bold : m_regular;
        m_painter.setFont(font);
        const QFontMetricsF metrics(font, m_painter.device());
        const qreal baseline = top +
                               (kLinePitch * m_cell - (metrics.ascent() + metrics.descent())) / 2 +
                               metrics.ascent();
        Run run;
        for (const QString &glyph : codePoints(text)) {
            const int width = displayWidth(glyph);
            const qreal advance = metrics.horizontalAdvance(glyph);
            const qreal tolerance = kAdvanceTolerance * m_cell;
            if (std::abs(advance - width * m_cell) > tolerance) {
                flush(run, baseline);
                drawAlone(glyph, column, width, advance, baseline);
            } else {
                if (std::abs(run.advance + advance - (run.columns + width) * m_cell) > tolerance)
                    flush(run, baseline); // rounding crept in: start again on the grid
                if (run.text.isEmpty())
                    run.column = column;
                run.text += glyph;
                run.advance += advance;
                run.columns += width;
            }
            column += width;
        }
        flush(run, baseline);
    }

private:
    struct Run
    {
        QString text;
        int column = 0;
        int columns = 0;
        qreal advance = 0;
    };

    // `font` at the largest whole pixel size whose ASCII characters take one cell and
    // Chinese ones two, and whose lines do not touch.
    static QFont sizedFont(QPainter &painter, QFont font, qreal cell)
    {
        constexpr int kReference = 100;
        font.setPixelSize(kReference);
        const QFontMetricsF metrics(font, painter.device());
        const qreal ascii = metrics.horizontalAdvance(u"0"_s) / kReference;
        const qreal wide = metrics.horizontalAdvance(u"中"_s) / kReference;
        qreal size = 2.2 * cell;
        if (ascii > 0)
            size = std::min(size, cell / ascii);
        if (wide > 0)
            size = std::min(size, 2 * cell / wide);
        font.setPixelSize(std::max(1, int(std::floor(size))));
        return font;
    }

    void flush(Run &run, qreal baseline)
    {
        if (!run.text.isEmpty())
            m_painter.drawText(QPointF(m_left + run.column * m_cell, baseline), run.text);
        run = Run{};
    }

    void drawAlone(const QString &glyph, int column, int width, qreal advance, qreal baseline)
    {
        const qreal cells = width * m_cell;
        const qreal scale = advance > cells ? cells / advance : 1.0;
        m_painter.save();
        m_painter.translate(m_left + column * m_cell + (cells - advance * scale) / 2, baseline);
        m_painter.scale(scale, 1.0);
        m_painter.drawText(QPointF(0, 0), glyph);
        m_painter.restore();
    }

    QPainter &m_painter;
    qreal m_left;
    qreal m_cell;
    QFont m_regular;
    QFont m_bold;
};

// The number under the code, in a plain Latin font as barcodes print theirs: it is
// ASCII. A font of its own also keeps it searchable where the receipt's font is not: a
// PDF made through PostScript (cups-pdf) loses the text of many glyphs of the receipt
// font, but not of a small font of ASCII glyphs alone.
QFont numberFont()
{
    QFont font;
    font.setFamilies({u"DejaVu Sans Mono"_s, u"Liberation Mono"_s, u"Noto Sans Mono"_s});
    font.setStyleHint(QFont::TypeWriter);
    font.setFixedPitch(true);
    font.setKerning(false);
    return font;
}

// The dark modules of `code`, centred in the square `slot` (which includes the quiet
// zone). Modules of whole device pixels once they are two or more: crisp edges for a
// scanner, on an image as on a printer.
void paintCode(QPainter &painter, const QrMatrix &code, const QRectF &slot)
{
    const int modules = code.size() + 2 * QrMatrix::kQuietZone;
    qreal module = slot.width() / modules;
    if (module >= 2)
        module = std::floor(module);
    const qreal side = module * modules;
    const qreal left = std::round(slot.center().x() - side / 2) + QrMatrix::kQuietZone * module;
    const qreal top = std::round(slot.center().y() - side / 2) + QrMatrix::kQuietZone * module;
    for (int y = 0; y < code.size(); ++y) {
        int x = 0;
        while (x < code.size()) {
            if (!code.isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < code.size() && code.isDark(x, y))
                ++x;
            painter.fillRect(
                QRectF(left + start * module, top + y * module, (x - start) * module, module),
                Qt::black);
        }
    }
}

} // namespace

ReceiptPainter::ReceiptPainter(const Receipt &receipt, PaperWidth paper)
    : m_paper(paper)
    , m_lines(layoutReceipt(receipt, paper))
    , m_number(receipt.orderNo.isEmpty() ? receipt.codeData : receipt.orderNo)
{
    if (!receipt.codeData.isEmpty()) {
        // A code too long to encode is left out; the number under it still prints.
        if (auto code = QrMatrix::encode(receipt.codeData))
            m_code = std::move(code).value();
    }
}

qreal ReceiptPainter::paperWidthMm(PaperWidth paper)
{
    return paper == PaperWidth::Mm58 ? 58.0 : 80.0;
}

qreal ReceiptPainter::printableWidthMm(PaperWidth paper)
{
    return paper == PaperWidth::Mm58 ? 48.0 : 72.0;
}

QStringList ReceiptPainter::numberLines() const
{
    // The number, cut into lines of the paper's width (never wider than the layout's).
    QStringList lines;
    QString line;
    int width = 0;
    for (const QString &glyph : codePoints(m_number)) {
        const int glyphWidth = displayWidth(glyph);
        if (width + glyphWidth > columns() && !line.isEmpty()) {
            lines.append(line);
            line.clear();
            width = 0;
        }
        line += glyph;
        width += glyphWidth;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

qreal ReceiptPainter::heightForWidth(qreal width) const
{
    const qreal cell = width / columns();
    qreal cells = kTopMargin + kLinePitch * (m_lines.size() + numberLines().size()) + kBottomMargin;
    if (m_code)
        cells += kCodeGap + kCodeCells + kCodeGap;
    else if (!m_number.isEmpty())
        cells += kCodeGap;
    return cells * cell;
}

void ReceiptPainter::paint(QPainter &painter, const QRectF &rect) const
{
    const qreal cell = rect.width() / columns();
    painter.save();
    painter.setPen(Qt::black);
    CellPainter text(painter, receiptFont(), rect.left(), cell);
    qreal top = rect.top() + kTopMargin * cell;
    for (const ReceiptTextLine &line : m_lines) {
        // Centred as receiptTextLines() pads it, so that both show the same paper.
        const int column = line.align == ReceiptTextLine::Align::Centre
                               ? std::max(0, (columns() - displayWidth(line.text)) / 2)
                               : 0;
        text.drawLine(line.text, column, top, line.bold);
        top += kLinePitch * cell;
    }
    if (m_code) {
        const qreal side = kCodeCells * cell;
        top += kCodeGap * cell;
        paintCode(painter, *m_code, QRectF(rect.center().x() - side / 2, top, side, side));
        top += side + kCodeGap * cell;
    } else if (!m_number.isEmpty()) {
        top += kCodeGap * cell;
    }
    CellPainter number(painter, numberFont(), rect.left(), cell);
    for (const QString &line : numberLines()) {
        number.drawLine(line, std::max(0, (columns() - displayWidth(line)) / 2), top, false);
        top += kLinePitch * cell;
    }
    painter.restore();
}

QFont receiptFont()
{
    QFont font;
    // Monospaced with Chinese characters exactly two ASCII columns wide first; then
    // fonts that are at least monospaced for ASCII (CellPainter places the rest).
    font.setFamilies({u"WenQuanYi Micro Hei Mono"_s, u"WenQuanYi Zen Hei Mono"_s,
                      u"Noto Sans Mono CJK SC"_s, u"Sarasa Mono SC"_s, u"DejaVu Sans Mono"_s});
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    font.setKerning(false);
    return font;
}

QImage receiptImage(const Receipt &receipt, PaperWidth paper, int dotsPerInch)
{
    const ReceiptPainter receiptPainter(receipt, paper);
    const qreal dotsPerMm = std::clamp(dotsPerInch, 72, 1200) / 25.4;
    const int width = int(std::lround(ReceiptPainter::paperWidthMm(paper) * dotsPerMm));
    const qreal printable = ReceiptPainter::printableWidthMm(paper) * dotsPerMm;
    const int height = int(std::ceil(receiptPainter.heightForWidth(printable)));

    QImage image(width, height, QImage::Format_RGB32);
    const int dotsPerMeter = int(std::lround(dotsPerMm * 1000));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    receiptPainter.paint(painter, QRectF((width - printable) / 2, 0, printable, height));
    return image;
}

} // namespace shouyin
