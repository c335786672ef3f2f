#pragma once

// A real database (SQLite file in a temporary directory, or PostgreSQL in the _pg twin)
// with a small catalogue, a Checkout on a clock the test chooses, and the reads next to it.

#include "checkout/checkout.h"
#include "pay/paymentprovider.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/orderstore.h"
#include "testdatabase.h"
#include "util/shopclock.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace shouyin::testing {

class TestLedger
{
public:
    // What the till's clock reads: `now`, which only the test moves (the default), or the
    // system clock, for suites against a sandbox gateway that runs on real time.
    enum class Time { Manual, System };

    explicit TestLedger(Time time = Time::Manual)
        : m_clock(time == Time::Manual ? ShopClock(ShopClock::defaultZone(), [this] { return now; })
                                       : ShopClock())
    {
        database = openTestDatabase(m_dir.filePath(QStringLiteral("shop.sqlite")));
        catalog = std::make_unique<Catalog>(*database);
        orders = std::make_unique<OrderStore>(*database);
        checkout = std::make_unique<Checkout>(*database, QStringLiteral("T01"), m_clock);
        QBuffer csv;
        csv.setData("barcode,name,price_yuan,stock\n"
                    "6901,Water 550ml,2.00,100\n"
                    "6902,Noodles,4.50,10\n"
                    "6903,Chocolate,8.50,5\n");
        csv.open(QIODevice::ReadOnly);
        if (!catalog->importCsv(csv))
            qFatal("cannot import the test catalogue");
    }

    TestLedger(const TestLedger &) = delete; // the clock points at this `now`
    TestLedger &operator=(const TestLedger &) = delete;

    // The clock of the ledger's till: give it to every other service of the same till.
    const ShopClock &clock() const { return m_clock; }

    qint64 productId(const QString &barcode) const { return catalog->byBarcode(barcode)->id; }
    Product product(const QString &barcode) const { return *catalog->byBarcode(barcode); }

    // Two waters and one chocolate: 2 * 2.00 + 8.50 = 12.50 yuan.
    Result<Order> tryPlaceSample()
    {
        return checkout->placeOrder(
            {{productId(QStringLiteral("6901")), 2}, {productId(QStringLiteral("6903")), 1}},
            QStringLiteral("alice"));
    }
    // The same, for tests whose subject is not placing orders.
    Order placeSample()
    {
        auto order = tryPlaceSample();
        if (!order)
            qFatal("placeOrder failed: %s", qPrintable(order.error().message));
        return order.value();
    }

    // The sample order with an attempt whose QR `provider` issued (a real provider, against
    // the sandbox): a payment as it is while the customer looks at the screen.
    Payment openWithQr(PaymentProvider &provider, QObject *context)
    {
        return openWithQr(provider, context, placeSample());
    }
    // The same for `order`, placed by the test.
    Payment openWithQr(PaymentProvider &provider, QObject *context, const Order &order)
    {
        auto payment = checkout->openPayment(order.id, provider, std::chrono::minutes(10),
                                             QStringLiteral("alice"));
        if (!payment)
            qFatal("openPayment failed: %s", qPrintable(payment.error().message));
        std::optional<Result<QrTicket>> ticket;
        provider.createQr({payment->payNo, payment->amount, QStringLiteral("test"),
                           payment->createdAt, payment->expiresAt},
                          context, [&](Result<QrTicket> t) { ticket = t; });
        if (!QTest::qWaitFor([&] { return ticket.has_value(); }, 5000) || !*ticket)
            qFatal("createQr failed");
        if (!checkout->recordQrIssued(payment->payNo, (*ticket)->codeUrl))
            qFatal("recordQrIssued failed");
        return *orders->payment(payment->payNo);
    }

    QStringList eventKinds(qint64 orderId) const
    {
        QStringList kinds;
        for (const Event &event : orders->events(orderId))
            kinds.append(event.kind);
        return kinds;
    }

    // When the payment's settling job is due, as stored (invalid when it has none).
    QDateTime dueAt(const QString &payNo) const
    {
        QSqlQuery query(database->connection());
        query.prepare(QStringLiteral("SELECT due_at FROM jobs WHERE subject = ?"));
        query.addBindValue(payNo);
        if (!query.exec() || !query.next())
            return {};
        return QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
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

    QDateTime now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
    std::unique_ptr<Database> database;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<OrderStore> orders;
    std::unique_ptr<Checkout> checkout;

private:
    QTemporaryDir m_dir;
    ShopClock m_clock;
};

} // namespace shouyin::testing
