#include "orderstore.h"

#include "database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcOrders, "shouyin.store.orders")

namespace {

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

const QString kOrderColumns =
    u"SELECT id, order_no, terminal_id, operator, status, total_fen, created_at, paid_at, "
    "discount_fen, round_off_fen, discount_approver FROM orders "_s;

// Rows whose status is no word of ours read as nothing: the read fails rather than guess.
std::optional<Order> orderFrom(const QSqlQuery &q)
{
    const auto status = orderStatusFromSql(q.value(4).toString());
    if (!status)
        return std::nullopt;
    Order order;
    order.id = q.value(0).toLongLong();
    order.orderNo = q.value(1).toString();
    order.terminalId = q.value(2).toString();
    order.operatorName = q.value(3).toString();
    order.status = *status;
    order.total = q.value(5).toLongLong();
    order.createdAt = timeFrom(q.value(6));
    order.paidAt = timeFrom(q.value(7));
    order.discount = q.value(8).toLongLong();
    order.roundOff = q.value(9).toLongLong();
    order.discountApprover = q.value(10).toString();
    return order;
}

const QString kPaymentColumns =
    u"SELECT id, order_id, pay_no, provider, app_id, merchant_id, amount_fen, status, code_url, "
    "transaction_id, created_at, expires_at, last_error, method, tendered_fen, superseded_at, "
    "api FROM payments "_s;

std::optional<Payment> paymentFrom(const QSqlQuery &q)
{
    const auto status = paymentStatusFromSql(q.value(7).toString());
    if (!status)
        return std::nullopt;
    Payment payment;
    payment.id = q.value(0).toLongLong();
    payment.orderId = q.value(1).toLongLong();
    payment.payNo = q.value(2).toString();
    payment.provider = q.value(3).toString();
    payment.appId = q.value(4).toString();
    payment.merchantId = q.value(5).toString();
    payment.amount = q.value(6).toLongLong();
    payment.status = *status;
    payment.codeUrl = q.value(8).toString();
    payment.transactionId = q.value(9).toString();
    payment.createdAt = timeFrom(q.value(10));
    payment.expiresAt = timeFrom(q.value(11));
    payment.lastError = q.value(12).toString();
    payment.method = paymentMethodFromSql(q.value(13).toString());
    payment.tendered = q.value(14).toLongLong();
    payment.supersededAt = timeFrom(q.value(15));
    payment.api = q.value(16).toString();
    return payment;
}

const QString kEventColumns = u"SELECT id, at, order_id, payment_id, kind, source, operator, "
                              "from_status, to_status, detail FROM events "_s;

Event eventFrom(const QSqlQuery &q)
{
    Event event;
    event.id = q.value(0).toLongLong();
    event.at = timeFrom(q.value(1));
    event.orderId = q.value(2).toLongLong();
    event.paymentId = q.value(3).toLongLong();
    event.kind = q.value(4).toString();
    event.source = q.value(5).toString();
    event.operatorName = q.value(6).toString();
    event.fromStatus = q.value(7).toString();
    event.toStatus = q.value(8).toString();
    event.detail = q.value(9).toString();
    return event;
}

template<typename T, typename Read>
Result<QList<T>> readAll(const Database &database, const QString &sql, const QVariantList &binds,
                         Read read)
{
    QList<T> rows;
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return sqlError(u"read"_s, query.lastError());
    while (query.next()) {
        if constexpr (std::is_same_v<decltype(read(query)), T>) {
            rows.append(read(query));
        } else if (auto row = read(query)) {
            rows.append(*std::move(row));
        } else {
            return Error{ErrorCode::Store, u"a row of %1 has a status this program does not "
                                           "know (written by a newer version?)"_s.arg(sql)};
        }
    }
    return rows;
}

template<typename T, typename Read>
Result<std::optional<T>> readOne(const Database &database, const QString &sql, const QVariant &bind,
                                 Read read)
{
    auto rows = readAll<T>(database, sql, {bind}, read);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<T>(rows->first());
}

// For display: what could not be read is logged and shows as nothing.
template<typename T> T orNothing(Result<T> read)
{
    if (read)
        return std::move(read).value();
    qCWarning(lcOrders) << "read failed:" << read.error().message;
    return T();
}

template<typename T, typename Read>
QList<T> selectAll(const Database &database, const QString &sql, const QVariantList &binds,
                   Read read)
{
    return orNothing(readAll<T>(database, sql, binds, read));
}

} // namespace

OrderStore::OrderStore(Database &database)
    : m_database(database)
{}

Result<std::optional<Order>> OrderStore::readOrder(qint64 orderId) const
{
    return readOne<Order>(m_database, kOrderColumns + u"WHERE id = ?"_s, orderId, orderFrom);
}

Result<std::optional<Payment>> OrderStore::readPayment(const QString &payNo) const
{
    return readOne<Payment>(m_database, kPaymentColumns + u"WHERE pay_no = ?"_s, payNo,
                            paymentFrom);
}

Result<QList<Payment>> OrderStore::readOpenPayments(const QString &terminalId) const
{
    if (terminalId.isEmpty())
        return readAll<Payment>(
            m_database,
            kPaymentColumns + u"WHERE status IN (%1) ORDER BY id"_s.arg(openPaymentStatusesSql()),
            {}, paymentFrom);
    return readAll<Payment>(
        m_database,
        kPaymentColumns +
            u"WHERE status IN (%1) AND order_id IN (SELECT id "
            "FROM orders WHERE terminal_id = ?) ORDER BY id"_s.arg(openPaymentStatusesSql()),
        {terminalId}, paymentFrom);
}

std::optional<Order> OrderStore::order(qint64 orderId) const
{
    return orNothing(readOrder(orderId));
}

std::optional<Order> OrderStore::orderByNo(const QString &orderNo) const
{
    return orNothing(
        readOne<Order>(m_database, kOrderColumns + u"WHERE order_no = ?"_s, orderNo, orderFrom));
}

QList<OrderItem> OrderStore::items(qint64 orderId) const
{
    return selectAll<OrderItem>(
        m_database,
        u"SELECT product_id, barcode, name, unit_price_fen, quantity, id, discount_fen, "
        "share_fen FROM order_items WHERE order_id = ? ORDER BY id"_s,
        {orderId}, [](const QSqlQuery &q) {
            return OrderItem{q.value(0).toLongLong(), q.value(1).toString(),
                             q.value(2).toString(),   q.value(3).toLongLong(),
                             q.value(4).toInt(),      q.value(5).toLongLong(),
                             q.value(6).toLongLong(), q.value(7).toLongLong()};
        });
}

std::optional<Payment> OrderStore::payment(const QString &payNo) const
{
    return orNothing(readPayment(payNo));
}

QList<Payment> OrderStore::payments(qint64 orderId) const
{
    return selectAll<Payment>(m_database, kPaymentColumns + u"WHERE order_id = ? ORDER BY id"_s,
                              {orderId}, paymentFrom);
}

QList<Event> OrderStore::events(qint64 orderId) const
{
    return selectAll<Event>(m_database, kEventColumns + u"WHERE order_id = ? ORDER BY id"_s,
                            {orderId}, eventFrom);
}

QList<Event> OrderStore::alerts() const
{
    return selectAll<Event>(
        m_database, kEventColumns + u"WHERE kind LIKE 'alert_%' ORDER BY id DESC"_s, {}, eventFrom);
}

QList<Payment> OrderStore::openPayments(const QString &terminalId) const
{
    return orNothing(readOpenPayments(terminalId));
}

} // namespace shouyin
