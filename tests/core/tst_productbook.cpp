// The shop's products as a manager keeps them: adding, changing (with the price history),
// retiring, the stock ledger of goods received, counted and adjusted, the low-stock list,
// and what the checkout makes of it all: an open price within its limit, a retired product
// refused, and no sale of goods the shelf does not have unless the shop allows it.
#include "shopfixture.h"
#include "store/productbook.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

template<typename T> T must(Result<T> result)
{
    return ShopFixture::must(std::move(result));
}

ProductDraft cola()
{
    ProductDraft draft;
    draft.barcode = u"6954767423579"_s;
    draft.name = u"可口可乐 330ml"_s;
    draft.price = 300;
    draft.category = u"饮料"_s;
    draft.unit = u"罐"_s;
    draft.cost = 180;
    draft.lowStock = 5;
    return draft;
}

QString moves(const QList<StockMove> &list)
{
    QStringList parts;
    for (const StockMove &move : list)
        parts.append(u"%1:%2->%3:%4:%5"_s.arg(sqlText(move.kind))
                         .arg(move.before)
                         .arg(move.after)
                         .arg(move.reason, move.operatorName));
    return parts.join(u' ');
}

} // namespace

class TestProductBook : public QObject
{
    Q_OBJECT

    std::unique_ptr<ShopFixture> m_shop;
    std::unique_ptr<ProductBook> m_book;

    ProductBook &book() { return *m_book; }
    const Staff &manager() const { return m_shop->manager; }
    Checkout &till() { return *m_shop->ledger.checkout; }

private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<ShopFixture>();
        m_shop->ledger.now = ShopFixture::at(23, 9, 0);
        m_book = std::make_unique<ProductBook>(*m_shop->ledger.database, m_shop->ledger.clock());
    }
    void cleanup()
    {
        m_book.reset();
        m_shop.reset();
    }

    void addsAProductWithItsOpeningStockAndPrice()
    {
        const Product added = must(book().add(manager(), cola(), 24));
        QCOMPARE(added.name, u"可口可乐 330ml"_s);
        QCOMPARE(added.price, 300);
        QCOMPARE(added.stock, 24);
        QCOMPARE(added.cost, std::optional<Fen>(180));
        QCOMPARE(added.lowStock, std::optional<qint64>(5));
        QCOMPARE(added.category, u"饮料"_s);
        QVERIFY(!added.isRetired());
        QCOMPARE(moves(must(book().stockMoves(added.id))), u"opening:0->24::店长"_s);
        const QList<PriceChange> prices = must(book().priceHistory(added.id));
        QCOMPARE(prices.size(), 1);
        QVERIFY(!prices.first().oldPrice);
        QCOMPARE(prices.first().newPrice, 300);
        // The counter finds it by its barcode.
        QCOMPARE(m_shop->ledger.catalog->byBarcode(u"6954767423579"_s)->id, added.id);
    }

    void refusesABadDraftWithItsReason_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no barcode") << u"barcode"_s << u" "_s << u"barcode"_s;
        QTest::newRow("barcode with a space")
            << u"barcode"_s << u"69 01"_s << u"only digits, letters"_s;
        QTest::newRow("no name") << u"name"_s << u""_s << u"needs a name"_s;
        QTest::newRow("long name") << u"name"_s << QString(81, u'x') << u"longer than 80"_s;
        QTest::newRow("negative price") << u"price"_s << u"-1"_s << u"negative"_s;
        QTest::newRow("free at a fixed price") << u"price"_s << u"0"_s << u"open price"_s;
        QTest::newRow("open price below the suggestion")
            << u"open"_s << u"100"_s << u"above the highest"_s;
        QTest::newRow("scale code with letters") << u"plu"_s << u"12a"_s << u"1 to 6 digits"_s;
        QTest::newRow("barcode taken") << u"barcode"_s << u"6901"_s << u"already Water 550ml"_s;
    }
    void refusesABadDraftWithItsReason()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        ProductDraft draft = cola();
        if (field == u"barcode")
            draft.barcode = value;
        else if (field == u"name")
            draft.name = value;
        else if (field == u"price")
            draft.price = value.toLongLong();
        else if (field == u"open")
            draft.openPriceMax = value.toLongLong();
        else if (field == u"plu")
            draft.plu = value;
        const int before = int(must(book().allProducts()).size());
        auto added = book().add(manager(), draft);
        QVERIFY(!added);
        QVERIFY2(added.error().message.contains(reason), qPrintable(added.error().message));
        QCOMPARE(must(book().allProducts()).size(), before);
    }

    void aCashierMayNotChangeProducts()
    {
        auto added = book().add(m_shop->alice, cola());
        QCOMPARE(added.error().code, ErrorCode::Forbidden);
        const qint64 water = m_shop->product("6901");
        QCOMPARE(book().receive(m_shop->alice, water, 5, {}).error().code, ErrorCode::Forbidden);
        QCOMPARE(book().retire(m_shop->alice, water).error().code, ErrorCode::Forbidden);
    }

    void aPriceChangeIsForTheNextSaleAndKeptInTheHistory()
    {
        const Product added = must(book().add(manager(), cola(), 24));
        const Order before = must(till().placeOrder({{added.id, 2}}, u"alice"_s));
        m_shop->ledger.now = ShopFixture::at(23, 10, 0);
        ProductDraft draft = ProductDraft::of(added);
        draft.price = 350;
        const Product changed = must(book().update(manager(), added.id, draft));
        QCOMPARE(changed.price, 350);
        const Order after = must(till().placeOrder({{added.id, 2}}, u"alice"_s));
        QCOMPARE(before.total, 600);
        QCOMPARE(after.total, 700);
        // The order placed before keeps its price.
        QCOMPARE(m_shop->ledger.orders->order(before.id)->total, 600);
        const QList<PriceChange> prices = must(book().priceHistory(added.id));
        QCOMPARE(prices.size(), 2);
        QCOMPARE(prices.first().oldPrice, std::optional<Fen>(300));
        QCOMPARE(prices.first().newPrice, 350);
        QCOMPARE(prices.first().at, ShopFixture::at(23, 10, 0));
        // A change that leaves the price alone adds no row.
        draft.name = u"可口可乐 330ml 罐装"_s;
        QVERIFY(book().update(manager(), added.id, draft));
        QCOMPARE(must(book().priceHistory(added.id)).size(), 2);
    }

    void theStockLedgerSaysWhoWhenWhyBeforeAndAfter()
    {
        const Product added = must(book().add(manager(), cola(), 10));
        m_shop->ledger.now = ShopFixture::at(23, 11, 0);
        QCOMPARE(must(book().receive(manager(), added.id, 24, u"delivery 8812"_s)).after, 34);
        QCOMPARE(must(book().adjust(manager(), added.id, -2, u"damaged"_s)).after, 32);
        QCOMPARE(must(book().count(manager(), added.id, 30, u"stocktake"_s)).delta(), -2);
        QCOMPARE(moves(must(book().stockMoves(added.id))),
                 u"counted:32->30:stocktake:店长 adjusted:34->32:damaged:店长 "
                 "received:10->34:delivery 8812:店长 opening:0->10::店长"_s);
        QCOMPARE(must(book().product(added.id))->stock, 30);
        QCOMPARE(must(book().stockMoves(added.id)).first().at, ShopFixture::at(23, 11, 0));
        // Refused: an adjustment without a reason, nothing received, a negative count.
        QCOMPARE(book().adjust(manager(), added.id, 3, u"  "_s).error().code, ErrorCode::Catalog);
        QCOMPARE(book().receive(manager(), added.id, 0, {}).error().code, ErrorCode::BadQuantity);
        QCOMPARE(book().count(manager(), added.id, -1, {}).error().code, ErrorCode::BadQuantity);
        QCOMPARE(book().receive(manager(), 999999, 1, {}).error().code, ErrorCode::UnknownProduct);
        QCOMPARE(must(book().stockMoves(added.id)).size(), 4);
    }

    void aSaleBetweenTheReadAndTheCountIsNotLost()
    {
        // A count is what is on the shelf now; sales after it take from it.
        const Product added = must(book().add(manager(), cola(), 10));
        QVERIFY(book().count(manager(), added.id, 8, u"stocktake"_s));
        const CashTaken sold = must(till().takeCash({{added.id, 3}}, 900, u"alice"_s));
        QCOMPARE(sold.order.status, OrderStatus::Paid);
        QCOMPARE(must(book().product(added.id))->stock, 5);
        QVERIFY(book().receive(manager(), added.id, 1, {}));
        QCOMPARE(must(book().product(added.id))->stock, 6);
    }

    void theLowStockListHasWhatIsAtOrBelowItsLevel()
    {
        ProductDraft low = cola();
        const Product a = must(book().add(manager(), low, 5)); // at its level
        low.barcode = u"6954767400001"_s;
        low.name = u"雪碧 330ml"_s;
        const Product b = must(book().add(manager(), low, 2));
        low.barcode = u"6954767400002"_s;
        low.name = u"芬达 330ml"_s;
        must(book().add(manager(), low, 6)); // above
        low.barcode = u"6954767400003"_s;
        low.name = u"美年达 330ml"_s;
        const Product retired = must(book().add(manager(), low, 0));
        QVERIFY(book().retire(manager(), retired.id));
        const QList<Product> list = must(book().lowStock());
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).id, b.id); // the emptiest first
        QCOMPARE(list.at(1).id, a.id);
        QVERIFY(list.at(0).isLow());
    }

    void aRetiredProductIsKeptButNotSold()
    {
        const Product added = must(book().add(manager(), cola(), 10));
        const CashTaken sold = must(till().takeCash({{added.id, 1}}, 300, u"alice"_s));
        QVERIFY(book().retire(manager(), added.id));
        auto refused = till().placeOrder({{added.id, 1}}, u"alice"_s);
        QCOMPARE(refused.error().code, ErrorCode::ProductRetired);
        QVERIFY(refused.error().message.contains(u"可口可乐"_s));
        // Its sale still names it; the counter's list no longer shows it.
        QCOMPARE(m_shop->ledger.orders->items(sold.order.id).first().name, u"可口可乐 330ml"_s);
        for (const Product &product : m_shop->ledger.catalog->products())
            QVERIFY(product.id != added.id);
        QVERIFY(must(book().product(added.id))->isRetired());
        QVERIFY(book().restore(manager(), added.id));
        QVERIFY(till().placeOrder({{added.id, 1}}, u"alice"_s));
    }

    void anOpenPriceIsTypedWithinItsLimit()
    {
        ProductDraft fruit;
        fruit.barcode = u"2000001"_s;
        fruit.name = u"散装水果"_s;
        fruit.price = 0;
        fruit.openPriceMax = 5000;
        fruit.quickKey = true;
        const Product added = must(book().add(manager(), fruit, 100));
        QVERIFY(added.hasOpenPrice());
        QVERIFY(added.quickKey);
        const Order order = must(till().placeOrder({{added.id, 1, 1280}}, u"alice"_s));
        QCOMPARE(order.total, 1280);
        QCOMPARE(till().placeOrder({{added.id, 1, 5001}}, u"alice"_s).error().code,
                 ErrorCode::BadPrice);
        QCOMPARE(till().placeOrder({{added.id, 1, 0}}, u"alice"_s).error().code,
                 ErrorCode::BadPrice);
        QCOMPARE(till().placeOrder({{added.id, 1}}, u"alice"_s).error().code, ErrorCode::BadPrice);
        // A fixed price is never typed over.
        QCOMPARE(till().placeOrder({{m_shop->product("6901"), 1, 1}}, u"alice"_s).error().code,
                 ErrorCode::BadPrice);
    }

    void noSaleOfGoodsTheShelfDoesNotHave()
    {
        // Chocolate: 5 on the shelf.
        const qint64 chocolate = m_shop->product("6903");
        const Order held = must(till().placeOrder({{chocolate, 4}}, u"alice"_s));
        auto refused = till().placeOrder({{chocolate, 2}}, u"bob"_s);
        QCOMPARE(refused.error().code, ErrorCode::OutOfStock);
        QVERIFY2(refused.error().message.contains(u"Only 1 of Chocolate"_s),
                 qPrintable(refused.error().message));
        // Nothing of the refused order is left behind: the last one still sells.
        QCOMPARE(must(book().product(chocolate))->reserved, 4);
        QVERIFY(till().placeOrder({{chocolate, 1}}, u"bob"_s));
        QCOMPARE(till().takeCash({{chocolate, 1}}, 850, u"bob"_s).error().code,
                 ErrorCode::OutOfStock);
        // A cancel gives the reservation back.
        QVERIFY(till().requestCancel(held.id, u"alice"_s));
        QVERIFY(till().takeCash({{chocolate, 4}}, 3400, u"alice"_s));
        QCOMPARE(must(book().product(chocolate))->stock, 1);
    }

    void aShopMaySellBeyondItsStock()
    {
        const qint64 chocolate = m_shop->product("6903");
        till().setSellsBeyondStock(true);
        QVERIFY(till().takeCash({{chocolate, 7}}, 5950, u"alice"_s));
        QCOMPARE(must(book().product(chocolate))->stock, -2);
    }
};

QTEST_GUILESS_MAIN(TestProductBook)
#include "tst_productbook.moc"
