#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace shouyin {

// `shouyin --auto-charge CODE[,CODE…]`: once the window is up, scans the barcodes and
// presses Charge, then leaves the payment dialog to run as it would for a cashier.
// For demonstrations and for tests that drive the real process from outside (the crash
// test kills it at chosen points of a payment); it never pays anything itself.
class AutoCharge : public QObject
{
    Q_OBJECT
public:
    AutoCharge(QWidget *window, QStringList barcodes, QObject *parent = nullptr);
    void start();

private:
    void run();

    QPointer<QWidget> m_window;
    QStringList m_barcodes;
};

} // namespace shouyin
