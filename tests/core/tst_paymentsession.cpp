#include "checkout/paymentsession.h"
#include "scriptedprovider.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;
using State = PaymentSession::State;

class TestPaymentSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<ScriptedProvider> m_provider;

    std::unique_ptr<PaymentSession>
    startSession(const Order &order, std::chrono::seconds lifetime = std::chrono::minutes(10))
    {
        PaymentSession::Options options;
        options.lifetime = lifetime;
        options.pollInterval = std::chrono::milliseconds(20);
        options.operatorName = u"alice"_s;
        auto session = std::make_unique<PaymentSession>(*m_ledger->checkout, *m_ledger->orders,
                                                        *m_provider, order.id, options);
        session->start();
        return session;
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_provider = std::make_unique<ScriptedProvider>();
    }

    void showsQrThenPaidByPoll()
    {
        const Order order = m_ledger->placeSample();
        auto session = startSession(order);
        QCOMPARE(session->state(), State::Creating);
        QCOMPARE(session->orderNo(), order.orderNo);
        QCOMPARE(session->amount(), Fen(1250));
        QTRY_COMPARE(session->state(), State::Showing);
        QCOMPARE(session->codeUrl(), u"weixin://wxpay/bizpayurl?pr=scripted"_s);
        QCOMPARE(m_ledger->orders->payment(session->payNo())->status, PaymentStatus::Pending);

        m_provider->queryResults = {m_provider->state(session->payNo(), TradeState::NotPay),
                                    m_provider->state(session->payNo(), TradeState::Success)};
        QTRY_COMPARE(session->state(), State::Paid);
        QCOMPARE(m_provider->count(u"query:"_s), 2);
        QCOMPARE(m_ledger->orders->order(order.id)->status, OrderStatus::Paid);
        const int queries = m_provider->count(u"query:"_s);
        QTest::qWait(100);
        QCOMPARE(m_provider->count(u"query:"_s), queries); // polling stopped
    }

    void paidByAnotherSourceUpdatesTheScreen()
    {
        const Order order = m_ledger->placeSample();
        auto session = startSession(order);
        QTRY_COMPARE(session->state(), State::Showing);
        // As a notification would: straight into the funnel, not through the session.
        QVERIFY(m_ledger->checkout->apply(session->payNo(),
                                          m_provider->state(session->payNo(), TradeState::Success),
                                          Source::Notify));
        QCOMPARE(session->state(), State::Paid);
    }

    void pollErrorsKeepTheQrUp()
    {
        const Order order = m_ledger->placeSample();
        auto session = startSession(order);
        QTRY_COMPARE(session->state(), State::Showing);
        m_provider->queryResults = {Error{ErrorCode::Timeout, u"slow"_s},
                                    Error::provider(u"SYSTEMERROR"_s, u"busy"_s),
                                    m_provider->state(session->payNo(), TradeState::Success)};
        QTRY_COMPARE(session->state(), State::Paid);
    }

    void createInDoubtRetriesTheSameAttempt()
    {
        const Order order = m_ledger->placeSample();
        m_provider->createResult = Error{ErrorCode::Network, u"Cannot reach the gateway"_s};
        auto session = startSession(order);
        QTRY_COMPARE(session->state(), State::Error);
        QCOMPARE(session->errorMessage(), u"Cannot reach the gateway"_s);
        const QString payNo = session->payNo();
        QCOMPARE(m_ledger->orders->payment(payNo)->status, PaymentStatus::Creating);
        QCOMPARE(m_ledger->orders->payment(payNo)->lastError, u"NETWORK"_s);

        m_provider->createResult = QrTicket{u"weixin://wxpay/bizpayurl?pr=again"_s};
        session->retry();
        QTRY_COMPARE(session->state(), State::Showing);
        QCOMPARE(session->payNo(), payNo); // the provider sees the same trade again
        QCOMPARE(m_ledger->orders->payments(order.id).size(), 1);
    }

    void createRefusedOpensANewAttemptOnRetry()
    {
        const Order order = m_ledger->placeSample();
        m_provider->createResult = Error::provider(u"PARAM_ERROR"_s, u"bad parameter"_s);
        auto session = startSession(order);
        QTRY_COMPARE(session->state(), State::Error);
        const QString first = session->payNo();
        QCOMPARE(m_ledger->orders->payment(first)->status, PaymentStatus::Failed);
        m_provider->createResult = QrTicket{u"weixin://wxpay/bizpayurl?pr=new"_s};
        session->retry();
        QTRY_COMPARE(session->state(), State::Showing);
        QVERIFY(session->payNo() != first);
        QCOMPARE(m_ledger->orders->payments(order.id).size(), 2);
    }

    void cancelHandsTheAttemptToTheSettler()
    {
        const Order order = m_ledger->placeSample();
        auto session = startSession(order);
        QTRY_COMPARE(session->state(), State::Showing);
        session->cancel();
        QCOMPARE(session->state(), State::Cancelling);
        QCOMPARE(m_ledger->orders->order(order.id)->status, OrderStatus::Cancelling);
        const Payment payment = *m_ledger->orders->payment(session->payNo());
        QCOMPARE(payment.status, PaymentStatus::Pending);
        QCOMPARE(m_ledger->dueAt(payment.payNo), m_ledger->now);
        const int queries = m_provider->count(u"query:"_s);
        QTest::qWait(100);
        QCOMPARE(m_provider->count(u"query:"_s), queries);
    }

    void deadlineAtTheCounterExpires()
    {
        const Order order = m_ledger->placeSample();
        auto session = startSession(order, std::chrono::seconds(1));
        QTRY_COMPARE(session->state(), State::Showing);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Expired, 5000);
        QCOMPARE(m_ledger->dueAt(session->payNo()), m_ledger->now);
    }

    void closingTheDialogWithoutAResultLeavesNothingOrphaned()
    {
        const Order order = m_ledger->placeSample();
        auto session = startSession(order);
        QTRY_COMPARE(session->state(), State::Showing);
        const QString payNo = session->payNo();
        session.reset();
        QCOMPARE(m_ledger->dueAt(payNo), m_ledger->now);
    }
};

QTEST_GUILESS_MAIN(TestPaymentSession)
#include "tst_paymentsession.moc"
