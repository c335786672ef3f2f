#include "sqlwriter.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

Result<QSqlQuery *> run(Database &database, const QString &sql, const QVariantList &binds)
{
    QSqlQuery *query = database.prepared(sql);
    if (!query)
        return sqlError(sql.simplified().left(60), database.connection().lastError());
    for (qsizetype i = 0; i < binds.size(); ++i)
        query->bindValue(int(i), binds.at(i));
    if (!query->exec()) {
        const Error error = sqlError(sql.simplified().left(60), query->lastError());
        query->finish();
        return error;
    }
    return query;
}

} // namespace

SqlDialect SqlWriter::dialect() const
{
    return m_database.dialect();
}

Result<int> SqlWriter::exec(const QString &sql, const QVariantList &binds)
{
    auto query = run(m_database, sql, binds);
    if (!query)
        return query.error();
    const int affected = (*query)->numRowsAffected();
    (*query)->finish();
    return affected;
}

Result<QVariantList> SqlWriter::row(const QString &sql, const QVariantList &binds)
{
    auto query = run(m_database, sql, binds);
    if (!query)
        return query.error();
    QVariantList columns;
    if ((*query)->next()) {
        const int count = (*query)->record().count();
        for (int i = 0; i < count; ++i)
            columns.append((*query)->value(i));
    }
    // Releases the statement's read lock; the prepared form stays cached.
    (*query)->finish();
    return columns;
}

Result<QList<QVariantList>> SqlWriter::rows(const QString &sql, const QVariantList &binds)
{
    auto query = run(m_database, sql, binds);
    if (!query)
        return query.error();
    QList<QVariantList> rows;
    const int count = (*query)->record().count();
    while ((*query)->next()) {
        QVariantList columns;
        columns.reserve(count);
        for (int i = 0; i < count; ++i)
            columns.append((*query)->value(i));
        rows.append(std::move(columns));
    }
    (*query)->finish();
    return rows;
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

QString SqlWriter::textNotNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QVariant SqlWriter::numberOrNull(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qlonglong>());
}

QVariant SqlWriter::textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace shouyin
