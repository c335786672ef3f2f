#pragma once

#include "money/money.h"
#include "store/records.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace shouyin {

class Checkout;
class OrderStore;
class PaymentProvider;

// One customer paying one order at the counter: opens the attempt, gets the QR,
// polls while the QR is shown, and reacts to whatever settles the payment first
// (its own poll, a notification, the background settler).
class PaymentSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Creating,   // asking the provider for a QR
        Showing,    // QR on screen, waiting for the customer
        Paid,       // done: the sale is recorded
        Error,      // could not get a QR; retry() or cancel()
        Cancelling, // cashier cancelled; the settler confirms the close in the background
        Expired,    // the deadline passed unpaid; handed to the settler like a cancel
    };
    Q_ENUM(State)

    struct Options
    {
        std::chrono::seconds lifetime = std::chrono::minutes(10);
        std::chrono::milliseconds pollInterval = std::chrono::seconds(3);
        QString operatorName;
        QString description; // goods description shown on the customer's phone
    };

    PaymentSession(Checkout &checkout, OrderStore &orders, PaymentProvider &provider,
                   qint64 orderId, Options options, QObject *parent = nullptr);
    ~PaymentSession() override;

    void start();
    void retry();  // after Error: re-sends the same attempt, or opens a new one if refused
    void cancel(); // hands an unpaid attempt to the settler and cancels the order
    // Looks at the stored payment: another till's listener or settler may have settled
    // it. The poll does this first; call it when the database says something changed.
    void refresh();

    State state() const { return m_state; }
    const PaymentProvider &provider() const { return m_provider; }
    qint64 orderId() const { return m_orderId; }
    QString orderNo() const { return m_orderNo; }
    QString payNo() const { return m_payNo; }
    QString codeUrl() const { return m_codeUrl; }
    Fen amount() const { return m_amount; }
    QDateTime expiresAt() const { return m_expiresAt; }
    QString errorMessage() const { return m_error; }

Q_SIGNALS:
    void stateChanged(shouyin::PaymentSession::State state);

private:
    void openAttempt();
    void requestQr();
    void poll();
    void onPaymentChanged(const QString &payNo, PaymentStatus status);
    void fail(const QString &message);
    void setState(State state);
    void handOver(); // stop polling; the settler owns the attempt from now on

    Checkout &m_checkout;
    OrderStore &m_orders;
    PaymentProvider &m_provider;
    qint64 m_orderId;
    Options m_options;
    State m_state = State::Creating;
    QString m_orderNo;
    QString m_payNo;
    QString m_codeUrl;
    Fen m_amount = 0;
    QDateTime m_createdAt;
    QDateTime m_expiresAt;
    QString m_error;
    bool m_queryInFlight = false;
    QTimer m_pollTimer;
    QTimer m_expiryTimer;
};

} // namespace shouyin
