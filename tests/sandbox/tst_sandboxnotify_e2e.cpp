// The whole notification path of the app against the sandbox, over real loopback sockets
// and a real SQLite ledger: the sandbox POSTs, the app's HttpListener and NotifyService
// verify it through WechatV2Provider, Checkout applies it, and the sandbox sees the answer.

#include "awaitresult.h"
#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandbox/sandboxgateway.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;
using shouyin::testing::await;
using shouyin::testing::kWaitMs;

namespace {} // namespace

class tst_SandboxNotifyE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void paidThroughNotification_data();
    void paidThroughNotification();
    void duplicatesAreOneTransition();
    void refusedNotificationIsRetried_data();
    void refusedNotificationIsRetried();
    void outOfOrderAfterPaidChangesNothing();
    void payAfterCloseIsRecorded();
    void payDuringCloseIsPaid();

private:
    void start(WechatSignType signType = WechatSignType::HmacSha256);
    // An order with a payment attempt whose QR the sandbox issued; payNo empty on failure.
    Payment openPayment();
    bool paySilently(const QString &payNo);
    PaymentStatus paymentStatus(const QString &payNo) const
    {
        return m_ledger->orders->payment(payNo)->status;
    }
    OrderStatus orderStatus(qint64 orderId) const
    {
        return m_ledger->orders->order(orderId)->status;
    }

    std::unique_ptr<testing::TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<WechatV2Provider> m_provider;
    std::unique_ptr<NotifyService> m_service;
};

void tst_SandboxNotifyE2e::init()
{
    m_ledger = std::make_unique<testing::TestLedger>(testing::TestLedger::Time::System);
    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    QVERIFY(m_gateway->listen() != 0);
    m_gateway->setNotifyTimeScale(0.001);
    m_listener = std::make_unique<HttpListener>();
    QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
}

void tst_SandboxNotifyE2e::start(WechatSignType signType)
{
    const SandboxMerchant merchant = m_gateway->merchant();
    WechatConfig config;
    config.appId = merchant.appId;
    config.merchantId = merchant.merchantId;
    config.key = merchant.key;
    config.baseUrl = m_gateway->baseUrl();
    config.notifyUrl = u"http://127.0.0.1:%1/notify/wechat"_s.arg(m_listener->port());
    config.signType = signType;
    m_provider = std::make_unique<WechatV2Provider>(config);
    m_service =
        std::make_unique<NotifyService>(*m_ledger->database, *m_ledger->checkout, *m_listener);
    m_service->addProvider(*m_provider);
}

void tst_SandboxNotifyE2e::cleanup()
{
    // The sandbox first, so that nothing is in flight to a listener that is gone.
    m_gateway.reset();
    m_service.reset();
    m_listener.reset();
    m_provider.reset();
    m_ledger.reset();
}

Payment tst_SandboxNotifyE2e::openPayment()
{
    const auto order = m_ledger->tryPlaceSample();
    if (!order)
        return {};
    return m_ledger->openWithQr(*m_provider, this, *order);
}

bool tst_SandboxNotifyE2e::paySilently(const QString &payNo)
{
    m_gateway->setNotificationsEnabled(false);
    const bool paid = m_gateway->pay(payNo).ok();
    m_gateway->setNotificationsEnabled(true);
    return paid;
}

void tst_SandboxNotifyE2e::paidThroughNotification_data()
{
    QTest::addColumn<WechatSignType>("signType");
    QTest::addRow("MD5") << WechatSignType::Md5;
    QTest::addRow("HMAC-SHA256") << WechatSignType::HmacSha256;
}

void tst_SandboxNotifyE2e::paidThroughNotification()
{
    QFETCH(WechatSignType, signType);
    start(signType);
    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Pending);
    QSignalSpy handled(m_service.get(), &NotifyService::handled);

    QVERIFY(m_gateway->pay(payment.payNo));
    QTRY_COMPARE_WITH_TIMEOUT(paymentStatus(payment.payNo), PaymentStatus::Success, kWaitMs);
    QCOMPARE(orderStatus(payment.orderId), OrderStatus::Paid);
    QCOMPARE(m_ledger->orders->payment(payment.payNo)->transactionId,
             m_gateway->trade(payment.payNo)->transactionId);
    const QList<Event> events = m_ledger->orders->events(payment.orderId);
    const auto paid = std::find_if(events.cbegin(), events.cend(), [](const Event &event) {
        return event.kind == u"payment_paid";
    });
    QVERIFY(paid != events.cend());
    QCOMPARE(paid->source, u"notify"_s);
    QCOMPARE(m_ledger->eventCount(u"payment_paid"_s), 1);

    // Acknowledged only after the commit, and the sandbox saw it.
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(payment.payNo), kWaitMs);
    QCOMPARE(m_gateway->notificationsSent(payment.payNo), 1);
    QCOMPARE(handled.count(), 1);
    QCOMPARE(handled.first(), QVariantList({u"wechat"_s, payment.payNo, true}));
}

void tst_SandboxNotifyE2e::duplicatesAreOneTransition()
{
    start();
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

void tst_SandboxNotifyE2e::refusedNotificationIsRetried_data()
{
    QTest::addColumn<NotifyVariant>("variant");
    QTest::addColumn<QString>("alert");
    QTest::addColumn<bool>("oncePerPayment");
    QTest::addRow("wrong signature")
        << NotifyVariant::WrongSignature << u"alert_bad_notification"_s << false;
    // The amount is the payment's business: the manager hears of it once, however often
    // the gateway repeats it.
    QTest::addRow("wrong amount") << NotifyVariant::WrongAmount << u"alert_mismatch"_s << true;
}

void tst_SandboxNotifyE2e::refusedNotificationIsRetried()
{
    QFETCH(NotifyVariant, variant);
    QFETCH(QString, alert);
    QFETCH(bool, oncePerPayment);
    start();
    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QVERIFY(paySilently(payment.payNo));
    QSignalSpy handled(m_service.get(), &NotifyService::handled);
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);

    QVERIFY(m_gateway->sendNotification(payment.payNo, variant));
    // Refused with FAIL, so the sandbox tries again on its (compressed) schedule.
    QTRY_VERIFY_WITH_TIMEOUT(delivered.count() >= 3, kWaitMs);
    for (const QVariantList &delivery : std::as_const(delivered))
        QCOMPARE(delivery.at(1).toBool(), false);
    QVERIFY(!m_gateway->notificationAcknowledged(payment.payNo));
    QVERIFY(m_gateway->notificationPending(payment.payNo));
    QVERIFY(handled.count() >= 3);
    for (const QVariantList &answer : std::as_const(handled))
        QCOMPARE(answer.at(2).toBool(), false);
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Pending);
    QCOMPARE(orderStatus(payment.orderId), OrderStatus::AwaitingPayment);
    QCOMPARE(m_ledger->eventCount(u"payment_paid"_s), 0);
    if (oncePerPayment)
        QCOMPARE(m_ledger->eventCount(alert), 1);
    else
        QVERIFY(m_ledger->eventCount(alert) >= 3);

    // The genuine one still gets through, and only it pays.
    QVERIFY(m_gateway->sendNotification(payment.payNo));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(payment.payNo), kWaitMs);
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Success);
    QCOMPARE(m_ledger->eventCount(u"payment_paid"_s), 1);
}

void tst_SandboxNotifyE2e::outOfOrderAfterPaidChangesNothing()
{
    start();
    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QSignalSpy handled(m_service.get(), &NotifyService::handled);
    QVERIFY(m_gateway->pay(payment.payNo));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(payment.payNo), kWaitMs);
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Success);
    const int events = m_ledger->count(u"SELECT COUNT(*) FROM events"_s);
    QSignalSpy changes(m_ledger->checkout.get(), &Checkout::paymentChanged);

    QVERIFY(m_gateway->sendNotification(payment.payNo, NotifyVariant::OutOfOrder));
    QTRY_COMPARE_WITH_TIMEOUT(handled.count(), 2, kWaitMs);
    QCOMPARE(changes.count(), 0);
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Success);
    QCOMPARE(orderStatus(payment.orderId), OrderStatus::Paid);
    QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM events"_s), events);
    QCOMPARE(m_ledger->orders->payment(payment.payNo)->transactionId,
             m_gateway->trade(payment.payNo)->transactionId);
}

void tst_SandboxNotifyE2e::payAfterCloseIsRecorded()
{
    start();
    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
    // Long enough that the close and its confirming query are both answered first.
    m_gateway->injectFault(u"/pay/closeorder"_s, SandboxFault::PayAfterClose, 1, 2s);

    const auto closed = await<CloseResult>(
        [&](QObject *context, auto done) { m_provider->close(payment.payNo, context, done); });
    QVERIFY(closed && *closed);
    QCOMPARE(closed->value(), CloseResult::Closed);
    const auto observed = await<TradeSnapshot>(
        [&](QObject *context, auto done) { m_provider->query(payment.payNo, context, done); });
    QVERIFY(observed && *observed);
    QCOMPARE((*observed)->state, TradeState::Closed);
    QVERIFY(m_ledger->checkout->apply(payment.payNo, observed->value(), Source::Close));
    QCOMPARE(paymentStatus(payment.payNo), PaymentStatus::Closed);
    QCOMPARE(orderStatus(payment.orderId), OrderStatus::Cancelled);

    // The trap: the money lands anyway, and the notification makes it known.
    QTRY_COMPARE_WITH_TIMEOUT(paymentStatus(payment.payNo), PaymentStatus::Success, kWaitMs);
    QCOMPARE(orderStatus(payment.orderId), OrderStatus::Paid);
    QCOMPARE(m_ledger->eventCount(u"alert_paid_after_cancel"_s), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(payment.payNo), kWaitMs);
}

void tst_SandboxNotifyE2e::payDuringCloseIsPaid()
{
    start();
    const Payment payment = openPayment();
    QVERIFY(!payment.payNo.isEmpty());
    QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
    m_gateway->injectFault(u"/pay/closeorder"_s, SandboxFault::PayDuringClose);

    const auto closed = await<CloseResult>(
        [&](QObject *context, auto done) { m_provider->close(payment.payNo, context, done); });
    QVERIFY(closed && *closed);
    QCOMPARE(closed->value(), CloseResult::AlreadyPaid);
    QTRY_COMPARE_WITH_TIMEOUT(paymentStatus(payment.payNo), PaymentStatus::Success, kWaitMs);
    QCOMPARE(orderStatus(payment.orderId), OrderStatus::Paid);
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(payment.payNo), kWaitMs);
    QCOMPARE(m_ledger->eventCount(u"payment_paid"_s), 1);
}

QTEST_GUILESS_MAIN(tst_SandboxNotifyE2e)
#include "tst_sandboxnotify_e2e.moc"
