// A till whose PostgreSQL server goes away in the middle of the day's sales, and comes
// back: customers keep paying (the real sandbox gateway, over loopback), notifications
// arrive while the server is down, the cashier tries to ring up another sale. Nothing
// paid may be lost and nothing may be recorded twice.
//
// The server is this suite's own (scripts/pg-test-server in a temporary directory),
// never the shared test server: the suite stops and restarts it.

#include "checkout/checkoutclient.h"
#include "checkout/paymentsession.h"
#include "checkout/paymentsettler.h"
#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandbox/sandboxgateway.h"
#include "testdatabase.h"
#include "testledger.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

constexpr int kWaitMs = 30000;
// The sandbox's retry schedule, compressed 1000 times, spaces its later retries 11 s
// apart: the first acknowledged retry after the restart may take that long.
constexpr int kRetryWaitMs = 90000;
constexpr int kSales = 7;
constexpr int kPaidBefore = 2; // sales 0, 1: paid while the server is up
constexpr int kPaidDuring = 3; // sales 2, 3, 4: paid while it is down, and notified
// Sale 5: paid during the outage with no notification (a till behind NAT), and the
// cashier closed its QR meanwhile: only the settler, started again on reconnection, can
// find it before the deadline ten minutes later.
constexpr int kPaidUnseen = 5;
constexpr int kUnpaid = 6; // the customer walks away

} // namespace

class tst_PostgresOutage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<testing::TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<WechatV2Provider> m_provider;
    std::unique_ptr<NotifyService> m_service;
    std::unique_ptr<PaymentSettler> m_settler;
    std::unique_ptr<CheckoutClient> m_client;
    std::vector<std::unique_ptr<PaymentSession>> m_sessions; // null once closed
    QStringList m_payNos;
    QList<qint64> m_orderIds;
    qint64 m_waterId = 0;
    qint64 m_chocolateId = 0;

    QString serverState() const { return m_dir.filePath(u"pg"_s); }

    bool server(const QString &command)
    {
        QProcess script;
        script.setProcessChannelMode(QProcess::ForwardedChannels);
        script.start(QStringLiteral(SHOUYIN_SOURCE_DIR "/scripts/pg-test-server"),
                     {command, serverState()});
        return script.waitForFinished(120000) && script.exitStatus() == QProcess::NormalExit &&
               script.exitCode() == 0;
    }

    // The till as the app wires it (PosApplication): ledger, provider against the
    // sandbox, notification listener, settler, and the settler started again whenever
    // the server comes back.
    void startTill()
    {
        m_ledger = std::make_unique<testing::TestLedger>(testing::TestLedger::Time::System);
        QBuffer csv;
        csv.setData("barcode,name,price_yuan,stock\n6903,Chocolate,8.50,100\n");
        csv.open(QIODevice::ReadOnly);
        QVERIFY(m_ledger->catalog->importCsv(csv));
        m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        QVERIFY(m_gateway->listen() != 0);
        m_gateway->setNotifyTimeScale(0.001);
        m_listener = std::make_unique<HttpListener>();
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
        WechatConfig config;
        config.appId = m_gateway->merchant().appId;
        config.merchantId = m_gateway->merchant().merchantId;
        config.key = m_gateway->merchant().key;
        config.baseUrl = m_gateway->baseUrl();
        config.notifyUrl = u"http://127.0.0.1:%1/notify/wechat"_s.arg(m_listener->port());
        config.timeoutMs = 3000;
        m_provider = std::make_unique<WechatV2Provider>(config);
        m_service =
            std::make_unique<NotifyService>(*m_ledger->database, *m_ledger->checkout, *m_listener);
        m_service->addProvider(*m_provider);
        m_settler = std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders,
                                                     ProviderRegistry{m_provider.get()});
        connect(m_ledger->database.get(), &Database::availabilityChanged, m_settler.get(),
                [this](bool available) {
                    if (available)
                        m_settler->start();
                });
        m_settler->start();
        m_client = std::make_unique<CheckoutClient>(*m_ledger->checkout);
    }

    // A sale with its QR on the counter screen, polled by its session.
    void openSale()
    {
        PaymentSession::Options options;
        options.pollInterval = std::chrono::seconds(1);
        options.operatorName = u"alice"_s;
        auto &session = m_sessions.emplace_back(std::make_unique<PaymentSession>(
            *m_client, *m_provider, QList<CartLine>{{m_waterId, 2}, {m_chocolateId, 1}}, options));
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), PaymentSession::State::Showing, kWaitMs);
        m_payNos.append(session->payNo());
        m_orderIds.append(session->orderId());
    }

    QString payNo(int sale) const { return m_payNos.at(sale); }
    PaymentSession::State state(int sale) const { return m_sessions.at(sale)->state(); }
    PaymentStatus statusOf(int sale) const
    {
        return m_ledger->orders->payment(payNo(sale))->status;
    }

    qint64 events(qint64 orderId, const QString &kind) const
    {
        return m_ledger->count(
            u"SELECT COUNT(*) FROM events WHERE order_id = %1 AND kind = '%2'"_s.arg(orderId).arg(
                kind));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(server(u"start"_s), "cannot start this suite's PostgreSQL server");
        // testdatabase.h opens its databases on the server these name.
        qputenv("SHOUYIN_TEST_DB", "postgres");
        qputenv("SHOUYIN_TEST_PG", QFile::encodeName(serverState() + u"/connection"_s));
    }

    void cleanup()
    {
        m_sessions.clear();
        m_payNos.clear();
        m_orderIds.clear();
        m_gateway.reset(); // first, so that nothing is in flight to a listener that is gone
        m_settler.reset();
        m_listener.reset(); // before the service: no handler runs on a service that is gone
        m_service.reset();
        m_client.reset();
        m_provider.reset();
        m_ledger.reset();
    }

    void cleanupTestCase() { QVERIFY(server(u"remove"_s)); }

    void salesSurviveAServerOutage()
    {
        startTill();
        // Read while they can be: the catalogue is in the database too.
        m_waterId = m_ledger->product(u"6901"_s).id;
        m_chocolateId = m_ledger->product(u"6903"_s).id;
        for (int sale = 0; sale < kSales; ++sale)
            openSale();
        Database &database = *m_ledger->database;

        for (int sale = 0; sale < kPaidBefore; ++sale)
            QVERIFY(m_gateway->pay(payNo(sale)));
        for (int sale = 0; sale < kPaidBefore; ++sale)
            QTRY_COMPARE_WITH_TIMEOUT(state(sale), PaymentSession::State::Paid, kWaitMs);

        // The server goes down: the heartbeat tells the till by itself, with no sale needed.
        QSignalSpy availability(&database, &Database::availabilityChanged);
        QVERIFY(server(u"stop"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!availability.isEmpty(), kWaitMs);
        QCOMPARE(availability.first().first().toBool(), false);
        QVERIFY(!database.isAvailable());

        // The cashier rings up another sale: refused at once, and says why.
        auto refused =
            m_ledger->checkout->placeOrder({{m_waterId, 2}, {m_chocolateId, 1}}, u"alice"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::StoreOffline);
        QVERIFY2(refused.error().message.contains(database.settings().describe()),
                 qPrintable(refused.error().message));

        // Customers pay meanwhile. Their notifications cannot be stored, so they are
        // answered FAIL and the gateway will send them again.
        QSignalSpy handled(m_service.get(), &NotifyService::handled);
        for (int sale = kPaidBefore; sale < kPaidBefore + kPaidDuring; ++sale)
            QVERIFY(m_gateway->pay(payNo(sale)));
        for (int sale = kPaidBefore; sale < kPaidBefore + kPaidDuring; ++sale) {
            const QVariantList refusedAnswer{u"wechat"_s, payNo(sale), false};
            QTRY_VERIFY_WITH_TIMEOUT(handled.contains(refusedAnswer), kWaitMs);
            QVERIFY(!m_gateway->notificationAcknowledged(payNo(sale)));
            QCOMPARE(state(sale), PaymentSession::State::Showing);
        }
        for (const QVariantList &answer : std::as_const(handled))
            QCOMPARE(answer.at(2).toBool(), false);
        m_gateway->setNotificationsEnabled(false);
        QVERIFY(m_gateway->pay(payNo(kPaidUnseen)));
        m_gateway->setNotificationsEnabled(true);
        m_sessions[kPaidUnseen].reset(); // its hand-over to the settler cannot be stored now

        // The server is back: the till finds it by itself.
        QVERIFY(server(u"restart"_s));
        QTRY_COMPARE_WITH_TIMEOUT(availability.count(), 2, kWaitMs);
        QCOMPARE(availability.last().first().toBool(), true);
        QVERIFY(database.isAvailable());
        // The test's own admin connection died with the server; let it reconnect.
        QSqlDatabase::database(u"shouyin-test-admin"_s, false).close();

        // Every payment made during the outage is recorded: by the session's poll, the
        // settler's recovery or the gateway's next retry, whichever comes first.
        for (int sale = kPaidBefore; sale < kPaidBefore + kPaidDuring; ++sale)
            QTRY_COMPARE_WITH_TIMEOUT(state(sale), PaymentSession::State::Paid, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(kPaidUnseen), PaymentStatus::Success, kWaitMs);
        // And the gateway stops retrying: a repeat is acknowledged, changing nothing.
        for (int sale = kPaidBefore; sale < kPaidBefore + kPaidDuring; ++sale)
            QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(payNo(sale)),
                                     kRetryWaitMs);

        verifyLedger();
        if (!QTest::currentTestFailed())
            verifyAnnouncementsAfterReconnect();
    }

private:
    void verifyLedger()
    {
        for (int sale = 0; sale < kSales; ++sale) {
            const qint64 orderId = m_orderIds.at(sale);
            const QList<Payment> payments = m_ledger->orders->payments(orderId);
            QCOMPARE(payments.size(), 1);
            const bool paid = sale != kUnpaid;
            QCOMPARE(payments.first().status,
                     paid ? PaymentStatus::Success : PaymentStatus::Pending);
            QCOMPARE(m_ledger->orders->order(orderId)->status,
                     paid ? OrderStatus::Paid : OrderStatus::AwaitingPayment);
            QCOMPARE(events(orderId, u"payment_paid"_s), paid ? 1 : 0);
            QCOMPARE(events(orderId, u"order_paid"_s), paid ? 1 : 0);
            if (paid)
                QCOMPARE(payments.first().transactionId,
                         m_gateway->trade(payNo(sale))->transactionId);
        }
        // The refused sale left nothing behind.
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM orders"_s), kSales);
        // Every paid sale's two waters and chocolate sold once; the unpaid one's goods
        // are still held for it.
        const int paid = kSales - 1;
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 100 - 2 * paid);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 2);
        QCOMPARE(m_ledger->product(u"6903"_s).stock, 100 - paid);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 1);
        QVERIFY(m_ledger->orders->alerts().isEmpty());
    }

    // The reconnected till still hears the other tills' commits.
    void verifyAnnouncementsAfterReconnect()
    {
        auto otherTill = testing::reopenTestDatabase(*m_ledger->database);
        Checkout otherCheckout(*otherTill, u"T02"_s);
        QSignalSpy elsewhere(m_ledger->database.get(), &Database::changedElsewhere);
        QVERIFY(otherCheckout.recordEvent({}, u"note"_s, u"{}"_s, Source::Cashier));
        QVERIFY(elsewhere.wait(kWaitMs));
    }
};

QTEST_GUILESS_MAIN(tst_PostgresOutage)
#include "tst_postgresoutage.moc"
