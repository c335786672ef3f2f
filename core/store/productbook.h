#pragma once

#include "auth/staff.h"
#include "store/records.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace shouyin {

class Database;
class SqlWriter;

// What a manager types for a product; the shelf's count is not part of it (stock moves
// through the ledger below).
struct ProductDraft
{
    QString barcode;
    QString name;
    Fen price = 0; // the price; for an open-price product, the one suggested
    QString category;
    QString unit;
    std::optional<Fen> cost;
    std::optional<qint64> lowStock;
    std::optional<Fen> openPriceMax;
    bool quickKey = false;
    QString plu;

    static ProductDraft of(const Product &product);
};

// The stock ledger's kinds of row: the count a product started with, goods received,
// a stocktake count, a correction with its reason, and a catalogue import's count.
enum class StockMoveKind { Opening, Received, Counted, Adjusted, Imported };
QLatin1StringView sqlText(StockMoveKind kind); // "opening", "received", …
std::optional<StockMoveKind> stockMoveKindFromSql(QStringView text);

struct StockMove
{
    qint64 id = 0;
    qint64 productId = 0;
    QDateTime at;
    StockMoveKind kind = StockMoveKind::Adjusted;
    qint64 before = 0;
    qint64 after = 0;
    QString reason;
    QString operatorName;
    qint64 delta() const { return after - before; }
};

struct PriceChange
{
    qint64 productId = 0;
    QDateTime at;
    std::optional<Fen> oldPrice; // none for the product's first price
    Fen newPrice = 0;
    QString operatorName;
};

// The shop's products as a manager keeps them: added, changed, retired (a product that
// was sold is never deleted: its orders name it), their prices over time, and a stock
// ledger in which every change of the shelf's count other than a sale or a return is a
// row saying who, when, why, before and after.
//
// A price change is for the next sale: an order keeps the price it was placed at. Each
// change is one transaction; the count is changed by a relative update (received,
// adjusted) or under the row's lock (counted), so sales on other tills meanwhile are never
// lost. Permissions are checked here (Permission::ManageProducts).
class ProductBook
{
    Q_DECLARE_TR_FUNCTIONS(shouyin::ProductBook)
public:
    static constexpr int kMaxNameLength = 80;
    static constexpr int kMaxBarcodeLength = 32;

    ProductBook(Database &database, ShopClock clock = ShopClock());

    // A new product with `openingStock` on the shelf (an "opening" ledger row).
    Result<Product> add(const Staff &staff, const ProductDraft &draft, qint64 openingStock = 0);
    // Changes what the product is; a new price is kept in its price history.
    Result<Product> update(const Staff &staff, qint64 productId, const ProductDraft &draft);
    Status retire(const Staff &staff, qint64 productId);
    Status restore(const Staff &staff, qint64 productId);

    Result<StockMove> receive(const Staff &staff, qint64 productId, qint64 quantity,
                              const QString &reason);
    Result<StockMove> count(const Staff &staff, qint64 productId, qint64 counted,
                            const QString &reason);
    Result<StockMove> adjust(const Staff &staff, qint64 productId, qint64 delta,
                             const QString &reason);

    Result<std::optional<Product>> product(qint64 productId) const;
    // Every product, retired ones too, by name: the manager's list.
    Result<QList<Product>> allProducts() const;
    // Products on sale at or below their low-stock level, the emptiest first.
    Result<QList<Product>> lowStock() const;
    Result<QList<StockMove>> stockMoves(qint64 productId) const;     // newest first
    Result<QList<PriceChange>> priceHistory(qint64 productId) const; // newest first

    // The rule for a draft, also for the product page's fields: an empty status or the
    // reason it is refused.
    static Status check(const ProductDraft &draft);

    // The rows of the two ledgers, inside the caller's transaction: the catalogue import
    // writes them as a manager's own changes do.
    static Status writePriceChange(SqlWriter &sql, const PriceChange &change);
    static Status writeStockMove(SqlWriter &sql, StockMove &move);

private:
    Result<StockMove> moveStock(const Staff &staff, qint64 productId, StockMoveKind kind,
                                std::optional<qint64> delta, std::optional<qint64> counted,
                                const QString &reason);
    Status setRetired(const Staff &staff, qint64 productId, bool retired);
    Result<QList<Product>> readProducts(const QString &orderAndFilter) const;

    Database &m_database;
    ShopClock m_clock;
};

} // namespace shouyin
