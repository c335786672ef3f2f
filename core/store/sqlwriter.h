#pragma once

#include "store/sqldialect.h"
#include "util/result.h"

#include <QDateTime>
#include <QString>
#include <QVariantList>

#include <optional>

namespace shouyin {

class Database;

// Small helpers for the write side: one statement with bound values, and the
// pay-log row that accompanies every state change.
class SqlWriter
{
public:
    explicit SqlWriter(Database &database)
        : m_database(database)
    {}

    SqlDialect dialect() const;

    // Runs a statement; the result is the number of rows it changed.
    Result<int> exec(const QString &sql, const QVariantList &binds = {});
    // Runs a statement and returns its first row (RETURNING, or a SELECT); an empty
    // list when there is none.
    Result<QVariantList> row(const QString &sql, const QVariantList &binds = {});
    // Every row, for a statement that returns a few (a batch's RETURNING).
    Result<QList<QVariantList>> rows(const QString &sql, const QVariantList &binds = {});

    struct EventRow
    {
        qint64 orderId = 0;   // 0: none
        qint64 paymentId = 0; // 0: none
        QString kind;
        QString source;
        QString operatorName;
        QString fromStatus;
        QString toStatus;
        QString detail;
    };
    Status event(const QDateTime &at, const EventRow &row);

    static QVariant time(const QDateTime &at); // ms since epoch, or NULL
    static QVariant idOrNull(qint64 id);
    static QVariant textOrNull(const QString &text);
    static QVariant numberOrNull(const std::optional<qint64> &value);
    // A null QString binds as SQL NULL; this binds an empty text instead (NOT NULL columns).
    static QString textNotNull(const QString &text);

private:
    Database &m_database;
};

} // namespace shouyin
