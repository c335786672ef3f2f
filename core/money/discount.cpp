#include "discount.h"

#include <QtNumeric>

#include <algorithm>
#include <numeric>

namespace shouyin {

namespace {

Error overflow()
{
    return Error{ErrorCode::AmountOverflow,
                 Discounts::tr("The discount is too large to work out.")};
}

} // namespace

bool DiscountLimits::needsApproval(const PricedSale &sale) const
{
    // discounted / gross > max%, without a division: the amounts are far below overflow
    // (a sale's gross fits in Fen, and 100 × it is checked when the sale is priced).
    return sale.discounted() * 100 > sale.gross * cashierMaxPercent;
}

Result<Fen> Discounts::off(Discount discount, Fen price)
{
    if (discount.percent < 0 || discount.percent > 100 || discount.amount < 0)
        return Error{ErrorCode::BadDiscount, tr("A discount is a percent from 0 to 100 or an "
                                                "amount that is not negative.")};
    if (discount.percent != 0 && discount.amount != 0)
        return Error{ErrorCode::BadDiscount, tr("A discount is a percent or an amount, not both.")};
    if (discount.amount > price)
        return Error{ErrorCode::BadDiscount,
                     tr("A discount of %1 is more than the %2 it is taken from.")
                         .arg(formatYuan(discount.amount), formatYuan(price))};
    if (discount.percent == 0)
        return discount.amount;
    // price × percent / 100 without forming the product: price = 100q + r.
    const Fen q = price / 100;
    const Fen r = price % 100;
    return q * discount.percent + (r * discount.percent + 50) / 100;
}

Result<QList<Fen>> Discounts::allocate(Fen amount, const QList<Fen> &weights)
{
    Fen sum = 0;
    for (Fen weight : weights) {
        if (weight < 0)
            return Error{ErrorCode::BadDiscount, tr("A line cannot cost less than nothing.")};
        if (qAddOverflow(sum, weight, &sum))
            return overflow();
    }
    if (amount < 0 || amount > sum)
        return Error{ErrorCode::BadDiscount,
                     tr("A discount of %1 is more than the %2 it is taken from.")
                         .arg(formatYuan(amount), formatYuan(sum))};
    QList<Fen> parts(weights.size(), 0);
    if (amount == 0)
        return parts;
    QList<Fen> remainders(weights.size(), 0);
    Fen given = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        Fen product = 0;
        if (qMulOverflow(amount, weights.at(i), &product))
            return overflow();
        parts[i] = product / sum;
        remainders[i] = product % sum;
        given += parts.at(i);
    }
    // What the floors left over goes a fen at a time to the largest remainders; each
    // remainder is below `sum`, so the leftover is below the number of lines.
    QList<qsizetype> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&remainders](qsizetype a, qsizetype b) {
        return remainders.at(a) > remainders.at(b);
    });
    for (qsizetype k = 0; given < amount; ++k, ++given)
        ++parts[order.at(k)];
    return parts;
}

Fen Discounts::roundOffOf(Fen total, RoundOff roundOff)
{
    const Fen unit = roundOff == RoundOff::Yuan ? 100 : roundOff == RoundOff::Jiao ? 10 : 1;
    const Fen dropped = total % unit;
    return total - dropped > 0 ? dropped : 0;
}

Result<PricedSale> Discounts::price(const QList<Fen> &gross, const QList<Discount> &lineDiscounts,
                                    Discount saleDiscount, RoundOff roundOff)
{
    PricedSale sale;
    QList<Fen> left;
    for (qsizetype i = 0; i < gross.size(); ++i) {
        PricedLine line;
        line.gross = gross.at(i);
        if (line.gross < 0)
            return Error{ErrorCode::BadDiscount, tr("A line cannot cost less than nothing.")};
        auto off = Discounts::off(lineDiscounts.value(i), line.gross);
        if (!off)
            return off.error();
        line.lineDiscount = *off;
        if (qAddOverflow(sale.gross, line.gross, &sale.gross) || sale.gross > kMaxSale)
            return overflow();
        sale.lineDiscounts += line.lineDiscount;
        left.append(line.gross - line.lineDiscount);
        sale.lines.append(line);
    }
    const Fen subtotal = sale.gross - sale.lineDiscounts;
    auto saleOff = Discounts::off(saleDiscount, subtotal);
    if (!saleOff)
        return saleOff.error();
    sale.saleDiscount = *saleOff;
    sale.roundOff = roundOffOf(subtotal - sale.saleDiscount, roundOff);
    sale.total = subtotal - sale.saleDiscount - sale.roundOff;
    auto shares = allocate(sale.saleDiscount + sale.roundOff, left);
    if (!shares)
        return shares.error();
    for (qsizetype i = 0; i < sale.lines.size(); ++i)
        sale.lines[i].share = shares->at(i);
    return sale;
}

} // namespace shouyin
