#pragma once

#include "money/money.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>

#include <limits>

namespace shouyin {

// What a cashier takes off a price: a whole percent of it (九折, 10% off, is 10; 8.5折 is
// 15) or an amount in fen. Never both.
struct Discount
{
    int percent = 0;
    Fen amount = 0;

    static Discount percentOff(int percent) { return {percent, 0}; }
    static Discount amountOff(Fen amount) { return {0, amount}; }
    bool isNone() const { return percent == 0 && amount == 0; }
    friend bool operator==(const Discount &, const Discount &) = default;
};

// 抹零: the small change the cashier drops from the total. Jiao keeps whole jiao (¥12.34
// becomes ¥12.30); Yuan keeps whole yuan (¥12.00).
enum class RoundOff { None, Jiao, Yuan };

// One line's share of a sale's discounts; everything in integer fen.
struct PricedLine
{
    Fen gross = 0;        // unit price × quantity
    Fen lineDiscount = 0; // the line's own discount
    Fen share = 0;        // its part of the whole-sale discount and the round-off
    Fen net() const { return gross - lineDiscount - share; }
};

// A sale with its discounts worked out. The lines' nets add up to `total` exactly: the
// whole-sale discount and the round-off are split over the lines in proportion to what
// each still costs, by largest remainder, so a return gives back exactly a line's part.
struct PricedSale
{
    QList<PricedLine> lines;
    Fen gross = 0;
    Fen lineDiscounts = 0;
    Fen saleDiscount = 0;
    Fen roundOff = 0;
    Fen total = 0;
    // What a cashier's limit counts: the discounts given, not the small change dropped.
    Fen discounted() const { return lineDiscounts + saleDiscount; }
};

// How far a cashier may go without a manager: line and whole-sale discounts together up
// to `cashierMaxPercent` of the sale's gross. Dropping small change (抹零) is always
// allowed: it is less than a yuan.
struct DiscountLimits
{
    int cashierMaxPercent = 10;
    bool needsApproval(const PricedSale &sale) const;
};

class Discounts
{
    Q_DECLARE_TR_FUNCTIONS(shouyin::Discounts)
public:
    // The largest gross a sale may have: a hundred times it still fits in Fen, which the
    // percent arithmetic and DiscountLimits rely on. About ¥920 billion.
    static constexpr Fen kMaxSale = std::numeric_limits<Fen>::max() / 100;

    // Prices a sale: `lineDiscounts` pairs with `gross` (missing entries are no discount).
    // Refused (BAD_DISCOUNT) for a percent outside 0..100, a negative amount, a discount
    // larger than what it is taken from, or both a percent and an amount; AMOUNT_OVERFLOW
    // when the arithmetic would not fit.
    static Result<PricedSale> price(const QList<Fen> &gross, const QList<Discount> &lineDiscounts,
                                    Discount saleDiscount, RoundOff roundOff);

    // What `discount` takes off `price`: a percent rounded half up to the fen.
    static Result<Fen> off(Discount discount, Fen price);

    // Splits `amount` over `weights` in proportion, largest remainder first (ties to the
    // earlier entry); the parts add up to `amount` and none exceeds its weight. `amount`
    // must be within 0..sum(weights), the weights not negative.
    static Result<QList<Fen>> allocate(Fen amount, const QList<Fen> &weights);

    // What rounding `total` down drops; nothing when that would leave nothing to pay.
    static Fen roundOffOf(Fen total, RoundOff roundOff);
};

} // namespace shouyin
