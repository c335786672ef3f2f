// A shop moves from WeChat Pay v2 to v3 in the middle of a day: every trade stays with the
// api it was made with for its whole life (query, close, refund), new trades go through
// v3, and a v2 trade whose settings are gone waits rather than being asked about through
// v3, which does not know it. The real providers against the sandbox over loopback, a
// real ledger, one clock for till and gateway.

#include "auth/userstore.h"
#include "awaitresult.h"
#include "checkout/paymentsettler.h"
#include "pay/wechat/wechatv2provider.h"
#include "pay/wechatv3/wechatv3provider.h"
#include "refund/refundbook.h"
#include "refund/refundsettler.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"
#include "testledger.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;
using V3 = SandboxWechatV3Protocol;

class TestWechatApiSwitch : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_sandbox;
    std::unique_ptr<WechatV2Provider> m_v2;
    std::unique_ptr<WechatV3Provider> m_v3;
    std::unique_ptr<PaymentSettler> m_settler;

    Payment payment(const QString &payNo) const { return *m_ledger->orders->payment(payNo); }

    // The shop after the move: v3 takes new trades; v2, if it is kept, only settles.
    ProviderRegistry movedToV3(bool keepV2 = true)
    {
        ProviderRegistry registry;
        registry.add(*m_v3);
        if (keepV2)
            registry.add(*m_v2, false);
        return registry;
    }

    void runAt(const QDateTime &when)
    {
        m_ledger->now = std::max(m_ledger->now, when);
        m_settler->runDue();
        QTRY_COMPARE(m_settler->inFlight(), 0);
    }
    void settle(const QString &payNo)
    {
        for (int i = 0; i < 40 && payment(payNo).isOpen() && m_ledger->dueAt(payNo).isValid(); ++i)
            runAt(m_ledger->dueAt(payNo));
    }
    int v3Requests() const
    {
        int count = 0;
        for (const QString &path : {V3::kNativePath, V3::kQueryPath, V3::kClosePath,
                                    V3::kRefundPath, V3::kRefundQueryPath})
            count += m_sandbox->requestCount(path);
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_sandbox = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        m_sandbox->setClock([this] { return m_ledger->now; });
        m_sandbox->setNotificationsEnabled(false); // polling alone settles everything here
        QVERIFY(m_sandbox->listen() != 0);
        QVERIFY(m_sandbox->listenSecure() != 0);
        m_v2 = std::make_unique<WechatV2Provider>(sandboxWechatSecureConfig(*m_sandbox, 2000));
        m_v3 = std::make_unique<WechatV3Provider>(sandboxWechatV3Config(*m_sandbox, 2000),
                                                  m_ledger->clock());
    }

    void cleanup()
    {
        m_settler.reset();
        m_v3.reset();
        m_v2.reset();
        m_sandbox.reset();
        m_ledger.reset();
    }

    void aV2QrLeftOpenIsClosedThroughV2()
    {
        const Payment open = m_ledger->openWithQr(*m_v2, this);
        QCOMPARE(open.api, u"v2"_s);
        m_settler =
            std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders, movedToV3());
        m_settler->start();
        settle(open.payNo);
        QCOMPARE(payment(open.payNo).status, PaymentStatus::Closed);
        QCOMPARE(m_sandbox->trade(open.payNo)->state, u"CLOSED"_s);
        QVERIFY(m_sandbox->requestCount(u"/pay/closeorder"_s) >= 1);
        QCOMPARE(v3Requests(), 0);
    }

    void aV2QrPaidAfterTheMoveIsFoundThroughV2()
    {
        const Payment open = m_ledger->openWithQr(*m_v2, this);
        QVERIFY(m_sandbox->pay(open.payNo));
        m_settler =
            std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders, movedToV3());
        m_settler->start();
        settle(open.payNo);
        QCOMPARE(payment(open.payNo).status, PaymentStatus::Success);
        QVERIFY(m_sandbox->requestCount(u"/pay/orderquery"_s) >= 1);
        QCOMPARE(v3Requests(), 0);
    }

    void aNewTradeAfterTheMoveIsAV3One()
    {
        m_settler =
            std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders, movedToV3());
        m_settler->start();
        const Payment open = m_ledger->openWithQr(*m_v3, this);
        QCOMPARE(open.api, u"v3"_s);
        QCOMPARE(open.provider, u"wechat"_s);
        QVERIFY(m_sandbox->pay(open.payNo));
        runAt(open.expiresAt); // the deadline's job asks before it closes
        settle(open.payNo);
        QCOMPARE(payment(open.payNo).status, PaymentStatus::Success);
        QVERIFY(m_sandbox->requestCount(V3::kQueryPath) >= 1);
        QCOMPARE(m_sandbox->requestCount(u"/pay/orderquery"_s), 0);
    }

    void aV2PaymentIsRefundedThroughV2()
    {
        const Payment open = m_ledger->openWithQr(*m_v2, this);
        QVERIFY(m_sandbox->pay(open.payNo));
        const auto paid = await<TradeSnapshot>(
            [&](QObject *context, auto done) { m_v2->query(open.payNo, context, done); });
        QVERIFY(paid && *paid);
        QVERIFY(m_ledger->checkout->apply(open.payNo, **paid, Source::Poll));

        UserStore users(*m_ledger->database, UserStore::Options{1000, m_ledger->clock()});
        const Staff manager = users.createFirstManager(u"店长"_s, u"1234"_s).value();
        RefundBook book(*m_ledger->database, m_ledger->checkout->jobs(), u"T01"_s,
                        m_ledger->clock());
        RefundSettler settler(book, m_ledger->checkout->jobs(), movedToV3());
        settler.start();
        auto back = book.requestReturn({open.orderId, {}, u"faulty"_s}, manager, manager);
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        const Refund refund = back->refunds.first();
        QCOMPARE(refund.api, u"v2"_s);
        QTRY_COMPARE(m_sandbox->refundRequestCount(refund.refundNo), 1);
        QCOMPARE(m_sandbox->requestCount(u"/secapi/pay/refund"_s), 1);
        QCOMPARE(m_sandbox->requestCount(V3::kRefundPath), 0);
        QTRY_VERIFY((*book.readRefund(refund.refundNo).value()).status != RefundStatus::Requested);
    }

    void withoutItsSettingsAV2TradeWaitsAndIsNeverAskedThroughV3()
    {
        const Payment open = m_ledger->openWithQr(*m_v2, this);
        QVERIFY(m_sandbox->pay(open.payNo));
        m_settler = std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders,
                                                     movedToV3(false));
        m_settler->start();
        for (int i = 0; i < 3 && m_ledger->dueAt(open.payNo).isValid(); ++i)
            runAt(m_ledger->dueAt(open.payNo));
        // Still open, still due: paid at WeChat, and found once [merchant] is back.
        QVERIFY(payment(open.payNo).isOpen());
        QVERIFY(m_ledger->dueAt(open.payNo).isValid());
        QCOMPARE(v3Requests(), 0);

        // [merchant] is back: a settler of the new settings (the old one's handlers go first).
        m_settler.reset();
        m_settler = std::make_unique<PaymentSettler>(*m_ledger->checkout, *m_ledger->orders,
                                                     movedToV3(true));
        m_settler->start();
        settle(open.payNo);
        QCOMPARE(payment(open.payNo).status, PaymentStatus::Success);
    }
};

QTEST_GUILESS_MAIN(TestWechatApiSwitch)
#include "tst_wechatapiswitch.moc"
