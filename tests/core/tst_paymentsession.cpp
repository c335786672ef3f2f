#include "checkout/checkoutclient.h"
#include "checkout/paymentsession.h"
#include "scriptedprovider.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;
using State = PaymentSession::State;

// The session at the counter, against a real ledger. Its Checkout lives on the test's
// thread here, but every call to it is queued as it is across threads in the till
// (tst_ledgerthread runs it on a thread of its own).
class TestPaymentSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<CheckoutClient> m_client;
    std::unique_ptr<ScriptedProvider> m_provider;

    // Two waters and one chocolate: 12.50 yuan.
    QList<CartLine> sampleCart() const
    {
        return {{m_ledger->productId(u"6901"_s), 2}, {m_ledger->productId(u"6903"_s), 1}};
    }

    std::unique_ptr<PaymentSession>
    startSession(std::chrono::seconds lifetime = std::chrono::minutes(10),
                 QList<CartLine> cart = {})
    {
        PaymentSession::Options options;
        options.lifetime = lifetime;
        options.pollInterval = std::chrono::milliseconds(20);
        options.operatorName = u"alice"_s;
        auto session = std::make_unique<PaymentSession>(
            *m_client, *m_provider, cart.isEmpty() ? sampleCart() : cart, options);
        session->start();
        return session;
    }

    Order orderOf(const PaymentSession &session) const
    {
        return *m_ledger->orders->order(session.orderId());
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_client = std::make_unique<CheckoutClient>(*m_ledger->checkout);
        m_provider = std::make_unique<ScriptedProvider>();
    }

    void showsQrThenPaidByPoll()
    {
        // Scripted before the pay number is known: an answer without one fits any trade.
        m_provider->queryResults = {m_provider->state(QString(), TradeState::NotPay),
                                    m_provider->state(QString(), TradeState::Success)};
        auto session = startSession();
        QSignalSpy states(session.get(), &PaymentSession::stateChanged);
        QCOMPARE(session->state(), State::Creating);
        QVERIFY(session->orderNo().isEmpty()); // placed on the ledger's turn, not in start()
        QTRY_COMPARE(session->state(), State::Paid);
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(0).at(0).value<State>(), State::Showing);
        QVERIFY(!session->orderNo().isEmpty());
        QCOMPARE(session->amount(), Fen(1250));
        QCOMPARE(session->codeUrl(), u"weixin://wxpay/bizpayurl?pr=scripted"_s);
        QCOMPARE(m_provider->count(u"query:"_s), 2);
        QCOMPARE(orderOf(*session).status, OrderStatus::Paid);
        const int queries = m_provider->count(u"query:"_s);
        QTest::qWait(100);
        QCOMPARE(m_provider->count(u"query:"_s), queries); // polling stopped
    }

    // Alipay counts a QR's life in whole minutes, rounded down: a 150 s QR ends there at
    // 120 s, before the till's deadline. That is an expiry at the provider, not its
    // doing, and the dialog's button is Retry.
    void aQrEndedAtTheProviderBeforeTheDeadlineSaysSo_data()
    {
        QTest::addColumn<int>("closedAfterSecs");
        QTest::addColumn<QString>("words");
        QTest::newRow("whole minutes") << 120 << u"expired at the provider"_s;
        QTest::newRow("provider clock ahead") << 149 << u"expired at the provider"_s;
        QTest::newRow("long before") << 30 << u"closed this QR before its time"_s;
    }
    void aQrEndedAtTheProviderBeforeTheDeadlineSaysSo()
    {
        QFETCH(int, closedAfterSecs);
        QFETCH(QString, words);
        auto session = startSession(std::chrono::seconds(150));
        QTRY_COMPARE(session->state(), State::Showing);
        m_provider->queryResults = {m_provider->state(session->payNo(), TradeState::Closed)};
        m_ledger->now = m_ledger->now.addSecs(closedAfterSecs);
        QTRY_COMPARE(session->state(), State::Error);
        const QString message = session->errorMessage();
        QVERIFY2(message.contains(words), qPrintable(message));
        QVERIFY2(!message.contains(u"Charge again"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Press Retry"_s), qPrintable(message));
        QCOMPARE(orderOf(*session).status, OrderStatus::AwaitingPayment);
        // Retry opens another attempt on the same order.
        m_provider->queryResults = {m_provider->state(QString(), TradeState::NotPay)};
        const QString closed = session->payNo();
        session->retry();
        QTRY_COMPARE(session->state(), State::Showing);
        QVERIFY(session->payNo() != closed);
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM orders"_s), 1);
    }

    void theOrderAndItsAttemptAreOneCommit()
    {
        QSignalSpy placed(m_ledger->checkout.get(), &Checkout::orderChanged);
        auto session = startSession();
        QTRY_VERIFY(session->orderId() != 0);
        QCOMPARE(placed.size(), 1);
        const QList<Payment> payments = m_ledger->orders->payments(session->orderId());
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments.first().payNo, session->payNo());
        QCOMPARE(m_ledger->eventKinds(session->orderId()).mid(0, 2),
                 QStringList({u"order_created"_s, u"payment_created"_s}));
    }

    void anOrderThatCannotBePlacedLeavesNothingBehind()
    {
        auto session = startSession(std::chrono::minutes(10), {{987654, 1}});
        QTRY_COMPARE(session->state(), State::Error);
        QVERIFY2(session->errorMessage().contains(u"no longer exists"_s),
                 qPrintable(session->errorMessage()));
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM orders"_s), 0);
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM payments"_s), 0);
        QCOMPARE(m_provider->count(u"create:"_s), 0);
    }

    void anAttemptThatCannotBeOpenedTakesItsOrderWithIt()
    {
        // The payments table refuses writes (a full disk, say) after the order's rows went
        // in: one transaction, so neither is kept, and no stock stays reserved for nothing.
        QVERIFY(refuseWrites(*m_ledger->database, u"payments"_s, true));
        auto session = startSession();
        QTRY_COMPARE(session->state(), State::Error);
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM orders"_s), 0);
        QCOMPARE(m_ledger->count(u"SELECT COALESCE(SUM(reserved), 0) FROM products"_s), 0);
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM jobs"_s), 0);

        QVERIFY(refuseWrites(*m_ledger->database, u"payments"_s, false));
        session->retry(); // the same cart, placed whole this time
        QTRY_COMPARE(session->state(), State::Showing);
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM orders"_s), 1);
    }

    void theQrIsShownBeforeItIsRecorded()
    {
        auto session = startSession();
        std::optional<PaymentStatus> storedWhenShown;
        connect(session.get(), &PaymentSession::stateChanged, this, [&](State state) {
            if (state == State::Showing)
                storedWhenShown = m_ledger->orders->payment(session->payNo())->status;
        });
        QTRY_VERIFY(storedWhenShown.has_value());
        // The attempt was durable (CREATING, with its job) before the QR; its code_url is
        // written after, without the screen waiting for it.
        QCOMPARE(*storedWhenShown, PaymentStatus::Creating);
        QTRY_COMPARE(m_ledger->orders->payment(session->payNo())->status, PaymentStatus::Pending);
        QCOMPARE(m_ledger->orders->payment(session->payNo())->codeUrl, session->codeUrl());
    }

    void cancelWhileTheOrderIsPlacedCancelsIt()
    {
        auto session = startSession();
        session->cancel(); // before the ledger has had its turn
        QCOMPARE(session->state(), State::Cancelling);
        QTRY_VERIFY(session->orderId() != 0);
        QTRY_COMPARE(orderOf(*session).status, OrderStatus::Cancelling);
        QTRY_COMPARE(m_ledger->dueAt(session->payNo()), m_ledger->now); // the settler looks now
        QCOMPARE(m_provider->count(u"create:"_s), 0);                   // no QR for a sale given up
    }

    void aSessionLetGoWhileItsOrderIsPlacedStillCancelsIt()
    {
        auto *session = startSession().release();
        QPointer<PaymentSession> alive(session);
        session->cancel();
        session->deleteWhenIdle(); // the dialog closed at once
        QVERIFY(alive);            // the ledger's answer is still out
        QTRY_VERIFY(!alive);
        QTRY_COMPARE(m_ledger->count(u"SELECT COUNT(*) FROM orders WHERE status = 'CANCELLING'"_s),
                     1);
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM jobs"_s), 1);
    }

    void paidByAnotherSourceUpdatesTheScreen()
    {
        auto session = startSession();
        QTRY_COMPARE(session->state(), State::Showing);
        // As a notification would: straight into the funnel, not through the session.
        QVERIFY(m_ledger->checkout->apply(session->payNo(),
                                          m_provider->state(session->payNo(), TradeState::Success),
                                          Source::Notify));
        QTRY_COMPARE(session->state(), State::Paid);
    }

    void pollErrorsKeepTheQrUp()
    {
        auto session = startSession();
        QTRY_COMPARE(session->state(), State::Showing);
        m_provider->queryResults = {Error{ErrorCode::Timeout, u"slow"_s},
                                    Error::provider(u"SYSTEMERROR"_s, u"busy"_s),
                                    m_provider->state(session->payNo(), TradeState::Success)};
        QTRY_COMPARE(session->state(), State::Paid);
    }

    void createInDoubtRetriesTheSameAttempt()
    {
        m_provider->createResult = Error{ErrorCode::Network, u"Cannot reach the gateway"_s};
        auto session = startSession();
        QTRY_COMPARE(session->state(), State::Error);
        QCOMPARE(session->errorMessage(), u"Cannot reach the gateway"_s);
        const QString payNo = session->payNo();
        QCOMPARE(m_ledger->orders->payment(payNo)->status, PaymentStatus::Creating);
        QTRY_COMPARE(m_ledger->orders->payment(payNo)->lastError, u"NETWORK"_s);

        m_provider->createResult = QrTicket{u"weixin://wxpay/bizpayurl?pr=again"_s};
        session->retry();
        QTRY_COMPARE(session->state(), State::Showing);
        QCOMPARE(session->payNo(), payNo); // the provider sees the same trade again
        QCOMPARE(m_ledger->orders->payments(session->orderId()).size(), 1);
    }

    void createRefusedOpensANewAttemptOnRetry()
    {
        m_provider->createResult = Error::provider(u"PARAM_ERROR"_s, u"bad parameter"_s);
        auto session = startSession();
        QTRY_COMPARE(session->state(), State::Error);
        const QString first = session->payNo();
        QTRY_COMPARE(m_ledger->orders->payment(first)->status, PaymentStatus::Failed);
        m_provider->createResult = QrTicket{u"weixin://wxpay/bizpayurl?pr=new"_s};
        session->retry();
        QTRY_COMPARE(session->state(), State::Showing);
        QVERIFY(session->payNo() != first);
        QCOMPARE(m_ledger->orders->payments(session->orderId()).size(), 2);
    }

    void cancelHandsTheAttemptToTheSettler()
    {
        auto session = startSession();
        QTRY_COMPARE(session->state(), State::Showing);
        session->cancel();
        QCOMPARE(session->state(), State::Cancelling);
        QTRY_COMPARE(m_ledger->orders->order(session->orderId())->status, OrderStatus::Cancelling);
        const Payment payment = *m_ledger->orders->payment(session->payNo());
        QCOMPARE(payment.status, PaymentStatus::Pending);
        QTRY_COMPARE(m_ledger->dueAt(payment.payNo), m_ledger->now);
        const int queries = m_provider->count(u"query:"_s);
        QTest::qWait(100);
        QCOMPARE(m_provider->count(u"query:"_s), queries);
    }

    void deadlineAtTheCounterExpires()
    {
        auto session = startSession(std::chrono::seconds(1));
        QTRY_COMPARE(session->state(), State::Showing);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Expired, 5000);
        QTRY_COMPARE(m_ledger->dueAt(session->payNo()), m_ledger->now);
    }

    void closingTheDialogWithoutAResultLeavesNothingOrphaned()
    {
        auto session = startSession();
        QTRY_COMPARE(session->state(), State::Showing);
        const QString payNo = session->payNo();
        session.reset();
        QTRY_COMPARE(m_ledger->dueAt(payNo), m_ledger->now);
    }
};

QTEST_GUILESS_MAIN(TestPaymentSession)
#include "tst_paymentsession.moc"
