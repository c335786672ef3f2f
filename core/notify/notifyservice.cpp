#include "notifyservice.h"

#include "checkout/checkout.h"
#include "pay/paymentprovider.h"
#include "pay/refunds.h"
#include "refund/refundbook.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcNotify, "shouyin.notify")

NotifyService::NotifyService(Database &database, Checkout &checkout, HttpListener &listener,
                             QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_checkout(checkout)
    , m_listener(listener)
    , m_mailbox(this)
{}

NotifyService::~NotifyService()
{
    {
        QWriteLocker closing(&m_gate->lock);
        m_gate->open = false;
    }
    m_mailbox.close();
    // Whatever is still queued was never committed: unanswered, the provider sends it
    // again (to the next run).
}

QByteArray NotifyService::pathFor(const PaymentProvider &provider)
{
    // WeChat v2 was the first api and keeps the path shops have configured already.
    const QString api = provider.api();
    const bool firstApi = api.isEmpty() || api == u"v2";
    return "/notify/" + provider.name().toLatin1() + (firstApi ? "" : "/" + api.toLatin1());
}

void NotifyService::addProvider(PaymentProvider &provider)
{
    m_listener.route(pathFor(provider), [this, gate = m_gate, &provider](
                                            const HttpRequest &request, HttpListener::Reply reply) {
        QReadLocker entered(&gate->lock);
        if (!gate->open)
            return reply({503, "text/plain; charset=utf-8", "shutting down"});
        handle(provider, request, std::move(reply));
    });
}

QByteArray NotifyService::refundPathFor(const PaymentProvider &provider)
{
    return pathFor(provider) + "/refund";
}

void NotifyService::addRefunds(PaymentProvider &provider, RefundBook &book)
{
    if (!provider.refunds())
        return;
    m_listener.route(refundPathFor(provider),
                     [this, gate = m_gate, &provider, &book](const HttpRequest &request,
                                                             HttpListener::Reply reply) {
                         QReadLocker entered(&gate->lock);
                         if (!gate->open)
                             return reply({503, "text/plain; charset=utf-8", "shutting down"});
                         handleRefund(provider, book, request, std::move(reply));
                     });
}

void NotifyService::handleRefund(PaymentProvider &provider, RefundBook &book,
                                 const HttpRequest &request, HttpListener::Reply reply)
{
    // Decrypted (or verified) here, on the listener's thread; believed only once the
    // funnel has checked every field against the refund we asked for.
    auto snapshot = provider.refunds()->parseRefundNotification(request);
    if (!snapshot) {
        m_mailbox.post([this, name = provider.name(), error = snapshot.error()] {
            refused(name, error);
            Q_EMIT handled(name, QString(), false);
        });
        reply(provider.notificationReply(false, snapshot.error().name()));
        return;
    }
    m_mailbox.post([this, &provider, &book, snapshot = std::move(snapshot).value(),
                    reply = std::move(reply)] { applyRefund(provider, book, snapshot, reply); });
}

void NotifyService::applyRefund(PaymentProvider &provider, RefundBook &book,
                                const RefundSnapshot &snapshot, const HttpListener::Reply &reply)
{
    auto applied = book.apply(snapshot.refundNo, snapshot, Source::Notify);
    if (!applied && applied.error().code == ErrorCode::UnknownRefund) {
        // Decrypted with our key but about no refund of ours: another till's database,
        // or a replay from elsewhere. Never acknowledged, so it is not lost if ours.
        refused(provider.name(), applied.error());
        return answer(provider, reply, false, snapshot.refundNo, u"UNKNOWN_REFUND"_s);
    }
    if (!applied) {
        qCWarning(lcNotify) << "refund notification for" << snapshot.refundNo
                            << "not stored:" << applied.error().message;
        return answer(provider, reply, false, snapshot.refundNo, u"STORE_ERROR"_s);
    }
    const bool accepted = applied.value() != ApplyResult::Refused;
    answer(provider, reply, accepted, snapshot.refundNo, accepted ? u"OK"_s : u"REFUSED"_s);
}

void NotifyService::handle(PaymentProvider &provider, const HttpRequest &request,
                           HttpListener::Reply reply)
{
    auto snapshot = provider.parseNotification(request);
    if (!snapshot) {
        // Refused at once: a flood of forgeries never waits behind a commit.
        m_mailbox.post([this, name = provider.name(), error = snapshot.error()] {
            refused(name, error);
            Q_EMIT handled(name, QString(), false);
        });
        reply(provider.notificationReply(false, snapshot.error().name()));
        return;
    }
    bool first = false;
    {
        QMutexLocker lock(&m_queueLock);
        first = m_queue.isEmpty();
        m_queue.append({&provider, std::move(snapshot).value(), std::move(reply)});
    }
    // One wake-up per batch: what arrives while a batch is written joins the next one.
    if (first)
        m_mailbox.post([this] { flush(); });
}

void NotifyService::flush()
{
    QList<Pending> batch;
    bool more = false;
    {
        QMutexLocker lock(&m_queueLock);
        if (m_queue.size() <= kMaxBatch) {
            batch = std::exchange(m_queue, {});
        } else {
            batch = m_queue.mid(0, kMaxBatch);
            m_queue.remove(0, kMaxBatch);
            more = true;
        }
    }
    // The rest after whatever else the thread has to do (a sale, a settling job).
    if (more)
        m_mailbox.post([this] { flush(); });
    if (batch.isEmpty())
        return;
    QList<Result<ApplyResult>> results;
    const auto applyAll = [&]() -> Status {
        results.clear();
        results.reserve(batch.size());
        for (const Pending &item : std::as_const(batch))
            results.append(m_checkout.apply(item.snapshot.payNo, item.snapshot, Source::Notify));
        return success();
    };
    // Whole first; if one of them could not be applied, again with a savepoint each, so
    // that it alone is answered FAIL and the rest are kept.
    Status committed = m_database.transactionWithoutSavepoints(applyAll);
    if (!committed && std::any_of(results.cbegin(), results.cend(),
                                  [](const Result<ApplyResult> &result) { return !result; }))
        committed = m_database.transaction(applyAll);
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const Pending &item = batch.at(i);
        const QString &payNo = item.snapshot.payNo;
        if (!committed || !results.at(i)) {
            // Not committed, so not acknowledged: the provider will send it again.
            qCWarning(lcNotify) << "notification for" << payNo << "not stored:"
                                << (committed ? results.at(i).error().message
                                              : committed.error().message);
            answer(*item.provider, item.reply, false, payNo, u"STORE_ERROR"_s);
        } else if (results.at(i).value() == ApplyResult::Refused) {
            answer(*item.provider, item.reply, false, payNo, u"REFUSED"_s); // the funnel logged it
        } else {
            answer(*item.provider, item.reply, true, payNo, u"OK"_s);
        }
    }
}

void NotifyService::answer(PaymentProvider &provider, const HttpListener::Reply &reply,
                           bool accepted, const QString &payNo, const QString &message)
{
    reply(provider.notificationReply(accepted, message));
    Q_EMIT handled(provider.name(), payNo, accepted);
}

void NotifyService::refused(const QString &provider, const Error &error)
{
    const QDateTime now = m_checkout.now();
    if (!m_alertWindowStart.isValid() || m_alertWindowStart.secsTo(now) >= 60) {
        if (m_alertsInWindow > kMaxAlertsPerMinute)
            qCWarning(lcNotify) << m_alertsInWindow - kMaxAlertsPerMinute
                                << "more bad notification(s) in the last minute were refused "
                                   "without a log line or an alert";
        m_alertWindowStart = now;
        m_alertsInWindow = 0;
    }
    if (++m_alertsInWindow > kMaxAlertsPerMinute)
        return;
    qCWarning(lcNotify) << provider << "notification refused:" << error.name() << error.message;
    const QString detail =
        QString::fromUtf8(QJsonDocument(QJsonObject{{u"provider"_s, provider},
                                                    {u"code"_s, error.name()},
                                                    {u"message"_s, error.message}})
                              .toJson(QJsonDocument::Compact));
    // The notification was answered FAIL whether or not its alert is stored.
    if (auto logged =
            m_checkout.recordEvent(QString(), u"alert_bad_notification"_s, detail, Source::Notify);
        !logged)
        qCWarning(lcNotify) << "alert not logged:" << logged.error().message;
}

} // namespace shouyin
