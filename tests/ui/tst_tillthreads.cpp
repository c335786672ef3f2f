// The whole training till as main() builds it (PosApplication and its MainWindow), with
// its threads: the window's, the ledger's, the listener's and the sandbox's. Proves
// that the window goes on while the ledger is held up, and that a notification is
// acknowledged only once its change is committed.

#include "checkoutpage.h"
#include "mainwindow.h"
#include "paymentdialog.h"
#include "posapplication.h"
#include "posservices.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/trainingcustomer.h"
#include "store/orderstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

constexpr int kWaitMs = 15'000;
const QString kWater = u"6921168509256"_s; // in the sample catalogue

} // namespace

class TestTillThreads : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PosApplication> m_pos;
    std::unique_ptr<MainWindow> m_window;
    CheckoutPage *m_page = nullptr;

    // Holds the ledger thread until released: every commit waits meanwhile, as behind a
    // slow disk or a long batch.
    class LedgerHold
    {
    public:
        explicit LedgerHold(PosApplication &pos)
        {
            QMetaObject::invokeMethod(
                pos.ledgerContext(),
                [this] {
                    m_holding.release();
                    m_released.acquire();
                },
                Qt::QueuedConnection);
            m_holding.acquire(); // the ledger thread is in the hold now
        }
        ~LedgerHold() { release(); }
        void release()
        {
            if (!m_done)
                m_released.release();
            m_done = true;
        }

    private:
        QSemaphore m_holding;
        QSemaphore m_released;
        bool m_done = false;
    };

    void scan(const QString &code)
    {
        auto *edit = m_page->findChild<QLineEdit *>(u"barcodeEdit"_s);
        QVERIFY(edit);
        edit->setFocus();
        QTest::keyClicks(edit, code);
        QTest::keyClick(edit, Qt::Key_Return);
    }

    PaymentDialog *charge()
    {
        scan(kWater);
        QTest::keyClick(m_page, Qt::Key_F12);
        return m_page->paymentDialog();
    }

    QString status(PaymentDialog *dialog) const
    {
        return dialog->findChild<QLabel *>(u"statusLabel"_s)->text();
    }

    // The sandbox's own account of a trade (GET /sandbox/trades).
    QJsonObject sandboxTrade(const QString &payNo)
    {
        QNetworkAccessManager network;
        QUrl url = m_pos->config().wechat.baseUrl;
        url.setPath(SandboxGateway::kTradesPath);
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, kWaitMs))
            return {};
        const QJsonArray trades = QJsonDocument::fromJson(reply->readAll()).array();
        reply->deleteLater();
        for (const QJsonValue &trade : trades) {
            if (trade[u"out_trade_no"].toString() == payNo)
                return trade.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        // An object used from a thread it does not live on is a bug of the design, even
        // when the test would pass.
        QTest::failOnWarning(QRegularExpression(u"different thread|another thread"_s));
        PosApplication::Options options;
        options.config = AppConfig::trainingDefaults();
        options.config.training = true;
        options.databasePath = m_dir.filePath(
            u"till-%1.sqlite"_s.arg(QLatin1StringView(QTest::currentTestFunction())));
        auto pos = PosApplication::create(options);
        QVERIFY2(pos, pos ? "" : qPrintable(pos.error().message));
        m_pos = std::move(pos).value();
        m_window = std::make_unique<MainWindow>(m_pos->services());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_pos->start();
        m_page = m_window->checkoutPage();
        QVERIFY(m_page);
    }

    void cleanup()
    {
        m_window.reset();
        m_pos.reset();
    }

    void theLedgerHasAThreadOfItsOwn()
    {
        QThread *ledger = nullptr;
        QMetaObject::invokeMethod(
            m_pos->ledgerContext(), [&ledger] { ledger = QThread::currentThread(); },
            Qt::BlockingQueuedConnection);
        QVERIFY(ledger);
        QVERIFY(ledger != QThread::currentThread());
    }

    void theWindowGoesOnWhileTheLedgerIsHeldUp()
    {
        LedgerHold hold(*m_pos);
        // Scanning reads the catalogue through the window's own connection.
        PaymentDialog *dialog = charge();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(5);
        // The window's event loop turns while the order waits for its commit.
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 20, kWaitMs);
        QCOMPARE(dialog->session()->state(), PaymentSession::State::Creating);
        QVERIFY(dialog->session()->orderNo().isEmpty());

        hold.release();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->session()->state(), PaymentSession::State::Showing,
                                  kWaitMs);
        QPointer<PaymentDialog> watched(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"simulatePayButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->session()->state(), PaymentSession::State::Paid, kWaitMs);
    }

    void aNotificationIsAcknowledgedOnlyAfterItsCommit()
    {
        PaymentDialog *dialog = charge();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->session()->state(), PaymentSession::State::Showing,
                                  kWaitMs);
        const QString payNo = dialog->session()->payNo();
        const QString codeUrl = dialog->session()->codeUrl();

        LedgerHold hold(*m_pos);
        TrainingCustomer customer(m_pos->config().wechat.baseUrl);
        std::optional<Status> paid;
        customer.pay(codeUrl, this, [&paid](const Status &status) { paid = status; });
        QTRY_VERIFY_WITH_TIMEOUT(paid.has_value(), kWaitMs);
        QVERIFY(*paid);
        // The sandbox has notified the till's listener, which verified it and queued it
        // for the ledger; while no commit can be made, the sandbox hears nothing back.
        QTRY_VERIFY_WITH_TIMEOUT(sandboxTrade(payNo)[u"notifications_sent"].toInt() >= 1, kWaitMs);
        QTest::qWait(300);
        QVERIFY(sandboxTrade(payNo)[u"acknowledged_by"].toArray().isEmpty());
        QCOMPARE(dialog->session()->state(), PaymentSession::State::Showing);

        hold.release();
        QTRY_VERIFY_WITH_TIMEOUT(!sandboxTrade(payNo)[u"acknowledged_by"].toArray().isEmpty(),
                                 kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->session()->state(), PaymentSession::State::Paid, kWaitMs);
        QCOMPARE(m_pos->services().orders->payment(payNo)->status, PaymentStatus::Success);
    }
};

QTEST_MAIN(TestTillThreads)
#include "tst_tillthreads.moc"
