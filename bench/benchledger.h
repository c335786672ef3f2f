#pragma once

// A real SQLite ledger in a temporary directory, filled fast for benchmarks: the rows a
// benchmark needs are written in one transaction, not through the per-sale API.

#include "checkout/checkout.h"
#include "pay/wechat/wechatconfig.h"
#include "store/database.h"
#include "store/orderstore.h"

#include <QTemporaryDir>

#include <memory>

namespace shouyin {
class PaymentProvider;
}

namespace shouyin::bench {

class BenchLedger
{
public:
    static constexpr Fen kAmount = 1250;

    BenchLedger();
    QString path() const;

    // `count` orders, each with one PENDING WeChat payment of kAmount; returns pay numbers.
    QStringList createPendingPayments(const PaymentProvider &provider, int count);
    // The same, in any till's database (a whole till's, built by PosApplication).
    static QStringList insertPendingPayments(Database &database, const PaymentProvider &provider,
                                             int count);
    // A genuine WeChat payment notification of `payNo`, signed as `merchant` signs.
    static QByteArray wechatNotification(const WechatConfig &merchant, const QString &payNo,
                                         Fen amount);
    int count(const QString &sql) const;

    std::unique_ptr<Database> database;
    std::unique_ptr<OrderStore> orders;
    std::unique_ptr<Checkout> checkout;

private:
    QTemporaryDir m_dir;
};

} // namespace shouyin::bench
