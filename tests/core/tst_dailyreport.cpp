// The end-of-day figures on a known day, to the fen, and who may see them.
#include "refund/refundbook.h"
#include "report/dailyreporter.h"
#include "shopfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

QString totals(const QList<SalesTotal> &lines)
{
    QStringList parts;
    for (const SalesTotal &line : lines)
        parts.append(u"%1:%2/%3"_s.arg(line.key).arg(line.count).arg(line.amount));
    return parts.join(u' ');
}

} // namespace

class TestDailyReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<ShopFixture>();
        m_day = m_shop->sampleDay();
        m_reporter =
            std::make_unique<DailyReporter>(*m_shop->ledger.database, ShopFixture::shanghai());
    }
    void cleanup()
    {
        m_reporter.reset();
        m_shop.reset();
    }

    void salesTotalsToTheFen()
    {
        const auto report = m_reporter->report(m_shop->manager, QDate(2026, 11, 23));
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->start, ShopFixture::at(23, 0, 0));
        QCOMPARE(report->end, ShopFixture::at(24, 0, 0));
        // Orders 1, 2, 3, 4, 8, 10, 11, 14: 200 + 1250 + 450 + 850 + 900 + 200 + 400 + 450.
        QCOMPARE(report->salesCount, 8);
        QCOMPARE(report->salesAmount, Fen(4700));
        // WeChat: 1, 2, 3, 8, 10, 11; Alipay: 4, 14.
        QCOMPARE(totals(report->byProvider), u"wechat:6/3400 alipay:2/1300"_s);
        // alice 2, 3, 11; bob 4, 8; carol 1, 10, 14.
        QCOMPARE(totals(report->byCashier), u"alice:3/2100 bob:2/1750 carol:3/850"_s);
    }

    void aSplitTenderCountsForEachOfItsProviders()
    {
        // Later that day: a cash sale with change, and a sale paid part in cash, the rest
        // with WeChat. Each provider has what it took; the parts still sum to the sales.
        Checkout &t01 = m_shop->till(u"T01"_s);
        m_shop->ledger.now = ShopFixture::at(23, 20, 0);
        QVERIFY(t01.takeCash({{m_shop->product("6903"), 1}}, 1000, u"alice"_s)); // 850
        auto part = t01.takeCash({{m_shop->product("6901"), 2}}, 100, u"bob"_s); // 400
        QVERIFY(part);
        QCOMPARE(part->due, Fen(300));
        const Payment rest = m_shop->open(u"T01"_s, part->order, m_shop->wechat);
        QCOMPARE(rest.amount, Fen(300));
        m_shop->apply(u"T01"_s, rest, TradeState::Success);

        const auto report = m_reporter->report(m_shop->manager, QDate(2026, 11, 23));
        QVERIFY(report.ok());
        QCOMPARE(report->salesCount, 10);
        QCOMPARE(report->salesAmount, Fen(4700 + 850 + 400));
        QCOMPARE(totals(report->byProvider), u"wechat:7/3700 alipay:2/1300 cash:2/950"_s);
        Fen sum = 0;
        for (const SalesTotal &line : report->byProvider)
            sum += line.amount;
        QCOMPARE(sum, report->salesAmount);
    }

    void refundsCountOnTheDayTheirMoneyWentBack()
    {
        RefundBook refunds(*m_shop->ledger.database, m_shop->ledger.checkout->jobs(), u"T01"_s,
                           m_shop->ledger.clock());
        const auto returnAll = [&](int number, const QDateTime &at) {
            m_shop->ledger.now = at;
            auto back = refunds.requestReturn({m_day.order(number).id, {}, u"faulty"_s},
                                              m_shop->alice, m_shop->manager);
            if (!back)
                qFatal("requestReturn: %s", qPrintable(back.error().message));
            return back->refunds.first();
        };
        const auto settle = [&](const Refund &refund, const QDateTime &at) {
            m_shop->ledger.now = at;
            RefundSnapshot done;
            done.state = RefundState::Success;
            done.amount = refund.amount;
            QVERIFY(refunds.apply(refund.refundNo, done, Source::Settler));
        };
        // Order 2 (12.50, WeChat) back the same day; order 4 (8.50, Alipay) asked for on
        // the 23rd, refunded on the 24th; order 12 (8.50, sold the 22nd) back on the 23rd;
        // order 3 (4.50) asked for and still processing.
        settle(returnAll(2, ShopFixture::at(23, 18, 0)), ShopFixture::at(23, 18, 1));
        const Refund late = returnAll(4, ShopFixture::at(23, 23, 0));
        settle(late, ShopFixture::at(24, 0, 30));
        settle(returnAll(12, ShopFixture::at(23, 19, 0)), ShopFixture::at(23, 19, 1));
        returnAll(3, ShopFixture::at(23, 20, 0));

        const auto report = m_reporter->report(m_shop->manager, QDate(2026, 11, 23));
        QVERIFY(report.ok());
        QCOMPARE(report->salesAmount, Fen(4700)); // sales are what was sold that day
        QCOMPARE(report->refundCount, 2);
        QCOMPARE(report->refundAmount, Fen(1250 + 850));
        QCOMPARE(report->netAmount(), Fen(4700 - 2100));
        QCOMPARE(totals(report->refundsByProvider), u"wechat:2/2100"_s);
        QCOMPARE(report->pendingRefundCount, 1); // order 3's: order 4's is through by now
        QCOMPARE(report->pendingRefundAmount, Fen(450));
        // Newest first: order 4's, asked for that day, went back after midnight.
        QCOMPARE(report->refunds.size(), 4);
        QCOMPARE(report->refunds.at(0).orderNo, m_day.order(4).orderNo);
        QCOMPARE(report->refunds.at(0).status, RefundStatus::Refunded);
        QCOMPARE(report->refunds.at(0).at, ShopFixture::at(24, 0, 30));
        QCOMPARE(report->refunds.at(1).orderNo, m_day.order(3).orderNo);
        QCOMPARE(report->refunds.at(1).status, RefundStatus::Requested);
        QCOMPARE(report->refunds.at(1).approvedBy, m_shop->manager.name());
        QCOMPARE(report->refunds.at(1).reason, u"faulty"_s);

        const auto next = m_reporter->report(m_shop->manager, QDate(2026, 11, 24));
        QVERIFY(next.ok());
        QCOMPARE(next->refundAmount, Fen(850));
        QCOMPARE(totals(next->refundsByProvider), u"alipay:1/850"_s);
        QCOMPARE(next->refunds.size(), 1);
        QCOMPARE(next->refunds.first().refundNo, late.refundNo);
        QCOMPARE(next->refunds.first().at, ShopFixture::at(24, 0, 30));
    }

    void cancelledExpiredAndOpen()
    {
        const auto report = m_reporter->report(m_shop->manager, QDate(2026, 11, 23));
        QVERIFY(report.ok());
        QCOMPARE(report->cancelledCount, 2); // 6 (before any QR) and 7 (QR closed)
        QCOMPARE(report->cancelledAmount, Fen(1050));
        QCOMPARE(report->expiredCount, 1); // 5
        QCOMPARE(report->expiredAmount, Fen(200));
        QCOMPARE(report->openCount, 1); // 9
        QCOMPARE(report->openAmount, Fen(850));
    }

    void aCancelTheProviderHasNotConfirmedIsCancellingNotOpen()
    {
        // The cashier cancels a WeChat QR that evening; the close is not confirmed yet.
        const Order order =
            m_shop->place(u"T01"_s, m_shop->alice.name(),
                          {{m_shop->product("6901"), 1}, {m_shop->product("6903"), 1}},
                          ShopFixture::at(23, 17, 0));
        const Payment payment = m_shop->open(u"T01"_s, order, m_shop->wechat);
        m_shop->ledger.now = ShopFixture::at(23, 17, 1);
        QVERIFY(m_shop->till(u"T01"_s).requestCancel(order.id, m_shop->alice.name()));

        auto report = m_reporter->report(m_shop->manager, QDate(2026, 11, 23));
        QVERIFY(report.ok());
        QCOMPARE(report->openCount, 1); // 9 still waits for its customer; this one does not
        QCOMPARE(report->openAmount, Fen(850));
        QCOMPARE(report->cancellingCount, 1);
        QCOMPARE(report->cancellingAmount, Fen(1050));
        QCOMPARE(report->cancelledCount, 2);

        // Once the provider confirms the close, it is one more cancelled order.
        m_shop->apply(u"T01"_s, payment, TradeState::Closed);
        report = m_reporter->report(m_shop->manager, QDate(2026, 11, 23));
        QVERIFY(report.ok());
        QCOMPARE(report->cancellingCount, 0);
        QCOMPARE(report->cancellingAmount, Fen(0));
        QCOMPARE(report->cancelledCount, 3);
        QCOMPARE(report->cancelledAmount, Fen(1050 + 1050));
        QCOMPARE(report->openCount, 1);
    }

    void alertsOfTheDay()
    {
        const auto report = m_reporter->report(m_shop->manager, QDate(2026, 11, 23));
        QVERIFY(report.ok());
        QCOMPARE(report->alertCount, 3);
        QCOMPARE(totals(report->alertsByKind),
                 u"alert_mismatch:1/0 alert_paid_after_cancel:1/0 alert_paid_after_close:1/0"_s);
        QCOMPARE(report->alerts.size(), 3);
        QCOMPARE(report->alerts.last().kind, u"alert_mismatch"_s); // newest first
        QCOMPARE(report->alerts.last().orderNo, m_day.order(10).orderNo);
        QCOMPARE(report->alerts.first().orderNo, m_day.order(11).orderNo);
    }

    void salesByHour()
    {
        const auto report = m_reporter->report(m_shop->manager, QDate(2026, 11, 23));
        QVERIFY(report.ok());
        QList<int> counts(24, 0);
        QList<Fen> amounts(24, 0);
        counts[0] = 1, amounts[0] = 200;
        counts[9] = 2, amounts[9] = 1700;
        counts[10] = 1, amounts[10] = 850;
        counts[14] = 1, amounts[14] = 900;
        counts[15] = 1, amounts[15] = 200;
        counts[16] = 1, amounts[16] = 400;
        counts[23] = 1, amounts[23] = 450;
        QCOMPARE(report->hourlyCount, counts);
        QCOMPARE(report->hourlyAmount, amounts);
    }

    void neighbouringDays()
    {
        const auto before = m_reporter->report(m_shop->manager, QDate(2026, 11, 22));
        QVERIFY(before.ok());
        QCOMPARE(before->salesCount, 1); // 12
        QCOMPARE(before->salesAmount, Fen(850));
        QCOMPARE(before->alertCount, 0);
        const auto after = m_reporter->report(m_shop->manager, QDate(2026, 11, 24));
        QVERIFY(after.ok());
        QCOMPARE(after->salesCount, 1); // 13
        QCOMPARE(after->salesAmount, Fen(200));
        const auto empty = m_reporter->report(m_shop->manager, QDate(2026, 12, 1));
        QVERIFY(empty.ok());
        QCOMPARE(empty->salesCount, 0);
        QCOMPARE(empty->salesAmount, Fen(0));
        QVERIFY(empty->byProvider.isEmpty());
    }

    void daylightSavingDayHasTwentyFiveHours()
    {
        // New York leaves daylight saving on 2026-11-01: 01:30 happens twice.
        const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
        const auto [start, end] = DailyReporter::dayBounds(QDate(2026, 11, 1), newYork);
        QCOMPARE(start.msecsTo(end), qint64(25) * 3'600'000);
        const qint64 water = m_shop->product("6901");
        for (const QTime utc : {QTime(5, 30), QTime(6, 30)}) // 01:30 EDT, then 01:30 EST
            m_shop->sell(u"T01"_s, u"alice"_s, {{water, 1}},
                         QDateTime(QDate(2026, 11, 1), utc, Qt::UTC), m_shop->wechat);
        m_shop->sell(u"T01"_s, u"alice"_s, {{water, 1}},
                     QDateTime(QDate(2026, 11, 2), QTime(4, 30), Qt::UTC), m_shop->wechat);
        DailyReporter reporter(*m_shop->ledger.database, newYork);
        const auto report = reporter.report(m_shop->manager, QDate(2026, 11, 1));
        QVERIFY(report.ok());
        QCOMPARE(report->salesCount, 3);
        QCOMPARE(report->hourlyCount.at(1), 2);
        QCOMPARE(report->hourlyAmount.at(1), Fen(400));
        QCOMPARE(report->hourlyCount.at(23), 1);
    }

    void onlyManagersSeeReports()
    {
        const auto cashier = m_reporter->report(m_shop->alice, QDate(2026, 11, 23));
        QVERIFY(!cashier.ok());
        QCOMPARE(cashier.error().code, ErrorCode::Forbidden);
        const auto nobody = m_reporter->report(Staff(), QDate(2026, 11, 23));
        QVERIFY(!nobody.ok());
        QCOMPARE(nobody.error().code, ErrorCode::NotSignedIn);
    }

private:
    std::unique_ptr<ShopFixture> m_shop;
    ShopFixture::SampleDay m_day;
    std::unique_ptr<DailyReporter> m_reporter;
};

QTEST_GUILESS_MAIN(TestDailyReport)
#include "tst_dailyreport.moc"
