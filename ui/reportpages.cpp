// The end-of-day summary's pages. QTextDocument breaks a page wherever the next line
// does not fit, so a heading could end one page and its table or chart start the next;
// here the document is laid out on the printer's pages first, and each heading (or a
// table with none) that would be parted from what it heads moves to the next page.

#include "reportdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDebug>
#include <QGuiApplication>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QScreen>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <optional>
#include <variant>

namespace shouyin {

namespace {

// Room under each page's text for its number, in inches.
constexpr qreal kFooterInches = 0.4;

// A top-level piece of the document: a paragraph (headings, the chart) or a table.
using Piece = std::variant<QTextBlock, QTextTable *>;

QList<Piece> pieces(const QTextDocument &document)
{
    QList<Piece> result;
    for (auto it = document.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto *table = qobject_cast<QTextTable *>(it.currentFrame()))
            result.append(table);
        else if (it.currentBlock().isValid())
            result.append(it.currentBlock());
    }
    return result;
}

class Pages
{
public:
    Pages(QTextDocument &document, qreal deviceDpi)
        : m_document(document)
        , m_layout(*document.documentLayout())
        , m_marginScale(deviceDpi / layoutDpi())
    {}

    int pageOf(qreal y) const { return int(y / m_document.pageSize().height()); }

    // Where a paragraph's lines are. A line that does not fit moves to the next page, and
    // the block's bounding rectangle does not follow it: the lines say where they went.
    QRectF rect(const QTextBlock &block) const
    {
        QRectF rect = m_layout.blockBoundingRect(block);
        const QTextLayout *lines = block.layout();
        if (lines && lines->lineCount() > 0) {
            const QTextLine first = lines->lineAt(0);
            const QTextLine last = lines->lineAt(lines->lineCount() - 1);
            rect.setTop(rect.top() + first.y());
            rect.setBottom(rect.top() - first.y() + last.y() + last.height());
        }
        return rect;
    }
    QRectF rect(const Piece &piece) const
    {
        if (const auto *block = std::get_if<QTextBlock>(&piece))
            return rect(*block);
        return m_layout.frameBoundingRect(std::get<QTextTable *>(piece));
    }
    // A table's row, by its first cell's text.
    QRectF rowRect(QTextTable *table, int row) const
    {
        return rect(table->cellAt(row, 0).firstCursorPosition().block());
    }

    // The page on which what must stay with a heading above it ends: a paragraph's first
    // line, a table's header and first row.
    int leadPage(const Piece &piece) const
    {
        if (auto *const *table = std::get_if<QTextTable *>(&piece)) {
            const int row = std::min((*table)->format().headerRowCount(), (*table)->rows() - 1);
            return pageOf(rowRect(*table, row).top());
        }
        return pageOf(rect(piece).top());
    }

    // Moves `piece` to the top of the next page, and lays the document out again. By room
    // above it rather than a page break: the layout, told to break, goes on to push the
    // next picture a page further than it needs.
    void breakBefore(const Piece &piece)
    {
        const qreal top = rect(piece).top();
        // Two pixels more than the rest of the page: margins are rounded on their way to
        // the device, and a line left across the edge would print on both pages.
        const qreal room =
            (pageOf(top) + 1) * m_document.pageSize().height() - top + 2 * m_marginScale;
        if (const auto *block = std::get_if<QTextBlock>(&piece)) {
            QTextBlockFormat format = block->blockFormat();
            format.setTopMargin(format.topMargin() + room / m_marginScale);
            QTextCursor(*block).setBlockFormat(format);
        } else {
            QTextTable *table = std::get<QTextTable *>(piece);
            QTextTableFormat format = table->format();
            format.setTopMargin(format.topMargin() + room / m_marginScale);
            table->setFormat(format);
        }
        // The layout redoes only what changed, and would leave what follows where it was.
        m_document.markContentsDirty(0, m_document.characterCount());
        (void)m_document.pageCount();
    }

private:
    // The resolution the layout takes a paragraph's or table's margins in before it scales
    // them to the device: the screen's, as Qt's default.
    static qreal layoutDpi()
    {
        if (QCoreApplication::testAttribute(Qt::AA_Use96Dpi))
            return 96;
        const QScreen *screen = QGuiApplication::primaryScreen();
        return screen ? qRound(screen->logicalDotsPerInchY()) : 100;
    }

    QTextDocument &m_document;
    QAbstractTextDocumentLayout &m_layout;
    qreal m_marginScale; // device pixels per margin unit
};

bool isHeading(const Piece &piece)
{
    const auto *block = std::get_if<QTextBlock>(&piece);
    return block && block->blockFormat().headingLevel() > 0;
}

// Every table's first row is its header: it comes again on every page the table goes on to.
void repeatHeaders(const QList<Piece> &all)
{
    for (const Piece &piece : all) {
        if (auto *const *table = std::get_if<QTextTable *>(&piece)) {
            QTextTableFormat format = (*table)->format();
            format.setHeaderRowCount(1);
            (*table)->setFormat(format);
        }
    }
}

// Front to back, since each break moves everything after it.
void keepTogether(QTextDocument &document, qreal deviceDpi)
{
    Pages pages(document, deviceDpi);
    const QList<Piece> all = pieces(document);
    repeatHeaders(all);
    (void)document.pageCount();
    for (qsizetype i = 1; i < all.size(); ++i) {
        const Piece &piece = all.at(i);
        const int starts = pages.pageOf(pages.rect(piece).top());
        // Already at the top of its page, a piece cannot be helped by a break.
        const int previousEnds = pages.pageOf(pages.rect(all.at(i - 1)).bottom() - 1);
        if (starts != previousEnds)
            continue;
        if (isHeading(piece) && i + 1 < all.size()) {
            if (pages.leadPage(all.at(i + 1)) != starts)
                pages.breakBefore(piece);
        } else if (std::holds_alternative<QTextTable *>(piece) && !isHeading(all.at(i - 1))) {
            if (pages.leadPage(piece) != starts)
                pages.breakBefore(piece);
        }
    }
}

} // namespace

bool ReportDocument::print(QTextDocument &document, QPagedPaintDevice *device)
{
    QPainter painter;
    if (!painter.begin(device))
        return false;
    // Laid out in the printer's own units, on its pages (its margins are outside them).
    document.documentLayout()->setPaintDevice(device);
    const QSizeF page(device->width(), device->height());
    document.setPageSize(page);
    QTextFrameFormat root = document.rootFrame()->frameFormat();
    root.setMargin(0);
    // In the device's pixels: the layout takes the root frame's margins as they are.
    root.setBottomMargin(kFooterInches * device->logicalDpiY());
    document.rootFrame()->setFrameFormat(root);
    keepTogether(document, device->logicalDpiY());

    const int count = document.pageCount();
    painter.setFont(document.defaultFont());
    for (int index = 0; index < count; ++index) {
        if (index > 0 && !device->newPage())
            return false;
        const QRectF view(QPointF(0, index * page.height()), page);
        painter.save();
        painter.translate(0, -view.top());
        painter.setClipRect(view);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = view;
        // The system palette's text colour may be white: paper wants black.
        context.palette.setColor(QPalette::Text, Qt::black);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        painter.drawText(QRectF(QPointF(0, 0), page), Qt::AlignRight | Qt::AlignBottom,
                         tr("%1 / %2").arg(index + 1).arg(count));
    }
    return painter.end();
}

} // namespace shouyin
