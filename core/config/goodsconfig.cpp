#include "goodsconfig.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace shouyin {

Result<GoodsConfig> GoodsConfig::load(const QSettings &ini)
{
    GoodsConfig config;
    // QSettings reads "yes" as a string, not false: only the two words a shop is told.
    const QString beyond =
        ini.value(u"stock/sell_beyond_stock"_s, u"false"_s).toString().trimmed().toLower();
    if (beyond != u"true" && beyond != u"false")
        return Error{ErrorCode::Config, u"[stock] sell_beyond_stock must be true or false"_s};
    config.sellBeyondStock = beyond == u"true";

    // A comma-separated value comes back from QSettings as a list.
    const QVariant barcodes = ini.value(u"scale/barcodes"_s);
    const QString patterns = barcodes.metaType().id() == QMetaType::QStringList
                                 ? barcodes.toStringList().join(u',')
                                 : barcodes.toString();
    auto scales = ScaleBarcodeFormats::parse(patterns);
    if (!scales)
        return Error{ErrorCode::Config, u"[scale] barcodes: "_s + scales.error().message};
    config.scales = std::move(scales).value();

    bool isNumber = false;
    const QString limit = ini.value(u"discounts/cashier_max_percent"_s, u"10"_s).toString();
    config.discountLimits.cashierMaxPercent = limit.trimmed().toInt(&isNumber);
    if (!isNumber || config.discountLimits.cashierMaxPercent < 0 ||
        config.discountLimits.cashierMaxPercent > 100)
        return Error{ErrorCode::Config,
                     u"[discounts] cashier_max_percent must be a whole number from 0 to 100, "
                     "not \"%1\""_s.arg(limit)};
    const QString roundTo =
        ini.value(u"discounts/round_to"_s, u"jiao"_s).toString().trimmed().toLower();
    if (roundTo != u"jiao" && roundTo != u"yuan")
        return Error{ErrorCode::Config, u"[discounts] round_to must be jiao or yuan"_s};
    config.roundOff = roundTo == u"yuan" ? RoundOff::Yuan : RoundOff::Jiao;
    return config;
}

} // namespace shouyin
