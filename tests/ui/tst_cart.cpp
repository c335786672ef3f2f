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
