#include "autocharge.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace shouyin {

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
    for (const QString &code : std::as_const(m_barcodes)) {
        barcode->setText(code);
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QCoreApplication::sendEvent(barcode, &enter);
    }
    if (!charge->isEnabled()) {
        std::fprintf(stderr, "auto-charge: nothing to charge (unknown barcodes?)\n");
        return;
    }
    charge->click();
    std::printf("auto-charge: charged %lld item(s)\n", static_cast<long long>(m_barcodes.size()));
    std::fflush(stdout);
}

} // namespace shouyin
