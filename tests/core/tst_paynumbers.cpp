#include "ids/paynumbers.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace shouyin;

class TestPayNumbers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void terminalIds()
    {
        QVERIFY(PayNumbers::isValidTerminalId(u"T01"_s));
        QVERIFY(PayNumbers::isValidTerminalId(u"ABCDEFGH"_s));
        QVERIFY(!PayNumbers::isValidTerminalId(u"ABCDEFGHI"_s));
        QVERIFY(!PayNumbers::isValidTerminalId(QString()));
        QVERIFY(!PayNumbers::isValidTerminalId(u"T-1"_s));
        QVERIFY(!PayNumbers::isValidTerminalId(u"收银1"_s));
    }

    void orderNumberFormat()
    {
        QCOMPARE(PayNumbers::orderNumber(u"T01"_s, QDate(2026, 11, 23), 7), u"T01-20261123-0007"_s);
        QCOMPARE(PayNumbers::orderNumber(u"T01"_s, QDate(2026, 11, 23), 123456),
                 u"T01-20261123-123456"_s);
        QVERIFY(PayNumbers::isProviderLegal(
            PayNumbers::orderNumber(u"ABCDEFGH"_s, QDate(2026, 1, 1), 9999)));
    }

    void paymentNumbersAreLegalAndUniqueAtTheSameSecond()
    {
        const QDateTime now(QDate(2026, 11, 23), QTime(10, 45, 2), Qt::UTC);
        QSet<QString> seen;
        for (int i = 0; i < 10000; ++i) {
            const QString number = PayNumbers::paymentNumber(u"ABCDEFGH"_s, now);
            QVERIFY2(PayNumbers::isProviderLegal(number), qPrintable(number));
            QVERIFY(number.startsWith(u"ABCDEFGH20261123104502"_s));
            seen.insert(number);
        }
        QCOMPARE(seen.size(), 10000);
    }

    void paymentNumberUsesUtcWhateverTheZone()
    {
        const QDateTime beijing(QDate(2026, 11, 24), QTime(2, 0, 0), QTimeZone(8 * 3600));
        QVERIFY(PayNumbers::paymentNumber(u"T1"_s, beijing).startsWith(u"T120261123180000"_s));
    }

    void providerLegality()
    {
        QVERIFY(PayNumbers::isProviderLegal(u"a_b-c|d*e"_s));
        QVERIFY(!PayNumbers::isProviderLegal(QString(33, u'a')));
        QVERIFY(!PayNumbers::isProviderLegal(u"a b"_s));
        QVERIFY(!PayNumbers::isProviderLegal(QString()));
    }
};

QTEST_GUILESS_MAIN(TestPayNumbers)
#include "tst_paynumbers.moc"
