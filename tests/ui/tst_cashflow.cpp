// Cash at the counter, end to end through the real widgets: the cash key and its change,
// split tender (cash, then WeChat Pay's QR against the sandbox gateway on loopback), the
// receipt and the drawer pulse as a virtual ESC/POS printer on a loopback port decodes
// them, and a printer that is off (the sale completes; the receipt prints later).
#include "cartmodel.h"
#include "cashdialog.h"
#include "checkout/checkout.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "counterkeys.h"
#include "mainwindow.h"
#include "pay/wechat/wechatv2provider.h"
#include "paymentdialog.h"
#include "printingcounter.h"
#include "receiptdesk.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/trainingcustomer.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/orderstore.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;
using Kind = EscPosCommand::Kind;

namespace {

const QString kWater = u"6970000000017"_s; // 1.99
const QString kBread = u"6970000000024"_s; // 12.80

constexpr int kPrintTimeoutMs = 10000;
constexpr int kPaidTimeoutMs = 15000;

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

} // namespace

class TestCashFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void aCashSaleShowsTheChangeOpensTheDrawerAndPrints();
    void cashThatFallsShortLeavesTheRestToTheQr();
    void clearingAPartPaidSaleGivesTheCashBack();
    void aPrinterThatIsOffNeverHoldsUpTheSale();

private:
    void ringUpWaterAndBread();
    // F8, then the cashier types `yuan` (or picks a quick amount when `quick` is set).
    CashDialog *openCash();
    QString bannerText() const { return findIn<QLabel>(m_page, u"resultBanner"_s)->text(); }
    QString scanMessage() const { return findIn<QLabel>(m_page, u"scanMessage"_s)->text(); }
    Order lastOrder() const;
    // SHOUYIN_UI_SCREENSHOT_DIR set: what the cashier sees, saved for a person to look at.
    static void screenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("SHOUYIN_UI_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            widget->grab().save(dir + u'/' + name);
    }

    std::unique_ptr<testing::PrintingCounter> m_counter;
    std::unique_ptr<TrainingCustomer> m_customer;
    std::unique_ptr<MainWindow> m_window;
    CheckoutPage *m_page = nullptr;
};

void TestCashFlow::init()
{
    m_counter = std::make_unique<testing::PrintingCounter>();
    QVERIFY(m_counter->start());
    m_customer = std::make_unique<TrainingCustomer>(m_counter->gateway->baseUrl());
    PosServices services = m_counter->services();
    services.simulateCustomer = [customer = m_customer.get()](const QString &codeUrl,
                                                              QObject *context, auto done) {
        customer->pay(codeUrl, context, std::move(done));
    };
    services.operatorName = u"张三"_s;
    m_window = std::make_unique<MainWindow>(services);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_page = m_window->checkoutPage();
}

void TestCashFlow::cleanup()
{
    m_window.reset();
    m_customer.reset();
    m_counter.reset();
    m_page = nullptr;
}

void TestCashFlow::ringUpWaterAndBread()
{
    testing::scanIntoFocus(kWater);
    testing::scanIntoFocus(kBread);
    QCOMPARE(m_page->cartModel()->rowCount(), 2);
}

CashDialog *TestCashFlow::openCash()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    if (!QTest::qWaitFor([this] { return m_page->cashDialog() != nullptr; }, 5000))
        return nullptr;
    CashDialog *dialog = m_page->cashDialog();
    return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
}

Order TestCashFlow::lastOrder() const
{
    QSqlQuery query(m_counter->db->connection());
    if (!query.exec(u"SELECT MAX(id) FROM orders"_s) || !query.next())
        return {};
    return m_counter->orders->order(query.value(0).toLongLong()).value_or(Order{});
}

void TestCashFlow::aCashSaleShowsTheChangeOpensTheDrawerAndPrints()
{
    ringUpWaterAndBread();
    CashDialog *dialog = openCash();
    QVERIFY(dialog);
    QCOMPARE(findIn<QLabel>(dialog, u"cashDueLabel"_s)->text(), u"Due: ¥14.79"_s);
    // Exact, ¥20, ¥50, ¥100: the customer hands over a ¥20 note.
    QVERIFY(findIn<QPushButton>(dialog, u"cashQuick1479"_s));
    QVERIFY(!dialog->findChild<QPushButton *>(u"cashQuick1000"_s));
    // A barcode scanned into the field by mistake is no amount of cash.
    auto *given = findIn<QLineEdit>(dialog, u"cashGivenEdit"_s);
    QTest::keyClicks(given, kBread);
    QTest::keyClick(given, Qt::Key_Return);
    QVERIFY(m_page->cashDialog());
    QVERIFY(!findIn<QPushButton>(dialog, u"cashTakeButton"_s)->isEnabled());
    QVERIFY(findIn<QLabel>(dialog, u"cashChangeLabel"_s)->text().contains(u"Check the amount"_s));
    QCOMPARE(lastOrder().id, qint64(0)); // nothing was sold
    QTest::mouseClick(findIn<QPushButton>(dialog, u"cashQuick2000"_s), Qt::LeftButton);
    QCOMPARE(findIn<QLabel>(dialog, u"cashChangeLabel"_s)->text(), u"Change: ¥5.21"_s);
    screenshot(dialog, u"ui-cash-change.png"_s);
    QTest::keyClick(findIn<QLineEdit>(dialog, u"cashGivenEdit"_s), Qt::Key_Return);

    QTRY_VERIFY(!m_page->cashDialog());
    QTRY_COMPARE(m_page->cartModel()->rowCount(), 0);
    QCOMPARE(bannerText(), u"Paid: order %1, ¥14.79. Change: ¥5.21"_s.arg(lastOrder().orderNo));
    const Order order = lastOrder();
    QCOMPARE(order.status, OrderStatus::Paid);
    const QList<Payment> payments = m_counter->orders->payments(order.id);
    QCOMPARE(payments.size(), 1);
    QCOMPARE(payments.at(0).provider, u"cash"_s);
    QCOMPARE(payments.at(0).amount, Fen(1479));
    QCOMPARE(payments.at(0).tendered, Fen(2000));

    // The drawer opens and the receipt prints, each through the printer.
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->jobs().size(), 2, kPrintTimeoutMs);
    QCOMPARE(m_counter->printer->drawerPulses(), 1);
    const int job = m_counter->printer->jobsWith(order.orderNo).value(0, -1);
    QVERIFY(job >= 0);
    const EscPosDecoded receipt = m_counter->printer->decodedJob(job);
    QVERIFY2(receipt.unknown.isEmpty(), qPrintable(receipt.unknown.join(u", "_s)));
    const QString text = receipt.texts().join(u'\n');
    QVERIFY2(text.contains(u"测试便利店"_s), qPrintable(text));
    QVERIFY(text.contains(u"测试 全麦面包"_s));
    QVERIFY(text.contains(u"20.00"_s)); // what was handed over
    QVERIFY(text.contains(u"5.21"_s));  // and the change
    QVERIFY(text.contains(u"TRAINING"_s));
    QCOMPARE(receipt.commandsOf(Kind::QrCode).value(0).data, order.orderNo);
    QCOMPARE(receipt.commandsOf(Kind::Cut).size(), 1);
    QTRY_VERIFY(scanMessage().contains(u"printed"_s));
    screenshot(m_window.get(), u"ui-cash-paid.png"_s);
}

void TestCashFlow::cashThatFallsShortLeavesTheRestToTheQr()
{
    ringUpWaterAndBread();
    CashDialog *dialog = openCash();
    QVERIFY(dialog);
    auto *given = findIn<QLineEdit>(dialog, u"cashGivenEdit"_s);
    QTest::keyClicks(given, u"10"_s);
    QCOMPARE(findIn<QLabel>(dialog, u"cashChangeLabel"_s)->text(),
             u"Still due: ¥4.79 (QR or payment code)"_s);
    QTest::keyClick(given, Qt::Key_Return);
    QTRY_VERIFY(bannerText().contains(u"¥4.79 is still due"_s));
    QCOMPARE(findIn<QLabel>(m_page, u"totalLabel"_s)->text(), u"¥4.79"_s);
    const Order order = lastOrder();
    QCOMPARE(order.status, OrderStatus::AwaitingPayment);
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->drawerPulses(), 1,
                              kPrintTimeoutMs); // the cash went in

    // The goods are the order's now: nothing more goes into this sale.
    testing::scanIntoFocus(kWater);
    QCOMPARE(m_page->cartModel()->rowCount(), 2);
    QVERIFY(scanMessage().contains(u"¥4.79"_s));

    // The rest by WeChat Pay's QR, on the same order.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *payment = testing::waitForPaymentDialog();
    QVERIFY(payment);
    PaymentSession *session = payment->session();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), PaymentSession::State::Showing, kPaidTimeoutMs);
    QCOMPARE(session->orderId(), order.id);
    QCOMPARE(session->amount(), Fen(479));
    QTest::mouseClick(findIn<QPushButton>(payment, u"simulatePayButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), PaymentSession::State::Paid, kPaidTimeoutMs);
    QTRY_VERIFY(!m_page->paymentDialog());

    QCOMPARE(m_counter->orders->order(order.id)->status, OrderStatus::Paid);
    QCOMPARE(bannerText(), u"Paid: order %1, ¥14.79"_s.arg(order.orderNo));
    QCOMPARE(m_page->cartModel()->rowCount(), 0);
    QList<Payment> payments = m_counter->orders->payments(order.id);
    QCOMPARE(payments.size(), 2);
    QCOMPARE(payments.at(0).provider, u"cash"_s);
    QCOMPARE(payments.at(0).amount, Fen(1000));
    QCOMPARE(payments.at(1).provider, u"wechat"_s);
    QCOMPARE(payments.at(1).amount, Fen(479));
    QCOMPARE(payments.at(1).status, PaymentStatus::Success);

    QTRY_VERIFY_WITH_TIMEOUT(m_counter->printer->jobsWith(order.orderNo).value(0, -1) >= 0,
                             kPrintTimeoutMs);
    const QString text =
        m_counter->printer->decodedJob(m_counter->printer->jobsWith(order.orderNo).value(0, -1))
            .texts()
            .join(u'\n');
    QVERIFY2(text.contains(u"10.00"_s) && text.contains(u"4.79"_s), qPrintable(text));
    QCOMPARE(m_counter->printer->drawerPulses(), 1); // a QR payment opens no drawer
}

void TestCashFlow::clearingAPartPaidSaleGivesTheCashBack()
{
    ringUpWaterAndBread();
    CashDialog *dialog = openCash();
    QVERIFY(dialog);
    auto *given = findIn<QLineEdit>(dialog, u"cashGivenEdit"_s);
    QTest::keyClicks(given, u"5"_s);
    QTest::keyClick(given, Qt::Key_Return);
    QTRY_VERIFY(bannerText().contains(u"still due"_s));
    const Order order = lastOrder();

    QTest::mouseClick(findIn<QPushButton>(m_page, u"clearButton"_s), Qt::LeftButton);
    QTRY_VERIFY(bannerText().contains(u"give the customer back the ¥5.00"_s));
    QCOMPARE(m_page->cartModel()->rowCount(), 0);
    QCOMPARE(findIn<QLabel>(m_page, u"totalLabel"_s)->text(), u"¥0.00"_s);
    QCOMPARE(m_counter->orders->order(order.id)->status, OrderStatus::Cancelled);
    const QList<Payment> payments = m_counter->orders->payments(order.id);
    QCOMPARE(payments.size(), 1);
    QCOMPARE(payments.at(0).status, PaymentStatus::Closed);
    QCOMPARE(m_counter->catalog->byBarcode(kBread)->reserved, 0);
}

void TestCashFlow::aPrinterThatIsOffNeverHoldsUpTheSale()
{
    const quint16 port = m_counter->printer->port();
    m_counter->printer->refuseConnections();
    ringUpWaterAndBread();
    CashDialog *dialog = openCash();
    QVERIFY(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"cashQuick1479"_s), Qt::LeftButton);
    QTest::keyClick(findIn<QLineEdit>(dialog, u"cashGivenEdit"_s), Qt::Key_Return);

    // Paid at once, whatever the printer does.
    QTRY_COMPARE(m_page->cartModel()->rowCount(), 0);
    const Order order = lastOrder();
    QCOMPARE(order.status, OrderStatus::Paid);
    QVERIFY(bannerText().startsWith(u"Paid: order %1"_s.arg(order.orderNo)));
    QTRY_VERIFY_WITH_TIMEOUT(scanMessage().contains(u"did not print"_s), kPrintTimeoutMs);
    QVERIFY2(scanMessage().contains(u"127.0.0.1:%1"_s.arg(port)), qPrintable(scanMessage()));
    QVERIFY(m_counter->printer->jobs().isEmpty());

    // The printer is back: F9 prints the last receipt.
    QVERIFY(m_counter->printer->listen(port));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F9);
    QTRY_VERIFY_WITH_TIMEOUT(m_counter->printer->jobsWith(order.orderNo).value(0, -1) >= 0,
                             kPrintTimeoutMs);
    QTRY_VERIFY(scanMessage().contains(u"printed"_s));
    QCOMPARE(m_counter->orders->order(order.id)->status, OrderStatus::Paid);
}

QTEST_MAIN(TestCashFlow)
#include "tst_cashflow.moc"
