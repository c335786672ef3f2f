// What the counter keeps, through the real widgets: a payment that lands after the cashier
// gave up completes that sale (cart closed, receipt printed, no second charge); a scan made
// while a dialog is open waits for it; Delete and Clear cart can be undone; a change of
// user keeps the cart; refusals sound; the window fits the screens tills have.
#include "errorsound.h"
#include "refundcounter.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QSignalSpy>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestCounterKeeps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void aPaymentAfterCancelCompletesThatSale();
    void aPaymentAfterCancelStopsTheSecondCharge();
    void aScanDuringThePaymentWaitsForIt();
    void aScanBehindAReturnWaitsForIt();
    void deleteAndClearCanBeUndone();
    void aChangeOfUserKeepsTheCart();
    void refusalsSound();
    void theWindowFitsTheScreen_data();
    void theWindowFitsTheScreen();

private:
    CheckoutPage *page() const { return m_till->page(); }
    // The scanner types into whatever has the focus, once a dialog that just closed has
    // handed it back.
    static void scan(const QString &code)
    {
        QTRY_VERIFY(QApplication::focusWidget());
        scanIntoFocus(code);
    }
    // A key into whatever has the focus; a dialog that just closed hands it back a moment
    // later.
    static void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTRY_VERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), key, modifiers);
    }
    QString banner() const { return labelText(page(), u"resultBanner"_s); }
    QString scanMessage() const { return labelText(page(), u"scanMessage"_s); }
    // F12 with the cart as it is, up to the QR on screen.
    PaymentDialog *chargeToQr();
    // The customer pays the QR of `payNo` on their phone, and the till hears of it the
    // way its settler would: asking the provider.
    void customerPaysLate(const QString &codeUrl, const QString &payNo);

    std::unique_ptr<RefundCounter> m_till;
};

void TestCounterKeeps::init()
{
    m_till = std::make_unique<RefundCounter>();
    QVERIFY(m_till->start());
}

void TestCounterKeeps::cleanup()
{
    m_till.reset();
}

PaymentDialog *TestCounterKeeps::chargeToQr()
{
    key(Qt::Key_F12);
    PaymentDialog *dialog = waitForPaymentDialog();
    if (!dialog || !QTest::qWaitFor(
                       [dialog] {
                           return dialog->session() &&
                                  dialog->session()->state() == PaymentSession::State::Showing;
                       },
                       kPaidTimeoutMs))
        return nullptr;
    return dialog;
}

void TestCounterKeeps::customerPaysLate(const QString &codeUrl, const QString &payNo)
{
    std::optional<Status> paid;
    m_till->customer->pay(codeUrl, this, [&paid](const Status &status) { paid = status; });
    QTRY_VERIFY_WITH_TIMEOUT(paid.has_value(), kPaidTimeoutMs);
    QVERIFY2(paid->ok(), paid->ok() ? "" : qPrintable(paid->error().message));
    std::optional<Result<TradeSnapshot>> answer;
    m_till->counter.wechat->query(
        payNo, this, [&answer](Result<TradeSnapshot> snapshot) { answer = std::move(snapshot); });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kPaidTimeoutMs);
    QVERIFY(answer->ok());
    QVERIFY(m_till->counter.checkout->apply(payNo, answer->value(), Source::Poll));
}

void TestCounterKeeps::aPaymentAfterCancelCompletesThatSale()
{
    scan(kWater);
    scan(kBread);
    PaymentDialog *dialog = chargeToQr();
    QVERIFY(dialog);
    const QString payNo = dialog->session()->payNo();
    const QString codeUrl = dialog->session()->codeUrl();
    const QString orderNo = dialog->session()->orderNo();
    QTest::keyClick(dialog, Qt::Key_Escape); // the cashier gives up...
    QTRY_COMPARE(page()->paymentDialog(), nullptr);
    QCOMPARE(page()->cartModel()->rowCount(), 2);

    customerPaysLate(codeUrl, payNo); // ...just as the customer pays

    // The goods are sold: the cart is closed, so F12 cannot charge them again, and the
    // customer gets the receipt of what they paid.
    QTRY_COMPARE(page()->cartModel()->rowCount(), 0);
    QVERIFY2(banner().contains(orderNo) && banner().contains(u"paid after all"_s),
             qPrintable(banner()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_till->counter.printer->jobsWith(orderNo).isEmpty(),
                             kPrintTimeoutMs);
    key(Qt::Key_F12);
    QTest::qWait(100);
    QVERIFY(!page()->paymentDialog());
}

void TestCounterKeeps::aPaymentAfterCancelStopsTheSecondCharge()
{
    scan(kBread);
    PaymentDialog *first = chargeToQr();
    QVERIFY(first);
    const QString payNo = first->session()->payNo();
    const QString codeUrl = first->session()->codeUrl();
    const qint64 firstOrder = first->session()->orderId();
    QTest::keyClick(first, Qt::Key_Escape);
    QTRY_COMPARE(page()->paymentDialog(), nullptr);
    // The cashier charges the same bread again; the first QR is paid meanwhile.
    PaymentDialog *second = chargeToQr();
    QVERIFY(second);
    const qint64 secondOrder = second->session()->orderId();
    QVERIFY(secondOrder != firstOrder);

    customerPaysLate(codeUrl, payNo);

    QTRY_COMPARE(page()->paymentDialog(), nullptr); // the second charge is withdrawn
    QCOMPARE(page()->cartModel()->rowCount(), 0);
    QCOMPARE(m_till->counter.orders->order(firstOrder)->status, OrderStatus::Paid);
    QVERIFY(m_till->counter.orders->order(secondOrder)->status != OrderStatus::Paid);
    QTRY_VERIFY(m_till->counter.orders->order(secondOrder)->status != OrderStatus::AwaitingPayment);
}

void TestCounterKeeps::aScanDuringThePaymentWaitsForIt()
{
    scan(kWater);
    PaymentDialog *dialog = chargeToQr();
    QVERIFY(dialog);
    // The next customer's bread, scanned while the QR is up (the dialog has the keyboard).
    scan(kBread);
    QCOMPARE(page()->cartModel()->rowCount(), 1);
    const QString note = labelText(dialog, u"scanNote"_s);
    QVERIFY2(note.contains(u"kept"_s), qPrintable(note));
    QCOMPARE(page()->keptScans(), QStringList{kBread});

    QPointer<PaymentDialog> watched(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"simulatePayButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(watched.isNull(), kPaidTimeoutMs + PaymentDialog::kPaidDisplayMs);
    // The water is paid; the bread starts the next sale.
    QCOMPARE(page()->cartModel()->rowCount(), 1);
    QCOMPARE(page()->cartModel()->cart().at(0).product.barcode, kBread);
    QVERIFY(page()->keptScans().isEmpty());
}

void TestCounterKeeps::aScanBehindAReturnWaitsForIt()
{
    key(Qt::Key_F7); // the return key asks...
    QTRY_VERIFY(page()->returnAskDialog());
    page()->returnAskDialog()->reject();
    // ...but a return dialog is what holds the counter: one for a paid sale.
    scan(kWater);
    PaymentDialog *dialog = chargeToQr();
    QVERIFY(dialog);
    const QString orderNo = dialog->session()->orderNo();
    QPointer<PaymentDialog> watched(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"simulatePayButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(watched.isNull(), kPaidTimeoutMs + PaymentDialog::kPaidDisplayMs);
    scan(orderNo);
    QTRY_VERIFY(page()->refundDialog());
    QTRY_COMPARE(QApplication::activeWindow(), page()->refundDialog());
    scan(kBread);
    QCOMPARE(page()->cartModel()->rowCount(), 0);
    QCOMPARE(page()->keptScans(), QStringList{kBread});
    page()->refundDialog()->reject();
    QTRY_COMPARE(page()->cartModel()->rowCount(), 1);
    QCOMPARE(page()->cartModel()->cart().at(0).product.barcode, kBread);
}

void TestCounterKeeps::deleteAndClearCanBeUndone()
{
    scan(kWater);
    scan(kBread);
    auto *undo = findIn<QPushButton>(page(), u"undoButton"_s);
    QVERIFY(undo && !undo->isVisible());

    key(Qt::Key_F4); // the cart, last line
    key(Qt::Key_Delete);
    QCOMPARE(page()->cartModel()->rowCount(), 1);
    QVERIFY(undo->isVisible());
    QVERIFY2(scanMessage().contains(u"Removed"_s), qPrintable(scanMessage()));
    key(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(page()->cartModel()->rowCount(), 2);
    QCOMPARE(page()->cartModel()->cart().total(), Fen(1479));
    QVERIFY(!undo->isVisible());

    QTest::mouseClick(findIn<QPushButton>(page(), u"clearButton"_s), Qt::LeftButton);
    QCOMPARE(page()->cartModel()->rowCount(), 0);
    QVERIFY(undo->isVisible());
    // From the barcode field too, once it is empty (with text, Ctrl+Z is the field's own).
    auto *barcode = findIn<QLineEdit>(page(), u"barcodeEdit"_s);
    QTRY_VERIFY(barcode->hasFocus());
    QTest::keyClicks(barcode, u"69"_s);
    QTest::keyClick(barcode, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(page()->cartModel()->rowCount(), 0);
    barcode->clear();
    QTest::keyClick(barcode, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(page()->cartModel()->rowCount(), 2);
    QCOMPARE(page()->cartModel()->cart().itemCount(), 2);

    // What was charged cannot be put back into the next sale.
    key(Qt::Key_F4);
    key(Qt::Key_Delete);
    PaymentDialog *dialog = chargeToQr();
    QVERIFY(dialog);
    QVERIFY(!undo->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_COMPARE(page()->paymentDialog(), nullptr);
    key(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(page()->cartModel()->rowCount(), 1);
}

void TestCounterKeeps::aChangeOfUserKeepsTheCart()
{
    scan(kWater);
    scan(kBread);
    // The manager takes over the till for a moment, then the cashier signs back in.
    QVERIFY(m_till->window->setStaff(m_till->manager));
    QCOMPARE(page()->cartModel()->rowCount(), 2);
    QVERIFY(m_till->window->setStaff(Staff())); // signed out: the locked screen
    QVERIFY(!page());
    QVERIFY(m_till->window->setStaff(m_till->cashier));
    QCOMPARE(page()->cartModel()->rowCount(), 2);
    QCOMPARE(page()->cartModel()->cart().total(), Fen(1479));

    // Nobody changes user in the middle of a payment.
    PaymentDialog *dialog = chargeToQr();
    QVERIFY(dialog);
    QVERIFY(!m_till->window->setStaff(m_till->manager));
    QCOMPARE(page()->paymentDialog(), dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_COMPARE(page()->paymentDialog(), nullptr);
}

void TestCounterKeeps::refusalsSound()
{
    QSignalSpy sounds(&ErrorSound::instance(), &ErrorSound::played);
    scan(kWater);
    QCOMPARE(sounds.size(), 0);
    scan(u"6900000000000"_s); // in no catalogue
    QCOMPARE(sounds.size(), 1);
    QVERIFY2(scanMessage().contains(u"Unknown barcode"_s), qPrintable(scanMessage()));
    // Shown plainly: white on red, not a small red line.
    QVERIFY(findIn<QLabel>(page(), u"scanMessage"_s)->styleSheet().contains(u"background"_s));
    QVERIFY(!ErrorSound::tone().isEmpty());
}

void TestCounterKeeps::theWindowFitsTheScreen_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::newRow("1024x768") << QSize(1024, 768);
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestCounterKeeps::theWindowFitsTheScreen()
{
    QFETCH(QSize, screen);
    MainWindow *window = m_till->window.get();
    // What a maximized window gets under a panel-less kiosk session.
    QVERIFY2(window->minimumSizeHint().width() <= 1024 && window->minimumSizeHint().height() <= 768,
             qPrintable(u"%1×%2"_s.arg(window->minimumSizeHint().width())
                            .arg(window->minimumSizeHint().height())));
    window->resize(screen);
    QTRY_COMPARE(window->size(), screen);
    scan(kBread);
    QApplication::processEvents();
    // Every key and figure is whole, inside the window.
    for (const QString &name : {u"totalLabel"_s, u"chargeButton"_s, u"cashButton"_s,
                                u"clearButton"_s, u"itemCountLabel"_s, u"barcodeEdit"_s}) {
        auto *widget = findIn<QWidget>(page(), name);
        QVERIFY(widget);
        const QRect inWindow(widget->mapTo(window, QPoint(0, 0)), widget->size());
        QVERIFY2(window->rect().contains(inWindow),
                 qPrintable(name + u" at "_s + QString::number(inWindow.right())));
        QVERIFY2(widget->width() >= widget->minimumSizeHint().width(), qPrintable(name));
    }
    // A bigger screen, bigger rows: read from a step away.
    auto *cart = findIn<QTableView>(page(), u"cartView"_s);
    const qreal points = cart->font().pointSizeF();
    if (screen.height() >= 1080)
        QVERIFY2(points > 13, qPrintable(QString::number(points)));
    else
        QCOMPARE(points, 13.0);
}

QTEST_MAIN(TestCounterKeeps)
#include "tst_counterkeeps.moc"
