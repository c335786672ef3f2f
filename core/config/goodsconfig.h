#pragma once

#include "catalog/scalebarcode.h"
#include "util/result.h"

class QSettings;

namespace shouyin {

// How the shop sells its goods, from [stock] and [scale]:
//
//   [stock] sell_beyond_stock=false   true: a sale may take the shelf below zero (a shop
//                                     that does not keep its counts); false: a sale of
//                                     goods the shelf lacks is refused at the charge
//   [scale] barcodes=                 the label layouts of the shop's weighing scales,
//                                     comma-separated ("20IIIIIPPPPPC, 21IIIIIWWWWWC"; see
//                                     scalebarcode.h); empty: no scales
struct GoodsConfig
{
    bool sellBeyondStock = false;
    ScaleBarcodeFormats scales;

    static Result<GoodsConfig> load(const QSettings &ini);
};

} // namespace shouyin
