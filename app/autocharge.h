#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace shouyin {

class PaymentDialog;

// `shouyin --auto-charge CODE[,CODE…]`: once the window is up, scans the barcodes and
// presses Charge (or, with --auto-code, scans the customer's payment code), then leaves the payment
// dialog to run as it would for a cashier. For demonstrations and for tests that drive the real
// process from outside (the crash test kills it at chosen points of a payment); it never pays
// anything itself.
//
// With `--auto-charge-count N` it is a cashier ringing up N sales in a row (the test of
// several tills, tests/multiterminal): a paid sale is closed with Done at once, an
// expired or failed one with Close/Cancel, and the next sale starts when the dialog has
// gone (a kept cart is charged again, an empty one scanned again). Barcodes not yet in
// the catalogue (another till may still be importing it) are scanned again until they
// are known. After the last sale it prints
//   auto-charge: done: N sale(s), P paid, E expired, C cancelled, F failed
// and the till keeps running, so that its settler and listener finish their work.
class AutoCharge : public QObject
{
    Q_OBJECT
public:
    AutoCharge(QWidget *window, QStringList barcodes, QObject *parent = nullptr);
    // How many sales to make; 0 (the default) is the single sale of --auto-charge, whose
    // dialog is left alone.
    void setRepeat(int sales) { m_repeat = sales; }
    // Scanned after the goods instead of pressing Charge: the customer's payment code.
    void setPaymentCode(const QString &code) { m_paymentCode = code; }
    void start();
    int paid() const { return m_paid; }

Q_SIGNALS:
    // After the last of the repeated sales (setRepeat), however each ended.
    void done();

private:
    void run();
    void watch(PaymentDialog *dialog);
    void finished(PaymentDialog *dialog);
    void next(int delayMs);

    QPointer<QWidget> m_window;
    QStringList m_barcodes;
    QString m_paymentCode;
    int m_repeat = 0;
    int m_started = 0;
    int m_paid = 0;
    int m_expired = 0;
    int m_cancelled = 0;
    int m_failed = 0;
    int m_catalogWaits = 0;
};

} // namespace shouyin
