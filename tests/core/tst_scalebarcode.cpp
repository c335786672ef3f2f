#include "catalog/scalebarcode.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

// outcome: "reading", "none" (an ordinary barcode) or "error"; price and grams -1: none.
void checkRead(const ScaleReadResult &result, const QString &outcome, const QString &itemCode,
               qint64 price, int grams)
{
    if (outcome == u"error") {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Catalog);
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    if (outcome == u"none") {
        QVERIFY(!result->has_value());
        return;
    }
    QVERIFY(result->has_value());
    const ScaleReading &reading = **result;
    QCOMPARE(reading.itemCode, itemCode);
    QCOMPARE(reading.price.value_or(-1), price);
    QCOMPARE(reading.grams.value_or(-1), grams);
}

} // namespace

class TestScaleBarcode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkDigit_data()
    {
        QTest::addColumn<QString>("first12");
        QTest::addColumn<int>("digit"); // -1: not 12 digits
        // Weights 1,3,1,3… from the left; digit = (10 - sum % 10) % 10.
        // 6·1+9·3+2+1·3+1+6·3+8+5·3+0+9·3+2+5·3 = 124 → 6 (a real Coca-Cola barcode)
        QTest::newRow("6921168509256") << u"692116850925"_s << 6;
        // 4+0+0+6·3+3+8·3+1+3·3+3+3·3+9+3·3 = 89 → 1 (GS1's own example)
        QTest::newRow("4006381333931") << u"400638133393"_s << 1;
        // 2+0+1+2·3+3+4·3+5+0+1+2·3+9+9·3 = 72 → 8
        QTest::newRow("2012345012998") << u"201234501299"_s << 8;
        // 2+1·3+0+0+0+4·3+2+0+0+5·3+3+2·3 = 43 → 7
        QTest::newRow("2100042005327") << u"210004200532"_s << 7;
        QTest::newRow("sum ends in 0") << u"000000000000"_s << 0;
        QTest::newRow("11 digits") << u"20123450129"_s << -1;
        QTest::newRow("13 digits") << u"2012345012998"_s << -1;
        QTest::newRow("letter") << u"20123450129A"_s << -1;
        QTest::newRow("empty") << QString() << -1;
    }
    void checkDigit()
    {
        QFETCH(QString, first12);
        QFETCH(int, digit);
        QCOMPARE(ean13CheckDigit(first12), digit);
    }

    void priceForWeight_data()
    {
        QTest::addColumn<qint64>("perKg");
        QTest::addColumn<int>("grams");
        QTest::addColumn<qint64>("fen");
        QTest::newRow("12.99/kg x 532 g = 691.068") << Fen(1299) << 532 << Fen(691);
        QTest::newRow("exact") << Fen(1000) << 500 << Fen(500);
        QTest::newRow("0.5 up") << Fen(1) << 500 << Fen(1);
        QTest::newRow("0.499 down") << Fen(1) << 499 << Fen(0);
        QTest::newRow("1.5 up") << Fen(3) << 500 << Fen(2);
        QTest::newRow("499.5 up") << Fen(1500) << 333 << Fen(500);
        QTest::newRow("1499.5 up") << Fen(2999) << 500 << Fen(1500);
        QTest::newRow("no weight") << Fen(1299) << 0 << Fen(0);
        QTest::newRow("free") << Fen(0) << 1000 << Fen(0);
        // The naive product, about 1e18 * 1e3, does not fit 64 bits.
        QTest::newRow("no overflow") << Fen(999'999'999'999) << 999'999 << Fen(999'998'999'999'000);
        QTest::newRow("large exact")
            << Fen(1'000'000'000'000'000) << 1'000'000 << Fen(1'000'000'000'000'000'000);
    }
    void priceForWeight()
    {
        QFETCH(qint64, perKg);
        QFETCH(int, grams);
        QFETCH(qint64, fen);
        QCOMPARE(shouyin::priceForWeight(perKg, grams), fen);
    }

    void patternErrors_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QString &pattern, const QString &why) {
            QTest::newRow(name) << pattern << u"scale barcode format \"%1\" %2"_s.arg(pattern, why);
        };
        row("12 characters", u"20IIIIIPPPPC"_s, u"has 12 characters; an EAN-13 label has 13"_s);
        row("14 characters", u"20IIIIIPPPPPPC"_s, u"has 14 characters; an EAN-13 label has 13"_s);
        row("empty", QString(), u"has 0 characters; an EAN-13 label has 13"_s);
        row("unknown letter", u"20IIIIIPPPQPC"_s,
            u"has the unknown letter Q at position 11; use digits, I, P, W, X and C"_s);
        row("no item", u"20XXXXXPPPPPC"_s, u"has no item code (I)"_s);
        row("neither", u"20IIIIIXXXXXC"_s, u"has neither a price (P) nor a weight (W)"_s);
        row("both", u"20IIIIIPPPWWC"_s,
            u"has both a price (P) and a weight (W); a label carries one"_s);
        row("C not last", u"20IIIIICPPPPP"_s,
            u"has C (the check digit) at position 8; it must be last"_s);
        row("C missing", u"20IIIIIPPPPPP"_s, u"does not end with C, the EAN-13 check digit"_s);
        row("no prefix", u"IIIIIIPPPPPPC"_s,
            u"has no literal prefix: it must start with digits such as 20"_s);
        row("prefix not 2", u"69IIIIIPPPPPC"_s,
            u"has prefix 69, which does not start with 2: scale labels use the in-store range "
            "20-29"_s);
        row("digit after prefix", u"20IIII5PPPPPC"_s,
            u"has the digit 5 at position 7, after the prefix: literal digits must all come "
            "first"_s);
        row("split item", u"20IIPIIIPPPPC"_s, u"splits the I digits: they must be together"_s);
        row("weight too wide", u"2IWWWWWWWWWWC"_s, u"has 10 weight digits; at most 9"_s);
    }
    void patternErrors()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, message);
        const auto format = ScaleBarcodeFormat::parse(pattern);
        QVERIFY(!format.ok());
        QCOMPARE(format.error().code, ErrorCode::Config);
        QCOMPARE(format.error().message, message);
    }

    void patternNormalised()
    {
        const auto format = ScaleBarcodeFormat::parse(u"  21iiiiiwwwwwc "_s);
        QVERIFY(format.ok());
        QCOMPARE(format->pattern(), u"21IIIIIWWWWWC"_s);
        QCOMPARE(format->prefix(), u"21"_s);
        QVERIFY(format->weighs());
    }

    void read_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("barcode");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("itemCode");
        QTest::addColumn<qint64>("price");
        QTest::addColumn<int>("grams");
        const QString price20 = u"20IIIIIPPPPPC"_s;
        QTest::newRow("price") << price20 << u"2012345012998"_s << u"reading"_s << u"12345"_s
                               << Fen(1299) << -1;
        // 2+0+0+0+0+0+0+1·3+0+0+0+1·3 = 8 → 2
        QTest::newRow("leading zeros kept")
            << price20 << u"2000000100012"_s << u"reading"_s << u"00000"_s << Fen(10001) << -1;
        QTest::newRow("wrong check digit")
            << price20 << u"2012345012999"_s << u"error"_s << QString() << Fen(-1) << -1;
        QTest::newRow("other prefix")
            << price20 << u"2112345012998"_s << u"none"_s << QString() << Fen(-1) << -1;
        QTest::newRow("ordinary EAN")
            << price20 << u"6921168509256"_s << u"none"_s << QString() << Fen(-1) << -1;
        QTest::newRow("12 digits")
            << price20 << u"201234501299"_s << u"none"_s << QString() << Fen(-1) << -1;
        QTest::newRow("14 digits")
            << price20 << u"20123450129980"_s << u"none"_s << QString() << Fen(-1) << -1;
        QTest::newRow("non-digit")
            << price20 << u"20123A5012998"_s << u"none"_s << QString() << Fen(-1) << -1;
        QTest::newRow("space") << price20 << u" 2012345012998"_s << u"none"_s << QString()
                               << Fen(-1) << -1;
        QTest::newRow("empty") << price20 << QString() << u"none"_s << QString() << Fen(-1) << -1;
        QTest::newRow("weight") << u"21IIIIIWWWWWC"_s << u"2100042005327"_s << u"reading"_s
                                << u"00042"_s << Fen(-1) << 532;
        // 2+3·3+4+5·3+6+7·3+8+0+0+8·3+5+0 = 94 → 6
        QTest::newRow("one-digit prefix") << u"2IIIIIIPPPPPC"_s << u"2345678008506"_s
                                          << u"reading"_s << u"345678"_s << Fen(850) << -1;
        // 2+8·3+0+1·3+2+3·3+9+0+2+5·3+0+0 = 66 → 4; the 9 is the scale's own check digit
        QTest::newRow("ignored digit") << u"28IIIIXPPPPPC"_s << u"2801239025004"_s << u"reading"_s
                                       << u"0123"_s << Fen(2500) << -1;
    }
    void read()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, barcode);
        QFETCH(QString, outcome);
        QFETCH(QString, itemCode);
        QFETCH(qint64, price);
        QFETCH(int, grams);
        const auto format = ScaleBarcodeFormat::parse(pattern);
        QVERIFY(format.ok());
        QCOMPARE(format->matches(barcode), outcome != u"none");
        checkRead(format->read(barcode), outcome, itemCode, price, grams);
    }

    void wrongCheckDigitMessage()
    {
        const auto format = ScaleBarcodeFormat::parse(u"20IIIIIPPPPPC"_s);
        QVERIFY(format.ok());
        const auto result = format->read(u"2012345012990");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message,
                 u"scale label 2012345012990 has a wrong check digit (it should end in 8): "
                 "scan it again"_s);
    }

    void severalFormats_data()
    {
        QTest::addColumn<QString>("barcode");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("itemCode");
        QTest::addColumn<qint64>("price");
        QTest::addColumn<int>("grams");
        QTest::newRow("20: price")
            << u"2012345012998"_s << u"reading"_s << u"12345"_s << Fen(1299) << -1;
        QTest::newRow("21: weight")
            << u"2100042005327"_s << u"reading"_s << u"00042"_s << Fen(-1) << 532;
        // 23… is neither 20 nor 21, so the catch-all "2" reads it: 2+3·3+4+5·3+6+7·3+8+0+0
        // +8·3+5+0 = 94 → 6
        QTest::newRow("2: catch-all")
            << u"2345678008506"_s << u"reading"_s << u"345678"_s << Fen(850) << -1;
        QTest::newRow("21: bad check")
            << u"2100042005320"_s << u"error"_s << QString() << Fen(-1) << -1;
        QTest::newRow("ordinary") << u"6921168509256"_s << u"none"_s << QString() << Fen(-1) << -1;
    }
    void severalFormats()
    {
        QFETCH(QString, barcode);
        QFETCH(QString, outcome);
        QFETCH(QString, itemCode);
        QFETCH(qint64, price);
        QFETCH(int, grams);
        // The catch-all first: the longer prefixes must still win.
        const auto formats =
            ScaleBarcodeFormats::parse(u"2IIIIIIPPPPPC, 20IIIIIPPPPPC,21IIIIIWWWWWC,"_s);
        QVERIFY(formats.ok());
        QCOMPARE(formats->formats().size(), 3);
        QCOMPARE(formats->formats().constLast().prefix(), u"2"_s);
        checkRead(formats->read(barcode), outcome, itemCode, price, grams);
    }

    void formatListErrors()
    {
        const auto empty = ScaleBarcodeFormats::parse(u" , "_s);
        QVERIFY(empty.ok());
        QVERIFY(empty->isEmpty());
        checkRead(empty->read(u"2012345012998"), u"none"_s, {}, -1, -1);

        const auto bad = ScaleBarcodeFormats::parse(u"20IIIIIPPPPPC,21IIIIIWWWWW"_s);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().message,
                 u"scale barcode format \"21IIIIIWWWWW\" has 12 characters; an EAN-13 label "
                 "has 13"_s);

        const auto same = ScaleBarcodeFormats::parse(u"20IIIIIPPPPPC,20IIIIIWWWWWC"_s);
        QVERIFY(!same.ok());
        QCOMPARE(same.error().code, ErrorCode::Config);
        QCOMPARE(same.error().message,
                 u"scale barcode formats \"20IIIIIPPPPPC\" and \"20IIIIIWWWWWC\" both use "
                 "prefix 20, so their labels cannot be told apart"_s);
    }
};

QTEST_GUILESS_MAIN(TestScaleBarcode)
#include "tst_scalebarcode.moc"
