#include "notifyservice.h"

#include "checkout/checkout.h"
#include "pay/paymentprovider.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcNotify, "shouyin.notify")

NotifyService::NotifyService(Database &database, Checkout &checkout, HttpListener &listener,
                             QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_checkout(checkout)
    , m_listener(listener)
{}

QByteArray NotifyService::pathFor(const PaymentProvider &provider)
{
    return "/notify/" + provider.name().toLatin1();
}

void NotifyService::addProvider(PaymentProvider &provider)
{
    m_listener.route(pathFor(provider),
                     [this, &provider](const HttpRequest &request, HttpListener::Reply reply) {
                         handle(provider, request, std::move(reply));
                     });
}

void NotifyService::handle(PaymentProvider &provider, const HttpRequest &request,
                           HttpListener::Reply reply)
{
    auto snapshot = provider.parseNotification(request);
    if (!snapshot) {
        qCWarning(lcNotify) << provider.name() << "notification refused:" << snapshot.error().name()
                            << snapshot.error().message;
        alert(QString(), u"alert_bad_notification"_s,
              QString::fromUtf8(QJsonDocument(QJsonObject{{u"provider"_s, provider.name()},
                                                          {u"code"_s, snapshot.error().name()},
                                                          {u"message"_s, snapshot.error().message}})
                                    .toJson(QJsonDocument::Compact)));
        return answer(provider, reply, false, QString(), snapshot.error().name());
    }
    m_pending.append({&provider, std::move(snapshot).value(), std::move(reply)});
    if (m_pending.size() == 1)
        QTimer::singleShot(0, this, &NotifyService::flush); // gather what else has arrived
    else if (m_pending.size() >= kMaxBatch)
        flush();
}

void NotifyService::flush()
{
    if (m_pending.isEmpty())
        return;
    const QList<Pending> batch = std::exchange(m_pending, {});
    QList<Result<ApplyResult>> results;
    results.reserve(batch.size());
    const Status committed = m_database.transaction([&]() -> Status {
        for (const Pending &item : batch)
            results.append(m_checkout.apply(item.snapshot.payNo, item.snapshot, Source::Notify));
        return success();
    });
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

void NotifyService::alert(const QString &payNo, const QString &kind, const QString &detail)
{
    const QDateTime now = m_checkout.now();
    if (!m_alertWindowStart.isValid() || m_alertWindowStart.secsTo(now) >= 60) {
        if (m_alertsInWindow > kMaxAlertsPerMinute)
            qCWarning(lcNotify) << m_alertsInWindow - kMaxAlertsPerMinute
                                << "bad notification(s) in the last minute were not logged";
        m_alertWindowStart = now;
        m_alertsInWindow = 0;
    }
    if (++m_alertsInWindow > kMaxAlertsPerMinute)
        return;
    // The notification is answered FAIL whether or not its alert is stored.
    if (auto logged = m_checkout.recordEvent(payNo, kind, detail, Source::Notify); !logged)
        qCWarning(lcNotify) << kind << "not logged:" << logged.error().message;
}

} // namespace shouyin
