#include "productbook.h"

#include "database.h"
#include "productrows.h"
#include "sqlwriter.h"

#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcProducts, "shouyin.products")

namespace shouyin {

namespace {

constexpr QLatin1StringView kKindWords[] = {"opening"_L1, "received"_L1, "counted"_L1,
                                            "adjusted"_L1, "imported"_L1};

// Far above any shelf; a larger count is a typo (a barcode typed into the count field).
constexpr qint64 kMaxStock = 10'000'000;

QString selectProducts(const QString &tail)
{
    return u"SELECT %1 FROM products %2"_s.arg(productrows::columns(), tail);
}

QVariantList draftValues(const ProductDraft &draft)
{
    return {draft.barcode.trimmed(),
            draft.name.trimmed(),
            draft.price,
            SqlWriter::textNotNull(draft.category.trimmed()),
            SqlWriter::textNotNull(draft.unit.trimmed()),
            SqlWriter::numberOrNull(draft.cost),
            SqlWriter::numberOrNull(draft.lowStock),
            SqlWriter::numberOrNull(draft.openPriceMax),
            draft.quickKey ? 1 : 0,
            SqlWriter::textOrNull(draft.plu.trimmed())};
}

Result<Product> readProduct(SqlWriter &sql, qint64 productId)
{
    auto row = sql.row(selectProducts(u"WHERE id = ?"_s), {productId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error{ErrorCode::UnknownProduct,
                     ProductBook::tr("Product %1 does not exist.").arg(productId)};
    return productrows::productFrom(*row);
}

// Says which product already has the barcode or scale code, rather than the database's
// constraint name.
Status checkUnique(SqlWriter &sql, const ProductDraft &draft, qint64 productId)
{
    auto barcode = sql.row(u"SELECT name FROM products WHERE barcode = ? AND id <> ?"_s,
                           {draft.barcode.trimmed(), productId});
    if (!barcode)
        return barcode.error();
    if (!barcode->isEmpty())
        return Error{ErrorCode::Catalog,
                     ProductBook::tr("Barcode %1 is already %2.")
                         .arg(draft.barcode.trimmed(), barcode->at(0).toString())};
    if (draft.plu.trimmed().isEmpty())
        return success();
    auto plu = sql.row(u"SELECT name FROM products WHERE plu = ? AND id <> ?"_s,
                       {draft.plu.trimmed(), productId});
    if (!plu)
        return plu.error();
    if (!plu->isEmpty())
        return Error{ErrorCode::Catalog, ProductBook::tr("Scale code %1 is already %2.")
                                             .arg(draft.plu.trimmed(), plu->at(0).toString())};
    return success();
}

} // namespace

QLatin1StringView sqlText(StockMoveKind kind)
{
    return kKindWords[int(kind)];
}

std::optional<StockMoveKind> stockMoveKindFromSql(QStringView text)
{
    for (int i = 0; i < int(std::size(kKindWords)); ++i) {
        if (text == kKindWords[i])
            return StockMoveKind(i);
    }
    return std::nullopt;
}

ProductDraft ProductDraft::of(const Product &product)
{
    return {product.barcode, product.name,     product.price,        product.category, product.unit,
            product.cost,    product.lowStock, product.openPriceMax, product.quickKey, product.plu};
}

ProductBook::ProductBook(Database &database, ShopClock clock)
    : m_database(database)
    , m_clock(std::move(clock))
{}

Status ProductBook::check(const ProductDraft &draft)
{
    static const QRegularExpression kBarcode(u"^[0-9A-Za-z-]+$"_s);
    static const QRegularExpression kPlu(u"^[0-9]{1,6}$"_s);
    const QString barcode = draft.barcode.trimmed();
    const QString name = draft.name.trimmed();
    if (barcode.isEmpty())
        return Error{ErrorCode::Catalog, tr("A product needs a barcode or a code of the shop's.")};
    if (barcode.size() > kMaxBarcodeLength || !kBarcode.match(barcode).hasMatch())
        return Error{ErrorCode::Catalog,
                     tr("Barcode %1 may hold only digits, letters and '-', at most %2.")
                         .arg(barcode)
                         .arg(kMaxBarcodeLength)};
    if (name.isEmpty())
        return Error{ErrorCode::Catalog, tr("A product needs a name.")};
    if (name.size() > kMaxNameLength)
        return Error{ErrorCode::Catalog,
                     tr("The name is longer than %1 characters.").arg(kMaxNameLength)};
    if (draft.price < 0 || (draft.cost && *draft.cost < 0))
        return Error{ErrorCode::BadPrice, tr("Prices cannot be negative.")};
    if (draft.openPriceMax) {
        if (*draft.openPriceMax <= 0)
            return Error{ErrorCode::BadPrice, tr("An open price needs a highest price above ¥0.")};
        if (draft.price > *draft.openPriceMax)
            return Error{ErrorCode::BadPrice,
                         tr("The suggested price is above the highest the cashier may type.")};
    } else if (draft.price == 0) {
        return Error{ErrorCode::BadPrice,
                     tr("A fixed price of ¥0.00 sells for nothing; give a price, or let the "
                        "cashier type it (open price).")};
    }
    if (draft.lowStock && *draft.lowStock < 0)
        return Error{ErrorCode::Catalog, tr("The low-stock level cannot be negative.")};
    if (!draft.plu.trimmed().isEmpty() && !kPlu.match(draft.plu.trimmed()).hasMatch())
        return Error{ErrorCode::Catalog, tr("A scale code is 1 to 6 digits.")};
    return success();
}

Result<Product> ProductBook::add(const Staff &staff, const ProductDraft &draft, qint64 openingStock)
{
    if (auto allowed = staff.require(Permission::ManageProducts); !allowed)
        return allowed.error();
    if (auto valid = check(draft); !valid)
        return valid.error();
    if (openingStock < -kMaxStock || openingStock > kMaxStock)
        return Error{ErrorCode::BadQuantity, tr("%1 is not a count of goods.").arg(openingStock)};
    const QDateTime now = m_clock.now();
    Product product;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        if (auto unique = checkUnique(sql, draft, 0); !unique)
            return unique;
        QVariantList values = draftValues(draft);
        values.append(openingStock);
        auto id = sql.row(u"INSERT INTO products (barcode, name, price_fen, category, unit, "
                          "cost_fen, low_stock, open_price_max_fen, quick_key, plu, stock) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                          values);
        if (!id)
            return id.error();
        const qint64 productId = id->value(0).toLongLong();
        if (auto price =
                writePriceChange(sql, {productId, now, std::nullopt, draft.price, staff.name()});
            !price)
            return price;
        StockMove opening{0, productId,    now, StockMoveKind::Opening,
                          0, openingStock, {},  staff.name()};
        if (auto moved = writeStockMove(sql, opening); !moved)
            return moved;
        auto read = readProduct(sql, productId);
        if (!read)
            return read.error();
        product = *read;
        return success();
    });
    if (!status)
        return status.error();
    qCInfo(lcProducts) << staff.name() << "added product" << product.id << product.barcode;
    return product;
}

Result<Product> ProductBook::update(const Staff &staff, qint64 productId, const ProductDraft &draft)
{
    if (auto allowed = staff.require(Permission::ManageProducts); !allowed)
        return allowed.error();
    if (auto valid = check(draft); !valid)
        return valid.error();
    const QDateTime now = m_clock.now();
    Product product;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        auto before = readProduct(sql, productId);
        if (!before)
            return before.error();
        if (auto unique = checkUnique(sql, draft, productId); !unique)
            return unique;
        QVariantList values = draftValues(draft);
        values.append(productId);
        auto updated = sql.exec(u"UPDATE products SET barcode = ?, name = ?, price_fen = ?, "
                                "category = ?, unit = ?, cost_fen = ?, low_stock = ?, "
                                "open_price_max_fen = ?, quick_key = ?, plu = ? WHERE id = ?"_s,
                                values);
        if (!updated)
            return updated.error();
        if (before->price != draft.price) {
            if (auto price = writePriceChange(
                    sql, {productId, now, before->price, draft.price, staff.name()});
                !price)
                return price;
        }
        auto read = readProduct(sql, productId);
        if (!read)
            return read.error();
        product = *read;
        return success();
    });
    if (!status)
        return status.error();
    return product;
}

Status ProductBook::retire(const Staff &staff, qint64 productId)
{
    return setRetired(staff, productId, true);
}

Status ProductBook::restore(const Staff &staff, qint64 productId)
{
    return setRetired(staff, productId, false);
}

Status ProductBook::setRetired(const Staff &staff, qint64 productId, bool retired)
{
    if (auto allowed = staff.require(Permission::ManageProducts); !allowed)
        return allowed;
    SqlWriter sql(m_database);
    auto changed =
        sql.exec(u"UPDATE products SET retired_at = ? WHERE id = ?"_s,
                 {retired ? SqlWriter::time(m_clock.now()) : SqlWriter::time({}), productId});
    if (!changed)
        return changed.error();
    if (*changed == 0)
        return Error{ErrorCode::UnknownProduct, tr("Product %1 does not exist.").arg(productId)};
    return success();
}

Result<StockMove> ProductBook::receive(const Staff &staff, qint64 productId, qint64 quantity,
                                       const QString &reason)
{
    if (quantity <= 0 || quantity > kMaxStock)
        return Error{ErrorCode::BadQuantity,
                     tr("Goods received are counted from 1 to %1.").arg(kMaxStock)};
    return moveStock(staff, productId, StockMoveKind::Received, quantity, std::nullopt, reason);
}

Result<StockMove> ProductBook::count(const Staff &staff, qint64 productId, qint64 counted,
                                     const QString &reason)
{
    if (counted < 0 || counted > kMaxStock)
        return Error{ErrorCode::BadQuantity, tr("%1 is not a count of goods.").arg(counted)};
    return moveStock(staff, productId, StockMoveKind::Counted, std::nullopt, counted, reason);
}

Result<StockMove> ProductBook::adjust(const Staff &staff, qint64 productId, qint64 delta,
                                      const QString &reason)
{
    if (delta == 0 || delta < -kMaxStock || delta > kMaxStock)
        return Error{ErrorCode::BadQuantity, tr("An adjustment changes the count by 1 or more.")};
    if (reason.trimmed().isEmpty())
        return Error{ErrorCode::Catalog, tr("An adjustment needs a reason (damaged, lost, …).")};
    return moveStock(staff, productId, StockMoveKind::Adjusted, delta, std::nullopt, reason);
}

Result<StockMove> ProductBook::moveStock(const Staff &staff, qint64 productId, StockMoveKind kind,
                                         std::optional<qint64> delta, std::optional<qint64> counted,
                                         const QString &reason)
{
    if (auto allowed = staff.require(Permission::ManageProducts); !allowed)
        return allowed.error();
    StockMove move{0, productId, m_clock.now(), kind, 0, 0, reason.trimmed(), staff.name()};
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        // A sale on another till cannot slip between the read of `before` and the update:
        // PostgreSQL holds the row's lock; SQLite (WAL) refuses the write of a transaction
        // whose snapshot another connection's commit made stale.
        const QString lock =
            sql.dialect() == SqlDialect::Postgres ? u" FOR NO KEY UPDATE"_s : QString();
        auto row = sql.row(u"SELECT stock FROM products WHERE id = ?"_s + lock, {productId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return Error{ErrorCode::UnknownProduct,
                         tr("Product %1 does not exist.").arg(productId)};
        move.before = row->at(0).toLongLong();
        move.after = counted ? *counted : move.before + *delta;
        if (move.after < -kMaxStock || move.after > kMaxStock)
            return Error{ErrorCode::BadQuantity, tr("%1 is not a count of goods.").arg(move.after)};
        auto updated =
            sql.exec(u"UPDATE products SET stock = ? WHERE id = ?"_s, {move.after, productId});
        if (!updated)
            return updated.error();
        return writeStockMove(sql, move);
    });
    if (!status)
        return status.error();
    qCInfo(lcProducts) << staff.name() << sqlText(kind) << "product" << productId << move.before
                       << "->" << move.after;
    return move;
}

Status ProductBook::writePriceChange(SqlWriter &sql, const PriceChange &change)
{
    auto written =
        sql.exec(u"INSERT INTO price_history (product_id, at, old_price_fen, "
                 "new_price_fen, operator) VALUES (?, ?, ?, ?, ?)"_s,
                 {change.productId, SqlWriter::time(change.at),
                  SqlWriter::numberOrNull(change.oldPrice), change.newPrice, change.operatorName});
    return written ? success() : Status(written.error());
}

Status ProductBook::writeStockMove(SqlWriter &sql, StockMove &move)
{
    auto id =
        sql.row(u"INSERT INTO stock_moves (product_id, at, kind, quantity_before, "
                "quantity_after, reason, operator) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id"_s,
                {move.productId, SqlWriter::time(move.at), QString(sqlText(move.kind)), move.before,
                 move.after, SqlWriter::textNotNull(move.reason), move.operatorName});
    if (!id)
        return id.error();
    move.id = id->value(0).toLongLong();
    return success();
}

Result<std::optional<Product>> ProductBook::product(qint64 productId) const
{
    SqlWriter sql(m_database);
    auto read = readProduct(sql, productId);
    if (!read) {
        if (read.error().code == ErrorCode::UnknownProduct)
            return std::optional<Product>();
        return read.error();
    }
    return std::optional<Product>(*read);
}

Result<QList<Product>> ProductBook::allProducts() const
{
    return readProducts(u"ORDER BY name, id"_s);
}

Result<QList<Product>> ProductBook::lowStock() const
{
    return readProducts(u"WHERE retired_at IS NULL AND low_stock IS NOT NULL "
                        "AND stock <= low_stock ORDER BY stock - low_stock, name, id"_s);
}

Result<QList<Product>> ProductBook::readProducts(const QString &tail) const
{
    SqlWriter sql(m_database);
    auto rows = sql.rows(selectProducts(tail));
    if (!rows)
        return rows.error();
    QList<Product> products;
    for (const QVariantList &row : std::as_const(*rows))
        products.append(productrows::productFrom(row));
    return products;
}

Result<QList<StockMove>> ProductBook::stockMoves(qint64 productId) const
{
    SqlWriter sql(m_database);
    auto rows = sql.rows(u"SELECT id, at, kind, quantity_before, quantity_after, reason, "
                         "operator FROM stock_moves WHERE product_id = ? ORDER BY id DESC"_s,
                         {productId});
    if (!rows)
        return rows.error();
    QList<StockMove> moves;
    for (const QVariantList &row : std::as_const(*rows)) {
        StockMove move;
        move.id = row.at(0).toLongLong();
        move.productId = productId;
        move.at = QDateTime::fromMSecsSinceEpoch(row.at(1).toLongLong(), Qt::UTC);
        move.kind = stockMoveKindFromSql(row.at(2).toString()).value_or(StockMoveKind::Adjusted);
        move.before = row.at(3).toLongLong();
        move.after = row.at(4).toLongLong();
        move.reason = row.at(5).toString();
        move.operatorName = row.at(6).toString();
        moves.append(move);
    }
    return moves;
}

Result<QList<PriceChange>> ProductBook::priceHistory(qint64 productId) const
{
    SqlWriter sql(m_database);
    auto rows = sql.rows(u"SELECT at, old_price_fen, new_price_fen, operator FROM price_history "
                         "WHERE product_id = ? ORDER BY id DESC"_s,
                         {productId});
    if (!rows)
        return rows.error();
    QList<PriceChange> changes;
    for (const QVariantList &row : std::as_const(*rows)) {
        PriceChange change;
        change.productId = productId;
        change.at = QDateTime::fromMSecsSinceEpoch(row.at(0).toLongLong(), Qt::UTC);
        if (!row.at(1).isNull())
            change.oldPrice = row.at(1).toLongLong();
        change.newPrice = row.at(2).toLongLong();
        change.operatorName = row.at(3).toString();
        changes.append(change);
    }
    return changes;
}

} // namespace shouyin
