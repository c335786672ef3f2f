#pragma once

#include "checkout/checkout.h"
#include "money/money.h"
#include "store/records.h"

#include <QList>

namespace shouyin {

// One row of the cart: a product as it was when scanned, and how many of it.
struct CartItem
{
    Product product;
    int quantity = 0;
    Fen lineTotal() const { return product.price * quantity; }
};

// What the customer is buying, before it becomes an order. A plain value: the UI's
// item model wraps it, Checkout::placeOrder receives toCartLines(). Prices shown here
// are the catalogue's at scan time (an open-price product's: the price the cashier typed);
// the order is priced again when it is placed.
class Cart
{
public:
    // Far above any till's needs; a larger count is a typo or a scanner stuck on repeat.
    static constexpr int kMaxQuantity = 9999;

    // Adds `quantity` of `product`; the same product (by id, at the same price: an open
    // price typed differently is another line) adds to its existing line.
    // Returns the row of the line, or -1 if refused: a quantity outside 1..kMaxQuantity,
    // a negative price, or a total that would not fit in Fen.
    int add(const Product &product, int quantity = 1);
    // Sets the quantity of the line at `row`; 0 removes the line. False if refused.
    bool setQuantity(int row, int quantity);
    bool remove(int row);
    void clear() { m_items.clear(); }

    int size() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.isEmpty(); }
    const CartItem &at(int row) const { return m_items.at(row); }
    const QList<CartItem> &items() const { return m_items; }
    int indexOf(qint64 productId) const;

    Fen total() const;
    int itemCount() const; // pieces, not lines

    QList<CartLine> toCartLines() const;

private:
    // Whether the line at `row` (or a new line when -1) may hold `quantity` of `price`.
    bool fits(int row, Fen price, int quantity) const;

    QList<CartItem> m_items;
};

} // namespace shouyin
