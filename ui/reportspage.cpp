#include "reportspage.h"

#include "displaytext.h"
#include "moneytext.h"
#include "receiptdesk.h"
#include "report/dailyreporter.h"
#include "reportdocument.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QLabel *figure(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::RichText);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(8);
    // Seven figures side by side must still fit a 1024-pixel-wide screen.
    label->setMinimumWidth(120);
    return label;
}

QString figureText(const QString &title, int count, Fen amount, const QString &colour)
{
    return u"<div style=\"color:#555\">%1</div><div style=\"font-size:16pt; font-weight:bold; "
           "color:%4\">%2</div><div>%3</div>"_s.arg(
               title.toHtmlEscaped(), moneyText(amount),
               count == 1 ? ReportsPage::tr("1 order") : ReportsPage::tr("%1 orders").arg(count),
               colour);
}

QTableWidget *table(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *widget = new QTableWidget(0, int(headers.size()), parent);
    widget->setObjectName(name);
    widget->setHorizontalHeaderLabels(headers);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setSelectionMode(QAbstractItemView::NoSelection);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    widget->horizontalHeader()->setStretchLastSection(true);
    widget->setWordWrap(false);
    return widget;
}

void setRows(QTableWidget *widget, const QList<QStringList> &rows)
{
    widget->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c) {
            auto *item = new QTableWidgetItem(rows.at(r).at(c));
            item->setToolTip(rows.at(r).at(c));
            if (c > 0 && widget->objectName() != u"alertTable")
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            widget->setItem(r, c, item);
        }
    }
}

} // namespace

ReportsPage::ReportsPage(DailyReporter *reporter, const Staff &staff, const QString &shopName,
                         ShopClock clock, QWidget *parent)
    : QWidget(parent)
    , m_reporter(reporter)
    , m_staff(staff)
    , m_shopName(shopName)
    , m_clock(std::move(clock))
{
    buildUi();
    showDay(m_clock.today());
}

void ReportsPage::buildUi()
{
    m_dayEdit = new QDateEdit(m_clock.today(), this);
    m_dayEdit->setObjectName(u"dayEdit"_s);
    m_dayEdit->setCalendarPopup(true);
    m_dayEdit->setDisplayFormat(u"yyyy-MM-dd"_s);
    connect(m_dayEdit, &QDateEdit::dateChanged, this, &ReportsPage::refresh);
    auto *todayButton = new QPushButton(tr("&Today"), this);
    connect(todayButton, &QPushButton::clicked, this, [this] { showDay(m_clock.today()); });
    auto *refreshButton = new QPushButton(tr("Re&fresh"), this);
    refreshButton->setObjectName(u"refreshButton"_s);
    connect(refreshButton, &QPushButton::clicked, this, &ReportsPage::refresh);
    auto *printButton = new QPushButton(tr("&Print…"), this);
    printButton->setObjectName(u"printButton"_s);
    connect(printButton, &QPushButton::clicked, this, &ReportsPage::print);
    auto *pdfButton = new QPushButton(tr("Save P&DF…"), this);
    pdfButton->setObjectName(u"pdfButton"_s);
    connect(pdfButton, &QPushButton::clicked, this, &ReportsPage::savePdfAs);
    m_summaryButton = new QPushButton(tr("Print summar&y"), this);
    m_summaryButton->setObjectName(u"printSummaryButton"_s);
    connect(m_summaryButton, &QPushButton::clicked, this, &ReportsPage::printSummary);
    m_summaryButton->setEnabled(false); // until setServices() brings a receipt printer
    m_summaryButton->setToolTip(tr("No receipt printer is set up (Settings)."));

    m_salesLabel = figure(this, u"salesFigure"_s);
    m_cancelledLabel = figure(this, u"cancelledFigure"_s);
    m_expiredLabel = figure(this, u"expiredFigure"_s);
    m_cancellingLabel = figure(this, u"cancellingFigure"_s);
    m_openLabel = figure(this, u"openFigure"_s);
    m_refundsLabel = figure(this, u"refundsFigure"_s);
    m_alertsLabel = figure(this, u"alertsFigure"_s);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(u"reportMessage"_s);

    m_providerTable = table(this, u"providerTable"_s, {tr("Provider"), tr("Sales"), tr("Amount")});
    m_cashierTable = table(this, u"cashierTable"_s, {tr("Cashier"), tr("Sales"), tr("Amount")});
    m_alertTable =
        table(this, u"alertTable"_s, {tr("Time"), tr("Alert"), tr("Order"), tr("Detail")});

    m_chart = new QChart;
    m_chart->setTitle(tr("Sales by hour (yuan)"));
    m_chart->legend()->hide();
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(u"hourlyChart"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Day:"), this));
    top->addWidget(m_dayEdit);
    top->addWidget(todayButton);
    top->addWidget(refreshButton);
    top->addWidget(m_messageLabel, 1);
    top->addWidget(printButton);
    top->addWidget(pdfButton);
    top->addWidget(m_summaryButton);

    auto *figures = new QHBoxLayout;
    for (QLabel *label : {m_salesLabel, m_refundsLabel, m_cancelledLabel, m_cancellingLabel,
                          m_expiredLabel, m_openLabel, m_alertsLabel})
        figures->addWidget(label, 1);

    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("By provider"), this));
    left->addWidget(m_providerTable, 1);
    left->addWidget(new QLabel(tr("By cashier"), this));
    left->addWidget(m_cashierTable, 2);
    auto *right = new QVBoxLayout;
    right->addWidget(m_chartView, 3);
    right->addWidget(new QLabel(tr("Alerts"), this));
    right->addWidget(m_alertTable, 2);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(figures);
    layout->addLayout(columns, 1);
}

void ReportsPage::setServices(const PosServices &services)
{
    if (m_services.receipts)
        disconnect(m_services.receipts, nullptr, this, nullptr);
    m_services = services;
    m_summaryButton->setEnabled(m_services.receipts &&
                                m_services.receipts->config().kind != PrinterConfig::Kind::None);
    m_summaryButton->setToolTip(m_summaryButton->isEnabled()
                                    ? tr("Print the day's figures on the receipt printer.")
                                    : tr("No receipt printer is set up (Settings)."));
    connectReceiptDesk();
    fill();
}

void ReportsPage::showDay(QDate day)
{
    if (m_dayEdit->date() == day)
        refresh();
    else
        m_dayEdit->setDate(day); // refreshes
}

void ReportsPage::refresh()
{
    auto report = m_reporter->report(m_staff, m_dayEdit->date());
    if (!report) {
        m_report = DailyReport{};
        showMessage(report.error().message, u"color: #b3261e;"_s);
    } else {
        m_report = report.value();
        m_messageLabel->clear();
    }
    fill();
}

void ReportsPage::fill()
{
    const QTimeZone zone = m_reporter->timeZone();
    QString sales =
        figureText(tr("Sales"), m_report.salesCount, m_report.salesAmount, u"#1b7f3b"_s);
    if (m_report.discountedCount > 0)
        sales += u"<div style=\"color:#555\">%1</div>"_s.arg(
            tr("Discounts %1")
                .arg(moneyText(m_report.discountAmount + m_report.roundOffAmount))
                .toHtmlEscaped());
    m_salesLabel->setText(sales);
    m_cancelledLabel->setText(
        figureText(tr("Cancelled"), m_report.cancelledCount, m_report.cancelledAmount, u"#444"_s));
    // Given up at the counter, the provider's confirmation of the close still to come:
    // nobody waits for these to be paid, so they are not "still open".
    m_cancellingLabel->setText(figureText(tr("Cancelling"), m_report.cancellingCount,
                                          m_report.cancellingAmount, u"#444"_s));
    m_expiredLabel->setText(
        figureText(tr("Expired"), m_report.expiredCount, m_report.expiredAmount, u"#444"_s));
    m_openLabel->setText(
        figureText(tr("Still open"), m_report.openCount, m_report.openAmount, u"#b06d00"_s));
    // Money that went back that day, whatever day it was sold, and what the day kept.
    m_refundsLabel->setText(
        u"<div style=\"color:#555\">%1</div><div style=\"font-size:16pt; font-weight:bold; "
        "color:#b3261e\">%2</div><div>%3</div>"_s.arg(
            tr("Refunded (%n)", nullptr, m_report.refundCount).toHtmlEscaped(),
            outgoingMoneyText(m_report.refundAmount),
            tr("Net %1").arg(moneyText(m_report.netAmount())).toHtmlEscaped()));
    m_alertsLabel->setText(
        u"<div style=\"color:#555\">%1</div><div style=\"font-size:16pt; font-weight:bold; "
        "color:%3\">%2</div><div>&nbsp;</div>"_s.arg(tr("Alerts"))
            .arg(m_report.alertCount)
            .arg(m_report.alertCount > 0 ? u"#b3261e"_s : u"#444"_s));

    QList<QStringList> rows;
    for (const SalesTotal &line : m_report.byProvider)
        rows.append(
            {DisplayText::provider(line.key), QString::number(line.count), moneyText(line.amount)});
    setRows(m_providerTable, rows);
    rows.clear();
    for (const SalesTotal &line : m_report.byCashier)
        rows.append({line.key, QString::number(line.count), moneyText(line.amount)});
    setRows(m_cashierTable, rows);
    rows.clear();
    for (const AlertLine &alert : m_report.alerts)
        rows.append({DisplayText::time(alert.at, zone), DisplayText::alertKind(alert.kind),
                     alert.orderNo, alert.detail});
    setRows(m_alertTable, rows);
    offerAlertRefunds();

    // A fresh series each time: QBarSet has no "replace all" that resets the axis range.
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    auto *set = new QBarSet(tr("Sales"));
    set->setColor(QColor(0x1b, 0x7f, 0x3b));
    QStringList hours;
    Fen highest = 0;
    for (int hour = 0; hour < 24; ++hour) {
        set->append(double(m_report.hourlyAmount.at(hour)) / 100.0);
        highest = std::max(highest, m_report.hourlyAmount.at(hour));
        hours.append(QString::number(hour));
    }
    auto *series = new QBarSeries;
    series->append(set);
    m_chart->addSeries(series);
    auto *hoursAxis = new QBarCategoryAxis;
    hoursAxis->append(hours);
    // Two digits for each of 24 hours must fit under narrow bars, or Qt elides them.
    QFont hourFont = hoursAxis->labelsFont();
    hourFont.setPointSizeF(hourFont.pointSizeF() * 0.8);
    hoursAxis->setLabelsFont(hourFont);
    auto *amountAxis = new QValueAxis;
    amountAxis->setRange(0, std::max(1.0, std::ceil(double(highest) / 100.0 * 1.1)));
    amountAxis->setLabelFormat(u"%.0f"_s);
    amountAxis->applyNiceNumbers();
    m_chart->addAxis(hoursAxis, Qt::AlignBottom);
    m_chart->addAxis(amountAxis, Qt::AlignLeft);
    series->attachAxis(hoursAxis);
    series->attachAxis(amountAxis);
}

QImage ReportsPage::chartImage() const
{
    QImage image(1280, 560, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    m_chartView->render(&painter, QRectF(image.rect()));
    return image;
}

bool ReportsPage::savePdf(const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(tr("End-of-day summary %1").arg(m_report.day.toString(u"yyyy-MM-dd"_s)));
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    const auto document = ReportDocument::build(m_report, m_shopName, m_clock.now(),
                                                m_reporter->timeZone(), chartImage());
    const bool ok = ReportDocument::print(*document, &printer) && QFileInfo::exists(path) &&
                    QFileInfo(path).size() > 0;
    showMessage(ok ? tr("Saved %1.").arg(path) : tr("Could not save %1.").arg(path),
                ok ? QString() : u"color: #b3261e;"_s);
    return ok;
}

void ReportsPage::savePdfAs()
{
    const QString suggested =
        QDir::home().filePath(tr("end-of-day-%1.pdf").arg(m_report.day.toString(u"yyyyMMdd"_s)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the end-of-day summary"),
                                                      suggested, tr("PDF files (*.pdf)"), nullptr,
                                                      QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        savePdf(path);
}

void ReportsPage::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the end-of-day summary"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto document = ReportDocument::build(m_report, m_shopName, m_clock.now(),
                                                m_reporter->timeZone(), chartImage());
    if (!ReportDocument::print(*document, &printer))
        showMessage(tr("Could not print the end-of-day summary."), u"color: #b3261e;"_s);
}

void ReportsPage::showMessage(const QString &text, const QString &style)
{
    m_messageLabel->setText(text);
    m_messageLabel->setStyleSheet(style);
}

} // namespace shouyin
