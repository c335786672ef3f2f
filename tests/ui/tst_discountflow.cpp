// Discounts at the counter, through the real widgets against the sandbox: a discount
// within the cashier's limit is given at once; beyond it a manager approves with their
// PIN in a pop-up, and whatever they decide the cart is kept; the provider is asked for
// the discounted total, and the receipt and a return show what was taken off.
#include "cartmodel.h"
#include "checkoutpage.h"
#include "counterkeys.h"
#include "discountdialog.h"
#include "refundcounter.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestDiscountFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void withinTheLimitOnALine();
    void beyondTheLimitAManagerApprovesAndTheCartIsKept();
    void roundOffAndAReturnOfDiscountedGoods();

private:
    CheckoutPage *page() const { return m_till->page(); }
    const Cart &cart() const { return page()->cartModel()->cart(); }
    QString scanMessage() const { return labelText(page(), u"scanMessage"_s); }
    static void key(Qt::Key key)
    {
        QTRY_VERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), key);
    }
    // F2, and the dialog filled in: on the whole sale or the line chosen in the cart.
    DiscountDialog *askDiscount(bool wholeSale, bool amount, const QString &value,
                                bool roundOff = false);
    // F12, and the sandbox customer pays the QR; the order as stored.
    Order chargeByWechat();

    std::unique_ptr<RefundCounter> m_till;
};

void TestDiscountFlow::init()
{
    m_till = std::make_unique<RefundCounter>();
    QVERIFY(m_till->start());
}

void TestDiscountFlow::cleanup()
{
    m_till.reset();
}

DiscountDialog *TestDiscountFlow::askDiscount(bool wholeSale, bool amount, const QString &value,
                                              bool roundOff)
{
    key(Qt::Key_F2);
    if (!QTest::qWaitFor([this] { return page()->discountDialog() != nullptr; }, 5000))
        return nullptr;
    DiscountDialog *dialog = page()->discountDialog();
    if (!QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    auto *target = findIn<QComboBox>(dialog, u"discountTarget"_s);
    target->setCurrentIndex(wholeSale ? target->count() - 1 : 0);
    findIn<QComboBox>(dialog, u"discountKind"_s)->setCurrentIndex(amount ? 1 : 0);
    findIn<QCheckBox>(dialog, u"roundOffCheck"_s)->setChecked(roundOff);
    auto *field = findIn<QLineEdit>(dialog, u"discountValue"_s);
    field->selectAll();
    QTest::keyClicks(field, value);
    return dialog;
}

Order TestDiscountFlow::chargeByWechat()
{
    key(Qt::Key_F12);
    PaymentDialog *payment = waitForPaymentDialog();
    if (!payment)
        return {};
    PaymentSession *session = payment->session();
    if (!QTest::qWaitFor([session] { return session->state() == PaymentSession::State::Showing; },
                         kPaidTimeoutMs))
        return {};
    QTest::mouseClick(findIn<QPushButton>(payment, u"simulatePayButton"_s), Qt::LeftButton);
    if (!QTest::qWaitFor([this] { return !page()->paymentDialog(); }, kPaidTimeoutMs))
        return {};
    return m_till->lastOrder();
}

void TestDiscountFlow::withinTheLimitOnALine()
{
    auto *button = findIn<QPushButton>(page(), u"discountButton"_s);
    QVERIFY(button && !button->isEnabled()); // nothing to discount yet
    scanIntoFocus(kWater);
    scanIntoFocus(kBread);
    QVERIFY(button->isEnabled());
    // The bread's line, chosen in the cart: ¥1.00 off its ¥12.80 is within 10% of ¥14.79.
    auto *view = page()->findChild<QTableView *>();
    QVERIFY(view);
    view->setCurrentIndex(page()->cartModel()->index(1, 0));
    DiscountDialog *dialog = askDiscount(false, true, u"1.00"_s);
    QVERIFY(dialog);
    QVERIFY2(labelText(dialog, u"discountPreview"_s).contains(u"¥13.79"_s),
             qPrintable(labelText(dialog, u"discountPreview"_s)));
    QTest::mouseClick(findIn<QPushButton>(dialog, u"discountOkButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!page()->discountDialog());
    QVERIFY(!page()->discountApprovalDialog()); // no manager needed
    QCOMPARE(cart().total(), Fen(1379));
    QCOMPARE(cart().at(1).discount, Discount::amountOff(100));
    QVERIFY2(labelText(page(), u"totalLabel"_s).contains(u"13.79"_s),
             qPrintable(labelText(page(), u"totalLabel"_s)));

    // More than the line costs is refused in the dialog, which stays open.
    dialog = askDiscount(false, true, u"13.00"_s);
    QVERIFY(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"discountOkButton"_s), Qt::LeftButton);
    QVERIFY(page()->discountDialog());
    QVERIFY2(labelText(dialog, u"discountError"_s).contains(u"more than"_s),
             qPrintable(labelText(dialog, u"discountError"_s)));
    dialog->reject();
    QTRY_VERIFY(!page()->discountDialog());
    QCOMPARE(cart().total(), Fen(1379));

    const Order order = chargeByWechat();
    QCOMPARE(order.total, Fen(1379));
    QCOMPARE(m_till->counter.orders->payments(order.id).value(0).amount, Fen(1379));
    QVERIFY(order.discountApprover.isEmpty());
}

void TestDiscountFlow::beyondTheLimitAManagerApprovesAndTheCartIsKept()
{
    scanIntoFocus(kWater);
    scanIntoFocus(kBread);
    QCOMPARE(cart().total(), Fen(1479));

    // 20% off the sale is twice a cashier's limit: the manager is asked, and says no.
    DiscountDialog *dialog = askDiscount(true, false, u"20"_s);
    QVERIFY(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"discountOkButton"_s), Qt::LeftButton);
    QTRY_VERIFY(page()->discountApprovalDialog());
    ManagerApprovalDialog *approval = page()->discountApprovalDialog();
    QVERIFY(QTest::qWaitForWindowExposed(approval));
    QVERIFY2(labelText(approval, u"approvalWhatLabel"_s).contains(u"¥2.96"_s),
             qPrintable(labelText(approval, u"approvalWhatLabel"_s)));
    RefundCounter::approveWith(approval, kManager, u"9999"_s); // a wrong PIN keeps it open
    QTRY_VERIFY(!labelText(approval, u"approvalError"_s).isEmpty());
    QVERIFY(page()->discountApprovalDialog());
    approval->reject();
    QTRY_VERIFY(!page()->discountApprovalDialog());
    QVERIFY2(scanMessage().contains(u"Not approved"_s), qPrintable(scanMessage()));
    QCOMPARE(page()->cartModel()->rowCount(), 2);
    QCOMPARE(cart().total(), Fen(1479));

    // Asked again, the manager approves: ¥14.79 − ¥2.96 (20%, rounded half up).
    dialog = askDiscount(true, false, u"20"_s);
    QVERIFY(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"discountOkButton"_s), Qt::LeftButton);
    QTRY_VERIFY(page()->discountApprovalDialog());
    approval = page()->discountApprovalDialog();
    QVERIFY(QTest::qWaitForWindowExposed(approval));
    RefundCounter::approveWith(approval, kManager, kManagerPin);
    QTRY_VERIFY(!page()->discountApprovalDialog());
    QCOMPARE(page()->cartModel()->rowCount(), 2);
    QCOMPARE(cart().total(), Fen(1183));
    QCOMPARE(cart().approver().name(), kManager);

    // A scan after the approval keeps the sale's 20% and the approval with it.
    QTRY_VERIFY(QApplication::focusWidget()); // the window has the keys back
    scanIntoFocus(kWater);
    QCOMPARE(cart().total(), Fen(1342)); // 16.78 − 3.36

    const Order order = chargeByWechat();
    QCOMPARE(order.total, Fen(1342));
    QCOMPARE(order.discount, Fen(336));
    QCOMPARE(order.discountApprover, kManager);
    QCOMPARE(m_till->counter.orders->payments(order.id).value(0).amount, Fen(1342));
    // The receipt says what was taken off, and who sold it stays the cashier.
    QCOMPARE(order.operatorName, kCashier);
    QTRY_VERIFY_WITH_TIMEOUT(m_till->counter.printer->jobsWith(order.orderNo).value(0, -1) >= 0,
                             10000);
    const QString receipt =
        m_till->counter.printer
            ->decodedJob(m_till->counter.printer->jobsWith(order.orderNo).value(0, -1))
            .texts()
            .join(u'\n');
    QVERIFY2(receipt.contains(u"整单优惠 Sale discount"_s) && receipt.contains(u"-3.36"_s),
             qPrintable(receipt));
}

void TestDiscountFlow::roundOffAndAReturnOfDiscountedGoods()
{
    scanIntoFocus(kWater);
    scanIntoFocus(kBread);
    // ¥14.79 with the small change dropped: ¥14.70, given by a cashier without a manager.
    DiscountDialog *dialog = askDiscount(true, false, QString(), true);
    QVERIFY(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"discountOkButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!page()->discountDialog());
    QVERIFY(!page()->discountApprovalDialog());
    QCOMPARE(cart().total(), Fen(1470));
    const Order order = chargeByWechat();
    QCOMPARE(order.total, Fen(1470));
    QCOMPARE(order.roundOff, Fen(9));

    // The whole order back gives back what was paid, not the list prices.
    const RefundableOrder refundable = *m_till->book->refundable(order.id);
    QCOMPARE(refundable.goodsLeft(), Fen(1470));
    Fen nets = 0;
    for (const RefundableItem &item : refundable.items)
        nets += item.refundFor(item.left());
    QCOMPARE(nets, Fen(1470));
}

QTEST_MAIN(TestDiscountFlow)
#include "tst_discountflow.moc"
