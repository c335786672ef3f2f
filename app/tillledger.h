#pragma once

#include "config/appconfig.h"
#include "store/ledgerkind.h"
#include "util/result.h"

#include <QObject>

#include <memory>

namespace shouyin {

class Checkout;
class Database;
class HttpListener;
class NotifyService;
class OrderStore;
class PaymentSettler;
class RefundBook;
class RefundSettler;
struct ProviderSet;

// Everything that writes the shop's data, together on the till's ledger thread: the
// database connection that thread owns, the Checkout (the funnel and its job queue),
// the settler with its own providers, and the notification service's writing half.
// The window reaches them only through queued calls (CheckoutClient) and signals, so
// no commit, disk flush or batch of notifications ever holds up a frame.
//
// Built, used and destroyed on that thread (WorkerThread::run).
class TillLedger : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        AppConfig config;          // the providers the settler talks to
        DatabaseSettings database; // where the ledger is
        LedgerKind kind = LedgerKind::Shop;
        // Imported before the first sale; empty: none, or in training the sample
        // catalogue when the ledger has no products yet.
        QString catalogCsv;
        HttpListener *listener = nullptr; // routes for the notifications; null: none
        ShopClock clock;
    };

    static Result<std::unique_ptr<TillLedger>> open(const Options &options);
    ~TillLedger() override;

    Database &database() { return *m_database; }
    Checkout &checkout() { return *m_checkout; }
    RefundBook &refunds() { return *m_refunds; }

    // Start-up recovery: orders the last run abandoned are cancelled, then every open
    // payment is looked at before anything else is settled, and every open refund.
    void start();

private:
    TillLedger() = default;
    Status build(const Options &options);

    std::unique_ptr<Database> m_database;
    std::unique_ptr<OrderStore> m_orders;
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<ProviderSet> m_providers;
    std::unique_ptr<PaymentSettler> m_settler;
    std::unique_ptr<RefundBook> m_refunds;
    std::unique_ptr<RefundSettler> m_refundSettler;
    std::unique_ptr<NotifyService> m_notify;
};

} // namespace shouyin
