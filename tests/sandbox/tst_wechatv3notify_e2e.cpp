// The app's whole WeChat Pay v3 notification path against the sandbox, over real loopback
// sockets and a real ledger: the sandbox POSTs a signed, encrypted event, the app's
// HttpListener and NotifyService verify and decrypt it through WechatV3Provider, Checkout
// (or RefundBook) applies it, and the sandbox sees the answer. Till and gateway read the
// ledger's clock, which only the test moves: v3 refuses signatures five minutes off it.

#include "auth/userstore.h"
#include "awaitresult.h"
#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/wechatv3/wechatv3provider.h"
#include "refund/refundbook.h"
#include "refund/refundsettler.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"
#include "schedule/jobqueue.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;
using shouyin::testing::await;
using shouyin::testing::kWaitMs;

class tst_WechatV3NotifyE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void genuineNotificationPays();
    void refusedNotificationsChangeNothing_data();
    void refusedNotificationsChangeNothing();
    void duplicateIsAppliedOnce();
    void refundNotificationSettlesTheRefund();
    void platformCertificateRotation();

private:
    static constexpr char kPaymentPath[] = "/notify/wechat/v3";
    static constexpr char kRefundPath[] = "/notify/wechat/v3/refund";

    // The sandbox's merchant in public-key mode, notified at this till's listener.
    WechatV3Config tillConfig() const;
    void start(WechatV3Config config);
    // An order with a payment attempt whose QR the sandbox issued; payNo empty on failure.
    Payment openPayment();
    bool paySilently(const QString &payNo);
    PaymentStatus paymentStatus(const QString &payNo) const
    {
        return m_ledger->orders->payment(payNo)->status;
    }
    QString sourceOf(qint64 orderId, const QString &kind) const;

    std::unique_ptr<testing::TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<WechatV3Provider> m_provider;
    std::unique_ptr<NotifyService> m_service;
};

void tst_WechatV3NotifyE2e::init()
{
    m_ledger = std::make_unique<testing::TestLedger>();
    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    m_gateway->setClock([this] { return m_ledger->now; });
    QVERIFY(m_gateway->listen() != 0);
    m_gateway->setNotifyTimeScale(0.001);
    m_listener = std::make_unique<HttpListener>();
    QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
}

void tst_WechatV3NotifyE2e::cleanup()
{
    // The sandbox first, so that nothing is in flight to a listener that is gone.
    m_gateway.reset();
    m_service.reset();
    m_listener.reset();
    m_provider.reset();
    m_ledger.reset();
}

WechatV3Config tst_WechatV3NotifyE2e::tillConfig() const
{
    WechatV3Config config = testing::sandboxWechatV3Config(*m_gateway, 5000);
    const QString base = u"http://127.0.0.1:%1"_s.arg(m_listener->port());
    config.notifyUrl = base + QLatin1StringView(kPaymentPath);
    config.refundNotifyUrl = base + QLatin1StringView(kRefundPath);
    return config;
}

void tst_WechatV3NotifyE2e::start(WechatV3Config config)
{
    m_provider = std::make_unique<WechatV3Provider>(std::move(config), m_ledger->clock());
    m_service =
        std::make_unique<NotifyService>(*m_ledger->database, *m_ledger->checkout, *m_listener);
    m_service->addProvider(*m_provider);
}

Payment tst_WechatV3NotifyE2e::openPayment()
{
    // Two waters (4.00 yuan): the sample's chocolate would run out of stock within a test.
    const auto order =
        m_ledger->checkout->placeOrder({{m_ledger->productId(u"6901"_s), 2}}, u"alice"_s);
    if (!order)
        return {};
    return m_ledger->openWithQr(*m_provider, this, *order);
}

bool tst_WechatV3NotifyE2e::paySilently(const QString &payNo)
{
    m_gateway->setNotificationsEnabled(false);
    const bool paid = m_gateway->pay(payNo).ok();
    m_gateway->setNotificationsEnabled(true);
    return paid;
}

QString tst_WechatV3NotifyE2e::sourceOf(qint64 orderId, const QString &kind) const
{
    for (const Event &event : m_ledger->orders->events(orderId)) {
        if (event.kind == kind)
            return event.source;
    }
    return {};
}

void tst_WechatV3NotifyE2e::genuineNotificationPays()
{
    start(tillConfig());
    // The URLs the till gives WeChat Pay are the routes the service listens on.
    QCOMPARE(NotifyService::pathFor(*m_provider), QByteArray(kPaymentPath));
    QCOMPARE(NotifyService::refundPathFor(*m_provider), QByteArray(kRefundPath));
    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QCOMPARE(payment.api, u"v3"_s);
    QSignalSpy handled(m_service.get(), &NotifyService::handled);
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);

    m_ledger->now = m_ledger->now.addSecs(40);
    QVERIFY(m_gateway->pay(payment.payNo));
    QTRY_COMPARE_WITH_TIMEOUT(paymentStatus(payment.payNo), PaymentStatus::Success, kWaitMs);
    QCOMPARE(m_ledger->orders->order(payment.orderId)->status, OrderStatus::Paid);
    const Payment paid = *m_ledger->orders->payment(payment.payNo);
    QCOMPARE(paid.transactionId, m_gateway->trade(payment.payNo)->transactionId);
    QCOMPARE(sourceOf(payment.orderId, u"payment_paid"_s), u"notify"_s);
    QCOMPARE(m_ledger->eventCount(u"payment_paid"_s), 1);

    // Acknowledged (204) after the commit, at the first attempt.
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWaitMs);
    QCOMPARE(delivered.first(), QVariantList({payment.payNo, true, 1}));
    QVERIFY(m_gateway->notificationAcknowledged(payment.payNo));
    QCOMPARE(m_gateway->notificationsSent(payment.payNo), 1);
    QCOMPARE(m_provider->notificationReply(true, {}).status, 204);
    QCOMPARE(handled.count(), 1);
    QCOMPARE(handled.first(), QVariantList({u"wechat"_s, payment.payNo, true}));
}

void tst_WechatV3NotifyE2e::refusedNotificationsChangeNothing_data()
{
    QTest::addColumn<NotifyVariant>("variant");
    QTest::addColumn<QString>("alert");
    QTest::addColumn<bool>("oncePerPayment");
    QTest::addRow("forged") << NotifyVariant::WrongSignature << u"alert_bad_notification"_s
                            << false;
    // The amount is the payment's business: the manager hears of it once, however often
    // the gateway repeats it.
    QTest::addRow("wrong amount") << NotifyVariant::WrongAmount << u"alert_mismatch"_s << true;
    QTest::addRow("replayed stale")
        << NotifyVariant::ReplayedStale << u"alert_bad_notification"_s << false;
    QTest::addRow("skewed timestamp")
        << NotifyVariant::SkewedTimestamp << u"alert_bad_notification"_s << false;
    QTest::addRow("unknown serial")
        << NotifyVariant::UnknownSerial << u"alert_bad_notification"_s << false;
}

void tst_WechatV3NotifyE2e::refusedNotificationsChangeNothing()
{
    QFETCH(NotifyVariant, variant);
    QFETCH(QString, alert);
    QFETCH(bool, oncePerPayment);
    start(tillConfig());
    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QVERIFY(paySilently(payment.payNo));
    QSignalSpy handled(m_service.get(), &NotifyService::handled);
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);

    QVERIFY(m_gateway->sendNotification(payment.payNo, variant));
    // Refused, so the sandbox tries again on its (compressed) schedule.
    QTRY_VERIFY_WITH_TIMEOUT(delivered.count() >= 3, kWaitMs);
    for (const QVariantList &delivery : std::as_const(delivered))
        QCOMPARE(delivery.at(1).toBool(), false);
    QVERIFY(!m_gateway->notificationAcknowledged(payment.payNo));
    QVERIFY(m_gateway->notificationPending(payment.payNo));
    QVERIFY(handled.count() >= 3);
    for (const QVariantList &answer : std::as_const(handled))
        QCOMPARE(answer.at(2).toBool(), false);
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Pending);
    QCOMPARE(m_ledger->orders->order(payment.orderId)->status, OrderStatus::AwaitingPayment);
    QCOMPARE(m_ledger->eventCount(u"payment_paid"_s), 0);
    if (oncePerPayment)
        QCOMPARE(m_ledger->eventCount(alert), 1);
    else
        QVERIFY(m_ledger->eventCount(alert) >= 3);
    // A signature the till cannot check sends it to download nothing (public-key mode).
    QCOMPARE(m_gateway->requestCount(SandboxWechatV3Protocol::kCertificatesPath), 0);

    // The genuine one still gets through, and only it pays.
    QVERIFY(m_gateway->sendNotification(payment.payNo));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(payment.payNo), kWaitMs);
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Success);
    QCOMPARE(m_ledger->eventCount(u"payment_paid"_s), 1);
}

void tst_WechatV3NotifyE2e::duplicateIsAppliedOnce()
{
    start(tillConfig());
    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QVERIFY(paySilently(payment.payNo));
    QSignalSpy changes(m_ledger->checkout.get(), &Checkout::paymentChanged);
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);

    QVERIFY(m_gateway->sendNotification(payment.payNo, NotifyVariant::Duplicate));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 2, kWaitMs);
    QVERIFY(m_gateway->sendNotification(payment.payNo, NotifyVariant::Genuine));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 3, kWaitMs);
    for (const QVariantList &delivery : std::as_const(delivered))
        QCOMPARE(delivery, QVariantList({payment.payNo, true, 1})); // each one acknowledged

    QCOMPARE(changes.count(), 1);
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Success);
    QCOMPARE(m_ledger->eventCount(u"payment_paid"_s), 1);
    QCOMPARE(m_ledger->eventCount(u"order_paid"_s), 1);
    QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
}

void tst_WechatV3NotifyE2e::refundNotificationSettlesTheRefund()
{
    start(tillConfig());
    UserStore users(*m_ledger->database, UserStore::Options{1000, m_ledger->clock()});
    const Staff manager = users.createFirstManager(u"店长"_s, u"1234"_s).value();
    JobQueue &jobs = m_ledger->checkout->jobs();
    RefundBook book(*m_ledger->database, jobs, u"T01"_s, m_ledger->clock());
    RefundSettler settler(book, jobs, ProviderRegistry{m_provider.get()});
    m_service->addRefunds(*m_provider, book);
    settler.start();

    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QVERIFY(paySilently(payment.payNo));
    const auto paid = await<TradeSnapshot>(
        [&](QObject *context, auto done) { m_provider->query(payment.payNo, context, done); });
    QVERIFY(paid && *paid);
    QVERIFY(m_ledger->checkout->apply(payment.payNo, **paid, Source::Poll));

    QSignalSpy handled(m_service.get(), &NotifyService::handled);
    auto back = book.requestReturn({payment.orderId, {}, u"faulty"_s}, manager, manager);
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    const Refund refund = back->refunds.first();
    // As stored: the settler sends it through the api its payment was made with.
    QCOMPARE((*book.readRefund(refund.refundNo).value()).api, u"v3"_s);
    // Its first query is far off on the ledger's clock: only the notification settles it.
    QTRY_COMPARE_WITH_TIMEOUT((*book.readRefund(refund.refundNo).value()).status,
                              RefundStatus::Refunded, kWaitMs);
    QCOMPARE(sourceOf(payment.orderId, u"refund_succeeded"_s), u"notify"_s);
    const auto made = m_gateway->refund(refund.refundNo);
    QVERIFY(made);
    QCOMPARE(made->api, u"v3"_s);
    QCOMPARE((*book.readRefund(refund.refundNo).value()).providerRefundId, made->refundId);
    QCOMPARE(m_gateway->refundedAmount(payment.payNo), Fen(400));
    QCOMPARE(m_gateway->requestCount(SandboxWechatV3Protocol::kRefundPath), 1);
    QCOMPARE(m_gateway->requestCount(SandboxWechatV3Protocol::kRefundQueryPath), 0);
    QTRY_COMPARE_WITH_TIMEOUT(handled.count(), 1, kWaitMs);
    QCOMPARE(handled.first(), QVariantList({u"wechat"_s, refund.refundNo, true}));
    QCOMPARE(m_ledger->product(u"6901"_s).stock, 100);
}

void tst_WechatV3NotifyE2e::platformCertificateRotation()
{
    QVERIFY(m_gateway->setWechatV3KeyMode(WechatV3KeyMode::PlatformCertificates));
    const QString oldSerial = m_gateway->wechatV3Signer();
    WechatV3Config config = tillConfig();
    config.payKeys = WechatPayKeys(); // only what it downloads
    config.downloadCertificates = true;
    config.certificateRefresh = 100ms; // many scheduled downloads within the test
    start(config);
    QSignalSpy refreshed(m_provider.get(), &WechatV3Provider::certificatesRefreshed);
    QSignalSpy refreshFailed(m_provider.get(), &WechatV3Provider::certificateRefreshFailed);
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);
    QSignalSpy handled(m_service.get(), &NotifyService::handled);
    const auto tillHolds = [&](const QStringList &serials) {
        return !refreshed.isEmpty() && refreshed.last().first().toStringList() == serials;
    };
    QTRY_VERIFY_WITH_TIMEOUT(tillHolds({oldSerial}), kWaitMs);

    QList<Payment> payments;
    const auto payAndNotify = [&](int count) {
        for (int i = 0; i < count; ++i) {
            m_ledger->now = m_ledger->now.addSecs(60);
            const Payment payment = openPayment();
            if (payment.payNo.isEmpty() || !m_gateway->pay(payment.payNo))
                return false;
            payments.append(payment);
            if (!QTest::qWaitFor(
                    [&] { return paymentStatus(payment.payNo) == PaymentStatus::Success; },
                    kWaitMs))
                return false;
        }
        return true;
    };

    QVERIFY(payAndNotify(3));
    // Mid-run WeChat Pay publishes a new certificate; the till's schedule finds it. The
    // clock moves in small steps: a download in flight across a jump of five minutes would
    // be refused for its timestamp, as it should be.
    m_ledger->now = m_ledger->now.addSecs(120);
    const QString newSerial = m_gateway->publishWechatV3Certificate();
    QVERIFY(!newSerial.isEmpty());
    QStringList both{oldSerial, newSerial};
    both.sort();
    QTRY_VERIFY_WITH_TIMEOUT(tillHolds(both), kWaitMs);
    QVERIFY(payAndNotify(1)); // still signed by the old one
    QVERIFY(m_gateway->signWechatV3With(newSerial));
    QVERIFY(payAndNotify(1));
    QVERIFY(m_gateway->withdrawWechatV3Certificate(oldSerial));
    QTRY_VERIFY_WITH_TIMEOUT(tillHolds({newSerial}), kWaitMs);
    QVERIFY(payAndNotify(3));

    // No notification was ever refused: each acknowledged at its first attempt.
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), payments.size(), kWaitMs);
    for (const QVariantList &delivery : std::as_const(delivered)) {
        QVERIFY2(delivery.at(1).toBool(), qPrintable(delivery.at(0).toString()));
        QCOMPARE(delivery.at(2).toInt(), 1);
    }
    for (const Payment &payment : std::as_const(payments)) {
        QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Success);
        QCOMPARE(sourceOf(payment.orderId, u"payment_paid"_s), u"notify"_s);
        QCOMPARE(m_gateway->notificationsSent(payment.payNo), 1);
        QVERIFY(m_gateway->notificationAcknowledged(payment.payNo));
    }
    QCOMPARE(handled.count(), payments.size());
    for (const QVariantList &answer : std::as_const(handled))
        QVERIFY(answer.at(2).toBool());
    QCOMPARE(m_ledger->eventCount(u"alert_bad_notification"_s), 0);
    QCOMPARE(refreshFailed.count(), 0);
    QVERIFY(m_gateway->requestCount(SandboxWechatV3Protocol::kCertificatesPath) > 3);
}

QTEST_GUILESS_MAIN(tst_WechatV3NotifyE2e)
#include "tst_wechatv3notify_e2e.moc"
