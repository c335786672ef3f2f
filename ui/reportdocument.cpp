#include "reportdocument.h"

#include "displaytext.h"
#include "moneytext.h"

#include <QDateTime>
#include <QLocale>
#include <QTextDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QString row(const QStringList &cells, bool header = false)
{
    QString html = u"<tr>"_s;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString align = i == 0 ? u"left"_s : u"right"_s;
        html += (header ? u"<th align=\"%1\">"_s : u"<td align=\"%1\">"_s).arg(align) +
                cells.at(i).toHtmlEscaped() + (header ? u"</th>"_s : u"</td>"_s);
    }
    return html + u"</tr>"_s;
}

QString totalsTable(const QString &title, const QString &keyHeader, const QList<SalesTotal> &lines,
                    bool providers)
{
    QString html = u"<h3>%1</h3><table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" "
                   "border=\"1\">"_s.arg(title.toHtmlEscaped());
    html += row({keyHeader, ReportDocument::tr("Sales"), ReportDocument::tr("Amount")}, true);
    for (const SalesTotal &line : lines)
        html += row({providers ? DisplayText::provider(line.key) : line.key,
                     QString::number(line.count), moneyText(line.amount)});
    if (lines.isEmpty())
        html += row({ReportDocument::tr("No sales"), QString(), QString()});
    return html + u"</table>"_s;
}

} // namespace

std::unique_ptr<QTextDocument> ReportDocument::build(const DailyReport &report, const QString &shop,
                                                     const QDateTime &printedAt,
                                                     const QTimeZone &zone, const QImage &chart)
{
    const QLocale locale;
    QString html = u"<html><body style=\"font-family: sans-serif;\">"_s;
    html += u"<h1>%1</h1>"_s.arg(
        tr("End-of-day summary %1").arg(report.day.toString(u"yyyy-MM-dd"_s)).toHtmlEscaped());
    html += u"<p>%1<br/>%2</p>"_s.arg(
        shop.toHtmlEscaped(),
        tr("Printed %1").arg(DisplayText::dateTime(printedAt, zone)).toHtmlEscaped());
    html += u"<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" width=\"100%\">"_s;
    html += row({tr("Orders"), tr("Count"), tr("Amount")}, true);
    html += row(
        {tr("Sales (paid)"), locale.toString(report.salesCount), moneyText(report.salesAmount)});
    if (report.discountedCount > 0)
        html += row({tr("Discounts given (and small change dropped: %1)")
                         .arg(moneyText(report.roundOffAmount)),
                     locale.toString(report.discountedCount),
                     moneyText(report.discountAmount + report.roundOffAmount)});
    html += row({tr("Cancelled by the cashier"), locale.toString(report.cancelledCount),
                 moneyText(report.cancelledAmount)});
    html += row({tr("Cancelling (the provider confirms the close)"),
                 locale.toString(report.cancellingCount), moneyText(report.cancellingAmount)});
    html += row({tr("Expired unpaid"), locale.toString(report.expiredCount),
                 moneyText(report.expiredAmount)});
    html +=
        row({tr("Still open"), locale.toString(report.openCount), moneyText(report.openAmount)});
    html += row({tr("Refunded"), locale.toString(report.refundCount),
                 outgoingMoneyText(report.refundAmount)});
    html += row({tr("Net takings"), QString(), moneyText(report.netAmount())}, true);
    if (report.pendingRefundCount > 0)
        html +=
            row({tr("Refunds still at the provider"), locale.toString(report.pendingRefundCount),
                 moneyText(report.pendingRefundAmount)});
    html += u"</table>"_s;
    html += totalsTable(tr("By provider"), tr("Provider"), report.byProvider, true);
    html += totalsTable(tr("By cashier"), tr("Cashier"), report.byCashier, false);
    if (!report.refunds.isEmpty()) {
        html += u"<h3>%1</h3>"_s.arg(tr("Refunds").toHtmlEscaped());
        html += u"<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" width=\"100%\">"_s;
        html += row(
            {tr("Time"), tr("Order"), tr("Provider"), tr("Amount"), tr("State"), tr("Approved by")},
            true);
        for (const RefundLine &refund : report.refunds)
            html += row({DisplayText::time(refund.at, zone), refund.orderNo,
                         DisplayText::provider(refund.provider), moneyText(refund.amount),
                         DisplayText::refundStatus(refund.status), refund.approvedBy});
        html += u"</table>"_s;
    }
    html += u"<h3>%1</h3>"_s.arg(tr("Alerts: %1").arg(report.alertCount).toHtmlEscaped());
    if (report.alerts.isEmpty()) {
        html += u"<p>%1</p>"_s.arg(tr("None.").toHtmlEscaped());
    } else {
        html += u"<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" width=\"100%\">"_s;
        html += row({tr("Time"), tr("Alert"), tr("Order")}, true);
        for (const AlertLine &alert : report.alerts)
            html += row({DisplayText::time(alert.at, zone), DisplayText::alertKind(alert.kind),
                         alert.orderNo});
        html += u"</table>"_s;
    }
    if (!chart.isNull())
        html += u"<h3>%1</h3><p><img src=\"chart://hourly\" width=\"640\"/></p>"_s.arg(
            tr("Sales by hour").toHtmlEscaped());
    html += u"</body></html>"_s;

    auto document = std::make_unique<QTextDocument>();
    if (!chart.isNull())
        document->addResource(QTextDocument::ImageResource, QUrl(u"chart://hourly"_s), chart);
    document->setHtml(html);
    return document;
}

} // namespace shouyin
