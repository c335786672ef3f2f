#include "refundsettler.h"

#include "checkout/checkout.h"
#include "crypto/securerandom.h"
#include "pay/paymentprovider.h"
#include "refund/refundbook.h"
#include "schedule/jobqueue.h"
#include "store/database.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcRefundSettler, "shouyin.refund.settler")

namespace {

constexpr qint64 kMinRetryMs = 5'000;
constexpr qint64 kMaxRetryMs = 10 * 60'000;
constexpr QLatin1StringView kKinds[] = {refundJobKind::kSend, refundJobKind::kQuery};

// Exponential backoff with jitter, up to ten minutes: a refund is never urgent to the
// second, and a provider that is down must not be knocked on by every till in step.
qint64 retryDelayMs(int attempts)
{
    const qint64 base = std::min(kMaxRetryMs, kMinRetryMs << std::min(attempts, 7));
    const auto jitter = static_cast<unsigned char>(crypto::randomBytes(1).at(0));
    return base / 2 + (base / 2) * jitter / 255;
}

void report(const Status &written, const QString &refundNo)
{
    if (!written)
        qCWarning(lcRefundSettler) << "the next step of refund" << refundNo
                                   << "is not stored yet:" << written.error().message;
}

} // namespace

RefundSettler::RefundSettler(RefundBook &book, JobQueue &jobs, ProviderRegistry providers,
                             QObject *parent)
    : QObject(parent)
    , m_book(book)
    , m_jobs(jobs)
    , m_providers(std::move(providers))
{
    for (const auto kind : kKinds)
        m_jobs.setHandler(QString(kind), [this](const Job &job) { run(job); });
}

RefundSettler::~RefundSettler()
{
    // The queue outlives us: leave no handler pointing here.
    for (const auto kind : kKinds)
        m_jobs.setHandler(QString(kind), {});
}

void RefundSettler::start()
{
    // On a shared server only this till's: another till's refunds are in the job table
    // for whoever claims them.
    const bool shared = m_book.database().isShared();
    const auto open = m_book.openRefunds(shared ? m_book.terminalId() : QString());
    if (!open) {
        qCWarning(lcRefundSettler) << "cannot read the open refunds:" << open.error().message;
        return; // each has its job in the table, written with its state
    }
    if (!open->isEmpty())
        qCInfo(lcRefundSettler) << "recovering" << open->size() << "open refund(s)";
    const QDateTime now = m_book.now();
    for (const Refund &refund : *open) {
        const auto job = m_jobs.job(refund.refundNo);
        if (job || m_jobs.isRunning(refund.refundNo))
            continue;
        const auto kind =
            refund.status == RefundStatus::Requested ? refundJobKind::kSend : refundJobKind::kQuery;
        report(m_jobs.schedule(QString(kind), refund.refundNo, now), refund.refundNo);
    }
    m_jobs.runDue();
}

Refunds *RefundSettler::refundsFor(const Refund &refund) const
{
    PaymentProvider *provider = m_providers.find(refund.provider, refund.api);
    return provider ? provider->refunds() : nullptr;
}

RefundRequest RefundSettler::requestFor(const Refund &refund, Fen paymentAmount)
{
    return RefundRequest{refund.payNo, refund.refundNo, paymentAmount, refund.amount,
                         refund.reason};
}

void RefundSettler::run(const Job &job)
{
    const auto refund = m_book.readRefund(job.subject);
    if (!refund)
        return retryLater(job, job.kind, refund.error().message);
    if (!*refund || !(*refund)->isOpen()) {
        report(m_jobs.complete(job.subject), job.subject);
        if (*refund)
            Q_EMIT settled(job.subject);
        return;
    }
    Refunds *refunds = refundsFor(**refund);
    if (!refunds)
        // The shop may set the provider up again; until then the refund waits, open.
        return retryLater(
            job, job.kind,
            u"no provider %1 that can refund is configured"_s.arg((*refund)->provider));
    if (job.kind == refundJobKind::kSend)
        send(**refund, *refunds, job);
    else
        query(**refund, *refunds, job);
}

void RefundSettler::send(const Refund &refund, Refunds &refunds, const Job &job)
{
    ++m_inFlight;
    qCInfo(lcRefundSettler) << "refund" << refund.refundNo << "of" << refund.payNo
                            << formatYuan(refund.amount) << "sent, attempt" << job.attempts + 1;
    refunds.refund(
        requestFor(refund, refund.paymentAmount), this,
        [this, refund, job](Result<RefundSnapshot> answer) {
            --m_inFlight;
            if (answer)
                return applyAnswer(refund, answer.value(), job);
            const Error &error = answer.error();
            if (outcomeUnknown(error)) {
                // The same number again: to the provider it is the same refund.
                const QDateTime at = m_book.now().addMSecs(retryDelayMs(job.attempts));
                report(m_book.recordSendError(refund.refundNo, error, at, job.attempts + 1),
                       refund.refundNo);
                return;
            }
            qCWarning(lcRefundSettler)
                << "refund" << refund.refundNo << "refused:" << error.name() << error.message;
            if (auto failed = m_book.recordRefused(refund.refundNo, error, Source::Settler);
                !failed)
                return retryLater(job, job.kind, failed.error().message);
            Q_EMIT settled(refund.refundNo);
        });
}

void RefundSettler::query(const Refund &refund, Refunds &refunds, const Job &job)
{
    ++m_inFlight;
    refunds.queryRefund(
        requestFor(refund, refund.paymentAmount), this,
        [this, refund, job](Result<RefundSnapshot> answer) {
            --m_inFlight;
            if (!answer)
                return retryLater(job, QString(refundJobKind::kQuery), answer.error().message);
            if (answer->state == RefundState::NotFound) {
                // The request never arrived, or (Alipay, which answered "no money moved")
                // was never carried out: the same one again now.
                report(m_jobs.schedule(QString(refundJobKind::kSend), refund.refundNo, m_book.now(),
                                       job.attempts + 1),
                       refund.refundNo);
                return;
            }
            applyAnswer(refund, answer.value(), job);
        });
}

void RefundSettler::applyAnswer(const Refund &refund, const RefundSnapshot &snapshot,
                                const Job &job)
{
    RefundSnapshot named = snapshot;
    if (named.refundNo.isEmpty())
        named.refundNo = refund.refundNo;
    const auto applied = m_book.apply(refund.refundNo, named, Source::Settler);
    if (!applied)
        return retryLater(job, job.kind, applied.error().message);
    if (*applied == ApplyResult::Applied) {
        // The funnel stored the next step with the state; a final state has none.
        const auto now = m_book.readRefund(refund.refundNo);
        if (now && *now && !(*now)->isOpen())
            Q_EMIT settled(refund.refundNo);
        return;
    }
    // Nothing changed (still processing, or a result that was refused): ask again later.
    retryLater(job, QString(refundJobKind::kQuery), u"still %1"_s.arg(snapshot.rawState));
}

void RefundSettler::retryLater(const Job &job, const QString &kind, const QString &why)
{
    qCInfo(lcRefundSettler) << "refund" << job.subject << "looked at again later:" << why;
    report(m_jobs.schedule(kind, job.subject, m_book.now().addMSecs(retryDelayMs(job.attempts)),
                           job.attempts + 1),
           job.subject);
}

} // namespace shouyin
