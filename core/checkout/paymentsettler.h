#pragma once

#include "store/records.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace shouyin {

class Checkout;
class OrderStore;
class PaymentProvider;

// Settles every payment nobody is watching: attempts the cashier cancelled, QRs that
// expired, and whatever was open when the till last stopped. It queries, closes when
// the provider allows it, queries again, and applies each answer through Checkout.
// Its schedule lives in payments.next_check_at, so it survives a restart; one timer
// is armed for the earliest due payment.
class PaymentSettler : public QObject
{
    Q_OBJECT
public:
    PaymentSettler(Checkout &checkout, OrderStore &orders,
                   QHash<QString, PaymentProvider *> providers, QObject *parent = nullptr);

    // Re-checks every open payment now (start-up recovery), then keeps going.
    void start();
    // Checks every payment whose time has come; the timer calls it, and so may a caller
    // that knows the clock moved.
    void runDue();
    int inFlight() const { return int(m_busy.size()); }

Q_SIGNALS:
    void settled(const QString &payNo); // a payment reached a final state here

private:
    void rearm();
    void check(const Payment &payment);
    void closeAndConfirm(const Payment &payment, PaymentProvider &provider);
    void retryLater(const Payment &payment, const QString &why);

    Checkout &m_checkout;
    OrderStore &m_orders;
    QHash<QString, PaymentProvider *> m_providers;
    QHash<QString, int> m_failures; // consecutive errors per pay number, for backoff
    QSet<QString> m_busy;           // pay numbers with a request in flight
    QTimer m_timer;
};

} // namespace shouyin
