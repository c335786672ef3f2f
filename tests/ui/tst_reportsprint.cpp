// The Reports page's paper, offscreen: an order whose cancel the provider has not yet
// confirmed is "cancelling", not "still open"; the PDF keeps every heading with what it
// heads, every table's header with its rows and the chart whole, however long the day's
// lists are; the end-of-day summary prints at receipt width on the receipt printer.
#include "checkout/checkout.h"
#include "checkout/checkoutclient.h"
#include "receiptdesk.h"
#include "report/dailyreporter.h"
#include "reportspage.h"
#include "shopfixture.h"
#include "virtualescpos.h"

#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

std::optional<QString> run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pdfPages(const QString &path)
{
    static const QRegularExpression pages(u"Pages:\\s+(\\d+)"_s);
    return pages.match(run(u"pdfinfo"_s, {path}).value_or(QString())).captured(1).toInt();
}

// One page's text, lines as laid out on the paper.
QStringList pageLines(const QString &path, int page)
{
    const QString number = QString::number(page);
    return run(u"pdftotext"_s, {u"-layout"_s, u"-enc"_s, u"UTF-8"_s, u"-f"_s, number, u"-l"_s,
                                number, path, u"-"_s})
        .value_or(QString())
        .split(u'\n');
}

// The pages (from 1) the PDF's pictures are drawn on, one entry a picture.
QList<int> imagePages(const QString &path)
{
    QList<int> pages;
    const QStringList lines =
        run(u"pdfimages"_s, {u"-list"_s, path}).value_or(QString()).split(u'\n');
    for (const QString &line : lines.mid(2)) { // two lines of column names
        // "page num type …": a picture with transparency comes with its mask, type "smask".
        const QStringList columns = line.simplified().split(u' ');
        if (columns.size() > 2 && columns.at(2) == u"image")
            pages.append(columns.at(0).toInt());
    }
    return pages;
}

// The last line of a page that is not its page number.
QString lastLine(const QStringList &lines)
{
    static const QRegularExpression pageNumber(u"^\\d+( */ *\\d+)?$"_s);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = it->simplified();
        if (!line.isEmpty() && !pageNumber.match(line).hasMatch())
            return line;
    }
    return {};
}

} // namespace

class TestReportsPrint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void aCancelBeingConfirmedIsCancelling();
    void headingsStayWithWhatTheyHead();
    void printsTheSummaryOnTheReceiptPrinter();

private:
    QTemporaryDir m_files;
    std::unique_ptr<ShopFixture> m_shop;
    ShopFixture::SampleDay m_day;
    std::unique_ptr<DailyReporter> m_reports;
    std::unique_ptr<ReportsPage> m_page;
};

void TestReportsPrint::initTestCase()
{
    for (const QString &tool : {u"pdftotext"_s, u"pdfinfo"_s, u"pdfimages"_s})
        QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                 qPrintable(tool + u" not found (Debian package: poppler-utils)"_s));
    m_shop = std::make_unique<ShopFixture>();
    m_day = m_shop->sampleDay();
    m_shop->ledger.now = ShopFixture::at(23, 17, 0);
    m_reports =
        std::make_unique<DailyReporter>(*m_shop->ledger.database, m_shop->ledger.clock().zone());
    m_page = std::make_unique<ReportsPage>(m_reports.get(), m_shop->manager, u"测试小店"_s,
                                           m_shop->ledger.clock());
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->report().day, QDate(2026, 11, 23));
}

void TestReportsPrint::cleanupTestCase()
{
    m_page.reset();
    m_reports.reset();
    m_shop.reset();
}

void TestReportsPrint::aCancelBeingConfirmedIsCancelling()
{
    // A WeChat QR of 10.50 the cashier cancelled; the provider has not confirmed the close.
    const Order order = m_shop->place(u"T01"_s, m_shop->alice.name(),
                                      {{m_shop->product("6901"), 1}, {m_shop->product("6903"), 1}},
                                      ShopFixture::at(23, 17, 0));
    const Payment payment = m_shop->open(u"T01"_s, order, m_shop->wechat);
    m_shop->ledger.now = ShopFixture::at(23, 17, 1);
    QVERIFY(m_shop->till(u"T01"_s).requestCancel(order.id, m_shop->alice.name()));
    m_page->refresh();

    // Only order 9 (8.50) still waits for its customer.
    const QString open = m_page->findChild<QLabel *>(u"openFigure"_s)->text();
    QVERIFY2(open.contains(u"¥8.50"_s) && open.contains(u"1 order"_s), qPrintable(open));
    auto *cancelling = m_page->findChild<QLabel *>(u"cancellingFigure"_s);
    QVERIFY(cancelling);
    QVERIFY2(cancelling->text().contains(u"Cancelling"_s) &&
                 cancelling->text().contains(u"¥10.50"_s) &&
                 cancelling->text().contains(u"1 order"_s),
             qPrintable(cancelling->text()));

    const QString pdf = m_files.filePath(u"cancelling.pdf"_s);
    QVERIFY(m_page->savePdf(pdf));
    QStringList text;
    for (int page = 1; page <= pdfPages(pdf); ++page)
        text += pageLines(pdf, page);
    static const QRegularExpression cancellingRow(u"^Cancelling.*\\s1\\s+¥10\\.50$"_s);
    static const QRegularExpression openRow(u"^Still open\\s+1\\s+¥8\\.50$"_s);
    bool hasCancelling = false;
    bool hasOpen = false;
    for (const QString &line : std::as_const(text)) {
        hasCancelling = hasCancelling || cancellingRow.match(line.simplified()).hasMatch();
        hasOpen = hasOpen || openRow.match(line.simplified()).hasMatch();
    }
    QVERIFY2(hasCancelling && hasOpen, qPrintable(text.join(u'\n')));

    // Confirmed closed: a cancelled order like any other.
    m_shop->apply(u"T01"_s, payment, TradeState::Closed);
    m_page->refresh();
    QVERIFY(cancelling->text().contains(u"¥0.00"_s));
    QVERIFY(m_page->findChild<QLabel *>(u"cancelledFigure"_s)->text().contains(u"¥21.00"_s));
}

void TestReportsPrint::headingsStayWithWhatTheyHead()
{
    // Longer and longer lists of alerts push what follows them down the pages, so that
    // some day ends a page at each heading, table header and the chart. (The chart's
    // heading is the last text of its page, the chart under it: checked by its picture.)
    static const QRegularExpression heading(
        u"^(End-of-day summary.*|By provider|By cashier|Refunds|Alerts: \\d+|"
        "Orders Count Amount|Provider Sales Amount|Cashier Sales Amount|Time Alert Order)$"_s);
    const QString payNo = m_shop->ledger.orders->payments(m_day.order(2).id).first().payNo;
    m_shop->ledger.now = ShopFixture::at(23, 18, 0);
    for (int round = 0; round < 16; ++round) {
        for (int more = 0; more < 4; ++more)
            QVERIFY(m_shop->till(u"T01"_s).recordEvent(payNo, u"alert_mismatch"_s, u"{}"_s,
                                                       Source::Poll));
        m_page->refresh();
        const QString pdf = m_files.filePath(u"day-%1.pdf"_s.arg(round));
        QVERIFY(m_page->savePdf(pdf));
        const int pages = pdfPages(pdf);
        QVERIFY(pages >= 1);

        const QList<int> images = imagePages(pdf);
        // The chart, whole: never drawn in two pieces.
        QVERIFY2(images.size() == 1,
                 qPrintable(run(u"pdfimages"_s, {u"-list"_s, pdf}).value_or(QString())));
        int headingPage = 0;
        for (int page = 1; page <= pages; ++page) {
            const QStringList lines = pageLines(pdf, page);
            for (const QString &line : lines) {
                if (line.simplified() == u"Sales by hour"_s)
                    headingPage = page;
            }
            const QString last = lastLine(lines);
            QVERIFY2(!heading.match(last).hasMatch(),
                     qPrintable(u"%1 alerts: page %2 of %3 ends with \"%4\""_s
                                    .arg(m_page->report().alertCount)
                                    .arg(page)
                                    .arg(pages)
                                    .arg(last)));
        }
        QVERIFY2(headingPage == images.first(),
                 qPrintable(u"%1 alerts: the chart's heading on page %2, the chart on page %3"_s
                                .arg(m_page->report().alertCount)
                                .arg(headingPage)
                                .arg(images.first())));
    }
}

void TestReportsPrint::printsTheSummaryOnTheReceiptPrinter()
{
    auto *button = m_page->findChild<QPushButton *>(u"printSummaryButton"_s);
    QVERIFY(button);
    QVERIFY(!button->isEnabled()); // this page was given no printer
    const QTimeZone zone = m_shop->ledger.clock().zone();
    auto none = ReceiptDesk::create(PrinterConfig{}, m_shop->ledger.orders.get(), zone, false);
    QVERIFY(none);
    PosServices services;
    services.receipts = none->get();
    m_page->setServices(services);
    QVERIFY(!button->isEnabled()); // a till that prints nothing

    VirtualEscPosPrinter printer;
    QVERIFY(printer.listen());
    PrinterConfig config;
    config.kind = PrinterConfig::Kind::EscPos;
    config.target = printer.tcpSpelling();
    config.paper = PaperWidth::Mm58;
    config.shopName = u"测试便利店"_s;
    auto desk = ReceiptDesk::create(config, m_shop->ledger.orders.get(), zone, false);
    QVERIFY(desk);
    CheckoutClient client(*m_shop->ledger.checkout);
    services.receipts = desk->get();
    services.checkout = &client;
    m_page->setServices(services);
    QVERIFY(button->isEnabled());

    m_shop->ledger.now = ShopFixture::at(23, 21, 30);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(printer.jobs().size(), 1, 10000);
    const QStringList lines = printer.jobText(0).split(u'\n');
    for (const QString &line : lines)
        QVERIFY2(displayWidth(line) <= int(PaperWidth::Mm58), qPrintable(line));
    const QString text = lines.join(u'\n');
    for (const QString &expected :
         {u"测试便利店"_s, u"日结 END OF DAY"_s, u"2026-11-23"_s, u"T01"_s,
          u"2026-11-23 21:30:00"_s, u"47.00"_s, u"取消中 Cancelling (0)"_s,
          u"已取消 Cancelled (3)"_s, u"待支付 Still open (1)"_s})
        QVERIFY2(text.contains(expected), qPrintable(expected + u" not in:\n"_s + text));
    auto *message = m_page->findChild<QLabel *>(u"reportMessage"_s);
    QTRY_VERIFY2(message->text().contains(u"printed"_s), qPrintable(message->text()));

    m_page->setServices({}); // the desk goes before the page
    QVERIFY(!button->isEnabled());
}

QTEST_MAIN(TestReportsPrint)
#include "tst_reportsprint.moc"
