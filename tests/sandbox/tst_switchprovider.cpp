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
// When WeChat first accepts a close of a trade: five minutes, and the provider's margin.
constexpr qint64 kWechatCloseSecs = 300 + WechatV2Provider::kCloseSkewMargin.count();
} // namespace

// The customer changes their mind while a WeChat QR is shown: the counter switches to
// Alipay, or to the customer's payment code, on the same order. The session, the real
// providers over loopback, the settler behind them and the rows they leave; one test
// clock is shared by till and gateway so that WeChat's five minutes pass at once.
class TestSwitchProvider : public QObject
{
    Q_OBJECT

    std::unique_ptr<PaymentSettler> m_settler;
    std::unique_ptr<WechatV2Provider> m_wechat;
    std::unique_ptr<AlipayProvider> m_alipay;
    std::unique_ptr<CheckoutClient> m_client;
    std::unique_ptr<Checkout> m_restarted;
    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<SandboxGateway> m_sandbox;

    std::unique_ptr<PaymentSession> showWechatQr()
    {
        PaymentSession::Options options;
        options.pollInterval = std::chrono::milliseconds(20);
        options.codePollInterval = std::chrono::milliseconds(20);
        options.operatorName = u"alice"_s;
        auto session = std::make_unique<PaymentSession>(
            *m_client, *m_wechat, QList<CartLine>{{m_ledger->productId(u"6903"_s), 1}}, options);
        session->start();
        [&] {
            QTRY_COMPARE(session->state(), State::Showing);
        }();
        return session;
    }

    Payment payment(const QString &payNo) const { return *m_ledger->orders->payment(payNo); }
    OrderStatus orderStatus(qint64 orderId) const
    {
        return m_ledger->orders->order(orderId)->status;
    }
    QString tradeState(const QString &payNo) const { return m_sandbox->trade(payNo)->state; }
    int orderCount() const { return m_ledger->count(u"SELECT COUNT(*) FROM orders"_s); }
    QStringList alertKinds() const
    {
        QStringList kinds;
        for (const Event &alert : m_ledger->orders->alerts())
            kinds.append(alert.kind);
        return kinds;
    }

    void runAt(const QDateTime &when)
    {
        m_ledger->now = std::max(m_ledger->now, when);
        m_settler->runDue();
        QTRY_COMPARE(m_settler->inFlight(), 0);
    }
    // Runs the payment's jobs, moving the clock to each, until it is settled.
    void settle(const QString &payNo)
    {
        for (int i = 0; i < 40 && payment(payNo).isOpen() && m_ledger->dueAt(payNo).isValid(); ++i)
            runAt(m_ledger->dueAt(payNo));
    }
    // Past WeChat's five minutes for `payNo`, with whatever its settler does meanwhile.
    void settleWechat(const QString &payNo)
    {
        runAt(payment(payNo).createdAt.addSecs(kWechatCloseSecs + 1));
        settle(payNo);
    }

    void checkSoldOnce()
    {
        QCOMPARE(m_ledger->product(u"6903"_s).stock, 4);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
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
        m_restarted.reset();
    }

    void wechatQrToAlipayQrKeepsTheOrder()
    {
        auto session = showWechatQr();
        const QString orderNo = session->orderNo();
        const QString old = session->payNo();
        m_ledger->now = m_ledger->now.addSecs(20);
        QVERIFY(session->canSwitch());
        session->switchTo(*m_alipay);
        QTRY_COMPARE(session->state(), State::Showing);
        QCOMPARE(session->orderNo(), orderNo);
        QCOMPARE(session->provider().name(), u"alipay"_s);
        QVERIFY(session->payNo() != old);
        QVERIFY(payment(old).isSuperseded());
        QCOMPARE(payment(old).status, PaymentStatus::Pending); // closed once WeChat allows
        QCOMPARE(orderCount(), 1);

        runAt(m_ledger->now);
        QCOMPARE(m_sandbox->requestCount(u"/pay/closeorder"_s), 0); // WeChat's five minutes
        settleWechat(old);
        QCOMPARE(m_sandbox->requestCount(u"/pay/closeorder"_s), 1);
        QCOMPARE(tradeState(old), u"CLOSED"_s);
        QCOMPARE(payment(old).status, PaymentStatus::Closed);
        QCOMPARE(orderStatus(session->orderId()), OrderStatus::AwaitingPayment);
        QCOMPARE(session->state(), State::Showing);

        QVERIFY(m_sandbox->pay(session->payNo()));
        QTRY_COMPARE(session->state(), State::Paid);
        QCOMPARE(orderStatus(session->orderId()), OrderStatus::Paid);
        QCOMPARE(m_ledger->orders->order(session->orderId())->orderNo, orderNo);
        checkSoldOnce();
        QVERIFY2(alertKinds().isEmpty(), qPrintable(alertKinds().join(u',')));
        QCOMPARE(orderCount(), 1);
    }

    void qrToPaymentCodeOnTheSameOrder()
    {
        auto session = showWechatQr();
        const qint64 orderId = session->orderId();
        const QString old = session->payNo();
        session->switchTo(*m_wechat, kWechatCode);
        QTRY_COMPARE(session->state(), State::Paid);
        QCOMPARE(session->orderId(), orderId);
        QCOMPARE(session->method(), PaymentMethod::Code);
        QCOMPARE(payment(session->payNo()).method, PaymentMethod::Code);
        QCOMPARE(orderStatus(orderId), OrderStatus::Paid);
        settleWechat(old);
        QCOMPARE(tradeState(old), u"CLOSED"_s);
        QCOMPARE(orderStatus(orderId), OrderStatus::Paid);
        checkSoldOnce();
        QVERIFY2(alertKinds().isEmpty(), qPrintable(alertKinds().join(u',')));
        QCOMPARE(orderCount(), 1);
    }

    void givenUpAttemptPaidAfterAll()
    {
        auto session = showWechatQr();
        const QString old = session->payNo();
        session->switchTo(*m_alipay);
        QTRY_COMPARE(session->state(), State::Showing);
        const QString current = session->payNo();
        QVERIFY(m_sandbox->pay(old)); // the customer had scanned the WeChat QR already
        settle(old);                  // the settler's look at the given-up attempt
        QCOMPARE(payment(old).status, PaymentStatus::Success);
        QCOMPARE(orderStatus(session->orderId()), OrderStatus::Paid);
        QTRY_COMPARE(session->state(), State::Paid);
        QVERIFY(payment(current).isSuperseded());
        settle(current); // Alipay allows a close at once
        QCOMPARE(tradeState(current), u"CLOSED"_s);
        QCOMPARE(payment(current).status, PaymentStatus::Closed);
        QCOMPARE(orderStatus(session->orderId()), OrderStatus::Paid);
        checkSoldOnce();
        QVERIFY2(alertKinds().isEmpty(), qPrintable(alertKinds().join(u',')));
    }

    void bothPaidIsADoublePayment()
    {
        auto session = showWechatQr();
        const QString old = session->payNo();
        session->switchTo(*m_alipay);
        QTRY_COMPARE(session->state(), State::Showing);
        QVERIFY(m_sandbox->pay(old));
        QVERIFY(m_sandbox->pay(session->payNo()));
        QTRY_COMPARE(session->state(), State::Paid);
        runAt(m_ledger->now);
        settle(old);
        QCOMPARE(payment(old).status, PaymentStatus::Success);
        QCOMPARE(payment(session->payNo()).status, PaymentStatus::Success);
        QCOMPARE(orderStatus(session->orderId()), OrderStatus::Paid);
        QVERIFY(alertKinds().contains(u"alert_double_payment"_s));
        QCOMPARE(m_ledger->eventCount(u"order_paid"_s), 1);
        checkSoldOnce();
    }

    void cancelAfterASwitchClosesBoth()
    {
        auto session = showWechatQr();
        const QString old = session->payNo();
        session->switchTo(*m_alipay);
        QTRY_COMPARE(session->state(), State::Showing);
        const QString current = session->payNo();
        const qint64 orderId = session->orderId();
        session->cancel();
        QTRY_COMPARE(orderStatus(orderId), OrderStatus::Cancelling);
        settle(current);
        QCOMPARE(tradeState(current), u"CLOSED"_s);
        QCOMPARE(orderStatus(orderId), OrderStatus::Cancelling); // the WeChat one may be paid
        settleWechat(old);
        QCOMPARE(tradeState(old), u"CLOSED"_s);
        QCOMPARE(orderStatus(orderId), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6903"_s).stock, 5);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
        QCOMPARE(m_ledger->eventCount(u"order_cancelled"_s), 1);
    }

    void restartAfterASwitchEndsEverything_data()
    {
        QTest::addColumn<bool>("qrShown");
        QTest::newRow("new QR shown") << true;
        QTest::newRow("new QR never asked for") << false;
    }
    void restartAfterASwitchEndsEverything()
    {
        QFETCH(bool, qrShown);
        const Payment old = m_ledger->openWithQr(*m_wechat, this);
        auto switched = m_ledger->checkout->switchPayment(old.payNo, *m_alipay,
                                                          std::chrono::minutes(10), u"alice"_s);
        QVERIFY2(switched, qPrintable(switched ? QString() : switched.error().message));
        if (qrShown) {
            std::optional<Result<QrTicket>> ticket;
            m_alipay->createQr({switched->payNo, switched->amount, u"test"_s, switched->createdAt,
                                switched->expiresAt},
                               this, [&](Result<QrTicket> t) { ticket = t; });
            QTRY_VERIFY(ticket.has_value());
            QVERIFY(*ticket);
        }
        // The till stops: nothing of this run is left but the database.
        m_settler.reset();
        m_client.reset();
        m_ledger->now = m_ledger->now.addSecs(30);
        m_restarted = std::make_unique<Checkout>(*m_ledger->database, u"T01"_s, m_ledger->clock());
        m_settler = std::make_unique<PaymentSettler>(
            *m_restarted, *m_ledger->orders, ProviderRegistry{m_wechat.get(), m_alipay.get()});
        QVERIFY(m_restarted->cancelAbandonedOrders());
        m_settler->start();
        QTRY_COMPARE(m_settler->inFlight(), 0);
        QVERIFY(m_ledger->orders->order(old.orderId)->status != OrderStatus::Paid);
        // Whatever recovery decided, both attempts end within the settler's schedule.
        for (int i = 0;
             i < 80 && (payment(old.payNo).isOpen() || payment(switched->payNo).isOpen() ||
                        orderStatus(old.orderId) != OrderStatus::Cancelled);
             ++i) {
            QDateTime next;
            for (const QString &payNo : {old.payNo, switched->payNo}) {
                const QDateTime due = m_ledger->dueAt(payNo);
                if (due.isValid() && (!next.isValid() || due < next))
                    next = due;
            }
            if (!next.isValid())
                break;
            runAt(next);
        }
        QCOMPARE(payment(old.payNo).status, PaymentStatus::Closed);
        QVERIFY(!payment(switched->payNo).isOpen());
        QCOMPARE(tradeState(old.payNo), u"CLOSED"_s);
        QCOMPARE(orderStatus(old.orderId), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
    }

    void aSecondLiveAttemptIsStillRefused()
    {
        const Payment old = m_ledger->openWithQr(*m_wechat, this);
        auto switched = m_ledger->checkout->switchPayment(old.payNo, *m_alipay,
                                                          std::chrono::minutes(10), u"alice"_s);
        QVERIFY(switched);
        // Neither another attempt beside the live one, nor a second switch from the old.
        QVERIFY(!m_ledger->checkout->openPayment(old.orderId, *m_wechat, std::chrono::minutes(10),
                                                 u"alice"_s));
        QVERIFY(!m_ledger->checkout->switchPayment(old.payNo, *m_wechat, std::chrono::minutes(10),
                                                   u"alice"_s));
    }
};

QTEST_GUILESS_MAIN(TestSwitchProvider)
#include "tst_switchprovider.moc"
