#pragma once

#include "store/records.h"

#include <QList>

#include <optional>

namespace shouyin {

class Database;

// Reads of orders, payments and the pay log. Writes go through Checkout only.
class OrderStore
{
public:
    explicit OrderStore(Database &database);

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
