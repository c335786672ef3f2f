#include "cart.h"

#include <QtNumeric>

#include <algorithm>

namespace shouyin {

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
    return true;
}

bool Cart::remove(int row)
{
    if (row < 0 || row >= size())
        return false;
    m_items.removeAt(row);
    return true;
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
    Fen sum = 0;
    for (const CartItem &item : m_items)
        sum += item.lineTotal();
    return sum;
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
                                  : std::nullopt});
    return lines;
}

} // namespace shouyin
