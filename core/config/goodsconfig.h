#pragma once

#include "catalog/scalebarcode.h"
#include "money/discount.h"
#include "util/result.h"

class QSettings;

namespace shouyin {

// How the shop sells its goods, from [stock], [scale] and [discounts]:
//
//   [stock] sell_beyond_stock=false   true: a sale may take the shelf below zero (a shop
//                                     that does not keep its counts); false: a sale of
//                                     goods the shelf lacks is refused at the charge
//   [scale] barcodes=                 the label layouts of the shop's weighing scales,
//                                     comma-separated ("20IIIIIPPPPPC, 21IIIIIWWWWWC"; see
//                                     scalebarcode.h); empty: no scales
//   [discounts] cashier_max_percent=10  line and whole-sale discounts a cashier may give,
//                                     as a percent of the sale (0..100); beyond it a
//                                     manager approves with their PIN
//   [discounts] round_to=jiao          what 抹零 keeps: jiao (drops the fen) or yuan
//                                     (drops jiao and fen)
struct GoodsConfig
{
    bool sellBeyondStock = false;
    ScaleBarcodeFormats scales;
    DiscountLimits discountLimits;
    RoundOff roundOff = RoundOff::Jiao;

    static Result<GoodsConfig> load(const QSettings &ini);
};

} // namespace shouyin
