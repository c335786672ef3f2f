#include "notifyservice.h"

#include "checkout/checkout.h"
#include "pay/paymentprovider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcNotify, "shouyin.notify")

NotifyService::NotifyService(Checkout &checkout, HttpListener &listener, QObject *parent)
    : QObject(parent)
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
    const auto answer = [&](bool accepted, const QString &payNo, const QString &message) {
        reply({200, provider.notificationContentType(),
               provider.notificationReply(accepted, message)});
        Q_EMIT handled(provider.name(), payNo, accepted);
    };

    auto snapshot = provider.parseNotification(request.body);
    if (!snapshot) {
        qCWarning(lcNotify) << provider.name() << "notification refused:" << snapshot.error().code
                            << snapshot.error().message;
        alert(QString(), u"alert_bad_notification"_s,
              QString::fromUtf8(QJsonDocument(QJsonObject{{u"provider"_s, provider.name()},
                                                          {u"code"_s, snapshot.error().code},
                                                          {u"message"_s, snapshot.error().message}})
                                    .toJson(QJsonDocument::Compact)));
        return answer(false, QString(), snapshot.error().code);
    }
    const QString payNo = snapshot->payNo;
    auto applied = m_checkout.apply(payNo, snapshot.value(), Source::Notify);
    if (!applied) {
        // Not committed, so not acknowledged: the provider will send it again.
        qCWarning(lcNotify) << "notification for" << payNo
                            << "not stored:" << applied.error().message;
        return answer(false, payNo, u"STORE_ERROR"_s);
    }
    if (applied.value() == ApplyResult::Refused)
        return answer(false, payNo, u"REFUSED"_s); // the funnel logged the alert
    answer(true, payNo, u"OK"_s);
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
    m_checkout.recordAlert(payNo, kind, detail, Source::Notify);
}

} // namespace shouyin
