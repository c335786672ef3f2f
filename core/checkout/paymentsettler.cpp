#include "paymentsettler.h"

#include "checkout/checkout.h"
#include "crypto/securerandom.h"
#include "pay/codepayments.h"
#include "pay/paymentprovider.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "store/orderstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcSettler, "shouyin.checkout.settler")

namespace {

constexpr qint64 kFirstPollMs = 3'000;
constexpr qint64 kMinRetryMs = 5'000;
constexpr qint64 kMaxWaitMs = 60'000;
constexpr QLatin1StringView kSettlingKinds[] = {jobKind::kPoll, jobKind::kExpire,
                                                jobKind::kCloseRetry, jobKind::kConfirmClosed,
                                                jobKind::kReverse};
// When a closed trade is queried once more.
constexpr qint64 kConfirmAfterCloseMs[] = {60'000, 15 * 60'000};

// Background polls start at the counter's 3 s and back off to about a minute.
qint64 pollDelayMs(int attempts)
{
    return std::min(kMaxWaitMs, kFirstPollMs << std::min(attempts, 5));
}

// Exponential backoff with jitter, so that many tills recovering at once do not knock
// on the provider in step.
qint64 retryDelayMs(int attempts)
{
    const qint64 base = std::min(kMaxWaitMs, kMinRetryMs << std::min(attempts, 4));
    const auto jitter = static_cast<unsigned char>(crypto::randomBytes(1).at(0));
    return base / 2 + (base / 2) * jitter / 255;
}

// The queue keeps a write its table refused and makes it again (see JobQueue), so a
// failed schedule or complete loses no work: it is only reported.
void reportQueueWrite(const Status &written, const QString &payNo)
{
    if (!written)
        qCWarning(lcSettler) << "the next step of" << payNo
                             << "is not stored yet:" << written.error().message;
}

} // namespace

PaymentSettler::PaymentSettler(Checkout &checkout, OrderStore &orders, ProviderRegistry providers,
                               QObject *parent)
    : QObject(parent)
    , m_checkout(checkout)
    , m_orders(orders)
    , m_providers(std::move(providers))
{
    for (const auto kind : kSettlingKinds)
        m_checkout.jobs().setHandler(QString(kind), [this](const Job &job) { settle(job); });
}

PaymentSettler::~PaymentSettler()
{
    // The queue outlives us: leave no handler pointing here.
    for (const auto kind : kSettlingKinds)
        m_checkout.jobs().setHandler(QString(kind), {});
}

void PaymentSettler::start()
{
    JobQueue &jobs = m_checkout.jobs();
    if (auto loaded = jobs.load(); !loaded)
        qCWarning(lcSettler) << "cannot load jobs:" << loaded.error().message;
    // Whatever the last run left open is looked at first, job or no job. On a shared
    // server only this till's: another till's open payment may be on its screen now,
    // and a dead till's are in the job table for whoever claims them.
    const auto open = m_orders.readOpenPayments(
        m_checkout.database().isShared() ? m_checkout.terminalId() : QString());
    if (!open) // each has its job in the table, written with its state: those still run
        qCWarning(lcSettler) << "cannot read the open payments:" << open.error().message;
    else if (!open->isEmpty())
        qCInfo(lcSettler) << "recovering" << open->size() << "open payment(s)";
    const QDateTime now = m_checkout.now();
    for (const Payment &payment : open ? *open : QList<Payment>()) {
        m_recovering.insert(payment.payNo);
        const auto job = jobs.job(payment.payNo);
        reportQueueWrite(jobs.schedule(job ? job->kind : QString(jobKind::kPoll), payment.payNo,
                                       now, job ? job->attempts : 0),
                         payment.payNo);
    }
    jobs.runDue();
}

void PaymentSettler::runDue()
{
    m_checkout.jobs().runDue();
}

bool PaymentSettler::finishIfSettled(const QString &payNo)
{
    const auto payment = m_orders.readPayment(payNo);
    if (!payment) {
        qCWarning(lcSettler) << "cannot read" << payNo << ":" << payment.error().message;
        return false; // unknown is not settled: the caller looks again later
    }
    if (*payment && (*payment)->isOpen())
        return false;
    // A no-op when the funnel did it already.
    reportQueueWrite(m_checkout.jobs().complete(payNo), payNo);
    m_recovering.remove(payNo);
    Q_EMIT settled(payNo);
    return true;
}

void PaymentSettler::settle(const Job &job)
{
    const auto stored = m_orders.readPayment(job.subject);
    if (!stored)
        return retryLater(job, job.kind, stored.error().message);
    const std::optional<Payment> &payment = *stored;
    if (payment && job.kind == jobKind::kConfirmClosed)
        return confirmClosed(*payment, job);
    if (!payment || !payment->isOpen())
        return reportQueueWrite(m_checkout.jobs().complete(job.subject), job.subject);
    PaymentProvider *provider = m_providers.find(payment->provider, payment->api);
    if (!provider) {
        qCWarning(lcSettler) << "no provider" << payment->provider << payment->api
                             << "configured for" << job.subject;
        return retryLater(
            job, job.kind,
            u"no %1 %2 settings to settle it with"_s.arg(payment->provider, payment->api));
    }
    ++m_inFlight;
    if (job.kind == jobKind::kCloseRetry)
        return closeAndConfirm(*payment, *provider, job);
    provider->query(payment->payNo, this,
                    [this, payment = *payment, provider, job](Result<TradeSnapshot> snapshot) {
                        if (!snapshot) {
                            --m_inFlight;
                            return retryLater(job, job.kind, snapshot.error().name());
                        }
                        const bool recovering = m_recovering.remove(payment.payNo);
                        const Source source = recovering ? Source::Recovery : Source::Settler;
                        // What start-up found is shown in the pay log, change or not. The row
                        // changes no state: without it the apply below still settles the payment.
                        if (recovering) {
                            if (auto logged = m_checkout.recordEvent(
                                    payment.payNo, u"recovery_checked"_s,
                                    QString::fromUtf8(
                                        QJsonDocument(QJsonObject{{u"state"_s, snapshot->rawState}})
                                            .toJson(QJsonDocument::Compact)),
                                    source);
                                !logged)
                                qCWarning(lcSettler) << "recovery of" << payment.payNo
                                                     << "not logged:" << logged.error().message;
                        }
                        if (auto applied =
                                m_checkout.apply(payment.payNo, snapshot.value(), source);
                            !applied) {
                            --m_inFlight;
                            return retryLater(job, job.kind, applied.error().message);
                        }
                        afterQuery(payment, *provider, job);
                    });
}

void PaymentSettler::afterQuery(const Payment &queried, PaymentProvider &provider, const Job &job)
{
    if (finishIfSettled(queried.payNo)) {
        --m_inFlight;
        return;
    }
    // Read again: the customer may have switched to another attempt while the query was
    // out, and the attempt is given up from then on.
    const auto stored = m_orders.readPayment(queried.payNo);
    const auto order = m_orders.readOrder(queried.orderId);
    if (!stored || !*stored || !order) {
        --m_inFlight;
        return retryLater(job, job.kind,
                          !stored  ? stored.error().message
                          : !order ? order.error().message
                                   : u"payment not found"_s);
    }
    const Payment &payment = **stored;
    const QDateTime now = m_checkout.now();
    // Nobody waits for this attempt any more: the cashier cancelled, the customer switched
    // to another attempt, or another attempt paid the order (a second payment must not be
    // taken).
    const bool giveUp =
        payment.isSuperseded() || (*order && (*order)->status != OrderStatus::AwaitingPayment);
    if (payment.method == PaymentMethod::Code)
        return afterCodeQuery(payment, provider, job, giveUp);
    const QDateTime next = now.addMSecs(pollDelayMs(job.attempts));
    if (!giveUp && now < payment.expiresAt) {
        // Nobody gave up yet: look again, backing off, and close at the deadline.
        --m_inFlight;
        const bool atDeadline = next >= payment.expiresAt;
        return reportQueueWrite(
            m_checkout.jobs().schedule(QString(atDeadline ? jobKind::kExpire : jobKind::kPoll),
                                       payment.payNo, atDeadline ? payment.expiresAt : next,
                                       job.attempts + 1),
            payment.payNo);
    }
    const QDateTime closeAllowed = payment.createdAt.addSecs(provider.closeNotBefore().count());
    if (now < closeAllowed) {
        // The provider refuses early closes: keep polling until the close is allowed.
        --m_inFlight;
        return reportQueueWrite(m_checkout.jobs().schedule(QString(jobKind::kPoll), payment.payNo,
                                                           std::min(closeAllowed, next),
                                                           job.attempts + 1),
                                payment.payNo);
    }
    closeAndConfirm(payment, provider, job);
}

void PaymentSettler::afterCodeQuery(const Payment &payment, PaymentProvider &provider,
                                    const Job &job, bool giveUp)
{
    CodePayments *codes = provider.codePayments();
    if (!codes) {
        --m_inFlight;
        return retryLater(job, job.kind, u"the provider takes no payment codes now"_s);
    }
    const QDateTime now = m_checkout.now();
    if (!giveUp && now < payment.expiresAt) {
        // The customer may still be typing their password: ask as often as the provider
        // suggests until the window ends, then reverse.
        --m_inFlight;
        const QDateTime next =
            std::min(payment.expiresAt, now.addSecs(codes->queryInterval().count()));
        return reportQueueWrite(
            m_checkout.jobs().schedule(
                QString(next >= payment.expiresAt ? jobKind::kReverse : jobKind::kPoll),
                payment.payNo, next, job.attempts + 1),
            payment.payNo);
    }
    reverseAndConfirm(payment, *codes, job);
}

void PaymentSettler::reverseAndConfirm(const Payment &payment, CodePayments &codes, const Job &job)
{
    // The query just before found it unpaid: a reverse of a paid trade would refund it.
    qCInfo(lcSettler) << "reversing" << payment.payNo << "(" << job.kind << "job, attempt"
                      << job.attempts << ")";
    codes.reverse(payment.payNo, this, [this, payment, job](Result<ReverseAnswer> answer) {
        --m_inFlight;
        if (!answer) {
            if (answer.error().code == ErrorCode::Config)
                alertReverseBlocked(payment.payNo, answer.error());
            return retryLater(job, QString(jobKind::kReverse),
                              u"reverse "_s + answer.error().name());
        }
        if (answer->callAgain) // query again first: the customer may have paid meanwhile
            return retryLater(job, QString(jobKind::kReverse),
                              u"reverse to be called again ("_s + answer->detail + u')');
        TradeSnapshot reversed;
        reversed.payNo = payment.payNo;
        reversed.state = TradeState::Revoked;
        reversed.rawState = u"REVERSED (%1)"_s.arg(answer->detail);
        auto applied = m_checkout.apply(payment.payNo, reversed, Source::Close);
        if (applied && finishIfSettled(payment.payNo)) {
            // Looked at again later, as a closed QR is: what the provider says then is
            // what the pay log keeps.
            scheduleConfirmation(payment.payNo, 0);
            return;
        }
        retryLater(job, QString(jobKind::kReverse),
                   applied ? reversed.rawState : applied.error().message);
    });
}

void PaymentSettler::alertReverseBlocked(const QString &payNo, const Error &error)
{
    // The till cannot give the customer's money back by itself (no client certificate):
    // a manager must know, once per run, not at every retry.
    if (m_reverseAlerted.contains(payNo))
        return;
    m_reverseAlerted.insert(payNo);
    const QString detail = QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"pay_no"_s, payNo}, {u"reason"_s, error.message}})
            .toJson(QJsonDocument::Compact));
    if (auto logged =
            m_checkout.recordEvent(payNo, u"alert_reverse_blocked"_s, detail, Source::Settler);
        !logged)
        qCWarning(lcSettler) << "alert for" << payNo << "not logged:" << logged.error().message;
}

void PaymentSettler::closeAndConfirm(const Payment &payment, PaymentProvider &provider,
                                     const Job &job)
{
    qCInfo(lcSettler) << "closing" << payment.payNo << "(" << job.kind << "job, attempt"
                      << job.attempts << ")";
    provider.close(
        payment.payNo, this, [this, payment, &provider, job](Result<CloseResult> closed) {
            // Never cancel on the close's word alone, and never re-send a refused close
            // blindly: whatever the close answered (closed, too early, "wrong state" for a
            // trade the provider closed itself or the buyer just paid), the query says
            // what the trade is, and that is applied.
            const bool closeAccepted = bool(closed);
            const QString closeAnswer = closed ? u"closed"_s : closed.error().name();
            if (!closed)
                qCInfo(lcSettler) << "close of" << payment.payNo << "refused:" << closeAnswer
                                  << "- asking the provider what the trade is";
            provider.query(
                payment.payNo, this,
                [this, payment, job, closeAccepted, closeAnswer](Result<TradeSnapshot> snapshot) {
                    --m_inFlight;
                    if (!snapshot)
                        return retryLater(job, QString(jobKind::kCloseRetry),
                                          closeAnswer + u", query "_s + snapshot.error().name());
                    TradeSnapshot observed = snapshot.value();
                    // A closed trade the provider no longer knows can never be paid; one it
                    // refused to close and does not know is asked about again.
                    if (observed.state == TradeState::NotFound && closeAccepted)
                        observed.state = TradeState::Closed;
                    auto applied = m_checkout.apply(payment.payNo, observed, Source::Close);
                    if (applied && finishIfSettled(payment.payNo)) {
                        scheduleConfirmation(payment.payNo, 0);
                        return;
                    }
                    retryLater(job, QString(jobKind::kCloseRetry),
                               applied ? observed.rawState : applied.error().message);
                });
        });
}

void PaymentSettler::scheduleConfirmation(const QString &payNo, int attempts)
{
    // A payment that cannot be read now is looked at again, never let go.
    const auto payment = m_orders.readPayment(payNo);
    const bool paid = payment && *payment && (*payment)->status == PaymentStatus::Success;
    const bool gone = payment && !*payment;
    if (paid || gone || attempts >= int(std::size(kConfirmAfterCloseMs)))
        return reportQueueWrite(m_checkout.jobs().complete(payNo), payNo);
    reportQueueWrite(m_checkout.jobs().schedule(
                         QString(jobKind::kConfirmClosed), payNo,
                         m_checkout.now().addMSecs(kConfirmAfterCloseMs[attempts]), attempts),
                     payNo);
}

void PaymentSettler::confirmClosed(const Payment &payment, const Job &job)
{
    PaymentProvider *provider = m_providers.find(payment.provider, payment.api);
    if (!provider || payment.status == PaymentStatus::Success)
        return reportQueueWrite(m_checkout.jobs().complete(payment.payNo), payment.payNo);
    ++m_inFlight;
    provider->query(payment.payNo, this, [this, payment, job](Result<TradeSnapshot> snapshot) {
        --m_inFlight;
        if (!snapshot)
            return retryLater(job, job.kind, snapshot.error().name());
        // A late SUCCESS becomes "paid after close/cancel" in the funnel, with its alerts;
        // one that could not be stored is asked for again.
        if (auto applied = m_checkout.apply(payment.payNo, snapshot.value(), Source::Settler);
            !applied)
            return retryLater(job, job.kind, applied.error().message);
        scheduleConfirmation(payment.payNo, job.attempts + 1);
    });
}

void PaymentSettler::retryLater(const Job &job, const QString &kind, const QString &why)
{
    const qint64 delay = retryDelayMs(job.attempts + 1);
    qCInfo(lcSettler) << "payment" << job.subject << "unsettled (" << why << "), again in" << delay
                      << "ms";
    reportQueueWrite(m_checkout.jobs().schedule(kind, job.subject, m_checkout.now().addMSecs(delay),
                                                job.attempts + 1),
                     job.subject);
}

} // namespace shouyin
