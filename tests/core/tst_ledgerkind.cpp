// A training till never opens a shop's sales, and a shop till never a training ledger.

#include "store/database.h"
#include "store/ledgerkind.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace shouyin {

class TestLedgerKind : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Database> open(const QString &name)
    {
        auto db = Database::openSqlite(m_dir.filePath(name));
        if (!db)
            qWarning("%s", qPrintable(db.error().message));
        return db ? std::move(db).value() : nullptr;
    }

    static void addOrder(Database &db)
    {
        QSqlQuery query(db.connection());
        if (!query.exec(
                u"INSERT INTO orders (order_no, terminal_id, status, total_fen, "
                "created_at, updated_at, operator) VALUES ('T01-1', 'T01', 'PAID', 100, 0, 0, 'a')"_s))
            qWarning("cannot add an order");
    }

private Q_SLOTS:
    void aNewDatabaseBecomesWhoeverOpensItFirst_data()
    {
        QTest::addColumn<LedgerKind>("first");
        QTest::addColumn<LedgerKind>("other");
        QTest::newRow("shop") << LedgerKind::Shop << LedgerKind::Training;
        QTest::newRow("training") << LedgerKind::Training << LedgerKind::Shop;
    }
    void aNewDatabaseBecomesWhoeverOpensItFirst()
    {
        QFETCH(LedgerKind, first);
        QFETCH(LedgerKind, other);
        const QString name = u"new-%1.sqlite"_s.arg(QLatin1StringView(QTest::currentDataTag()));
        {
            auto db = open(name);
            QVERIFY(db);
            QVERIFY(LedgerClaim::claim(*db, first));
            QVERIFY(LedgerClaim::claim(*db, first)); // again: still its own
        }
        auto db = open(name);
        QVERIFY(db);
        const Status refused = LedgerClaim::claim(*db, other);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Store);
        QVERIFY2(refused.error().message.contains(m_dir.filePath(name)),
                 qPrintable(refused.error().message));
        QVERIFY(LedgerClaim::claim(*db, first));
    }

    void anUnmarkedDatabaseWithSalesIsAShops()
    {
        auto db = open(u"old-shop.sqlite"_s);
        QVERIFY(db);
        addOrder(*db);
        QVERIFY(!LedgerClaim::claim(*db, LedgerKind::Training));
        QVERIFY(LedgerClaim::claim(*db, LedgerKind::Shop));
        QVERIFY(!LedgerClaim::claim(*db, LedgerKind::Training));
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestLedgerKind)
#include "tst_ledgerkind.moc"
