#pragma once

#include "auth/staff.h"
#include "catalog/catalogcsv.h"
#include "store/records.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class QIODevice;

namespace shouyin {

class Database;
class SqlWriter;

// The shop's products as the counter reads them (lookup by barcode, the list), and the
// catalogue import: a CSV file previewed with every bad line named before anything is
// written, then written all or nothing.
class Catalog
{
    Q_DECLARE_TR_FUNCTIONS(shouyin::Catalog)
public:
    explicit Catalog(Database &database, ShopClock clock = ShopClock());

    QList<Product> products() const; // on sale (not retired), ordered by name
    std::optional<Product> byBarcode(const QString &barcode) const;
    std::optional<Product> byId(qint64 id) const;
    // The product a weighing scale's label names by its item code (leading zeros aside).
    std::optional<Product> byPlu(const QString &itemCode) const;
    bool isEmpty() const;

    // What importing `csv` would do: its rows, and every line refused with its reason
    // (the file's own rules, and the product rules of ProductBook::check). An error only
    // for a file that cannot be read as a catalogue at all.
    Result<CatalogPreview> previewCsv(const QByteArray &csv) const;
    // Writes a clean preview: new barcodes are added, existing ones take the file's
    // values for the columns it has. A changed price is kept in the price history, a
    // stock the file sets is an "imported" row of the stock ledger. All or nothing.
    Status importPreview(const CatalogPreview &preview, const QString &operatorName);
    // The same, by a signed-in manager (Permission::ManageProducts): the Products page's.
    Status importPreview(const CatalogPreview &preview, const Staff &staff);
    // Both, for `--import-catalog` and the tests: refused, with the first bad lines named,
    // unless every line is good.
    Status importCsv(QIODevice &csv, const QString &operatorName = QStringLiteral("import"));

private:
    Status importRow(SqlWriter &sql, const CatalogPreview &preview, const CatalogRow &row,
                     const QString &operatorName, const QDateTime &now);

    Database &m_database;
    ShopClock m_clock;
};

} // namespace shouyin
