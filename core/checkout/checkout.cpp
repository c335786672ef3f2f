#include "checkout.h"

#include "checkout/ledgerrows.h"
#include "ids/paynumbers.h"
#include "pay/paymentprovider.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcCheckout, "shouyin.checkout")

using ledger::json;
using ledger::loadPayment;
using ledger::moveStock;
using ledger::text;

Checkout::Checkout(Database &database, QString terminalId, ShopClock clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_terminalId(std::move(terminalId))
    , m_clock(std::move(clock))
    , m_jobs(std::make_unique<JobQueue>(
          database, [clock = m_clock] { return clock.now(); }, m_terminalId))
{}

Checkout::~Checkout() = default;

Result<Order> Checkout::placeOrder(const QList<CartLine> &lines, const QString &operatorName)
{
    if (lines.isEmpty())
        return Error{ErrorCode::EmptyCart, tr("The cart is empty.")};
    const QDateTime now = m_clock.now();
    Order order;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        QList<OrderItem> items;
        Fen total = 0;
        for (const CartLine &line : lines) {
            if (line.quantity <= 0)
                return Error{ErrorCode::BadQuantity, tr("Quantities must be positive.")};
            auto product = sql.row(u"SELECT barcode, name, price_fen FROM products WHERE id = ?"_s,
                                   {line.productId});
            if (!product)
                return product.error();
            if (product->isEmpty())
                return Error{ErrorCode::UnknownProduct,
                             tr("A product in the cart no longer exists.")};
            const Fen price = product->at(2).toLongLong();
            if (price > 0 && line.quantity > (std::numeric_limits<Fen>::max() - total) / price)
                return Error{ErrorCode::AmountOverflow, tr("The total is too large.")};
            total += price * line.quantity;
            items.append(OrderItem{line.productId, product->at(0).toString(),
                                   product->at(1).toString(), price, line.quantity});
        }
        if (total <= 0)
            return Error{ErrorCode::NothingToCharge, tr("There is nothing to charge.")};

        // Order numbers count the shop's days, whatever zone the machine is set to.
        const QDate day = m_clock.dayOf(now);
        auto sequence =
            sql.row(u"INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) "
                    "DO UPDATE SET value = counters.value + 1 RETURNING value"_s,
                    {u"order:%1:%2"_s.arg(m_terminalId, day.toString(Qt::ISODate))});
        if (!sequence)
            return sequence.error();

        order.orderNo = PayNumbers::orderNumber(m_terminalId, day, sequence->value(0).toLongLong());
        order.terminalId = m_terminalId;
        order.operatorName = operatorName;
        order.status = OrderStatus::AwaitingPayment;
        order.total = total;
        order.createdAt = now;
        auto id =
            sql.row(u"INSERT INTO orders (order_no, terminal_id, operator, status, total_fen, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                    {order.orderNo, m_terminalId, operatorName, text(order.status), total,
                     SqlWriter::time(now), SqlWriter::time(now)});
        if (!id)
            return id.error();
        order.id = id->value(0).toLongLong();

        for (const OrderItem &item : items) {
            auto inserted = sql.exec(
                u"INSERT INTO order_items (order_id, product_id, barcode, name, "
                "unit_price_fen, quantity) VALUES (?, ?, ?, ?, ?, ?)"_s,
                {order.id, item.productId, item.barcode, item.name, item.unitPrice, item.quantity});
            if (!inserted)
                return inserted.error();
        }
        // Reserved stock is held until the order is paid (committed) or cancelled. Rows
        // are locked in id order, so two tills selling the same goods never deadlock.
        QList<OrderItem> byProduct = items;
        std::sort(byProduct.begin(), byProduct.end(),
                  [](const OrderItem &a, const OrderItem &b) { return a.productId < b.productId; });
        for (const OrderItem &item : std::as_const(byProduct)) {
            auto reserved = sql.exec(u"UPDATE products SET reserved = reserved + ? WHERE id = ?"_s,
                                     {item.quantity, item.productId});
            if (!reserved)
                return reserved.error();
        }
        return sql.event(now, {order.id,
                               0,
                               u"order_created"_s,
                               sourceName(Source::Cashier),
                               operatorName,
                               {},
                               text(order.status),
                               json({{u"total_fen"_s, total}, {u"items"_s, items.size()}})});
    });
    if (!status)
        return status.error();
    qCInfo(lcCheckout) << "order" << order.orderNo << "placed, total" << formatYuan(order.total);
    Q_EMIT orderChanged(order.id, order.status);
    return order;
}

Result<Payment> Checkout::openPayment(qint64 orderId, const PaymentProvider &provider,
                                      std::chrono::seconds lifetime, const QString &operatorName)
{
    const QDateTime now = m_clock.now();
    Payment payment;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        auto order = sql.row(u"SELECT status, total_fen FROM orders WHERE id = ?"_s, {orderId});
        if (!order)
            return order.error();
        if (order->isEmpty())
            return Error{ErrorCode::UnknownOrder, tr("The order does not exist.")};
        if (order->at(0).toString() != text(OrderStatus::AwaitingPayment))
            return Error{ErrorCode::OrderNotPayable,
                         tr("The order is %1 and cannot be paid.").arg(order->at(0).toString())};
        auto open = sql.row(u"SELECT pay_no FROM payments WHERE order_id = ? "
                            "AND status IN (%1)"_s.arg(openPaymentStatusesSql()),
                            {orderId});
        if (!open)
            return open.error();
        if (!open->isEmpty())
            return Error{ErrorCode::AttemptOpen,
                         tr("Payment %1 of this order is still open.").arg(open->at(0).toString())};

        payment.orderId = orderId;
        payment.payNo = PayNumbers::paymentNumber(m_terminalId, now);
        payment.provider = provider.name();
        payment.appId = provider.appId();
        payment.merchantId = provider.merchantId();
        payment.amount = order->at(1).toLongLong();
        payment.status = PaymentStatus::Creating;
        payment.createdAt = now;
        payment.expiresAt = now.addSecs(lifetime.count());
        auto id = sql.row(
            u"INSERT INTO payments (order_id, pay_no, provider, app_id, merchant_id, amount_fen, "
            "status, created_at, expires_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
            {orderId, payment.payNo, payment.provider, payment.appId, payment.merchantId,
             payment.amount, text(payment.status), SqlWriter::time(now),
             SqlWriter::time(payment.expiresAt), SqlWriter::time(now)});
        if (!id)
            return id.error();
        // The session at the counter polls until the deadline; the settler takes over then.
        if (auto job = m_jobs->schedule(jobKind::kExpire, payment.payNo, payment.expiresAt); !job)
            return job;
        payment.id = id->value(0).toLongLong();
        return sql.event(now, {orderId,
                               payment.id,
                               u"payment_created"_s,
                               sourceName(Source::Cashier),
                               operatorName,
                               {},
                               text(payment.status),
                               json({{u"pay_no"_s, payment.payNo},
                                     {u"provider"_s, payment.provider},
                                     {u"amount_fen"_s, payment.amount}})});
    });
    if (!status)
        return status.error();
    Q_EMIT paymentChanged(payment.payNo, payment.status);
    return payment;
}

Status Checkout::recordQrIssued(const QString &payNo, const QString &codeUrl)
{
    return leaveCreating(payNo, PaymentStatus::Pending, codeUrl, QString(), u"qr_issued"_s, {});
}

Status Checkout::recordCreateRefused(const QString &payNo, const Error &error)
{
    return leaveCreating(payNo, PaymentStatus::Failed, QString(), error.name(), u"create_refused"_s,
                         json({{u"code"_s, error.name()}, {u"message"_s, error.message}}));
}

Status Checkout::leaveCreating(const QString &payNo, PaymentStatus to, const QString &codeUrl,
                               const QString &lastError, const QString &eventKind,
                               const QString &detail)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    bool changed = false;
    Status status = m_database.transaction([&]() -> Status {
        auto payment = loadPayment(sql, payNo);
        if (!payment)
            return payment.error();
        if (!*payment)
            return Error{ErrorCode::UnknownPayment, tr("Unknown payment %1.").arg(payNo)};
        auto updated =
            sql.exec(u"UPDATE payments SET status = ?, code_url = ?, last_error = ?, "
                     "updated_at = ? WHERE id = ? AND status = ?"_s,
                     {text(to), SqlWriter::textOrNull(codeUrl), SqlWriter::textOrNull(lastError),
                      SqlWriter::time(now), (*payment)->id, text(PaymentStatus::Creating)});
        if (!updated)
            return updated.error();
        changed = *updated == 1;
        if (!changed)
            return success(); // already settled: a notification can beat the QR
        if (to == PaymentStatus::Failed) {
            if (auto done = m_jobs->complete(payNo); !done)
                return done;
        }
        return sql.event(now, {(*payment)->orderId,
                               (*payment)->id,
                               eventKind,
                               sourceName(Source::Cashier),
                               {},
                               text(PaymentStatus::Creating),
                               text(to),
                               detail});
    });
    if (status && changed)
        Q_EMIT paymentChanged(payNo, to);
    return status;
}

Status Checkout::recordAttemptError(const QString &payNo, const Error &error)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    return m_database.transaction([&]() -> Status {
        auto payment = loadPayment(sql, payNo);
        if (!payment)
            return payment.error();
        if (!*payment)
            return Error{ErrorCode::UnknownPayment, tr("Unknown payment %1.").arg(payNo)};
        auto updated =
            sql.exec(u"UPDATE payments SET last_error = ?, updated_at = ? WHERE id = ?"_s,
                     {error.name(), SqlWriter::time(now), (*payment)->id});
        if (!updated)
            return updated.error();
        return sql.event(now, {(*payment)->orderId,
                               (*payment)->id,
                               u"attempt_error"_s,
                               sourceName(Source::Cashier),
                               {},
                               text((*payment)->status),
                               text((*payment)->status),
                               json({{u"code"_s, error.name()}, {u"message"_s, error.message}})});
    });
}

Status Checkout::requestCancel(qint64 orderId, const QString &operatorName, Source source)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    std::optional<OrderStatus> newStatus;
    Status status = m_database.transaction([&]() -> Status {
        newStatus.reset();
        auto order = sql.row(u"SELECT status FROM orders WHERE id = ?"_s, {orderId});
        if (!order)
            return order.error();
        if (order->isEmpty())
            return Error{ErrorCode::UnknownOrder, tr("The order does not exist.")};
        const QString from = order->at(0).toString();
        if (from != text(OrderStatus::AwaitingPayment))
            return success(); // paid, or already on its way out: nothing to cancel
        auto open = sql.row(u"SELECT pay_no FROM payments WHERE order_id = ? "
                            "AND status IN (%1)"_s.arg(openPaymentStatusesSql()),
                            {orderId});
        if (!open)
            return open.error();
        // With an attempt open the provider must first confirm it closed: until then the
        // customer can still pay, and that payment must be kept.
        const OrderStatus to = open->isEmpty() ? OrderStatus::Cancelled : OrderStatus::Cancelling;
        auto updated =
            sql.exec(u"UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = ?"_s,
                     {text(to), SqlWriter::time(now), orderId, from});
        if (!updated)
            return updated.error();
        if (*updated != 1)
            return success();
        newStatus = to;
        if (open->isEmpty()) {
            if (auto released = moveStock(sql, orderId, 0, 1); !released)
                return released;
        } else if (const QString payNo = open->at(0).toString(); !m_jobs->isRunning(payNo)) {
            // (A job running here sees CANCELLING once its query returns, and closes.)
            if (auto job = m_jobs->schedule(jobKind::kPoll, payNo, now); !job)
                return job;
        }
        return sql.event(now, {orderId,
                               0,
                               open->isEmpty() ? u"order_cancelled"_s : u"cancel_requested"_s,
                               sourceName(source),
                               operatorName,
                               from,
                               text(to),
                               {}});
    });
    if (status && newStatus)
        Q_EMIT orderChanged(orderId, *newStatus);
    return status;
}

Result<int> Checkout::cancelAbandonedOrders()
{
    SqlWriter sql(m_database);
    auto abandoned = sql.rows(u"SELECT id FROM orders o WHERE terminal_id = ? AND status = ? "
                              "AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id "
                              "AND p.status IN (%1)) ORDER BY id"_s.arg(openPaymentStatusesSql()),
                              {m_terminalId, text(OrderStatus::AwaitingPayment)});
    if (!abandoned)
        return abandoned.error();
    for (const QVariantList &row : std::as_const(*abandoned)) {
        if (auto cancelled = requestCancel(row.at(0).toLongLong(), {}, Source::Recovery);
            !cancelled)
            return cancelled.error();
    }
    return int(abandoned->size());
}

Status Checkout::recordEvent(const QString &payNo, const QString &kind, const QString &detail,
                             Source source)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    qint64 orderId = 0;
    Status status = m_database.transaction([&]() -> Status {
        auto payment = payNo.isEmpty() ? Result<std::optional<ledger::PaymentRow>>(std::nullopt)
                                       : loadPayment(sql, payNo);
        if (!payment)
            return payment.error();
        const qint64 paymentId = *payment ? (*payment)->id : 0;
        orderId = *payment ? (*payment)->orderId : 0;
        return sql.event(now, {orderId, paymentId, kind, sourceName(source), {}, {}, {}, detail});
    });
    if (status && kind.startsWith(u"alert_"))
        Q_EMIT alertRaised(orderId, kind, detail);
    return status;
}

Status Checkout::scheduleCheck(const QString &payNo, const QDateTime &at)
{
    return m_database.transaction([&]() -> Status {
        SqlWriter sql(m_database);
        auto open = sql.row(u"SELECT 1 FROM payments WHERE pay_no = ? "
                            "AND status IN (%1)"_s.arg(openPaymentStatusesSql()),
                            {payNo});
        if (!open)
            return open.error();
        if (open->isEmpty())
            return success(); // settled already: nothing to look at
        // Its job is running here right now: the settler is looking at it, and its
        // handler decides what comes next. Replacing the job would hand the payment to a
        // second run beside the first, and both would close the trade.
        if (m_jobs->isRunning(payNo))
            return success();
        return m_jobs->schedule(jobKind::kPoll, payNo, at);
    });
}

} // namespace shouyin
