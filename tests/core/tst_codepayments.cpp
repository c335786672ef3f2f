#include "checkout/checkoutclient.h"
#include "checkout/paymentcodes.h"
#include "checkout/paymentsession.h"
#include "checkout/paymentsettler.h"
#include "pay/providerregistry.h"
#include "scriptedprovider.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;
using State = PaymentSession::State;

namespace {
const QString kCode = u"134567890123456789"_s;
const QString kSecondCode = u"139876543210987654"_s;
} // namespace

// Payment codes through the session at the counter and the settler behind it, against a
// real ledger and a scripted provider on a clock the test moves: every answer a charge
// can get, and what becomes of the attempt after each.
class TestCodePayments : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<CheckoutClient> m_client;
    std::unique_ptr<ScriptedProvider> m_provider;
    std::unique_ptr<PaymentSettler> m_settler;

    std::unique_ptr<PaymentSession> chargeCode(const QString &code = kCode)
    {
        PaymentSession::Options options;
        options.pollInterval = std::chrono::milliseconds(20);
        options.codePollInterval = std::chrono::milliseconds(20);
        options.operatorName = u"alice"_s;
        auto session =
            std::make_unique<PaymentSession>(*m_client, *m_provider,
                                             QList<CartLine>{{m_ledger->productId(u"6901"_s), 2},
                                                             {m_ledger->productId(u"6903"_s), 1}},
                                             options);
        session->startWithCode(code);
        return session;
    }

    Payment paymentOf(const PaymentSession &session) const
    {
        return *m_ledger->orders->payment(session.payNo());
    }
    OrderStatus orderStatusOf(qint64 orderId) const
    {
        return m_ledger->orders->order(orderId)->status;
    }
    void settle() { QTRY_COMPARE(m_settler->inFlight(), 0); }

    // A code attempt the till sent and then lost sight of (killed, or the dialog closed).
    Payment openCodeAttempt()
    {
        auto charge =
            m_ledger->checkout->charge({{m_ledger->productId(u"6902"_s), 1}}, *m_provider,
                                       std::chrono::seconds(30), u"alice"_s, PaymentMethod::Code);
        if (!charge)
            qFatal("charge failed: %s", qPrintable(charge.error().message));
        return charge->payment;
    }

private Q_SLOTS:
    void init()
    {
        m_settler.reset();
        m_ledger = std::make_unique<TestLedger>();
        m_client = std::make_unique<CheckoutClient>(*m_ledger->checkout);
        m_provider = std::make_unique<ScriptedProvider>();
        m_provider->takesCodes = true;
        m_settler = std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders,
                                                     ProviderRegistry{m_provider.get()});
    }

    void aCodePaidAtOnceIsASale()
    {
        auto session = chargeCode();
        QTRY_COMPARE(session->state(), State::Paid);
        const Payment payment = paymentOf(*session);
        QCOMPARE(payment.method, PaymentMethod::Code);
        QCOMPARE(payment.status, PaymentStatus::Success);
        QCOMPARE(payment.expiresAt, payment.createdAt.addSecs(30)); // the confirm window
        QCOMPARE(orderStatusOf(session->orderId()), OrderStatus::Paid);
        QCOMPARE(m_provider->chargedCodes, QStringList{kCode});
        QCOMPARE(m_provider->count(u"query:"_s), 0);
        QCOMPARE(m_ledger->eventKinds(session->orderId()),
                 (QStringList{u"order_created"_s, u"payment_created"_s, u"payment_paid"_s,
                              u"order_paid"_s}));
        // The code is a bearer token: it is in no row of the database.
        QCOMPARE(m_ledger->count(
                     u"SELECT COUNT(*) FROM events WHERE detail LIKE '%%1%'"_s.arg(kCode.right(8))),
                 0);
        QVERIFY(payment.codeUrl.isEmpty());
        QVERIFY(!m_ledger->dueAt(payment.payNo).isValid()); // nothing left to settle
    }

    void aCustomerWhoConfirmsOnTheirPhoneIsWaitedFor()
    {
        m_provider->chargeResults = {m_provider->state({}, TradeState::UserPaying, -1)};
        m_provider->queryResults = {m_provider->state({}, TradeState::UserPaying, -1),
                                    m_provider->state({}, TradeState::Success)};
        auto session = chargeCode();
        QSignalSpy states(session.get(), &PaymentSession::stateChanged);
        QTRY_COMPARE(session->state(), State::Paid);
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(0).at(0).value<State>(), State::Confirming);
        QCOMPARE(session->waiting(), PaymentSession::Waiting::Customer);
        QCOMPARE(m_ledger->eventKinds(session->orderId()).mid(2, 2),
                 (QStringList{u"code_waiting"_s, u"payment_paid"_s}));
        QCOMPARE(m_provider->count(u"query:"_s), 2);
        QCOMPARE(m_provider->count(u"charge:"_s), 1);
        QCOMPARE(orderStatusOf(session->orderId()), OrderStatus::Paid);
    }

    void aChargeWhoseAnswerIsLostIsQueriedNeverChargedAgain_data()
    {
        QTest::addColumn<Error>("error");
        QTest::newRow("timeout") << Error{ErrorCode::Timeout, u"no answer"_s};
        QTest::newRow("SYSTEMERROR") << Error::provider(u"SYSTEMERROR"_s, u"busy"_s);
        QTest::newRow("BANKERROR") << Error::provider(u"BANKERROR"_s, u"bank"_s);
        QTest::newRow("Alipay 20000") << Error::provider(u"ACQ.SYSTEM_ERROR"_s, u"busy"_s);
        QTest::newRow("wrong signature") << Error{ErrorCode::BadSignature, u"forged?"_s};
    }
    void aChargeWhoseAnswerIsLostIsQueriedNeverChargedAgain()
    {
        QFETCH(Error, error);
        m_provider->chargeResults = {error};
        m_provider->queryResults = {m_provider->state({}, TradeState::NotFound, -1),
                                    m_provider->state({}, TradeState::Success)};
        auto session = chargeCode();
        QSignalSpy states(session.get(), &PaymentSession::stateChanged);
        QTRY_COMPARE(session->state(), State::Paid);
        QCOMPARE(states.at(0).at(0).value<State>(), State::Confirming);
        QCOMPARE(session->waiting(), PaymentSession::Waiting::Answer);
        QCOMPARE(m_provider->count(u"charge:"_s), 1);
        QCOMPARE(paymentOf(*session).lastError, error.name());
        QVERIFY(m_ledger->eventKinds(session->orderId()).contains(u"attempt_error"_s));
    }

    void aRefusedCodeSaysWhyAndAnotherCodePaysTheSameOrder()
    {
        m_provider->chargeResults = {Error::provider(u"NOTENOUGH"_s, u"余额不足"_s)};
        auto session = chargeCode();
        QTRY_COMPARE(session->state(), State::Error);
        QVERIFY2(session->errorMessage().contains(u"insufficient balance"_s),
                 qPrintable(session->errorMessage()));
        QTRY_COMPARE(paymentOf(*session).status, PaymentStatus::Failed);
        QVERIFY(session->canPayAgain());
        QCOMPARE(orderStatusOf(session->orderId()), OrderStatus::AwaitingPayment);
        const qint64 orderId = session->orderId();
        const QString refused = session->payNo();

        session->payAgain(*m_provider, kSecondCode);
        QTRY_COMPARE(session->state(), State::Paid);
        QCOMPARE(session->orderId(), orderId); // the same order, a second attempt
        QVERIFY(session->payNo() != refused);
        QCOMPARE(m_provider->chargedCodes, (QStringList{kCode, kSecondCode}));
        QCOMPARE(orderStatusOf(orderId), OrderStatus::Paid);
        QCOMPARE(m_ledger->orders->payments(orderId).size(), 2);
        QCOMPARE(m_ledger->product(u"6903"_s).stock, 4); // sold once
    }

    void aRefusedCodeCanBePaidByTheQrInstead()
    {
        m_provider->chargeResults = {Error::provider(u"AUTHCODEEXPIRE"_s, u"二维码已过期"_s)};
        m_provider->queryResults = {m_provider->state({}, TradeState::NotPay)};
        auto session = chargeCode();
        QTRY_COMPARE(session->state(), State::Error);
        QVERIFY(session->errorMessage().contains(u"refresh the code"_s));
        QVERIFY(session->canPayAgain());
        session->payAgain(*m_provider);
        QTRY_COMPARE(session->state(), State::Showing);
        QCOMPARE(session->method(), PaymentMethod::Qr);
        QCOMPARE(paymentOf(*session).method, PaymentMethod::Qr);
        QCOMPARE(paymentOf(*session).expiresAt, paymentOf(*session).createdAt.addSecs(600));
        session->cancel();
    }

    void aCodeIsNeverRetriedByRetry()
    {
        m_provider->chargeResults = {Error::provider(u"NOTSUPORTCARD"_s, u"不支持卡类型"_s)};
        auto session = chargeCode();
        QTRY_COMPARE(session->state(), State::Error);
        QVERIFY(session->errorMessage().contains(u"card"_s));
        session->retry();
        QTest::qWait(50);
        QCOMPARE(m_provider->count(u"charge:"_s), 1);
        QCOMPARE(session->state(), State::Error);
    }

    void aPaymentFailedOnThePhoneLeavesTheOrderOpen()
    {
        m_provider->chargeResults = {m_provider->state({}, TradeState::UserPaying, -1)};
        m_provider->queryResults = {m_provider->state({}, TradeState::PayError, -1)};
        auto session = chargeCode();
        QTRY_COMPARE(session->state(), State::Error);
        QVERIFY(session->errorMessage().contains(u"wrong password"_s));
        QCOMPARE(paymentOf(*session).status, PaymentStatus::Failed);
        QCOMPARE(orderStatusOf(session->orderId()), OrderStatus::AwaitingPayment);
        QVERIFY(session->canPayAgain());
    }

    void anUnconfirmedCodeIsReversedAtTheEndOfItsWindow()
    {
        const Payment payment = openCodeAttempt();
        QCOMPARE(m_ledger->dueAt(payment.payNo), payment.expiresAt);
        m_ledger->now = payment.expiresAt;
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::UserPaying, -1)};
        m_settler->start();
        settle();
        QCOMPARE(m_provider->calls,
                 (QStringList{u"query:"_s + payment.payNo, u"reverse:"_s + payment.payNo}));
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Closed);
        QCOMPARE(orderStatusOf(payment.orderId), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6902"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"6902"_s).stock, 10);
        QCOMPARE(m_provider->count(u"close:"_s), 0); // a code is reversed, never closed
        const QList<Event> events = m_ledger->orders->events(payment.orderId);
        const auto closed = std::find_if(events.cbegin(), events.cend(), [](const Event &event) {
            return event.kind == u"payment_closed";
        });
        QVERIFY(closed != events.cend());
        QCOMPARE(closed->detail, u"{\"state\":\"REVERSED (reversed)\"}"_s);
    }

    void aCodeTheQuerySaysIsPaidIsNeverReversed()
    {
        const Payment payment = openCodeAttempt();
        m_ledger->now = payment.expiresAt.addSecs(5);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::Success, 450)};
        m_settler->start();
        settle();
        QCOMPARE(m_provider->count(u"reverse:"_s), 0);
        QCOMPARE(orderStatusOf(payment.orderId), OrderStatus::Paid);
    }

    void withinItsWindowACodeIsQueriedAtTheProvidersPace()
    {
        const Payment payment = openCodeAttempt();
        m_ledger->now = payment.createdAt.addSecs(2); // the till restarted at once
        m_settler->start();
        settle();
        QCOMPARE(m_provider->count(u"reverse:"_s), 0);
        QCOMPARE(m_ledger->dueAt(payment.payNo), m_ledger->now.addSecs(5));
        // The last look before the window ends is the reverse job at its end.
        m_ledger->now = payment.createdAt.addSecs(27);
        m_settler->runDue();
        settle();
        QCOMPARE(m_ledger->dueAt(payment.payNo), payment.expiresAt);
        QCOMPARE(m_provider->count(u"reverse:"_s), 0);
    }

    void aReverseTheProviderWantsAgainQueriesFirst()
    {
        const Payment payment = openCodeAttempt();
        m_ledger->now = payment.expiresAt;
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::UserPaying, -1),
                                    m_provider->state(payment.payNo, TradeState::Success, 450)};
        m_provider->reverseResults = {ReverseAnswer{true, u"USERPAYING"_s}};
        m_settler->start();
        settle();
        QCOMPARE(m_provider->count(u"reverse:"_s), 1);
        QCOMPARE(orderStatusOf(payment.orderId), OrderStatus::AwaitingPayment);
        // The customer confirmed meanwhile: the query before the second reverse finds it.
        m_ledger->now = m_ledger->dueAt(payment.payNo);
        m_settler->runDue();
        settle();
        QCOMPARE(m_provider->count(u"reverse:"_s), 1);
        QCOMPARE(orderStatusOf(payment.orderId), OrderStatus::Paid);
    }

    void aReverseThatFailsIsRetriedAndNeverTakenAsDone()
    {
        const Payment payment = openCodeAttempt();
        m_ledger->now = payment.expiresAt;
        m_provider->reverseResults = {Error{ErrorCode::Network, u"TLS handshake failed"_s}};
        m_settler->start();
        settle();
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Creating);
        QVERIFY(m_ledger->dueAt(payment.payNo) > m_ledger->now);
        m_ledger->now = m_ledger->dueAt(payment.payNo);
        m_settler->runDue();
        settle();
        QCOMPARE(m_provider->count(u"reverse:"_s), 2);
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Closed);
    }

    void aReverseTheConfigurationBlocksIsAlertedOnceAndRetried()
    {
        const Payment payment = openCodeAttempt();
        m_ledger->now = payment.expiresAt;
        const Error noCertificate{ErrorCode::Config, u"no client certificate"_s};
        m_provider->reverseResults = {noCertificate, noCertificate};
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::UserPaying, -1),
                                    m_provider->state(payment.payNo, TradeState::UserPaying, -1)};
        QSignalSpy alerts(m_ledger->checkout.get(), &Checkout::alertRaised);
        m_settler->start();
        settle();
        m_ledger->now = m_ledger->dueAt(payment.payNo);
        m_settler->runDue();
        settle();
        QCOMPARE(m_provider->count(u"reverse:"_s), 2);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.at(0).at(1).toString(), u"alert_reverse_blocked"_s);
        QCOMPARE(m_ledger->eventCount(u"alert_reverse_blocked"_s), 1);
        QVERIFY(m_ledger->orders->payment(payment.payNo)->isOpen()); // never taken as reversed
        QVERIFY(m_ledger->dueAt(payment.payNo) > m_ledger->now);
    }

    void aCashierWhoCancelsAWaitingCodeReversesItAtOnce()
    {
        m_provider->chargeResults = {m_provider->state({}, TradeState::UserPaying, -1)};
        m_provider->queryResults = {m_provider->state({}, TradeState::UserPaying, -1),
                                    m_provider->state({}, TradeState::UserPaying, -1)};
        auto session = chargeCode();
        QTRY_COMPARE(session->state(), State::Confirming);
        session->cancel();
        // Cancelling until the reverse confirms it; on a busy machine the settler may have
        // confirmed it before the first look.
        QTRY_VERIFY(orderStatusOf(session->orderId()) != OrderStatus::AwaitingPayment);
        m_settler->runDue();
        settle();
        QTRY_COMPARE(m_provider->count(u"reverse:"_s), 1);
        QTRY_COMPARE(orderStatusOf(session->orderId()), OrderStatus::Cancelled);
    }

    void aCodeRecoveryFindsFailedTakesItsOrderWithIt()
    {
        // The till died while the customer typed a wrong password: nobody is left at the
        // counter to try another code, so the order ends with its attempt.
        const Payment payment = openCodeAttempt();
        m_ledger->now = payment.createdAt.addSecs(10);
        m_provider->queryResults = {m_provider->state(payment.payNo, TradeState::PayError, -1)};
        m_settler->start();
        settle();
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Failed);
        QCOMPARE(orderStatusOf(payment.orderId), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6902"_s).reserved, 0);
        QCOMPARE(m_provider->count(u"reverse:"_s), 0); // a failed trade needs no reverse
    }

    void aRefusalThatArrivesAfterTheCashierCancelledEndsTheOrder()
    {
        // The cashier pressed Cancel while the charge was on its way, and the provider
        // then refused the code: nobody is left to finish the order but this refusal.
        const Payment payment = openCodeAttempt();
        QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
        QCOMPARE(orderStatusOf(payment.orderId), OrderStatus::Cancelling);
        QSignalSpy orders(m_ledger->checkout.get(), &Checkout::orderChanged);
        QVERIFY(m_ledger->checkout->recordCreateRefused(
            payment.payNo, Error::provider(u"NOTENOUGH"_s, u"余额不足"_s)));
        QCOMPARE(orderStatusOf(payment.orderId), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6902"_s).reserved, 0);
        QCOMPARE(orders.size(), 1);
        QVERIFY(!m_ledger->dueAt(payment.payNo).isValid());
        QCOMPARE(m_ledger->eventKinds(payment.orderId).last(), u"order_cancelled"_s);
    }

    void paymentCodesAreToldApartFromBarcodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("looksLikeOne");
        QTest::addColumn<bool>("ours");
        QTest::newRow("EAN-13") << u"6901234567892"_s << false << false;
        QTest::newRow("ITF-14") << u"16901234567899"_s << false << false;
        QTest::newRow("15 digits") << u"134567890123456"_s << false << false;
        QTest::newRow("ours") << kCode << true << true;
        QTest::newRow("UnionPay") << u"6212345678901234567"_s << true << false;
        QTest::newRow("24 digits") << u"281234567890123456789012"_s << true << false;
        QTest::newRow("25 digits") << u"2812345678901234567890123"_s << false << false;
        QTest::newRow("letters") << u"13456789012345678A"_s << false << false;
    }
    void paymentCodesAreToldApartFromBarcodes()
    {
        QFETCH(QString, code);
        QFETCH(bool, looksLikeOne);
        QFETCH(bool, ours);
        QCOMPARE(paymentcodes::looksLikePaymentCode(code), looksLikeOne);
        const ProviderRegistry providers{m_provider.get()};
        QCOMPARE(paymentcodes::providerFor(providers, code) != nullptr, ours);
        m_provider->takesCodes = false;
        QVERIFY(!paymentcodes::providerFor(providers, code));
    }
};

QTEST_GUILESS_MAIN(TestCodePayments)
#include "tst_codepayments.moc"
