#pragma once

#include "checkout/checkout.h"
#include "util/mailbox.h"
#include "util/shopclock.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <optional>

namespace shouyin {

// The counter's way to a Checkout that lives on the till's ledger thread, which owns the
// database connection: every call runs there, in the order it was made, and its result
// comes back on this client's thread. The window never waits for a commit or a disk
// flush; it hears what happened.
//
// A result is handed to `then` only while its `context` (an object of this client's
// thread) still exists. Calls without a `then` log their failure; what they left undone
// is found by the settler (every open attempt has its job, written with it).
//
// The Checkout must outlive the client. On one thread (tests, tools) the calls are
// still queued, so the order of events is the same as across threads.
class CheckoutClient : public QObject
{
    Q_OBJECT
public:
    template<typename T> using Then = std::function<void(Result<T>)>;

    explicit CheckoutClient(Checkout &checkout, QObject *parent = nullptr);
    ~CheckoutClient() override;

    QString terminalId() const { return m_terminalId; }
    const ShopClock &clock() const { return m_clock; }
    QDateTime now() const { return m_clock.now(); }

    void charge(const Sale &sale, const PaymentProvider &provider, std::chrono::seconds lifetime,
                const QString &operatorName, PaymentMethod method, QObject *context,
                Then<Charge> then);
    void openPayment(qint64 orderId, const PaymentProvider &provider, std::chrono::seconds lifetime,
                     const QString &operatorName, PaymentMethod method, QObject *context,
                     Then<Payment> then);
    // Checkout::switchPayment: gives up `payNo` and opens the next attempt of its order.
    void switchPayment(const QString &payNo, const PaymentProvider &provider,
                       std::chrono::seconds lifetime, const QString &operatorName,
                       PaymentMethod method, QObject *context, Then<Payment> then);
    // Cash for a new order of `lines`, or toward order `orderId` (split tender).
    void takeCash(const Sale &sale, Fen given, const QString &operatorName, QObject *context,
                  Then<CashTaken> then);
    void takeCash(qint64 orderId, Fen given, const QString &operatorName, QObject *context,
                  Then<CashTaken> then);
    void readPayment(const QString &payNo, QObject *context, Then<std::optional<Payment>> then);
    void readOrder(qint64 orderId, QObject *context, Then<std::optional<Order>> then);

    void recordQrIssued(const QString &payNo, const QString &codeUrl);
    void recordCodeWaiting(const QString &payNo);
    void recordCreateRefused(const QString &payNo, const Error &error);
    void recordAttemptError(const QString &payNo, const Error &error);
    void requestCancel(qint64 orderId, const QString &operatorName);
    void apply(const QString &payNo, const TradeSnapshot &snapshot, Source source);
    void scheduleCheck(const QString &payNo, const QDateTime &at);

Q_SIGNALS:
    // The Checkout's own signals, on this client's thread.
    void paymentChanged(const QString &payNo, shouyin::PaymentStatus status);
    void orderChanged(qint64 orderId, shouyin::OrderStatus status);
    void alertRaised(qint64 orderId, const QString &kind, const QString &detail);

private:
    // Runs `work` on the Checkout's thread; its result comes back through the mailbox.
    template<typename T>
    void call(std::function<Result<T>(Checkout &)> work, QObject *context, Then<T> then)
    {
        QMetaObject::invokeMethod(
            &m_checkout,
            [&checkout = m_checkout, work = std::move(work), back = m_mailbox,
             context = QPointer<QObject>(context), then = std::move(then)] {
                Result<T> result = work(checkout);
                // `context` is only looked at on its own thread, where it cannot vanish
                // while it is looked at.
                back.post([context, then, result = std::move(result)] {
                    if (context)
                        then(result);
                });
            },
            Qt::QueuedConnection);
    }
    // For calls nobody waits on: a failure is logged as `what`.
    void post(const char *what, const QString &subject, std::function<Status(Checkout &)> work);

    Checkout &m_checkout;
    QString m_terminalId;
    ShopClock m_clock;
    Mailbox m_mailbox;
};

} // namespace shouyin
