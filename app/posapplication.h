#pragma once

#include "auth/staff.h"
#include "config/appconfig.h"
#include "pay/providerregistry.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace shouyin {

class AlipayProvider;
class Catalog;
class Checkout;
class DailyReporter;
class ChangeFeed;
class Database;
class HistoryQuery;
class HttpListener;
class NotifyService;
class OrderStore;
class PaymentSettler;
class SandboxGateway;
class SettingsEditor;
class TrainingCustomer;
class UserStore;
class WechatV2Provider;
struct PosServices;

// The services of one running till, built in dependency order and torn down in
// reverse. main() hands them to the window; nothing else constructs them.
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

    // Start-up recovery: every payment left open is checked before the first sale.
    void start();

private:
    explicit PosApplication(Options options);
    Status build();
    Status startSandbox();
    Status trainAlipay(); // the sandbox's Alipay app, keys and gateway
    Status openDatabase();
    Status seedCatalog();
    Status startListener();
    Status setUpUsers();

    Options m_options;
    ShopClock m_clock; // the one every service and window reads
    QTemporaryDir m_trainingDir;
    QString m_databasePath;
    std::unique_ptr<SandboxGateway> m_sandbox;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ChangeFeed> m_changes;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<OrderStore> m_orders;
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<WechatV2Provider> m_wechat;
    std::unique_ptr<AlipayProvider> m_alipay; // null when Alipay is not configured
    std::unique_ptr<TrainingCustomer> m_customer;
    ProviderRegistry m_providers;
    std::unique_ptr<PaymentSettler> m_settler;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<NotifyService> m_notify;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<HistoryQuery> m_history;
    std::unique_ptr<DailyReporter> m_reports;
    std::unique_ptr<SettingsEditor> m_settingsEditor;
    Staff m_startStaff; // signed in at start: training's demo cashier, else nobody
};

} // namespace shouyin
