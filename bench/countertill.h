#pragma once

// What the counter benchmarks share: the sandbox gateway on a thread of its own and the
// ledger (a fresh SQLite file, or a given database) on another, as in a training till,
// with a two-line cart of goods that never run out.

#include "checkout/checkout.h"
#include "pay/wechat/wechatconfig.h"
#include "sandbox/sandboxgateway.h"
#include "store/database.h"
#include "util/workerthread.h"

#include <QTemporaryDir>

#include <memory>

namespace shouyin::bench {

class CounterTill
{
public:
    // An empty `where` is a fresh SQLite file in a temporary directory.
    explicit CounterTill(std::optional<DatabaseSettings> where = std::nullopt);
    ~CounterTill();

    // The sandbox's merchant, HMAC-SHA256, as a till configures it.
    WechatConfig wechatConfig() const { return m_config; }
    Checkout &checkout() { return *m_checkout; }
    WorkerThread &ledgerThread() { return m_ledgerThread; }
    // Two waters and a chocolate: 12.50 yuan.
    const QList<CartLine> &cart() const { return m_cart; }

private:
    QTemporaryDir m_dir;
    WorkerThread m_gatewayThread{QStringLiteral("sandbox")};
    WorkerThread m_ledgerThread{QStringLiteral("ledger")};
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Checkout> m_checkout;
    WechatConfig m_config;
    QList<CartLine> m_cart;
};

} // namespace shouyin::bench
