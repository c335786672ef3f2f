// Refunds end to end against the sandbox, over real loopback sockets (WeChat's refund
// over TLS with the merchant's client certificate) and a real ledger: RefundBook writes
// the refund, RefundSettler sends and queries it through the real providers, and the
// app's listener takes WeChat's encrypted refund notifications through NotifyService.

#include "auth/userstore.h"
#include "awaitresult.h"
#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
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
using namespace shouyin;
using namespace shouyin::testing;

class TestRefundSettlement : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<WechatV2Provider> m_wechat;
    std::unique_ptr<AlipayProvider> m_alipay;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<RefundBook> m_book;
    std::unique_ptr<RefundSettler> m_settler;
    std::unique_ptr<NotifyService> m_notify;
    Staff m_manager;

    JobQueue &jobs() { return m_ledger->checkout->jobs(); }

    // The sample order (two waters and a chocolate, 12.50), paid through the sandbox.
    Order sold(PaymentProvider &provider)
    {
        const Payment payment = m_ledger->openWithQr(provider, this);
        if (provider.name() == AlipayProvider::kName && !m_gateway->scan(payment.payNo))
            qFatal("scan failed");
        const bool notifying = m_gateway->notificationsEnabled();
        m_gateway->setNotificationsEnabled(false); // the payment's is not this suite's business
        if (!m_gateway->pay(payment.payNo))
            qFatal("the sandbox customer did not pay");
        m_gateway->setNotificationsEnabled(notifying);
        const auto paid = await<TradeSnapshot>(
            [&](QObject *context, auto done) { provider.query(payment.payNo, context, done); });
        if (!paid || !*paid || !m_ledger->checkout->apply(payment.payNo, **paid, Source::Poll))
            qFatal("the payment did not settle");
        return *m_ledger->orders->order(payment.orderId);
    }
    Refund returnAll(const Order &order, QList<ReturnLine> lines = {})
    {
        auto back =
            m_book->requestReturn({order.id, std::move(lines), u"faulty"_s}, m_manager, m_manager);
        if (!back)
            qFatal("requestReturn: %s", qPrintable(back.error().message));
        return back->refunds.first();
    }
    RefundStatus status(const QString &refundNo) const
    {
        return (*m_book->readRefund(refundNo).value()).status;
    }
    Refund stored(const QString &refundNo) const { return *m_book->readRefund(refundNo).value(); }
    // The refund's next job runs now rather than when it is due.
    void runNow(const QString &refundNo)
    {
        const auto job = jobs().job(refundNo);
        QVERIFY(job);
        QVERIFY(jobs().schedule(job->kind, refundNo, m_ledger->clock().now(), job->attempts));
        jobs().runDue();
    }
    QString sourceOf(qint64 orderId, const QString &kind) const
    {
        for (const Event &event : m_ledger->orders->events(orderId)) {
            if (event.kind == kind)
                return event.source;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>(TestLedger::Time::System);
        m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        QVERIFY(m_gateway->listen() != 0);
        QVERIFY(m_gateway->listenSecure() != 0);
        m_gateway->setNotifyTimeScale(0.001);
        m_listener = std::make_unique<HttpListener>();
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
        WechatConfig wechat = sandboxWechatSecureConfig(*m_gateway);
        wechat.refundNotifyUrl =
            u"http://127.0.0.1:%1/notify/wechat/refund"_s.arg(m_listener->port());
        m_wechat = std::make_unique<WechatV2Provider>(wechat);
        m_alipay = std::make_unique<AlipayProvider>(sandboxAlipayConfig(*m_gateway));
        m_users = std::make_unique<UserStore>(*m_ledger->database,
                                              UserStore::Options{1000, m_ledger->clock()});
        m_manager = m_users->createFirstManager(u"店长"_s, u"1234"_s).value();
        m_book =
            std::make_unique<RefundBook>(*m_ledger->database, jobs(), u"T01"_s, m_ledger->clock());
        m_settler = std::make_unique<RefundSettler>(
            *m_book, jobs(), ProviderRegistry{m_wechat.get(), m_alipay.get()});
        m_notify =
            std::make_unique<NotifyService>(*m_ledger->database, *m_ledger->checkout, *m_listener);
        m_notify->addRefunds(*m_wechat, *m_book);
        m_settler->start();
    }
    void cleanup()
    {
        // The sandbox first, so that nothing is in flight to a listener that is gone.
        m_gateway.reset();
        m_notify.reset();
        m_listener.reset();
        m_settler.reset();
        m_book.reset();
        m_users.reset();
        m_wechat.reset();
        m_alipay.reset();
        m_ledger.reset();
    }

    void aWholeRefundIsSettledByItsNotification()
    {
        const Order order = sold(*m_wechat);
        const Refund refund = returnAll(order);
        // Its first query is ten seconds away: only the notification can be this quick.
        QTRY_COMPARE_WITH_TIMEOUT(status(refund.refundNo), RefundStatus::Refunded, kWaitMs);
        QCOMPARE(sourceOf(order.id, u"refund_succeeded"_s), u"notify"_s);
        QCOMPARE(m_gateway->refundedAmount(refund.payNo), Fen(1250));
        QCOMPARE(m_gateway->refundRequestCount(refund.refundNo), 1);
        QCOMPARE(stored(refund.refundNo).providerRefundId,
                 m_gateway->refund(refund.refundNo)->refundId);
        QVERIFY(!jobs().job(refund.refundNo));
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 100);
    }

    void twoPartialRefundsThenAThirdIsRefusedBeforeAnyRequest()
    {
        const Order order = sold(*m_wechat);
        const auto items = m_ledger->orders->items(order.id);
        const qint64 water = items.first().id;
        const Refund first = returnAll(order, {{water, 1}});
        const Refund second = returnAll(order, {{water, 1}});
        QTRY_COMPARE_WITH_TIMEOUT(status(first.refundNo), RefundStatus::Refunded, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(status(second.refundNo), RefundStatus::Refunded, kWaitMs);
        auto third =
            m_book->requestReturn({order.id, {{water, 1}}, u"faulty"_s}, m_manager, m_manager);
        QCOMPARE(third.error().code, ErrorCode::RefundTooLarge);
        QCOMPARE(m_gateway->refunds().size(), 2);
        QCOMPARE(m_gateway->refundedAmount(first.payNo), Fen(400));
        QVERIFY(first.refundNo != second.refundNo);
    }

    void aRefundStillProcessingIsSettledByQuery()
    {
        m_gateway->setRefundBehaviour(RefundBehaviour::StaysProcessing);
        const Order order = sold(*m_wechat);
        const Refund refund = returnAll(order);
        QTRY_COMPARE_WITH_TIMEOUT(status(refund.refundNo), RefundStatus::Processing, kWaitMs);
        runNow(refund.refundNo); // the provider still works on it
        QTRY_COMPARE_WITH_TIMEOUT(m_settler->inFlight(), 0, kWaitMs);
        QCOMPARE(status(refund.refundNo), RefundStatus::Processing);
        m_gateway->setNotificationsEnabled(false);
        QVERIFY(m_gateway->completeRefund(refund.refundNo));
        runNow(refund.refundNo);
        QTRY_COMPARE_WITH_TIMEOUT(status(refund.refundNo), RefundStatus::Refunded, kWaitMs);
        QCOMPARE(sourceOf(order.id, u"refund_succeeded"_s), u"settler"_s);
        QCOMPARE(m_gateway->refundRequestCount(refund.refundNo), 1);
    }

    void aForgedOrReplayedNotificationChangesNothing()
    {
        m_gateway->setRefundBehaviour(RefundBehaviour::StaysProcessing);
        m_gateway->setNotificationsEnabled(false);
        const Order order = sold(*m_wechat);
        const Refund refund = returnAll(order);
        QTRY_COMPARE_WITH_TIMEOUT(status(refund.refundNo), RefundStatus::Processing, kWaitMs);
        QVERIFY(m_gateway->completeRefund(refund.refundNo));
        QSignalSpy handled(m_notify.get(), &NotifyService::handled);
        const auto acknowledged = [&] {
            return std::count_if(handled.cbegin(), handled.cend(), [&](const QVariantList &call) {
                return call.at(1).toString() == refund.refundNo && call.at(2).toBool();
            });
        };
        // Each is refused (and sent again by the gateway, and refused again).
        for (const RefundNotifyVariant forged :
             {RefundNotifyVariant::WrongKey, RefundNotifyVariant::OtherMerchant,
              RefundNotifyVariant::WrongAmount})
            QVERIFY(m_gateway->sendRefundNotification(refund.refundNo, forged));
        QTRY_VERIFY_WITH_TIMEOUT(m_ledger->eventCount(u"alert_refund_mismatch"_s) >= 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_ledger->eventCount(u"alert_bad_notification"_s) >= 2, kWaitMs);
        QCOMPARE(status(refund.refundNo), RefundStatus::Processing);
        QCOMPARE(acknowledged(), 0);

        // The genuine one, then the same again: one refund, both acknowledged.
        QVERIFY(m_gateway->sendRefundNotification(refund.refundNo));
        QTRY_COMPARE_WITH_TIMEOUT(acknowledged(), 1, kWaitMs);
        QCOMPARE(status(refund.refundNo), RefundStatus::Refunded);
        QVERIFY(m_gateway->sendRefundNotification(refund.refundNo));
        QTRY_COMPARE_WITH_TIMEOUT(acknowledged(), 2, kWaitMs);
        QCOMPARE(status(refund.refundNo), RefundStatus::Refunded);
        QCOMPARE(m_ledger->eventCount(u"refund_succeeded"_s), 1);
        QCOMPARE(m_gateway->refundedAmount(refund.payNo), Fen(1250));
    }

    void aShortBalanceFailsWithItsReasonAndIsSentAgain()
    {
        m_gateway->setRefundBehaviour(RefundBehaviour::NotEnoughBalance);
        const Order order = sold(*m_wechat);
        const Refund refund = returnAll(order);
        QTRY_COMPARE_WITH_TIMEOUT(status(refund.refundNo), RefundStatus::Failed, kWaitMs);
        QVERIFY(stored(refund.refundNo).lastError.contains(u"NOTENOUGH"_s));
        QCOMPARE(m_gateway->refundedAmount(refund.payNo), Fen(0));

        m_gateway->setRefundBehaviour(RefundBehaviour::Succeeds);
        const Refund again = m_book->retryRefund(refund.refundNo, m_manager).value();
        QTRY_COMPARE_WITH_TIMEOUT(status(again.refundNo), RefundStatus::Refunded, kWaitMs);
        QCOMPARE(m_gateway->refundedAmount(refund.payNo), Fen(1250));
    }

    void anAnswerLostToAnErrorIsSentAgainWithTheSameNumber()
    {
        m_gateway->setRefundBehaviour(RefundBehaviour::ProcessThenSystemError);
        const Order order = sold(*m_wechat);
        const Refund refund = returnAll(order);
        QTRY_VERIFY_WITH_TIMEOUT(stored(refund.refundNo).lastError.contains(u"SYSTEMERROR"_s),
                                 kWaitMs);
        m_gateway->setNotificationsEnabled(false); // the second answer must do it
        m_gateway->setRefundBehaviour(RefundBehaviour::Succeeds);
        QCOMPARE(status(refund.refundNo), RefundStatus::Requested);
        runNow(refund.refundNo);
        QTRY_COMPARE_WITH_TIMEOUT(status(refund.refundNo), RefundStatus::Processing, kWaitMs);
        QCOMPARE(m_gateway->refundRequestCount(refund.refundNo), 2);
        QCOMPARE(m_gateway->refunds().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->refundedAmount(refund.payNo), Fen(1250), kWaitMs);
    }

    void anAlipayRefundIsRefundedInItsAnswer()
    {
        const Order order = sold(*m_alipay);
        const Refund refund = returnAll(order);
        QCOMPARE(refund.provider, u"alipay"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status(refund.refundNo), RefundStatus::Refunded, kWaitMs);
        QCOMPARE(m_gateway->refundedAmount(refund.payNo), Fen(1250));
        QVERIFY(!jobs().job(refund.refundNo));
    }
};

QTEST_MAIN(TestRefundSettlement)
#include "tst_refundsettlement.moc"
