#pragma once

#include "config/appconfig.h"
#include "util/result.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace shouyin {

class Catalog;
class Checkout;
class Database;
class HttpListener;
class NotifyService;
class OrderStore;
class PaymentSettler;
class SandboxGateway;
class TrainingCustomer;
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
        QString databasePath; // empty: throw-away file in training, per-user data file otherwise
        QString catalogCsv;   // imported at start when given
        std::optional<int> autoPayMs; // training: the sandbox customer pays by itself
    };

    static Result<std::unique_ptr<PosApplication>> create(Options options);
    ~PosApplication() override;

    PosServices services() const;
    const AppConfig &config() const { return m_options.config; }
    QString databasePath() const { return m_databasePath; }

    // Start-up recovery: every payment left open is checked before the first sale.
    void start();

private:
    explicit PosApplication(Options options);
    Status build();
    Status startSandbox();
    Status openDatabase();
    Status seedCatalog();
    Status startListener();

    Options m_options;
    QTemporaryDir m_trainingDir;
    QString m_databasePath;
    std::unique_ptr<SandboxGateway> m_sandbox;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<OrderStore> m_orders;
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<WechatV2Provider> m_wechat;
    std::unique_ptr<TrainingCustomer> m_customer;
    std::unique_ptr<PaymentSettler> m_settler;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<NotifyService> m_notify;
};

} // namespace shouyin
