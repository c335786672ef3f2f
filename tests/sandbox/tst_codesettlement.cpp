#include "checkout/checkoutclient.h"
#include "checkout/paymentsession.h"
#include "checkout/paymentsettler.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"
#include "testledger.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;
using State = PaymentSession::State;

namespace {
const QString kWechatCode = u"134567890123456789"_s;
const QString kAlipayCode = u"281234567890123456"_s;
} // namespace

// A payment code from the scan to its end, for every customer and every error the
// sandbox can play: the session at the counter, the real providers over loopback (the
// reverse over TLS with the client certificate), the settler behind them, and the rows
// and pay-log events each leaves in the ledger. One test clock is shared by till and
// gateway, so that a confirmation window passes without waiting for it.
class TestCodeSettlement : public QObject
{
    Q_OBJECT

    std::unique_ptr<PaymentSettler> m_settler;
    std::unique_ptr<WechatV2Provider> m_wechat;
    std::unique_ptr<AlipayProvider> m_alipay;
    std::unique_ptr<CheckoutClient> m_client;
    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_sandbox;

    PaymentProvider &provider(const QString &name)
    {
        return name == u"alipay" ? static_cast<PaymentProvider &>(*m_alipay) : *m_wechat;
    }
    static QString codeOf(const QString &name)
    {
        return name == u"alipay" ? kAlipayCode : kWechatCode;
    }

    std::unique_ptr<PaymentSession> chargeCode(const QString &providerName)
    {
        PaymentSession::Options options;
        options.codePollInterval = std::chrono::milliseconds(20);
        options.operatorName = u"alice"_s;
        auto session = std::make_unique<PaymentSession>(
            *m_client, provider(providerName), QList<CartLine>{{m_ledger->productId(u"6903"_s), 1}},
            options);
        session->startWithCode(codeOf(providerName));
        return session;
    }

    Payment paymentOf(const PaymentSession &session) const
    {
        return *m_ledger->orders->payment(session.payNo());
    }
    OrderStatus orderStatusOf(const PaymentSession &session) const
    {
        return m_ledger->orders->order(session.orderId())->status;
    }
    // Where the pay-log row of `kind` for the session's order came from.
    QString sourceOf(const PaymentSession &session, const QString &kind) const
    {
        for (const Event &event : m_ledger->orders->events(session.orderId())) {
            if (event.kind == kind)
                return event.source;
        }
        return {};
    }
    // The pay log of the session's order, from its payment's creation on.
    QStringList paymentEvents(const PaymentSession &session) const
    {
        const QStringList kinds = m_ledger->eventKinds(session.orderId());
        return kinds.mid(kinds.indexOf(u"payment_created"_s));
    }

    // The session is let go (the dialog closed); the shared clock moves past the window
    // and the settler does what is due.
    void settleAfterTheWindow(std::unique_ptr<PaymentSession> session)
    {
        const QDateTime end = paymentOf(*session).expiresAt;
        session->deleteWhenIdle();
        session.release();
        m_ledger->now = end.addSecs(1);
        m_settler->runDue();
        QTRY_COMPARE(m_settler->inFlight(), 0);
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("providerName");
        QTest::newRow("wechat") << u"wechat"_s;
        QTest::newRow("alipay") << u"alipay"_s;
    }

    void init()
    {
        m_settler.reset();
        m_ledger = std::make_unique<TestLedger>();
        m_sandbox = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        m_sandbox->setClock([this] { return m_ledger->now; });
        QVERIFY(m_sandbox->listen() != 0);
        QVERIFY(m_sandbox->listenSecure() != 0);
        m_wechat = std::make_unique<WechatV2Provider>(sandboxWechatSecureConfig(*m_sandbox, 2000));
        m_alipay = std::make_unique<AlipayProvider>(sandboxAlipayConfig(*m_sandbox, 2000),
                                                    m_ledger->clock());
        m_client = std::make_unique<CheckoutClient>(*m_ledger->checkout);
        m_settler =
            std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders,
                                             ProviderRegistry{m_wechat.get(), m_alipay.get()});
        m_settler->start();
    }

    void cleanup()
    {
        m_settler.reset();
        m_client.reset();
    }

    void paidAtOnce()
    {
        QFETCH_GLOBAL(QString, providerName);
        auto session = chargeCode(providerName);
        QTRY_COMPARE(session->state(), State::Paid);
        const Payment payment = paymentOf(*session);
        QCOMPARE(payment.status, PaymentStatus::Success);
        QCOMPARE(payment.method, PaymentMethod::Code);
        QCOMPARE(payment.transactionId, m_sandbox->trade(payment.payNo)->transactionId);
        QCOMPARE(orderStatusOf(*session), OrderStatus::Paid);
        QCOMPARE(paymentEvents(*session),
                 (QStringList{u"payment_created"_s, u"payment_paid"_s, u"order_paid"_s}));
        QCOMPARE(m_ledger->product(u"6903"_s).stock, 4);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
        QVERIFY(!m_ledger->dueAt(payment.payNo).isValid());
    }

    void paidAfterThePassword()
    {
        QFETCH_GLOBAL(QString, providerName);
        m_sandbox->setCodeCustomer(codeOf(providerName), CodeCustomer::ConfirmsAfter,
                                   std::chrono::hours(1)); // until the test says so
        auto session = chargeCode(providerName);
        QTRY_COMPARE(session->state(), State::Confirming);
        QTRY_COMPARE(paymentOf(*session).status, PaymentStatus::Pending);
        QVERIFY(m_sandbox->pay(session->payNo())); // the password, typed
        QTRY_COMPARE(session->state(), State::Paid);
        QCOMPARE(paymentEvents(*session), (QStringList{u"payment_created"_s, u"code_waiting"_s,
                                                       u"payment_paid"_s, u"order_paid"_s}));
        QCOMPARE(sourceOf(*session, u"payment_paid"_s), u"poll"_s);
        QCOMPARE(m_sandbox->reverseCount(session->payNo()), 0);
    }

    void refusals_data()
    {
        QTest::addColumn<CodeCustomer>("customer");
        QTest::addColumn<QString>("words");
        QTest::newRow("not enough balance")
            << CodeCustomer::NotEnoughBalance << u"insufficient balance"_s;
        QTest::newRow("expired code") << CodeCustomer::CodeExpired << u"refresh the code"_s;
        QTest::newRow("card not supported") << CodeCustomer::CardNotSupported << u"card"_s;
    }
    void refusals()
    {
        QFETCH_GLOBAL(QString, providerName);
        QFETCH(CodeCustomer, customer);
        QFETCH(QString, words);
        m_sandbox->setCodeCustomer(codeOf(providerName), customer);
        auto session = chargeCode(providerName);
        QTRY_COMPARE(session->state(), State::Error);
        QVERIFY2(session->errorMessage().contains(words), qPrintable(session->errorMessage()));
        QTRY_COMPARE(paymentOf(*session).status, PaymentStatus::Failed);
        QCOMPARE(orderStatusOf(*session), OrderStatus::AwaitingPayment); // another code may pay
        QCOMPARE(paymentEvents(*session), (QStringList{u"payment_created"_s, u"create_refused"_s}));
        QVERIFY(!m_ledger->dueAt(session->payNo()).isValid());
        QVERIFY(session->canPayAgain());
    }

    void wrongPasswordEndsTheAttempt()
    {
        QFETCH_GLOBAL(QString, providerName);
        m_sandbox->setCodeCustomer(codeOf(providerName), CodeCustomer::WrongPassword,
                                   std::chrono::milliseconds(200));
        auto session = chargeCode(providerName);
        QTRY_COMPARE(session->state(), State::Confirming);
        m_ledger->now = m_ledger->now.addSecs(1); // past the password, on the shared clock
        QTRY_COMPARE(session->state(), State::Error);
        const Payment payment = paymentOf(*session);
        QVERIFY2(payment.status == PaymentStatus::Failed || payment.status == PaymentStatus::Closed,
                 qPrintable(QString(sqlText(payment.status))));
        QCOMPARE(orderStatusOf(*session), OrderStatus::AwaitingPayment);
        QCOMPARE(m_sandbox->reverseCount(payment.payNo), 0);
    }

    void neverConfirmedIsReversedAtTheEndOfTheWindow()
    {
        QFETCH_GLOBAL(QString, providerName);
        m_sandbox->setCodeCustomer(codeOf(providerName), CodeCustomer::NeverConfirms);
        auto session = chargeCode(providerName);
        QTRY_COMPARE(session->state(), State::Confirming);
        const QString payNo = session->payNo();
        const qint64 orderId = session->orderId();
        const bool wechat = providerName == u"wechat";
        if (wechat) {
            // WeChat refuses a reverse while the customer is on the password screen (recall
            // Y); the settler asks again until WeChat gives up on the payment at 45 s.
            settleAfterTheWindow(std::move(session));
            QCOMPARE(m_sandbox->reverseCount(payNo), 1);
            m_ledger->now = m_ledger->now.addSecs(60);
            m_settler->runDue();
            QTRY_COMPARE(m_settler->inFlight(), 0);
        } else {
            settleAfterTheWindow(std::move(session));
            QCOMPARE(m_sandbox->reverseCount(payNo), 1);
        }
        const Payment payment = *m_ledger->orders->payment(payNo);
        QVERIFY(!payment.isOpen());
        QVERIFY(payment.status != PaymentStatus::Success);
        QCOMPARE(m_ledger->orders->order(orderId)->status, OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"6903"_s).stock, 5);
        QVERIFY(m_sandbox->trade(payNo)->state != u"SUCCESS");
    }

    void anAnswerInDoubtIsQueried_data()
    {
        QTest::addColumn<SandboxFault>("fault");
        QTest::newRow("bank error") << SandboxFault::BankError;
        QTest::newRow("system error after processing") << SandboxFault::ProcessThenSystemError;
        QTest::newRow("no reply") << SandboxFault::NoReply;
    }
    void anAnswerInDoubtIsQueried()
    {
        QFETCH_GLOBAL(QString, providerName);
        QFETCH(SandboxFault, fault);
        const QString path = providerName == u"alipay" ? u"alipay.trade.pay"_s : u"/pay/micropay"_s;
        m_sandbox->injectFault(path, fault);
        auto session = chargeCode(providerName);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Paid, 10000);
        QCOMPARE(m_sandbox->requestCount(path), 1); // charged once, then only asked
        const QStringList events = paymentEvents(*session);
        QCOMPARE(events.first(), u"payment_created"_s);
        QVERIFY2(events.contains(u"attempt_error"_s), qPrintable(events.join(u',')));
        QCOMPARE(events.mid(events.size() - 2), (QStringList{u"payment_paid"_s, u"order_paid"_s}));
        QCOMPARE(sourceOf(*session, u"payment_paid"_s), u"poll"_s);
    }

    void aRefusedReverseIsCalledAgain()
    {
        QFETCH_GLOBAL(QString, providerName);
        m_sandbox->setCodeCustomer(codeOf(providerName), CodeCustomer::NeverConfirms);
        m_sandbox->injectFault(providerName == u"alipay" ? u"alipay.trade.cancel"_s
                                                         : u"/secapi/pay/reverse"_s,
                               SandboxFault::Recall);
        auto session = chargeCode(providerName);
        QTRY_COMPARE(session->state(), State::Confirming);
        const QString payNo = session->payNo();
        settleAfterTheWindow(std::move(session));
        QCOMPARE(m_sandbox->reverseCount(payNo), 1);
        QVERIFY(m_ledger->orders->payment(payNo)->isOpen()); // not taken as reversed
        // Called again later, after another query; WeChat's customer is gone by then.
        for (int round = 0; round < 5 && m_ledger->orders->payment(payNo)->isOpen(); ++round) {
            m_ledger->now = std::max(m_ledger->now.addSecs(30), m_ledger->dueAt(payNo));
            m_settler->runDue();
            QTRY_COMPARE(m_settler->inFlight(), 0);
        }
        const Payment payment = *m_ledger->orders->payment(payNo);
        if (providerName == u"wechat") {
            // By the next look WeChat had given up on the password itself: nothing to reverse.
            QCOMPARE(payment.status, PaymentStatus::Failed);
            QCOMPARE(m_sandbox->reverseCount(payNo), 1);
        } else {
            QCOMPARE(payment.status, PaymentStatus::Closed);
            QCOMPARE(m_sandbox->reverseCount(payNo), 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestCodeSettlement)
#include "tst_codesettlement.moc"
