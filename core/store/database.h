#pragma once

#include "store/databasesettings.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

class QSqlError;
class QSqlQuery;

namespace shouyin {

class Reconnector;

// One connection to the shop's SQL database, schema brought up to date on open.
// SQLite is the embedded default (WAL, synchronous=FULL, foreign keys on); PostgreSQL
// serves several tills, and may go away and come back: while it is unreachable every
// transaction fails at once with a StoreOffline error, and the connection is re-opened
// by itself when the server answers again.
class Database : public QObject
{
    Q_OBJECT
public:
    // The PostgreSQL channel every committed pay-log change is announced on.
    static constexpr QLatin1StringView kChangeChannel{"shouyin_changes"};

    ~Database() override;

    static Result<std::unique_ptr<Database>> open(const DatabaseSettings &settings);
    // Opens (creating if needed) the SQLite file at `path` and runs the migrations.
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path);

    const DatabaseSettings &settings() const { return m_settings; }
    SqlDialect dialect() const { return m_settings.dialect; }
    // True when other tills may write the same data (PostgreSQL).
    bool isShared() const { return dialect() == SqlDialect::Postgres; }
    bool isAvailable() const { return m_available; }
    bool inTransaction() const { return m_depth > 0; }

    QSqlDatabase connection() const;
    int schemaVersion() const;

    // Runs `work` in one transaction: committed when it succeeds, rolled back otherwise.
    // Nested calls become savepoints, so a batch can keep the items that succeed.
    Status transaction(const std::function<Status()> &work);

    // The same, but the transactions nested in `work` take no savepoint: the first of them
    // to fail fails the whole (nothing of it is kept). For batches whose parts seldom fail,
    // run again with transaction() when one did; savepoints cost a batch of notifications
    // a fifth of its time.
    Status transactionWithoutSavepoints(const std::function<Status()> &work);

    // Runs `hook` once the outermost transaction has committed (at once outside one);
    // dropped if the work it belongs to is rolled back. Observers must never hear of a
    // change that did not reach the disk.
    void afterCommit(std::function<void()> hook);

    // A prepared statement for `sql`, prepared once per connection and reused: most of
    // a small write's cost is preparing it. Null if the statement does not prepare.
    QSqlQuery *prepared(const QString &sql);

    // Looks at the connection now (after a failed statement, say); a lost PostgreSQL
    // connection makes the database unavailable and starts reconnecting.
    void checkConnection();

Q_SIGNALS:
    void availabilityChanged(bool available);
    // Another till committed a change (PostgreSQL notifications; see ChangeFeed).
    void changedElsewhere();

private:
    explicit Database(DatabaseSettings settings, QString connectionName);
    Status openConnection();
    Status openSqliteConnection();
    Status prepareSqliteFile() const; // private permissions; refuses what cannot be written
    Status openPostgresConnection();
    Status prepareSession();
    Status migrate();
    Status migrateSteps(QSqlDatabase db); // every step not yet applied, in one transaction
    void setAvailable(bool available);
    Status execSavepoint(const QString &statement);
    bool reopen();

    DatabaseSettings m_settings;
    QString m_connectionName;
    int m_depth = 0;
    bool m_rollbackOnly = false; // a savepoint could not be rolled back: nothing commits
    bool m_withoutSavepoints = false;
    bool m_available = true;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QList<std::function<void()>> m_afterCommit;
    QTimer m_heartbeat;
    std::unique_ptr<Reconnector> m_reconnector;
};

// A storage failure as a Result error: "STORE_CONFLICT" when running the transaction
// again may succeed (deadlock, serialization), "STORE" otherwise; the driver's text as
// message.
Error sqlError(const QString &what, const QSqlError &error);

// An error a transaction may be run again after: a deadlock, or a conditional update
// that found the row changed by another till.
bool isConflict(const Error &error);

} // namespace shouyin
