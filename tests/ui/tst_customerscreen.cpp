// The customer display on a real X server with two screens and no window manager
// (run by xvfb-two-screens.sh): it goes full screen on the screen the main window is not
// on, the main window keeps its screen and the keyboard, and what the customer's screen
// shows — read back from that screen's pixels — is the sale and its QR.
#include "cartmodel.h"
#include "counterkeys.h"
#include "customercounter.h"
#include "customerdisplay.h"
#include "customerscreen.h"
#include "paymentdialog.h"
#include "qrdecode.h"

#include <QApplication>
#include <QLineEdit>
#include <QScreen>
#include <QTableWidget>
#include <QTest>
#include <QWindow>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestCustomerScreen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theDisplayFillsTheOtherScreen();
    void theCustomerScreenShowsTheSaleAndItsQr();
    void offTakesTheDisplayAway();

private:
    // What the screen shows, from the X server's pixels.
    static QImage pixelsOf(QScreen *screen) { return screen->grabWindow(0).toImage(); }

    std::unique_ptr<CustomerCounter> m_till;
    std::unique_ptr<CustomerScreen> m_customer;
    QScreen *m_cashierScreen = nullptr;
    QScreen *m_customerScreen = nullptr;
};

void TestCustomerScreen::initTestCase()
{
    if (QGuiApplication::platformName() != u"xcb"_s)
        QSKIP("needs an X server with two screens: run through xvfb-two-screens.sh");
    const QList<QScreen *> screens = QGuiApplication::screens();
    QCOMPARE(screens.size(), 2);
    m_cashierScreen = screens.at(0);
    m_customerScreen = screens.at(1);
    QCOMPARE(m_cashierScreen->size(), QSize(1024, 768));
    QCOMPARE(m_customerScreen->size(), QSize(800, 600));
}

void TestCustomerScreen::init()
{
    m_till = std::make_unique<CustomerCounter>();
    QVERIFY(m_till->start());
    // As app/main.cpp does: once the main window is up.
    m_customer = std::make_unique<CustomerScreen>(m_till->window.get(), true, u"测试便利店"_s);
}

void TestCustomerScreen::cleanup()
{
    m_customer.reset();
    m_till.reset();
}

void TestCustomerScreen::theDisplayFillsTheOtherScreen()
{
    CustomerDisplay *display = m_customer->display();
    QVERIFY(display);
    QVERIFY(QTest::qWaitForWindowExposed(display));
    QVERIFY(display->windowHandle());
    QCOMPARE(display->windowHandle()->screen(), m_customerScreen);
    QCOMPARE(m_customer->screen(), m_customerScreen);
    QTRY_VERIFY(display->isFullScreen());
    QTRY_COMPARE(display->geometry(), m_customerScreen->geometry());
    QCOMPARE(display->page(), m_till->page());

    MainWindow *window = m_till->window.get();
    QCOMPARE(window->windowHandle()->screen(), m_cashierScreen);
    QVERIFY(m_cashierScreen->geometry().contains(window->geometry().center()));
    // The scanner still types into the counter.
    QCOMPARE(QApplication::activeWindow(), window);
    QTRY_VERIFY(window->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
}

void TestCustomerScreen::theCustomerScreenShowsTheSaleAndItsQr()
{
    CustomerDisplay *display = m_customer->display();
    QVERIFY(display);
    QVERIFY(QTest::qWaitForWindowExposed(display));
    QTRY_VERIFY(m_till->window->isAncestorOf(QApplication::focusWidget()));

    scanIntoFocus(kWater);
    scanIntoFocus(kBread);
    QCOMPARE(display->view(), CustomerDisplay::View::Cart);
    QCOMPARE(display->findChild<QTableWidget *>(u"customerLines"_s)->rowCount(), 2);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    PaymentDialog *dialog = waitForPaymentDialog();
    QVERIFY(dialog);
    PaymentSession *session = dialog->session();
    QVERIFY(session);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), PaymentSession::State::Showing, 10000);
    QCOMPARE(display->view(), CustomerDisplay::View::Payment);
    // The phone reads the customer's screen, not the widget: its pixels hold the code.
    QTRY_COMPARE_WITH_TIMEOUT(test::decodeQr(pixelsOf(m_customerScreen)),
                              QStringList{session->codeUrl()}, 5000);
    const QString dir = qEnvironmentVariable("SHOUYIN_UI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        pixelsOf(m_customerScreen).save(dir + u"/customer-screen-xvfb-800x600.png"_s);
    // The payment dialog's own QR is on the cashier's screen, the display's is not.
    QCOMPARE(dialog->windowHandle()->screen(), m_cashierScreen);

    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_till->page()->paymentDialog());
    QCOMPARE(display->view(), CustomerDisplay::View::Cart);
}

void TestCustomerScreen::offTakesTheDisplayAway()
{
    QVERIFY(m_customer->display());
    m_customer->setChoice(CustomerScreen::Choice::Off);
    QVERIFY(!m_customer->display());
    m_customer->setChoice(CustomerScreen::Choice::Index, 0); // the cashier's screen: none
    QVERIFY(!m_customer->display());
    m_customer->setChoice(CustomerScreen::Choice::Index, 1);
    QVERIFY(m_customer->display());
    QCOMPARE(m_customer->screen(), m_customerScreen);
    QCOMPARE(m_customer->display()->page(), m_till->page());
}

QTEST_MAIN(TestCustomerScreen)
#include "tst_customerscreen.moc"
