#pragma once

#include "notify/httplistener.h"
#include "pay/tradestate.h"
#include "util/mailbox.h"
#include "util/result.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <QReadWriteLock>

#include <memory>

namespace shouyin {

class Checkout;
class Database;
class PaymentProvider;
class RefundBook;
struct RefundSnapshot;

// Turns the providers' payment notifications into funnel calls: one route per provider
// (`/notify/<name>`), verify before anything else, apply through Checkout, and answer
// in the provider's format only after the result is committed — so a notification is
// acknowledged exactly when it can never be lost, and repeats change nothing.
//
// Two threads share the work. The listener's I/O threads parse and verify each request
// (handle()), answer a forged or garbled one at once, and queue a verified one. The
// service's own thread — the ledger thread, which owns the database connection and the
// Checkout — applies what is queued in one transaction (each in its own savepoint) and
// answers it after the single commit: one disk flush for every notification that came
// in while the previous batch was being written.
class NotifyService : public QObject
{
    Q_OBJECT
public:
    // Forged or garbled notifications are logged as alerts, but at most this many a
    // minute, so that a flood cannot fill the disk (or the log).
    static constexpr int kMaxAlertsPerMinute = 60;
    static constexpr int kMaxBatch = 512;

    // Lives on the thread of `database` and `checkout`. It may go before the listener
    // does: from then on its routes answer 503, and none of its code runs.
    NotifyService(Database &database, Checkout &checkout, HttpListener &listener,
                  QObject *parent = nullptr);
    ~NotifyService() override;

    // Before the listener listens. The provider's parseNotification() and
    // notificationReply() are called from the listener's threads, so they must not
    // touch anything another thread changes without a lock (v3's keys are the one thing
    // that changes, under its own mutex).
    void addProvider(PaymentProvider &provider);
    static QByteArray pathFor(const PaymentProvider &provider);
    // The provider's refund results (`/notify/<name>/refund`), applied through `book`,
    // which lives on this service's thread. Rare enough to be written one at a time.
    // Ignored for a provider that cannot refund.
    void addRefunds(PaymentProvider &provider, RefundBook &book);
    static QByteArray refundPathFor(const PaymentProvider &provider);

Q_SIGNALS:
    // On the service's thread, after each notification is answered; `accepted` is what
    // the provider was told.
    void handled(const QString &provider, const QString &payNo, bool accepted);

private:
    struct Pending
    {
        PaymentProvider *provider;
        TradeSnapshot snapshot;
        HttpListener::Reply reply;
    };

    // The listener's threads.
    void handle(PaymentProvider &provider, const HttpRequest &request, HttpListener::Reply reply);
    // The service's thread.
    void flush();
    void handleRefund(PaymentProvider &provider, RefundBook &book, const HttpRequest &request,
                      HttpListener::Reply reply);
    void applyRefund(PaymentProvider &provider, RefundBook &book, const RefundSnapshot &snapshot,
                     const HttpListener::Reply &reply);
    void refused(const QString &provider, const Error &error);
    void answer(PaymentProvider &provider, const HttpListener::Reply &reply, bool accepted,
                const QString &payNo, const QString &message);

    // Held (shared) by every handler call on the listener's threads; the destructor takes
    // it alone and closes it, so that no call is half-way through a service that is gone.
    struct Gate
    {
        QReadWriteLock lock;
        bool open = true;
    };

    Database &m_database;
    Checkout &m_checkout;
    HttpListener &m_listener;
    std::shared_ptr<Gate> m_gate = std::make_shared<Gate>();
    Mailbox m_mailbox;
    QMutex m_queueLock;
    QList<Pending> m_queue; // verified, waiting for the next batch
    QDateTime m_alertWindowStart;
    int m_alertsInWindow = 0;
};

} // namespace shouyin
