#include "systemprinter.h"

#include "print/printjob.h"
#include "print/receiptpainter.h"
#include "util/workerthread.h"

#include <QPagedPaintDevice>
#include <QPainter>
#include <QPointer>
#include <QPrinterInfo>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr qreal kTestPageMarginMm = 10.0;
constexpr qreal kTestPageTextMm = 3.5; // 10 pt

// The receipt alone on a page as wide as the roll, centred on whatever paper the printer
// has if it cannot cut a page that size.
PrintPage receiptPage(const Receipt &receipt, PaperWidth paper)
{
    const auto receiptPainter = std::make_shared<const ReceiptPainter>(receipt, paper);
    const qreal printableMm = ReceiptPainter::printableWidthMm(paper);
    PrintPage page;
    page.size = QPageSize(
        QSizeF(ReceiptPainter::paperWidthMm(paper), receiptPainter->heightForWidth(printableMm)),
        QPageSize::Millimeter, QString(), QPageSize::ExactMatch);
    page.paint = [receiptPainter, printableMm](QPainter &painter, const QRectF &sheet,
                                               qreal dotsPerMm) {
        const qreal width = std::min(printableMm * dotsPerMm, sheet.width());
        receiptPainter->paint(painter, QRectF(sheet.center().x() - width / 2, sheet.top(), width,
                                              receiptPainter->heightForWidth(width)));
    };
    return page;
}

// Plain lines, wrapped at the margins, on as many pages as they take.
PrintPage textPage(const QStringList &lines, bool a4)
{
    PrintPage page;
    if (a4)
        page.size = QPageSize(QPageSize::A4);
    page.paint = [lines](QPainter &painter, const QRectF &sheet, qreal dotsPerMm) {
        const qreal margin = std::min(kTestPageMarginMm * dotsPerMm, sheet.width() / 12);
        const QRectF area = sheet.adjusted(margin, margin, -margin, -margin);
        QFont font;
        // Latin and Chinese from fonts of their own, which keeps the text searchable in
        // a PDF made through PostScript (see numberFont() in receiptpainter.cpp).
        font.setFamilies({u"DejaVu Sans"_s, u"Liberation Sans"_s, u"WenQuanYi Micro Hei"_s,
                          u"Noto Sans CJK SC"_s});
        font.setStyleHint(QFont::SansSerif);
        font.setPixelSize(std::max(1, qRound(kTestPageTextMm * dotsPerMm)));
        painter.setFont(font);
        painter.setPen(Qt::black);
        qreal top = area.top();
        for (const QString &line : lines) {
            const QRectF bounds = painter.boundingRect(QRectF(area.left(), 0, area.width(), 0),
                                                       Qt::TextWordWrap, line + u' ');
            if (top + bounds.height() > area.bottom() && top > area.top()) {
                auto *device = dynamic_cast<QPagedPaintDevice *>(painter.device());
                if (!device || !device->newPage())
                    break;
                top = area.top();
            }
            painter.drawText(QRectF(area.left(), top, area.width(), bounds.height()),
                             Qt::TextWordWrap, line);
            top += bounds.height();
        }
    };
    return page;
}

Result<QString> deliver(const SystemPrintTarget &target, const QString &title,
                        const QString &fileStem, const PrintPage &page)
{
    if (target.kind == SystemPrintTarget::Kind::Pdf)
        return PrintJob::toPdf(target.pdfDirectory, fileStem, page);
    return PrintJob::toPrinter(target.printerName, title, page);
}

} // namespace

SystemPrinter::SystemPrinter(SystemPrintTarget target, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_thread(std::make_unique<WorkerThread>(u"print"_s))
{}

SystemPrinter::~SystemPrinter()
{
    // The job under way ends first: it answers through this object, which is whole
    // until the thread has stopped.
    m_thread.reset();
}

void SystemPrinter::printReceipt(const Receipt &receipt, PaperWidth width, const QString &fileStem,
                                 QObject *context, Callback done)
{
    submit([target = m_target, receipt, width,
            fileStem] { return deliver(target, fileStem, fileStem, receiptPage(receipt, width)); },
           context, std::move(done));
}

void SystemPrinter::printTestPage(const QStringList &lines, QObject *context, Callback done)
{
    submit(
        [target = m_target, lines, title = tr("Shouyin test page")] {
            return deliver(target, title, u"test-page"_s,
                           textPage(lines, target.kind == SystemPrintTarget::Kind::Pdf));
        },
        context, std::move(done));
}

void SystemPrinter::printDocument(const QString &name, const QStringList &lines, QObject *context,
                                  Callback done)
{
    submit(
        [target = m_target, lines, name] {
            return deliver(target, name, name,
                           textPage(lines, target.kind == SystemPrintTarget::Kind::Pdf));
        },
        context, std::move(done));
}

QStringList SystemPrinter::availablePrinters()
{
    QStringList names = QPrinterInfo::availablePrinterNames();
    const QString preferred = QPrinterInfo::defaultPrinterName();
    if (names.removeOne(preferred))
        names.prepend(preferred);
    return names;
}

void SystemPrinter::submit(std::function<Result<QString>()> job, QObject *context, Callback done)
{
    const QPointer<QObject> receiver(context);
    QMetaObject::invokeMethod(
        m_thread->context(),
        [this, job = std::move(job), receiver, done = std::move(done)] {
            const Result<QString> result = job();
            // Back by way of this object, which outlives the print thread: `context` may
            // be deleted on its thread at any moment, this object only after the thread.
            QMetaObject::invokeMethod(
                this,
                [receiver, done, result] {
                    if (receiver)
                        QMetaObject::invokeMethod(receiver.data(),
                                                  [done, result] { done(result); });
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace shouyin
