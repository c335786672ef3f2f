// The end-of-day summary at receipt width: every figure of the day's report, on both
// papers, each line within the paper, amounts flush right.
#include "receipt/daysummary.h"
#include "receipt/escposreceipt.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace shouyin;

Q_DECLARE_METATYPE(shouyin::PaperWidth)

namespace {

DailyReport sampleReport()
{
    DailyReport report;
    report.day = QDate(2026, 11, 23);
    report.salesCount = 8;
    report.salesAmount = 4700;
    report.byProvider = {{u"wechat"_s, 6, 3400}, {u"alipay"_s, 2, 1300}};
    report.refundCount = 1;
    report.refundAmount = 1250;
    report.refundsByProvider = {{u"wechat"_s, 1, 1250}};
    report.pendingRefundCount = 1;
    report.pendingRefundAmount = 450;
    report.cancelledCount = 2;
    report.cancelledAmount = 1050;
    report.cancellingCount = 1;
    report.cancellingAmount = 1050;
    report.expiredCount = 1;
    report.expiredAmount = 200;
    report.openCount = 1;
    report.openAmount = 850;
    report.alertCount = 3;
    return report;
}

ReceiptHeader sampleHeader(bool training = false)
{
    return ReceiptHeader{
        u"测试便利店 浦东新区张杨路五百号华润时代广场一楼东侧"_s, u"张杨路 500 号"_s,
        [](const QString &provider) { return provider == u"wechat"_s ? u"微信支付"_s : QString(); },
        training};
}

// The paper as it reads: centred lines padded.
QStringList paperText(const QList<ReceiptTextLine> &lines, PaperWidth paper)
{
    QStringList text;
    for (const ReceiptTextLine &line : lines) {
        const int room = int(paper) - displayWidth(line.text);
        text.append(line.align == ReceiptTextLine::Align::Centre && room > 0
                        ? QString(room / 2, u' ') + line.text
                        : line.text);
    }
    return text;
}

// The first line that starts with `start` (after any indent), or an empty string.
QString line(const QStringList &lines, const QString &start)
{
    const auto it = std::find_if(lines.cbegin(), lines.cend(),
                                 [&](const QString &l) { return l.trimmed().startsWith(start); });
    return it == lines.cend() ? QString() : *it;
}

} // namespace

class TestDaySummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFigureFitsThePaper_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::newRow("58 mm") << PaperWidth::Mm58;
        QTest::newRow("80 mm") << PaperWidth::Mm80;
    }
    void everyFigureFitsThePaper()
    {
        QFETCH(PaperWidth, paper);
        const int width = int(paper);
        const QList<ReceiptTextLine> laidOut = layoutDaySummary(
            sampleReport(), sampleHeader(), u"T01"_s, u"2026-11-23 23:17:00"_s, paper);
        const QStringList lines = paperText(laidOut, paper);
        for (const QString &text : lines)
            QVERIFY2(displayWidth(text) <= width, qPrintable(text));

        // The shop's name on top, bold and centred, wrapped on 58 mm but never cut.
        QVERIFY(laidOut.first().bold);
        QCOMPARE(laidOut.first().align, ReceiptTextLine::Align::Centre);
        QVERIFY(lines.join(QString()).remove(u' ').contains(u"测试便利店浦东新区张杨路五百号"_s));
        QVERIFY(line(lines, u"日结 END OF DAY"_s).size() > 0);

        // Label left, value flush right: each row fills the paper exactly.
        const auto row = [&](const QString &start, const QString &value) {
            const QString found = line(lines, start);
            QVERIFY2(found.endsWith(u' ' + value), qPrintable(start + u": "_s + found));
            QCOMPARE(displayWidth(found), width);
        };
        row(u"日期 Date"_s, u"2026-11-23"_s);
        row(u"终端 Till"_s, u"T01"_s);
        row(u"打印 Printed"_s, u"2026-11-23 23:17:00"_s);
        row(u"销售 Sales (8)"_s, u"47.00"_s);
        row(u"微信支付 (6)"_s, u"34.00"_s);
        row(u"alipay (2)"_s, u"13.00"_s); // no label given: the provider's own name
        row(u"退款 Refunds (1)"_s, u"-12.50"_s);
        row(u"微信支付 (1)"_s, u"-12.50"_s);
        row(u"净额 Net"_s, u"34.50"_s);
        row(u"已取消 Cancelled (2)"_s, u"10.50"_s);
        row(u"取消中 Cancelling (1)"_s, u"10.50"_s);
        row(u"已过期 Expired (1)"_s, u"2.00"_s);
        row(u"待支付 Still open (1)"_s, u"8.50"_s);
        row(u"警报 Alerts"_s, u"3"_s);
        // The providers' lines sit under their totals, indented.
        QVERIFY(line(lines, u"微信支付 (6)"_s).startsWith(u"  "_s));
        QVERIFY(line(lines, u"微信支付 (1)"_s).startsWith(u"  "_s));
        // The pending refunds wrap on 58 mm, their amount still flush right.
        const qsizetype pending = lines.indexOf(line(lines, u"退款处理中"_s));
        QVERIFY(pending >= 0);
        QVERIFY(lines.at(pending).endsWith(u" 4.50"_s) ||
                lines.at(pending + 1).endsWith(u" 4.50"_s));
        // Sales and net stand out.
        for (const QString &bold : {u"销售 Sales"_s, u"净额 Net"_s})
            QVERIFY(std::any_of(laidOut.cbegin(), laidOut.cend(), [&](const ReceiptTextLine &l) {
                return l.bold && l.text.startsWith(bold);
            }));
        QVERIFY(!lines.join(u'\n').contains(u"TRAINING"_s));
    }

    void trainingSaysSo()
    {
        const QStringList lines =
            paperText(layoutDaySummary(sampleReport(), sampleHeader(true), u"T01"_s,
                                       u"2026-11-23 23:17:00"_s, PaperWidth::Mm58),
                      PaperWidth::Mm58);
        QCOMPARE(lines.join(u'\n').count(u"TRAINING"_s), 2); // at the top and at the bottom
    }

    void anEmptyDayStillSaysWhatItCounts()
    {
        DailyReport empty;
        empty.day = QDate(2026, 12, 1);
        const QStringList lines =
            paperText(layoutDaySummary(empty, sampleHeader(), u"T02"_s, u"2026-12-01 08:00:00"_s,
                                       PaperWidth::Mm80),
                      PaperWidth::Mm80);
        QVERIFY(line(lines, u"销售 Sales (0)"_s).endsWith(u" 0.00"_s));
        QVERIFY(line(lines, u"取消中 Cancelling (0)"_s).endsWith(u" 0.00"_s));
        QVERIFY(line(lines, u"退款处理中"_s).isEmpty()); // only when some are pending
    }

    void printsAsEscPos()
    {
        const QByteArray bytes = renderEscPosDocument(layoutDaySummary(
            sampleReport(), sampleHeader(), u"T01"_s, u"2026-11-23 23:17:00"_s, PaperWidth::Mm80));
        QVERIFY(bytes.contains(encodeReceiptText(u"日结 END OF DAY"_s)));
        QVERIFY(bytes.contains(encodeReceiptText(u"取消中 Cancelling (1)"_s)));
    }
};

QTEST_GUILESS_MAIN(TestDaySummary)
#include "tst_daysummary.moc"
