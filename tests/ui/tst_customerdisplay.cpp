// The customer's screen (客显) through the real counter: the cashier scans and charges in
// the main window, the training customer pays at the sandbox gateway, and the display
// follows. Offscreen, so there is one screen: CustomerScreen must make no window at all,
// and the display itself is tested as a window of its own.
#include "cartmodel.h"
#include "cashdialog.h"
#include "counterkeys.h"
#include "customercounter.h"
#include "customerdisplay.h"
#include "customerscreen.h"
#include "paymentdialog.h"
#include "qrdecode.h"
#include "qrwidget.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

constexpr int kPaidTimeoutMs = 15000;

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

QString textOf(QWidget *root, const QString &name)
{
    auto *label = findIn<QLabel>(root, name);
    return label ? label->text() : QString();
}

} // namespace

class TestCustomerDisplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void scannedLinesAndTotalAreShown();
    void chargeShowsALargeQrOfTheSession();
    void paidSaysThankYouThenWelcomes();
    void cashShowsTheChange();
    void aCancelledPaymentShowsTheGoodsAgain();
    void trainingIsSaidPlainly();
    void oneScreenMakesNoWindow();

private:
    PaymentDialog *chargeAndWaitForQr();
    // SHOUYIN_UI_SCREENSHOT_DIR set: the display at that size, saved for a person to look at.
    void screenshot(const QSize &size, const QString &name);

    std::unique_ptr<CustomerCounter> m_till;
    std::unique_ptr<CustomerDisplay> m_display;
    ManualTimer m_timer;
    CheckoutPage *m_page = nullptr;
};

void TestCustomerDisplay::init()
{
    m_till = std::make_unique<CustomerCounter>();
    QVERIFY(m_till->start());
    m_page = m_till->page();
    QVERIFY(m_page);
    m_timer.pending.clear();
    m_display = std::make_unique<CustomerDisplay>(true);
    m_display->setTimer(m_timer.timer());
    m_display->resize(800, 600);
    m_display->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_display.get()));
    m_display->follow(m_page);
    // The offscreen platform activates every window it shows (an X server does not: see
    // tst_customerscreen); the scanner types into the counter.
    m_till->window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_till->window.get()));
    QTRY_VERIFY(m_page->isAncestorOf(QApplication::focusWidget()));
}

void TestCustomerDisplay::cleanup()
{
    m_display.reset();
    m_till.reset();
    m_page = nullptr;
}

PaymentDialog *TestCustomerDisplay::chargeAndWaitForQr()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *dialog = waitForPaymentDialog();
    auto *qr = m_display->findChild<QrWidget *>(u"customerQr"_s);
    if (!dialog || !qr || !QTest::qWaitFor([qr] { return qr->hasCode(); }, 10000))
        return nullptr;
    return dialog;
}

void TestCustomerDisplay::screenshot(const QSize &size, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHOUYIN_UI_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    const QSize before = m_display->size();
    m_display->resize(size);
    QCoreApplication::sendPostedEvents(); // the layout follows the fonts, as on a screen
    QVERIFY(m_display->grab().save(dir + u'/' + name));
    m_display->resize(before);
    QCoreApplication::sendPostedEvents();
}

void TestCustomerDisplay::scannedLinesAndTotalAreShown()
{
    QCOMPARE(m_display->view(), CustomerDisplay::View::Welcome);
    QCOMPARE(textOf(m_display.get(), u"customerWelcome"_s), u"Welcome"_s);

    scanIntoFocus(kWater);
    QCOMPARE(m_display->view(), CustomerDisplay::View::Cart);
    scanIntoFocus(kBread);
    scanIntoFocus(kWater);
    auto *lines = findIn<QTableWidget>(m_display.get(), u"customerLines"_s);
    QVERIFY(lines);
    QCOMPARE(lines->rowCount(), 2);
    QCOMPARE(lines->item(0, 0)->text(), u"测试 矿泉水 550ml"_s);
    QCOMPARE(lines->item(0, 1)->text(), u"2 × ¥1.99"_s);
    QCOMPARE(lines->item(0, 2)->text(), u"¥3.98"_s);
    QCOMPARE(lines->item(1, 0)->text(), u"测试 全麦面包"_s);
    QCOMPARE(lines->item(1, 1)->text(), u"1 × ¥12.80"_s);
    QCOMPARE(lines->item(1, 2)->text(), u"¥12.80"_s);
    QCOMPARE(textOf(m_display.get(), u"customerTotal"_s), u"Total ¥16.78"_s); // 2×1.99 + 12.80
    QCOMPARE(textOf(m_display.get(), u"customerItemCount"_s), u"3 item(s)"_s);
    screenshot({800, 600}, u"customer-display-cart-800x600.png"_s);
    screenshot({1920, 1080}, u"customer-display-cart-1920x1080.png"_s);

    // An emptied cart welcomes the next customer.
    m_page->clearCart();
    QTRY_COMPARE(m_display->view(), CustomerDisplay::View::Welcome);
}

void TestCustomerDisplay::chargeShowsALargeQrOfTheSession()
{
    scanIntoFocus(kWater);
    scanIntoFocus(kBread);
    PaymentDialog *dialog = chargeAndWaitForQr();
    QVERIFY(dialog);
    PaymentSession *session = dialog->session();
    QVERIFY(session);
    QTRY_COMPARE(session->state(), PaymentSession::State::Showing);
    QCOMPARE(m_display->view(), CustomerDisplay::View::Payment);
    QVERIFY(!session->codeUrl().isEmpty());

    // Another reader than the one that drew it reads the display as the phone would.
    const QImage shown = m_display->grab().toImage();
    QCOMPARE(test::decodeQr(shown), QStringList{session->codeUrl()});
    auto *qr = findIn<QrWidget>(m_display.get(), u"customerQr"_s);
    QCOMPARE(qr->text(), session->codeUrl());
    // Large, as the providers ask: most of the screen's height.
    QVERIFY2(
        qr->height() >= m_display->height() / 2,
        qPrintable(u"QR %1 px on a %2 px display"_s.arg(qr->height()).arg(m_display->height())));

    // The provider's name on its colour, and what to pay.
    auto *brand = findIn<QLabel>(m_display.get(), u"customerBrand"_s);
    QCOMPARE(brand->text(), u"WeChat Pay"_s);
    QVERIFY(brand->styleSheet().contains(u"#07c160"_s));
    QCOMPARE(textOf(m_display.get(), u"customerPaymentAmount"_s), u"¥14.79"_s);
    QCOMPARE(textOf(m_display.get(), u"customerPaymentHint"_s), u"Scan with WeChat to pay"_s);
    screenshot({800, 600}, u"customer-display-800x600.png"_s);
    screenshot({1920, 1080}, u"customer-display-1920x1080.png"_s);
    screenshot({1024, 768}, u"customer-display.png"_s);

    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_page->paymentDialog());
}

void TestCustomerDisplay::paidSaysThankYouThenWelcomes()
{
    scanIntoFocus(kWater);
    scanIntoFocus(kBread);
    PaymentDialog *dialog = chargeAndWaitForQr();
    QVERIFY(dialog);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"simulatePayButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_display->view(), CustomerDisplay::View::Paid, kPaidTimeoutMs);
    QCOMPARE(textOf(m_display.get(), u"customerPaid"_s), u"Paid — thank you!"_s);
    QCOMPARE(textOf(m_display.get(), u"customerPaidAmount"_s), u"¥14.79"_s);
    QVERIFY(!findIn<QLabel>(m_display.get(), u"customerChange"_s)->isVisible());
    QVERIFY(!m_display->findChild<QrWidget *>(u"customerQr"_s)->hasCode());

    // The counter closes the sale (the cart empties): the thank-you stays until its time.
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->paymentDialog(), kPaidTimeoutMs);
    QCOMPARE(m_page->cartModel()->rowCount(), 0);
    QCOMPARE(m_display->view(), CustomerDisplay::View::Paid);
    QVERIFY(!m_timer.pending.isEmpty());
    for (const auto &pending : std::as_const(m_timer.pending))
        QCOMPARE(pending.delay, CustomerDisplay::kThankYouTime);
    m_timer.runAll();
    QCOMPARE(m_display->view(), CustomerDisplay::View::Welcome);

    // The next customer's goods replace the thank-you at once.
    scanIntoFocus(kWater);
    QCOMPARE(m_display->view(), CustomerDisplay::View::Cart);
}

void TestCustomerDisplay::cashShowsTheChange()
{
    scanIntoFocus(kWater);
    scanIntoFocus(kBread);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    QTRY_VERIFY(m_page->cashDialog());
    CashDialog *cash = m_page->cashDialog();
    QVERIFY(QTest::qWaitForWindowExposed(cash));
    QTest::mouseClick(findIn<QPushButton>(cash, u"cashQuick2000"_s), Qt::LeftButton);
    QTest::keyClick(findIn<QLineEdit>(cash, u"cashGivenEdit"_s), Qt::Key_Return);

    QTRY_COMPARE_WITH_TIMEOUT(m_display->view(), CustomerDisplay::View::Paid, kPaidTimeoutMs);
    QCOMPARE(textOf(m_display.get(), u"customerPaidAmount"_s), u"¥14.79"_s);
    QCOMPARE(textOf(m_display.get(), u"customerChange"_s), u"Your change: ¥5.21"_s);
    QVERIFY(findIn<QLabel>(m_display.get(), u"customerChange"_s)->isVisible());
    screenshot({800, 600}, u"customer-display-change-800x600.png"_s);
    m_timer.runAll();
    QCOMPARE(m_display->view(), CustomerDisplay::View::Welcome);
}

void TestCustomerDisplay::aCancelledPaymentShowsTheGoodsAgain()
{
    scanIntoFocus(kBread);
    PaymentDialog *dialog = chargeAndWaitForQr();
    QVERIFY(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_page->paymentDialog());
    QCOMPARE(m_display->view(), CustomerDisplay::View::Cart);
    QCOMPARE(textOf(m_display.get(), u"customerTotal"_s), u"Total ¥12.80"_s);
    QVERIFY(!m_display->findChild<QrWidget *>(u"customerQr"_s)->hasCode());
}

void TestCustomerDisplay::trainingIsSaidPlainly()
{
    auto *banner = findIn<QLabel>(m_display.get(), u"customerTrainingBanner"_s);
    QVERIFY(banner);
    QCOMPARE(banner->text(), u"Training — no real money"_s);
    QVERIFY(banner->isVisible());
    scanIntoFocus(kWater);
    QVERIFY(banner->isVisible()); // on every view, the QR's too
    PaymentDialog *dialog = chargeAndWaitForQr();
    QVERIFY(dialog);
    QVERIFY(banner->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_page->paymentDialog());

    // A real till says nothing of the kind.
    CustomerDisplay live(false);
    QVERIFY(!live.findChild<QLabel *>(u"customerTrainingBanner"_s));
}

void TestCustomerDisplay::oneScreenMakesNoWindow()
{
    QCOMPARE(QGuiApplication::screens().size(), 1);
    m_display.reset();
    const auto before = QApplication::topLevelWidgets();
    CustomerScreen screen(m_till->window.get(), true, u"测试便利店"_s);
    QVERIFY(!screen.display());
    QVERIFY(!screen.screen());
    QCOMPARE(QApplication::topLevelWidgets(), before);
    screen.setChoice(CustomerScreen::Choice::Index, 0); // the cashier's own: still none
    QVERIFY(!screen.display());
    // The counter works as before.
    scanIntoFocus(kWater);
    QCOMPARE(m_page->cartModel()->rowCount(), 1);
}

QTEST_MAIN(TestCustomerDisplay)
#include "tst_customerdisplay.moc"
