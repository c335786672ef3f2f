// Checkout's sales: an order placed at the catalogue's prices with its stock reserved,
// and the payment attempts that open on it. A charge at the counter does both in one
// transaction, so that the cashier waits for one disk flush before the QR, and no
// order is ever left without the attempt that was opened for it.

#include "checkout.h"
#include "checkout/ledgerrows.h"
#include "ids/paynumbers.h"
#include "pay/paymentprovider.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcCheckout)

using ledger::json;
using ledger::text;

namespace {

// The catalogue's price; the cashier's for an open-price product within its limit; the
// label's for a product a weighing scale prices (it has a scale code).
Result<Fen> linePrice(const CartLine &line, Fen catalogPrice, const QVariant &openPriceMax,
                      bool weighed, const QString &name)
{
    if (openPriceMax.isNull()) {
        if (line.typedPrice && weighed) {
            if (*line.typedPrice <= 0)
                return Error{ErrorCode::BadPrice,
                             Checkout::tr("The label of %1 carries no price.").arg(name)};
            return *line.typedPrice;
        }
        if (line.typedPrice)
            return Error{ErrorCode::BadPrice,
                         Checkout::tr("%1 has a fixed price; it cannot be typed.").arg(name)};
        return catalogPrice;
    }
    const Fen highest = openPriceMax.toLongLong();
    if (!line.typedPrice)
        return Error{ErrorCode::BadPrice, Checkout::tr("Type the price of %1.").arg(name)};
    if (*line.typedPrice <= 0 || *line.typedPrice > highest)
        return Error{ErrorCode::BadPrice, Checkout::tr("The price of %1 is ¥0.01 to %2.")
                                              .arg(name, u"¥"_s + formatYuan(highest))};
    return *line.typedPrice;
}

// The pay log's account of a new order: its total, and what was taken off it and on
// whose approval.
QString orderCreatedDetail(const PricedSale &priced, const Order &order, qsizetype items)
{
    QJsonObject detail{{u"total_fen"_s, order.total}, {u"items"_s, items}};
    if (priced.discounted() > 0)
        detail.insert(u"discount_fen"_s, priced.discounted());
    if (priced.roundOff > 0)
        detail.insert(u"round_off_fen"_s, priced.roundOff);
    if (!order.discountApprover.isEmpty())
        detail.insert(u"approved_by"_s, order.discountApprover);
    return json(detail);
}

} // namespace

Result<Order> Checkout::placeOrder(const Sale &sale, const QString &operatorName)
{
    const QDateTime now = m_clock.now();
    Order order;
    SqlWriter sql(m_database);
    if (auto placed =
            m_database.transaction([&] { return writeOrder(sql, sale, operatorName, now, order); });
        !placed)
        return placed.error();
    qCInfo(lcCheckout) << "order" << order.orderNo << "placed, total" << formatYuan(order.total);
    Q_EMIT orderChanged(order.id, order.status);
    return order;
}

Result<Payment> Checkout::openPayment(qint64 orderId, const PaymentProvider &provider,
                                      std::chrono::seconds lifetime, const QString &operatorName,
                                      PaymentMethod method)
{
    const QDateTime now = m_clock.now();
    Payment payment;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        Order order;
        auto payable = payableOrder(sql, orderId, order);
        if (!payable)
            return payable.error();
        return writePayment(sql, *payable, provider, lifetime, operatorName, method, now, payment);
    });
    if (!status)
        return status.error();
    Q_EMIT paymentChanged(payment.payNo, payment.status);
    return payment;
}

Result<Payment> Checkout::switchPayment(const QString &payNo, const PaymentProvider &provider,
                                        std::chrono::seconds lifetime, const QString &operatorName,
                                        PaymentMethod method)
{
    const QDateTime now = m_clock.now();
    Payment payment;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        auto current = ledger::loadPayment(sql, payNo);
        if (!current)
            return current.error();
        if (!*current)
            return Error{ErrorCode::UnknownPayment, tr("Unknown payment %1.").arg(payNo)};
        const ledger::PaymentRow &old = **current;
        // Paid, closed or given up meanwhile: what the customer did with it stands.
        if (!isOpen(old.status) || old.superseded)
            return Error{ErrorCode::AttemptOpen,
                         tr("Payment %1 is no longer the one the customer pays.").arg(payNo)};
        // Giving up and opening go together: a till that stops between them leaves the
        // order with a live attempt, never with none while its stock is held.
        if (auto given =
                ledger::supersede(sql, *m_jobs, now, old.orderId, old.id, payNo,
                                  sourceName(Source::Cashier), operatorName, u"switched"_s);
            !given)
            return given;
        Order order;
        auto payable = payableOrder(sql, old.orderId, order);
        if (!payable)
            return payable.error();
        return writePayment(sql, *payable, provider, lifetime, operatorName, method, now, payment);
    });
    if (!status)
        return status.error();
    qCInfo(lcCheckout) << "payment" << payNo << "given up for" << payment.payNo;
    Q_EMIT paymentChanged(payment.payNo, payment.status);
    return payment;
}

Result<Checkout::PayableOrder> Checkout::payableOrder(SqlWriter &sql, qint64 orderId, Order &order)
{
    auto row = sql.row(u"SELECT order_no, terminal_id, operator, status, total_fen, created_at "
                       "FROM orders WHERE id = ?"_s,
                       {orderId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error{ErrorCode::UnknownOrder, tr("The order does not exist.")};
    if (row->at(3).toString() != text(OrderStatus::AwaitingPayment))
        return Error{ErrorCode::OrderNotPayable,
                     tr("The order is %1 and cannot be paid.").arg(row->at(3).toString())};
    // An open attempt asks for a fixed amount under the customer's phone: nothing else may
    // pay the order meanwhile.
    auto open =
        sql.row(u"SELECT pay_no FROM payments WHERE order_id = ? "
                "AND status IN (%1) AND superseded_at IS NULL"_s.arg(openPaymentStatusesSql()),
                {orderId});
    if (!open)
        return open.error();
    if (!open->isEmpty())
        return Error{ErrorCode::AttemptOpen,
                     tr("Payment %1 of this order is still open.").arg(open->at(0).toString())};
    auto paid = ledger::amountPaid(sql, orderId);
    if (!paid)
        return paid.error();
    order.id = orderId;
    order.orderNo = row->at(0).toString();
    order.terminalId = row->at(1).toString();
    order.operatorName = row->at(2).toString();
    order.status = OrderStatus::AwaitingPayment;
    order.total = row->at(4).toLongLong();
    order.createdAt = QDateTime::fromMSecsSinceEpoch(row->at(5).toLongLong(), Qt::UTC);
    const Fen due = order.total - *paid;
    if (due <= 0)
        return Error{ErrorCode::OrderNotPayable, tr("The order is paid already.")};
    return PayableOrder{orderId, due};
}

Result<Charge> Checkout::charge(const Sale &sale, const PaymentProvider &provider,
                                std::chrono::seconds lifetime, const QString &operatorName,
                                PaymentMethod method)
{
    const QDateTime now = m_clock.now();
    Charge charge;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        if (auto placed = writeOrder(sql, sale, operatorName, now, charge.order); !placed)
            return placed;
        return writePayment(sql, {charge.order.id, charge.order.total}, provider, lifetime,
                            operatorName, method, now, charge.payment);
    });
    if (!status)
        return status.error();
    qCInfo(lcCheckout) << "order" << charge.order.orderNo << "placed, total"
                       << formatYuan(charge.order.total) << "- payment" << charge.payment.payNo;
    Q_EMIT orderChanged(charge.order.id, charge.order.status);
    Q_EMIT paymentChanged(charge.payment.payNo, charge.payment.status);
    return charge;
}

Result<QList<OrderItem>> Checkout::priceLines(SqlWriter &sql, const QList<CartLine> &lines)
{
    if (lines.isEmpty())
        return Error{ErrorCode::EmptyCart, tr("The cart is empty.")};
    QList<OrderItem> items;
    Fen gross = 0;
    for (const CartLine &line : lines) {
        if (line.quantity <= 0)
            return Error{ErrorCode::BadQuantity, tr("Quantities must be positive.")};
        auto product = sql.row(u"SELECT barcode, name, price_fen, open_price_max_fen, "
                               "retired_at, plu FROM products WHERE id = ?"_s,
                               {line.productId});
        if (!product)
            return product.error();
        if (product->isEmpty())
            return Error{ErrorCode::UnknownProduct, tr("A product in the cart no longer exists.")};
        const QString name = product->at(1).toString();
        if (!product->at(4).isNull())
            return Error{ErrorCode::ProductRetired, tr("%1 is no longer sold.").arg(name)};
        auto price = linePrice(line, product->at(2).toLongLong(), product->at(3),
                               !product->at(5).toString().isEmpty(), name);
        if (!price)
            return price.error();
        if (*price > 0 && line.quantity > (Discounts::kMaxSale - gross) / *price)
            return Error{ErrorCode::AmountOverflow, tr("The total is too large.")};
        gross += *price * line.quantity;
        items.append(
            OrderItem{line.productId, product->at(0).toString(), name, *price, line.quantity});
    }
    return items;
}

Status Checkout::writeOrder(SqlWriter &sql, const Sale &sale, const QString &operatorName,
                            const QDateTime &now, Order &order)
{
    auto priced = priceLines(sql, sale.lines);
    if (!priced)
        return priced.error();
    QList<OrderItem> items = std::move(priced).value();
    QList<Fen> gross;
    QList<Discount> lineDiscounts;
    for (qsizetype i = 0; i < items.size(); ++i) {
        gross.append(items.at(i).lineTotal());
        lineDiscounts.append(sale.lines.at(i).discount);
    }
    auto discounted = Discounts::price(gross, lineDiscounts, sale.discount, sale.roundOff);
    if (!discounted)
        return discounted.error();
    if (discounted->total <= 0)
        return Error{ErrorCode::NothingToCharge, tr("There is nothing to charge.")};
    // The core's own check: a hidden button or a skipped pop-up cannot give more away.
    const bool beyondLimit = m_discountLimits.needsApproval(*discounted);
    if (beyondLimit && !sale.approver.can(Permission::ApproveDiscount))
        return Error{ErrorCode::NeedsApproval,
                     tr("A discount of %1 is more than a cashier may give (%2% of %3); a "
                        "manager must approve it.")
                         .arg(u"¥"_s + formatYuan(discounted->discounted()))
                         .arg(m_discountLimits.cashierMaxPercent)
                         .arg(u"¥"_s + formatYuan(discounted->gross))};
    for (qsizetype i = 0; i < items.size(); ++i) {
        items[i].discount = discounted->lines.at(i).lineDiscount;
        items[i].share = discounted->lines.at(i).share;
    }
    const Fen total = discounted->total;

    // Order numbers count the shop's days, whatever zone the machine is set to.
    const QDate day = m_clock.dayOf(now);
    auto sequence = sql.row(u"INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) "
                            "DO UPDATE SET value = counters.value + 1 RETURNING value"_s,
                            {u"order:%1:%2"_s.arg(m_terminalId, day.toString(Qt::ISODate))});
    if (!sequence)
        return sequence.error();

    order.orderNo = PayNumbers::orderNumber(m_terminalId, day, sequence->value(0).toLongLong());
    order.terminalId = m_terminalId;
    order.operatorName = operatorName;
    order.status = OrderStatus::AwaitingPayment;
    order.total = total;
    order.discount = discounted->saleDiscount;
    order.roundOff = discounted->roundOff;
    order.discountApprover = beyondLimit ? sale.approver.name() : QString();
    order.createdAt = now;
    auto id = sql.row(
        u"INSERT INTO orders (order_no, terminal_id, operator, status, total_fen, discount_fen, "
        "round_off_fen, discount_approver, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {order.orderNo, m_terminalId, operatorName, text(order.status), total, order.discount,
         order.roundOff, beyondLimit ? QVariant(order.discountApprover) : QVariant(),
         SqlWriter::time(now), SqlWriter::time(now)});
    if (!id)
        return id.error();
    order.id = id->value(0).toLongLong();

    for (const OrderItem &item : items) {
        auto inserted = sql.exec(
            u"INSERT INTO order_items (order_id, product_id, barcode, name, unit_price_fen, "
            "quantity, discount_fen, share_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {order.id, item.productId, item.barcode, item.name, item.unitPrice, item.quantity,
             item.discount, item.share});
        if (!inserted)
            return inserted.error();
    }
    // Reserved stock is held until the order is paid (committed) or cancelled. Rows are
    // locked in id order, so two tills selling the same goods never deadlock.
    QList<OrderItem> byProduct = items;
    std::sort(byProduct.begin(), byProduct.end(),
              [](const OrderItem &a, const OrderItem &b) { return a.productId < b.productId; });
    for (const OrderItem &item : std::as_const(byProduct)) {
        if (auto reserved = reserveStock(sql, item); !reserved)
            return reserved;
    }
    return sql.event(now, {order.id,
                           0,
                           u"order_created"_s,
                           sourceName(Source::Cashier),
                           operatorName,
                           {},
                           text(order.status),
                           orderCreatedDetail(*discounted, order, items.size())});
}

Status Checkout::reserveStock(SqlWriter &sql, const OrderItem &item)
{
    if (m_sellsBeyondStock) {
        auto reserved = sql.exec(u"UPDATE products SET reserved = reserved + ? WHERE id = ?"_s,
                                 {item.quantity, item.productId});
        return reserved ? success() : Status(reserved.error());
    }
    // One statement checks and holds: another till's reservation of the last unit either
    // committed before it (and this one finds none left) or waits behind its row lock.
    auto reserved = sql.exec(u"UPDATE products SET reserved = reserved + ? "
                             "WHERE id = ? AND stock - reserved >= ?"_s,
                             {item.quantity, item.productId, item.quantity});
    if (!reserved)
        return reserved.error();
    if (*reserved == 1)
        return success();
    auto left = sql.row(u"SELECT stock - reserved FROM products WHERE id = ?"_s, {item.productId});
    if (!left)
        return left.error();
    const qint64 available = left->isEmpty() ? 0 : std::max<qint64>(0, left->at(0).toLongLong());
    return Error{ErrorCode::OutOfStock, tr("Only %1 of %2 left to sell (%3 in the cart).")
                                            .arg(available)
                                            .arg(item.name)
                                            .arg(item.quantity)};
}

Status Checkout::writePayment(SqlWriter &sql, const PayableOrder &order,
                              const PaymentProvider &provider, std::chrono::seconds lifetime,
                              const QString &operatorName, PaymentMethod method,
                              const QDateTime &now, Payment &payment)
{
    payment.orderId = order.id;
    payment.payNo = PayNumbers::paymentNumber(m_terminalId, now);
    payment.provider = provider.name();
    payment.api = provider.api();
    payment.appId = provider.appId();
    payment.merchantId = provider.merchantId();
    payment.amount = order.due;
    payment.status = PaymentStatus::Creating;
    payment.method = method;
    payment.createdAt = now;
    payment.expiresAt = now.addSecs(lifetime.count());
    auto id = sql.row(
        u"INSERT INTO payments (order_id, pay_no, provider, api, app_id, merchant_id, amount_fen, "
        "status, method, created_at, expires_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {order.id, payment.payNo, payment.provider, SqlWriter::textNotNull(payment.api),
         payment.appId, payment.merchantId, payment.amount, text(payment.status),
         QString(sqlText(method)), SqlWriter::time(now), SqlWriter::time(payment.expiresAt),
         SqlWriter::time(now)});
    if (!id)
        return id.error();
    payment.id = id->value(0).toLongLong();
    // The session at the counter polls until the deadline; the settler takes over then
    // (a payment code nobody confirmed in time is reversed).
    if (auto job =
            m_jobs->schedule(method == PaymentMethod::Code ? jobKind::kReverse : jobKind::kExpire,
                             payment.payNo, payment.expiresAt);
        !job)
        return job;
    return sql.event(now, {order.id,
                           payment.id,
                           u"payment_created"_s,
                           sourceName(Source::Cashier),
                           operatorName,
                           {},
                           text(payment.status),
                           json({{u"pay_no"_s, payment.payNo},
                                 {u"provider"_s, payment.provider},
                                 {u"api"_s, payment.api},
                                 {u"method"_s, QString(sqlText(method))},
                                 {u"amount_fen"_s, payment.amount}})});
}

} // namespace shouyin
