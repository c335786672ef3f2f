#include "tillledger.h"

#include "checkout/checkout.h"
#include "checkout/paymentsettler.h"
#include "notify/notifyservice.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "pay/wechatv3/wechatv3provider.h"
#include "providerset.h"
#include "refund/refundbook.h"
#include "refund/refundsettler.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/orderstore.h"

#include <QFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcLedger, "shouyin.app.ledger")

TillLedger::~TillLedger() = default;

Result<std::unique_ptr<TillLedger>> TillLedger::open(const Options &options)
{
    std::unique_ptr<TillLedger> ledger(new TillLedger);
    if (auto built = ledger->build(options); !built)
        return built.error();
    return ledger;
}

Status TillLedger::build(const Options &options)
{
    auto database = Database::open(options.database);
    if (!database)
        return database.error();
    m_database = std::move(database).value();
    if (auto claimed = LedgerClaim::claim(*m_database, options.kind); !claimed)
        return claimed;
    Catalog catalog(*m_database, options.clock);
    QString csvPath = options.catalogCsv;
    if (csvPath.isEmpty() && options.kind == LedgerKind::Training && catalog.isEmpty())
        csvPath = u":/catalog/sample_products.csv"_s;
    if (!csvPath.isEmpty()) {
        QFile csv(csvPath);
        if (!csv.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Catalog, tr("Cannot read the catalogue %1.").arg(csvPath)};
        if (auto imported = catalog.importCsv(csv); !imported)
            return imported;
    }
    m_orders = std::make_unique<OrderStore>(*m_database);
    m_checkout = std::make_unique<Checkout>(*m_database, options.config.terminalId, options.clock);
    m_checkout->setSellsBeyondStock(options.config.goods.sellBeyondStock);
    m_checkout->setDiscountLimits(options.config.goods.discountLimits);
    m_providers = ProviderSet::build(options.config, options.clock);
    m_settler = std::make_unique<PaymentSettler>(*m_checkout, *m_orders, m_providers->registry);
    m_refunds = std::make_unique<RefundBook>(*m_database, m_checkout->jobs(),
                                             options.config.terminalId, options.clock);
    m_refundSettler =
        std::make_unique<RefundSettler>(*m_refunds, m_checkout->jobs(), m_providers->registry);
    if (options.listener) {
        m_notify = std::make_unique<NotifyService>(*m_database, *m_checkout, *options.listener);
        m_notify->addProvider(*m_providers->wechat);
        m_notify->addRefunds(*m_providers->wechat, *m_refunds);
        if (m_providers->wechatV3) {
            m_notify->addProvider(*m_providers->wechatV3);
            m_notify->addRefunds(*m_providers->wechatV3, *m_refunds);
        }
        if (m_providers->alipay)
            m_notify->addProvider(*m_providers->alipay);
    }
    // Back from an outage: what was open is looked at again, and the job table (which
    // other tills kept using) is read afresh.
    connect(m_database.get(), &Database::availabilityChanged, this, [this](bool available) {
        if (available) {
            m_settler->start();
            m_refundSettler->start();
        }
    });
    return success();
}

void TillLedger::start()
{
    // Only at start: later, an order without an attempt may be on the screen, waiting
    // for the cashier's retry.
    if (auto abandoned = m_checkout->cancelAbandonedOrders(); !abandoned)
        qCWarning(lcLedger) << "cannot cancel abandoned orders:" << abandoned.error().message;
    else if (*abandoned > 0)
        qCInfo(lcLedger) << "cancelled" << *abandoned << "order(s) abandoned by the last run";
    m_settler->start();
    m_refundSettler->start();
}

} // namespace shouyin
