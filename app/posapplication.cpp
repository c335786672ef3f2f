#include "posapplication.h"

#include "auth/settingseditor.h"
#include "auth/userstore.h"
#include "checkout/checkout.h"
#include "checkout/paymentsettler.h"
#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "posservices.h"
#include "report/dailyreporter.h"
#include "report/historyquery.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/trainingcustomer.h"
#include "store/catalog.h"
#include "store/changefeed.h"
#include "store/database.h"
#include "store/ledgerkind.h"
#include "store/orderstore.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcApp, "shouyin.app")

PosApplication::PosApplication(Options options)
    : m_options(std::move(options))
    , m_clock(m_options.config.timeZone)
{}

PosApplication::~PosApplication() = default;

Result<std::unique_ptr<PosApplication>> PosApplication::create(Options options)
{
    std::unique_ptr<PosApplication> app(new PosApplication(std::move(options)));
    if (auto built = app->build(); !built)
        return built.error();
    return app;
}

Status PosApplication::build()
{
    for (const QString &warning : std::as_const(m_options.config.warnings))
        qCWarning(lcApp).noquote() << warning;
    // The database first: a server still starting is waited for (databasewait.h), and
    // nothing else need be built for a try that fails.
    if (auto opened = openDatabase(); !opened)
        return opened;
    if (m_options.config.training) {
        if (auto started = startSandbox(); !started)
            return started;
    }
    m_listener = std::make_unique<HttpListener>();
    if (auto listening = startListener(); !listening)
        return listening;
    m_catalog = std::make_unique<Catalog>(*m_database);
    m_orders = std::make_unique<OrderStore>(*m_database);
    m_checkout = std::make_unique<Checkout>(*m_database, m_options.config.terminalId, m_clock);
    if (auto seeded = seedCatalog(); !seeded)
        return seeded;
    if (auto users = setUpUsers(); !users)
        return users;
    m_wechat = std::make_unique<WechatV2Provider>(m_options.config.wechat);
    m_notify = std::make_unique<NotifyService>(*m_database, *m_checkout, *m_listener);
    m_notify->addProvider(*m_wechat);
    // WeChat settles what it started even when the shop has stopped taking it; the
    // counter offers it only when it is configured (a shop may take Alipay alone).
    m_providers.add(*m_wechat, !m_options.config.wechat.appId.isEmpty());
    if (m_options.config.alipay.isConfigured()) {
        m_alipay = std::make_unique<AlipayProvider>(m_options.config.alipay, m_clock);
        m_notify->addProvider(*m_alipay);
        m_providers.add(*m_alipay);
    }
    m_providers.setDefault(m_options.config.defaultProvider);
    m_settler = std::make_unique<PaymentSettler>(*m_checkout, *m_orders, m_providers);
    m_changes = std::make_unique<ChangeFeed>(*m_database);
    // Back from an outage: what was open is looked at again, and the job table (which
    // other tills kept using) is read afresh.
    connect(m_database.get(), &Database::availabilityChanged, this, [this](bool available) {
        if (available)
            m_settler->start();
    });
    return success();
}

Status PosApplication::startSandbox()
{
    // Training never leaves this machine: the provider talks to a gateway on loopback
    // that signs with the sandbox's own sample merchant.
    const SandboxMerchant merchant = SandboxGateway::trainingMerchant();
    m_sandbox = std::make_unique<SandboxGateway>(merchant);
    if (m_sandbox->listen(QHostAddress::LocalHost, 0) == 0)
        return Error{ErrorCode::Sandbox, tr("The training gateway could not listen on 127.0.0.1.")};
    m_sandbox->setClock([clock = m_clock] { return clock.now(); });
    if (m_options.autoPayMs)
        m_sandbox->setAutoPayDelay(std::chrono::milliseconds(*m_options.autoPayMs));
    WechatConfig &wechat = m_options.config.wechat;
    wechat.appId = merchant.appId;
    wechat.merchantId = merchant.merchantId;
    wechat.key = merchant.key;
    wechat.baseUrl = m_sandbox->baseUrl();
    if (auto alipay = trainAlipay(); !alipay)
        return alipay;
    if (!m_options.config.notifyListen)
        m_options.config.notifyListen =
            std::pair<QHostAddress, quint16>(QHostAddress::LocalHost, 0);
    m_customer = std::make_unique<TrainingCustomer>(m_sandbox->baseUrl());
    qCInfo(lcApp) << "training mode: sandbox gateway at" << m_sandbox->baseUrl().toString();
    return success();
}

Status PosApplication::trainAlipay()
{
    const SandboxAlipayCredentials credentials = m_sandbox->alipayTrainingCredentials();
    auto appKey = crypto::RsaKey::fromPrivatePem(credentials.appPrivateKeyPem);
    auto alipayKey = crypto::RsaKey::fromPublicPem(credentials.alipayPublicKeyPem);
    if (!appKey || !alipayKey)
        return Error{ErrorCode::Sandbox, tr("The training gateway's Alipay keys are unusable.")};
    AlipayConfig &alipay = m_options.config.alipay;
    alipay.appId = credentials.appId;
    alipay.sellerId = credentials.sellerId;
    alipay.appPrivateKey = appKey.value();
    alipay.alipayPublicKey = alipayKey.value();
    alipay.gatewayUrl = m_sandbox->alipayGatewayUrl();
    return success();
}

Status PosApplication::startListener()
{
    const auto &listen = m_options.config.notifyListen;
    if (!listen)
        return success(); // polling alone settles every payment
    if (!m_listener->listen(listen->first, listen->second))
        return Error{ErrorCode::Notify, tr("The notification listener cannot listen on %1:%2: %3")
                                            .arg(listen->first.toString())
                                            .arg(listen->second)
                                            .arg(m_listener->errorString())};
    WechatConfig &wechat = m_options.config.wechat;
    // In training the sandbox notifies the listener directly; a real provider reaches it
    // through the shop's public URL.
    if (m_options.config.training) {
        wechat.notifyUrl = u"http://%1:%2/notify/wechat"_s.arg(m_listener->address().toString())
                               .arg(m_listener->port());
        m_options.config.alipay.notifyUrl =
            u"http://%1:%2/notify/alipay"_s.arg(m_listener->address().toString())
                .arg(m_listener->port());
    }
    qCInfo(lcApp) << "notification listener on" << m_listener->address().toString()
                  << m_listener->port();
    return success();
}

Status PosApplication::openDatabase()
{
    const bool training = m_options.config.training;
    // Training never opens the shop's [database]: only a file of its own (--db) or a
    // throw-away one. The ledger's mark refuses the wrong file besides (LedgerClaim).
    DatabaseSettings settings = training ? DatabaseSettings{} : m_options.config.database;
    if (settings.dialect == SqlDialect::Postgres) {
        auto database = Database::open(settings);
        if (!database)
            return database.error();
        m_database = std::move(database).value();
        m_databasePath = settings.describe();
        qCInfo(lcApp) << "database server" << m_databasePath;
        return LedgerClaim::claim(*m_database, LedgerKind::Shop);
    }
    m_databasePath = m_options.databasePath.isEmpty() ? settings.path : m_options.databasePath;
    if (m_databasePath.isEmpty() && training) {
        if (!m_trainingDir.isValid())
            return Error{ErrorCode::Store, tr("Cannot create a temporary directory for training.")};
        m_databasePath = m_trainingDir.filePath(u"training.sqlite"_s);
    } else if (m_databasePath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (!QDir().mkpath(dir))
            return Error{ErrorCode::Store, tr("Cannot create the data directory %1.").arg(dir)};
        m_databasePath = QDir(dir).filePath(u"shouyin.sqlite"_s);
    }
    auto database = Database::openSqlite(m_databasePath);
    if (!database)
        return database.error();
    m_database = std::move(database).value();
    qCInfo(lcApp) << "database" << m_databasePath;
    return LedgerClaim::claim(*m_database, training ? LedgerKind::Training : LedgerKind::Shop);
}

Status PosApplication::seedCatalog()
{
    QString csvPath = m_options.catalogCsv;
    if (csvPath.isEmpty() && m_options.config.training && m_catalog->isEmpty())
        csvPath = u":/catalog/sample_products.csv"_s;
    if (csvPath.isEmpty())
        return success();
    QFile csv(csvPath);
    if (!csv.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Catalog, tr("Cannot read the catalogue %1.").arg(csvPath)};
    return m_catalog->importCsv(csv);
}

Status PosApplication::setUpUsers()
{
    const bool training = m_options.config.training;
    m_users = std::make_unique<UserStore>(
        *m_database, UserStore::Options{training ? kTrainingIterations : 0, m_clock});
    m_history = std::make_unique<HistoryQuery>(*m_database, m_clock.zone());
    m_reports = std::make_unique<DailyReporter>(*m_database, m_clock.zone());
    if (!m_options.configPath.isEmpty())
        m_settingsEditor = std::make_unique<SettingsEditor>(m_options.configPath);
    // A real till's first manager is created by whoever starts it first (the window
    // asks); training has its known demo staff.
    if (!training)
        return success();
    if (!m_users->hasUsers()) {
        auto manager = m_users->createFirstManager(QString::fromUtf16(kDemoUsers[0].name),
                                                   QString::fromUtf16(kDemoUsers[0].pin));
        if (!manager)
            return manager.error();
        for (const DemoUser &user : kDemoUsers) {
            if (user.role == Role::Manager)
                continue;
            if (auto created = m_users->createUser(*manager, QString::fromUtf16(user.name),
                                                   user.role, QString::fromUtf16(user.pin));
                !created)
                return created;
        }
    }
    auto cashier = m_users->signIn(QString::fromUtf16(kDemoUsers[1].name),
                                   QString::fromUtf16(kDemoUsers[1].pin));
    if (cashier)
        m_startStaff = cashier.value();
    return success();
}

PosServices PosApplication::services() const
{
    PosServices services;
    services.checkout = m_checkout.get();
    services.orders = m_orders.get();
    services.catalog = m_catalog.get();
    services.providers = m_providers;
    if (TrainingCustomer *customer = m_customer.get())
        services.simulateCustomer = [customer](const QString &codeUrl, QObject *context,
                                               std::function<void(const Status &)> done) {
            customer->pay(codeUrl, context, std::move(done));
        };
    services.paymentOptions.lifetime = m_options.config.paymentLifetime;
    services.paymentOptions.operatorName = u"cashier"_s;
    services.training = m_options.config.training;
    services.operatorName = u"cashier"_s;
    services.users = m_users.get();
    services.history = m_history.get();
    services.reports = m_reports.get();
    services.settings = m_settingsEditor.get();
    services.staff = m_startStaff;
    services.database = m_database.get();
    services.changes = m_changes.get();
    services.shopName = m_options.config.training
                            ? tr("Training — terminal %1").arg(m_options.config.terminalId)
                            : tr("Terminal %1").arg(m_options.config.terminalId);
    return services;
}

void PosApplication::start()
{
    // Only at start: later, an order without an attempt may be on the screen, waiting
    // for the cashier's retry.
    if (auto abandoned = m_checkout->cancelAbandonedOrders(); !abandoned)
        qCWarning(lcApp) << "cannot cancel abandoned orders:" << abandoned.error().message;
    else if (*abandoned > 0)
        qCInfo(lcApp) << "cancelled" << *abandoned << "order(s) abandoned by the last run";
    m_settler->start();
}

} // namespace shouyin
