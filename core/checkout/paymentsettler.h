#pragma once

#include "pay/providerregistry.h"
#include "store/records.h"
#include "util/result.h"

#include <QObject>
#include <QSet>

namespace shouyin {

class Checkout;
class CodePayments;
class OrderStore;
class PaymentProvider;
struct Job;

// Settles every payment nobody is watching: attempts the cashier cancelled, QRs that
// expired, payment codes nobody confirmed, and whatever was open when the till last
// stopped. It runs the checkout's settling jobs (poll, expire, close_retry, reverse):
// query, close once the provider allows it (a payment code: reverse it), query again,
// and apply each answer through Checkout. The jobs live in the database,
// in the same transactions as the payments, so a restart loses none of them.
class PaymentSettler : public QObject
{
    Q_OBJECT
public:
    PaymentSettler(Checkout &checkout, OrderStore &orders, ProviderRegistry providers,
                   QObject *parent = nullptr);
    ~PaymentSettler() override;

    // Start-up recovery: loads the jobs and re-checks every open payment now.
    void start();
    // Runs whatever is due (the job queue's timer does this by itself).
    void runDue();
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    void settled(const QString &payNo); // a payment reached a final state here

private:
    void settle(const Job &job);
    void afterQuery(const Payment &payment, PaymentProvider &provider, const Job &job);
    void closeAndConfirm(const Payment &payment, PaymentProvider &provider, const Job &job);
    // A payment code is queried until its window ends, then reversed, never closed.
    void afterCodeQuery(const Payment &payment, PaymentProvider &provider, const Job &job,
                        bool giveUp);
    void reverseAndConfirm(const Payment &payment, CodePayments &codes, const Job &job);
    void alertReverseBlocked(const QString &payNo, const Error &error);
    void retryLater(const Job &job, const QString &kind, const QString &why);
    void scheduleConfirmation(const QString &payNo, int attempts);
    void confirmClosed(const Payment &payment, const Job &job);
    bool finishIfSettled(const QString &payNo);

    Checkout &m_checkout;
    OrderStore &m_orders;
    ProviderRegistry m_providers;
    QSet<QString> m_recovering;     // first look after a start, logged as "recovery"
    QSet<QString> m_reverseAlerted; // payments whose reverse the configuration blocks
    int m_inFlight = 0;
};

} // namespace shouyin
