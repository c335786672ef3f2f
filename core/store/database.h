#pragma once

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlError;
class QSqlQuery;

namespace shouyin {

// One connection to the shop's SQL database, schema brought up to date on open.
// SQLite is the embedded default (WAL, synchronous=FULL, foreign keys on).
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) the SQLite file at `path` and runs the migrations.
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path);

    QSqlDatabase connection() const;
    int schemaVersion() const;

    // Runs `work` in one transaction: committed when it succeeds, rolled back otherwise.
    // Nested calls become savepoints, so a batch can keep the items that succeed.
    Status transaction(const std::function<Status()> &work);

    // Runs `hook` once the outermost transaction has committed (at once outside one);
    // dropped if the work it belongs to is rolled back. Observers must never hear of a
    // change that did not reach the disk.
    void afterCommit(std::function<void()> hook);

    // A prepared statement for `sql`, prepared once per connection and reused: most of
    // a small write's cost is preparing it. Null if the statement does not prepare.
    QSqlQuery *prepared(const QString &sql);

private:
    explicit Database(QString connectionName);
    Status migrate();

    QString m_connectionName;
    int m_depth = 0;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QList<std::function<void()>> m_afterCommit;
};

// A storage failure as a Result error ("STORE" code, the driver's text as message).
Error sqlError(const QString &what, const QSqlError &error);

} // namespace shouyin
