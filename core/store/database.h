#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlError;

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
    Status transaction(const std::function<Status()> &work);

private:
    explicit Database(QString connectionName);
    Status migrate();

    QString m_connectionName;
};

// A storage failure as a Result error ("STORE" code, the driver's text as message).
Error sqlError(const QString &what, const QSqlError &error);

} // namespace shouyin
