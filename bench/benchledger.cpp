#include "benchledger.h"

#include "pay/paymentprovider.h"

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
    QStringList payNos;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Status written = database->transaction([&]() -> Status {
        QSqlQuery order(database->connection());
        order.prepare(
            u"INSERT INTO orders (order_no, terminal_id, operator, status, total_fen, "
            "created_at, updated_at) VALUES (?, 'B01', 'bench', 'AWAITING_PAYMENT', ?, ?, ?)"_s);
        QSqlQuery payment(database->connection());
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

int BenchLedger::count(const QString &sql) const
{
    QSqlQuery query(database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace shouyin::bench
