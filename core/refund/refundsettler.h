#pragma once

#include "pay/providerregistry.h"
#include "pay/refunds.h"
#include "util/result.h"

#include <QObject>
#include <QSet>

namespace shouyin {

class JobQueue;
class RefundBook;
struct Job;
struct Refund;

// Takes every provider refund to a final state: sends the request (again, unchanged, with
// the same refund number, while the outcome is unknown), then queries while the provider
// is processing it, and applies each answer through RefundBook. Its jobs live in the
// checkout's JobQueue, written with the refunds' states, so a till killed at any moment
// resumes exactly where it stopped and never refunds twice: a re-sent refund number is
// the same refund to the provider.
class RefundSettler : public QObject
{
    Q_OBJECT
public:
    RefundSettler(RefundBook &book, JobQueue &jobs, ProviderRegistry providers,
                  QObject *parent = nullptr);
    ~RefundSettler() override;

    // Start-up recovery, once the queue is loaded: every open refund gets a job if it
    // lost it (a send while REQUESTED, a query while PROCESSING), due now.
    void start();
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    void settled(const QString &refundNo); // a refund reached a final state here

private:
    void run(const Job &job);
    void send(const Refund &refund, Refunds &refunds, const Job &job);
    void query(const Refund &refund, Refunds &refunds, const Job &job);
    // The provider's answer to a send or a query, through the funnel.
    void applyAnswer(const Refund &refund, const RefundSnapshot &snapshot, const Job &job);
    void retryLater(const Job &job, const QString &kind, const QString &why);
    Refunds *refundsFor(const Refund &refund) const;
    static RefundRequest requestFor(const Refund &refund, Fen paymentAmount);

    RefundBook &m_book;
    JobQueue &m_jobs;
    ProviderRegistry m_providers;
    int m_inFlight = 0;
};

} // namespace shouyin
