#include "util/shopclock.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

// The till's days are the shop's, never the machine's: the suite also runs with TZ set
// far from Shanghai (scripts/test), where the two disagree for most of the day.
class TestShopClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nowIsTheSourceInUtc()
    {
        const QTimeZone shanghai = ShopClock::defaultZone();
        const QDateTime local(QDate(2026, 11, 23), QTime(9, 30), shanghai);
        const ShopClock clock(shanghai, [local] { return local; });
        QCOMPARE(clock.now(), local);
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
        QCOMPARE(clock.now().time(), QTime(1, 30));
    }

    void daysAreCountedInTheShopsZone()
    {
        // 23:30 UTC on the 22nd is 07:30 on the 23rd in Shanghai.
        const QDateTime lateUtc(QDate(2026, 11, 22), QTime(23, 30), Qt::UTC);
        const ShopClock shanghai(ShopClock::defaultZone(), [lateUtc] { return lateUtc; });
        QCOMPARE(shanghai.today(), QDate(2026, 11, 23));
        const ShopClock utc(QTimeZone::utc(), [lateUtc] { return lateUtc; });
        QCOMPARE(utc.today(), QDate(2026, 11, 22));
        QCOMPARE(shanghai.dayOf(lateUtc.addSecs(-8 * 3600)), QDate(2026, 11, 22));
    }

    void defaultsToChinaStandardTime()
    {
        const ShopClock clock;
        QVERIFY(clock.zone().isValid());
        QCOMPARE(clock.zone().offsetFromUtc(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC)),
                 8 * 3600);
        // An invalid zone is never used: it would put every day in UTC.
        QCOMPARE(ShopClock(QTimeZone()).zone(), ShopClock::defaultZone());
        QVERIFY(!ShopClock::zoneNamed(u"Mars/Olympus"_s).isValid());
    }

    void systemSourceIsTheSystemClock()
    {
        const ShopClock clock;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QDateTime now = clock.now();
        QVERIFY(now >= before);
        QVERIFY(now <= QDateTime::currentDateTimeUtc());
    }
};

QTEST_GUILESS_MAIN(TestShopClock)
#include "tst_shopclock.moc"
