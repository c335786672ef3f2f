#pragma once

#include "checkout/paymentsession.h"
#include "posservices.h"
#include "util/shopclock.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QKeySequence>
#include <QPointer>
#include <QTimer>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace shouyin {

class QrWidget;

// The customer-facing half of a sale: the QR to scan, the amount, the order number,
// the time left and what the payment is doing now. It shows a PaymentSession and asks
// it to retry or cancel; it never changes an order itself.
//
// Finishes with Accepted once the session is Paid, Rejected otherwise (the cashier
// cancelled, or closed it after an expiry). A scanner's Enter never cancels: no button
// is a default button until the payment is done.
class PaymentDialog : public QDialog
{
    Q_OBJECT
public:
    // The countdown runs on `clock`, the core's (the session's deadline is on it).
    // A `simulateCustomer` (training) adds the "Simulate customer payment" button.
    PaymentDialog(PaymentSession *session, SimulateCustomer simulateCustomer, ShopClock clock,
                  QWidget *parent = nullptr);

    // While the database is unreachable the dialog says what that means for the sale.
    void setDatabaseAvailable(bool available);
    // What became of a code scanned while the dialog is open, when it was not charged.
    void showScanNote(const QString &text);
    // Training: a button that offers one of `codes` as if the customer showed it.
    void addTrainingCodes(const QList<TrainingCode> &codes);
    // The customer would rather pay with another provider: a key per provider (its charge
    // key, F10 or F11) switches the payment to it, on the same order.
    void offerSwitches(const QList<std::pair<QString, QKeySequence>> &providers);
    PaymentSession *session() const { return m_session; }
    QrWidget *qrWidget() const { return m_qr; }

    // How long "Paid" stays on screen before the dialog closes by itself.
    static constexpr int kPaidDisplayMs = 1500;

public Q_SLOTS:
    void reject() override; // cancels an unpaid payment; a paid one closes as accepted

Q_SIGNALS:
    // After a refused payment code: the cashier would rather show the QR.
    void qrInsteadRequested();
    // Training: the cashier picked a sample payment code.
    void codeOffered(const QString &code);
    // The cashier pressed another provider's key.
    void switchRequested(const QString &provider);

private:
    void updateFromSession();
    // The status line for a payment-code charge.
    void showCodeStatus(PaymentSession::State state);
    void updateCountdown();
    void setStatus(const QString &text, const QString &kind);
    void simulatePayment();

    QPointer<PaymentSession> m_session;
    SimulateCustomer m_simulateCustomer;
    ShopClock m_clock;

    QVBoxLayout *m_layout;
    QHBoxLayout *m_buttons;
    QHBoxLayout *m_trainingButtons;
    QLabel *m_providerLabel;
    QLabel *m_amountLabel;
    QLabel *m_orderNoLabel;
    QrWidget *m_qr;
    QLabel *m_statusLabel;
    QLabel *m_countdownCaption;
    QLabel *m_countdownLabel;
    QLabel *m_trainingNote = nullptr;
    QLabel *m_databaseNote;
    QLabel *m_scanNote;
    QPushButton *m_simulateButton = nullptr;
    QPushButton *m_retryButton;
    QPushButton *m_qrInsteadButton;
    QPushButton *m_doneButton;
    QPushButton *m_cancelButton;
    QHash<QString, QPushButton *> m_switchButtons; // by provider
    QTimer m_countdownTimer;
    QTimer m_paidTimer;
    bool m_simulating = false;
};

} // namespace shouyin
