#include "heldsales.h"

#include "database.h"
#include "sqlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

const QString kSelect = u"SELECT id, terminal_id, operator, held_at, note, lines, total_fen "
                        "FROM held_sales "_s;

QString linesJson(const QList<HeldLine> &lines)
{
    QJsonArray array;
    for (const HeldLine &held : lines) {
        QJsonObject object{{u"product_id"_s, held.line.productId},
                           {u"quantity"_s, held.line.quantity},
                           {u"name"_s, held.name},
                           {u"unit_price_fen"_s, held.unitPrice}};
        if (held.line.typedPrice)
            object.insert(u"typed_price_fen"_s, *held.line.typedPrice);
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<HeldLine> linesFrom(const QString &json)
{
    QList<HeldLine> lines;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        HeldLine held;
        held.line.productId = object.value(u"product_id"_s).toInteger();
        held.line.quantity = int(object.value(u"quantity"_s).toInteger());
        if (object.contains(u"typed_price_fen"_s))
            held.line.typedPrice = object.value(u"typed_price_fen"_s).toInteger();
        held.name = object.value(u"name"_s).toString();
        held.unitPrice = object.value(u"unit_price_fen"_s).toInteger();
        lines.append(held);
    }
    return lines;
}

HeldSale heldFrom(const QVariantList &row)
{
    HeldSale sale;
    sale.id = row.at(0).toLongLong();
    sale.terminalId = row.at(1).toString();
    sale.operatorName = row.at(2).toString();
    sale.heldAt = QDateTime::fromMSecsSinceEpoch(row.at(3).toLongLong(), Qt::UTC);
    sale.note = row.at(4).toString();
    sale.lines = linesFrom(row.at(5).toString());
    sale.total = row.at(6).toLongLong();
    return sale;
}

} // namespace

int HeldSale::itemCount() const
{
    int count = 0;
    for (const HeldLine &held : lines)
        count += held.line.quantity;
    return count;
}

HeldSales::HeldSales(Database &database, QString terminalId, ShopClock clock)
    : m_database(database)
    , m_terminalId(std::move(terminalId))
    , m_clock(std::move(clock))
{}

Result<HeldSale> HeldSales::hold(const QList<HeldLine> &lines, const QString &operatorName,
                                 const QString &note)
{
    if (lines.isEmpty())
        return Error{ErrorCode::EmptyCart, tr("There is nothing to hold.")};
    HeldSale sale{0, m_terminalId, operatorName, m_clock.now(), note.trimmed(), lines, 0};
    for (const HeldLine &held : lines) {
        if (held.line.quantity <= 0 || held.line.quantity > 9999)
            return Error{ErrorCode::BadQuantity, tr("Quantities must be positive.")};
        sale.total += held.unitPrice * held.line.quantity;
    }
    SqlWriter sql(m_database);
    auto id = sql.row(u"INSERT INTO held_sales (terminal_id, operator, held_at, note, lines, "
                      "total_fen) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
                      {sale.terminalId, sale.operatorName, SqlWriter::time(sale.heldAt),
                       sale.note.isNull() ? u""_s : sale.note, linesJson(lines), sale.total});
    if (!id)
        return id.error();
    sale.id = id->value(0).toLongLong();
    return sale;
}

Result<QList<HeldSale>> HeldSales::waiting() const
{
    SqlWriter sql(m_database);
    auto rows = sql.rows(kSelect + u"WHERE resumed_at IS NULL ORDER BY held_at, id"_s);
    if (!rows)
        return rows.error();
    QList<HeldSale> sales;
    for (const QVariantList &row : std::as_const(*rows))
        sales.append(heldFrom(row));
    return sales;
}

Result<HeldSale> HeldSales::resume(qint64 id, const QString &operatorName)
{
    HeldSale sale;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        auto taken = sql.exec(u"UPDATE held_sales SET resumed_at = ?, resumed_by = ?, "
                              "resumed_terminal = ? WHERE id = ? AND resumed_at IS NULL"_s,
                              {SqlWriter::time(m_clock.now()), operatorName, m_terminalId, id});
        if (!taken)
            return taken.error();
        if (*taken == 0) {
            auto who = sql.row(u"SELECT resumed_by, resumed_terminal FROM held_sales "
                               "WHERE id = ?"_s,
                               {id});
            if (!who)
                return who.error();
            if (who->isEmpty())
                return Error{ErrorCode::UnknownOrder, tr("There is no held sale %1.").arg(id)};
            return Error{ErrorCode::HeldSaleTaken,
                         tr("%1 already resumed this sale at till %2.")
                             .arg(who->at(0).toString(), who->at(1).toString())};
        }
        auto row = sql.row(kSelect + u"WHERE id = ?"_s, {id});
        if (!row)
            return row.error();
        sale = heldFrom(*row);
        return success();
    });
    if (!status)
        return status.error();
    return sale;
}

} // namespace shouyin
