#include "catalog.h"

#include "database.h"
#include "productrows.h"

#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

const QString &selectProducts()
{
    static const QString kSelect = u"SELECT %1 FROM products "_s.arg(productrows::columns());
    return kSelect;
}

} // namespace

Catalog::Catalog(Database &database, ShopClock clock)
    : m_database(database)
    , m_clock(std::move(clock))
{}

QList<Product> Catalog::products() const
{
    QList<Product> result;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(selectProducts() + u"WHERE retired_at IS NULL ORDER BY name"_s))
        return result;
    while (query.next())
        result.append(productrows::productFrom(query));
    return result;
}

std::optional<Product> Catalog::byBarcode(const QString &barcode) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(selectProducts() + u"WHERE barcode = ?"_s);
    query.addBindValue(barcode.trimmed());
    if (!query.exec() || !query.next())
        return std::nullopt;
    return productrows::productFrom(query);
}

std::optional<Product> Catalog::byId(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(selectProducts() + u"WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return productrows::productFrom(query);
}

std::optional<Product> Catalog::byPlu(const QString &itemCode) const
{
    QString digits = itemCode.trimmed();
    while (digits.startsWith(u'0'))
        digits.remove(0, 1);
    if (digits.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.prepare(selectProducts() + u"WHERE ltrim(plu, '0') = ? AND retired_at IS NULL"_s);
    query.addBindValue(digits);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return productrows::productFrom(query);
}

bool Catalog::isEmpty() const
{
    QSqlQuery query(m_database.connection());
    return !query.exec(u"SELECT 1 FROM products LIMIT 1"_s) || !query.next();
}

} // namespace shouyin
