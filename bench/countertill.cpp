#include "countertill.h"

#include "store/catalog.h"

#include <QBuffer>

using namespace Qt::StringLiterals;

namespace shouyin::bench {

CounterTill::CounterTill(std::optional<DatabaseSettings> where)
{
    const SandboxMerchant merchant = SandboxGateway::trainingMerchant();
    const QUrl gatewayUrl = m_gatewayThread.run([&] {
        m_gateway = std::make_unique<SandboxGateway>(merchant);
        return m_gateway->listen() ? m_gateway->baseUrl() : QUrl();
    });
    if (gatewayUrl.isEmpty())
        qFatal("the sandbox cannot listen");
    m_config.appId = merchant.appId;
    m_config.merchantId = merchant.merchantId;
    m_config.key = merchant.key;
    m_config.baseUrl = gatewayUrl;
    m_config.signType = WechatSignType::HmacSha256;
    m_config.notifyUrl = u"http://127.0.0.1:9/notify/wechat"_s; // required; never called here

    const DatabaseSettings settings =
        where.value_or(DatabaseSettings::sqlite(m_dir.filePath(u"counter.sqlite"_s)));
    m_cart = m_ledgerThread.run([&] {
        auto opened = Database::open(settings);
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        m_database = std::move(opened).value();
        Catalog catalog(*m_database);
        QBuffer csv;
        csv.setData("barcode,name,price_yuan,stock\n6901,Water 550ml,2.00,10000000\n"
                    "6903,Chocolate,8.50,10000000\n");
        csv.open(QIODevice::ReadOnly);
        if (!catalog.importCsv(csv))
            qFatal("cannot import the bench catalogue");
        m_checkout = std::make_unique<Checkout>(*m_database, u"B01"_s);
        return QList<CartLine>{{catalog.byBarcode(u"6901"_s)->id, 2},
                               {catalog.byBarcode(u"6903"_s)->id, 1}};
    });
}

CounterTill::~CounterTill()
{
    // Each made on its own thread, each goes there.
    m_ledgerThread.run([this] {
        m_checkout.reset();
        m_database.reset();
    });
    m_gatewayThread.run([this] { m_gateway.reset(); });
}

} // namespace shouyin::bench
