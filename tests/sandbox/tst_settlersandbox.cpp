#include "checkout/paymentsettler.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"
#include "testledger.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

// Expiry, close and their races, end to end: the settler and the real WeChat provider
// against the sandbox over loopback, with one test clock shared by till and gateway so
// that ten minutes pass without waiting for them.
class TestSettlerSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<PaymentSettler> m_settler;
    std::unique_ptr<WechatV2Provider> m_provider;
    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_sandbox;

    Payment pendingSample() { return m_ledger->openWithQr(*m_provider, this); }

    OrderStatus orderStatusOf(const Payment &payment) const
    {
        return m_ledger->orders->order(payment.orderId)->status;
    }
    QString tradeState(const Payment &payment) const
    {
        return m_sandbox->trade(payment.payNo)->state;
    }
    int closes() const { return m_sandbox->requestCount(u"/pay/closeorder"_s); }

    // Moves the shared clock and lets every due job run to its end.
    void runAt(const QDateTime &when)
    {
        m_ledger->now = when;
        m_settler->runDue();
        QTRY_COMPARE(m_settler->inFlight(), 0);
    }

private Q_SLOTS:
    void init()
    {
        m_settler.reset();
        m_ledger = std::make_unique<TestLedger>();
        m_sandbox = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        m_sandbox->setClock([this] { return m_ledger->now; });
        m_sandbox->setNotificationsEnabled(false); // polling alone must settle everything
        QVERIFY(m_sandbox->listen() != 0);
        m_provider =
            std::make_unique<WechatV2Provider>(testing::sandboxWechatConfig(*m_sandbox, 1000));
        m_settler = std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders,
                                                     ProviderRegistry{m_provider.get()});
        m_settler->start();
    }

    void cleanup() { m_settler.reset(); }

    void expiryClosesCancelsAndReturnsStock()
    {
        const Payment payment = pendingSample();
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 2);
        runAt(payment.expiresAt.addSecs(1));
        QCOMPARE(closes(), 1);
        QCOMPARE(tradeState(payment), u"CLOSED"_s);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 100);
        const QStringList kinds = m_ledger->eventKinds(payment.orderId);
        QCOMPARE(kinds.mid(kinds.size() - 2),
                 (QStringList{u"payment_closed"_s, u"order_cancelled"_s}));
    }

    void payDuringCloseIsRecordedAsPaid()
    {
        const Payment payment = pendingSample();
        m_sandbox->injectFault(u"/pay/closeorder"_s, SandboxFault::PayDuringClose);
        runAt(payment.expiresAt.addSecs(1));
        QCOMPARE(closes(), 1); // answered ORDERPAID
        QCOMPARE(tradeState(payment), u"SUCCESS"_s);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
        QCOMPARE(m_ledger->orders->payment(payment.payNo)->transactionId,
                 m_sandbox->trade(payment.payNo)->transactionId);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QVERIFY(m_ledger->orders->alerts().isEmpty()); // paid before the close took effect
    }

    void payAfterCloseIsFoundByTheConfirmingQuery()
    {
        const Payment payment = pendingSample();
        m_sandbox->injectFault(u"/pay/closeorder"_s, SandboxFault::PayAfterClose, 1,
                               std::chrono::milliseconds(50));
        runAt(payment.expiresAt.addSecs(1));
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QTRY_COMPARE(tradeState(payment), u"SUCCESS"_s); // the trap: paid after all
        runAt(m_ledger->dueAt(payment.payNo));
        QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QStringList alerts;
        for (const Event &alert : m_ledger->orders->alerts())
            alerts.append(alert.kind);
        QVERIFY(alerts.contains(u"alert_paid_after_cancel"_s));
    }

    void cashierCancelWaitsFiveMinutesToClose()
    {
        const Payment payment = pendingSample();
        m_ledger->now = payment.createdAt.addSecs(60);
        QVERIFY(m_ledger->checkout->requestCancel(payment.orderId, u"alice"_s));
        runAt(m_ledger->now);
        // Polling goes on, but no close is sent inside WeChat's five minutes, nor inside
        // the margin for the gateway's clock being behind ours.
        const qint64 closeAllowed = 300 + WechatV2Provider::kCloseSkewMargin.count();
        while (m_ledger->dueAt(payment.payNo) < payment.createdAt.addSecs(closeAllowed))
            runAt(m_ledger->dueAt(payment.payNo));
        QCOMPARE(closes(), 0);
        QVERIFY(m_sandbox->requestCount(u"/pay/orderquery"_s) >= 2);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelling);
        runAt(m_ledger->dueAt(payment.payNo));
        QCOMPARE(closes(), 1);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
    }

    void faultsAreRetriedAndNeverCancelOnTheirOwn_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<SandboxFault>("fault");
        QTest::addColumn<bool>("closedAtOnce");
        QTest::newRow("query 5xx") << u"/pay/orderquery"_s << SandboxFault::Http500 << false;
        QTest::newRow("query SYSTEMERROR")
            << u"/pay/orderquery"_s << SandboxFault::SystemError << false;
        QTest::newRow("query malformed")
            << u"/pay/orderquery"_s << SandboxFault::Malformed << false;
        QTest::newRow("query badly signed")
            << u"/pay/orderquery"_s << SandboxFault::BadSignature << false;
        QTest::newRow("query timeout") << u"/pay/orderquery"_s << SandboxFault::Latency << false;
        QTest::newRow("close 5xx") << u"/pay/closeorder"_s << SandboxFault::Http500 << false;
        QTest::newRow("close SYSTEMERROR")
            << u"/pay/closeorder"_s << SandboxFault::SystemError << false;
        // The close went through and only its answer was lost: the query that follows
        // every close answer finds the trade closed.
        QTest::newRow("close timeout") << u"/pay/closeorder"_s << SandboxFault::NoReply << true;
    }
    void faultsAreRetriedAndNeverCancelOnTheirOwn()
    {
        QFETCH(QString, path);
        QFETCH(SandboxFault, fault);
        QFETCH(bool, closedAtOnce);
        const Payment payment = pendingSample();
        m_sandbox->injectFault(path, fault, 1, std::chrono::milliseconds(3000)); // > timeoutMs
        runAt(payment.expiresAt.addSecs(1));
        if (closedAtOnce) {
            QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
            QCOMPARE(tradeState(payment), u"CLOSED"_s);
            return;
        }
        QCOMPARE(orderStatusOf(payment), OrderStatus::AwaitingPayment);
        const QDateTime retry = m_ledger->dueAt(payment.payNo);
        QVERIFY(retry > m_ledger->now);
        QVERIFY(retry <= m_ledger->now.addSecs(60));
        runAt(retry);
        QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        QCOMPARE(tradeState(payment), u"CLOSED"_s);
    }
};

QTEST_GUILESS_MAIN(TestSettlerSandbox)
#include "tst_settlersandbox.moc"
