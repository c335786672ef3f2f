#include "mainwindow.h"

#include "checkout/checkout.h"
#include "checkoutpage.h"

#include <QLabel>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

MainWindow::MainWindow(const PosServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_checkoutPage(new CheckoutPage(services, this))
{
    setWindowTitle(services.training ? tr("Shouyin POS — Training") : tr("Shouyin POS"));
    resize(1100, 720);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (services.training) {
        m_trainingBanner = new QLabel(tr("TRAINING — no real money"), central);
        m_trainingBanner->setObjectName(u"trainingBanner"_s);
        m_trainingBanner->setAlignment(Qt::AlignCenter);
        m_trainingBanner->setStyleSheet(u"background: #e8710a; color: white; font-size: 14pt; "
                                        "font-weight: bold; padding: 6px;"_s);
        layout->addWidget(m_trainingBanner);
    }
    layout->addWidget(m_checkoutPage, 1);
    setCentralWidget(central);

    const QString terminal = services.checkout ? services.checkout->terminalId() : QString();
    auto *terminalLabel = new QLabel(tr("Terminal: %1").arg(terminal), this);
    terminalLabel->setObjectName(u"terminalLabel"_s);
    auto *operatorLabel = new QLabel(tr("Operator: %1").arg(services.operatorName), this);
    operatorLabel->setObjectName(u"operatorLabel"_s);
    statusBar()->addPermanentWidget(terminalLabel);
    statusBar()->addPermanentWidget(operatorLabel);
    if (services.training)
        statusBar()->showMessage(tr("Training mode: payments go to the local sandbox."));

    m_checkoutPage->setFocus();
}

} // namespace shouyin
