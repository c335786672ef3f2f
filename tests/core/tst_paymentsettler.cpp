#include "checkout/paymentsettler.h"
#include "scriptedprovider.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

// The settler against a scripted provider on a test-controlled clock: the provider
// answers asynchronously, and time moves only when the test moves it.
class TestPaymentSettler : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<ScriptedProvider> m_provider;
    std::unique_ptr<PaymentSettler> m_settler;

    Payment pendingSample()
    {
        const Order order = m_ledger->placeSample();
        auto payment = m_ledger->checkout->openPayment(order.id, *m_provider,
                                                       std::chrono::minutes(10), u"alice"_s);
        if (!m_ledger->checkout->recordQrIssued(payment->payNo,
                                                u"weixin://wxpay/bizpayurl?pr=abc"_s))
            qFatal("recordQrIssued failed");
        return *m_ledger->orders->payment(payment->payNo);
    }

    OrderStatus orderStatusOf(const Payment &payment) const
    {
        return m_ledger->orders->order(payment.orderId)->status;
    }

    void settle() { QTRY_COMPARE(m_settler->inFlight(), 0); }

private Q_SLOTS:
    void init()
    {
        m_settler.reset(); // before the checkout it works for
        m_ledger = std::make_unique<TestLedger>();
        m_provider = std::make_unique<ScriptedProvider>();
        m_settler = std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders,
                                                     ProviderRegistry{m_provider.get()});
    }

    void startUpRecoveryQueriesEveryOpenPayment()
    {
        const Payment paid = pendingSample();
        const Payment waiting = pendingSample();
        m_provider->queryResults = {m_provider->state(paid.payNo, TradeState::Success),
                                    m_provider->state(waiting.payNo, TradeState::NotPay)};
        QSignalSpy settled(m_settler.get(), &PaymentSettler::settled);
        m_settler->start();
        settle();
        QCOMPARE(m_provider->count(u"query:"_s), 2);
        QCOMPARE(settled.count(), 1);
        QCOMPARE(orderStatusOf(paid), OrderStatus::Paid);
        QCOMPARE(m_ledger->orders->events(paid.orderId).at(3).source, u"recovery"_s);
        // Still within its deadline: left open, looked at again in 3 s, backing off.
        QCOMPARE(m_ledger->orders->payment(waiting.payNo)->status, PaymentStatus::Pending);
        QCOMPARE(m_ledger->dueAt(waiting.payNo), m_ledger->now.addSecs(3));
        QVERIFY(!m_ledger->dueAt(paid.payNo).isValid()); // settled: no job left
        // What recovery found is in the pay log even when nothing changed.
        QCOMPARE(m_ledger->eventKinds(waiting.orderId).last(), u"recovery_checked"_s);
        QCOMPARE(m_ledger->orders->events(waiting.orderId).last().detail,
                 uR"({"state":"SCRIPTED"})"_s);
        QCOMPARE(m_provider->count(u"close:"_s), 0);
    }

    void cancelWithinFiveMinutesWaitsToClose()
    {
        const Payment payment = pendingSample();
        m_settler->start();
        m_ledger->now = m_ledger->now.addSecs(60);
        QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
        m_settler->runDue();
        settle();
        QCOMPARE(m_provider->count(u"close:"_s), 0); // the provider refuses closes this early
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelling);
        const QDateTime next = m_ledger->dueAt(payment.payNo);
        QVERIFY(next > m_ledger->now);
        QVERIFY(next <= payment.createdAt.addSecs(300));

        m_ledger->now = payment.createdAt.addSecs(301);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::Closed)};
        m_settler->runDue();
        settle();
        QCOMPARE(m_provider->calls.mid(m_provider->calls.size() - 3),
                 (QStringList{u"query:"_s + payment.payNo, u"close:"_s + payment.payNo,
                              u"query:"_s + payment.payNo}));
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
    }

    void closeRejectedBecausePaidRecordsThePayment()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::Success)};
        m_provider->closeResults = {CloseResult::AlreadyPaid};
        m_settler->start();
        settle();
        QCOMPARE(m_provider->count(u"close:"_s), 1);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Success);
    }

    void aCloseRefusedForTheTradesStateIsAnsweredByAQuery_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<TradeState>("truth");
        QTest::addColumn<OrderStatus>("settled");
        // Alipay closed the scanned trade itself at its timeout, or the buyer paid between
        // the deadline query and the close; either way the close is answered
        // ACQ.TRADE_STATUS_ERROR, and re-sending it forever settled nothing.
        QTest::newRow("Alipay closed it")
            << u"ACQ.TRADE_STATUS_ERROR"_s << TradeState::Closed << OrderStatus::Cancelled;
        QTest::newRow("the buyer paid")
            << u"ACQ.TRADE_STATUS_ERROR"_s << TradeState::Success << OrderStatus::Paid;
        QTest::newRow("WeChat busy, then closed")
            << u"SYSTEMERROR"_s << TradeState::Closed << OrderStatus::Cancelled;
        QTest::newRow("WeChat paid meanwhile")
            << u"ORDERPAID_UNSEEN"_s << TradeState::Success << OrderStatus::Paid;
    }
    void aCloseRefusedForTheTradesStateIsAnsweredByAQuery()
    {
        QFETCH(QString, code);
        QFETCH(TradeState, truth);
        QFETCH(OrderStatus, settled);
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, truth)};
        m_provider->closeResults = {Error::provider(code, u"refused"_s)};
        m_settler->start();
        settle();
        QCOMPARE(m_provider->count(u"close:"_s), 1);
        QCOMPARE(m_provider->count(u"query:"_s), 2);
        QCOMPARE(orderStatusOf(payment), settled);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
    }

    void aRefusedCloseOfATradeTheProviderDoesNotKnowIsNotTakenAsClosed()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::NotFound, -1)};
        m_provider->closeResults = {Error{ErrorCode::Timeout, u"no answer"_s}};
        m_settler->start();
        settle();
        QCOMPARE(orderStatusOf(payment), OrderStatus::AwaitingPayment);
        QVERIFY(m_ledger->dueAt(payment.payNo) > m_ledger->now); // asked again later
    }

    void expiredUnpaidIsClosedAndCancelled()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::Closed)};
        m_settler->start();
        settle();
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Closed);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
    }

    void networkErrorsBackOffAndNeverCancel()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        m_provider->queryResults = {Error{ErrorCode::Network, u"down"_s}};
        m_settler->start();
        settle();
        const Payment after = *m_ledger->orders->payment(payment.payNo);
        QCOMPARE(after.status, PaymentStatus::Pending);
        QCOMPARE(orderStatusOf(payment), OrderStatus::AwaitingPayment);
        const qint64 wait = m_ledger->now.msecsTo(m_ledger->dueAt(payment.payNo));
        QVERIFY2(wait >= 2500 && wait <= 60000, qPrintable(QString::number(wait)));

        // A SYSTEMERROR on close is retried too; the order stays until the provider says.
        m_ledger->now = m_ledger->dueAt(payment.payNo);
        m_provider->closeResults = {Error::provider(u"SYSTEMERROR"_s, u"busy"_s)};
        m_settler->runDue();
        settle();
        QCOMPARE(m_provider->count(u"close:"_s), 1);
        QCOMPARE(orderStatusOf(payment), OrderStatus::AwaitingPayment);
        QVERIFY(m_ledger->dueAt(payment.payNo) > m_ledger->now);
    }

    void backgroundPollsBackOffToAMinuteThenExpire()
    {
        const Payment payment = pendingSample();
        m_settler->start();
        settle();
        QList<qint64> waits;
        for (int i = 0; i < 8; ++i) {
            const QDateTime due = m_ledger->dueAt(payment.payNo);
            waits.append(m_ledger->now.msecsTo(due));
            m_ledger->now = due;
            m_settler->runDue();
            settle();
        }
        QCOMPARE(waits.mid(0, 6), (QList<qint64>{3000, 6000, 12000, 24000, 48000, 60000}));
        QCOMPARE(m_provider->count(u"close:"_s), 0);
        // Until the deadline, where the expire job closes the trade.
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::Closed)};
        m_ledger->now = payment.expiresAt;
        m_settler->runDue();
        settle();
        QCOMPARE(m_provider->count(u"close:"_s), 1);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        // A closed trade is looked at once more a minute later.
        QCOMPARE(m_ledger->dueAt(payment.payNo), m_ledger->now.addSecs(60));
    }

    void paymentLandingAfterTheCloseIsFoundLater()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::Closed)};
        m_settler->start();
        settle();
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);

        // No notification reaches this till; the confirming query a minute later sees it.
        m_ledger->now = m_ledger->dueAt(payment.payNo);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::Success)};
        m_settler->runDue();
        settle();
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
        QVERIFY(m_ledger->eventKinds(payment.orderId).contains(u"alert_paid_after_cancel"_s));
        QVERIFY(!m_ledger->dueAt(payment.payNo).isValid());
    }

    void closedTradeIsConfirmedTwiceThenLeftAlone()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::Closed),
                                    m_provider->state(payment.payNo, TradeState::Closed),
                                    m_provider->state(payment.payNo, TradeState::Closed)};
        m_settler->start();
        settle();
        QList<qint64> waits;
        while (m_ledger->dueAt(payment.payNo).isValid()) {
            waits.append(m_ledger->now.secsTo(m_ledger->dueAt(payment.payNo)));
            m_ledger->now = m_ledger->dueAt(payment.payNo);
            m_settler->runDue();
            settle();
        }
        QCOMPARE(waits, (QList<qint64>{60, 15 * 60}));
        QCOMPARE(m_provider->count(u"query:"_s), 4);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
    }

    void aLatePaymentTheDatabaseRefusesIsAskedForAgain()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.expiresAt.addSecs(1);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::Closed)};
        m_settler->start();
        settle();
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        // The customer paid around the close; the confirmation query sees it while the
        // disk takes no write to the payments.
        m_ledger->now = m_ledger->dueAt(payment.payNo);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::Success)};
        QVERIFY(refuseWrites(*m_ledger->database, u"payments"_s, true));
        m_settler->runDue();
        settle();
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Closed);
        // Not one of the two confirmations used up: the same look comes again soon.
        const QDateTime again = m_ledger->dueAt(payment.payNo);
        QVERIFY(again.isValid());
        QVERIFY2(m_ledger->now.secsTo(again) < 60, qPrintable(again.toString()));
        QVERIFY(refuseWrites(*m_ledger->database, u"payments"_s, false));
        m_ledger->now = again;
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::Success)};
        m_settler->runDue();
        settle();
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Success);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
    }

    void aPaymentThatCannotBeReadIsNotLetGo()
    {
        const Payment payment = pendingSample();
        m_settler->start();
        settle();
        QVERIFY(m_ledger->dueAt(payment.payNo).isValid());
        // The payments table cannot be read (renamed away, as a broken file would be):
        // the job is kept and tried again, never completed as "no such payment".
        QSqlQuery query(m_ledger->database->connection());
        QVERIFY(query.exec(u"ALTER TABLE payments RENAME TO payments_away"_s));
        m_ledger->now = m_ledger->dueAt(payment.payNo);
        m_settler->runDue();
        settle();
        const QDateTime again = m_ledger->dueAt(payment.payNo);
        QVERIFY(again.isValid());
        QVERIFY(again > m_ledger->now);
        QVERIFY(query.exec(u"ALTER TABLE payments_away RENAME TO payments"_s));
        m_ledger->now = again;
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::Success)};
        m_settler->runDue();
        settle();
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
    }

    void jobsSurviveARestart()
    {
        const Payment payment = pendingSample();
        QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
        QCOMPARE(m_ledger->dueAt(payment.payNo), m_ledger->now);
        // A new checkout on the same file (a restart) finds the job and settles it.
        m_settler.reset();
        Checkout restarted(*m_ledger->database, u"T01"_s, m_ledger->clock());
        PaymentSettler settler(restarted, *m_ledger->orders, ProviderRegistry{m_provider.get()});
        m_ledger->now = payment.createdAt.addSecs(301);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::NotPay),
                                    m_provider->state(payment.payNo, TradeState::Closed)};
        settler.start();
        QTRY_COMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->orders->events(payment.orderId).last().source, u"close"_s);
    }

    void createInDoubtIsClosedEvenIfProviderNeverHeardOfIt()
    {
        const Order order = m_ledger->placeSample();
        auto payment = m_ledger->checkout->openPayment(order.id, *m_provider,
                                                       std::chrono::minutes(10), u"a"_s);
        QVERIFY(m_ledger->checkout->requestCancel(order.id, u"a"_s));
        m_ledger->now = payment->createdAt.addSecs(301);
        m_provider->queryResults = {m_provider->state(payment->payNo, TradeState::NotFound, -1),
                                    m_provider->state(payment->payNo, TradeState::NotFound, -1)};
        m_settler->start();
        settle();
        QCOMPARE(m_provider->count(u"close:"_s), 1);
        QCOMPARE(m_ledger->orders->payment(payment->payNo)->status, PaymentStatus::Closed);
        QCOMPARE(m_ledger->orders->order(order.id)->status, OrderStatus::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestPaymentSettler)
#include "tst_paymentsettler.moc"
