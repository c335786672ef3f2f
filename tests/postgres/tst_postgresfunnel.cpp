// The funnel (Checkout::apply) and placeOrder from two tills at the same moment, on two
// connections to one PostgreSQL database: the same payment result arriving at both (a
// notification at one, a poll at the other), a close racing a payment, and two tills
// selling the same goods. Money and stock must move exactly once.

#include "concurrenttills.h"
#include "scriptedprovider.h"
#include "testledger.h"

#include <QBuffer>
#include <QSet>
#include <QTest>

#include <barrier>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

constexpr int kRounds = 20;
constexpr int kError = -1;

// What one till made of each round: an ApplyResult, or kError with a message.
struct TillLog
{
    std::vector<int> results;
    QString error;
};

} // namespace

class tst_PostgresFunnel : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<ScriptedProvider> m_provider;

    qint64 rice() const { return m_ledger->productId(u"8001"_s); }
    qint64 tea() const { return m_ledger->productId(u"8002"_s); }

    // Orders of two rice and one tea (11.00 yuan), each with its QR on screen.
    QList<Payment> pendingPayments(int count, bool cancelled)
    {
        QList<Payment> payments;
        for (int i = 0; i < count; ++i) {
            auto order = m_ledger->checkout->placeOrder({{rice(), 2}, {tea(), 1}}, u"alice"_s);
            if (!order)
                qFatal("placeOrder: %s", qPrintable(order.error().message));
            auto payment = m_ledger->checkout->openPayment(order->id, *m_provider,
                                                           std::chrono::minutes(10), u"alice"_s);
            if (!payment || !m_ledger->checkout->recordQrIssued(payment->payNo, u"weixin://x"_s))
                qFatal("cannot open a payment");
            // The cashier gave up: the order waits for the provider to confirm the close.
            if (cancelled && !m_ledger->checkout->requestCancel(order->id, u"alice"_s))
                qFatal("cannot cancel");
            payments.append(*payment);
        }
        return payments;
    }

    // Till t (0 or 1) applies snapshots[t][round] to payments[round], both tills one
    // round at a time and each round at the same moment.
    std::vector<TillLog> applyOnTwoTills(const QList<Payment> &payments,
                                         const std::vector<QList<TradeSnapshot>> &snapshots)
    {
        const DatabaseSettings settings = m_ledger->database->settings();
        const QDateTime now = m_ledger->now.addSecs(60); // before the deadline
        std::vector<TillLog> logs(2);
        std::barrier round(2);
        runTillsTogether(2, [&](int till) {
            auto database = Database::open(settings);
            if (!database) {
                logs[till].error = database.error().message;
                round.arrive_and_drop();
                return;
            }
            Checkout checkout(**database, u"T0%1"_s.arg(till + 2),
                              ShopClock(ShopClock::defaultZone(), [now] { return now; }));
            for (int i = 0; i < payments.size(); ++i) {
                round.arrive_and_wait();
                const auto applied = checkout.apply(payments.at(i).payNo, snapshots[till].at(i),
                                                    till ? Source::Poll : Source::Notify);
                logs[till].results.push_back(applied ? int(*applied) : kError);
                if (!applied)
                    logs[till].error = applied.error().message;
            }
        });
        return logs;
    }

    qint64 eventsOf(const Payment &payment, const QString &kind) const
    {
        return scalar(*m_ledger->database,
                      u"SELECT COUNT(*) FROM events WHERE order_id = %1 AND kind = '%2'"_s
                          .arg(payment.orderId)
                          .arg(kind));
    }

    void verifyPaidOnce(const QList<Payment> &payments)
    {
        for (const Payment &payment : payments) {
            QCOMPARE(m_ledger->orders->payment(payment.payNo)->status, PaymentStatus::Success);
            QCOMPARE(m_ledger->orders->order(payment.orderId)->status, OrderStatus::Paid);
            QCOMPARE(eventsOf(payment, u"payment_paid"_s), 1);
            QCOMPARE(eventsOf(payment, u"order_paid"_s), 1);
        }
        // Sold once each, and nothing left reserved for a paid order.
        const qint64 n = payments.size();
        QCOMPARE(m_ledger->product(u"8001"_s).stock, 1000 - 2 * n);
        QCOMPARE(m_ledger->product(u"8001"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"8002"_s).stock, 1000 - n);
        QCOMPARE(m_ledger->product(u"8002"_s).reserved, 0);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(usingPostgres()); }

    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_provider = std::make_unique<ScriptedProvider>();
        QBuffer csv;
        csv.setData("barcode,name,price_yuan,stock\n8001,Rice,3.00,1000\n8002,Tea,5.00,1000\n");
        csv.open(QIODevice::ReadOnly);
        QVERIFY(m_ledger->catalog->importCsv(csv));
    }

    void cleanup()
    {
        m_provider.reset();
        m_ledger.reset();
    }

    void sameSuccessOnTwoTillsIsPaidOnce()
    {
        const QList<Payment> payments = pendingPayments(kRounds, false);
        std::vector<QList<TradeSnapshot>> snapshots(2);
        for (const Payment &payment : payments) {
            for (auto &till : snapshots)
                till.append(m_provider->state(payment.payNo, TradeState::Success, payment.amount));
        }
        const auto logs = applyOnTwoTills(payments, snapshots);
        for (int i = 0; i < kRounds; ++i) {
            const int a = logs[0].results.at(i);
            const int b = logs[1].results.at(i);
            QVERIFY2(a != kError && b != kError, qPrintable(logs[0].error + logs[1].error));
            // One till changed the payment; the other found it done.
            QCOMPARE(QSet<int>({a, b}),
                     QSet<int>({int(ApplyResult::Applied), int(ApplyResult::NoChange)}));
        }
        verifyPaidOnce(payments);
        QVERIFY(m_ledger->orders->alerts().isEmpty());
    }

    void closeRacingSuccessKeepsTheMoney()
    {
        const QList<Payment> payments = pendingPayments(kRounds, true);
        std::vector<QList<TradeSnapshot>> snapshots(2);
        for (const Payment &payment : payments) {
            TradeSnapshot closed = m_provider->state(payment.payNo, TradeState::Closed, -1);
            snapshots[0].append(closed);
            snapshots[1].append(
                m_provider->state(payment.payNo, TradeState::Success, payment.amount));
        }
        const auto logs = applyOnTwoTills(payments, snapshots);
        for (int i = 0; i < kRounds; ++i) {
            QVERIFY2(logs[0].results.at(i) != kError, qPrintable(logs[0].error));
            // Whatever came first, the payment is applied: a conflict is read again.
            QVERIFY2(logs[1].results.at(i) == int(ApplyResult::Applied), qPrintable(logs[1].error));
        }
        verifyPaidOnce(payments);
        for (const Payment &payment : payments) {
            // If the close won the race, the money that came anyway is an alert, not hidden.
            QCOMPARE(eventsOf(payment, u"alert_paid_after_close"_s),
                     eventsOf(payment, u"payment_closed"_s));
            QCOMPARE(eventsOf(payment, u"alert_paid_after_cancel"_s),
                     eventsOf(payment, u"order_cancelled"_s));
            QVERIFY(eventsOf(payment, u"order_cancelled"_s) <= 1);
        }
    }

    void twoTillsSellingTheSameGoodsReserveExactly()
    {
        constexpr int kOrders = 40;
        const DatabaseSettings settings = m_ledger->database->settings();
        const QDateTime now = m_ledger->now;
        const qint64 riceId = rice();
        const qint64 teaId = tea();
        std::vector<QString> errors(2);
        runTillsTogether(2, [&](int till) {
            auto database = Database::open(settings);
            if (!database) {
                errors[till] = database.error().message;
                return;
            }
            Checkout checkout(**database, u"T0%1"_s.arg(till + 2),
                              ShopClock(ShopClock::defaultZone(), [now] { return now; }));
            // The carts list the goods in opposite orders; the rows are locked in one.
            const QList<CartLine> cart = till ? QList<CartLine>{{teaId, 1}, {riceId, 2}}
                                              : QList<CartLine>{{riceId, 2}, {teaId, 1}};
            for (int i = 0; i < kOrders && errors[till].isEmpty(); ++i) {
                if (auto order = checkout.placeOrder(cart, u"bob"_s); !order)
                    errors[till] = order.error().name() + u": "_s + order.error().message;
            }
        });
        QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
        QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
        const Database &db = *m_ledger->database;
        QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM orders"_s), 2 * kOrders);
        QCOMPARE(scalar(db, u"SELECT COUNT(DISTINCT order_no) FROM orders"_s), 2 * kOrders);
        QCOMPARE(m_ledger->product(u"8001"_s).reserved, 2 * 2 * kOrders);
        QCOMPARE(m_ledger->product(u"8002"_s).reserved, 2 * kOrders);
        QCOMPARE(m_ledger->product(u"8001"_s).stock, 1000); // reserved, not sold yet
        QCOMPARE(scalar(db, u"SELECT SUM(quantity) FROM order_items WHERE product_id = %1"_s.arg(
                                riceId)),
                 2 * 2 * kOrders);
    }
};

QTEST_GUILESS_MAIN(tst_PostgresFunnel)
#include "tst_postgresfunnel.moc"
