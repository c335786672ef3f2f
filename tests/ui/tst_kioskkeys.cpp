// The till on a real X server with no window manager, as kiosk sessions run it (started by
// xvfb-two-screens.sh; label `xvfb`). Keys come from xdotool through the X server, as a
// keyboard's and a scanner's do: the window must take the keyboard by itself at start, so
// that F12 charges without anybody clicking, and a scan made while the QR dialog is up
// must not be lost.

#include "cartmodel.h"
#include "checkoutpage.h"
#include "mainwindow.h"
#include "paymentdialog.h"
#include "posapplication.h"
#include "posservices.h"

#include <QProcess>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

constexpr int kWaitMs = 15'000;
const QString kWater = u"6921168509256"_s; // in the sample catalogue
const QString kPureWater = u"6902083881405"_s;

// What a keyboard or a scanner does, through the X server (XTEST).
bool xdotool(const QStringList &arguments)
{
    QProcess process;
    process.start(u"xdotool"_s, arguments);
    return process.waitForFinished(kWaitMs) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

bool scanWithX(const QString &code)
{
    return xdotool({u"type"_s, u"--delay"_s, u"8"_s, code}) && xdotool({u"key"_s, u"Return"_s});
}

} // namespace

class TestKioskKeys : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PosApplication> m_pos;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        if (QGuiApplication::platformName() != u"xcb")
            QSKIP("needs a real X server (run through xvfb-two-screens.sh)");
        QVERIFY2(!QStandardPaths::findExecutable(u"xdotool"_s).isEmpty(),
                 "xdotool is not installed (scripts/deps.sh installs it)");
        PosApplication::Options options;
        options.config = AppConfig::trainingDefaults();
        options.config.training = true;
        options.databasePath = m_dir.filePath(u"till.sqlite"_s);
        auto pos = PosApplication::create(options);
        QVERIFY2(pos, pos ? "" : qPrintable(pos.error().message));
        m_pos = std::move(pos).value();
        m_window = std::make_unique<MainWindow>(m_pos->services());
        m_window->showAtCounter(false);
        m_pos->start();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_pos.reset();
    }

    void theWindowTakesTheKeyboardAndTheScreen()
    {
        // Nobody clicks: without a window manager only the window itself can ask for it.
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::activeWindow(), m_window.get(), kWaitMs);
        QTRY_COMPARE(m_window->size(), m_window->screen()->availableGeometry().size());
        QVERIFY(m_window->checkoutPage()->findChild<QWidget *>(u"barcodeEdit"_s)->hasFocus());
    }

    void f12ChargesWithoutAClickAndNoScanIsLost()
    {
        CheckoutPage *page = m_window->checkoutPage();
        QVERIFY(scanWithX(kWater));
        QTRY_COMPARE(page->cartModel()->rowCount(), 1);

        QVERIFY(xdotool({u"key"_s, u"F12"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(page->paymentDialog(), kWaitMs);
        PaymentDialog *dialog = page->paymentDialog();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->session()->state(), PaymentSession::State::Showing,
                                  kWaitMs);

        // The next item, scanned while the QR is up: kept for when the payment is over.
        QVERIFY(scanWithX(kPureWater));
        QTRY_COMPARE(page->keptScans(), QStringList{kPureWater});
        QVERIFY(xdotool({u"key"_s, u"Escape"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(!page->paymentDialog(), kWaitMs);
        QTRY_COMPARE(page->cartModel()->rowCount(), 2);
    }
};

QTEST_MAIN(TestKioskKeys)
#include "tst_kioskkeys.moc"
