#pragma once

// A real ledger (SQLite in a temporary directory, or PostgreSQL in the _pg twin) with a small
// catalogue and a Checkout on the wall clock: the sandbox gateway runs on real time, so the till
// has to as well.

#include "checkout/checkout.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/orderstore.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

namespace shouyin {

class LedgerFixture
{
public:
    LedgerFixture()
    {
        database = testing::openTestDatabase(m_dir.filePath(QStringLiteral("shop.sqlite")));
        catalog = std::make_unique<Catalog>(*database);
        orders = std::make_unique<OrderStore>(*database);
        checkout = std::make_unique<Checkout>(*database, QStringLiteral("T01"),
                                              [] { return QDateTime::currentDateTimeUtc(); });
        QBuffer csv;
        csv.setData("barcode,name,price_yuan,stock\n"
                    "6901,Water 550ml,2.00,100\n"
                    "6903,Chocolate,8.50,5\n");
        csv.open(QIODevice::ReadOnly);
        if (!catalog->importCsv(csv))
            qFatal("cannot import the test catalogue");
    }

    Product product(const QString &barcode) const { return *catalog->byBarcode(barcode); }

    // Two waters and one chocolate: 2 * 2.00 + 8.50 = 12.50 yuan.
    Result<Order> placeSample()
    {
        return checkout->placeOrder(
            {{product(QStringLiteral("6901")).id, 2}, {product(QStringLiteral("6903")).id, 1}},
            QStringLiteral("alice"));
    }

    int count(const QString &sql) const
    {
        QSqlQuery query(database->connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
    int eventCount(const QString &kind) const
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = '%1'").arg(kind));
    }

    std::unique_ptr<Database> database;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<OrderStore> orders;
    std::unique_ptr<Checkout> checkout;

private:
    QTemporaryDir m_dir;
};

} // namespace shouyin
