#include "store/catalog.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QBuffer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

class TestDatabase : public QObject
{
    Q_OBJECT

    static QString pragma(Database &db, const QString &name)
    {
        QSqlQuery query(db.connection());
        query.exec(u"PRAGMA "_s + name);
        query.next();
        return query.value(0).toString();
    }

private Q_SLOTS:
    void migratesToLatestWithSafePragmas()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(u"a.sqlite"_s));
        QVERIFY(db);
        QCOMPARE(db.value()->schemaVersion(), migrations().last().version);
        QCOMPARE(pragma(*db.value(), u"journal_mode"_s), u"wal"_s);
        QCOMPARE(pragma(*db.value(), u"synchronous"_s), u"2"_s); // FULL
        QCOMPARE(pragma(*db.value(), u"foreign_keys"_s), u"1"_s);
    }

    void reopeningDoesNotMigrateTwice()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.sqlite"_s);
        {
            QVERIFY(Database::openSqlite(path));
        }
        auto again = Database::openSqlite(path);
        QVERIFY(again);
        QSqlQuery count(again.value()->connection());
        QVERIFY(count.exec(u"SELECT COUNT(*) FROM schema_version"_s) && count.next());
        QCOMPARE(count.value(0).toInt(), int(migrations().size()));
    }

    void unopenableFileIsAClearError()
    {
        auto db = Database::openSqlite(u"/proc/no-such-dir/shop.sqlite"_s);
        QVERIFY(!db);
        QCOMPARE(db.error().code, u"STORE"_s);
        QVERIFY(db.error().message.contains(u"/proc/no-such-dir/shop.sqlite"_s));
    }

    void garbageFileIsRefused()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"junk.sqlite"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        QVERIFY(!Database::openSqlite(file.fileName()));
    }

    void transactionRollsBackOnError()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(u"a.sqlite"_s));
        Status status = db.value()->transaction([&]() -> Status {
            QSqlQuery(db.value()->connection())
                .exec(u"INSERT INTO products (barcode, name, price_fen) VALUES ('1', 'x', 1)"_s);
            return Error{u"TEST"_s, u"abort"_s};
        });
        QVERIFY(!status);
        QVERIFY(Catalog(*db.value()).isEmpty());
    }

    void catalogImportIsAllOrNothing()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(u"a.sqlite"_s));
        Catalog catalog(*db.value());
        QBuffer bad;
        bad.setData("barcode,name,price_yuan,stock\n1,Good,1.00,5\n2,Bad,1.005,5\n");
        bad.open(QIODevice::ReadOnly);
        const Status status = catalog.importCsv(bad);
        QVERIFY(!status);
        QVERIFY(status.error().message.contains(u"line 3"_s));
        QVERIFY(catalog.isEmpty());

        QBuffer good;
        good.setData("barcode,name,price_yuan,stock\n1,水,2.00,5\n2,面,4.5,3\n");
        good.open(QIODevice::ReadOnly);
        QVERIFY(catalog.importCsv(good));
        QCOMPARE(catalog.byBarcode(u"2"_s)->price, Fen(450));
        QCOMPARE(catalog.byBarcode(u" 1 "_s)->name, u"水"_s);
        QCOMPARE(catalog.products().size(), 2);
    }

    void sampleCatalogueImports()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(u"a.sqlite"_s));
        Catalog catalog(*db.value());
        QFile csv(QStringLiteral(SHOUYIN_SOURCE_DIR "/resources/catalog/sample_products.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(catalog.importCsv(csv));
        QVERIFY(catalog.products().size() >= 30);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
