#include "checkout/cart.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

Product product(qint64 id, Fen price, const QString &name = {})
{
    Product p;
    p.id = id;
    p.barcode = u"690000000000%1"_s.arg(id);
    p.name = name.isEmpty() ? u"Product %1"_s.arg(id) : name;
    p.price = price;
    return p;
}

} // namespace

class TestCart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyCart()
    {
        Cart cart;
        QVERIFY(cart.isEmpty());
        QCOMPARE(cart.total(), Fen(0));
        QCOMPARE(cart.itemCount(), 0);
        QVERIFY(cart.toCartLines().isEmpty());
    }

    void totalsInFen()
    {
        // 0.10 + 0.20 is not 0.30 in binary floating point; in fen it is exact.
        Cart cart;
        QCOMPARE(cart.add(product(1, 10)), 0);
        QCOMPARE(cart.add(product(2, 20)), 1);
        QCOMPARE(cart.total(), Fen(30));
        QCOMPARE(cart.add(product(3, 199), 3), 2);
        QCOMPARE(cart.total(), Fen(30 + 597));
        QCOMPARE(cart.at(2).lineTotal(), Fen(597));
        QCOMPARE(cart.itemCount(), 5);
    }

    void anOpenPriceTypedDifferentlyIsALineOfItsOwn()
    {
        Cart cart;
        Product fruit = product(9, 1280, u"散装水果"_s);
        fruit.openPriceMax = 5000;
        QCOMPARE(cart.add(fruit), 0);
        fruit.price = 990;
        QCOMPARE(cart.add(fruit), 1);
        QCOMPARE(cart.add(fruit), 1); // the same typed price adds to its line
        QCOMPARE(cart.total(), Fen(1280 + 2 * 990));
        const QList<CartLine> lines = cart.toCartLines();
        QCOMPARE(lines.at(0).typedPrice, std::optional<Fen>(1280));
        QCOMPARE(lines.at(1).typedPrice, std::optional<Fen>(990));
        // A fixed price is never sent as typed.
        cart.add(product(1, 10));
        QCOMPARE(cart.toCartLines().at(2).typedPrice, std::nullopt);
    }

    void sameProductIncrements()
    {
        Cart cart;
        const Product water = product(7, 200, u"农夫山泉 550ml"_s);
        QCOMPARE(cart.add(water), 0);
        QCOMPARE(cart.add(product(8, 300)), 1);
        QCOMPARE(cart.add(water), 0); // back to its own line, not a new one
        QCOMPARE(cart.size(), 2);
        QCOMPARE(cart.at(0).quantity, 2);
        QCOMPARE(cart.at(0).product.name, u"农夫山泉 550ml"_s);
        QCOMPARE(cart.total(), Fen(2 * 200 + 300));

        const QList<CartLine> lines = cart.toCartLines();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).productId, qint64(7));
        QCOMPARE(lines.at(0).quantity, 2);
        QCOMPARE(lines.at(1).productId, qint64(8));
        QCOMPARE(lines.at(1).quantity, 1);
    }

    void setQuantity()
    {
        Cart cart;
        cart.add(product(1, 250));
        QVERIFY(cart.setQuantity(0, 4));
        QCOMPARE(cart.total(), Fen(1000));
        QVERIFY(!cart.setQuantity(0, -1));
        QVERIFY(!cart.setQuantity(1, 2)); // no such row
        QVERIFY(!cart.setQuantity(0, Cart::kMaxQuantity + 1));
        QCOMPARE(cart.at(0).quantity, 4);
        QVERIFY(cart.setQuantity(0, 0)); // zero removes the line
        QVERIFY(cart.isEmpty());
    }

    void remove()
    {
        Cart cart;
        cart.add(product(1, 100));
        cart.add(product(2, 200));
        cart.add(product(3, 300));
        QVERIFY(cart.remove(1));
        QCOMPARE(cart.size(), 2);
        QCOMPARE(cart.at(0).product.id, qint64(1));
        QCOMPARE(cart.at(1).product.id, qint64(3));
        QCOMPARE(cart.total(), Fen(400));
        QCOMPARE(cart.indexOf(2), -1);
        QVERIFY(!cart.remove(2));
        QVERIFY(!cart.remove(-1));
    }

    void clear()
    {
        Cart cart;
        cart.add(product(1, 100), 2);
        cart.add(product(2, 200));
        cart.clear();
        QVERIFY(cart.isEmpty());
        QCOMPARE(cart.total(), Fen(0));
        QVERIFY(cart.toCartLines().isEmpty());
        QCOMPARE(cart.add(product(1, 100)), 0); // usable again
    }

    // Discounts as the cashier gives them: all or nothing, dropped when the lines shrink
    // under them, and every approval gone with a change of the discounts or the sale.
    void discounts()
    {
        Cart cart;
        cart.add(product(1, 500), 2); // 10.00
        cart.add(product(2, 350));    // 3.50
        QVERIFY(cart.give({0, Discount::amountOff(300), RoundOff::None}));
        QCOMPARE(cart.at(0).discountedTotal(), Fen(700));
        QCOMPARE(cart.total(), Fen(1050));
        QVERIFY(cart.give({-1, Discount::percentOff(10), RoundOff::Jiao}));
        // 10.50 − 1.05 = 9.45 → 9.40 to whole jiao.
        QCOMPARE(cart.total(), Fen(940));
        QVERIFY(cart.hasDiscounts());

        // More than the line or the sale costs is refused, and nothing changes.
        QVERIFY(!cart.give({1, Discount::amountOff(351), RoundOff::None}));
        QVERIFY(!cart.give({-1, Discount::amountOff(1051), RoundOff::None}));
        QVERIFY(!cart.give({-1, Discount::percentOff(101), RoundOff::None}));
        QCOMPARE(cart.total(), Fen(940));
        QCOMPARE(cart.roundOff(), RoundOff::Jiao);

        // What the checkout is asked to sell; nobody approved anything here.
        const Sale sale = cart.toSale();
        QVERIFY(!sale.approver.isSignedIn());
        QCOMPARE(sale.lines.at(0).discount, Discount::amountOff(300));
        QCOMPARE(sale.discount, Discount::percentOff(10));
        QCOMPARE(sale.roundOff, RoundOff::Jiao);

        // One water fewer: 3.00 off a 5.00 line still fits; none fewer, it would not.
        QVERIFY(cart.setQuantity(0, 1));
        QCOMPARE(cart.at(0).discount, Discount::amountOff(300));
        QVERIFY(cart.give({0, Discount::amountOff(500), RoundOff::None}));
        QVERIFY(cart.add(product(1, 500)) == 0);
        QVERIFY(cart.setQuantity(0, 1));
        QCOMPARE(cart.at(0).discount, Discount::amountOff(500));

        cart.clear();
        QVERIFY(!cart.hasDiscounts());
        QCOMPARE(cart.saleDiscount(), Discount());
    }

    void aLineThatShrinksLosesTheAmountThatNoLongerFits()
    {
        Cart cart;
        cart.add(product(1, 200), 3); // 6.00
        QVERIFY(cart.give({0, Discount::amountOff(500), RoundOff::None}));
        QCOMPARE(cart.total(), Fen(100));
        QVERIFY(cart.setQuantity(0, 2)); // 4.00: 5.00 off no longer fits
        QVERIFY(cart.at(0).discount.isNone());
        QCOMPARE(cart.total(), Fen(400));
        // A sale's amount goes the same way when a line is removed under it.
        cart.add(product(2, 100));
        QVERIFY(cart.give({-1, Discount::amountOff(450), RoundOff::None}));
        QCOMPARE(cart.total(), Fen(50));
        QVERIFY(cart.remove(0));
        QVERIFY(cart.saleDiscount().isNone());
        QCOMPARE(cart.total(), Fen(100));
    }

    void refusesNonsense()
    {
        Cart cart;
        QCOMPARE(cart.add(product(1, 100), 0), -1);
        QCOMPARE(cart.add(product(1, 100), -2), -1);
        QCOMPARE(cart.add(product(2, -5)), -1);
        QVERIFY(cart.isEmpty());
        QCOMPARE(cart.add(product(1, 100), Cart::kMaxQuantity), 0);
        QCOMPARE(cart.add(product(1, 100)), -1); // one more than the limit
        QCOMPARE(cart.at(0).quantity, Cart::kMaxQuantity);
    }

    void refusesOverflow()
    {
        constexpr Fen kMax = std::numeric_limits<Fen>::max();
        const Fen half = kMax / 2; // 2 * half == kMax - 1
        Cart cart;
        QCOMPARE(cart.add(product(1, half)), 0);
        QCOMPARE(cart.add(product(2, half)), 1);
        QCOMPARE(cart.add(product(3, 1)), 2); // exactly kMax
        QCOMPARE(cart.total(), kMax);
        QCOMPARE(cart.add(product(4, 1)), -1); // one fen more does not fit
        QVERIFY(!cart.setQuantity(0, 2));
        QCOMPARE(cart.add(product(3, 1)), -1);
        QCOMPARE(cart.total(), kMax);

        Cart single;
        QCOMPARE(single.add(product(5, kMax / 3 + 1), 3), -1); // the line itself overflows
        QVERIFY(single.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCart)
#include "tst_cart.moc"
