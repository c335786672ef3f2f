// Discount arithmetic in integer fen: percents rounded half up, the whole-sale discount
// and the round-off (抹零) split over the lines by largest remainder, and the lines' nets
// adding up to the total on every sale. Every expected figure is worked out by hand.
#include "money/discount.h"
#include "store/records.h"

#include <QRandomGenerator>
#include <QTest>

#include <numeric>

using namespace shouyin;

Q_DECLARE_METATYPE(QList<Fen>)

class TestDiscounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void off_data()
    {
        QTest::addColumn<int>("percent");
        QTest::addColumn<Fen>("amount");
        QTest::addColumn<Fen>("price");
        QTest::addColumn<Fen>("expected"); // -1: refused
        QTest::newRow("none") << 0 << Fen(0) << Fen(1234) << Fen(0);
        // 999 × 10% = 99.9 → 100
        QTest::newRow("10% of 9.99") << 10 << Fen(0) << Fen(999) << Fen(100);
        // 333 × 15% = 49.95 → 50 (a half goes up)
        QTest::newRow("15% of 3.33") << 15 << Fen(0) << Fen(333) << Fen(50);
        // 333 × 12% = 39.96 → 40; 101 × 12% = 12.12 → 12
        QTest::newRow("12% of 3.33") << 12 << Fen(0) << Fen(333) << Fen(40);
        QTest::newRow("12% of 1.01") << 12 << Fen(0) << Fen(101) << Fen(12);
        QTest::newRow("50% of 0.01") << 50 << Fen(0) << Fen(1) << Fen(1);
        QTest::newRow("100%") << 100 << Fen(0) << Fen(1234) << Fen(1234);
        QTest::newRow("amount") << 0 << Fen(150) << Fen(1234) << Fen(150);
        QTest::newRow("amount = price") << 0 << Fen(1234) << Fen(1234) << Fen(1234);
        QTest::newRow("amount > price") << 0 << Fen(1235) << Fen(1234) << Fen(-1);
        QTest::newRow("101%") << 101 << Fen(0) << Fen(1234) << Fen(-1);
        QTest::newRow("negative percent") << -5 << Fen(0) << Fen(1234) << Fen(-1);
        QTest::newRow("negative amount") << 0 << Fen(-1) << Fen(1234) << Fen(-1);
        QTest::newRow("both") << 10 << Fen(100) << Fen(1234) << Fen(-1);
        // Near the largest sale the percent never overflows: (kMaxSale) × 99% exactly.
        const Fen big = Discounts::kMaxSale;
        QTest::newRow("largest sale")
            << 99 << Fen(0) << big << Fen(big / 100 * 99 + (big % 100 * 99 + 50) / 100);
    }
    void off()
    {
        QFETCH(int, percent);
        QFETCH(Fen, amount);
        QFETCH(Fen, price);
        QFETCH(Fen, expected);
        const auto result = Discounts::off(Discount{percent, amount}, price);
        if (expected < 0) {
            QVERIFY(!result);
            QCOMPARE(result.error().code, ErrorCode::BadDiscount);
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, expected);
    }

    void allocate_data()
    {
        QTest::addColumn<Fen>("amount");
        QTest::addColumn<QList<Fen>>("weights");
        QTest::addColumn<QList<Fen>>("expected"); // empty: refused
        QTest::newRow("nothing") << Fen(0) << QList<Fen>{5, 7} << QList<Fen>{0, 0};
        QTest::newRow("exact") << Fen(10) << QList<Fen>{300, 200, 500} << QList<Fen>{3, 2, 5};
        // 100/3 = 33 r1 each: the one fen left goes to the first of the tied remainders.
        QTest::newRow("thirds") << Fen(100) << QList<Fen>{100, 100, 100} << QList<Fen>{34, 33, 33};
        // 7 × 333 / 1000 = 2 r331, 2 r331, 7 × 334 = 2 r338: the largest remainder wins.
        QTest::newRow("largest remainder")
            << Fen(7) << QList<Fen>{333, 333, 334} << QList<Fen>{2, 2, 3};
        QTest::newRow("a free line takes none") << Fen(5) << QList<Fen>{0, 100} << QList<Fen>{0, 5};
        QTest::newRow("all of it") << Fen(9) << QList<Fen>{4, 5} << QList<Fen>{4, 5};
        QTest::newRow("more than there is") << Fen(10) << QList<Fen>{4, 5} << QList<Fen>{};
        QTest::newRow("negative weight") << Fen(1) << QList<Fen>{-4, 5} << QList<Fen>{};
        QTest::newRow("negative amount") << Fen(-1) << QList<Fen>{4, 5} << QList<Fen>{};
    }
    void allocate()
    {
        QFETCH(Fen, amount);
        QFETCH(QList<Fen>, weights);
        QFETCH(QList<Fen>, expected);
        const auto parts = Discounts::allocate(amount, weights);
        if (expected.isEmpty()) {
            QVERIFY(!parts);
            QCOMPARE(parts.error().code, ErrorCode::BadDiscount);
            return;
        }
        QVERIFY(parts.ok());
        QCOMPARE(*parts, expected);
    }

    void roundOff_data()
    {
        QTest::addColumn<Fen>("total");
        QTest::addColumn<int>("mode");
        QTest::addColumn<Fen>("dropped");
        QTest::newRow("none") << Fen(1234) << int(RoundOff::None) << Fen(0);
        QTest::newRow("jiao") << Fen(1234) << int(RoundOff::Jiao) << Fen(4);
        QTest::newRow("yuan") << Fen(1234) << int(RoundOff::Yuan) << Fen(34);
        QTest::newRow("whole already") << Fen(1200) << int(RoundOff::Yuan) << Fen(0);
        // Rounding ¥0.56 to whole yuan would leave nothing to pay: nothing is dropped.
        QTest::newRow("under a yuan") << Fen(56) << int(RoundOff::Yuan) << Fen(0);
        QTest::newRow("under a yuan, jiao") << Fen(56) << int(RoundOff::Jiao) << Fen(6);
        QTest::newRow("one fen") << Fen(1) << int(RoundOff::Jiao) << Fen(0);
    }
    void roundOff()
    {
        QFETCH(Fen, total);
        QFETCH(int, mode);
        QFETCH(Fen, dropped);
        QCOMPARE(Discounts::roundOffOf(total, RoundOff(mode)), dropped);
    }

    void priceSale()
    {
        // Two waters at 5.00 with 10% off the line (1.00), a 3.50 line, 20% off the sale.
        // Subtotal 9.00 + 3.50 = 12.50; 20% = 2.50, split 9:3.5 → 1.80 and 0.70.
        auto sale = Discounts::price({1000, 350}, {Discount::percentOff(10)},
                                     Discount::percentOff(20), RoundOff::Jiao);
        QVERIFY(sale.ok());
        QCOMPARE(sale->gross, Fen(1350));
        QCOMPARE(sale->lineDiscounts, Fen(100));
        QCOMPARE(sale->saleDiscount, Fen(250));
        QCOMPARE(sale->roundOff, Fen(0));
        QCOMPARE(sale->total, Fen(1000));
        QCOMPARE(sale->lines.at(0).share, Fen(180));
        QCOMPARE(sale->lines.at(1).share, Fen(70));
        QCOMPARE(sale->lines.at(0).net(), Fen(720));
        QCOMPARE(sale->lines.at(1).net(), Fen(280));
    }
    void priceSaleRoundsOff()
    {
        // 12.34 + 6.22 = 18.56; to whole yuan drops 0.56, split 1234:622 of 1856:
        // 56 × 1234 = 69104 → 37 r432; 56 × 622 = 34832 → 18 r1424; the fen left → line 2.
        auto sale = Discounts::price({1234, 622}, {}, {}, RoundOff::Yuan);
        QVERIFY(sale.ok());
        QCOMPARE(sale->roundOff, Fen(56));
        QCOMPARE(sale->total, Fen(1800));
        QCOMPARE(sale->lines.at(0).share, Fen(37));
        QCOMPARE(sale->lines.at(1).share, Fen(19));
        QCOMPARE(sale->discounted(), Fen(0)); // dropping change is not a discount given
    }
    void priceSaleAmountOff()
    {
        // 5.00 off a 3.00 line is refused; 5.00 off a 4.00 sale too.
        QCOMPARE(
            Discounts::price({300}, {Discount::amountOff(500)}, {}, RoundOff::None).error().code,
            ErrorCode::BadDiscount);
        QCOMPARE(
            Discounts::price({300, 100}, {}, Discount::amountOff(500), RoundOff::None).error().code,
            ErrorCode::BadDiscount);
        auto sale = Discounts::price({300, 100}, {}, Discount::amountOff(100), RoundOff::None);
        QVERIFY(sale.ok());
        QCOMPARE(sale->total, Fen(300));
        QCOMPARE(sale->lines.at(0).share, Fen(75));
        QCOMPARE(sale->lines.at(1).share, Fen(25));
    }

    // Any sale, any discounts: the nets add up to the total, no net is negative, and the
    // total is what the gross less every discount leaves.
    void noDrift()
    {
        QRandomGenerator random(20261206); // fixed: the same sales on every run
        for (int round = 0; round < 20000; ++round) {
            QList<Fen> gross;
            QList<Discount> lines;
            const int count = random.bounded(1, 12);
            for (int i = 0; i < count; ++i) {
                const Fen price = random.bounded(0, 100000);
                gross.append(price * random.bounded(1, 20));
                const int kind = random.bounded(3);
                lines.append(kind == 0   ? Discount{}
                             : kind == 1 ? Discount::percentOff(random.bounded(0, 101))
                                         : Discount::amountOff(random.bounded(gross.last() + 1)));
            }
            const Fen subtotalBound = std::accumulate(gross.cbegin(), gross.cend(), Fen(0));
            const Discount sale = random.bounded(2) == 0
                                      ? Discount::percentOff(random.bounded(0, 101))
                                      : Discount::amountOff(random.bounded(subtotalBound / 4 + 1));
            const auto mode = RoundOff(random.bounded(3));
            const auto priced = Discounts::price(gross, lines, sale, mode);
            if (!priced) {
                // Only an amount larger than what is left after the lines' own discounts.
                QCOMPARE(priced.error().code, ErrorCode::BadDiscount);
                QVERIFY(sale.amount > 0);
                continue;
            }
            Fen nets = 0;
            for (const PricedLine &line : priced->lines) {
                QVERIFY(line.net() >= 0);
                nets += line.net();
            }
            QCOMPARE(nets, priced->total);
            QCOMPARE(priced->total, priced->gross - priced->lineDiscounts - priced->saleDiscount -
                                        priced->roundOff);
            QVERIFY(priced->roundOff < 100);
        }
    }

    void limits()
    {
        const DiscountLimits limits{10};
        auto within = Discounts::price({1000}, {Discount::amountOff(100)}, {}, RoundOff::None);
        auto beyond = Discounts::price({1000}, {Discount::amountOff(101)}, {}, RoundOff::None);
        QVERIFY(!limits.needsApproval(*within));
        QVERIFY(limits.needsApproval(*beyond));
        // Small change dropped is not counted: 0.99 off a 1.99 sale.
        auto dropped = Discounts::price({199}, {}, {}, RoundOff::Yuan);
        QCOMPARE(dropped->roundOff, Fen(99));
        QVERIFY(!limits.needsApproval(*dropped));
        // A shop that lets no cashier discount anything.
        QVERIFY(DiscountLimits{0}.needsApproval(
            *Discounts::price({1000}, {Discount::amountOff(1)}, {}, RoundOff::None)));
        QVERIFY(DiscountLimits{100}.needsApproval(*beyond) == false);
    }

    // A discounted line comes back in steps worth exactly what was paid for it.
    void returnedValue()
    {
        OrderItem item;
        item.unitPrice = 400;
        item.quantity = 3;
        item.discount = 100;
        item.share = 100; // net 10.00 over three units
        QCOMPARE(item.net(), Fen(1000));
        QCOMPARE(item.valueOf(0, 1), Fen(333));
        QCOMPARE(item.valueOf(1, 1), Fen(333));
        QCOMPARE(item.valueOf(2, 1), Fen(334));
        QCOMPARE(item.valueOf(0, 2) + item.valueOf(2, 1), Fen(1000));
        QCOMPARE(item.valueOf(0, 3), Fen(1000));
        OrderItem plain;
        plain.unitPrice = 250;
        plain.quantity = 4;
        QCOMPARE(plain.valueOf(1, 2), Fen(500));
    }
};

QTEST_GUILESS_MAIN(TestDiscounts)
#include "tst_discounts.moc"
