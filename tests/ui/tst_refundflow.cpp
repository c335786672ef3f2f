// Returns and refunds at the counter, end to end through the real widgets, offscreen: a
// sale paid by WeChat Pay's QR against the sandbox gateway (whose TLS endpoint takes the
// refund), then the receipt's order number scanned into the barcode field opens the
// return; a cashier chooses one unit, a manager's PIN approves it, the refund settles in
// the background (RefundSettler, the sandbox processing it) and the dialog follows it;
// the goods are back on the shelf, the refund receipt came out of a virtual ESC/POS
// printer on loopback, and the day's report counts the refund. A split cash and WeChat
// sale comes back whole (F7, a manager at the till): the cash is refunded at once from
// the drawer, which opens. A wrong PIN refunds nothing and keeps the cashier's choice.
//
// The till runs on the system clock: no date, time or zone is asserted.
#include "cashdialog.h"
#include "receiptdesk.h"
#include "refundcounter.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestRefundFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_till = std::make_unique<RefundCounter>();
        QVERIFY(m_till->start());
    }
    void cleanup() { m_till.reset(); }

    void oneUnitOfAWechatSaleComesBackThroughTheCounter();
    void aSplitSaleComesBackWholeAndTheDrawerPaysTheCash();
    void aWrongPinRefundsNothingAndKeepsTheChoice();

private:
    CheckoutPage *page() const { return m_till->page(); }
    VirtualEscPosPrinter &printer() const { return *m_till->counter.printer; }

    std::unique_ptr<RefundCounter> m_till;
};

void TestRefundFlow::oneUnitOfAWechatSaleComesBackThroughTheCounter()
{
    const Order order = m_till->sellByWechat({kWater, kBread});
    QCOMPARE(order.status, OrderStatus::Paid);
    QCOMPARE(order.total, Fen(1479));
    const int waterOnShelf = m_till->stockOf(kWater);
    QTRY_VERIFY_WITH_TIMEOUT(!printer().jobsWith(order.orderNo).isEmpty(),
                             kPrintTimeoutMs); // the sale's receipt

    // The customer is back with the receipt: its code scanned into the barcode field.
    scanIntoFocus(order.orderNo);
    RefundDialog *dialog = m_till->waitForRefundDialog();
    QVERIFY(dialog);
    QCOMPARE(page()->cartModel()->rowCount(), 0);
    QVERIFY(dialog->windowTitle().contains(order.orderNo));
    QVERIFY2(labelText(dialog, u"refundPaidBy"_s).contains(u"WeChat Pay ¥14.79"_s),
             qPrintable(labelText(dialog, u"refundPaidBy"_s)));
    auto *lines = findIn<QTableWidget>(dialog, u"returnLinesTable"_s);
    QCOMPARE(lines->rowCount(), 2);
    QCOMPARE(lines->item(0, 0)->text(), u"测试 矿泉水 550ml"_s);
    QCOMPARE(lines->item(0, 1)->text(), u"1"_s);
    QCOMPARE(lines->item(0, 2)->text(), u"0"_s);
    QCOMPARE(lines->item(0, 3)->text(), u"¥1.99"_s);
    QCOMPARE(findIn<QSpinBox>(dialog, u"returnQuantity0"_s)->maximum(), 1);
    // A cashier asks; the manager who approves decides nothing about the stock here.
    QVERIFY(!findIn<QComboBox>(dialog, u"stockCombo"_s)->isVisible());
    auto *refund = findIn<QPushButton>(dialog, u"refundButton"_s);
    QVERIFY(!refund->isEnabled());

    RefundCounter::setQuantity(dialog, 0, 1);
    QCOMPARE(labelText(dialog, u"refundSummary"_s), u"Refund ¥1.99: WeChat Pay ¥1.99"_s);
    QVERIFY(!refund->isEnabled()); // no reason yet
    auto *reason = findIn<QComboBox>(dialog, u"reasonCombo"_s);
    reason->setCurrentIndex(reason->findText(u"Defective"_s));
    QVERIFY(refund->isEnabled());
    screenshot(dialog, u"ui-refund-chosen.png"_s);
    QTest::mouseClick(refund, Qt::LeftButton);

    ManagerApprovalDialog *approval = RefundCounter::waitForApproval(dialog);
    QVERIFY(approval);
    QVERIFY(findIn<QLabel>(approval, u"approvalWhatLabel"_s)
                ->text()
                .contains(u"Refund ¥1.99 of order %1"_s.arg(order.orderNo)));
    RefundCounter::approveWith(approval, kManager, kManagerPin);
    QTRY_COMPARE(dialog->recorded().size(), 1);
    const ReturnRecord record = dialog->recorded().constFirst();
    QCOMPARE(record.amount, Fen(199));
    QCOMPARE(record.approvedBy, kManager);
    QCOMPARE(record.requestedBy, kCashier);
    QCOMPARE(record.reason, u"Defective"_s);
    QCOMPARE(record.refunds.size(), 1);
    const QString refundNo = record.refunds.constFirst().refundNo;
    QVERIFY(findIn<QLabel>(dialog, u"refundResult"_s)->isVisible());
    QCOMPARE(labelText(dialog, u"refundResult"_s),
             u"¥1.99 goes back to WeChat Pay; nothing from the drawer."_s);
    // What is left to return: the water is gone from the choice.
    QTRY_COMPARE(findIn<QSpinBox>(dialog, u"returnQuantity0"_s)->maximum(), 0);
    QCOMPARE(findIn<QTableWidget>(dialog, u"returnLinesTable"_s)->item(0, 2)->text(), u"1"_s);

    // The refund receipt, printed while the provider still works on it.
    QTRY_VERIFY_WITH_TIMEOUT(!printer().jobsWith(kRefundTitle).isEmpty(), kPrintTimeoutMs);
    const QString paper = printer().jobText(printer().jobsWith(kRefundTitle).constFirst());
    QVERIFY2(paper.contains(order.orderNo), qPrintable(paper));
    QVERIFY(paper.contains(u"测试 矿泉水 550ml"_s));
    QVERIFY(paper.contains(u"退款合计 Refund"_s));
    QVERIFY(paper.contains(u"WeChat Pay Requested"_s));
    QVERIFY(paper.contains(refundNo));
    QVERIFY(paper.contains(kManager));
    QVERIFY(paper.contains(u"Defective"_s));
    QVERIFY(!paper.contains(u"测试 全麦面包"_s)); // the bread stayed with the customer
    QTRY_VERIFY(labelText(dialog, u"refundPrintLabel"_s).contains(u"Refund receipt printed"_s));
    QCOMPARE(printer().drawerPulses(), 0); // nothing came out of the drawer

    // The provider takes it, the settler asks again, and the dialog follows.
    QTRY_VERIFY_WITH_TIMEOUT(m_till->book->readRefund(refundNo).value().value_or(Refund{}).status ==
                                 RefundStatus::Refunded,
                             kRefundedTimeoutMs);
    QCOMPARE(m_till->counter.gateway->refundedAmount(record.refunds.constFirst().payNo), Fen(199));
    auto *earlier = findIn<QTableWidget>(dialog, u"earlierReturnsTable"_s);
    QTRY_VERIFY(earlier->isVisible() && earlier->rowCount() == 1 &&
                earlier->item(0, 4)->text() == u"Refunded"_s);
    screenshot(dialog, u"ui-refund-refunded.png"_s);

    QCOMPARE(m_till->stockOf(kWater), waterOnShelf + 1); // back on the shelf
    const auto report =
        m_till->reports->report(m_till->manager, m_till->counter.client->clock().today());
    QVERIFY(report);
    QCOMPARE(report->salesCount, 1);
    QCOMPARE(report->salesAmount, Fen(1479));
    QCOMPARE(report->refundCount, 1);
    QCOMPARE(report->refundAmount, Fen(199));
    QCOMPARE(report->netAmount(), Fen(1280));

    QTest::mouseClick(findIn<QDialogButtonBox>(dialog, QString())->button(QDialogButtonBox::Close),
                      Qt::LeftButton);
    QTRY_VERIFY(!page()->refundDialog());
    QVERIFY(
        labelText(page(), u"resultBanner"_s).contains(u"Refund of order %1"_s.arg(order.orderNo)));
    // The counter sells again at once.
    scanIntoFocus(kWater);
    QCOMPARE(page()->cartModel()->rowCount(), 1);
}

void TestRefundFlow::aSplitSaleComesBackWholeAndTheDrawerPaysTheCash()
{
    // A manager at the till: approves with the click, and decides what becomes of goods.
    QVERIFY(m_till->window->setStaff(m_till->manager));
    QVERIFY(page());
    page()->setFocus();
    QTRY_VERIFY(QApplication::focusWidget());
    scanIntoFocus(kWater);
    scanIntoFocus(kBread);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    QTRY_VERIFY(page()->cashDialog());
    CashDialog *cash = page()->cashDialog();
    QVERIFY(QTest::qWaitForWindowExposed(cash));
    auto *given = findIn<QLineEdit>(cash, u"cashGivenEdit"_s);
    QTest::keyClicks(given, u"10"_s);
    QTest::keyClick(given, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(printer().drawerPulses(), 1, kPrintTimeoutMs);
    // The cash dialog that just closed hands the focus back a moment later.
    QTRY_VERIFY(QApplication::focusWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *payment = testing::waitForPaymentDialog();
    QVERIFY(payment);
    QTRY_COMPARE_WITH_TIMEOUT(payment->session()->state(), PaymentSession::State::Showing,
                              kPaidTimeoutMs);
    QTest::mouseClick(findIn<QPushButton>(payment, u"simulatePayButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->paymentDialog(), kPaidTimeoutMs);
    const Order order = m_till->lastOrder();
    QCOMPARE(order.status, OrderStatus::Paid);
    const int water = m_till->stockOf(kWater);
    const int bread = m_till->stockOf(kBread);

    // F7: the return key asks for the receipt's number.
    QTRY_VERIFY(QApplication::focusWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7);
    QTRY_VERIFY(page()->returnAskDialog());
    QInputDialog *ask = page()->returnAskDialog();
    QVERIFY(QTest::qWaitForWindowExposed(ask));
    auto *number = ask->findChild<QLineEdit *>();
    QVERIFY(number);
    QTest::keyClicks(number, order.orderNo);
    QTest::keyClick(number, Qt::Key_Return);
    RefundDialog *dialog = m_till->waitForRefundDialog();
    QVERIFY(dialog);
    QVERIFY2(labelText(dialog, u"refundPaidBy"_s) == u"Paid by: WeChat Pay ¥4.79 · Cash ¥10.00"_s,
             qPrintable(labelText(dialog, u"refundPaidBy"_s)));

    QTest::mouseClick(findIn<QPushButton>(dialog, u"everythingButton"_s), Qt::LeftButton);
    QCOMPARE(findIn<QSpinBox>(dialog, u"returnQuantity0"_s)->value(), 1);
    QCOMPARE(findIn<QSpinBox>(dialog, u"returnQuantity1"_s)->value(), 1);
    QCOMPARE(labelText(dialog, u"refundSummary"_s),
             u"Refund ¥14.79: WeChat Pay ¥4.79 · cash from the drawer ¥10.00"_s);
    // Written off: the goods were damaged.
    auto *stock = findIn<QComboBox>(dialog, u"stockCombo"_s);
    QVERIFY(stock->isVisible());
    stock->setCurrentIndex(stock->findData(int(StockAction::Damaged)));
    auto *reason = findIn<QComboBox>(dialog, u"reasonCombo"_s);
    reason->setFocus();
    QTest::keyClicks(reason->lineEdit(), u"Both broken in the bag"_s);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"refundButton"_s), Qt::LeftButton);

    QTRY_COMPARE(dialog->recorded().size(), 1);
    QVERIFY(!dialog->approvalDialog()); // the manager's click approved it
    const ReturnRecord record = dialog->recorded().constFirst();
    QCOMPARE(record.amount, Fen(1479));
    QCOMPARE(record.stock, StockAction::Damaged);
    QCOMPARE(record.approvedBy, kManager);
    QCOMPARE(record.refunds.size(), 2);
    QCOMPARE(record.refunds.at(0).provider, u"wechat"_s);
    QCOMPARE(record.refunds.at(0).amount, Fen(479));
    QCOMPARE(record.refunds.at(1).provider, u"cash"_s);
    QCOMPARE(record.refunds.at(1).amount, Fen(1000));
    QCOMPARE(m_till->book->readRefund(record.refunds.at(1).refundNo).value()->status,
             RefundStatus::Refunded); // the drawer paid it on the spot
    QCOMPARE(labelText(dialog, u"refundResult"_s),
             u"Give the customer ¥10.00 from the drawer; ¥4.79 goes back to WeChat Pay."_s);
    QTRY_COMPARE_WITH_TIMEOUT(printer().drawerPulses(), 2, kPrintTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!printer().jobsWith(kRefundTitle).isEmpty(), kPrintTimeoutMs);
    const QString paper = printer().jobText(printer().jobsWith(kRefundTitle).constFirst());
    QVERIFY2(paper.contains(u"Cash Refunded"_s), qPrintable(paper));
    QVERIFY(paper.contains(u"14.79"_s));
    // Nothing is left to return; the damaged goods never reached the shelf.
    QTRY_VERIFY(!findIn<QPushButton>(dialog, u"refundButton"_s)->isEnabled());
    QTRY_COMPARE(labelText(dialog, u"refundSummary"_s),
                 u"Nothing of this order is left to return."_s);
    QCOMPARE(m_till->stockOf(kWater), water);
    QCOMPARE(m_till->stockOf(kBread), bread);
    screenshot(dialog, u"ui-refund-split.png"_s);
}

void TestRefundFlow::aWrongPinRefundsNothingAndKeepsTheChoice()
{
    const Order order = m_till->sellByWechat({kBread});
    QCOMPARE(order.status, OrderStatus::Paid);
    const int bread = m_till->stockOf(kBread);
    // Scanned wherever the focus is: here the cart, which takes no text.
    QTRY_COMPARE(QApplication::activeWindow(), m_till->window.get());
    auto *cart = findIn<QWidget>(page(), u"cartView"_s);
    cart->setFocus();
    QTest::keyClicks(cart, order.orderNo);
    QTest::keyClick(cart, Qt::Key_Return);
    RefundDialog *dialog = m_till->waitForRefundDialog();
    QVERIFY(dialog);
    RefundCounter::setQuantity(dialog, 0, 1);
    auto *reason = findIn<QComboBox>(dialog, u"reasonCombo"_s);
    reason->setCurrentIndex(reason->findText(u"Wrong item"_s));
    QTest::mouseClick(findIn<QPushButton>(dialog, u"refundButton"_s), Qt::LeftButton);

    ManagerApprovalDialog *approval = RefundCounter::waitForApproval(dialog);
    QVERIFY(approval);
    RefundCounter::approveWith(approval, kManager, u"9999"_s);
    auto *error = findIn<QLabel>(approval, u"approvalError"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(approval->isVisible());
    // The cashier's own PIN is right, but a cashier approves no refund.
    RefundCounter::approveWith(approval, kCashier, u"1111"_s);
    QTRY_VERIFY(error->text().contains(u"may not approve"_s));
    QVERIFY(approval->isVisible());
    QTest::mouseClick(
        findIn<QDialogButtonBox>(approval, QString())->button(QDialogButtonBox::Cancel),
        Qt::LeftButton);
    QTRY_VERIFY(!dialog->approvalDialog());

    // Nothing went back, and the cashier's choice is still there to try again.
    QVERIFY(dialog->isVisible());
    QCOMPARE(page()->refundDialog(), dialog);
    QCOMPARE(labelText(dialog, u"refundError"_s), u"Not approved: nothing was refunded."_s);
    QCOMPARE(findIn<QSpinBox>(dialog, u"returnQuantity0"_s)->value(), 1);
    QCOMPARE(reason->currentText(), u"Wrong item"_s);
    QVERIFY(findIn<QPushButton>(dialog, u"refundButton"_s)->isEnabled());
    QVERIFY(dialog->recorded().isEmpty());
    QCOMPARE(m_till->count(u"returns"_s), 0);
    QCOMPARE(m_till->count(u"refunds"_s), 0);
    QCOMPARE(m_till->stockOf(kBread), bread);
    QVERIFY(printer().jobsWith(kRefundTitle).isEmpty());
}

QTEST_MAIN(TestRefundFlow)
#include "tst_refundflow.moc"
