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
    Discount discount = {};                                    // the line's own
    Fen lineTotal() const { return product.price * quantity; } // before its discount
    // After the line's own discount (one that no longer fits counts as none), before its
    // share of the sale's: what the cart shows on the line.
    Fen discountedTotal() const;
};

// One discount as the cashier gives it: off a line (its row) or the whole sale (-1), and
// whether the small change is dropped (抹零).
struct DiscountChoice
{
    int row = -1;
    Discount discount;
    RoundOff roundOff = RoundOff::None;
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
    // Empties the cart, its discounts and their approval.
    void clear();

    // Discounts as the cashier gives them; false when refused (a percent outside 0..100,
    // more off than the line or the sale costs). A change of the lines that leaves an
    // amount larger than what it was taken from drops that discount.
    // Gives `choice`, all of it or (false) nothing; the approval of earlier discounts goes,
    // since it was for those.
    bool give(const DiscountChoice &choice);
    bool setLineDiscount(int row, Discount discount);
    bool setSaleDiscount(Discount discount);
    void setRoundOff(RoundOff roundOff);
    // Who approved the discounts beyond the cashier's limit; kept until the cart is
    // cleared or its discounts change.
    void setApprover(const Staff &approver) { m_approver = approver; }
    Discount saleDiscount() const { return m_saleDiscount; }
    RoundOff roundOff() const { return m_roundOff; }
    const Staff &approver() const { return m_approver; }
    bool hasDiscounts() const;
    // The cart's figures as the checkout will work them out (at the scanned prices).
    PricedSale priced() const;

    int size() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.isEmpty(); }
    const CartItem &at(int row) const { return m_items.at(row); }
    const QList<CartItem> &items() const { return m_items; }
    int indexOf(qint64 productId) const;

    Fen total() const;     // after every discount
    int itemCount() const; // pieces, not lines

    QList<CartLine> toCartLines() const;
    // The lines with every discount and its approval: what Charge and Cash sell.
    Sale toSale() const;

private:
    // Drops what no longer fits after the lines changed (an amount off a line whose
    // quantity went down, a sale's amount larger than what is left).
    void dropDiscountsThatNoLongerFit();
    Fen subtotal() const; // after the lines' own discounts, before the sale's

    // Whether the line at `row` (or a new line when -1) may hold `quantity` of `price`.
    bool fits(int row, Fen price, int quantity) const;

    QList<CartItem> m_items;
    Discount m_saleDiscount;
    RoundOff m_roundOff = RoundOff::None;
    Staff m_approver;
};

} // namespace shouyin
