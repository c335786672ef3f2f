// The catalogue import: a CSV file checked line by line and shown before it is written,
// then written in one transaction, with the price history and stock ledger rows a
// manager's own changes would make.

#include "catalog.h"
#include "database.h"
#include "productbook.h"
#include "sqlwriter.h"

#include <QIODevice>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcProducts)

namespace shouyin {

namespace {

// How many bad lines a refusal names before "and n more".
constexpr int kNamedLines = 5;

ProductDraft draftOf(const CatalogRow &row)
{
    ProductDraft draft;
    draft.barcode = row.barcode;
    draft.name = row.name;
    draft.price = row.price;
    draft.category = row.category;
    draft.unit = row.unit;
    draft.cost = row.cost;
    draft.lowStock = row.lowStock;
    return draft;
}

} // namespace

Result<CatalogPreview> Catalog::previewCsv(const QByteArray &csv) const
{
    auto parsed = CatalogCsv::parse(csv);
    if (!parsed)
        return parsed.error();
    CatalogPreview preview = std::move(parsed).value();
    // The file's rules let through what a product may still not be (a price of ¥0.00).
    QList<CatalogRow> good;
    for (const CatalogRow &row : std::as_const(preview.rows)) {
        if (const Status valid = ProductBook::check(draftOf(row)); !valid)
            preview.errors.append({row.line, valid.error().message});
        else
            good.append(row);
    }
    preview.rows = good;
    std::sort(preview.errors.begin(), preview.errors.end(),
              [](const CatalogLineError &a, const CatalogLineError &b) { return a.line < b.line; });
    return preview;
}

Status Catalog::importPreview(const CatalogPreview &preview, const QString &operatorName)
{
    if (!preview.isClean())
        return Error{ErrorCode::Catalog,
                     tr("%n line(s) of the file cannot be imported; nothing was written.", "",
                        int(preview.errors.size()))};
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        for (const CatalogRow &row : preview.rows) {
            if (auto imported = importRow(sql, preview, row, operatorName, now); !imported)
                return Error{imported.error().code,
                             tr("Line %1: %2").arg(row.line).arg(imported.error().message)};
        }
        return success();
    });
    if (status)
        qCInfo(lcProducts) << operatorName << "imported" << preview.rows.size() << "products";
    return status;
}

Status Catalog::importPreview(const CatalogPreview &preview, const Staff &staff)
{
    if (auto allowed = staff.require(Permission::ManageProducts); !allowed)
        return allowed;
    return importPreview(preview, staff.name());
}

Status Catalog::importCsv(QIODevice &csv, const QString &operatorName)
{
    auto preview = previewCsv(csv.readAll());
    if (!preview)
        return preview.error();
    if (!preview->isClean()) {
        QStringList lines;
        for (const CatalogLineError &error :
             std::as_const(preview->errors)
                 .first(std::min<qsizetype>(kNamedLines, preview->errors.size())))
            lines.append(tr("line %1: %2").arg(error.line).arg(error.reason));
        if (preview->errors.size() > kNamedLines)
            lines.append(tr("and %n more", "", int(preview->errors.size() - kNamedLines)));
        return Error{ErrorCode::Catalog, lines.join(u"; "_s)};
    }
    return importPreview(*preview, operatorName);
}

Status Catalog::importRow(SqlWriter &sql, const CatalogPreview &preview, const CatalogRow &row,
                          const QString &operatorName, const QDateTime &now)
{
    const auto has = [&preview](QLatin1StringView column) {
        return preview.columns.contains(column);
    };
    const QString lock =
        sql.dialect() == SqlDialect::Postgres ? u" FOR NO KEY UPDATE"_s : QString();
    auto existing = sql.row(u"SELECT id, price_fen, stock, category, unit, cost_fen, low_stock "
                            "FROM products WHERE barcode = ?"_s +
                                lock,
                            {row.barcode});
    if (!existing)
        return existing.error();
    qint64 productId = 0;
    Fen oldPrice = 0;
    qint64 oldStock = 0;
    if (existing->isEmpty()) {
        auto id = sql.row(u"INSERT INTO products (barcode, name, price_fen, category, unit, "
                          "cost_fen, low_stock, stock) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING id"_s,
                          {row.barcode, row.name, row.price, SqlWriter::textNotNull(row.category),
                           SqlWriter::textNotNull(row.unit), SqlWriter::numberOrNull(row.cost),
                           SqlWriter::numberOrNull(row.lowStock), row.stock.value_or(0)});
        if (!id)
            return id.error();
        productId = id->value(0).toLongLong();
        if (auto price = ProductBook::writePriceChange(
                sql, {productId, now, std::nullopt, row.price, operatorName});
            !price)
            return price;
    } else {
        productId = existing->at(0).toLongLong();
        oldPrice = existing->at(1).toLongLong();
        oldStock = existing->at(2).toLongLong();
        // Only the columns the file has: a file of prices leaves the categories alone.
        auto updated = sql.exec(
            u"UPDATE products SET name = ?, price_fen = ?, category = ?, unit = ?, "
            "cost_fen = ?, low_stock = ?, stock = ? WHERE id = ?"_s,
            {row.name, row.price,
             has("category"_L1) ? QVariant(SqlWriter::textNotNull(row.category)) : existing->at(3),
             has("unit"_L1) ? QVariant(SqlWriter::textNotNull(row.unit)) : existing->at(4),
             has("cost"_L1) ? SqlWriter::numberOrNull(row.cost) : existing->at(5),
             has("low_stock"_L1) ? SqlWriter::numberOrNull(row.lowStock) : existing->at(6),
             row.stock.value_or(oldStock), productId});
        if (!updated)
            return updated.error();
        if (oldPrice != row.price) {
            if (auto price = ProductBook::writePriceChange(
                    sql, {productId, now, oldPrice, row.price, operatorName});
                !price)
                return price;
        }
    }
    if (!row.stock || (!existing->isEmpty() && *row.stock == oldStock))
        return success();
    StockMove imported{0,        productId,  now, StockMoveKind::Imported,
                       oldStock, *row.stock, {},  operatorName};
    return ProductBook::writeStockMove(sql, imported);
}

} // namespace shouyin
