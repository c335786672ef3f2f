#pragma once

#include "report/reportrecords.h"

#include <QCoreApplication>
#include <QImage>
#include <QTimeZone>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace shouyin {

// The end-of-day summary as a document to print or save as PDF: the same figures as
// the Reports page, laid out for paper, with the hourly chart as a picture. The page
// breaks are its own (reportpages.cpp): QTextDocument knows no "keep with next".
class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReportDocument)
public:
    // `printedAt` is stamped on the page, in `zone` like every time of the report.
    static std::unique_ptr<QTextDocument> build(const DailyReport &report, const QString &shop,
                                                const QDateTime &printedAt, const QTimeZone &zone,
                                                const QImage &chart);

    // Prints `document` on `device`, in pages laid out so that a heading never ends a page
    // apart from what it heads, a table's header stays with its first rows (and comes
    // again on each page the table goes on to), and the chart is never cut; numbered.
    // False when the device cannot be painted on.
    static bool print(QTextDocument &document, QPagedPaintDevice *device);
};

} // namespace shouyin
