// Cash through the funnel: a cash sale with change, split tenders (cash first, then a QR
// or payment code for what is left), and the cash given back when such an order ends
// unpaid. An order is paid only when its tenders cover its total.
#include "checkout/cashamounts.h"
#include "scriptedprovider.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestCashTender : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<ScriptedProvider> m_wechat;

    // The sample cart: two waters and a chocolate, 12.50 yuan.
    QList<CartLine> sampleLines() const
    {
        return {{m_ledger->productId(u"6901"_s), 2}, {m_ledger->productId(u"6903"_s), 1}};
    }
    Checkout &checkout() { return *m_ledger->checkout; }

    // Cash that does not cover the sample order, then a QR for the rest.
    std::pair<CashTaken, Payment> splitWithQr(Fen cash)
    {
        auto taken = checkout().takeCash(sampleLines(), cash, u"alice"_s);
        if (!taken)
            qFatal("takeCash: %s", qPrintable(taken.error().message));
        auto rest = checkout().openPayment(taken->order.id, *m_wechat, std::chrono::minutes(10),
                                           u"alice"_s);
        if (!rest)
            qFatal("openPayment: %s", qPrintable(rest.error().message));
        if (!checkout().recordQrIssued(rest->payNo, u"weixin://wxpay/bizpayurl?pr=rest"_s))
            qFatal("recordQrIssued failed");
        return {taken.value(), rest.value()};
    }
    ApplyResult apply(const Payment &payment, TradeState state, Fen amount)
    {
        auto applied = checkout().apply(
            payment.payNo, m_wechat->state(payment.payNo, state, amount), Source::Poll);
        if (!applied)
            qFatal("apply: %s", qPrintable(applied.error().message));
        return *applied;
    }
    Payment stored(const QString &payNo) const { return *m_ledger->orders->payment(payNo); }
    OrderStatus orderStatus(qint64 orderId) const
    {
        return m_ledger->orders->order(orderId)->status;
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_wechat = std::make_unique<ScriptedProvider>();
    }

    void quickAmountsAreTheExactSumAndTheNextNotes_data()
    {
        QTest::addColumn<Fen>("due");
        QTest::addColumn<QList<Fen>>("amounts");
        QTest::newRow("37.50") << Fen(3750) << QList<Fen>{3750, 4000, 5000, 10000};
        QTest::newRow("a round 40") << Fen(4000) << QList<Fen>{4000, 5000, 10000};
        QTest::newRow("a round 50") << Fen(5000) << QList<Fen>{5000, 10000};
        QTest::newRow("a round 100") << Fen(10000) << QList<Fen>{10000};
        QTest::newRow("one fen") << Fen(1) << QList<Fen>{1, 1000, 5000, 10000};
        QTest::newRow("above 100") << Fen(12345) << QList<Fen>{12345, 13000, 15000, 20000};
        QTest::newRow("nothing due") << Fen(0) << QList<Fen>{};
    }

    void quickAmountsAreTheExactSumAndTheNextNotes()
    {
        QFETCH(Fen, due);
        QFETCH(QList<Fen>, amounts);
        QCOMPARE(quickCashAmounts(due), amounts);
    }

    void aCashSaleWithChangeIsPaidAtOnce()
    {
        QSignalSpy orders(&checkout(), &Checkout::orderChanged);
        auto taken = checkout().takeCash(sampleLines(), 2000, u"alice"_s);
        QVERIFY(taken);
        QCOMPARE(taken->order.status, OrderStatus::Paid);
        QCOMPARE(taken->due, Fen(0));
        QCOMPARE(taken->tender.amount, Fen(1250));
        QCOMPARE(taken->tender.tendered, Fen(2000));
        QCOMPARE(taken->tender.change(), Fen(750));

        const Payment tender = stored(taken->tender.payNo);
        QCOMPARE(tender.provider, u"cash"_s);
        QCOMPARE(tender.method, PaymentMethod::Cash);
        QCOMPARE(tender.status, PaymentStatus::Success);
        QCOMPARE(tender.amount, Fen(1250));
        QCOMPARE(tender.tendered, Fen(2000));
        QCOMPARE(orderStatus(taken->order.id), OrderStatus::Paid);
        QCOMPARE(m_ledger->orders->order(taken->order.id)->paidAt, m_ledger->now);
        // Sold, not reserved; nothing left for the settler.
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"6903"_s).stock, 4);
        QVERIFY(!m_ledger->dueAt(tender.payNo).isValid());
        QCOMPARE(m_ledger->eventKinds(taken->order.id),
                 (QStringList{u"order_created"_s, u"cash_taken"_s, u"order_paid"_s}));
        QVERIFY(m_ledger->orders->events(taken->order.id)
                    .at(1)
                    .detail.contains(u"\"change_fen\":750"_s));
        QVERIFY(!orders.isEmpty());
        QCOMPARE(orders.last().at(1).value<OrderStatus>(), OrderStatus::Paid);
    }

    void theExactAmountGivesNoChange()
    {
        auto taken = checkout().takeCash(sampleLines(), 1250, u"alice"_s);
        QVERIFY(taken);
        QCOMPARE(taken->order.status, OrderStatus::Paid);
        QCOMPARE(taken->tender.change(), Fen(0));
    }

    void noCashIsNoSaleAndWritesNothing()
    {
        for (const Fen given : {Fen(0), Fen(-100)}) {
            auto taken = checkout().takeCash(sampleLines(), given, u"alice"_s);
            QVERIFY(!taken);
            QCOMPARE(taken.error().code, ErrorCode::NothingToCharge);
        }
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM orders"_s), 0);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QVERIFY(!checkout().takeCash(QList<CartLine>{}, 1000, u"alice"_s)); // an empty cart
    }

    void cashThatFallsShortLeavesTheRestDue()
    {
        auto taken = checkout().takeCash(sampleLines(), 500, u"alice"_s);
        QVERIFY(taken);
        QCOMPARE(taken->order.status, OrderStatus::AwaitingPayment);
        QCOMPARE(taken->due, Fen(750));
        QCOMPARE(taken->tender.amount, Fen(500));
        QCOMPARE(taken->tender.change(), Fen(0));
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 2); // held, not yet sold
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 100);

        // More cash later pays the rest, with change from the second handful only.
        auto more = checkout().takeCash(taken->order.id, 1000, u"alice"_s);
        QVERIFY(more);
        QCOMPARE(more->tender.amount, Fen(750));
        QCOMPARE(more->tender.change(), Fen(250));
        QCOMPARE(more->order.status, OrderStatus::Paid);
        QCOMPARE(more->order.orderNo, taken->order.orderNo);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);

        auto again = checkout().takeCash(taken->order.id, 100, u"alice"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::OrderNotPayable);
    }

    void aSplitTenderIsPaidWhenTheQrPaysTheRest()
    {
        const auto [cash, rest] = splitWithQr(500);
        QCOMPARE(rest.amount, Fen(750)); // the QR asks for what the cash left
        QCOMPARE(orderStatus(cash.order.id), OrderStatus::AwaitingPayment);

        QCOMPARE(apply(rest, TradeState::Success, 750), ApplyResult::Applied);
        QCOMPARE(orderStatus(cash.order.id), OrderStatus::Paid);
        QCOMPARE(stored(cash.tender.payNo).status, PaymentStatus::Success);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QCOMPARE(m_ledger->eventCount(u"order_paid"_s), 1);
    }

    void theRestIsCheckedAgainstWhatItAskedFor()
    {
        // A gateway answering the order's whole total for the 7.50 attempt is wrong,
        // whatever the total is: the answer is refused, and nothing is paid.
        const auto [cash, rest] = splitWithQr(500);
        QCOMPARE(apply(rest, TradeState::Success, 1250), ApplyResult::Refused);
        QCOMPARE(stored(rest.payNo).status, PaymentStatus::Pending);
        QCOMPARE(orderStatus(cash.order.id), OrderStatus::AwaitingPayment);
        QCOMPARE(m_ledger->eventCount(u"alert_mismatch"_s), 1);
    }

    void cashWaitsWhileAnAttemptIsOpen()
    {
        const auto [cash, rest] = splitWithQr(500);
        auto more = checkout().takeCash(cash.order.id, 750, u"alice"_s);
        QVERIFY(!more);
        QCOMPARE(more.error().code, ErrorCode::AttemptOpen);
        QCOMPARE(m_ledger->count(u"SELECT COUNT(*) FROM payments WHERE method = 'cash'"_s), 1);
    }

    void anAttemptRefusedByTheBankLeavesTheCashTaken()
    {
        // The tender that failed is visible as failed; the cash stays, and another
        // attempt asks for the same rest.
        auto cash = checkout().takeCash(sampleLines(), 500, u"alice"_s);
        QVERIFY(cash);
        auto rest = checkout().openPayment(cash->order.id, *m_wechat, std::chrono::seconds(30),
                                           u"alice"_s, PaymentMethod::Code);
        QVERIFY(rest);
        QVERIFY(checkout().recordCreateRefused(rest->payNo, Error::provider(u"NOTENOUGH"_s, {})));
        QCOMPARE(stored(rest->payNo).status, PaymentStatus::Failed);
        QCOMPARE(stored(cash->tender.payNo).status, PaymentStatus::Success);
        QCOMPARE(orderStatus(cash->order.id), OrderStatus::AwaitingPayment);
        auto again =
            checkout().openPayment(cash->order.id, *m_wechat, std::chrono::minutes(10), u"alice"_s);
        QVERIFY(again);
        QCOMPARE(again->amount, Fen(750));
    }

    void cancellingGivesTheCashBack()
    {
        auto taken = checkout().takeCash(sampleLines(), 500, u"alice"_s);
        QVERIFY(taken);
        QSignalSpy payments(&checkout(), &Checkout::paymentChanged);
        QVERIFY(checkout().requestCancel(taken->order.id, u"alice"_s));
        QCOMPARE(orderStatus(taken->order.id), OrderStatus::Cancelled);
        QCOMPARE(stored(taken->tender.payNo).status, PaymentStatus::Closed);
        QCOMPARE(m_ledger->product(u"6901"_s).reserved, 0);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 100);
        QCOMPARE(m_ledger->eventKinds(taken->order.id).mid(2),
                 (QStringList{u"cash_returned"_s, u"order_cancelled"_s}));
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments.at(0).at(0).toString(), taken->tender.payNo);
        QCOMPARE(m_ledger->eventCount(u"alert_cash_to_return"_s), 0); // the cashier is there
    }

    void aSplitOrderClosedAfterACancelGivesTheCashBack()
    {
        const auto [cash, rest] = splitWithQr(500);
        QVERIFY(checkout().requestCancel(cash.order.id, u"alice"_s));
        QCOMPARE(orderStatus(cash.order.id), OrderStatus::Cancelling);
        QCOMPARE(stored(cash.tender.payNo).status, PaymentStatus::Success); // may still be paid

        QCOMPARE(apply(rest, TradeState::Closed, -1), ApplyResult::Applied);
        QCOMPARE(orderStatus(cash.order.id), OrderStatus::Cancelled);
        QCOMPARE(stored(cash.tender.payNo).status, PaymentStatus::Closed);
        QCOMPARE(m_ledger->eventCount(u"cash_returned"_s), 1);
    }

    void theRestPaidWhileCancellingPaysTheOrder()
    {
        // The customer paid just as the cashier gave up: cash and QR together pay it.
        const auto [cash, rest] = splitWithQr(500);
        QVERIFY(checkout().requestCancel(cash.order.id, u"alice"_s));
        QCOMPARE(apply(rest, TradeState::Success, 750), ApplyResult::Applied);
        QCOMPARE(orderStatus(cash.order.id), OrderStatus::Paid);
        QCOMPARE(stored(cash.tender.payNo).status, PaymentStatus::Success);
        QCOMPARE(m_ledger->eventCount(u"cash_returned"_s), 0);
    }

    void theRestPaidAfterTheCashWentBackIsNeverAPaidOrder()
    {
        // The cash went back with the cancel; the QR's 7.50 that lands afterwards does not
        // pay 12.50 of goods: the order stays cancelled and the manager must return it.
        const auto [cash, rest] = splitWithQr(500);
        QVERIFY(checkout().requestCancel(cash.order.id, u"alice"_s));
        QCOMPARE(apply(rest, TradeState::Closed, -1), ApplyResult::Applied);
        QSignalSpy alerts(&checkout(), &Checkout::alertRaised);

        QCOMPARE(apply(rest, TradeState::Success, 750), ApplyResult::Applied);
        QCOMPARE(stored(rest.payNo).status, PaymentStatus::Success); // the money is recorded
        QCOMPARE(orderStatus(cash.order.id), OrderStatus::Cancelled);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 100); // nothing sold
        QCOMPARE(alerts.size(), 2);
        QStringList kinds{alerts.at(0).at(1).toString(), alerts.at(1).at(1).toString()};
        kinds.sort();
        QCOMPARE(kinds, (QStringList{u"alert_paid_after_cancel"_s, u"alert_paid_after_close"_s}));
    }

    void aCashOrderLeftByACrashIsCancelledAndTheManagerTold()
    {
        auto taken = checkout().takeCash(sampleLines(), 500, u"alice"_s);
        QVERIFY(taken);
        QSignalSpy alerts(&checkout(), &Checkout::alertRaised);
        auto cancelled = checkout().cancelAbandonedOrders();
        QVERIFY(cancelled);
        QCOMPARE(*cancelled, 1);
        QCOMPARE(orderStatus(taken->order.id), OrderStatus::Cancelled);
        QCOMPARE(stored(taken->tender.payNo).status, PaymentStatus::Closed);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.at(0).at(1).toString(), u"alert_cash_to_return"_s);
        QVERIFY(alerts.at(0).at(2).toString().contains(u"\"amount_fen\":500"_s));
        QCOMPARE(m_ledger->eventCount(u"alert_cash_to_return"_s), 1);
    }

    void aPaidCashSaleIsNotAbandoned()
    {
        QVERIFY(checkout().takeCash(sampleLines(), 1250, u"alice"_s));
        QCOMPARE(*checkout().cancelAbandonedOrders(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCashTender)
#include "tst_cashtender.moc"
