#pragma once

#include "report/reportrecords.h"

#include <QCoreApplication>
#include <QImage>
#include <QTimeZone>

#include <memory>

class QTextDocument;

namespace shouyin {

// The end-of-day summary as a document to print or save as PDF: the same figures as
// the Reports page, laid out for paper, with the hourly chart as a picture.
class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReportDocument)
public:
    // `printedAt` is stamped on the page, in `zone` like every time of the report.
    static std::unique_ptr<QTextDocument> build(const DailyReport &report, const QString &shop,
                                                const QDateTime &printedAt, const QTimeZone &zone,
                                                const QImage &chart);
};

} // namespace shouyin
