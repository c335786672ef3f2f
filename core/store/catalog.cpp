#include "catalog.h"

#include "database.h"

#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

const QString kSelect = u"SELECT id, barcode, name, price_fen, stock, reserved FROM products "_s;

Product productFrom(const QSqlQuery &query)
{
    Product product;
    product.id = query.value(0).toLongLong();
    product.barcode = query.value(1).toString();
    product.name = query.value(2).toString();
    product.price = query.value(3).toLongLong();
    product.stock = query.value(4).toLongLong();
    product.reserved = query.value(5).toLongLong();
    return product;
}

} // namespace

Catalog::Catalog(Database &database)
    : m_database(database)
{}

QList<Product> Catalog::products() const
{
    QList<Product> result;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(kSelect + u"ORDER BY name"_s))
        return result;
    while (query.next())
        result.append(productFrom(query));
    return result;
}

std::optional<Product> Catalog::byBarcode(const QString &barcode) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(kSelect + u"WHERE barcode = ?"_s);
    query.addBindValue(barcode.trimmed());
    if (!query.exec() || !query.next())
        return std::nullopt;
    return productFrom(query);
}

std::optional<Product> Catalog::byId(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(kSelect + u"WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return productFrom(query);
}

bool Catalog::isEmpty() const
{
    QSqlQuery query(m_database.connection());
    return !query.exec(u"SELECT 1 FROM products LIMIT 1"_s) || !query.next();
}

Status Catalog::importCsv(QIODevice &csv)
{
    return m_database.transaction([&]() -> Status {
        QSqlQuery upsert(m_database.connection());
        upsert.prepare(
            u"INSERT INTO products (barcode, name, price_fen, stock) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (barcode) DO UPDATE SET name = excluded.name, "
            "price_fen = excluded.price_fen, stock = excluded.stock"_s);
        int lineNo = 0;
        while (!csv.atEnd()) {
            const QString line = QString::fromUtf8(csv.readLine()).trimmed();
            if (++lineNo == 1 || line.isEmpty())
                continue; // header
            const QStringList fields = line.split(u',');
            const auto price =
                fields.size() == 4 ? parseYuan(fields.at(2).trimmed()) : std::nullopt;
            bool stockOk = false;
            const qint64 stock =
                fields.size() == 4 ? fields.at(3).trimmed().toLongLong(&stockOk) : 0;
            if (!price || *price < 0 || !stockOk || fields.at(0).trimmed().isEmpty())
                return Error{ErrorCode::Catalog,
                             u"line %1: expected barcode,name,price,stock"_s.arg(lineNo)};
            upsert.addBindValue(fields.at(0).trimmed());
            upsert.addBindValue(fields.at(1).trimmed());
            upsert.addBindValue(*price);
            upsert.addBindValue(stock);
            if (!upsert.exec())
                return sqlError(u"import line %1"_s.arg(lineNo), upsert.lastError());
        }
        return success();
    });
}

} // namespace shouyin
