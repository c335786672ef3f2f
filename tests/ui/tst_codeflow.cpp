// The customer's payment code (付款码) at the counter, end to end through the real
// widgets: a scanner typing into whatever has the focus, the payment dialog's words, the
// real providers against the sandbox gateway on loopback (its customers scripted per
// code), and what ends up in the database.
#include "cartmodel.h"
#include "checkout/checkout.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "counterkeys.h"
#include "mainwindow.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "paymentdialog.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/orderstore.h"
#include "testdatabase.h"

#include <QApplication>
#include <QBuffer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shouyin;
using State = PaymentSession::State;

namespace {

const QString kWater = u"6970000000017"_s; // 1.99
const QString kBread = u"6970000000024"_s; // 12.80
const QString kWechatCode = u"134567890123456789"_s;
const QString kWechatSecondCode = u"101234567890123456"_s;
const QString kAlipayCode = u"281234567890123456"_s;
const QString kUnionPayCode = u"6212345678901234567"_s;

constexpr int kPaidTimeoutMs = 15000; // a password typed, one 3 s query, slack

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

QString statusOf(PaymentDialog *dialog)
{
    auto *label = dialog ? dialog->findChild<QLabel *>(u"statusLabel"_s) : nullptr;
    return label ? label->text() : QString();
}

} // namespace

class TestCodeFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void aWechatCodeScannedIntoTheCartPays();
    void anAlipayCustomerWhoTypesTheirPasswordIsWaitedFor();
    void aRefusedCodeSaysWhyAndASecondCodePays();
    void aCodeOfferedWhileTheQrIsShownReplacesIt();
    void aCodeTheShopDoesNotTakeIsSaidSo();
    void aCodeWithAnEmptyCartChargesNothing();
    void aTrainingCashierRehearsesCodesFromTheMenu();
    void aTextFieldKeepsItsOwnTyping();

private:
    void scan(const QString &code) { testing::scanIntoFocus(code); }
    PaymentDialog *waitForDialog(PaymentDialog *other = nullptr)
    {
        return testing::waitForPaymentDialog(other);
    }
    void ringUpWaterAndBread();
    // SHOUYIN_UI_SCREENSHOT_DIR set: what the cashier sees, saved for a person to look at.
    void screenshot(QWidget *widget, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<WechatV2Provider> m_wechat;
    std::unique_ptr<AlipayProvider> m_alipay;
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<CheckoutClient> m_client;
    std::unique_ptr<OrderStore> m_orders;
    std::unique_ptr<MainWindow> m_window;
    CheckoutPage *m_page = nullptr;
};

void TestCodeFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = testing::openTestDatabase(m_dir->filePath(u"pos.sqlite"_s));
    m_catalog = std::make_unique<Catalog>(*m_db);
    QBuffer csv;
    csv.setData("barcode,name,price_yuan,stock\n"
                "6970000000017,测试 矿泉水 550ml,1.99,100\n"
                "6970000000024,测试 全麦面包,12.80,20\n");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(m_catalog->importCsv(csv).ok());

    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    QVERIFY(m_gateway->listen() != 0);
    QVERIFY(m_gateway->listenSecure() != 0);
    m_wechat = std::make_unique<WechatV2Provider>(testing::sandboxWechatSecureConfig(*m_gateway));
    m_alipay = std::make_unique<AlipayProvider>(testing::sandboxAlipayConfig(*m_gateway));
    m_checkout = std::make_unique<Checkout>(*m_db, u"T01"_s);
    m_client = std::make_unique<CheckoutClient>(*m_checkout);
    m_orders = std::make_unique<OrderStore>(*m_db);

    PosServices services;
    services.checkout = m_client.get();
    services.orders = m_orders.get();
    services.catalog = m_catalog.get();
    services.providers = {m_wechat.get(), m_alipay.get()};
    services.training = true;
    services.operatorName = u"张三"_s;
    for (const QString &provider : {u"wechat"_s, u"alipay"_s}) {
        services.trainingCodes.append(
            {provider, codeCustomerName(CodeCustomer::PaysAtOnce),
             SandboxGateway::sampleCode(provider, CodeCustomer::PaysAtOnce)});
        services.trainingCodes.append(
            {provider, codeCustomerName(CodeCustomer::NotEnoughBalance),
             SandboxGateway::sampleCode(provider, CodeCustomer::NotEnoughBalance)});
    }
    m_window = std::make_unique<MainWindow>(services);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_page = m_window->checkoutPage();
}

void TestCodeFlow::cleanup()
{
    m_window.reset();
    m_orders.reset();
    m_client.reset();
    m_checkout.reset();
    m_wechat.reset();
    m_alipay.reset();
    m_gateway.reset();
    m_catalog.reset();
    m_db.reset();
    m_dir.reset();
    m_page = nullptr;
}

void TestCodeFlow::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHOUYIN_UI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u'/' + name);
}

void TestCodeFlow::ringUpWaterAndBread()
{
    scan(kWater);
    scan(kBread);
    QCOMPARE(m_page->cartModel()->rowCount(), 2);
}

void TestCodeFlow::aWechatCodeScannedIntoTheCartPays()
{
    ringUpWaterAndBread();
    // The cashier moved into the cart (F4): the scan must still reach the counter.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
    auto *cartView = findIn<QTableView>(m_page, u"cartView"_s);
    QTRY_VERIFY(cartView->hasFocus());
    scan(kWechatCode);
    PaymentDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    PaymentSession *session = dialog->session();
    QCOMPARE(session->method(), PaymentMethod::Code);
    QCOMPARE(findIn<QLabel>(dialog, u"providerLabel"_s)->text(), u"Payment code: WeChat Pay"_s);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Paid, kPaidTimeoutMs);
    QCOMPARE(statusOf(dialog), u"Paid"_s);
    screenshot(dialog, u"ui-code-paid.png"_s);
    const qint64 orderId = session->orderId();
    QTRY_VERIFY(!m_page->paymentDialog()); // "Paid" shows, then the dialog goes by itself
    QCOMPARE(m_page->cartModel()->rowCount(), 0);
    auto *banner = findIn<QLabel>(m_page, u"resultBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"¥14.79"_s)); // 1.99 + 12.80

    const Order order = *m_orders->order(orderId);
    QCOMPARE(order.status, OrderStatus::Paid);
    const QList<Payment> payments = m_orders->payments(orderId);
    QCOMPARE(payments.size(), 1);
    QCOMPARE(payments.at(0).method, PaymentMethod::Code);
    QCOMPARE(payments.at(0).status, PaymentStatus::Success);
    QCOMPARE(payments.at(0).amount, Fen(1479));
    QVERIFY(!payments.at(0).transactionId.isEmpty());
    QCOMPARE(m_gateway->trade(payments.at(0).payNo)->state, u"SUCCESS"_s);
}

void TestCodeFlow::anAlipayCustomerWhoTypesTheirPasswordIsWaitedFor()
{
    m_gateway->setCodeCustomer(kAlipayCode, CodeCustomer::ConfirmsAfter,
                               std::chrono::milliseconds(1500));
    ringUpWaterAndBread();
    scan(kAlipayCode);
    PaymentDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    PaymentSession *session = dialog->session();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Confirming, 5000);
    QCOMPARE(session->provider().name(), u"alipay"_s);
    QCOMPARE(statusOf(dialog), u"Waiting for the customer to confirm on their phone (password)…"_s);
    auto *countdown = findIn<QLabel>(dialog, u"countdownLabel"_s);
    QVERIFY(countdown->isVisible());
    QVERIFY(countdown->text().startsWith(u"00:"_s) || countdown->text() == u"01:00"_s);
    QCOMPARE(m_orders->payment(session->payNo())->status, PaymentStatus::Pending);
    screenshot(dialog, u"ui-code-waiting.png"_s);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Paid, kPaidTimeoutMs);
    QCOMPARE(m_orders->order(session->orderId())->status, OrderStatus::Paid);
}

void TestCodeFlow::aRefusedCodeSaysWhyAndASecondCodePays()
{
    m_gateway->setCodeCustomer(kWechatCode, CodeCustomer::NotEnoughBalance);
    ringUpWaterAndBread();
    scan(kWechatCode);
    PaymentDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    PaymentSession *session = dialog->session();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Error, 5000);
    QVERIFY2(statusOf(dialog).contains(u"insufficient balance"_s), qPrintable(statusOf(dialog)));
    QVERIFY(findIn<QPushButton>(dialog, u"qrInsteadButton"_s)->isVisible());
    QVERIFY(!findIn<QPushButton>(dialog, u"retryButton"_s)->isVisible());
    screenshot(dialog, u"ui-code-refused.png"_s);
    const qint64 orderId = session->orderId();

    // The customer picks another card and shows a fresh code: scanned into the dialog.
    scan(kWechatSecondCode);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Paid, kPaidTimeoutMs);
    QCOMPARE(session->orderId(), orderId);
    const QList<Payment> payments = m_orders->payments(orderId);
    QCOMPARE(payments.size(), 2);
    QCOMPARE(payments.at(0).status, PaymentStatus::Failed);
    QCOMPARE(payments.at(0).lastError, u"NOTENOUGH"_s);
    QCOMPARE(payments.at(1).status, PaymentStatus::Success);
    QCOMPARE(m_orders->order(orderId)->status, OrderStatus::Paid);
}

void TestCodeFlow::aCodeOfferedWhileTheQrIsShownReplacesIt()
{
    ringUpWaterAndBread();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *qrDialog = waitForDialog();
    QVERIFY(qrDialog);
    QPointer<PaymentSession> qrSession = qrDialog->session();
    QTRY_COMPARE(qrSession->state(), State::Showing);
    const qint64 qrOrderId = qrSession->orderId();

    const QString qrPayNo = qrSession->payNo();

    // The customer would rather show their own code: it is scanned over the QR, and pays
    // the same order (one order number for the sale, not a cancelled one beside it).
    scan(kWechatCode);
    QCOMPARE(m_page->paymentDialog(), qrDialog);
    QCOMPARE(qrDialog->session(), qrSession.data());
    QTRY_COMPARE_WITH_TIMEOUT(qrSession->state(), State::Paid, kPaidTimeoutMs);
    QCOMPARE(qrSession->method(), PaymentMethod::Code);
    QCOMPARE(qrSession->orderId(), qrOrderId);
    QCOMPARE(m_orders->order(qrOrderId)->status, OrderStatus::Paid);
    // The QR's attempt was given up, to be closed with the provider: nothing paid by it.
    const auto qrAttempt = m_orders->payment(qrPayNo);
    QVERIFY(qrAttempt && qrAttempt->isSuperseded());
    QVERIFY(qrAttempt->status != PaymentStatus::Success);
}

void TestCodeFlow::aCodeTheShopDoesNotTakeIsSaidSo()
{
    ringUpWaterAndBread();
    scan(kUnionPayCode);
    QTest::qWait(100);
    QVERIFY(!m_page->paymentDialog());
    auto *message = findIn<QLabel>(m_page, u"scanMessage"_s);
    QVERIFY2(message->text().contains(u"not one the shop accepts"_s), qPrintable(message->text()));
    QCOMPARE(m_page->cartModel()->rowCount(), 2);
    QCOMPARE(findIn<QLineEdit>(m_page, u"barcodeEdit"_s)->text(), QString());
}

void TestCodeFlow::aCodeWithAnEmptyCartChargesNothing()
{
    scan(kWechatCode);
    QTest::qWait(100);
    QVERIFY(!m_page->paymentDialog());
    auto *message = findIn<QLabel>(m_page, u"scanMessage"_s);
    QVERIFY2(message->text().contains(u"cart is empty"_s), qPrintable(message->text()));
    QCOMPARE(m_gateway->trades().size(), 0);
}

void TestCodeFlow::aTrainingCashierRehearsesCodesFromTheMenu()
{
    ringUpWaterAndBread();
    auto *counterButton = findIn<QPushButton>(m_page, u"trainingCodeButton"_s);
    QVERIFY(counterButton && counterButton->menu());
    QAction *poor = counterButton->menu()->findChild<QAction *>(u"wechat_not-enough-balance"_s);
    QVERIFY(poor);
    QCOMPARE(poor->text(), u"WeChat Pay: not enough balance"_s);
    poor->trigger();
    PaymentDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->session()->state(), State::Error, 5000);
    QVERIFY(statusOf(dialog).contains(u"insufficient balance"_s));

    // The customer switches to Alipay, shown from the dialog's own training button.
    auto *dialogButton = findIn<QPushButton>(dialog, u"trainingCodeButton"_s);
    QVERIFY(dialogButton && dialogButton->isVisible());
    dialogButton->menu()->findChild<QAction *>(u"alipay_pays-at-once"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->session()->state(), State::Paid, kPaidTimeoutMs);
    QCOMPARE(dialog->session()->provider().name(), u"alipay"_s);
    QVERIFY(findIn<QLabel>(dialog, u"providerLabel"_s)->text().contains(u"Alipay"_s));
}

void TestCodeFlow::aTextFieldKeepsItsOwnTyping()
{
    ringUpWaterAndBread();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3); // the product search
    auto *search = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(search);
    QVERIFY(search->objectName() != u"barcodeEdit"_s);
    QTest::keyClicks(search, kWechatCode);
    QCOMPARE(search->text(), kWechatCode); // typed, not taken as a scan
    QVERIFY(!m_page->paymentDialog());
}

QTEST_MAIN(TestCodeFlow)
#include "tst_codeflow.moc"
