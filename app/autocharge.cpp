#include "autocharge.h"

#include "checkout/paymentsession.h"
#include "paymentdialog.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Repeating: how often, and how long, unknown barcodes are scanned again.
constexpr int kCatalogRetryMs = 500;
constexpr int kCatalogMaxWaits = 240; // two minutes

void say(const QByteArray &line)
{
    std::printf("auto-charge: %s\n", line.constData());
    std::fflush(stdout);
}

} // namespace

AutoCharge::AutoCharge(QWidget *window, QStringList barcodes, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_barcodes(std::move(barcodes))
{}

void AutoCharge::start()
{
    // After the event loop has shown the window, as a cashier would find it.
    QTimer::singleShot(0, this, &AutoCharge::run);
}

void AutoCharge::run()
{
    auto *barcode = m_window ? m_window->findChild<QLineEdit *>(u"barcodeEdit"_s) : nullptr;
    auto *charge = m_window ? m_window->findChild<QPushButton *>(u"chargeButton"_s) : nullptr;
    if (!barcode || !charge) {
        std::fprintf(stderr, "auto-charge: the checkout page is not there\n");
        return;
    }
    // A kept cart (the last attempt expired or was cancelled) is charged again as it is.
    const auto scan = [barcode](const QString &code) {
        barcode->setText(code);
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QCoreApplication::sendEvent(barcode, &enter);
    };
    if (!charge->isEnabled()) {
        for (const QString &code : std::as_const(m_barcodes))
            scan(code);
    }
    if (!charge->isEnabled()) {
        if (m_repeat > 0 && ++m_catalogWaits <= kCatalogMaxWaits) {
            // Not in the catalogue yet, or the database is away: the cashier tries again.
            auto *clear = m_window->findChild<QPushButton *>(u"clearButton"_s);
            if (clear && clear->isEnabled())
                clear->click();
            next(kCatalogRetryMs);
            return;
        }
        std::fprintf(stderr, "auto-charge: nothing to charge (unknown barcodes?)\n");
        return;
    }
    if (m_paymentCode.isEmpty())
        charge->click();
    else
        scan(m_paymentCode);
    ++m_started;
    m_catalogWaits = 0;
    if (m_repeat == 0) {
        say("charged " + QByteArray::number(m_barcodes.size()) + " item(s)");
        return;
    }
    auto *dialog = m_window->findChild<PaymentDialog *>();
    if (!dialog || !dialog->isVisible()) {
        // No order could be placed (the page says why); the next sale tries again.
        ++m_failed;
        say("sale " + QByteArray::number(m_started) + " could not start");
        next(1000);
        return;
    }
    watch(dialog);
}

void AutoCharge::watch(PaymentDialog *dialog)
{
    PaymentSession *session = dialog->session();
    const auto react = [dialog, session] {
        if (!session)
            return;
        // What a cashier does when the dialog asks for it: Done once paid, Close after an
        // expiry, Cancel when no QR could be had.
        const char *button = nullptr;
        switch (session->state()) {
        case PaymentSession::State::Paid:
            button = "doneButton";
            break;
        case PaymentSession::State::Expired:
        case PaymentSession::State::Error:
            button = "cancelButton";
            break;
        default:
            return;
        }
        // From the event loop: the session is still in the middle of its state change.
        QTimer::singleShot(0, dialog, [dialog, button] {
            if (auto *pressed = dialog->findChild<QPushButton *>(QLatin1StringView(button));
                pressed && dialog->isVisible())
                pressed->click();
        });
    };
    if (session)
        connect(session, &PaymentSession::stateChanged, dialog, react);
    connect(dialog, &QDialog::finished, this, [this, dialog] { finished(dialog); });
    react(); // the session may have settled before we looked
}

void AutoCharge::finished(PaymentDialog *dialog)
{
    const PaymentSession *session = dialog->session();
    const auto state = session ? session->state() : PaymentSession::State::Error;
    if (state == PaymentSession::State::Paid)
        ++m_paid;
    else if (state == PaymentSession::State::Expired)
        ++m_expired;
    else
        ++m_cancelled;
    if (m_started < m_repeat) {
        next(0);
        return;
    }
    say("done: " + QByteArray::number(m_started) + " sale(s), " + QByteArray::number(m_paid) +
        " paid, " + QByteArray::number(m_expired) + " expired, " + QByteArray::number(m_cancelled) +
        " cancelled, " + QByteArray::number(m_failed) + " failed");
    Q_EMIT done();
}

void AutoCharge::next(int delayMs)
{
    // After the page has taken the dialog down and shown the result.
    QTimer::singleShot(delayMs, this, &AutoCharge::run);
}

} // namespace shouyin
