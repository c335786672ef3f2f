#pragma once

#include "notify/httplistener.h"

#include <QDateTime>
#include <QObject>

namespace shouyin {

class Checkout;
class PaymentProvider;

// Turns the providers' payment notifications into funnel calls: one route per provider
// (`/notify/<name>`), verify before anything else, apply through Checkout, and answer
// in the provider's format only after the result is committed — so a notification is
// acknowledged exactly when it can never be lost, and repeats change nothing.
class NotifyService : public QObject
{
    Q_OBJECT
public:
    // Forged or garbled notifications are logged as alerts, but at most this many a
    // minute, so that a flood cannot fill the disk.
    static constexpr int kMaxAlertsPerMinute = 60;

    NotifyService(Checkout &checkout, HttpListener &listener, QObject *parent = nullptr);

    void addProvider(PaymentProvider &provider);
    static QByteArray pathFor(const PaymentProvider &provider);

Q_SIGNALS:
    // After each notification is answered; `accepted` is what the provider was told.
    void handled(const QString &provider, const QString &payNo, bool accepted);

private:
    void handle(PaymentProvider &provider, const HttpRequest &request, HttpListener::Reply reply);
    void alert(const QString &payNo, const QString &kind, const QString &detail);

    Checkout &m_checkout;
    HttpListener &m_listener;
    QDateTime m_alertWindowStart;
    int m_alertsInWindow = 0;
};

} // namespace shouyin
