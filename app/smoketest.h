#pragma once

#include "posservices.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QWidget;

namespace shouyin {

class CheckoutPage;

// `shouyin --smoke-test`: one training sale through the real window, made the way a
// cashier makes it, to check an installed package on a machine without a display
// (QT_QPA_PLATFORM=offscreen). It types barcodes into the barcode field as a scanner
// does, presses Charge, and waits while the sandbox customer pays (--auto-pay-ms). The
// application exits 0 once the order is PAID in the database, 1 on any failure or when
// kTimeoutMs passes first. Every step is printed to stdout, with the texts of a few
// widgets, so that a log shows which language the window spoke.
class SmokeTest : public QObject
{
    Q_OBJECT
public:
    // `screenshotPath` non-empty: the window is saved there as a PNG, cart filled,
    // just before Charge.
    SmokeTest(QWidget *window, const PosServices &services, const QString &screenshotPath,
              QObject *parent = nullptr);

    void start();

    static constexpr int kTimeoutMs = 60000;

private:
    void scanProducts();
    void typeBarcode(const QString &text);
    void charge();
    void saleCompleted(const QString &orderNo, qint64 amountFen);
    void paymentFinished();
    void fail(const QString &why);
    void finish(int exitCode);

    QPointer<QWidget> m_window;
    PosServices m_services;
    QString m_screenshotPath;
    QPointer<CheckoutPage> m_page;
    QTimer m_timeout;
    bool m_paid = false;
    bool m_finished = false;
};

} // namespace shouyin
