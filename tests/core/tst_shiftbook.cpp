// Shift handover (交班) at a till, to the fen: the float, cash sales with change, split
// tenders, cash given back, paid-ins and paid-outs, a manager's no-sale, the count at the
// close, the numbered Z-reports, and who may do what. Every figure is worked out by hand
// from the sales each test makes, on a clock the test sets (Shanghai wall times on
// 2026-11-23), whatever the machine's zone, locale or date.
#include "refund/refundbook.h"
#include "shift/shiftbook.h"
#include "shopfixture.h"

#include <QSqlQuery>
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

QString movements(const QList<DrawerMovement> &list)
{
    QStringList parts;
    for (const DrawerMovement &movement : list)
        parts.append(
            u"%1/%2/%3"_s.arg(movement.amount).arg(movement.reason, movement.operatorName));
    return parts.join(u' ');
}

template<typename T> T must(Result<T> result)
{
    return ShopFixture::must(std::move(result));
}

} // namespace

class TestShiftBook : public QObject
{
    Q_OBJECT

    std::unique_ptr<ShopFixture> m_shop;
    std::unique_ptr<ShiftBook> m_t01;
    std::unique_ptr<ShiftBook> m_t02;

    ShiftBook &book() { return *m_t01; }
    const Staff &manager() const { return m_shop->manager; }
    const Staff &alice() const { return m_shop->alice; }
    const Staff &bob() const { return m_shop->bob; }

    // The till's clock, at a wall time in Shanghai on 2026-11-23.
    void at(int hour, int minute, int second = 0)
    {
        m_shop->ledger.now = ShopFixture::at(23, hour, minute, second);
    }

    // Two waters and a chocolate: 12.50 yuan.
    QList<CartLine> sample() const
    {
        return {{m_shop->product("6901"), 2}, {m_shop->product("6903"), 1}};
    }
    QList<CartLine> noodles() const { return {{m_shop->product("6902"), 1}}; } // 4.50

    CashTaken cash(const QList<CartLine> &lines, Fen given, const QString &terminal = u"T01"_s)
    {
        return must(m_shop->till(terminal).takeCash(lines, given, u"alice"_s));
    }
    // The sample order, part in cash, the rest by a WeChat QR; `paid`: the customer pays it.
    std::pair<CashTaken, Payment> split(Fen cashPart, bool paid)
    {
        const CashTaken taken = cash(sample(), cashPart);
        const Payment rest = m_shop->open(u"T01"_s, taken.order, m_shop->wechat);
        if (paid)
            m_shop->apply(u"T01"_s, rest, TradeState::Success);
        return {taken, rest};
    }

    ShiftReport report(qint64 shiftId, ShiftBook *till = nullptr)
    {
        return must((till ? till : m_t01.get())->shiftReport(manager(), shiftId));
    }
    Fen expected(qint64 shiftId) { return must(book().expectedCash(manager(), shiftId)); }
    int count(const QString &sql) const { return m_shop->ledger.count(sql); }

private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<ShopFixture>();
        m_t01 =
            std::make_unique<ShiftBook>(*m_shop->ledger.database, u"T01"_s, m_shop->ledger.clock());
        m_t02 =
            std::make_unique<ShiftBook>(*m_shop->ledger.database, u"T02"_s, m_shop->ledger.clock());
        at(8, 0);
    }
    void cleanup()
    {
        m_t01.reset();
        m_t02.reset();
        m_shop.reset();
    }

    void aShiftOpensWithAFloat()
    {
        QVERIFY(!must(book().currentShift()).has_value());
        const Shift opened = must(book().openShift(alice(), 20000));
        QVERIFY(opened.id > 0);
        QVERIFY(opened.isOpen());
        const auto current = must(book().currentShift());
        QVERIFY(current.has_value());
        QCOMPARE(current->id, opened.id);
        QCOMPARE(current->terminalId, u"T01"_s);
        QCOMPARE(current->cashier, u"alice"_s);
        QCOMPARE(current->openedAt, ShopFixture::at(23, 8, 0));
        QCOMPARE(current->floatAmount, Fen(20000));
        QCOMPARE(expected(opened.id), Fen(20000));
        // Another till has shifts of its own.
        QVERIFY(!must(m_t02->currentShift()).has_value());
    }

    void aSecondOpenShiftIsRefused()
    {
        QVERIFY(book().openShift(alice(), 10000));
        auto second = book().openShift(bob(), 5000);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Usage);
        QVERIFY(second.error().message.contains(u"alice"_s));
        QCOMPARE(must(book().currentShift())->cashier, u"alice"_s);
        // The database keeps the rule too, whoever writes around the book.
        QSqlQuery insert(m_shop->ledger.database->connection());
        QVERIFY(!insert.exec(u"INSERT INTO shifts (terminal_id, cashier, opened_at, float_fen) "
                             "VALUES ('T01', 'bob', 0, 0)"_s));
        QCOMPARE(count(u"SELECT COUNT(*) FROM shifts"_s), 1);
        // Another till opens its own; a negative float and nobody are refused.
        QVERIFY(m_t02->openShift(bob(), 5000));
        QCOMPARE(book().openShift(alice(), -1).error().code, ErrorCode::Usage);
        QCOMPARE(m_t01->openShift(Staff(), 0).error().code, ErrorCode::NotSignedIn);
    }

    void cashSalesWithChangeAddUpInTheDrawer()
    {
        const Shift shift = must(book().openShift(alice(), 10000));
        at(8, 5);
        QCOMPARE(cash(sample(), 2000).tender.change(), Fen(750));
        at(8, 6);
        QCOMPARE(cash(noodles(), 500).tender.change(), Fen(50));
        at(8, 7);
        cash(noodles(), 450, u"T02"_s); // another till's drawer

        QCOMPARE(expected(shift.id), Fen(10000 + 1250 + 450));
        const ShiftReport r = report(shift.id);
        QCOMPARE(r.figures.floatAmount, Fen(10000));
        QCOMPARE(r.figures.salesCount, 2);
        QCOMPARE(r.figures.salesAmount, Fen(1700));
        QCOMPARE(totals(r.figures.byProvider), u"cash:2/1700"_s);
        QCOMPARE(r.figures.cashTendered, Fen(2500));
        QCOMPARE(r.figures.changeGiven, Fen(800));
        QCOMPARE(r.figures.cashSales, Fen(1700));
        QCOMPARE(r.figures.cashReturned, Fen(0));
        QCOMPARE(r.figures.refunds, Fen(0));
        QCOMPARE(r.expected, Fen(11700));
        QVERIFY(!r.counted.has_value());
        QCOMPARE(r.difference, Fen(0));
    }

    void aSplitTenderCountsItsCashAndEachProvider()
    {
        const Shift shift = must(book().openShift(alice(), 10000));
        at(9, 0);
        const auto [taken, rest] = split(500, true);
        QCOMPARE(rest.amount, Fen(750));
        QCOMPARE(m_shop->ledger.orders->order(taken.order.id)->status, OrderStatus::Paid);

        // Only the cash is in the drawer; the sale counts once, for both its providers.
        QCOMPARE(expected(shift.id), Fen(10500));
        const ShiftReport r = report(shift.id);
        QCOMPARE(r.figures.salesCount, 1);
        QCOMPARE(r.figures.salesAmount, Fen(1250));
        QCOMPARE(totals(r.figures.byProvider), u"wechat:1/750 cash:1/500"_s);
        QCOMPARE(r.figures.cashTendered, Fen(500));
        QCOMPARE(r.figures.changeGiven, Fen(0));
    }

    void cashGivenBackOnACancelledSplitIsNotInTheDrawer()
    {
        const Shift shift = must(book().openShift(alice(), 10000));
        at(9, 0);
        const auto [taken, rest] = split(500, false);
        QCOMPARE(expected(shift.id), Fen(10500)); // the customer's 5.00 is in the drawer
        at(9, 1);
        QVERIFY(m_shop->till(u"T01"_s).requestCancel(taken.order.id, u"alice"_s));
        m_shop->apply(u"T01"_s, rest, TradeState::Closed);
        QCOMPARE(m_shop->ledger.orders->payment(taken.tender.payNo)->status, PaymentStatus::Closed);

        QCOMPARE(expected(shift.id), Fen(10000));
        const ShiftReport r = report(shift.id);
        QCOMPARE(r.figures.salesCount, 0);
        QCOMPARE(r.figures.cancelledCount, 1);
        QCOMPARE(r.figures.cashSales, Fen(500));
        QCOMPARE(r.figures.cashReturned, Fen(500));
        QCOMPARE(totals(r.figures.byProvider), QString());
    }

    void cashGivenBackInALaterShiftComesOutOfThatDrawer()
    {
        // The customer's 5.00 went into alice's drawer; the order was cancelled on bob's
        // shift, and bob handed it back from his.
        const Shift first = must(book().openShift(alice(), 10000));
        at(9, 0);
        const auto [taken, rest] = split(500, false);
        at(10, 0);
        const ShiftReport closed = must(book().closeShift(alice(), {{10000, 1}, {500, 1}}));
        QCOMPARE(closed.expected, Fen(10500));
        QCOMPARE(closed.difference, Fen(0));
        at(10, 1);
        const Shift second = must(book().openShift(bob(), 10500));
        at(10, 2);
        QVERIFY(m_shop->till(u"T01"_s).requestCancel(taken.order.id, u"bob"_s));
        m_shop->apply(u"T01"_s, rest, TradeState::Closed);

        QCOMPARE(expected(second.id), Fen(10000));
        QCOMPARE(report(second.id).figures.cashReturned, Fen(500));
        // The closed shift keeps what it expected when it was counted.
        QCOMPARE(expected(first.id), Fen(10500));
        QCOMPARE(report(first.id).figures.cashReturned, Fen(0));
    }

    void refundsAreListedAndCashOnesComeOutOfTheDrawer()
    {
        const Shift shift = must(book().openShift(alice(), 10000));
        at(8, 5);
        const CashTaken sale = cash(sample(), 2000); // 12.50 in the drawer
        at(8, 6);
        const Order byWechat = m_shop->sell(u"T01"_s, u"alice"_s, noodles(),
                                            ShopFixture::at(23, 8, 6), m_shop->wechat); // 4.50
        // The chocolate (8.50) comes back in cash; the noodles go back to WeChat. A return
        // made at T02 pays from T02's drawer, whatever till sold the goods.
        RefundBook t01(*m_shop->ledger.database, m_shop->ledger.checkout->jobs(), u"T01"_s,
                       m_shop->ledger.clock());
        RefundBook t02(*m_shop->ledger.database, m_shop->ledger.checkout->jobs(), u"T02"_s,
                       m_shop->ledger.clock());
        at(9, 0);
        const auto items = m_shop->ledger.orders->items(sale.order.id);
        QVERIFY(t01.requestReturn({sale.order.id, {{items.last().id, 1}}, u"melted"_s}, alice(),
                                  manager()));
        const auto noodlesBack =
            must(t01.requestReturn({byWechat.id, {}, u"wrong flavour"_s}, alice(), manager()));
        RefundSnapshot done;
        done.state = RefundState::Success;
        done.amount = 450;
        QVERIFY(t01.apply(noodlesBack.refunds.first().refundNo, done, Source::Settler));
        QVERIFY(t02.requestReturn({sale.order.id, {}, u"changed mind"_s}, alice(), manager()));

        const ShiftReport r = report(shift.id);
        QCOMPARE(r.figures.salesAmount, Fen(1250 + 450));
        QCOMPARE(r.figures.refunds, Fen(850)); // cash out of T01's drawer
        QCOMPARE(totals(r.figures.refundsByProvider), u"cash:1/850 wechat:1/450"_s);
        QCOMPARE(r.figures.refundTotal, Fen(1300));
        QCOMPARE(r.figures.netSales(), Fen(1700 - 1300));
        QCOMPARE(expected(shift.id), Fen(10000 + 1250 - 850));
        // The Z-report freezes them.
        at(9, 30);
        const ZReport z = must(book().printZReport(manager()));
        const ZReport again = must(book().zReport(manager(), z.number));
        QCOMPARE(again.figures.refundTotal, Fen(1300));
        QCOMPARE(totals(again.figures.refundsByProvider), u"cash:1/850 wechat:1/450"_s);
        QCOMPARE(again.figures.refunds, Fen(850));
    }

    void paidInsAndOutsWithTheirReasons()
    {
        const Shift shift = must(book().openShift(alice(), 10000));
        at(8, 10);
        const DrawerMovement in = must(book().paidIn(alice(), 5000, u" change from the safe "_s));
        QCOMPARE(in.kind, DrawerMovementKind::PaidIn);
        QCOMPARE(in.shiftId, shift.id);
        QCOMPARE(in.reason, u"change from the safe"_s);
        QCOMPARE(in.at, ShopFixture::at(23, 8, 10));
        at(8, 20);
        QVERIFY(book().paidOut(manager(), 1200, u"milk delivery"_s));
        at(8, 30);
        QVERIFY(book().paidOut(alice(), 300, u"window cleaner"_s));

        QCOMPARE(expected(shift.id), Fen(10000 + 5000 - 1200 - 300));
        const ShiftReport r = report(shift.id);
        QCOMPARE(movements(r.figures.paidIns), u"5000/change from the safe/alice"_s);
        QCOMPARE(movements(r.figures.paidOuts),
                 u"1200/milk delivery/店长 300/window cleaner/alice"_s);
        QCOMPARE(r.figures.paidInTotal, Fen(5000));
        QCOMPARE(r.figures.paidOutTotal, Fen(1500));

        // An amount and a reason are required; nothing is written without them.
        QCOMPARE(book().paidIn(alice(), 0, u"nothing"_s).error().code, ErrorCode::Usage);
        QCOMPARE(book().paidOut(alice(), -100, u"less"_s).error().code, ErrorCode::Usage);
        QCOMPARE(book().paidIn(alice(), 100, u"   "_s).error().code, ErrorCode::Usage);
        QCOMPARE(book().paidIn(Staff(), 100, u"who"_s).error().code, ErrorCode::NotSignedIn);
        QCOMPARE(count(u"SELECT COUNT(*) FROM drawer_movements"_s), 3);
        // Not without a shift.
        QCOMPARE(m_t02->paidIn(bob(), 100, u"float"_s).error().code, ErrorCode::Usage);
    }

    void aPaidOutBeyondTheDrawerIsRefused()
    {
        const Shift shift = must(book().openShift(alice(), 1000));
        at(8, 5);
        cash(noodles(), 500); // 4.50 in, 0.50 change out
        auto tooMuch = book().paidOut(alice(), 1451, u"supplier"_s);
        QVERIFY(!tooMuch);
        QCOMPARE(tooMuch.error().code, ErrorCode::Usage);
        QVERIFY(tooMuch.error().message.contains(u"14.50"_s));
        QCOMPARE(count(u"SELECT COUNT(*) FROM drawer_movements"_s), 0);
        QVERIFY(book().paidOut(alice(), 1450, u"supplier"_s));
        QCOMPARE(expected(shift.id), Fen(0));
        QCOMPARE(book().paidOut(alice(), 1, u"one more"_s).error().code, ErrorCode::Usage);
    }

    void aNoSaleNeedsAManager()
    {
        const Shift shift = must(book().openShift(alice(), 10000));
        at(8, 15);
        for (const Staff &approver : {alice(), bob(), Staff()}) {
            auto refused = book().noSale(alice(), approver, u"customer wants change"_s);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        }
        QCOMPARE(count(u"SELECT COUNT(*) FROM drawer_movements"_s), 0);
        QCOMPARE(book().noSale(alice(), manager(), u""_s).error().code, ErrorCode::Usage);

        const DrawerMovement opened =
            must(book().noSale(alice(), manager(), u"customer wants change"_s));
        QCOMPARE(opened.kind, DrawerMovementKind::NoSale);
        QCOMPARE(opened.amount, Fen(0));
        QCOMPARE(opened.operatorName, u"alice"_s);
        QCOMPARE(opened.approvedBy, u"店长"_s);
        QCOMPARE(count(u"SELECT COUNT(*) FROM drawer_movements WHERE kind = 'no_sale' "
                       "AND operator = 'alice' AND approved_by = '店长'"_s),
                 1);
        const ShiftReport r = report(shift.id);
        QCOMPARE(r.figures.noSaleCount, 1);
        QCOMPARE(r.expected, Fen(10000));
    }

    void theCloseRecordsACountThatDiffers()
    {
        const Shift shift = must(book().openShift(alice(), 10000));
        at(9, 0);
        cash(sample(), 2000); // + 12.50
        at(9, 5);
        QVERIFY(book().paidOut(alice(), 300, u"stamps"_s)); // − 3.00
        at(17, 0);
        // Expected 109.50; counted 100 + 5 + 4 × 1 + 0.30 = 109.30: 0.20 short.
        const CashCount counts{{10000, 1}, {500, 1}, {100, 4}, {10, 3}, {50, 0}};
        const ShiftReport closed = must(book().closeShift(alice(), counts, u"a coin fell"_s));
        QCOMPARE(closed.expected, Fen(10950));
        QCOMPARE(*closed.counted, Fen(10930));
        QCOMPARE(closed.difference, Fen(-20));
        QCOMPARE(closed.shift.closedAt, ShopFixture::at(23, 17, 0));
        QCOMPARE(closed.shift.closedBy, u"alice"_s);
        QCOMPARE(closed.figures.salesAmount, Fen(1250));
        QVERIFY(!must(book().currentShift()).has_value());

        // What is stored reads back the same, later, whatever happens at the till.
        at(17, 30);
        cash(noodles(), 450);
        const ShiftReport again = report(shift.id);
        QCOMPARE(again.expected, Fen(10950));
        QCOMPARE(*again.counted, Fen(10930));
        QCOMPARE(again.difference, Fen(-20));
        QCOMPARE(again.shift.counts, counts);
        QCOMPARE(again.shift.note, u"a coin fell"_s);
        QCOMPARE(again.figures.salesCount, 1);
        QCOMPARE(again.figures.to, ShopFixture::at(23, 17, 0));
        QCOMPARE(expected(shift.id), Fen(10950));

        // The shift is closed once.
        auto second = book().closeShift(alice(), counts);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Usage);
        QCOMPARE(count(u"SELECT COUNT(*) FROM shifts WHERE closed_at IS NOT NULL"_s), 1);
    }

    void aShiftIsClosedOnceWhoeverClosesIt()
    {
        // The same till on a second connection (a restarted program, a second window):
        // the close that comes second finds nothing left to close, and writes nothing.
        const auto elsewhere = reopenTestDatabase(*m_shop->ledger.database);
        ShiftBook again(*elsewhere, u"T01"_s, m_shop->ledger.clock());
        const Shift shift = must(book().openShift(alice(), 1000));
        QCOMPARE(again.openShift(bob(), 0).error().code, ErrorCode::Usage);
        at(12, 0);
        QVERIFY(again.closeShift(alice(), {{1000, 1}}, u"first"_s));
        at(12, 1);
        QCOMPARE(book().closeShift(manager(), {{500, 1}}, u"second"_s).error().code,
                 ErrorCode::Usage);
        const ShiftReport closed = report(shift.id);
        QCOMPARE(*closed.counted, Fen(1000));
        QCOMPARE(closed.shift.note, u"first"_s);
        QCOMPARE(closed.shift.closedAt, ShopFixture::at(23, 12, 0));
    }

    void aCountIsOfRenminbiOnly()
    {
        QVERIFY(book().openShift(alice(), 0));
        for (const CashCount &wrong :
             {CashCount{{200, 1}}, CashCount{{1, 5}}, CashCount{{10000, -1}}, CashCount{{0, 1}}}) {
            auto refused = book().closeShift(alice(), wrong);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::Usage);
        }
        QVERIFY(must(book().currentShift()).has_value());
        const ShiftReport empty = must(book().closeShift(alice(), {}));
        QCOMPARE(*empty.counted, Fen(0));
        QCOMPARE(empty.difference, Fen(0));
    }

    void onlyTheCashierOrAManagerClosesAShift()
    {
        const Shift shift = must(book().openShift(alice(), 5000));
        at(12, 0);
        auto byBob = book().closeShift(bob(), {{5000, 1}});
        QVERIFY(!byBob);
        QCOMPARE(byBob.error().code, ErrorCode::Forbidden);
        QCOMPARE(book().closeShift(Staff(), {{5000, 1}}).error().code, ErrorCode::NotSignedIn);
        QVERIFY(must(book().currentShift()).has_value());

        const ShiftReport closed = must(book().closeShift(manager(), {{5000, 1}}));
        QCOMPARE(closed.shift.id, shift.id);
        QCOMPARE(closed.shift.cashier, u"alice"_s);
        QCOMPARE(closed.shift.closedBy, u"店长"_s);
        QCOMPARE(closed.difference, Fen(0));
    }

    void aShiftReportIsForItsCashierAndManagers()
    {
        const Shift shift = must(book().openShift(alice(), 5000));
        QVERIFY(book().shiftReport(alice(), shift.id));
        QVERIFY(book().expectedCash(alice(), shift.id));
        QCOMPARE(book().shiftReport(bob(), shift.id).error().code, ErrorCode::Forbidden);
        QCOMPARE(book().expectedCash(bob(), shift.id).error().code, ErrorCode::Forbidden);
        QCOMPARE(book().shiftReport(Staff(), shift.id).error().code, ErrorCode::NotSignedIn);
        QCOMPARE(book().shiftReport(manager(), shift.id + 100).error().code, ErrorCode::Usage);
    }

    void theShiftsFirstAndLastOrderNumbers()
    {
        at(7, 0);
        const Order before = cash(noodles(), 450).order;
        at(8, 0);
        const Shift shift = must(book().openShift(alice(), 0));
        at(8, 1);
        const Order first =
            m_shop->place(u"T01"_s, u"alice"_s, noodles(), ShopFixture::at(23, 8, 1));
        QVERIFY(m_shop->till(u"T01"_s).requestCancel(first.id, u"alice"_s));
        at(8, 2);
        cash(noodles(), 450, u"T02"_s); // another till's
        at(8, 3);
        cash(sample(), 1250);
        at(8, 4);
        const Order last = cash(noodles(), 450).order;

        const ShiftReport r = report(shift.id);
        QVERIFY(before.orderNo < first.orderNo);
        QCOMPARE(r.figures.firstOrderNo, first.orderNo);
        QCOMPARE(r.figures.lastOrderNo, last.orderNo);
        QCOMPARE(r.figures.cancelledCount, 1);
        QCOMPARE(r.figures.salesCount, 2);
        QCOMPARE(r.figures.salesAmount, Fen(1700));
        // A shift without orders has no numbers.
        QVERIFY(m_t02->openShift(bob(), 0));
        const ShiftReport none = report(must(m_t02->currentShift())->id, m_t02.get());
        QCOMPARE(none.figures.firstOrderNo, QString());
        QCOMPARE(none.figures.lastOrderNo, QString());
    }

    void theNewPermissionsAreManagers()
    {
        for (const Permission permission :
             {Permission::OpenDrawer, Permission::CloseAnyShift, Permission::PrintZReport}) {
            QVERIFY(manager().can(permission));
            QVERIFY(!alice().can(permission));
            QVERIFY(!Staff().can(permission));
        }
        QVERIFY(alice().can(Permission::Sell)); // what cashiers had, they keep
    }

    void aCashierCannotPrintOrReadAZReport()
    {
        QCOMPARE(book().printZReport(alice()).error().code, ErrorCode::Forbidden);
        QCOMPARE(book().printZReport(Staff()).error().code, ErrorCode::NotSignedIn);
        QCOMPARE(count(u"SELECT COUNT(*) FROM z_reports"_s), 0);
        QVERIFY(book().printZReport(manager()));
        QCOMPARE(book().zReport(alice(), 1).error().code, ErrorCode::Forbidden);
        QCOMPARE(book().zReport(manager(), 2).error().code, ErrorCode::Usage);
    }

    void zReportsAreNumberedPerTillAndCoverSinceThePrevious()
    {
        const Shift morning = must(book().openShift(alice(), 10000));
        at(9, 0);
        cash(sample(), 2000);
        at(9, 30);
        QVERIFY(book().paidIn(alice(), 2000, u"coins from the bank"_s));
        at(12, 0);
        QVERIFY(book().closeShift(alice(), {{10000, 1}, {2000, 1}, {1000, 1}, {100, 2}, {50, 1}}));
        at(12, 0, 1);
        const ZReport z1 = must(book().printZReport(manager()));
        QCOMPARE(z1.number, 1);
        QCOMPARE(z1.terminalId, u"T01"_s);
        QVERIFY(!z1.coversFrom.isValid());
        QCOMPARE(z1.coversTo, ShopFixture::at(23, 12, 0, 1));
        QCOMPARE(z1.createdBy, u"店长"_s);
        QCOMPARE(z1.figures.salesCount, 1);
        QCOMPARE(z1.figures.salesAmount, Fen(1250));
        QCOMPARE(z1.figures.floatAmount, Fen(10000));
        QCOMPARE(z1.figures.paidInTotal, Fen(2000));
        QCOMPARE(z1.figures.expected, Fen(13250));
        QCOMPARE(z1.shifts.size(), 1);
        QCOMPARE(z1.shifts.at(0).id, morning.id);
        QVERIFY(!z1.shiftStillOpen);
        QCOMPARE(z1.counted, Fen(13250));
        QCOMPARE(z1.difference, Fen(0));

        // The afternoon: a new shift, two sales, and T02's first report in between.
        at(13, 0);
        QVERIFY(book().openShift(bob(), 5000));
        at(13, 10);
        cash(noodles(), 1000);
        at(13, 20);
        split(1000, true); // 10.00 in cash, 2.50 by WeChat
        at(13, 30);
        cash(noodles(), 450, u"T02"_s);
        at(13, 31);
        const ZReport other = must(m_t02->printZReport(manager()));
        QCOMPARE(other.number, 1);
        QCOMPARE(other.figures.salesAmount, Fen(450));
        QVERIFY(other.shifts.isEmpty());
        // A period ends just before the moment its report is printed: a sale in that very
        // millisecond belongs to the next report, never to both or neither.
        cash(noodles(), 450, u"T02"_s);
        const ZReport same = must(m_t02->printZReport(manager()));
        QCOMPARE(same.number, 2);
        QCOMPARE(same.figures.salesCount, 0);

        at(18, 0);
        const ZReport z2 = must(book().printZReport(manager()));
        QCOMPARE(z2.number, 2);
        QCOMPARE(z2.coversFrom, z1.coversTo);
        QCOMPARE(z2.coversTo, ShopFixture::at(23, 18, 0));
        QCOMPARE(z2.figures.salesCount, 2);
        QCOMPARE(z2.figures.salesAmount, Fen(450 + 1250));
        QCOMPARE(totals(z2.figures.byProvider), u"cash:2/1450 wechat:1/250"_s);
        QCOMPARE(z2.figures.cashTendered, Fen(2000));
        QCOMPARE(z2.figures.changeGiven, Fen(550));
        QCOMPARE(z2.figures.paidInTotal, Fen(0));
        QCOMPARE(z2.figures.floatAmount, Fen(5000));
        // Bob's shift is still open: allowed, and the report says so.
        QVERIFY(z2.shiftStillOpen);
        QCOMPARE(z2.shifts.size(), 1);
        QVERIFY(z2.shifts.at(0).isOpen());
        QCOMPARE(z2.shifts.at(0).cashier, u"bob"_s);
        QCOMPARE(z2.shifts.at(0).expected, Fen(5000 + 450 + 1000));
        QCOMPARE(z2.counted, Fen(0));

        at(18, 1);
        const ZReport next = must(m_t02->printZReport(manager()));
        QCOMPARE(next.number, 3);
        QCOMPARE(next.coversFrom, same.coversTo);
        QCOMPARE(next.figures.salesAmount, Fen(450));
        QCOMPARE(must(book().printZReport(manager())).number, 3);
    }

    void aStoredZReportReadsBackUnchanged()
    {
        QVERIFY(book().openShift(alice(), 10000));
        at(9, 0);
        cash(sample(), 2000);
        at(9, 10);
        QVERIFY(book().noSale(alice(), manager(), u"wrong change"_s));
        QVERIFY(book().paidOut(alice(), 800, u"taxi"_s));
        at(10, 0);
        const ZReport printed = must(book().printZReport(manager()));

        at(11, 0);
        cash(noodles(), 450);
        QVERIFY(book().paidIn(alice(), 100, u"found"_s));
        QVERIFY(book().closeShift(alice(), {{10000, 1}}));
        at(11, 30);
        QVERIFY(book().printZReport(manager()));

        const ZReport reprint = must(book().zReport(manager(), 1));
        QCOMPARE(reprint.stored, printed.stored);
        QCOMPARE(reprint.id, printed.id);
        QCOMPARE(reprint.number, 1);
        QCOMPARE(reprint.coversFrom, printed.coversFrom);
        QCOMPARE(reprint.coversTo, printed.coversTo);
        QCOMPARE(reprint.createdAt, printed.createdAt);
        QCOMPARE(reprint.createdBy, printed.createdBy);
        QCOMPARE(reprint.figures.salesCount, 1);
        QCOMPARE(reprint.figures.salesAmount, Fen(1250));
        QCOMPARE(totals(reprint.figures.byProvider), u"cash:1/1250"_s);
        QCOMPARE(movements(reprint.figures.paidOuts), u"800/taxi/alice"_s);
        QCOMPARE(reprint.figures.paidIns.size(), 0);
        QCOMPARE(reprint.figures.noSaleCount, 1);
        QCOMPARE(reprint.figures.expected, Fen(10000 + 1250 - 800));
        QCOMPARE(reprint.figures.firstOrderNo, printed.figures.firstOrderNo);
        QVERIFY(reprint.shiftStillOpen);
        QCOMPARE(reprint.shifts.size(), 1);
        QVERIFY(reprint.shifts.at(0).isOpen());
        QCOMPARE(reprint.shifts.at(0).expected, Fen(10450));

        // Nothing rewrites a printed report, not even SQL written around the program.
        QSqlQuery change(m_shop->ledger.database->connection());
        QVERIFY(!change.exec(u"UPDATE z_reports SET figures = '{}'"_s));
        QVERIFY(!change.exec(u"DELETE FROM z_reports"_s));
        QCOMPARE(must(book().zReport(manager(), 1)).stored, printed.stored);
    }
};

QTEST_GUILESS_MAIN(TestShiftBook)
#include "tst_shiftbook.moc"
