#pragma once

#include "auth/staff.h"
#include "config/appconfig.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace shouyin {

struct TrainingCode;

class Catalog;
class ChangeFeed;
class CheckoutClient;
class RefundClient;
class DailyReporter;
class Database;
class HeldSales;
class HistoryQuery;
class HttpListener;
class OrderStore;
class ProductBook;
class ReceiptDesk;
class SandboxGateway;
class SettingsEditor;
class ShiftBook;
class TillLedger;
class TrainingCustomer;
class UserStore;
class WorkerThread;
struct PosServices;
struct ProviderSet;

// The services of one running till, built in dependency order and torn down in
// reverse. main() hands them to the window; nothing else constructs them.
//
// Threads (docs/threads.md): the window's thread paints, takes input and reads; the
// ledger thread owns the connection every change of the shop's data goes through
// (TillLedger); the listener has I/O threads of its own; in training the sandbox
// gateway has its own thread too, as a real gateway would be elsewhere.
class PosApplication : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        AppConfig config;
        // SQLite only (overrides [database] path); empty: throw-away file in training,
        // per-user data file otherwise.
        QString databasePath;
        QString catalogCsv;           // imported at start when given
        std::optional<int> autoPayMs; // training: the sandbox customer pays by itself
        QString configPath;           // the INI the manager's Settings page edits; empty: none
        // Training: WeChat Pay through API v3 (the sandbox's public-key merchant), not v2.
        bool trainWechatV3 = false;
    };

    // Training's demo users (README): their PINs are public, so their hashes are made
    // cheap enough for an instant start. The till starts signed in as the first cashier.
    static constexpr int kTrainingIterations = 10'000;
    struct DemoUser
    {
        const char16_t *name;
        Role role;
        const char16_t *pin;
    };
    static constexpr DemoUser kDemoUsers[] = {
        {u"店长", Role::Manager, u"1234"},
        {u"小王", Role::Cashier, u"1111"},
        {u"小李", Role::Cashier, u"2222"},
    };

    static Result<std::unique_ptr<PosApplication>> create(Options options);
    ~PosApplication() override;

    PosServices services() const;
    const AppConfig &config() const { return m_options.config; }
    QString databasePath() const { return m_databasePath; } // or user@host:port/name

    // Start-up recovery on the ledger thread: every payment left open is checked before
    // the first settling job runs. Returns at once.
    void start();

    // An object of the ledger thread, for queued calls from outside (tests, benchmarks).
    QObject *ledgerContext() const;

private:
    explicit PosApplication(Options options);
    Status build();
    Status startSandbox();
    Status trainSecapi();
    static QList<TrainingCode> trainingCodes();
    Status trainAlipay();   // the sandbox's Alipay app, keys and gateway
    Status trainWechatV3(); // the sandbox's merchant through API v3
    DatabaseSettings ledgerSettings();
    Status openLedger();
    Status startListener();
    Status openWindowData();
    Status setUpPrinter();
    Status setUpUsers();

    Options m_options;
    ShopClock m_clock; // the one every service and window reads
    QTemporaryDir m_trainingDir;
    QString m_databasePath;
    std::unique_ptr<WorkerThread> m_sandboxThread;
    std::unique_ptr<SandboxGateway> m_sandbox; // lives on m_sandboxThread
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<WorkerThread> m_ledgerThread;
    std::unique_ptr<TillLedger> m_ledger; // lives on m_ledgerThread
    // The window's thread.
    std::unique_ptr<Database> m_database; // its own connection: reads, users
    std::unique_ptr<ChangeFeed> m_changes;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<OrderStore> m_orders;
    std::unique_ptr<CheckoutClient> m_checkout;
    std::unique_ptr<RefundClient> m_refunds;  // to the RefundBook on the ledger thread
    std::unique_ptr<ProviderSet> m_providers; // the counter's: QR and polls
    std::unique_ptr<TrainingCustomer> m_customer;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<HistoryQuery> m_history;
    std::unique_ptr<DailyReporter> m_reports;
    std::unique_ptr<SettingsEditor> m_settingsEditor;
    std::unique_ptr<ReceiptDesk> m_receipts;
    std::unique_ptr<ShiftBook> m_shifts;
    std::unique_ptr<ProductBook> m_products;
    std::unique_ptr<HeldSales> m_heldSales;
    Staff m_startStaff; // signed in at start: training's demo cashier, else nobody
};

} // namespace shouyin
