#pragma once

#include "posservices.h"

#include <QMainWindow>

class QLabel;

namespace shouyin {

class CheckoutPage;

// The cashier's window. In training mode it says so on every screen, so that nobody
// mistakes a simulated payment for money in the till.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const PosServices &services, QWidget *parent = nullptr);

    CheckoutPage *checkoutPage() const { return m_checkoutPage; }

private:
    CheckoutPage *m_checkoutPage;
    QLabel *m_trainingBanner = nullptr;
};

} // namespace shouyin
