#include "posapplication.h"

#include "auth/settingseditor.h"
#include "auth/userstore.h"
#include "checkout/checkout.h"
#include "checkout/checkoutclient.h"
#include "notify/httplistener.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "posservices.h"
#include "providerset.h"
#include "receiptdesk.h"
#include "refund/refundclient.h"
#include "report/dailyreporter.h"
#include "report/historyquery.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/sandboxwechatv3config.h"
#include "sandbox/trainingcustomer.h"
#include "shift/shiftbook.h"
#include "store/catalog.h"
#include "store/changefeed.h"
#include "store/database.h"
#include "store/heldsales.h"
#include "store/orderstore.h"
#include "store/productbook.h"
#include "tillledger.h"
#include "util/workerthread.h"

#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcApp, "shouyin.app")

PosApplication::PosApplication(Options options)
    : m_options(std::move(options))
    , m_clock(m_options.config.timeZone)
{}

PosApplication::~PosApplication()
{
    // No notification reaches a service that is going, and no answer of the ledger a
    // window that is gone; the ledger's objects go on the thread they lived on.
    m_listener.reset();
    m_checkout.reset();
    if (m_ledgerThread)
        m_ledgerThread->run([this] { m_ledger.reset(); });
    m_ledgerThread.reset();
    if (m_sandboxThread)
        m_sandboxThread->run([this] { m_sandbox.reset(); });
    m_sandboxThread.reset();
}

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
    if (m_options.config.training) {
        if (auto started = startSandbox(); !started)
            return started;
    }
    m_listener = std::make_unique<HttpListener>();
    // The ledger first: a database server still starting is waited for (databasewait.h),
    // and it adds the listener's routes before the listener takes a request.
    if (auto opened = openLedger(); !opened)
        return opened;
    if (auto listening = startListener(); !listening)
        return listening;
    if (auto opened = openWindowData(); !opened)
        return opened;
    m_providers = ProviderSet::build(m_options.config, m_clock);
    if (auto printer = setUpPrinter(); !printer)
        return printer;
    return setUpUsers();
}

Status PosApplication::setUpPrinter()
{
    PrinterConfig printer = m_options.config.printer;
    // Training prints every receipt as a PDF beside its throw-away database, unless a
    // printer is configured to practise on.
    if (m_options.config.training && !m_options.config.printerConfigured) {
        PrinterConfig pdf = PrinterConfig::trainingDefaults(m_trainingDir.filePath(u"receipts"_s));
        pdf.shopName = printer.shopName;
        pdf.address = printer.address;
        printer = pdf;
    }
    if (printer.shopName.isEmpty())
        printer.shopName = m_options.config.training
                               ? tr("Shouyin training shop")
                               : tr("Terminal %1").arg(m_options.config.terminalId);
    auto desk =
        ReceiptDesk::create(printer, m_orders.get(), m_clock.zone(), m_options.config.training);
    if (!desk)
        return desk.error();
    m_receipts = std::move(desk).value();
    return success();
}

Status PosApplication::startSandbox()
{
    // Training never leaves this machine: the provider talks to a gateway on loopback
    // that signs with the sandbox's own sample merchant. It answers on a thread of its
    // own, as a real gateway would elsewhere, never on the window's.
    const SandboxMerchant merchant = SandboxGateway::trainingMerchant();
    m_sandboxThread = std::make_unique<WorkerThread>(u"sandbox"_s);
    const bool listening = m_sandboxThread->run([this, &merchant] {
        m_sandbox = std::make_unique<SandboxGateway>(merchant);
        m_sandbox->setClock([clock = m_clock] { return clock.now(); });
        if (m_options.autoPayMs)
            m_sandbox->setAutoPayDelay(std::chrono::milliseconds(*m_options.autoPayMs));
        return m_sandbox->listen(QHostAddress::LocalHost, 0) != 0;
    });
    if (!listening)
        return Error{ErrorCode::Sandbox, tr("The training gateway could not listen on 127.0.0.1.")};
    const QUrl baseUrl = m_sandboxThread->run([this] { return m_sandbox->baseUrl(); });
    WechatConfig &wechat = m_options.config.wechat;
    wechat.appId = merchant.appId;
    wechat.merchantId = merchant.merchantId;
    wechat.key = merchant.key;
    wechat.baseUrl = baseUrl;
    if (auto secure = trainSecapi(); !secure)
        return secure;
    if (auto alipay = trainAlipay(); !alipay)
        return alipay;
    if (m_options.trainWechatV3) {
        if (auto v3 = trainWechatV3(); !v3)
            return v3;
    }
    if (!m_options.config.notifyListen)
        m_options.config.notifyListen =
            std::pair<QHostAddress, quint16>(QHostAddress::LocalHost, 0);
    m_customer = std::make_unique<TrainingCustomer>(baseUrl);
    qCInfo(lcApp) << "training mode: sandbox gateway at" << baseUrl.toString();
    return success();
}

Status PosApplication::trainSecapi()
{
    // The calls that give money back (reverse, refund) go over TLS with the merchant's
    // client certificate, in training too: the sandbox made a throw-away CA for both ends.
    const auto [secureUrl, tls] = m_sandboxThread->run([this] {
        const bool listening = m_sandbox->listenSecure(QHostAddress::LocalHost, 0) != 0;
        return std::pair(listening ? m_sandbox->secureBaseUrl() : QUrl(), m_sandbox->tls());
    });
    if (secureUrl.isEmpty())
        return Error{ErrorCode::Sandbox,
                     tr("The training gateway could not listen for TLS on 127.0.0.1.")};
    WechatConfig &wechat = m_options.config.wechat;
    wechat.secapiBaseUrl = secureUrl;
    wechat.gatewayCaCertificates = {tls.ca};
    wechat.clientCertificate = ClientCertificate();
    wechat.clientCertificate.certificate = tls.clientCertificate;
    wechat.clientCertificate.key = tls.clientKey;
    return success();
}

Status PosApplication::trainAlipay()
{
    const auto [credentials, gatewayUrl] = m_sandboxThread->run([this] {
        return std::pair(m_sandbox->alipayTrainingCredentials(), m_sandbox->alipayGatewayUrl());
    });
    auto appKey = crypto::RsaKey::fromPrivatePem(credentials.appPrivateKeyPem);
    auto alipayKey = crypto::RsaKey::fromPublicPem(credentials.alipayPublicKeyPem);
    if (!appKey || !alipayKey)
        return Error{ErrorCode::Sandbox, tr("The training gateway's Alipay keys are unusable.")};
    AlipayConfig &alipay = m_options.config.alipay;
    alipay.appId = credentials.appId;
    alipay.sellerId = credentials.sellerId;
    alipay.appPrivateKey = appKey.value();
    alipay.alipayPublicKey = alipayKey.value();
    alipay.gatewayUrl = gatewayUrl;
    return success();
}

Status PosApplication::trainWechatV3()
{
    const auto [credentials, baseUrl] = m_sandboxThread->run([this] {
        return std::pair(m_sandbox->wechatV3TrainingCredentials(), m_sandbox->baseUrl());
    });
    WechatV3Config v3 = sandboxWechatV3Config(credentials, baseUrl);
    if (!v3.isConfigured())
        return Error{ErrorCode::Sandbox,
                     tr("The training gateway's WeChat Pay v3 keys are unusable.")};
    v3.timeoutMs = m_options.config.wechat.timeoutMs;
    m_options.config.wechatV3 = std::move(v3);
    return success();
}

DatabaseSettings PosApplication::ledgerSettings()
{
    const bool training = m_options.config.training;
    // Training never opens the shop's [database]: only a file of its own (--db) or a
    // throw-away one. The ledger's mark refuses the wrong file besides (LedgerClaim).
    DatabaseSettings settings = training ? DatabaseSettings{} : m_options.config.database;
    if (settings.dialect == SqlDialect::Postgres) {
        m_databasePath = settings.describe();
        return settings;
    }
    m_databasePath = m_options.databasePath.isEmpty() ? settings.path : m_options.databasePath;
    if (m_databasePath.isEmpty() && training) {
        if (m_trainingDir.isValid())
            m_databasePath = m_trainingDir.filePath(u"training.sqlite"_s);
    } else if (m_databasePath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        m_databasePath = QDir(dir).filePath(u"shouyin.sqlite"_s);
    }
    return DatabaseSettings::sqlite(m_databasePath);
}

Status PosApplication::openLedger()
{
    TillLedger::Options options;
    options.config = m_options.config;
    options.database = ledgerSettings();
    if (options.database.dialect == SqlDialect::Sqlite && m_databasePath.isEmpty())
        return Error{ErrorCode::Store, tr("Cannot create a temporary directory for training.")};
    options.kind = m_options.config.training ? LedgerKind::Training : LedgerKind::Shop;
    options.catalogCsv = m_options.catalogCsv;
    options.listener = m_listener.get();
    options.clock = m_clock;
    m_ledgerThread = std::make_unique<WorkerThread>(u"ledger"_s);
    auto ledger = m_ledgerThread->run([&options] { return TillLedger::open(options); });
    if (!ledger)
        return ledger.error();
    m_ledger = std::move(ledger).value();
    qCInfo(lcApp) << "database" << m_databasePath;
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
    // In training the sandbox notifies the listener directly; a real provider reaches it
    // through the shop's public URL. Only the counter's providers send it.
    if (m_options.config.training) {
        const QString base =
            u"http://%1:%2"_s.arg(m_listener->address().toString()).arg(m_listener->port());
        m_options.config.wechat.notifyUrl = base + u"/notify/wechat"_s;
        m_options.config.wechat.refundNotifyUrl = base + u"/notify/wechat/refund"_s;
        m_options.config.wechatV3.notifyUrl = base + u"/notify/wechat/v3"_s;
        m_options.config.wechatV3.refundNotifyUrl = base + u"/notify/wechat/v3/refund"_s;
        m_options.config.alipay.notifyUrl = base + u"/notify/alipay"_s;
    }
    qCInfo(lcApp) << "notification listener on" << m_listener->address().toString()
                  << m_listener->port();
    return success();
}

Status PosApplication::openWindowData()
{
    // The window reads through a connection of its own: on SQLite (WAL) a read never
    // waits for the ledger's writes, and the ledger has migrated and marked it already.
    auto database = Database::open(m_ledger->database().settings());
    if (!database)
        return database.error();
    m_database = std::move(database).value();
    m_catalog = std::make_unique<Catalog>(*m_database, m_clock);
    m_orders = std::make_unique<OrderStore>(*m_database);
    m_changes = std::make_unique<ChangeFeed>(*m_database);
    m_checkout = std::make_unique<CheckoutClient>(m_ledger->checkout());
    m_refunds = std::make_unique<RefundClient>(m_ledger->refunds());
    // Shifts change rarely and by hand (a float, a count): on the window's connection,
    // like the users.
    m_shifts = std::make_unique<ShiftBook>(*m_database, m_options.config.terminalId, m_clock);
    // Products and held sales change by hand, a row at a time: on the window's connection too.
    m_products = std::make_unique<ProductBook>(*m_database, m_clock);
    m_heldSales = std::make_unique<HeldSales>(*m_database, m_options.config.terminalId, m_clock);
    return success();
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

QList<TrainingCode> PosApplication::trainingCodes()
{
    // The sandbox's sample codes, one per answer a customer's code can get, named as the
    // sandbox names its customers. Static data of the sandbox: read here without going to
    // its thread.
    static const CodeCustomer kCustomers[] = {
        CodeCustomer::PaysAtOnce,       CodeCustomer::ConfirmsAfter,    CodeCustomer::NeverConfirms,
        CodeCustomer::WrongPassword,    CodeCustomer::NotEnoughBalance, CodeCustomer::CodeExpired,
        CodeCustomer::CardNotSupported,
    };
    QList<TrainingCode> codes;
    for (const QString &provider : {u"wechat"_s, u"alipay"_s}) {
        for (const CodeCustomer customer : kCustomers)
            codes.append({provider, codeCustomerName(customer),
                          SandboxGateway::sampleCode(provider, customer)});
    }
    return codes;
}

PosServices PosApplication::services() const
{
    PosServices services;
    services.checkout = m_checkout.get();
    services.orders = m_orders.get();
    services.catalog = m_catalog.get();
    services.providers = m_providers->registry;
    if (TrainingCustomer *customer = m_customer.get())
        services.simulateCustomer = [customer](const QString &codeUrl, QObject *context,
                                               std::function<void(const Status &)> done) {
            customer->pay(codeUrl, context, std::move(done));
        };
    if (m_sandbox)
        services.trainingCodes = trainingCodes();
    services.paymentOptions.lifetime = m_options.config.paymentLifetime;
    services.paymentOptions.operatorName = u"cashier"_s;
    services.training = m_options.config.training;
    services.operatorName = u"cashier"_s;
    services.users = m_users.get();
    services.history = m_history.get();
    services.reports = m_reports.get();
    services.settings = m_settingsEditor.get();
    services.products = m_products.get();
    services.heldSales = m_heldSales.get();
    services.scales = m_options.config.goods.scales;
    services.discountLimits = m_options.config.goods.discountLimits;
    services.roundOff = m_options.config.goods.roundOff;
    services.staff = m_startStaff;
    services.database = m_database.get();
    services.changes = m_changes.get();
    services.receipts = m_receipts.get();
    services.shifts = m_shifts.get();
    services.refunds = m_refunds.get();
    services.shopName = m_options.config.training
                            ? tr("Training — terminal %1").arg(m_options.config.terminalId)
                            : tr("Terminal %1").arg(m_options.config.terminalId);
    return services;
}

void PosApplication::start()
{
    QMetaObject::invokeMethod(
        ledgerContext(), [ledger = m_ledger.get()] { ledger->start(); }, Qt::QueuedConnection);
}

QObject *PosApplication::ledgerContext() const
{
    return m_ledgerThread->context();
}

} // namespace shouyin
