#include "sqlwriter.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace shouyin {

Result<int> SqlWriter::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        return sqlError(sql.simplified().left(60), query.lastError());
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return sqlError(sql.simplified().left(60), query.lastError());
    return query.numRowsAffected();
}

Result<QVariantList> SqlWriter::row(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        return sqlError(sql.simplified().left(60), query.lastError());
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return sqlError(sql.simplified().left(60), query.lastError());
    QVariantList columns;
    if (query.next()) {
        for (int i = 0; i < query.record().count(); ++i)
            columns.append(query.value(i));
    }
    return columns;
}

Status SqlWriter::event(const QDateTime &at, const EventRow &row)
{
    auto inserted = exec(u"INSERT INTO events (at, order_id, payment_id, kind, source, operator, "
                         "from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                         {time(at), idOrNull(row.orderId), idOrNull(row.paymentId), row.kind,
                          row.source, textOrNull(row.operatorName), textOrNull(row.fromStatus),
                          textOrNull(row.toStatus), textOrNull(row.detail)});
    if (!inserted)
        return inserted.error();
    return success();
}

QVariant SqlWriter::time(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch())
                        : QVariant(QMetaType::fromType<qint64>());
}

QVariant SqlWriter::idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant SqlWriter::textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace shouyin
