#pragma once

#include "checkout/checkout.h"
#include "money/money.h"
#include "store/records.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace shouyin {

class CheckoutClient;
class CodePayments;
class PaymentProvider;

// One customer paying one cart at the counter: places the order and opens its attempt
// (one commit), gets the QR — or charges the payment code the customer showed — polls
// while the customer pays, and reacts to whatever settles the payment first (its own
// poll, a notification, the background settler). Every write goes to the ledger thread
// through CheckoutClient; the session only waits for answers.
//
// A payment code's charge answers paid, refused, or "waiting for the customer to confirm
// on their phone"; a charge whose answer was lost is asked about. Either way the session
// queries until the provider's confirmation window ends, and then hands the attempt to
// the settler, which reverses it unless a query says it was paid.
class PaymentSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Creating,   // placing the order, asking for a QR, or charging a payment code
        Showing,    // QR on screen, waiting for the customer
        Confirming, // payment code: the customer confirms on their phone, or we ask
        Paid,       // done: the sale is recorded
        Error,      // no order or no QR; retry() or cancel()
        Cancelling, // cashier cancelled; the settler confirms the close in the background
        Expired,    // the deadline passed unpaid; handed to the settler like a cancel
    };
    Q_ENUM(State)

    // Why a payment code is Confirming.
    enum class Waiting {
        Customer, // the provider waits for the customer's password
        Answer,   // the charge's answer was lost or unclear: the provider is asked
    };
    Q_ENUM(Waiting)

    struct Options
    {
        std::chrono::seconds lifetime = std::chrono::minutes(10);
        std::chrono::milliseconds pollInterval = std::chrono::seconds(3);
        // How often a payment code waiting for the customer is queried; 0: as often as
        // its provider suggests.
        std::chrono::milliseconds codePollInterval{0};
        QString operatorName;
        QString description; // goods description shown on the customer's phone
    };

    PaymentSession(CheckoutClient &checkout, PaymentProvider &provider, Sale sale, Options options,
                   QObject *parent = nullptr);
    ~PaymentSession() override;

    // Before start(): the attempt pays what is left of an order already placed (split
    // tender: the cash the customer gave did not cover it) instead of a new order.
    void continueOrder(qint64 orderId, const QString &orderNo, Fen due);
    void start();
    // Charges the customer's payment code instead of showing a QR. The provider must
    // offer codePayments() and own the code.
    void startWithCode(const QString &authCode);
    // After a refusal, while no attempt is open: another attempt on the same order (a
    // new one if the old ended), with `provider`'s QR or, given one, a payment code.
    void payAgain(PaymentProvider &provider, const QString &authCode = {});
    bool canPayAgain() const;
    // The customer changed their mind while the attempt is unpaid (its QR shown, being
    // created, or in error): another provider, or a payment code instead of the QR.
    // True also where payAgain() would do (no attempt open).
    bool canSwitch() const;
    // Gives up the open attempt — the settler closes it in the background as soon as its
    // provider allows (WeChat: not in a trade's first five minutes), even across a
    // restart — and opens a new one for what is still due on the SAME order (same order
    // number) with `provider`'s QR or, given one, its payment code. The state goes
    // Creating, then as for start()/startWithCode(). If the given-up attempt is paid
    // after all, the session becomes Paid (the order is paid by it) and the new attempt
    // is given up in turn. Refused (the session stays as it was, or goes Error with the
    // reason) when the old attempt was settled meanwhile. A no-op unless canSwitch().
    void switchTo(PaymentProvider &provider, const QString &authCode = {});
    // After Error: places the order again if it was not placed, re-sends the same
    // attempt if it may exist at the provider, or opens a new one if it was refused.
    void retry();
    void cancel(); // hands an unpaid attempt to the settler and cancels the order
    // Looks at the stored payment: another till's listener or settler may have settled
    // it. The poll does this first; call it when the database says something changed.
    void refresh();
    // The counter is done with the session: it goes as soon as no answer of the ledger,
    // nor of a QR request, is outstanding (a cancel made while the order was being placed
    // still reaches it, and a QR that arrives after a cancel is still recorded).
    void deleteWhenIdle();

    State state() const { return m_state; }
    const PaymentProvider &provider() const { return *m_provider; }
    PaymentMethod method() const { return m_method; }
    Waiting waiting() const { return m_waiting; }
    qint64 orderId() const { return m_orderId; }
    QString orderNo() const { return m_orderNo; }
    QString payNo() const { return m_payNo; }
    QString codeUrl() const { return m_codeUrl; }
    Fen amount() const { return m_amount; } // this attempt's: the order's total, or what is due
    QDateTime expiresAt() const { return m_expiresAt; }
    QString errorMessage() const { return m_error; }

Q_SIGNALS:
    void stateChanged(shouyin::PaymentSession::State state);
    // The order is placed: its number, amount and deadline are known.
    void orderPlaced();

private:
    std::chrono::seconds attemptLifetime() const;
    std::chrono::milliseconds codePollInterval(const CodePayments &codes) const;
    void placeOrder();
    void openAttempt();
    // The answer to placeOrder() or openAttempt().
    void attemptOpened(const Result<Payment> &payment);
    void requestQr();
    void requestCodeCharge();
    void codeCharged(const Result<TradeSnapshot> &charged);
    void poll();
    void onPaymentChanged(const QString &payNo, PaymentStatus status);
    void onOrderChanged(qint64 orderId, OrderStatus status);
    // Another attempt of the order (one given up in a switch) paid it.
    void orderPaidElsewhere();
    // Provider, method and code for the next attempt.
    void chooseTender(PaymentProvider &provider, const QString &authCode);
    void attemptEnded(PaymentStatus status);
    void fail(const QString &message);
    void setState(State state);
    void handOver(); // stop polling; the settler owns the attempt from now on
    bool isLive() const;
    // A call to the ledger is out; its answer comes back to `finishLedgerCall`.
    void beginLedgerCall() { ++m_ledgerCalls; }
    void finishLedgerCall();

    CheckoutClient &m_checkout;
    PaymentProvider *m_provider;
    Sale m_sale;
    Options m_options;
    State m_state = State::Creating;
    qint64 m_orderId = 0;
    QString m_orderNo;
    QString m_payNo;
    QString m_codeUrl;
    PaymentMethod m_method = PaymentMethod::Qr;
    // The customer's code, held only until its charge is sent: it is a bearer token.
    QString m_authCode;
    Waiting m_waiting = Waiting::Customer;
    bool m_attemptOpen = false;
    bool m_orderEnded = false; // the order went with its attempt (its deadline passed)
    Fen m_amount = 0;
    QDateTime m_createdAt;
    QDateTime m_expiresAt;
    QString m_error;
    bool m_queryInFlight = false;
    int m_ledgerCalls = 0;
    bool m_opening = false; // an order or attempt is being opened: its number is not known yet
    bool m_deleteWhenIdle = false;
    QTimer m_pollTimer;
    QTimer m_expiryTimer;
};

} // namespace shouyin
