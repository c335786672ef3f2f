#include "cart.h"

#include <QtNumeric>

#include <algorithm>

namespace shouyin {

Fen CartItem::discountedTotal() const
{
    const auto off = Discounts::off(discount, lineTotal());
    return lineTotal() - (off ? *off : 0);
}

int Cart::add(const Product &product, int quantity)
{
    if (quantity <= 0 || quantity > kMaxQuantity)
        return -1;
    // An open-price product typed at another price is a line of its own.
    const auto same =
        std::find_if(m_items.cbegin(), m_items.cend(), [&product](const CartItem &item) {
            return item.product.id == product.id && item.product.price == product.price;
        });
    const int row = same == m_items.cend() ? -1 : int(same - m_items.cbegin());
    if (row < 0) {
        if (!fits(-1, product.price, quantity))
            return -1;
        m_items.append(CartItem{product, quantity});
        return size() - 1;
    }
    const int newQuantity = m_items.at(row).quantity + quantity;
    if (!fits(row, m_items.at(row).product.price, newQuantity))
        return -1;
    m_items[row].quantity = newQuantity;
    dropDiscountsThatNoLongerFit();
    return row;
}

bool Cart::setQuantity(int row, int quantity)
{
    if (row < 0 || row >= size() || quantity < 0 || quantity > kMaxQuantity)
        return false;
    if (quantity == 0)
        return remove(row);
    if (!fits(row, m_items.at(row).product.price, quantity))
        return false;
    m_items[row].quantity = quantity;
    dropDiscountsThatNoLongerFit();
    return true;
}

bool Cart::remove(int row)
{
    if (row < 0 || row >= size())
        return false;
    m_items.removeAt(row);
    dropDiscountsThatNoLongerFit();
    return true;
}

void Cart::clear()
{
    m_items.clear();
    m_saleDiscount = {};
    m_roundOff = RoundOff::None;
    m_approver = Staff();
}

bool Cart::give(const DiscountChoice &choice)
{
    const bool given = choice.row >= 0 ? setLineDiscount(choice.row, choice.discount)
                                       : setSaleDiscount(choice.discount);
    if (!given)
        return false;
    m_roundOff = choice.roundOff;
    m_approver = Staff();
    return true;
}

bool Cart::setLineDiscount(int row, Discount discount)
{
    if (row < 0 || row >= size() || !Discounts::off(discount, m_items.at(row).lineTotal()))
        return false;
    const Discount before = m_items.at(row).discount;
    m_items[row].discount = discount;
    if (!Discounts::off(m_saleDiscount, subtotal())) {
        m_items[row].discount = before; // the sale's amount would be more than is left
        return false;
    }
    return true;
}

bool Cart::setSaleDiscount(Discount discount)
{
    if (!Discounts::off(discount, subtotal()))
        return false;
    m_saleDiscount = discount;
    return true;
}

void Cart::setRoundOff(RoundOff roundOff)
{
    m_roundOff = roundOff;
}

bool Cart::hasDiscounts() const
{
    return !m_saleDiscount.isNone() || m_roundOff != RoundOff::None ||
           std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const CartItem &item) { return !item.discount.isNone(); });
}

Fen Cart::subtotal() const
{
    Fen sum = 0;
    for (const CartItem &item : m_items)
        sum += item.discountedTotal();
    return sum;
}

PricedSale Cart::priced() const
{
    QList<Fen> gross;
    QList<Discount> discounts;
    for (const CartItem &item : m_items) {
        gross.append(item.lineTotal());
        discounts.append(item.discount);
    }
    // Every discount was checked when it was given and again when the lines changed.
    auto sale = Discounts::price(gross, discounts, m_saleDiscount, m_roundOff);
    if (sale)
        return std::move(sale).value();
    PricedSale undiscounted;
    for (Fen line : std::as_const(gross)) {
        undiscounted.lines.append({line, 0, 0});
        undiscounted.gross += line;
    }
    undiscounted.total = undiscounted.gross;
    return undiscounted;
}

void Cart::dropDiscountsThatNoLongerFit()
{
    for (CartItem &item : m_items) {
        if (!Discounts::off(item.discount, item.lineTotal()))
            item.discount = {};
    }
    if (!Discounts::off(m_saleDiscount, subtotal()))
        m_saleDiscount = {};
    if (m_items.isEmpty())
        clear();
}

bool Cart::fits(int row, Fen price, int quantity) const
{
    if (price < 0 || quantity > kMaxQuantity)
        return false;
    Fen sum = 0;
    if (qMulOverflow(price, Fen(quantity), &sum))
        return false;
    for (int other = 0; other < size(); ++other) {
        if (other != row && qAddOverflow(sum, m_items.at(other).lineTotal(), &sum))
            return false;
    }
    return true;
}

int Cart::indexOf(qint64 productId) const
{
    for (int row = 0; row < size(); ++row) {
        if (m_items.at(row).product.id == productId)
            return row;
    }
    return -1;
}

Fen Cart::total() const
{
    return priced().total;
}

int Cart::itemCount() const
{
    int count = 0;
    for (const CartItem &item : m_items)
        count += item.quantity;
    return count;
}

QList<CartLine> Cart::toCartLines() const
{
    QList<CartLine> lines;
    lines.reserve(m_items.size());
    for (const CartItem &item : m_items)
        lines.append(CartLine{item.product.id, item.quantity,
                              item.product.hasOpenPrice() || !item.product.plu.isEmpty()
                                  ? std::optional(item.product.price)
                                  : std::nullopt,
                              item.discount});
    return lines;
}

Sale Cart::toSale() const
{
    Sale sale(toCartLines());
    sale.discount = m_saleDiscount;
    sale.roundOff = m_roundOff;
    sale.approver = m_approver;
    return sale;
}

} // namespace shouyin
