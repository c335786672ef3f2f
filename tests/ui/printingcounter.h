#pragma once

// What the counter suites that print share: a SQLite shop with a bottle of water (1.99)
// and a loaf of bread (12.80), WeChat Pay against the sandbox gateway on loopback, a
// Checkout with its client, and a receipt desk printing to a virtual ESC/POS printer on a
// loopback port. A suite adds its own services and its window.

#include "checkout/checkout.h"
#include "checkout/checkoutclient.h"
#include "pay/wechat/wechatv2provider.h"
#include "posservices.h"
#include "receiptdesk.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/orderstore.h"
#include "testdatabase.h"
#include "virtualescpos.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

namespace shouyin::testing {

class PrintingCounter
{
public:
    // False, with a warning, when a part could not be made.
    bool start()
    {
        if (!dir.isValid())
            return false;
        db = openTestDatabase(dir.filePath(QStringLiteral("pos.sqlite")));
        catalog = std::make_unique<Catalog>(*db);
        QBuffer csv;
        csv.setData("barcode,name,price_yuan,stock\n"
                    "6970000000017,测试 矿泉水 550ml,1.99,100\n"
                    "6970000000024,测试 全麦面包,12.80,20\n");
        if (!csv.open(QIODevice::ReadOnly) || !catalog->importCsv(csv))
            return fail("the catalogue");
        gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        if (gateway->listen() == 0)
            return fail("the sandbox gateway");
        wechat = std::make_unique<WechatV2Provider>(sandboxWechatConfig(*gateway));
        checkout = std::make_unique<Checkout>(*db, QStringLiteral("T01"));
        client = std::make_unique<CheckoutClient>(*checkout);
        orders = std::make_unique<OrderStore>(*db);

        printer = std::make_unique<VirtualEscPosPrinter>();
        if (!printer->listen())
            return fail("the virtual printer");
        PrinterConfig config;
        config.kind = PrinterConfig::Kind::EscPos;
        config.target = printer->tcpSpelling();
        config.shopName = QStringLiteral("测试便利店");
        auto made =
            ReceiptDesk::create(config, orders.get(), QTimeZone(QByteArrayLiteral("UTC")), true);
        if (!made)
            return fail("the receipt desk");
        desk = std::move(made).value();
        return true;
    }

    // The counter's part of a window's services: the sale, its reads, WeChat Pay, the
    // receipts; training.
    PosServices services() const
    {
        PosServices services;
        services.checkout = client.get();
        services.orders = orders.get();
        services.catalog = catalog.get();
        services.providers = {wechat.get()};
        services.training = true;
        services.receipts = desk.get();
        return services;
    }

    // In the order they are made, so that they go in the reverse.
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<SandboxGateway> gateway;
    std::unique_ptr<WechatV2Provider> wechat;
    std::unique_ptr<Checkout> checkout;
    std::unique_ptr<CheckoutClient> client;
    std::unique_ptr<OrderStore> orders;
    std::unique_ptr<VirtualEscPosPrinter> printer;
    std::unique_ptr<ReceiptDesk> desk;

private:
    static bool fail(const char *what)
    {
        qWarning("cannot make %s", what);
        return false;
    }
};

} // namespace shouyin::testing
