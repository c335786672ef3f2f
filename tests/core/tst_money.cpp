#include "money/money.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace shouyin;

class TestMoney : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatYuan_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << Fen(0) << u"0.00"_s;
        QTest::newRow("one fen") << Fen(1) << u"0.01"_s;
        QTest::newRow("ten fen") << Fen(10) << u"0.10"_s;
        QTest::newRow("yuan") << Fen(1230) << u"12.30"_s;
        QTest::newRow("negative") << Fen(-5) << u"-0.05"_s;
        QTest::newRow("min") << std::numeric_limits<Fen>::min() << u"-92233720368547758.08"_s;
    }
    void formatYuan()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, text);
        QCOMPARE(shouyin::formatYuan(fen), text);
    }

    void parseYuan_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("fen"); // -1: refused
        QTest::newRow("integer") << u"12"_s << Fen(1200);
        QTest::newRow("one decimal") << u"12.3"_s << Fen(1230);
        QTest::newRow("two decimals") << u"12.30"_s << Fen(1230);
        QTest::newRow("cents") << u"0.01"_s << Fen(1);
        QTest::newRow("floating trap") << u"0.29"_s << Fen(29); // 0.29 * 100 = 28.999… in binary
        QTest::newRow("three decimals") << u"1.005"_s << Fen(-1);
        QTest::newRow("empty") << QString() << Fen(-1);
        QTest::newRow("dot only") << u"."_s << Fen(-1);
        QTest::newRow("trailing dot") << u"1."_s << Fen(-1);
        QTest::newRow("exponent") << u"1e3"_s << Fen(-1);
        QTest::newRow("space") << u" 1.00"_s << Fen(-1);
        QTest::newRow("plus") << u"+1.00"_s << Fen(-1);
        QTest::newRow("overflow") << u"99999999999999999999"_s << Fen(-1);
        QTest::newRow("max") << u"92233720368547758.07"_s << std::numeric_limits<Fen>::max();
        QTest::newRow("just over max") << u"92233720368547758.08"_s << Fen(-1);
    }
    void parseYuan()
    {
        QFETCH(QString, text);
        QFETCH(qint64, fen);
        const auto parsed = shouyin::parseYuan(text);
        if (fen < 0)
            QVERIFY2(!parsed, qPrintable(text));
        else
            QCOMPARE(parsed.value_or(-1), fen);
    }

    void parseNegativeYuan() { QCOMPARE(shouyin::parseYuan(u"-3.5").value_or(0), Fen(-350)); }

    void roundTrip()
    {
        for (Fen fen : {Fen(0), Fen(7), Fen(99), Fen(100), Fen(123456789), Fen(-42)})
            QCOMPARE(shouyin::parseYuan(shouyin::formatYuan(fen)).value_or(-999), fen);
    }

    void parseFen()
    {
        QCOMPARE(shouyin::parseFen(u"1234").value_or(-1), Fen(1234));
        QVERIFY(!shouyin::parseFen(u"12.34"));
        QVERIFY(!shouyin::parseFen(u"-1"));
        QVERIFY(!shouyin::parseFen(u""));
        QVERIFY(!shouyin::parseFen(u"9223372036854775808"));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
