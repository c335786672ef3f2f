// Discounts through the real Checkout: what is stored with the order and its lines, what
// the provider is asked for, the cashier's limit checked by the core itself, what a return
// of discounted goods gives back, and the day's report.
#include "refund/refundbook.h"
#include "report/dailyreporter.h"
#include "shopfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestDiscountSale : public QObject
{
    Q_OBJECT

    std::unique_ptr<ShopFixture> m_shop;
    std::unique_ptr<RefundBook> m_book;

    Checkout &checkout() { return *m_shop->ledger.checkout; }
    int count(const QString &sql) const { return m_shop->ledger.count(sql); }

    // Two waters (2.00) at 10% off the line, a chocolate (8.50), 0.53 off the sale, small
    // change to whole jiao. By hand: 4.00 − 0.40 = 3.60; + 8.50 = 12.10; − 0.53 = 11.57;
    // drops 0.07 → 11.50. The 0.60 off the sale splits 360:850 of 1210 — 60 × 360 = 21600
    // = 17 × 1210 r1030, 60 × 850 = 51000 = 42 × 1210 r180 — the fen left to the water:
    // shares 0.18 and 0.42, nets 3.42 and 8.08.
    Sale sample() const
    {
        Sale sale{{m_shop->product("6901"), 2, std::nullopt, Discount::percentOff(10)},
                  {m_shop->product("6903"), 1}};
        sale.discount = Discount::amountOff(53);
        sale.roundOff = RoundOff::Jiao;
        return sale;
    }
    // The whole 12.50 sample at 20% off: 2.50, twice a cashier's 10%.
    Sale generous(const Staff &approver = Staff()) const
    {
        Sale sale{{m_shop->product("6901"), 2}, {m_shop->product("6903"), 1}};
        sale.discount = Discount::percentOff(20);
        sale.approver = approver;
        return sale;
    }

private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<ShopFixture>();
        m_shop->wechat.givesRefunds = true;
        m_book = std::make_unique<RefundBook>(*m_shop->ledger.database, checkout().jobs(), u"T01"_s,
                                              m_shop->ledger.clock());
    }
    void cleanup()
    {
        m_book.reset();
        m_shop.reset();
    }

    void storedWithTheOrder()
    {
        const Order order =
            m_shop->place(u"T01"_s, u"alice"_s, sample(), ShopFixture::at(23, 9, 0));
        QCOMPARE(order.total, Fen(1150));
        QCOMPARE(order.discount, Fen(53));
        QCOMPARE(order.roundOff, Fen(7));
        QVERIFY(order.discountApprover.isEmpty());

        const Order stored = *m_shop->ledger.orders->order(order.id);
        QCOMPARE(stored.total, Fen(1150));
        QCOMPARE(stored.discount, Fen(53));
        QCOMPARE(stored.roundOff, Fen(7));
        const QList<OrderItem> items = m_shop->ledger.orders->items(order.id);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).lineTotal(), Fen(400));
        QCOMPARE(items.at(0).discount, Fen(40));
        QCOMPARE(items.at(0).share, Fen(18));
        QCOMPARE(items.at(0).net(), Fen(342));
        QCOMPARE(items.at(1).discount, Fen(0));
        QCOMPARE(items.at(1).share, Fen(42));
        QCOMPARE(items.at(0).net() + items.at(1).net(), stored.total);

        // The provider is asked for exactly the discounted total.
        const Payment payment = m_shop->open(u"T01"_s, order, m_shop->wechat);
        QCOMPARE(payment.amount, Fen(1150));

        const QList<Event> events = m_shop->ledger.orders->events(order.id);
        const auto created = std::find_if(events.cbegin(), events.cend(), [](const Event &e) {
            return e.kind == u"order_created";
        });
        QVERIFY(created != events.cend());
        const QJsonObject detail = QJsonDocument::fromJson(created->detail.toUtf8()).object();
        QCOMPARE(detail.value(u"discount_fen"_s).toInteger(), 93);
        QCOMPARE(detail.value(u"round_off_fen"_s).toInteger(), 7);
    }

    void cashSale()
    {
        m_shop->ledger.now = ShopFixture::at(23, 9, 0);
        const CashTaken taken = ShopFixture::must(checkout().takeCash(sample(), 2000, u"alice"_s));
        QCOMPARE(taken.order.status, OrderStatus::Paid);
        QCOMPARE(taken.tender.amount, Fen(1150));
        QCOMPARE(taken.tender.change(), Fen(850));
    }

    void beyondTheLimitNeedsAManager()
    {
        m_shop->ledger.now = ShopFixture::at(23, 9, 0);
        auto refused = checkout().placeOrder(generous(), u"alice"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::NeedsApproval);
        QVERIFY2(refused.error().message.contains(u"2.50"_s), qPrintable(refused.error().message));
        // A cashier cannot approve it either.
        QCOMPARE(checkout().placeOrder(generous(m_shop->bob), u"alice"_s).error().code,
                 ErrorCode::NeedsApproval);
        // Nothing was written and nothing reserved.
        QCOMPARE(count(u"SELECT COUNT(*) FROM orders"_s), 0);
        QCOMPARE(count(u"SELECT COALESCE(SUM(reserved), 0) FROM products"_s), 0);

        const Order approved =
            ShopFixture::must(checkout().placeOrder(generous(m_shop->manager), u"alice"_s));
        QCOMPARE(approved.total, Fen(1000));
        QCOMPARE(approved.discountApprover, m_shop->manager.name());
        QCOMPARE(m_shop->ledger.orders->order(approved.id)->discountApprover,
                 m_shop->manager.name());

        // Within a shop's wider limit a cashier needs nobody, and no approver is recorded.
        checkout().setDiscountLimits(DiscountLimits{20});
        const Order within = ShopFixture::must(checkout().placeOrder(generous(), u"alice"_s));
        QCOMPARE(within.total, Fen(1000));
        QVERIFY(m_shop->ledger.orders->order(within.id)->discountApprover.isEmpty());
    }

    void badDiscountsRefused()
    {
        m_shop->ledger.now = ShopFixture::at(23, 9, 0);
        const qint64 water = m_shop->product("6901");
        QCOMPARE(
            checkout()
                .placeOrder(Sale{{water, 1, std::nullopt, Discount::percentOff(101)}}, u"alice"_s)
                .error()
                .code,
            ErrorCode::BadDiscount);
        QCOMPARE(
            checkout()
                .placeOrder(Sale{{water, 1, std::nullopt, Discount::amountOff(201)}}, u"alice"_s)
                .error()
                .code,
            ErrorCode::BadDiscount);
        // Everything off: nothing is left to charge, even with a manager's approval.
        Sale free{{water, 1, std::nullopt, Discount::percentOff(100)}};
        free.approver = m_shop->manager;
        QCOMPARE(checkout().placeOrder(free, u"alice"_s).error().code, ErrorCode::NothingToCharge);
        QCOMPARE(count(u"SELECT COUNT(*) FROM orders"_s), 0);
    }

    // A return gives back what the customer paid for the goods, not their list price, and
    // all of an order in any steps gives back exactly its total.
    void returnsGiveBackWhatWasPaid()
    {
        const Order order =
            m_shop->sell(u"T01"_s, u"alice"_s, sample(), ShopFixture::at(23, 9, 0), m_shop->wechat);
        const QList<OrderItem> items = m_shop->ledger.orders->items(order.id);
        const auto give = [&](QList<ReturnLine> lines) {
            return ShopFixture::must(
                       m_book->requestReturn({order.id, lines, u"changed their mind"_s},
                                             m_shop->alice, m_shop->manager))
                .amount;
        };
        QCOMPARE(ShopFixture::must(m_book->refundable(order.id)).goodsLeft(), Fen(1150));
        QCOMPARE(give({{items.at(0).id, 1}}), Fen(171)); // 3.42 over two waters
        QCOMPARE(give({{items.at(0).id, 1}}), Fen(171));
        QCOMPARE(give({}), Fen(808)); // the rest: the chocolate
        const RefundableOrder after = ShopFixture::must(m_book->refundable(order.id));
        QCOMPARE(after.goodsLeft(), Fen(0));
        QCOMPARE(after.goodsReturned, Fen(1150));
        QCOMPARE(after.surplus(), Fen(0));
    }

    void oneLineNamedTwiceIsRefused()
    {
        const Order order =
            m_shop->sell(u"T01"_s, u"alice"_s, sample(), ShopFixture::at(23, 9, 0), m_shop->wechat);
        const qint64 water = m_shop->ledger.orders->items(order.id).at(0).id;
        auto twice = m_book->requestReturn({order.id, {{water, 2}, {water, 2}}, u"x"_s},
                                           m_shop->alice, m_shop->manager);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, ErrorCode::RefundTooLarge);
    }

    void dayReportCountsDiscounts()
    {
        m_shop->sell(u"T01"_s, u"alice"_s, sample(), ShopFixture::at(23, 9, 0), m_shop->wechat);
        m_shop->sell(u"T01"_s, u"alice"_s, {{m_shop->product("6902"), 1}},
                     ShopFixture::at(23, 10, 0), m_shop->wechat);
        DailyReporter reporter(*m_shop->ledger.database, ShopFixture::shanghai());
        const DailyReport report =
            ShopFixture::must(reporter.report(m_shop->manager, QDate(2026, 11, 23)));
        QCOMPARE(report.salesCount, 2);
        QCOMPARE(report.salesAmount, Fen(1150 + 450));
        QCOMPARE(report.discountedCount, 1);
        QCOMPARE(report.discountAmount, Fen(93));
        QCOMPARE(report.roundOffAmount, Fen(7));
    }
};

QTEST_GUILESS_MAIN(TestDiscountSale)
#include "tst_discountsale.moc"
