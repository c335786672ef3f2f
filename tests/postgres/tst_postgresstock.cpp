// Several tills on one PostgreSQL server reaching for the same goods at the same moment:
// the last unit on the shelf is sold once (no negative stock unless the shop allows it),
// and a held sale is resumed by one till only. Runs against the shared test server, each
// round on a fresh database, each till a thread with its own connection.

#include "checkout/checkout.h"
#include "concurrenttills.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/heldsales.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

constexpr int kTills = 4;
constexpr int kRounds = 5;

QString tillName(int till)
{
    return u"T%1"_s.arg(till + 1, 2, 10, QChar(u'0'));
}

} // namespace

class tst_PostgresStock : public QObject
{
    Q_OBJECT

    DatabaseSettings m_settings;

    // A fresh database with one product, "Last Cola", `stock` on the shelf.
    std::unique_ptr<Database> freshShop(int round, qint64 stock)
    {
        m_settings = postgresServer();
        m_settings.name = u"tstock%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(round);
        if (!adminExec(u"DROP DATABASE IF EXISTS %1"_s.arg(m_settings.name)) ||
            !adminExec(u"CREATE DATABASE %1"_s.arg(m_settings.name)))
            return nullptr;
        auto opened = Database::open(m_settings);
        if (!opened)
            return nullptr;
        Catalog catalog(**opened);
        QBuffer csv;
        csv.setData("barcode,name,price_yuan,stock\n6954767400009,Last Cola,3.00," +
                    QByteArray::number(stock) + "\n");
        csv.open(QIODevice::ReadOnly);
        if (!catalog.importCsv(csv))
            return nullptr;
        return std::move(opened).value();
    }

    void dropShop() { QVERIFY(adminExec(u"DROP DATABASE %1 WITH (FORCE)"_s.arg(m_settings.name))); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(usingPostgres()); }

    void theLastUnitIsSoldOnce()
    {
        for (int round = 0; round < kRounds; ++round) {
            auto shop = freshShop(round, 1);
            QVERIFY(shop);
            const qint64 cola = Catalog(*shop).byBarcode(u"6954767400009"_s)->id;
            std::vector<QString> outcomes(kTills);
            runTillsTogether(kTills, [&](int till) {
                auto opened = Database::open(m_settings);
                if (!opened) {
                    outcomes[till] = opened.error().message;
                    return;
                }
                Checkout checkout(**opened, tillName(till));
                auto sold = checkout.takeCash({{cola, 1}}, 300, tillName(till));
                outcomes[till] = sold ? u"sold"_s : QString(errorCodeName(sold.error().code));
            });
            const QString seen = QStringList(outcomes.begin(), outcomes.end()).join(u", "_s);
            QVERIFY2(std::count(outcomes.begin(), outcomes.end(), u"sold"_s) == 1,
                     qPrintable(seen));
            QCOMPARE(std::count(outcomes.begin(), outcomes.end(), u"OUT_OF_STOCK"_s), kTills - 1);
            QCOMPARE(scalar(*shop, u"SELECT stock FROM products"_s), 0);
            QCOMPARE(scalar(*shop, u"SELECT reserved FROM products"_s), 0);
            QCOMPARE(scalar(*shop, u"SELECT COUNT(*) FROM orders"_s), 1);
            shop.reset();
            dropShop();
        }
    }

    void aShopThatSellsBeyondItsStockSellsToEveryone()
    {
        auto shop = freshShop(kRounds, 1);
        QVERIFY(shop);
        const qint64 cola = Catalog(*shop).byBarcode(u"6954767400009"_s)->id;
        std::vector<bool> sold(kTills, false);
        runTillsTogether(kTills, [&](int till) {
            auto opened = Database::open(m_settings);
            if (!opened)
                return;
            Checkout checkout(**opened, tillName(till));
            checkout.setSellsBeyondStock(true);
            auto taken = checkout.takeCash({{cola, 1}}, 300, tillName(till));
            sold[till] = taken.ok();
            if (!taken)
                qWarning() << tillName(till) << taken.error().message;
        });
        QCOMPARE(std::count(sold.begin(), sold.end(), true), kTills);
        QCOMPARE(scalar(*shop, u"SELECT stock FROM products"_s), 1 - kTills);
        shop.reset();
        dropShop();
    }

    void aHeldSaleIsResumedByOneTill()
    {
        for (int round = 0; round < kRounds; ++round) {
            auto shop = freshShop(kRounds + 1 + round, 10);
            QVERIFY(shop);
            const qint64 cola = Catalog(*shop).byBarcode(u"6954767400009"_s)->id;
            auto held =
                HeldSales(*shop, u"T09"_s)
                    .hold({{{cola, 2}, u"Last Cola"_s, 300}}, u"alice"_s, u"fetching rice"_s);
            QVERIFY(held);
            std::vector<QString> outcomes(kTills);
            runTillsTogether(kTills, [&](int till) {
                auto opened = Database::open(m_settings);
                if (!opened) {
                    outcomes[till] = opened.error().message;
                    return;
                }
                auto resumed = HeldSales(**opened, tillName(till)).resume(held->id, u"bob"_s);
                outcomes[till] =
                    resumed ? u"resumed"_s : QString(errorCodeName(resumed.error().code));
            });
            QCOMPARE(std::count(outcomes.begin(), outcomes.end(), u"resumed"_s), 1);
            QCOMPARE(std::count(outcomes.begin(), outcomes.end(), u"HELD_SALE_TAKEN"_s),
                     kTills - 1);
            // Held, it reserved nothing.
            QCOMPARE(scalar(*shop, u"SELECT reserved FROM products"_s), 0);
            shop.reset();
            dropShop();
        }
    }
};

QTEST_GUILESS_MAIN(tst_PostgresStock)
#include "tst_postgresstock.moc"
