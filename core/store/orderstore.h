#pragma once

#include "store/records.h"
#include "util/result.h"

#include <QList>

#include <optional>

namespace shouyin {

class Database;

// Reads of orders, payments and the pay log. Writes go through Checkout only.
//
// The money path reads with the read…() functions, which tell a failed read from a
// missing row: a settler that took "the database did not answer" for "no such payment"
// would stop looking after a payment. The others are for display and tests: a failed
// read is logged and reads as nothing.
class OrderStore
{
public:
    explicit OrderStore(Database &database);

    Result<std::optional<Order>> readOrder(qint64 orderId) const;
    Result<std::optional<Payment>> readPayment(const QString &payNo) const;
    Result<QList<Payment>> readOpenPayments(const QString &terminalId = {}) const;

    std::optional<Order> order(qint64 orderId) const;
    std::optional<Order> orderByNo(const QString &orderNo) const;
    QList<OrderItem> items(qint64 orderId) const;
    std::optional<Payment> payment(const QString &payNo) const;
    QList<Payment> payments(qint64 orderId) const; // oldest first
    QList<Event> events(qint64 orderId) const;     // oldest first
    QList<Event> alerts() const;                   // every alert, newest first

    // Payments not yet settled (CREATING or PENDING), oldest first; only the orders of
    // `terminalId` when one is given.
    QList<Payment> openPayments(const QString &terminalId = {}) const;

private:
    Database &m_database;
};

} // namespace shouyin
