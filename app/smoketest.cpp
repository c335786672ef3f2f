#include "smoketest.h"

#include "cartmodel.h"
#include "checkoutpage.h"
#include "moneytext.h"
#include "paymentdialog.h"
#include "store/catalog.h"
#include "store/orderstore.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QWidget>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Up to this many products go into the cart, the first one twice ("2*code"), so that
// the sale has more than one line and uses the scanner's multiplier syntax.
constexpr int kProducts = 3;
// Long enough for the layout to settle after the scans, before the screenshot.
constexpr int kSettleMs = 300;

void say(const QString &line)
{
    std::fprintf(stdout, "smoke: %s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

QString textOf(QWidget *root, const QString &objectName)
{
    const auto *label = root ? root->findChild<QLabel *>(objectName) : nullptr;
    return label ? label->text() : QString();
}

} // namespace

SmokeTest::SmokeTest(QWidget *window, const PosServices &services, const QString &screenshotPath,
                     QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_services(services)
    , m_screenshotPath(screenshotPath)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(u"no PAID order after %1 s"_s.arg(kTimeoutMs / 1000)); });
}

void SmokeTest::start()
{
    m_timeout.start();
    // Once the event loop runs: the window must be shown and laid out, as for a cashier.
    QTimer::singleShot(0, this, &SmokeTest::scanProducts);
}

void SmokeTest::scanProducts()
{
    m_page = m_window ? m_window->findChild<CheckoutPage *>() : nullptr;
    if (!m_page || !m_services.catalog || !m_services.training)
        return fail(u"no checkout page, no catalogue, or not in training mode"_s);
    auto *charge = m_page->findChild<QPushButton *>(u"chargeButton"_s);
    // A standard button's text comes from Qt's own catalogue, not from Shouyin's.
    QDialogButtonBox qtButtons(QDialogButtonBox::Cancel);
    say(u"window \"%1\"; charge button \"%2\"; Qt's Cancel button \"%3\""_s.arg(
        m_window->windowTitle(), charge ? charge->text() : QString(),
        qtButtons.button(QDialogButtonBox::Cancel)->text()));

    Fen expected = 0;
    int scanned = 0;
    for (const Product &product : m_services.catalog->products()) {
        if (scanned == kProducts)
            break;
        const int quantity = scanned == 0 ? 2 : 1;
        if (product.stock - product.reserved < quantity)
            continue;
        typeBarcode(quantity == 1 ? product.barcode
                                  : u"%1*%2"_s.arg(quantity).arg(product.barcode));
        say(u"scanned %1 × %2 (%3)"_s.arg(quantity).arg(product.barcode, product.name));
        expected += product.price * quantity;
        ++scanned;
    }
    if (scanned == 0)
        return fail(u"the catalogue has no product in stock"_s);
    const Fen total = m_page->cartModel()->cart().total();
    if (total != expected)
        return fail(u"the cart holds %1, expected %2"_s.arg(moneyText(total), moneyText(expected)));
    say(u"cart total %1, shown as \"%2\""_s.arg(moneyText(total), textOf(m_page, u"totalLabel"_s)));
    QTimer::singleShot(kSettleMs, this, &SmokeTest::charge);
}

void SmokeTest::typeBarcode(const QString &text)
{
    auto *edit = m_page->findChild<QLineEdit *>(u"barcodeEdit"_s);
    if (!edit)
        return;
    edit->setFocus(Qt::OtherFocusReason);
    // Key by key, then Enter, as a barcode scanner in keyboard mode types.
    for (const QChar c : text) {
        const int key = c.toUpper().unicode(); // Qt::Key values are ASCII for these
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(edit, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(edit, &release);
    }
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, u"\r"_s);
    QCoreApplication::sendEvent(edit, &enter);
}

void SmokeTest::charge()
{
    if (!m_page)
        return fail(u"the checkout page is gone"_s);
    if (!m_screenshotPath.isEmpty()) {
        if (!m_window->grab().save(m_screenshotPath, "PNG"))
            return fail(u"cannot save the screenshot %1"_s.arg(m_screenshotPath));
        say(u"screenshot %1"_s.arg(m_screenshotPath));
    }
    connect(m_page, &CheckoutPage::saleCompleted, this, &SmokeTest::saleCompleted);
    auto *button = m_page->findChild<QPushButton *>(u"chargeButton"_s);
    if (!button || !button->isEnabled())
        return fail(u"the Charge button is missing or disabled"_s);
    button->click();
    PaymentDialog *dialog = m_page->paymentDialog();
    if (!dialog)
        return fail(u"Charge opened no payment dialog"_s);
    // Connected after the page's own slot, which reports the sale before this runs.
    connect(dialog, &QDialog::finished, this, &SmokeTest::paymentFinished);
    say(u"charged; payment dialog open, the sandbox customer pays by itself"_s);
}

void SmokeTest::saleCompleted(const QString &orderNo, qint64 amountFen)
{
    const auto order = m_services.orders ? m_services.orders->orderByNo(orderNo) : std::nullopt;
    if (!order || order->status != OrderStatus::Paid || order->total != amountFen)
        return fail(
            u"order %1 is not PAID for %2 in the database"_s.arg(orderNo, moneyText(amountFen)));
    m_paid = true;
    say(u"order %1 PAID, %2; banner \"%3\""_s.arg(orderNo, moneyText(amountFen),
                                                  textOf(m_page, u"resultBanner"_s)));
}

void SmokeTest::paymentFinished()
{
    if (!m_paid)
        return fail(u"the payment dialog closed without payment: \"%1\""_s.arg(
            textOf(m_page, u"resultBanner"_s)));
    finish(0);
}

void SmokeTest::fail(const QString &why)
{
    if (m_finished)
        return;
    PaymentDialog *dialog = m_page ? m_page->paymentDialog() : nullptr;
    const QString status = dialog ? textOf(dialog, u"statusLabel"_s) : QString();
    say(status.isEmpty() ? u"FAILED: %1"_s.arg(why)
                         : u"FAILED: %1 (payment dialog: \"%2\")"_s.arg(why, status));
    finish(1);
}

void SmokeTest::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    if (exitCode == 0)
        say(u"passed"_s);
    QCoreApplication::exit(exitCode);
}

} // namespace shouyin
