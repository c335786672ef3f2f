// History: each filter, combinations, keyset paging, the order detail, the plans that keep
// every filter on an index, and what a cashier may not see whatever the UI asks for.
#include "report/historyquery.h"
#include "shopfixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

HistoryFilter onDay(int day)
{
    HistoryFilter filter;
    filter.from = ShopFixture::at(day, 0, 0);
    filter.to = ShopFixture::at(day + 1, 0, 0);
    return filter;
}

} // namespace

class TestHistoryQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<ShopFixture>();
        m_day = m_shop->sampleDay();
        m_history =
            std::make_unique<HistoryQuery>(*m_shop->ledger.database, ShopFixture::shanghai());
    }
    void cleanup()
    {
        m_history.reset();
        m_shop.reset();
    }

    void filters_data();
    void filters();
    void newestFirstWithWhatTheRowShows();
    void pagesJoinUpWithoutGapsOrRepeats();
    void pagesSplitTiesById();
    void orderNumberIsExactOrPrefix();
    void detailHasItemsPaymentsAndPayLog();
    void everyFilterWalksAnIndex_data();
    void everyFilterWalksAnIndex();
    void commonProviderIsAskedOrderByOrder();
    void filterChoices();
    void cashierSeesOnlyOwnOrders();
    void cashierCannotAskForAnotherCashier();
    void cashierCannotOpenAnotherCashiersOrder();
    void nobodySeesNothing();

private:
    // The sample's order numbers (#n) a query returns, in its order.
    QList<int> numbers(const Staff &staff, const HistoryFilter &filter);

    std::unique_ptr<ShopFixture> m_shop;
    ShopFixture::SampleDay m_day;
    std::unique_ptr<HistoryQuery> m_history;
};

QList<int> TestHistoryQuery::numbers(const Staff &staff, const HistoryFilter &filter)
{
    QList<int> found;
    auto page = m_history->page(staff, filter, {}, 1000);
    if (!page) {
        qWarning("%s", qPrintable(page.error().message));
        return {-1};
    }
    for (const HistoryRow &row : page->rows) {
        for (int i = 0; i < m_day.orders.size(); ++i) {
            if (m_day.orders.at(i).id == row.id)
                found.append(i + 1);
        }
    }
    const auto count = m_history->count(staff, filter);
    if (!count || *count != found.size())
        return {-2}; // count and page must agree
    return found;
}

void TestHistoryQuery::filters_data()
{
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<QList<int>>("expected"); // newest first

    const QList<int> all{13, 14, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 12};
    QTest::newRow("none") << HistoryFilter{} << all;
    QTest::newRow("day") << onDay(23) << QList<int>{14, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    HistoryFilter from;
    from.from = ShopFixture::at(23, 14, 45);
    QTest::newRow("from, inclusive") << from << QList<int>{13, 14, 11, 10, 9, 8};
    HistoryFilter to;
    to.to = ShopFixture::at(23, 9, 40);
    QTest::newRow("to, exclusive") << to << QList<int>{2, 1, 12};

    const auto with = [](auto set) {
        HistoryFilter filter;
        set(filter);
        return filter;
    };
    QTest::newRow("paid") << with([](HistoryFilter &f) { f.status = HistoryStatus::Paid; })
                          << QList<int>{13, 14, 11, 10, 8, 4, 3, 2, 1, 12};
    QTest::newRow("cancelled (not expired)")
        << with([](HistoryFilter &f) { f.status = HistoryStatus::Cancelled; }) << QList<int>{7, 6};
    QTest::newRow("expired") << with([](HistoryFilter &f) { f.status = HistoryStatus::Expired; })
                             << QList<int>{5};
    QTest::newRow("awaiting") << with([](HistoryFilter &f) {
        f.status = HistoryStatus::AwaitingPayment;
    }) << QList<int>{9};
    QTest::newRow("cancelling") << with([](HistoryFilter &f) {
        f.status = HistoryStatus::Cancelling;
    }) << QList<int>{};
    QTest::newRow("alipay") << with([](HistoryFilter &f) { f.provider = u"alipay"_s; })
                            << QList<int>{14, 4};
    QTest::newRow("wechat") << with([](HistoryFilter &f) { f.provider = u"wechat"_s; })
                            << QList<int>{13, 11, 10, 9, 8, 7, 5, 3, 2, 1, 12};
    QTest::newRow("unknown provider")
        << with([](HistoryFilter &f) { f.provider = u"unionpay"_s; }) << QList<int>{};
    QTest::newRow("cashier") << with([](HistoryFilter &f) { f.operatorName = u"bob"_s; })
                             << QList<int>{13, 9, 8, 5, 4};
    QTest::newRow("terminal") << with([](HistoryFilter &f) { f.terminalId = u"T02"_s; })
                              << QList<int>{13, 14, 9, 8, 5, 4};

    HistoryFilter paidByAlice = onDay(23);
    paidByAlice.status = HistoryStatus::Paid;
    paidByAlice.operatorName = u"alice"_s;
    QTest::newRow("day + paid + cashier") << paidByAlice << QList<int>{11, 3, 2};
    HistoryFilter wechatOnT02 = onDay(23);
    wechatOnT02.provider = u"wechat"_s;
    wechatOnT02.terminalId = u"T02"_s;
    QTest::newRow("day + provider + terminal") << wechatOnT02 << QList<int>{9, 8, 5};
    HistoryFilter paidAlipay;
    paidAlipay.status = HistoryStatus::Paid;
    paidAlipay.provider = u"alipay"_s;
    QTest::newRow("paid + alipay") << paidAlipay << QList<int>{14, 4};
    HistoryFilter expiredBob;
    expiredBob.status = HistoryStatus::Expired;
    expiredBob.operatorName = u"bob"_s;
    QTest::newRow("expired + cashier") << expiredBob << QList<int>{5};
    HistoryFilter cancelledBob = expiredBob;
    cancelledBob.status = HistoryStatus::Cancelled;
    QTest::newRow("cancelled + cashier, none") << cancelledBob << QList<int>{};
    HistoryFilter carolOnT02;
    carolOnT02.operatorName = u"carol"_s;
    carolOnT02.terminalId = u"T02"_s;
    QTest::newRow("cashier + terminal") << carolOnT02 << QList<int>{14};
    HistoryFilter everything = onDay(23);
    everything.status = HistoryStatus::Paid;
    everything.provider = u"alipay"_s;
    everything.operatorName = u"carol"_s;
    everything.terminalId = u"T02"_s;
    everything.orderNo = u"T02-"_s;
    QTest::newRow("all at once") << everything << QList<int>{14};
}

void TestHistoryQuery::filters()
{
    QFETCH(HistoryFilter, filter);
    QFETCH(QList<int>, expected);
    QCOMPARE(numbers(m_shop->manager, filter), expected);
}

void TestHistoryQuery::newestFirstWithWhatTheRowShows()
{
    const auto page = m_history->page(m_shop->manager, onDay(23));
    QVERIFY(page.ok());
    QVERIFY(page->atEnd);
    const auto rowOf = [&](int number) {
        for (const HistoryRow &row : page->rows) {
            if (row.id == m_day.order(number).id)
                return row;
        }
        return HistoryRow{};
    };
    const HistoryRow paid = rowOf(2);
    QCOMPARE(paid.orderNo, m_day.order(2).orderNo);
    QCOMPARE(paid.createdAt, ShopFixture::at(23, 9, 5));
    QCOMPARE(paid.paidAt, ShopFixture::at(23, 9, 6));
    QCOMPARE(paid.terminalId, u"T01"_s);
    QCOMPARE(paid.operatorName, u"alice"_s);
    QCOMPARE(paid.status, HistoryStatus::Paid);
    QCOMPARE(paid.total, Fen(1250));
    QCOMPARE(paid.provider, u"wechat"_s);
    QCOMPARE(paid.attempts, 1);
    QVERIFY(!paid.payNo.isEmpty());

    QCOMPARE(rowOf(5).status, HistoryStatus::Expired);
    QCOMPARE(rowOf(6).status, HistoryStatus::Cancelled);
    QCOMPARE(rowOf(6).provider, QString()); // cancelled before any QR
    QCOMPARE(rowOf(6).attempts, 0);
    QCOMPARE(rowOf(4).provider, u"alipay"_s);
    QCOMPARE(rowOf(11).status, HistoryStatus::Paid); // paid after its cancel
}

void TestHistoryQuery::pagesJoinUpWithoutGapsOrRepeats()
{
    const auto whole = m_history->page(m_shop->manager, {}, {}, 100);
    QVERIFY(whole.ok());
    QCOMPARE(whole->rows.size(), 14);
    for (const int size : {1, 3, 7, 14}) {
        QList<qint64> ids;
        HistoryCursor cursor;
        int pages = 0;
        for (;;) {
            const auto page = m_history->page(m_shop->manager, {}, cursor, size);
            QVERIFY(page.ok());
            ++pages;
            for (const HistoryRow &row : page->rows)
                ids.append(row.id);
            if (page->atEnd)
                break;
            QCOMPARE(page->rows.size(), size);
            cursor = page->next;
        }
        QCOMPARE(pages, (14 + size - 1) / size);
        QCOMPARE(ids.size(), 14);
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(ids.at(i), whole->rows.at(i).id);
    }
}

void TestHistoryQuery::pagesSplitTiesById()
{
    // Two terminals can create orders in the same millisecond.
    const QDateTime same = ShopFixture::at(25, 12, 0);
    const qint64 water = m_shop->product("6901");
    const Order first = m_shop->place(u"T01"_s, u"alice"_s, {{water, 1}}, same);
    const Order second = m_shop->place(u"T02"_s, u"bob"_s, {{water, 1}}, same);
    const auto one = m_history->page(m_shop->manager, {}, {}, 1);
    QVERIFY(one.ok());
    QCOMPARE(one->rows.first().id, second.id);
    const auto two = m_history->page(m_shop->manager, {}, one->next, 1);
    QVERIFY(two.ok());
    QCOMPARE(two->rows.first().id, first.id);
}

void TestHistoryQuery::orderNumberIsExactOrPrefix()
{
    const Order eight = m_day.order(8);
    HistoryFilter exact;
    exact.orderNo = eight.orderNo;
    QCOMPARE(numbers(m_shop->manager, exact), QList<int>{8});
    HistoryFilter prefix;
    prefix.orderNo = u"  t02-"_s; // as typed: spaces and lower case
    QCOMPARE(numbers(m_shop->manager, prefix), (QList<int>{13, 14, 9, 8, 5, 4}));
    HistoryFilter none;
    none.orderNo = u"T03"_s;
    QCOMPARE(numbers(m_shop->manager, none), QList<int>{});
}

void TestHistoryQuery::detailHasItemsPaymentsAndPayLog()
{
    const auto detail = m_history->detail(m_shop->manager, m_day.order(11).id);
    QVERIFY(detail.ok());
    QCOMPARE(detail->order.orderNo, m_day.order(11).orderNo);
    QCOMPARE(detail->status, HistoryStatus::Paid);
    QCOMPARE(detail->items.size(), 1);
    QCOMPARE(detail->items.first().quantity, 2);
    QCOMPARE(detail->items.first().lineTotal(), Fen(400));
    QCOMPARE(detail->payments.size(), 1);
    QCOMPARE(detail->payments.first().status, PaymentStatus::Success);
    QStringList kinds;
    for (const Event &event : detail->events)
        kinds.append(event.kind);
    QVERIFY2(kinds.contains(u"order_created"_s), qPrintable(kinds.join(u',')));
    QVERIFY(kinds.contains(u"alert_paid_after_cancel"_s));
    QVERIFY(kinds.contains(u"order_paid"_s));

    const auto expired = m_history->detail(m_shop->manager, m_day.order(5).id);
    QVERIFY(expired.ok());
    QCOMPARE(expired->status, HistoryStatus::Expired);
    QCOMPARE(expired->order.status, OrderStatus::Cancelled);

    const auto missing = m_history->detail(m_shop->manager, 999999);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::UnknownOrder);
}

void TestHistoryQuery::everyFilterWalksAnIndex_data()
{
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<QString>("index");
    const auto with = [](auto set) {
        HistoryFilter filter;
        set(filter);
        return filter;
    };
    QTest::newRow("none") << HistoryFilter{} << u"orders_created"_s;
    QTest::newRow("day") << onDay(23) << u"orders_created"_s;
    QTest::newRow("status") << with([](HistoryFilter &f) { f.status = HistoryStatus::Paid; })
                            << u"orders_status_created"_s;
    QTest::newRow("expired") << with([](HistoryFilter &f) { f.status = HistoryStatus::Expired; })
                             << u"orders_status_created"_s;
    QTest::newRow("cashier") << with([](HistoryFilter &f) { f.operatorName = u"bob"_s; })
                             << u"orders_operator_created"_s;
    QTest::newRow("terminal") << with([](HistoryFilter &f) { f.terminalId = u"T02"_s; })
                              << u"orders_terminal_created"_s;
    QTest::newRow("order no") << with([](HistoryFilter &f) { f.orderNo = u"T02-"_s; })
                              << u"sqlite_autoindex_orders_1"_s;
    // A provider with few attempts (as both are here): its list of orders.
    QTest::newRow("provider") << with([](HistoryFilter &f) { f.provider = u"alipay"_s; })
                              << u"PRIMARY KEY"_s;
}

void TestHistoryQuery::everyFilterWalksAnIndex()
{
    QFETCH(HistoryFilter, filter);
    QFETCH(QString, index);
    if (testing::usingPostgres())
        QSKIP("SQLite's plans: PostgreSQL picks by table statistics, and scans a table this small");
    const auto plan = m_history->plan(m_shop->manager, filter);
    QVERIFY(plan.ok());
    const QString text = plan->join(u" | "_s);
    QStringList outer; // the orders themselves, not the per-row subqueries
    for (const QString &step : *plan) {
        if (!step.startsWith(u' '))
            outer.append(step);
    }
    if (index == u"PRIMARY KEY") {
        QCOMPARE(outer.first(), u"SEARCH o USING INTEGER PRIMARY KEY (rowid=?)"_s);
        QVERIFY2(text.contains(u"COVERING INDEX payments_provider_order (provider=?)"_s),
                 qPrintable(text));
        return;
    }
    QVERIFY2(outer.first() == u"SEARCH o USING INDEX "_s + index ||
                 outer.first().startsWith(u"SEARCH o USING INDEX "_s + index + u" ("_s) ||
                 outer.first() == u"SCAN o USING INDEX "_s + index,
             qPrintable(text));
    // No sort of the matches: the first page is there after reading one page of the index
    // (a prefix of order numbers sorts its few matches instead).
    if (filter.orderNo.isEmpty())
        QVERIFY2(!outer.join(u' ').contains(u"TEMP B-TREE"_s), qPrintable(text));
    // Every per-row lookup is a seek by order id, never a scan of a provider's attempts.
    for (const QString &step : *plan) {
        if (step.startsWith(u' ') && (step.contains(u"SCAN"_s) || step.contains(u"(provider=?)"_s)))
            QFAIL(qPrintable(u"per-row scan: "_s + text));
    }
}

void TestHistoryQuery::commonProviderIsAskedOrderByOrder()
{
    // Enough attempts that listing the provider's orders would cost more than walking
    // the orders in time order and asking each.
    if (testing::usingPostgres())
        QSKIP("SQLite's plans: PostgreSQL picks by table statistics");
    Database &db = *m_shop->ledger.database;
    QVERIFY(db.transaction([&]() -> Status {
        QSqlQuery order(db.connection());
        order.prepare(u"INSERT INTO orders (order_no, terminal_id, operator, status, total_fen, "
                      "created_at, updated_at) VALUES (?, 'T09', 'bulk', 'PAID', 100, ?, ?)"_s);
        QSqlQuery payment(db.connection());
        payment.prepare(u"INSERT INTO payments (order_id, pay_no, provider, app_id, merchant_id, "
                        "amount_fen, status, created_at, expires_at, updated_at) "
                        "VALUES (?, ?, 'wechat', 'wx', '1', 100, 'SUCCESS', ?, ?, ?)"_s);
        const qint64 start = ShopFixture::at(20, 8, 0).toMSecsSinceEpoch();
        for (int i = 0; i < 10'000; ++i) {
            order.addBindValue(u"B-%1"_s.arg(i));
            order.addBindValue(start + i);
            order.addBindValue(start + i);
            if (!order.exec())
                return Error(ErrorCode::Store, order.lastError().text());
            payment.addBindValue(order.lastInsertId());
            payment.addBindValue(u"BULK%1"_s.arg(i));
            for (int bind = 0; bind < 3; ++bind)
                payment.addBindValue(start + i);
            if (!payment.exec())
                return Error(ErrorCode::Store, payment.lastError().text());
        }
        return success();
    }));
    HistoryFilter wechat;
    wechat.provider = u"wechat"_s;
    const QString plan = m_history->plan(m_shop->manager, wechat)->join(u" | "_s);
    QVERIFY2(plan.startsWith(u"SCAN o USING INDEX orders_created | CORRELATED SCALAR SUBQUERY"_s),
             qPrintable(plan));
    QVERIFY2(plan.contains(u"COVERING INDEX payments_provider_order (provider=? AND order_id=?)"_s),
             qPrintable(plan));
    QCOMPARE(m_history->count(m_shop->manager, wechat).value(), qint64(10'000 + 11));
    // The rare one is still listed; both give the same orders as before.
    HistoryFilter alipay;
    alipay.provider = u"alipay"_s;
    QCOMPARE(numbers(m_shop->manager, alipay), (QList<int>{14, 4}));
    HistoryFilter wechatDay = onDay(23);
    wechatDay.provider = u"wechat"_s;
    QCOMPARE(numbers(m_shop->manager, wechatDay), (QList<int>{11, 10, 9, 8, 7, 5, 3, 2, 1}));
}

void TestHistoryQuery::filterChoices()
{
    QCOMPARE(m_history->cashiers(m_shop->manager).value(),
             (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));
    QCOMPARE(m_history->terminals(m_shop->manager).value(), (QStringList{u"T01"_s, u"T02"_s}));
    QCOMPARE(m_history->providers(m_shop->manager).value(),
             (QStringList{u"alipay"_s, u"wechat"_s}));
    QCOMPARE(m_history->cashiers(m_shop->bob).value(), QStringList{u"bob"_s});
}

void TestHistoryQuery::cashierSeesOnlyOwnOrders()
{
    QCOMPARE(numbers(m_shop->bob, {}), (QList<int>{13, 9, 8, 5, 4}));
    QCOMPARE(numbers(m_shop->bob, onDay(23)), (QList<int>{9, 8, 5, 4}));
    HistoryFilter t01; // bob never sold on T01
    t01.terminalId = u"T01"_s;
    QCOMPARE(numbers(m_shop->bob, t01), QList<int>{});
    HistoryFilter own;
    own.operatorName = u"bob"_s;
    QCOMPARE(numbers(m_shop->bob, own), (QList<int>{13, 9, 8, 5, 4}));
    QVERIFY(m_history->detail(m_shop->bob, m_day.order(8).id).ok());
}

void TestHistoryQuery::cashierCannotAskForAnotherCashier()
{
    HistoryFilter alice;
    alice.operatorName = u"alice"_s;
    for (const auto &error : {m_history->page(m_shop->bob, alice).error(),
                              m_history->count(m_shop->bob, alice).error()})
        QCOMPARE(error.code, ErrorCode::Forbidden);
    QVERIFY(!m_history->plan(m_shop->bob, alice).ok());
    QVERIFY(!m_history->terminals(m_shop->bob).ok());
    QVERIFY(!m_history->providers(m_shop->bob).ok());
}

void TestHistoryQuery::cashierCannotOpenAnotherCashiersOrder()
{
    const auto detail = m_history->detail(m_shop->bob, m_day.order(2).id);
    QVERIFY(!detail.ok());
    QCOMPARE(detail.error().code, ErrorCode::Forbidden);
}

void TestHistoryQuery::nobodySeesNothing()
{
    const Staff nobody;
    QCOMPARE(m_history->page(nobody, {}).error().code, ErrorCode::NotSignedIn);
    QCOMPARE(m_history->count(nobody, {}).error().code, ErrorCode::NotSignedIn);
    QCOMPARE(m_history->detail(nobody, m_day.order(1).id).error().code, ErrorCode::NotSignedIn);
    QVERIFY(!m_history->cashiers(nobody).ok());
}

QTEST_GUILESS_MAIN(TestHistoryQuery)
#include "tst_historyquery.moc"
