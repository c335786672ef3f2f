// Every error WeChat Pay and Alipay document for closing a trade, answered by the sandbox
// to the settler and both real providers: whatever the close says, the settler asks what
// the trade is and settles on that — paid, closed, or still open and closed again later.
// (An Alipay close answered ACQ.TRADE_STATUS_ERROR was re-sent forever.)

#include "checkout/paymentsettler.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandbox/sandboxcloseerrors.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"
#include "testledger.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace shouyin {

using testing::TestLedger;

class TestCloseAnswers : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_sandbox;
    std::unique_ptr<WechatV2Provider> m_wechat;
    std::unique_ptr<AlipayProvider> m_alipay;
    std::unique_ptr<PaymentSettler> m_settler;

    PaymentProvider &provider(const QString &name)
    {
        return name == u"alipay" ? static_cast<PaymentProvider &>(*m_alipay) : *m_wechat;
    }

    OrderStatus orderStatusOf(const Payment &payment) const
    {
        return m_ledger->orders->order(payment.orderId)->status;
    }

    void runAt(const QDateTime &when)
    {
        m_ledger->now = when;
        m_settler->runDue();
        QTRY_COMPARE(m_settler->inFlight(), 0);
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_sandbox = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        m_sandbox->setClock([this] { return m_ledger->now; });
        m_sandbox->setNotificationsEnabled(false);
        QVERIFY(m_sandbox->listen() != 0);

        m_wechat =
            std::make_unique<WechatV2Provider>(testing::sandboxWechatConfig(*m_sandbox, 2000));
        m_alipay = std::make_unique<AlipayProvider>(testing::sandboxAlipayConfig(*m_sandbox, 2000),
                                                    m_ledger->clock());

        m_settler =
            std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders,
                                             ProviderRegistry{m_wechat.get(), m_alipay.get()});
        m_settler->start();
    }

    void cleanup()
    {
        m_settler.reset();
        m_alipay.reset();
        m_wechat.reset();
        m_sandbox.reset();
    }

    void everyDocumentedCloseErrorSettlesOnTheTruth_data()
    {
        QTest::addColumn<QString>("providerName");
        QTest::addColumn<QString>("code");
        QTest::addColumn<SandboxFault>("truth");
        const struct
        {
            QString name;
            const QList<SandboxErrorCode> &errors;
        } providers[] = {{u"wechat"_s, wechatCloseErrors()}, {u"alipay"_s, alipayCloseErrors()}};
        const struct
        {
            const char *name;
            SandboxFault fault;
        } truths[] = {{"still open", SandboxFault::RefuseClose},
                      {"paid meanwhile", SandboxFault::PayThenRefuseClose},
                      {"closed by the provider", SandboxFault::CloseThenRefuseClose}};
        for (const auto &p : providers) {
            for (const SandboxErrorCode &error : p.errors) {
                for (const auto &truth : truths)
                    QTest::addRow("%s %s, %s", qPrintable(p.name), qPrintable(error.code),
                                  truth.name)
                        << p.name << error.code << truth.fault;
            }
        }
    }
    void everyDocumentedCloseErrorSettlesOnTheTruth()
    {
        QFETCH(QString, providerName);
        QFETCH(QString, code);
        QFETCH(SandboxFault, truth);
        const Payment payment = m_ledger->openWithQr(provider(providerName), this);
        if (providerName == u"alipay")
            QVERIFY(m_sandbox->scan(payment.payNo)); // a buyer scanned, and has not paid
        m_sandbox->injectCloseRefusal(providerName, truth, code);
        // The close at the deadline is refused; the query after it says what is true.
        runAt(payment.expiresAt.addSecs(1));
        QCOMPARE(m_sandbox->closeCount(payment.payNo), 1);
        switch (truth) {
        case SandboxFault::PayThenRefuseClose:
            QCOMPARE(orderStatusOf(payment), OrderStatus::Paid);
            QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Success);
            break;
        case SandboxFault::CloseThenRefuseClose:
            QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
            QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
            break;
        default:
            // Still open: not cancelled on the close's word, and closed again soon.
            QCOMPARE(orderStatusOf(payment), OrderStatus::AwaitingPayment);
            const QDateTime retry = m_ledger->dueAt(payment.payNo);
            QVERIFY(retry > m_ledger->now && retry <= m_ledger->now.addSecs(60));
            runAt(retry);
            QCOMPARE(m_sandbox->closeCount(payment.payNo), 2);
            QCOMPARE(orderStatusOf(payment), OrderStatus::Cancelled);
        }
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestCloseAnswers)
#include "tst_closeanswers.moc"
