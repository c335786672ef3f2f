// Refunds a manager finishes away from the counter, through the real widgets, offscreen:
// a refund the provider refused (the merchant's balance was short) is sent again from
// History's order detail and settles; a customer's second payment of one order is given
// back from its alert on the Reports page in one step, with its refund receipt.
//
// The till runs on the system clock: no date, time or zone is asserted.
#include "historymodel.h"
#include "historypage.h"
#include "orderdetaildialog.h"
#include "refundcounter.h"
#include "refundstable.h"
#include "reportspage.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QSqlQuery>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

// The order's second payment, paid while the first was thought failed: what the provider
// reports, in the payment's own merchant's words.
TradeSnapshot paid(const Payment &payment, TradeState state, const QDateTime &at)
{
    TradeSnapshot snapshot;
    snapshot.payNo = payment.payNo;
    snapshot.state = state;
    snapshot.rawState = state == TradeState::Success ? u"SUCCESS"_s : u"PAYERROR"_s;
    snapshot.amount = payment.amount;
    snapshot.transactionId = u"42000"_s + payment.payNo.right(12);
    snapshot.appId = payment.appId;
    snapshot.merchantId = payment.merchantId;
    snapshot.paidAt = at;
    return snapshot;
}

} // namespace

class TestRefundManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_till = std::make_unique<RefundCounter>();
        QVERIFY(m_till->start());
        QVERIFY(m_till->window->setStaff(m_till->manager));
        m_till->page()->setFocus();
        QTRY_VERIFY(QApplication::focusWidget());
    }
    void cleanup() { m_till.reset(); }

    void aRefusedRefundIsSentAgainFromTheOrderDetail();
    void aSecondPaymentGoesBackFromItsAlert();

private:
    std::unique_ptr<RefundCounter> m_till;
};

void TestRefundManager::aRefusedRefundIsSentAgainFromTheOrderDetail()
{
    m_till->counter.gateway->setRefundBehaviour(RefundBehaviour::NotEnoughBalance);
    const Order order = m_till->sellByWechat({kBread});
    QCOMPARE(order.status, OrderStatus::Paid);
    // The counter has its window back once the payment dialog is gone.
    QTRY_COMPARE(QApplication::activeWindow(), m_till->window.get());
    scanIntoFocus(order.orderNo);
    RefundDialog *dialog = m_till->waitForRefundDialog();
    QVERIFY(dialog);
    RefundCounter::setQuantity(dialog, 0, 1);
    RefundCounter::chooseReason(dialog, u"Defective"_s);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"refundButton"_s), Qt::LeftButton);
    QTRY_COMPARE(dialog->recorded().size(), 1);
    const QString refused = dialog->recorded().constFirst().refunds.constFirst().refundNo;
    QTRY_COMPARE_WITH_TIMEOUT(m_till->refund(refused).status, RefundStatus::Failed, kPaidTimeoutMs);
    QVERIFY(m_till->refund(refused).providerRefundId.isEmpty());
    QVERIFY(!m_till->refund(refused).lastError.isEmpty());
    // The counter's dialog says so, in words, with the provider's reason.
    auto *earlier = findIn<QTableWidget>(dialog, u"earlierReturnsTable"_s);
    QTRY_VERIFY(earlier->rowCount() == 1 &&
                earlier->item(0, 4)->text().startsWith(u"Refund failed: "_s));
    QVERIFY(!dialog->findChild<QPushButton *>(u"retryButton_"_s + refused));
    dialog->reject();
    QTRY_VERIFY(!m_till->page()->refundDialog());

    // The merchant tops the balance up; the manager sends it again from History.
    m_till->counter.gateway->setRefundBehaviour(RefundBehaviour::Succeeds);
    HistoryPage *history = m_till->window->historyPage();
    QVERIFY(m_till->showTab(history));
    QTest::mouseClick(findIn<QPushButton>(history, u"searchButton"_s), Qt::LeftButton);
    QTRY_COMPARE(history->model()->rowCount(), 1);
    history->view()->setFocus();
    history->view()->selectRow(0);
    QTest::keyClick(history->view(), Qt::Key_Return);
    OrderDetailDialog *detail = nullptr;
    QTRY_VERIFY((detail = qobject_cast<OrderDetailDialog *>(QApplication::activeModalWidget())));
    RefundsTable *refunds = detail->refundsTable();
    QTRY_VERIFY(refunds->isVisible() && refunds->rowCount() == 1);
    QVERIFY(refunds->item(0, 4)->text().startsWith(u"Refund failed"_s));
    QVERIFY(detail->returnButton());
    auto *retry = findIn<QPushButton>(detail, u"retryButton_"_s + refused);
    QVERIFY(retry);
    screenshot(detail, u"ui-refund-detail-failed.png"_s);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY(labelText(detail, u"refundMessage"_s).contains(u"was sent again as"_s));
    QTRY_COMPARE(refunds->rowCount(), 2);
    const QString again = refunds->item(1, 4)->data(Qt::UserRole).toString();
    QVERIFY(!again.isEmpty() && again != refused);
    // Sent again once: the failed one offers nothing more.
    QTRY_VERIFY(!detail->findChild<QPushButton *>(u"retryButton_"_s + refused));
    QTRY_COMPARE_WITH_TIMEOUT(m_till->refund(again).status, RefundStatus::Refunded,
                              kRefundedTimeoutMs);
    QTRY_COMPARE(refunds->item(1, 4)->text(), u"Refunded"_s);
    QCOMPARE(m_till->refund(refused).status, RefundStatus::Failed); // kept, as it happened
    QCOMPARE(m_till->counter.gateway->refundedAmount(m_till->refund(again).payNo), Fen(1280));
    screenshot(detail, u"ui-refund-detail-refunded.png"_s);
    detail->reject();
    // History's line says what went back.
    QTest::mouseClick(findIn<QPushButton>(history, u"searchButton"_s), Qt::LeftButton);
    QTRY_COMPARE(history->model()->index(0, HistoryModel::StatusColumn).data().toString(),
                 u"Paid, ¥12.80 refunded"_s);
}

void TestRefundManager::aSecondPaymentGoesBackFromItsAlert()
{
    // One loaf, two payments: the first was reported failed, so the customer paid a second
    // QR; then the bank said the first was paid after all.
    Checkout &checkout = *m_till->counter.checkout;
    WechatV2Provider &wechat = *m_till->counter.wechat;
    const auto bread = m_till->counter.catalog->byBarcode(kBread);
    QVERIFY(bread);
    const int onShelf = m_till->stockOf(kBread);
    auto charged = checkout.charge({{bread->id, 1}}, wechat, std::chrono::minutes(2), kCashier);
    QVERIFY(charged);
    const Payment first = charged->payment;
    QVERIFY(checkout.recordQrIssued(first.payNo, u"weixin://wxpay/bizpayurl?pr=first"_s));
    QVERIFY(checkout.apply(first.payNo, paid(first, TradeState::PayError, checkout.now()),
                           Source::Poll));
    auto second = checkout.openPayment(first.orderId, wechat, std::chrono::minutes(2), kCashier);
    QVERIFY(second);
    QVERIFY(checkout.recordQrIssued(second->payNo, u"weixin://wxpay/bizpayurl?pr=second"_s));
    QVERIFY(checkout.apply(second->payNo, paid(*second, TradeState::Success, checkout.now()),
                           Source::Poll));
    QVERIFY(checkout.apply(first.payNo, paid(first, TradeState::Success, checkout.now()),
                           Source::Notify));

    ReportsPage *reports = m_till->window->reportsPage();
    QVERIFY(m_till->showTab(reports));
    auto *refund = findIn<QPushButton>(reports, u"alertRefundButton_"_s + first.payNo);
    QVERIFY(refund);
    QTRY_VERIFY(refund->isEnabled());
    QCOMPARE(refund->text(), u"Refund ¥12.80"_s);
    screenshot(reports, u"ui-refund-alert.png"_s);
    QTest::mouseClick(refund, Qt::LeftButton);
    QTRY_VERIFY2(
        labelText(reports, u"reportMessage"_s).contains(u"¥12.80 goes back to WeChat Pay"_s),
        qPrintable(labelText(reports, u"reportMessage"_s)));

    // Money only, approved by the manager who clicked; the goods stay sold.
    QSqlQuery query(m_till->counter.db->connection());
    QVERIFY(query.exec(u"SELECT t.amount_fen, t.reason, t.stock_action, t.requested_by, "
                       "t.approved_by, p.pay_no FROM returns t JOIN refunds r ON r.return_id = "
                       "t.id JOIN payments p ON p.id = r.payment_id"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 1280);
    QCOMPARE(query.value(1).toString(), u"Paid twice"_s);
    QCOMPARE(query.value(2).toString(), u"none"_s);
    QCOMPARE(query.value(3).toString(), kManager);
    QCOMPARE(query.value(4).toString(), kManager);
    QCOMPARE(query.value(5).toString(), first.payNo);
    QVERIFY(!query.next());
    QCOMPARE(m_till->stockOf(kBread), onShelf - 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_till->refundPapers().isEmpty(), kPrintTimeoutMs);
    const QString paper = m_till->refundPapers().constFirst();
    QVERIFY2(paper.contains(u"Paid twice"_s) && paper.contains(u"12.80"_s), qPrintable(paper));
    QVERIFY(!paper.contains(u"测试 全麦面包"_s)); // no goods came back
}

QTEST_MAIN(TestRefundManager)
#include "tst_refundmanager.moc"
