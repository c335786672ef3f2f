#pragma once

#include "store/records.h"
#include "util/result.h"

#include <QList>

#include <optional>

class QIODevice;

namespace shouyin {

class Database;

// The shop's products: lookup by barcode, listing, and importing a CSV catalogue.
class Catalog
{
public:
    explicit Catalog(Database &database);

    QList<Product> products() const; // ordered by name
    std::optional<Product> byBarcode(const QString &barcode) const;
    std::optional<Product> byId(qint64 id) const;
    bool isEmpty() const;

    // Imports "barcode,name,price_yuan,stock" lines (first line a header); existing
    // barcodes are updated. All or nothing.
    Status importCsv(QIODevice &csv);

private:
    Database &m_database;
};

} // namespace shouyin
