#include "schedule/jobqueue.h"
#include "scriptedprovider.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestCheckout : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<ScriptedProvider> m_provider;

    Payment openSample(qint64 orderId)
    {
        auto payment = m_ledger->checkout->openPayment(orderId, *m_provider,
                                                       std::chrono::minutes(10), u"alice"_s);
        if (!payment)
            qFatal("openPayment: %s", qPrintable(payment.error().message));
        return payment.value();
    }

    Payment pendingSample()
    {
        const Order order = m_ledger->placeSample();
        const Payment payment = openSample(order.id);
        if (!m_ledger->checkout->recordQrIssued(payment.payNo,
                                                u"weixin://wxpay/bizpayurl?pr=abc"_s))
            qFatal("recordQrIssued failed");
        return *m_ledger->orders->payment(payment.payNo);
    }

    OrderStatus orderStatusOf(const Payment &payment) const
    {
        return m_ledger->orders->order(payment.orderId)->status;
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_provider = std::make_unique<ScriptedProvider>();
    }

    void ordersLeftWithoutAnAttemptAreCancelledAtStart()
    {
        const Order bare = m_ledger->placeSample(); // the till stopped before the attempt
        const Order refused = m_ledger->placeSample();
        const Payment refusedAttempt = openSample(refused.id);
        QVERIFY(m_ledger->checkout->recordCreateRefused(refusedAttempt.payNo,
                                                        Error::provider(u"FAIL"_s, u"refused"_s)));
        const Payment pending = pendingSample(); // the settler's: left alone
        Checkout otherTill(*m_ledger->database, u"T02"_s, m_ledger->clock());
        auto others =
            otherTill.placeOrder({{m_ledger->productId(u"6901"_s), 1}}, u"bob"_s); // T02's
        QVERIFY(others);
        const int reservedBefore = m_ledger->product(u"6903"_s).reserved;

        auto cancelled = m_ledger->checkout->cancelAbandonedOrders();
        QVERIFY(cancelled);
        QCOMPARE(*cancelled, 2);
        QCOMPARE(m_ledger->orders->order(bare.id)->status, OrderStatus::Cancelled);
        QCOMPARE(m_ledger->orders->order(refused.id)->status, OrderStatus::Cancelled);
        QCOMPARE(orderStatusOf(pending), OrderStatus::AwaitingPayment);
        QCOMPARE(m_ledger->orders->order(others->id)->status, OrderStatus::AwaitingPayment);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, reservedBefore - 2); // one each
        QCOMPARE(m_ledger->orders->events(bare.id).last().source, u"recovery"_s);
        QCOMPARE(*m_ledger->checkout->cancelAbandonedOrders(), 0); // nothing twice
    }

    void aRunningJobIsNotStartedTwice()
    {
        // At the deadline the settler's expire job runs (its query or close in flight),
        // and the counter's own expiry timer hands the same payment over, or the cashier
        // cancels: neither may start a second run beside the first, which would close
        // the trade twice.
        const Payment payment = pendingSample();
        JobQueue &jobs = m_ledger->checkout->jobs();
        int runs = 0;
        jobs.setHandler(QString(jobKind::kExpire), [&](const Job &) { ++runs; });
        jobs.setHandler(QString(jobKind::kPoll), [&](const Job &) { ++runs; });
        m_ledger->now = payment.expiresAt;
        jobs.runDue();
        QCOMPARE(runs, 1);
        QVERIFY(jobs.isRunning(payment.payNo));

        QVERIFY(m_ledger->checkout->scheduleCheck(payment.payNo, m_ledger->now));
        QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
        jobs.runDue();
        QCOMPARE(runs, 1);
        QVERIFY(!jobs.job(payment.payNo)); // nothing queued behind the running one
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelling);
    }

    void placeOrderUsesCatalogPricesAndReservesStock()
    {
        const Order order = m_ledger->placeSample();
        QCOMPARE(order.total, Fen(1250));
        QCOMPARE(order.status, OrderStatus::AwaitingPayment);
        QCOMPARE(order.orderNo, u"T01-20261123-0001"_s);
        const auto items = m_ledger->orders->items(order.id);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).unitPrice, Fen(200));
        QCOMPARE(items.at(0).quantity, 2);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 2);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 100);
        QCOMPARE(m_ledger->eventKinds(order.id), QStringList{u"order_created"_s});
        QCOMPARE(m_ledger->placeSample().orderNo, u"T01-20261123-0002"_s);
    }

    void orderNumbersCountTheShopsDay()
    {
        // 16:30 UTC is already the next day in Shanghai, and still the same day in any
        // zone west of it (the suite runs in two): the number follows the shop.
        m_ledger->now = QDateTime(QDate(2026, 11, 23), QTime(16, 30), Qt::UTC);
        QCOMPARE(m_ledger->placeSample().orderNo, u"T01-20261124-0001"_s);
        m_ledger->now = QDateTime(QDate(2026, 11, 23), QTime(15, 59, 59), Qt::UTC);
        QCOMPARE(m_ledger->placeSample().orderNo, u"T01-20261123-0001"_s);
    }

    void placeOrderRefusesBadCarts()
    {
        QCOMPARE(m_ledger->checkout->placeOrder({}, u"alice"_s).error().code, ErrorCode::EmptyCart);
        QCOMPARE(m_ledger->checkout->placeOrder({{m_ledger->productId(u"6901"_s), 0}}, u"a"_s)
                     .error()
                     .code,
                 ErrorCode::BadQuantity);
        QCOMPARE(m_ledger->checkout->placeOrder({{987654, 1}}, u"a"_s).error().code,
                 ErrorCode::UnknownProduct);
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM orders"_s), 0);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0); // nothing half-written
    }

    void onlyOneOpenAttemptPerOrder()
    {
        const Order order = m_ledger->placeSample();
        const Payment first = openSample(order.id);
        QCOMPARE(first.status, PaymentStatus::Creating);
        QCOMPARE(first.amount, Fen(1250));
        QVERIFY(first.payNo.startsWith(u"T01"_s));
        auto second = m_ledger->checkout->openPayment(order.id, *m_provider,
                                                      std::chrono::minutes(10), u"a"_s);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::AttemptOpen);
        // Once refused by the provider, a new attempt may open.
        QVERIFY(m_ledger->checkout->recordCreateRefused(first.payNo,
                                                        Error::provider(u"PARAM_ERROR"_s, u"x"_s)));
        QVERIFY(m_ledger->checkout->openPayment(order.id, *m_provider, std::chrono::minutes(10),
                                                u"a"_s));
    }

    void databaseItselfRefusesTwoOpenAttempts()
    {
        const Payment payment = pendingSample();
        QSqlQuery insert(m_ledger->database->connection());
        QVERIFY(
            !insert.exec(u"INSERT INTO payments (order_id, pay_no, provider, app_id, merchant_id, "
                         "amount_fen, status, created_at, expires_at, updated_at) VALUES (%1, 'X', "
                         "'wechat', 'a', 'm', 1, 'PENDING', 0, 0, 0)"_s.arg(payment.orderId)));
    }

    void paidIsAppliedOnceWithStockCommitted()
    {
        const Payment payment = pendingSample();
        QSignalSpy orderSpy(m_ledger->checkout.get(), &Checkout::orderChanged);
        const TradeSnapshot paid = m_provider->state(payment.payNo, TradeState::Success);
        for (int i = 0; i < 10; ++i) {
            auto result = m_ledger->checkout->apply(payment.payNo, paid, Source::Notify);
            QVERIFY(result.ok());
            QCOMPARE(result.value(), i == 0 ? ApplyResult::Applied : ApplyResult::NoChange);
        }
        QCOMPARE(orderSpy.count(), 1);
        const Payment stored = *m_ledger->orders->payment(payment.payNo);
        QCOMPARE(stored.status, PaymentStatus::Success);
        QCOMPARE(stored.transactionId, paid.transactionId);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"6903"_s).stock, 4);
        QCOMPARE(m_ledger->eventKinds(payment.orderId),
                 (QStringList{u"order_created"_s, u"payment_created"_s, u"qr_issued"_s,
                              u"payment_paid"_s, u"order_paid"_s}));
        const auto events = m_ledger->orders->events(payment.orderId);
        QCOMPARE(events.at(3).source, u"notify"_s);
        QCOMPARE(events.at(3).fromStatus, QString(sqlText(PaymentStatus::Pending)));
    }

    void pendingStatesChangeNothing()
    {
        const Payment payment = pendingSample();
        for (TradeState state : {TradeState::NotPay, TradeState::UserPaying, TradeState::Accepted,
                                 TradeState::NotFound, TradeState::Unknown}) {
            auto result = m_ledger->checkout->apply(
                payment.payNo, m_provider->state(payment.payNo, state), Source::Poll);
            QCOMPARE(result.value(), ApplyResult::NoChange);
        }
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Pending);
        QCOMPARE(m_ledger->eventKinds(payment.orderId).size(), 3);
    }

    void mismatchesAreRefusedAndRaiseAnAlert_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("amount") << u"amount"_s;
        QTest::newRow("missing amount") << u"noamount"_s;
        QTest::newRow("app id") << u"appid"_s;
        QTest::newRow("merchant") << u"mch"_s;
        QTest::newRow("trade no") << u"payno"_s;
    }
    void mismatchesAreRefusedAndRaiseAnAlert()
    {
        QFETCH(QString, field);
        const Payment payment = pendingSample();
        TradeSnapshot paid = m_provider->state(payment.payNo, TradeState::Success);
        if (field == u"amount")
            paid.amount = 1;
        else if (field == u"noamount")
            paid.amount = -1;
        else if (field == u"appid")
            paid.appId = u"wxother"_s;
        else if (field == u"mch")
            paid.merchantId = u"1"_s;
        else
            paid.payNo = u"T01OTHER"_s;
        QSignalSpy alerts(m_ledger->checkout.get(), &Checkout::alertRaised);
        auto result = m_ledger->checkout->apply(payment.payNo, paid, Source::Notify);
        QCOMPARE(result.value(), ApplyResult::Refused);
        QCOMPARE(alerts.count(), 1);
        QCOMPARE(alerts.at(0).at(1).toString(), u"alert_mismatch"_s);
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Pending);
        QCOMPARE(orderStatusOf(payment), OrderStatus::AwaitingPayment);
        QCOMPARE(m_ledger->eventKinds(payment.orderId).last(), u"alert_mismatch"_s);
        QCOMPARE(m_ledger->orders->alerts().size(), 1);
    }

    void aMismatchAtEveryPollIsAlertedOnce()
    {
        const Payment payment = pendingSample();
        TradeSnapshot wrong = m_provider->state(payment.payNo, TradeState::NotPay);
        wrong.amount = 1;
        QSignalSpy alerts(m_ledger->checkout.get(), &Checkout::alertRaised);
        for (int poll = 0; poll < 10; ++poll) {
            m_ledger->now = m_ledger->now.addSecs(3);
            QCOMPARE(m_ledger->checkout->apply(payment.payNo, wrong, Source::Poll).value(),
                     ApplyResult::Refused);
        }
        QCOMPARE(alerts.count(), 1);
        QCOMPARE(m_ledger->eventCount(u"alert_mismatch"_s), 1);
        QCOMPARE(m_ledger->orders->alerts().size(), 1);
        // ...and the payment is still believed only when the gateway answers right.
        TradeSnapshot paid = m_provider->state(payment.payNo, TradeState::Success);
        QCOMPARE(m_ledger->checkout->apply(payment.payNo, paid, Source::Poll).value(),
                 ApplyResult::Applied);
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Success);
    }

    void unknownPaymentIsRefusedAndLogged()
    {
        TradeSnapshot paid = m_provider->state(u"T01NOSUCH"_s, TradeState::Success);
        QCOMPARE(m_ledger->checkout->apply(u"T01NOSUCH"_s, paid, Source::Notify).value(),
                 ApplyResult::Refused);
        QCOMPARE(m_ledger->orders->alerts().size(), 1);
        QCOMPARE(m_ledger->orders->alerts().at(0).kind, u"alert_unknown_payment"_s);
    }

    void cancelWithOpenAttemptWaitsForTheProvider()
    {
        const Payment payment = pendingSample();
        QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelling);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 2); // still held: the customer may pay
        QCOMPARE(m_ledger->dueAt(payment.payNo), m_ledger->now);

        QVERIFY(m_ledger->checkout->apply(
            payment.payNo, m_provider->state(payment.payNo, TradeState::Closed), Source::Close));
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Closed);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 100);
    }

    void cancelWithoutAttemptCancelsAtOnce()
    {
        const Order order = m_ledger->placeSample();
        QVERIFY(m_ledger->checkout->requestCancel(order.id, u"alice"_s));
        QCOMPARE(m_ledger->orders->order(order.id)->status, OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
    }

    void paymentWhileCancellingIsPaid()
    {
        const Payment payment = pendingSample();
        QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
        QVERIFY(m_ledger->checkout->apply(
            payment.payNo, m_provider->state(payment.payNo, TradeState::Success), Source::Poll));
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QVERIFY(m_ledger->orders->alerts().isEmpty());
    }

    void paidAfterCancelIsRecordedWithAnAlert()
    {
        const Payment payment = pendingSample();
        QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
        QVERIFY(m_ledger->checkout->apply(
            payment.payNo, m_provider->state(payment.payNo, TradeState::Closed), Source::Close));
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        // The trap of PROTOCOLS.md: money lands after the close.
        auto late = m_ledger->checkout->apply(
            payment.payNo, m_provider->state(payment.payNo, TradeState::Success), Source::Notify);
        QCOMPARE(late.value(), ApplyResult::Applied);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QStringList kinds;
        for (const Event &alert : m_ledger->orders->alerts())
            kinds.append(alert.kind);
        kinds.sort();
        QCOMPARE(kinds, (QStringList{u"alert_paid_after_cancel"_s, u"alert_paid_after_close"_s}));
    }

    void secondPaidAttemptIsADoublePayment()
    {
        const Payment first = pendingSample();
        // The first attempt is closed at the provider (customer never paid it) …
        QVERIFY(m_ledger->checkout->apply(
            first.payNo, m_provider->state(first.payNo, TradeState::PayError), Source::Poll));
        QCOMPARE(orderStatusOf(first), OrderStatus::AwaitingPayment);
        const Payment second = openSample(first.orderId);
        QVERIFY(m_ledger->checkout->apply(
            second.payNo, m_provider->state(second.payNo, TradeState::Success), Source::Poll));
        QCOMPARE(orderStatusOf(first), OrderStatus::Paid);
        // … yet the bank later reports it paid too: both are kept, the second for refund.
        QVERIFY(m_ledger->checkout->apply(
            first.payNo, m_provider->state(first.payNo, TradeState::Success), Source::Notify));
        QCOMPARE(m_ledger->orders->payment(first.payNo)->status, PaymentStatus::Success);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98); // goods left the shelf once
        bool doubleAlert = false;
        for (const Event &alert : m_ledger->orders->alerts())
            doubleAlert = doubleAlert || alert.kind == u"alert_double_payment";
        QVERIFY(doubleAlert);
    }

    void expiredAttemptClosedCancelsTheOrder()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        QVERIFY(m_ledger->checkout->apply(
            payment.payNo, m_provider->state(payment.payNo, TradeState::Closed), Source::Close));
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->orders->events(payment.orderId).last().detail,
                 uR"({"reason":"expired"})"_s);
    }

    void qrIssuedAfterPaymentDoesNotReopen()
    {
        const Order order = m_ledger->placeSample();
        const Payment payment = openSample(order.id);
        QVERIFY(m_ledger->checkout->apply(
            payment.payNo, m_provider->state(payment.payNo, TradeState::Success), Source::Notify));
        QVERIFY(m_ledger->checkout->recordQrIssued(payment.payNo, u"weixin://late"_s));
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Success);
    }

    void stateSurvivesReopeningTheDatabase()
    {
        const Payment payment = pendingSample();
        QVERIFY(m_ledger->checkout->apply(
            payment.payNo, m_provider->state(payment.payNo, TradeState::Success), Source::Poll));
        auto reopened = testing::reopenTestDatabase(*m_ledger->database);
        m_ledger->checkout.reset();
        m_ledger->orders.reset();
        m_ledger->catalog.reset();
        m_ledger->database.reset();
        OrderStore orders(*reopened);
        QCOMPARE(orders.payment(payment.payNo)->status, PaymentStatus::Success);
        QCOMPARE(orders.order(payment.orderId)->status, OrderStatus::Paid);
    }
};

QTEST_GUILESS_MAIN(TestCheckout)
#include "tst_checkout.moc"
