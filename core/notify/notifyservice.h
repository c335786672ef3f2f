#pragma once

#include "notify/httplistener.h"
#include "pay/tradestate.h"

#include <QDateTime>
#include <QObject>

namespace shouyin {

class Checkout;
class Database;
class PaymentProvider;

// Turns the providers' payment notifications into funnel calls: one route per provider
// (`/notify/<name>`), verify before anything else, apply through Checkout, and answer
// in the provider's format only after the result is committed — so a notification is
// acknowledged exactly when it can never be lost, and repeats change nothing.
//
// Verified notifications that arrive together are applied in one transaction (each in
// its own savepoint) and answered after its single commit: one disk flush for the
// batch instead of one per notification.
class NotifyService : public QObject
{
    Q_OBJECT
public:
    // Forged or garbled notifications are logged as alerts, but at most this many a
    // minute, so that a flood cannot fill the disk.
    static constexpr int kMaxAlertsPerMinute = 60;
    static constexpr int kMaxBatch = 512;

    NotifyService(Database &database, Checkout &checkout, HttpListener &listener,
                  QObject *parent = nullptr);

    void addProvider(PaymentProvider &provider);
    static QByteArray pathFor(const PaymentProvider &provider);

Q_SIGNALS:
    // After each notification is answered; `accepted` is what the provider was told.
    void handled(const QString &provider, const QString &payNo, bool accepted);

private:
    struct Pending
    {
        PaymentProvider *provider;
        TradeSnapshot snapshot;
        HttpListener::Reply reply;
    };

    void handle(PaymentProvider &provider, const HttpRequest &request, HttpListener::Reply reply);
    void flush();
    void answer(PaymentProvider &provider, const HttpListener::Reply &reply, bool accepted,
                const QString &payNo, const QString &message);
    void alert(const QString &payNo, const QString &kind, const QString &detail);

    Database &m_database;
    Checkout &m_checkout;
    QList<Pending> m_pending;
    HttpListener &m_listener;
    QDateTime m_alertWindowStart;
    int m_alertsInWindow = 0;
};

} // namespace shouyin
