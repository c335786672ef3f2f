// End to end through the real widgets: barcode field, cart, Charge, the payment dialog
// and its QR, the training customer paying at a real sandbox gateway on loopback, the
// real 3 s poll, and what ends up in the database.
#include "cartmodel.h"
#include "checkout/checkout.h"
#include "checkout/checkoutclient.h"
#include "checkout/paymentsettler.h"
#include "checkoutpage.h"
#include "counterkeys.h"
#include "mainwindow.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "pay/wechatv3/wechatv3provider.h"
#include "paymentdialog.h"
#include "qrdecode.h"
#include "qrwidget.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/trainingcustomer.h"
#include "sandboxmerchants.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/orderstore.h"
#include "testdatabase.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

// Products with prices chosen here, so that every expected amount below is worked out
// by hand rather than read back from the code under test.
const QString kWater = u"6970000000017"_s; // 1.99
const QString kBread = u"6970000000024"_s; // 12.80
const QString kFixtureCsv = u"barcode,name,price_yuan,stock\n"
                            "6970000000017,测试 矿泉水 550ml,1.99,100\n"
                            "6970000000024,测试 全麦面包,12.80,20\n"_s;

constexpr int kPaidTimeoutMs = 10000; // one real 3 s poll plus generous slack

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

QStringList eventKinds(const QList<Event> &events)
{
    QStringList kinds;
    for (const Event &event : events)
        kinds.append(event.kind);
    return kinds;
}

} // namespace

class TestCheckoutFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Every scenario runs once per provider: F12 charges with that row's default.
    void initTestCase_data();
    void init();
    void cleanup();

    void scanChargeSimulatePay();
    void keyboardOnlyCancel();
    void unknownBarcode();
    void productSearchAndCartKeys();
    void gatewayErrorThenRetry();
    void switchProviderMidSale();
    void switchProviderInTheDialog();
    void aMismatchIsShownOnceAndLoudly();

private:
    void scan(const QString &barcode) { testing::scanIntoFocus(barcode); }
    PaymentDialog *waitForDialog() { return testing::waitForPaymentDialog(); }
    bool waitForQr(PaymentDialog *dialog);
    void screenshot(QWidget *widget, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<PaymentProvider> m_provider; // WeChat Pay, v2 or v3 as the row says
    std::unique_ptr<AlipayProvider> m_alipay;
    qint64 m_clockOffsetSecs = 0; // moves the till's and the gateway's clocks together
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<CheckoutClient> m_client; // queued calls, as across the till's threads
    std::unique_ptr<OrderStore> m_orders;
    std::unique_ptr<TrainingCustomer> m_customer;
    std::unique_ptr<MainWindow> m_window;
    CheckoutPage *m_page = nullptr;
    QLineEdit *m_barcode = nullptr;
};

void TestCheckoutFlow::initTestCase_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("wechatApi");
    QTest::newRow("wechat") << u"wechat"_s << u"v2"_s;
    QTest::newRow("wechat v3") << u"wechat"_s << u"v3"_s;
    QTest::newRow("alipay") << u"alipay"_s << u"v2"_s;
}

void TestCheckoutFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = testing::openTestDatabase(m_dir->filePath(u"pos.sqlite"_s));
    m_catalog = std::make_unique<Catalog>(*m_db);

    QFile sample(QStringLiteral(SHOUYIN_SAMPLE_CATALOG));
    if (sample.open(QIODevice::ReadOnly)) {
        const auto imported = m_catalog->importCsv(sample);
        QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    }
    QByteArray fixture = kFixtureCsv.toUtf8();
    QBuffer fixtureBuffer(&fixture);
    QVERIFY(fixtureBuffer.open(QIODevice::ReadOnly));
    QVERIFY(m_catalog->importCsv(fixtureBuffer).ok());

    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    QVERIFY(m_gateway->listen() != 0);
    // Notifications go nowhere: this suite proves that polling alone settles a payment.
    m_alipay = std::make_unique<AlipayProvider>(testing::sandboxAlipayConfig(*m_gateway));
    m_clockOffsetSecs = 0;
    const auto clock = [this] {
        return QDateTime::currentDateTimeUtc().addSecs(m_clockOffsetSecs);
    };
    QFETCH_GLOBAL(QString, wechatApi);
    if (wechatApi == u"v3")
        m_provider = std::make_unique<WechatV3Provider>(testing::sandboxWechatV3Config(*m_gateway),
                                                        ShopClock(ShopClock::defaultZone(), clock));
    else
        m_provider = std::make_unique<WechatV2Provider>(testing::sandboxWechatConfig(*m_gateway));
    m_gateway->setClock(clock);
    m_checkout =
        std::make_unique<Checkout>(*m_db, u"T01"_s, ShopClock(ShopClock::defaultZone(), clock));
    m_client = std::make_unique<CheckoutClient>(*m_checkout);
    m_orders = std::make_unique<OrderStore>(*m_db);
    m_customer = std::make_unique<TrainingCustomer>(m_gateway->baseUrl());

    PosServices services;
    services.checkout = m_client.get();
    services.orders = m_orders.get();
    services.catalog = m_catalog.get();
    QFETCH_GLOBAL(QString, provider);
    services.providers = {m_provider.get(), m_alipay.get()};
    services.providers.setDefault(provider);
    services.simulateCustomer = [customer =
                                     m_customer.get()](const QString &codeUrl, QObject *context,
                                                       std::function<void(const Status &)> done) {
        customer->pay(codeUrl, context, std::move(done));
    };
    services.training = true;
    services.operatorName = u"张三"_s;

    m_window = std::make_unique<MainWindow>(services);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_page = m_window->checkoutPage();
    m_barcode = findIn<QLineEdit>(m_page, u"barcodeEdit"_s);
    QVERIFY(m_barcode);
    QTRY_VERIFY(m_barcode->hasFocus()); // a scanner can type straight away
}

void TestCheckoutFlow::cleanup()
{
    m_window.reset();
    m_customer.reset();
    m_orders.reset();
    m_client.reset();
    m_checkout.reset();
    m_provider.reset();
    m_alipay.reset();
    m_gateway.reset();
    m_catalog.reset();
    m_db.reset();
    m_dir.reset();
    m_page = nullptr;
    m_barcode = nullptr;
}

bool TestCheckoutFlow::waitForQr(PaymentDialog *dialog)
{
    auto *qr = dialog->findChild<QrWidget *>(u"qrWidget"_s);
    return qr && QTest::qWaitFor([qr] { return qr->hasCode(); }, 10000);
}

void TestCheckoutFlow::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHOUYIN_UI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u'/' + name);
}

void TestCheckoutFlow::scanChargeSimulatePay()
{
    const Product waterBefore = m_catalog->byBarcode(kWater).value();

    scan(kWater);
    scan(kBread);
    scan(kWater);
    const CartModel *cart = m_page->cartModel();
    auto *cartView = findIn<QTableView>(m_page, u"cartView"_s);
    auto *total = findIn<QLabel>(m_page, u"totalLabel"_s);
    auto *chargeButton = findIn<QPushButton>(m_page, u"chargeButton"_s);
    QVERIFY(cartView && total && chargeButton);
    QCOMPARE(cartView->model()->rowCount(), 2);
    QCOMPARE(cartView->model()->index(0, CartModel::NameColumn).data().toString(),
             u"测试 矿泉水 550ml"_s);
    QCOMPARE(cartView->model()->index(0, CartModel::QuantityColumn).data().toInt(), 2);
    QCOMPARE(cartView->model()->index(0, CartModel::PriceColumn).data().toString(), u"¥1.99"_s);
    QCOMPARE(cartView->model()->index(0, CartModel::TotalColumn).data().toString(), u"¥3.98"_s);
    QCOMPARE(cartView->model()->index(1, CartModel::NameColumn).data().toString(),
             u"测试 全麦面包"_s);
    QCOMPARE(cartView->model()->index(1, CartModel::QuantityColumn).data().toInt(), 1);
    QCOMPARE(total->text(), u"¥16.78"_s); // 2 × 1.99 + 12.80
    QVERIFY(chargeButton->isEnabled());
    QVERIFY(m_barcode->text().isEmpty());
    screenshot(m_window.get(), u"ui-checkout.png"_s);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QCOMPARE(m_page->paymentDialog(), dialog);
    QVERIFY(waitForQr(dialog));
    PaymentSession *session = dialog->session();
    QVERIFY(session);
    QCOMPARE(session->state(), PaymentSession::State::Showing);

    const auto order = m_orders->order(session->orderId());
    QVERIFY(order);
    QCOMPARE(order->status, OrderStatus::AwaitingPayment);
    QCOMPARE(order->total, Fen(1678));
    QCOMPARE(order->operatorName, u"张三"_s);
    QCOMPARE(findIn<QLabel>(dialog, u"amountLabel"_s)->text(), u"¥16.78"_s);
    QVERIFY(findIn<QLabel>(dialog, u"orderNoLabel"_s)->text().contains(order->orderNo));
    const QString countdown = findIn<QLabel>(dialog, u"countdownLabel"_s)->text();
    const auto mmss = QRegularExpression(u"^(\\d\\d):(\\d\\d)$"_s).match(countdown);
    QVERIFY2(mmss.hasMatch(), qPrintable(countdown));
    const int secondsLeft = mmss.captured(1).toInt() * 60 + mmss.captured(2).toInt();
    QVERIFY2(secondsLeft > 9 * 60 && secondsLeft <= 10 * 60, qPrintable(countdown)); // 10 min QR

    // What the customer's phone would read off the screen.
    auto *qr = findIn<QrWidget>(dialog, u"qrWidget"_s);
    QVERIFY(qr->width() >= 250 && qr->height() >= 250); // large enough to scan across a counter
    const QStringList decoded = test::decodeQr(qr->grab().toImage());
    const QString payNo = session->payNo(); // the session is gone once the dialog closes
    const auto trade = m_gateway->trade(payNo);
    QVERIFY(trade);
    QVERIFY(!trade->codeUrl.isEmpty());
    QCOMPARE(decoded, QStringList{trade->codeUrl});
    QFETCH_GLOBAL(QString, provider);
    const bool alipay = provider == u"alipay";
    QCOMPARE(trade->provider, provider);
    QVERIFY(trade->codeUrl.startsWith(alipay ? u"https://qr.alipay.com/"_s : u"weixin://"_s));
    const QString providerText = findIn<QLabel>(dialog, u"providerLabel"_s)->text();
    QVERIFY2(providerText.contains(alipay ? u"Alipay"_s : u"WeChat Pay"_s),
             qPrintable(providerText));
    // The words under the QR name the app that opens it: a WeChat QR does not open in
    // Alipay, and the other way round. A customer may show their payment code instead.
    const QString scanText = findIn<QLabel>(dialog, u"statusLabel"_s)->text();
    QCOMPARE(scanText, alipay ? u"Scan the QR code with Alipay to pay, or scan the customer's "
                                "payment code"_s
                              : u"Scan the QR code with WeChat to pay, or scan the customer's "
                                "payment code"_s);
    QCOMPARE(session->codeUrl(), trade->codeUrl);
    QCOMPARE(trade->totalFee, Fen(1678));
    screenshot(dialog, u"ui-payment.png"_s);

    auto *simulate = findIn<QPushButton>(dialog, u"simulatePayButton"_s);
    QVERIFY(simulate && simulate->isVisible() && simulate->isEnabled());
    QVERIFY(!findIn<QPushButton>(dialog, u"retryButton"_s)->isVisible());
    QTest::mouseClick(simulate, Qt::LeftButton);

    auto *status = findIn<QLabel>(dialog, u"statusLabel"_s);
    QPointer<PaymentDialog> watched(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"Paid"_s, kPaidTimeoutMs);
    screenshot(dialog, u"ui-paid.png"_s);
    QTRY_VERIFY_WITH_TIMEOUT(watched.isNull(), 5000); // closes by itself
    QCOMPARE(m_page->paymentDialog(), nullptr);

    QCOMPARE(cart->rowCount(), 0);
    QCOMPARE(total->text(), u"¥0.00"_s);
    QVERIFY(!chargeButton->isEnabled());
    auto *banner = findIn<QLabel>(m_page, u"resultBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(order->orderNo) && banner->text().contains(u"¥16.78"_s),
             qPrintable(banner->text()));
    QTRY_VERIFY(m_barcode->hasFocus()); // ready for the next customer
    screenshot(m_window.get(), u"ui-after-sale.png"_s);

    const auto paidOrder = m_orders->order(order->id);
    QCOMPARE(paidOrder->status, OrderStatus::Paid);
    QVERIFY(paidOrder->paidAt.isValid());
    const QList<Payment> payments = m_orders->payments(order->id);
    QCOMPARE(payments.size(), 1);
    QCOMPARE(payments.at(0).status, PaymentStatus::Success);
    QCOMPARE(payments.at(0).amount, Fen(1678));
    QCOMPARE(payments.at(0).payNo, payNo);
    QCOMPARE(payments.at(0).provider, provider);
    const auto paidTrade = m_gateway->trade(payNo);
    QCOMPARE(paidTrade->state, u"SUCCESS"_s);
    QVERIFY(!paidTrade->transactionId.isEmpty());
    QCOMPARE(payments.at(0).transactionId, paidTrade->transactionId);

    const QList<Event> events = m_orders->events(order->id);
    const QStringList kinds = eventKinds(events);
    QCOMPARE(kinds, (QStringList{u"order_created"_s, u"payment_created"_s, u"qr_issued"_s,
                                 u"payment_paid"_s, u"order_paid"_s}));
    for (const Event &event : events)
        QCOMPARE(event.orderId, order->id);
    QCOMPARE(events.at(3).source, sourceName(Source::Poll)); // no notify_url listener here
    QCOMPARE(events.at(3).toStatus, QString(sqlText(PaymentStatus::Success)));

    // The sale took the goods off the shelf.
    const Product waterAfter = m_catalog->byBarcode(kWater).value();
    QCOMPARE(waterAfter.stock, waterBefore.stock - 2);
    QCOMPARE(waterAfter.reserved, qint64(0));
}

void TestCheckoutFlow::keyboardOnlyCancel()
{
    scan(kBread);
    QCOMPARE(m_page->cartModel()->rowCount(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QVERIFY(waitForQr(dialog));
    PaymentSession *session = dialog->session();
    const qint64 orderId = session->orderId();
    const QString orderNo = session->orderNo();
    QVERIFY(!orderNo.isEmpty());

    // A stray scan (digits + Enter) into the dialog must not cancel or close it.
    QTest::keyClicks(QApplication::focusWidget(), u"123"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTest::qWait(50);
    QVERIFY(dialog->isVisible());
    QCOMPARE(session->state(), PaymentSession::State::Showing);

    QPointer<PaymentDialog> watched(dialog);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(watched.isNull() || !watched->isVisible());
    QTRY_VERIFY(watched.isNull());
    QCOMPARE(m_page->paymentDialog(), nullptr);
    QCOMPARE(QApplication::activeModalWidget(), nullptr);

    const auto order = m_orders->order(orderId);
    QVERIFY(order);
    QVERIFY2(order->status == OrderStatus::Cancelling || order->status == OrderStatus::Cancelled,
             sqlText(order->status).data());
    QVERIFY(eventKinds(m_orders->events(orderId)).contains(u"cancel_requested"_s) ||
            eventKinds(m_orders->events(orderId)).contains(u"order_cancelled"_s));

    // The goods are still on the counter: the cart stays for another try.
    QCOMPARE(m_page->cartModel()->rowCount(), 1);
    QCOMPARE(findIn<QLabel>(m_page, u"totalLabel"_s)->text(), u"¥12.80"_s);
    QVERIFY(findIn<QPushButton>(m_page, u"chargeButton"_s)->isEnabled());
    auto *banner = findIn<QLabel>(m_page, u"resultBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(orderNo), qPrintable(banner->text()));
    QTRY_VERIFY(m_barcode->hasFocus());

    // And charging again opens a new order with a new QR.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *again = waitForDialog();
    QVERIFY(again);
    QVERIFY(waitForQr(again));
    QVERIFY(again->session()->orderId() != orderId);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE(m_page->paymentDialog(), nullptr);
}

void TestCheckoutFlow::unknownBarcode()
{
    const QString unknown = u"6999999999999"_s;
    QVERIFY(!m_catalog->byBarcode(unknown));
    scan(unknown);
    QCOMPARE(m_page->cartModel()->rowCount(), 0);
    auto *message = findIn<QLabel>(m_page, u"scanMessage"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(unknown), qPrintable(message->text()));
    QVERIFY(!findIn<QPushButton>(m_page, u"chargeButton"_s)->isEnabled());
    // The field keeps the code, selected, so the next scan simply replaces it.
    QVERIFY(m_barcode->hasFocus());
    QCOMPARE(m_barcode->selectedText(), unknown);
    scan(kWater);
    QCOMPARE(m_page->cartModel()->rowCount(), 1);
    QCOMPARE(m_page->cartModel()->cart().at(0).product.barcode, kWater);
    QVERIFY(m_barcode->text().isEmpty());
    QVERIFY(!message->text().contains(unknown));

    // F12 with an empty cart opens nothing.
    m_page->clearCart();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    QTest::qWait(100);
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    QVERIFY(m_orders->openPayments().isEmpty());
}

void TestCheckoutFlow::productSearchAndCartKeys()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
    auto *filter = findIn<QLineEdit>(m_page, u"productFilter"_s);
    QTRY_VERIFY(filter->hasFocus());
    // Chinese names arrive through the input method, not as key presses.
    QInputMethodEvent typed;
    typed.setCommitString(u"全麦"_s);
    QApplication::sendEvent(filter, &typed);
    auto *list = findIn<QTreeView>(m_page, u"productList"_s);
    QCOMPARE(list->model()->rowCount(), 1);
    QTest::keyClick(filter, Qt::Key_Return); // the only match
    QCOMPARE(m_page->cartModel()->rowCount(), 1);
    QCOMPARE(m_page->cartModel()->cart().at(0).product.barcode, kBread);
    QTRY_VERIFY(m_barcode->hasFocus());

    // Search by barcode digits, arrow down into the list, Enter.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, kWater.right(6));
    QTest::keyClick(filter, Qt::Key_Down);
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(m_page->cartModel()->rowCount(), 2);
    QCOMPARE(findIn<QLabel>(m_page, u"totalLabel"_s)->text(), u"¥14.79"_s);

    // F4 to the cart: + and - change the quantity of the selected line, Delete removes it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
    auto *cartView = findIn<QTableView>(m_page, u"cartView"_s);
    QTRY_VERIFY(cartView->hasFocus());
    cartView->selectRow(1); // the water
    QTest::keyClick(cartView, Qt::Key_Plus);
    QTest::keyClick(cartView, Qt::Key_Plus);
    QCOMPARE(m_page->cartModel()->cart().at(1).quantity, 3);
    QCOMPARE(findIn<QLabel>(m_page, u"totalLabel"_s)->text(), u"¥18.77"_s);
    QTest::keyClick(cartView, Qt::Key_Minus);
    QCOMPARE(m_page->cartModel()->cart().at(1).quantity, 2);
    QTest::keyClick(cartView, Qt::Key_Minus);
    QTest::keyClick(cartView, Qt::Key_Minus); // stops at 1: removing is Delete's job
    QCOMPARE(m_page->cartModel()->cart().at(1).quantity, 1);
    QTest::keyClick(cartView, Qt::Key_Delete);
    QCOMPARE(m_page->cartModel()->rowCount(), 1);
    QCOMPARE(m_page->cartModel()->cart().at(0).product.barcode, kBread);
    QCOMPARE(findIn<QLabel>(m_page, u"totalLabel"_s)->text(), u"¥12.80"_s);

    // Esc goes back to the barcode field.
    QTest::keyClick(cartView, Qt::Key_Escape);
    QTRY_VERIFY(m_barcode->hasFocus());
}

void TestCheckoutFlow::gatewayErrorThenRetry()
{
    QFETCH_GLOBAL(QString, provider);
    QFETCH_GLOBAL(QString, wechatApi);
    const QString createPath = provider == u"alipay" ? u"alipay.trade.precreate"_s
                               : wechatApi == u"v3"  ? u"/v3/pay/transactions/native"_s
                                                     : u"/pay/unifiedorder"_s;
    m_gateway->injectFault(createPath, SandboxFault::SystemError, 1);
    scan(kWater);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    PaymentSession *session = dialog->session();
    QTRY_COMPARE(session->state(), PaymentSession::State::Error);
    auto *status = findIn<QLabel>(dialog, u"statusLabel"_s);
    auto *retry = findIn<QPushButton>(dialog, u"retryButton"_s);
    QVERIFY(!session->errorMessage().isEmpty());
    QVERIFY2(status->text().contains(session->errorMessage()), qPrintable(status->text()));
    QVERIFY(retry->isVisible() && retry->isEnabled());
    // A QR's error offers Retry, not "Show QR instead" (that is a refused code's way out).
    QVERIFY(!findIn<QPushButton>(dialog, u"qrInsteadButton"_s)->isVisible());
    screenshot(dialog, u"ui-error.png"_s);
    QVERIFY(!findIn<QrWidget>(dialog, u"qrWidget"_s)->hasCode()); // nothing to scan
    QVERIFY(!findIn<QPushButton>(dialog, u"simulatePayButton"_s)->isEnabled());
    QCOMPARE(m_gateway->requestCount(createPath), 1);

    // Keyboard: the Retry button has the focus, Space presses it.
    QTRY_COMPARE(QApplication::focusWidget(), retry);
    QTest::keyClick(retry, Qt::Key_Space);
    QVERIFY(waitForQr(dialog));
    QCOMPARE(session->state(), PaymentSession::State::Showing);
    QVERIFY(!retry->isVisible());
    QCOMPARE(m_gateway->requestCount(createPath), 2);
    const auto trade = m_gateway->trade(session->payNo());
    QVERIFY(trade);
    QCOMPARE(test::decodeQr(findIn<QrWidget>(dialog, u"qrWidget"_s)->grab().toImage()),
             QStringList{trade->codeUrl});

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE(m_page->paymentDialog(), nullptr);
    QCOMPARE(m_page->cartModel()->rowCount(), 1);
}

void TestCheckoutFlow::switchProviderMidSale()
{
    QFETCH_GLOBAL(QString, provider);
    if (provider != u"wechat")
        QSKIP("one switch, from WeChat Pay to Alipay, is enough");
    scan(kBread);

    // The customer wants to pay with WeChat Pay (F10)...
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F10);
    PaymentDialog *wechatDialog = waitForDialog();
    QVERIFY(wechatDialog);
    QVERIFY(waitForQr(wechatDialog));
    const QString wechatPayNo = wechatDialog->session()->payNo();
    const qint64 wechatOrderId = wechatDialog->session()->orderId();
    QVERIFY(test::decodeQr(findIn<QrWidget>(wechatDialog, u"qrWidget"_s)->grab().toImage())
                .first()
                .startsWith(u"weixin://"_s));

    // ...then changes their mind: Cancel, and charge again with Alipay (F11). The cancelled
    // attempt's order is left to the settler; the new attempt does not wait for it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE(m_page->paymentDialog(), nullptr);
    QCOMPARE(m_page->cartModel()->rowCount(), 1);
    QTRY_VERIFY(m_barcode->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F11);
    PaymentDialog *alipayDialog = waitForDialog();
    QVERIFY(alipayDialog);
    QVERIFY(waitForQr(alipayDialog));
    const QString alipayPayNo = alipayDialog->session()->payNo();
    const qint64 alipayOrderId = alipayDialog->session()->orderId();
    QVERIFY(alipayPayNo != wechatPayNo);
    QCOMPARE(test::decodeQr(findIn<QrWidget>(alipayDialog, u"qrWidget"_s)->grab().toImage()),
             QStringList{m_gateway->trade(alipayPayNo)->codeUrl});
    QPointer<PaymentDialog> watched(alipayDialog);
    QTest::mouseClick(findIn<QPushButton>(alipayDialog, u"simulatePayButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(watched.isNull(), kPaidTimeoutMs + PaymentDialog::kPaidDisplayMs);

    // WeChat refuses closes in a trade's first 5 minutes: move both clocks past them and
    // let the settler finish the cancelled attempt.
    m_clockOffsetSecs = 6 * 60;
    PaymentSettler settler(*m_checkout, *m_orders,
                           ProviderRegistry{m_provider.get(), m_alipay.get()});
    settler.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_orders->payment(wechatPayNo)->status, PaymentStatus::Closed, 10000);
    QCOMPARE(m_gateway->trade(wechatPayNo)->state, u"CLOSED"_s);
    QCOMPARE(m_orders->order(wechatOrderId)->status, OrderStatus::Cancelled);
    QCOMPARE(m_orders->order(alipayOrderId)->status, OrderStatus::Paid);

    // Exactly one paid attempt for the sale, and it is the Alipay one.
    int paid = 0;
    for (const qint64 orderId : {wechatOrderId, alipayOrderId}) {
        for (const Payment &payment : m_orders->payments(orderId)) {
            if (payment.status == PaymentStatus::Success) {
                ++paid;
                QCOMPARE(payment.payNo, alipayPayNo);
                QCOMPARE(payment.provider, u"alipay"_s);
            }
        }
    }
    QCOMPARE(paid, 1);
    QCOMPARE(m_page->cartModel()->rowCount(), 0);
}

void TestCheckoutFlow::switchProviderInTheDialog()
{
    QFETCH_GLOBAL(QString, provider);
    if (provider != u"wechat")
        QSKIP("one switch, from WeChat Pay to Alipay and back, is enough");
    scan(kBread);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F10);
    PaymentDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QVERIFY(waitForQr(dialog));
    const QString orderNo = dialog->session()->orderNo();
    const QString wechatPayNo = dialog->session()->payNo();
    auto *toAlipay = findIn<QPushButton>(dialog, u"alipaySwitchButton"_s);
    QVERIFY(toAlipay && toAlipay->isVisible());
    QVERIFY(!findIn<QPushButton>(dialog, u"wechatSwitchButton"_s)->isVisible());

    // The customer opens Alipay instead: F11 in the dialog, no Cancel, no new order.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F11);
    QTRY_VERIFY(dialog->session()->payNo() != wechatPayNo);
    QVERIFY(waitForQr(dialog));
    QCOMPARE(dialog->session()->provider().name(), u"alipay"_s);
    QCOMPARE(dialog->session()->orderNo(), orderNo);
    QCOMPARE(test::decodeQr(findIn<QrWidget>(dialog, u"qrWidget"_s)->grab().toImage()),
             QStringList{m_gateway->trade(dialog->session()->payNo())->codeUrl});
    QVERIFY(m_orders->payment(wechatPayNo)->isSuperseded());

    QPointer<PaymentDialog> watched(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"simulatePayButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(watched.isNull(), kPaidTimeoutMs + PaymentDialog::kPaidDisplayMs);
    QCOMPARE(m_orders->order(m_orders->payment(wechatPayNo)->orderId)->status, OrderStatus::Paid);
    QCOMPARE(m_page->cartModel()->rowCount(), 0);
}

void TestCheckoutFlow::aMismatchIsShownOnceAndLoudly()
{
    QFETCH_GLOBAL(QString, provider);
    if (provider != u"wechat")
        QSKIP("the banner does not depend on the provider");
    const Product water = m_catalog->byBarcode(kWater).value();
    const auto order = m_checkout->placeOrder({{water.id, 1}}, u"张三"_s);
    QVERIFY(order);
    const auto payment =
        m_checkout->openPayment(order->id, *m_provider, std::chrono::minutes(10), u"张三"_s);
    QVERIFY(payment);
    auto *banner = findIn<QWidget>(m_window.get(), u"alertBanner"_s);
    QVERIFY(banner && !banner->isVisible());

    // A gateway answering the wrong amount at every poll.
    TradeSnapshot wrong;
    wrong.payNo = payment->payNo;
    wrong.state = TradeState::NotPay;
    wrong.rawState = u"NOTPAY"_s;
    wrong.amount = 1;
    wrong.appId = m_provider->appId();
    wrong.merchantId = m_provider->merchantId();
    QCOMPARE(m_checkout->apply(payment->payNo, wrong, Source::Poll).value(), ApplyResult::Refused);
    QVERIFY(banner->isVisible());
    const QString text = findIn<QLabel>(banner, u"alertText"_s)->text();
    QVERIFY2(text.contains(order->orderNo) && text.contains(u"mismatch"_s), qPrintable(text));
    screenshot(m_window.get(), u"ui-alert.png"_s);

    QTest::mouseClick(findIn<QPushButton>(banner, u"alertDismissButton"_s), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    for (int poll = 0; poll < 3; ++poll)
        QCOMPARE(m_checkout->apply(payment->payNo, wrong, Source::Poll).value(),
                 ApplyResult::Refused);
    QVERIFY(!banner->isVisible()); // once per payment: the manager has been told
}

QTEST_MAIN(TestCheckoutFlow)
#include "tst_checkoutflow.moc"
