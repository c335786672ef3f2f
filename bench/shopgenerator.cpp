#include "shopgenerator.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

using namespace Qt::StringLiterals;

namespace shouyin::bench {

namespace {

constexpr qint64 kDayMs = 86'400'000;
// Opening hours 08:00-22:00 local: every order falls in them.
constexpr qint64 kOpenMs = 8 * 3'600'000;
constexpr qint64 kOpenLengthMs = 14 * 3'600'000;

class Inserter
{
public:
    Inserter(Database &database, const QString &sql)
        : m_query(database.connection())
    {
        if (!m_query.prepare(sql))
            qFatal("prepare failed: %s", qPrintable(m_query.lastError().text()));
    }

    qint64 run(std::initializer_list<QVariant> values)
    {
        int i = 0;
        for (const QVariant &value : values)
            m_query.bindValue(i++, value);
        if (!m_query.exec())
            qFatal("insert failed: %s", qPrintable(m_query.lastError().text()));
        ++m_rows;
        return m_query.lastInsertId().toLongLong();
    }
    qint64 rows() const { return m_rows; }

private:
    QSqlQuery m_query;
    qint64 m_rows = 0;
};

const QVariant kNull = QVariant(QMetaType::fromType<QString>());

} // namespace

const QStringList &ShopGenerator::cashiers()
{
    static const QStringList names{u"小王"_s, u"小李"_s, u"小张"_s, u"小刘"_s,
                                   u"小陈"_s, u"小杨"_s, u"小赵"_s, u"小黄"_s};
    return names;
}

const QStringList &ShopGenerator::terminals()
{
    static const QStringList ids{u"T01"_s, u"T02"_s, u"T03"_s, u"T04"_s};
    return ids;
}

const QStringList &ShopGenerator::providers()
{
    static const QStringList names{u"wechat"_s, u"alipay"_s};
    return names;
}

ShopGenerator::Stats ShopGenerator::generate(Database &database, const Plan &plan)
{
    QElapsedTimer timer;
    timer.start();
    QRandomGenerator random(plan.seed);
    Stats stats;
    const auto status = database.transaction([&]() -> Status {
        Inserter order(database,
                       u"INSERT INTO orders (order_no, terminal_id, operator, status, total_fen, "
                       "created_at, updated_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
        Inserter item(database, u"INSERT INTO order_items (order_id, product_id, barcode, name, "
                                "unit_price_fen, quantity) VALUES (?, NULL, ?, ?, ?, ?)"_s);
        Inserter payment(database,
                         u"INSERT INTO payments (order_id, pay_no, provider, app_id, merchant_id, "
                         "amount_fen, status, code_url, transaction_id, created_at, expires_at, "
                         "updated_at, paid_at) VALUES (?, ?, ?, 'wxbench', '1900000109', ?, ?, "
                         "'weixin://wxpay/bizpayurl?pr=bench', ?, ?, ?, ?, ?)"_s);
        Inserter event(database, u"INSERT INTO events (at, order_id, payment_id, kind, source, "
                                 "operator, from_status, to_status, detail) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        const std::array<QString, 3> goods{u"农夫山泉 550ml"_s, u"康师傅 红烧牛肉面"_s,
                                           u"德芙 巧克力, 43g"_s};
        const std::array<qint64, 3> prices{200, 450, 850};

        qint64 payNo = 0;
        const qint64 perDay = plan.orders / plan.days;
        for (int d = 0; d < plan.days; ++d) {
            const QDate day = plan.lastDay.addDays(d - plan.days + 1);
            const qint64 dayStart = day.startOfDay(plan.zone).toMSecsSinceEpoch();
            const qint64 count = d == plan.days - 1 ? plan.orders - perDay * d : perDay;
            const QString dayText = day.toString(u"yyyyMMdd"_s);
            QList<int> sequence(terminals().size(), 0);
            for (qint64 i = 0; i < count; ++i) {
                // Evenly spread over the opening hours, in order.
                const qint64 created =
                    dayStart + kOpenMs + i * kOpenLengthMs / count + random.bounded(1000);
                const int t = random.bounded(int(terminals().size()));
                const QString terminal = terminals().at(t);
                const QString cashier = cashiers().at(t * 2 + random.bounded(2));
                const QString provider =
                    random.bounded(100) < 75 ? providers().at(0) : providers().at(1);
                const int lines = 1 + random.bounded(2);
                qint64 total = 0;
                std::array<int, 2> kinds{};
                for (int l = 0; l < lines; ++l) {
                    kinds[l] = random.bounded(3);
                    total += prices[kinds[l]];
                }
                const int roll = random.bounded(1000);
                // 92 % paid, 3.9 % expired, 2 % cancelled at the QR, 2 % before any QR,
                // 0.1 % left open; 2 % of the paid ones had a first attempt closed.
                const bool paid = roll < 920;
                const bool expired = roll >= 920 && roll < 959;
                const bool cancelledAtQr = roll >= 959 && roll < 979;
                const bool cancelledEarly = roll >= 979 && roll < 999;
                const bool open = roll >= 999;
                const qint64 paidAt = created + 20'000 + random.bounded(40'000);
                const QString orderStatus = paid   ? u"PAID"_s
                                            : open ? u"AWAITING_PAYMENT"_s
                                                   : u"CANCELLED"_s;
                const QString orderNo =
                    u"%1-%2-%3"_s.arg(terminal, dayText).arg(++sequence[t], 4, 10, QChar(u'0'));
                const qint64 orderId =
                    order.run({orderNo, terminal, cashier, orderStatus, total, created,
                               paid ? paidAt : created + 600'000, paid ? QVariant(paidAt) : kNull});
                for (int l = 0; l < lines; ++l)
                    item.run({orderId, u"69%1"_s.arg(kinds[l] + 1, 11, 10, QChar(u'0')),
                              goods[kinds[l]], prices[kinds[l]], 1});
                event.run({created, orderId, kNull, u"order_created"_s, u"cashier"_s, cashier,
                           kNull, u"AWAITING_PAYMENT"_s,
                           u"{\"items\":%1,\"total_fen\":%2}"_s.arg(lines).arg(total)});
                if (cancelledEarly) {
                    event.run({created + 15'000, orderId, kNull, u"order_cancelled"_s, u"cashier"_s,
                               cashier, u"AWAITING_PAYMENT"_s, u"CANCELLED"_s, kNull});
                    continue;
                }
                const int attempts = paid && random.bounded(100) < 2 ? 2 : 1;
                for (int a = 0; a < attempts; ++a) {
                    const bool last = a == attempts - 1;
                    const bool success = paid && last;
                    const qint64 at = created + 2'000 + a * 15'000;
                    const QString no =
                        u"%1%2%3"_s.arg(terminal, dayText).arg(++payNo, 10, 10, QChar(u'0'));
                    const QString pstatus = success ? u"SUCCESS"_s
                                            : open  ? u"PENDING"_s
                                                    : u"CLOSED"_s;
                    const qint64 paymentId = payment.run(
                        {orderId, no, provider, total, pstatus,
                         success ? QVariant(u"42000%1"_s.arg(payNo)) : kNull, at, at + 600'000,
                         success ? paidAt : at + 600'000, success ? QVariant(paidAt) : kNull});
                    event.run({at, orderId, paymentId, u"payment_created"_s, u"cashier"_s, cashier,
                               kNull, u"CREATING"_s, kNull});
                    if (success) {
                        event.run({paidAt, orderId, paymentId, u"payment_paid"_s, u"poll"_s, kNull,
                                   u"PENDING"_s, u"SUCCESS"_s, kNull});
                        event.run({paidAt, orderId, paymentId, u"order_paid"_s, u"poll"_s, kNull,
                                   u"AWAITING_PAYMENT"_s, u"PAID"_s, kNull});
                    } else if (!open) {
                        event.run({at + 600'000, orderId, paymentId, u"payment_closed"_s,
                                   u"close"_s, kNull, u"PENDING"_s, u"CLOSED"_s, kNull});
                    }
                }
                if (expired || cancelledAtQr)
                    event.run({created + 601'000, orderId, kNull, u"order_cancelled"_s, u"close"_s,
                               kNull, u"AWAITING_PAYMENT"_s, u"CANCELLED"_s,
                               expired ? u"{\"reason\":\"expired\"}"_s
                                       : u"{\"reason\":\"cancelled\"}"_s});
                if (random.bounded(2000) == 0)
                    event.run({created + 30'000, orderId, kNull, u"alert_mismatch"_s, u"notify"_s,
                               kNull, u"PENDING"_s, u"PENDING"_s,
                               u"{\"reason\":\"amount 1 fen, expected %1 fen\"}"_s.arg(total)});
                if (paid && d == plan.days - 1)
                    ++stats.paidOnLastDay;
            }
        }
        stats.orders = order.rows();
        stats.items = item.rows();
        stats.payments = payment.rows();
        stats.events = event.rows();
        return success();
    });
    if (!status)
        qFatal("generation failed: %s", qPrintable(status.error().message));
    QSqlQuery checkpoint(database.connection());
    checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    stats.seconds = double(timer.nsecsElapsed()) / 1e9;
    return stats;
}

} // namespace shouyin::bench
