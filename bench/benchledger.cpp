#include "benchledger.h"

#include "pay/paymentprovider.h"
#include "pay/wechat/wechatsigner.h"
#include "xml/flatxml.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin::bench {

BenchLedger::BenchLedger()
{
    auto opened = Database::openSqlite(path());
    if (!opened)
        qFatal("cannot open the bench database: %s", qPrintable(opened.error().message));
    database = std::move(opened).value();
    orders = std::make_unique<OrderStore>(*database);
    checkout = std::make_unique<Checkout>(*database, u"B01"_s);
}

QString BenchLedger::path() const
{
    return m_dir.filePath(u"bench.sqlite"_s);
}

QStringList BenchLedger::createPendingPayments(const PaymentProvider &provider, int count)
{
    return insertPendingPayments(*database, provider, count);
}

QStringList BenchLedger::insertPendingPayments(Database &database, const PaymentProvider &provider,
                                               int count)
{
    QStringList payNos;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Status written = database.transaction([&]() -> Status {
        QSqlQuery order(database.connection());
        order.prepare(
            u"INSERT INTO orders (order_no, terminal_id, operator, status, total_fen, "
            "created_at, updated_at) VALUES (?, 'B01', 'bench', 'AWAITING_PAYMENT', ?, ?, ?)"_s);
        QSqlQuery payment(database.connection());
        payment.prepare(u"INSERT INTO payments (order_id, pay_no, provider, app_id, merchant_id, "
                        "amount_fen, status, code_url, created_at, expires_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 'weixin://bench', ?, ?, ?)"_s);
        for (int i = 0; i < count; ++i) {
            order.addBindValue(u"B01-BENCH-%1"_s.arg(i));
            order.addBindValue(kAmount);
            order.addBindValue(now);
            order.addBindValue(now);
            if (!order.exec())
                qFatal("bench order insert failed");
            const QString payNo = u"B01BENCH%1"_s.arg(i, 8, 10, QChar(u'0'));
            payment.addBindValue(order.lastInsertId());
            payment.addBindValue(payNo);
            payment.addBindValue(provider.name());
            payment.addBindValue(provider.appId());
            payment.addBindValue(provider.merchantId());
            payment.addBindValue(kAmount);
            payment.addBindValue(now);
            payment.addBindValue(now + 600'000);
            payment.addBindValue(now);
            if (!payment.exec())
                qFatal("bench payment insert failed");
            payNos.append(payNo);
        }
        return success();
    });
    if (!written)
        qFatal("bench payments not written: %s", qPrintable(written.error().message));
    return payNos;
}

QByteArray BenchLedger::wechatNotification(const WechatConfig &merchant, const QString &payNo,
                                           Fen amount)
{
    Params params{{u"return_code"_s, u"SUCCESS"_s},
                  {u"result_code"_s, u"SUCCESS"_s},
                  {u"appid"_s, merchant.appId},
                  {u"mch_id"_s, merchant.merchantId},
                  {u"nonce_str"_s, u"benchnonce"_s},
                  {u"openid"_s, u"oBench"_s},
                  {u"trade_type"_s, u"NATIVE"_s},
                  {u"bank_type"_s, u"CMC"_s},
                  {u"total_fee"_s, QString::number(amount)},
                  {u"cash_fee"_s, QString::number(amount)},
                  {u"fee_type"_s, u"CNY"_s},
                  {u"transaction_id"_s, u"42"_s + payNo},
                  {u"out_trade_no"_s, payNo},
                  {u"time_end"_s, u"20261123170000"_s}};
    // Signed as the merchant is configured: an HMAC-SHA256 merchant takes no MD5.
    if (merchant.signType != WechatSignType::Md5)
        params.insert(u"sign_type"_s, WechatSigner::signTypeName(merchant.signType));
    params.insert(u"sign"_s, WechatSigner::sign(params, merchant.key, merchant.signType));
    return FlatXml::encode(params);
}

int BenchLedger::count(const QString &sql) const
{
    QSqlQuery query(database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace shouyin::bench
