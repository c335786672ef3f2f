#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QPageSize>
#include <QRectF>
#include <QString>

#include <functional>
#include <optional>

class QPainter;

namespace shouyin {

// What a print job paints: on a page of `size` (none: the printer's own paper, or A4
// for a PDF), through `paint`, given the whole sheet in the painter's units (device
// dots) and how many of them make a millimetre.
struct PrintPage
{
    std::optional<QPageSize> size;
    std::function<void(QPainter &painter, const QRectF &sheet, qreal dotsPerMm)> paint;
};

// One job to a system printer (CUPS) or a PDF file, run to its end on the calling
// thread: SystemPrinter calls these on its print thread.
class PrintJob
{
    Q_DECLARE_TR_FUNCTIONS(PrintJob)

public:
    // Spools `page` as the job `title` to the printer `printerName` (empty: the system's
    // default printer). The printer's name once the spooler has accepted the job.
    static Result<QString> toPrinter(const QString &printerName, const QString &title,
                                     const PrintPage &page);

    // Writes `page` to `directory`/`fileStem`.pdf (the directory is made when missing),
    // readable by its owner only, through a temporary file renamed at the end: a failed
    // write leaves nothing behind, and a reprint replaces the file whole. The file's path.
    static Result<QString> toPdf(const QString &directory, const QString &fileStem,
                                 const PrintPage &page);

    // `stem` with everything but letters, digits, '-' and '.' replaced, never starting
    // with a dot: a file name in any directory.
    static QString safeFileStem(const QString &stem);
};

} // namespace shouyin
