#pragma once

#include "store/records.h"

#include <QString>
#include <QVariant>

namespace shouyin::productrows {

// The columns every read of a product selects, in the order productFrom() reads them.
inline const QString &columns()
{
    static const QString kColumns = QStringLiteral(
        "id, barcode, name, price_fen, stock, reserved, category, unit, cost_fen, low_stock, "
        "open_price_max_fen, quick_key, plu, retired_at");
    return kColumns;
}

// `row` is a QSqlQuery or a QVariantList: anything with value(i).
template<typename Row> Product productFrom(const Row &row)
{
    auto optional = [&row](int i) -> std::optional<qint64> {
        const QVariant value = row.value(i);
        return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
    };
    Product product;
    product.id = row.value(0).toLongLong();
    product.barcode = row.value(1).toString();
    product.name = row.value(2).toString();
    product.price = row.value(3).toLongLong();
    product.stock = row.value(4).toLongLong();
    product.reserved = row.value(5).toLongLong();
    product.category = row.value(6).toString();
    product.unit = row.value(7).toString();
    product.cost = optional(8);
    product.lowStock = optional(9);
    product.openPriceMax = optional(10);
    product.quickKey = row.value(11).toLongLong() != 0;
    product.plu = row.value(12).toString();
    if (const auto retired = optional(13))
        product.retiredAt = QDateTime::fromMSecsSinceEpoch(*retired, Qt::UTC);
    return product;
}

} // namespace shouyin::productrows
