#include "shopgenerator.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <array>
#include <cstdio>
#include <sqlite3.h>
#include <string>

using namespace Qt::StringLiterals;

namespace shouyin::bench {

namespace {

constexpr qint64 kDayMs = 86'400'000;
// Opening hours 08:00-22:00 local: every order falls in them.
constexpr qint64 kOpenMs = 8 * 3'600'000;
constexpr qint64 kOpenLengthMs = 14 * 3'600'000;

[[noreturn]] void fail(sqlite3 *db, const char *what)
{
    qFatal("bench generator: %s: %s", what, sqlite3_errmsg(db));
}

void exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(db, sql);
}

// One prepared INSERT; values bound by position, NULL for a null pointer / negative id.
class Insert
{
public:
    Insert(sqlite3 *db, const char *sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) !=
            SQLITE_OK)
            fail(db, sql);
    }
    ~Insert() { sqlite3_finalize(m_statement); }
    Insert(const Insert &) = delete;
    Insert &operator=(const Insert &) = delete;

    Insert &integer(qint64 value)
    {
        sqlite3_bind_int64(m_statement, ++m_column, value);
        return *this;
    }
    Insert &integerOrNull(qint64 value) // < 0: NULL
    {
        if (value < 0)
            sqlite3_bind_null(m_statement, ++m_column);
        else
            sqlite3_bind_int64(m_statement, ++m_column, value);
        return *this;
    }
    Insert &text(const std::string &value)
    {
        sqlite3_bind_text(m_statement, ++m_column, value.data(), int(value.size()),
                          SQLITE_TRANSIENT);
        return *this;
    }
    Insert &textOrNull(const char *value)
    {
        if (value)
            sqlite3_bind_text(m_statement, ++m_column, value, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(m_statement, ++m_column);
        return *this;
    }
    qint64 run()
    {
        if (sqlite3_step(m_statement) != SQLITE_DONE)
            fail(m_db, "insert");
        sqlite3_reset(m_statement);
        m_column = 0;
        ++m_rows;
        return sqlite3_last_insert_rowid(m_db);
    }
    qint64 rows() const { return m_rows; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
    int m_column = 0;
    qint64 m_rows = 0;
};

template<typename... Args> std::string format(const char *pattern, Args... args)
{
    char buffer[160];
    const int n = std::snprintf(buffer, sizeof buffer, pattern, args...);
    return std::string(buffer, size_t(std::max(0, n)));
}

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

ShopGenerator::Stats ShopGenerator::generate(const QString &path, const Plan &plan)
{
    QElapsedTimer timer;
    timer.start();
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK)
        fail(db, "open");
    // A bulk load into a fresh file: nothing to protect yet, so no WAL (which would copy
    // the whole file twice) and no syncs, and a cache that holds the indexes being
    // filled. The file goes back to WAL before the till's code opens it again.
    exec(db, "PRAGMA journal_mode=DELETE");
    exec(db, "PRAGMA synchronous=OFF");
    exec(db, "PRAGMA cache_size=-524288");
    exec(db, "BEGIN");

    QRandomGenerator random(plan.seed);
    Stats stats;
    std::vector<std::string> cashierNames;
    for (const QString &name : cashiers())
        cashierNames.push_back(name.toStdString());
    const std::array<const char *, 3> goods{"农夫山泉 550ml", "康师傅 红烧牛肉面",
                                            "德芙 巧克力, 43g"};
    const std::array<qint64, 3> prices{200, 450, 850};
    {
        Insert order(db, "INSERT INTO orders (order_no, terminal_id, operator, status, total_fen, "
                         "created_at, updated_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        Insert item(db, "INSERT INTO order_items (order_id, product_id, barcode, name, "
                        "unit_price_fen, quantity) VALUES (?, NULL, ?, ?, ?, 1)");
        Insert payment(db, "INSERT INTO payments (order_id, pay_no, provider, app_id, "
                           "merchant_id, amount_fen, status, code_url, transaction_id, "
                           "created_at, expires_at, updated_at, paid_at) VALUES (?, ?, ?, "
                           "'wxbench', '1900000109', ?, ?, 'weixin://wxpay/bizpayurl?pr=bench', "
                           "?, ?, ?, ?, ?)");
        // 1 % of the paid orders come back whole the same day, refunded to their provider.
        Insert returned(db, "INSERT INTO returns (order_id, terminal_id, amount_fen, reason, "
                            "stock_action, requested_by, approved_by, created_at) "
                            "VALUES (?, ?, ?, 'faulty', 'restock', ?, 'manager', ?)");
        Insert returnedItem(db, "INSERT INTO return_items (return_id, order_item_id, quantity, "
                                "amount_fen) VALUES (?, ?, 1, ?)");
        Insert refund(db, "INSERT INTO refunds (refund_no, return_id, order_id, payment_id, "
                          "provider, amount_fen, status, provider_refund_id, created_at, "
                          "updated_at, refunded_at) VALUES (?, ?, ?, ?, ?, ?, 'REFUNDED', ?, ?, "
                          "?, ?)");
        Insert event(db, "INSERT INTO events (at, order_id, payment_id, kind, source, operator, "
                         "from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const auto log = [&event](qint64 at, qint64 orderId, qint64 paymentId, const char *kind,
                                  const char *source, const char *who, const char *from,
                                  const char *to, const char *detail) {
            event.integer(at).integer(orderId).integerOrNull(paymentId).textOrNull(kind);
            event.textOrNull(source).textOrNull(who).textOrNull(from).textOrNull(to);
            event.textOrNull(detail).run();
        };

        qint64 payNo = 0;
        const qint64 perDay = plan.orders / plan.days;
        for (int d = 0; d < plan.days; ++d) {
            const QDate day = plan.lastDay.addDays(d - plan.days + 1);
            const qint64 dayStart = day.startOfDay(plan.zone).toMSecsSinceEpoch();
            const qint64 count = d == plan.days - 1 ? plan.orders - perDay * d : perDay;
            const std::string dayText = day.toString(u"yyyyMMdd"_s).toStdString();
            std::array<int, 4> sequence{};
            for (qint64 i = 0; i < count; ++i) {
                // Evenly spread over the opening hours, in order.
                const qint64 created =
                    dayStart + kOpenMs + i * kOpenLengthMs / count + random.bounded(1000);
                const int t = random.bounded(4);
                const std::string terminal = format("T%02d", t + 1);
                const std::string &cashier = cashierNames[size_t(t * 2 + random.bounded(2))];
                const char *provider = random.bounded(100) < 75 ? "wechat" : "alipay";
                const int lines = 1 + random.bounded(2);
                qint64 total = 0;
                std::array<int, 2> kinds{};
                std::array<qint64, 2> itemIds{};
                for (int l = 0; l < lines; ++l) {
                    kinds[size_t(l)] = random.bounded(3);
                    total += prices[size_t(kinds[size_t(l)])];
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
                const char *orderStatus = paid ? "PAID" : open ? "AWAITING_PAYMENT" : "CANCELLED";
                order.text(
                    format("%s-%s-%04d", terminal.c_str(), dayText.c_str(), ++sequence[size_t(t)]));
                order.text(terminal).text(cashier).textOrNull(orderStatus).integer(total);
                order.integer(created).integer(paid ? paidAt : created + 600'000);
                const qint64 orderId = order.integerOrNull(paid ? paidAt : -1).run();
                for (int l = 0; l < lines; ++l) {
                    const int kind = kinds[size_t(l)];
                    item.integer(orderId).text(format("69%011d", kind + 1));
                    itemIds[size_t(l)] =
                        item.textOrNull(goods[size_t(kind)]).integer(prices[size_t(kind)]).run();
                }
                const std::string created_detail =
                    format("{\"items\":%d,\"total_fen\":%lld}", lines, total);
                log(created, orderId, -1, "order_created", "cashier", cashier.c_str(), nullptr,
                    "AWAITING_PAYMENT", created_detail.c_str());
                if (cancelledEarly) {
                    log(created + 15'000, orderId, -1, "order_cancelled", "cashier",
                        cashier.c_str(), "AWAITING_PAYMENT", "CANCELLED", nullptr);
                    continue;
                }
                const int attempts = paid && random.bounded(100) < 2 ? 2 : 1;
                qint64 lastPaymentId = -1;
                for (int a = 0; a < attempts; ++a) {
                    const bool success = paid && a == attempts - 1;
                    const qint64 at = created + 2'000 + a * 15'000;
                    const char *status = success ? "SUCCESS" : open ? "PENDING" : "CLOSED";
                    payment.integer(orderId);
                    payment.text(format("%s%s%010lld", terminal.c_str(), dayText.c_str(), ++payNo));
                    payment.textOrNull(provider).integer(total).textOrNull(status);
                    if (success)
                        payment.text(format("42000%lld", payNo));
                    else
                        payment.textOrNull(nullptr);
                    payment.integer(at).integer(at + 600'000);
                    payment.integer(success ? paidAt : at + 600'000);
                    const qint64 paymentId = payment.integerOrNull(success ? paidAt : -1).run();
                    if (success)
                        lastPaymentId = paymentId;
                    log(at, orderId, paymentId, "payment_created", "cashier", cashier.c_str(),
                        nullptr, "CREATING", nullptr);
                    if (success) {
                        log(paidAt, orderId, paymentId, "payment_paid", "poll", nullptr, "PENDING",
                            "SUCCESS", nullptr);
                        log(paidAt, orderId, paymentId, "order_paid", "poll", nullptr,
                            "AWAITING_PAYMENT", "PAID", nullptr);
                    } else if (!open) {
                        log(at + 600'000, orderId, paymentId, "payment_closed", "close", nullptr,
                            "PENDING", "CLOSED", nullptr);
                    }
                }
                if (expired || cancelledAtQr)
                    log(created + 601'000, orderId, -1, "order_cancelled", "close", nullptr,
                        "AWAITING_PAYMENT", "CANCELLED",
                        expired ? "{\"reason\":\"expired\"}" : "{\"reason\":\"cancelled\"}");
                if (random.bounded(2000) == 0) {
                    const std::string why =
                        format("{\"reason\":\"amount 1 fen, expected %lld fen\"}", total);
                    log(created + 30'000, orderId, -1, "alert_mismatch", "notify", nullptr,
                        "PENDING", "PENDING", why.c_str());
                }
                if (paid && random.bounded(100) == 0) {
                    const qint64 at = paidAt + 3'600'000;
                    returned.integer(orderId).text(terminal).integer(total).text(cashier);
                    const qint64 returnId = returned.integer(at).run();
                    for (int l = 0; l < lines; ++l)
                        returnedItem.integer(returnId)
                            .integer(itemIds[size_t(l)])
                            .integer(prices[size_t(kinds[size_t(l)])])
                            .run();
                    refund.text(format("%sR%s%010lld", terminal.c_str(), dayText.c_str(), payNo));
                    refund.integer(returnId).integer(orderId).integer(lastPaymentId);
                    refund.textOrNull(provider).integer(total).text(format("50300%lld", payNo));
                    refund.integer(at).integer(at + 5'000).integer(at + 5'000).run();
                    const std::string detail = format("{\"amount_fen\":%lld}", total);
                    log(at, orderId, -1, "return_recorded", "cashier", cashier.c_str(), nullptr,
                        nullptr, detail.c_str());
                    log(at, orderId, lastPaymentId, "refund_requested", "cashier", cashier.c_str(),
                        nullptr, "REQUESTED", detail.c_str());
                    log(at + 5'000, orderId, lastPaymentId, "refund_succeeded", "settler", nullptr,
                        "PROCESSING", "REFUNDED", detail.c_str());
                    ++stats.refunds;
                }
                if (paid && d == plan.days - 1)
                    ++stats.paidOnLastDay;
            }
        }
        stats.orders = order.rows();
        stats.items = item.rows();
        stats.payments = payment.rows();
        stats.events = event.rows();
    }
    exec(db, "COMMIT");
    exec(db, "PRAGMA journal_mode=WAL");
    sqlite3_close(db);
    stats.seconds = double(timer.nsecsElapsed()) / 1e9;
    return stats;
}

} // namespace shouyin::bench
