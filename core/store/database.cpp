#include "database.h"

#include "migrations.h"
#include "reconnector.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcStore, "shouyin.store")

Error sqlError(const QString &what, const QSqlError &error)
{
    const bool conflict = sqldialect::isRetryable(error.nativeErrorCode());
    return Error{conflict ? ErrorCode::StoreConflict : ErrorCode::Store,
                 u"%1: %2"_s.arg(what, error.text())};
}

bool isConflict(const Error &error)
{
    return error.code == ErrorCode::StoreConflict;
}

namespace {

// While the server is reachable it is asked this often whether it still is, so that a
// till knows before its next sale, not during it.
constexpr int kHeartbeatMs = 2000;
// Any number will do, as long as every till uses the same: it names the lock that
// serialises tills migrating one server at the same moment.
constexpr qint64 kMigrationLockKey = 0x5368'6f75'7969'6e00; // "Shouyin\0"

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"shouyin-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

bool serverAnswers(const DatabaseSettings &settings)
{
    if (settings.host.startsWith(u'/'))
        return QFileInfo::exists(settings.host); // a Unix socket's directory
    QTcpSocket probe;
    probe.connectToHost(settings.host, quint16(settings.port));
    return probe.waitForConnected(std::max(1, settings.connectTimeoutSeconds) * 1000);
}

Status exec(QSqlDatabase db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return sqlError(statement.simplified().left(60), query.lastError());
    return success();
}

// After a step that rebuilt a table with foreign keys off: a row that lost its parent
// fails the step, as a violation would have with the keys on.
Status checkForeignKeys(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA foreign_key_check"_s))
        return sqlError(u"foreign key check"_s, query.lastError());
    if (query.next())
        return Error{ErrorCode::Store, u"migration left a %1 row without its %2 row"_s.arg(
                                           query.value(0).toString(), query.value(2).toString())};
    return success();
}

} // namespace

Database::Database(DatabaseSettings settings, QString connectionName)
    : m_settings(std::move(settings))
    , m_connectionName(std::move(connectionName))
{
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &Database::checkConnection);
}

Database::~Database()
{
    m_reconnector.reset();
    m_statements.clear(); // statements go before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path)
{
    return open(DatabaseSettings::sqlite(path));
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseSettings &settings)
{
    std::unique_ptr<Database> database(new Database(settings, nextConnectionName()));
    if (auto connected = database->openConnection(); !connected)
        return connected.error();
    if (auto migrated = database->migrate(); !migrated)
        return migrated.error();
    return database;
}

Status Database::openConnection()
{
    return dialect() == SqlDialect::Sqlite ? openSqliteConnection() : openPostgresConnection();
}

Status Database::prepareSqliteFile() const
{
    const QFileInfo file(m_settings.path);
    const QString folder = file.absolutePath();
    if (!QFileInfo::exists(folder)) {
        // Orders, payments and PIN hashes: only their owner reads them.
        if (!QDir().mkpath(folder) ||
            !QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return Error{ErrorCode::Store, tr("Cannot create the folder %1 for the database %2.")
                                               .arg(folder, file.absoluteFilePath())};
    }
    if (!file.exists()) {
        // SQLite gives its -wal and -shm files the main file's permissions.
        QFile created(file.absoluteFilePath());
        if (!created.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            !created.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            return Error{ErrorCode::Store,
                         tr("Cannot create the database %1: %2")
                             .arg(file.absoluteFilePath(), created.errorString())};
        return success();
    }
    // SQLite opens a file it cannot write read-only and says nothing until the first
    // sale fails; WAL also needs to write beside it.
    if (!file.isWritable() || !QFileInfo(folder).isWritable())
        return Error{ErrorCode::Store,
                     tr("The database %1 (or its folder) cannot be written: a till that cannot "
                        "record a sale takes none. Check the permissions and the mount.")
                         .arg(file.absoluteFilePath())};
    return success();
}

Status Database::openSqliteConnection()
{
    if (auto prepared = prepareSqliteFile(); !prepared)
        return prepared;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_settings.path);
    // A busy timeout instead of failing at once when another process holds the lock.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return sqlError(
            u"cannot open database %1"_s.arg(QFileInfo(m_settings.path).absoluteFilePath()),
            db.lastError());
    // A page cache of 16 MiB (SQLite's default is 2 MiB): a batch of a few hundred
    // notifications dirties more than 2 MiB, and SQLite then writes pages out in the middle
    // of the batch, only to write them again at its commit.
    for (const auto *pragma : {u"PRAGMA journal_mode=WAL", u"PRAGMA synchronous=FULL",
                               u"PRAGMA foreign_keys=ON", u"PRAGMA cache_size=-16384"}) {
        if (auto status = exec(db, QString::fromUtf16(pragma)); !status)
            return status.error();
    }
    return success();
}

Status Database::openPostgresConnection()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    if (!db.isValid())
        return Error{ErrorCode::Store, tr("The PostgreSQL driver for Qt is not installed "
                                          "(Debian/Ubuntu package libqt6sql6-psql).")};
    db.setHostName(m_settings.host);
    db.setPort(m_settings.port);
    db.setDatabaseName(m_settings.name);
    db.setUserName(m_settings.user);
    db.setPassword(m_settings.password);
    // TCP keepalives: a server that vanished without a word (a pulled cable) is noticed
    // in about ten seconds instead of the kernel's two hours.
    db.setConnectOptions(u"connect_timeout=%1;application_name=shouyin;keepalives=1;"
                         "keepalives_idle=5;keepalives_interval=2;keepalives_count=2"_s.arg(
                             std::max(1, m_settings.connectTimeoutSeconds)));
    if (!db.open()) {
        // A server that answered and refused (a wrong password, no such database) is a
        // configuration error; only one that did not answer is worth waiting for.
        const ErrorCode code =
            serverAnswers(m_settings) ? ErrorCode::Store : ErrorCode::StoreOffline;
        return Error{code, tr("Cannot connect to the database server %1: %2")
                               .arg(m_settings.describe(), db.lastError().text())};
    }
    // The driver object outlives a reconnection: connected once.
    connect(db.driver(), &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource source, const QVariant &) {
                if (source == QSqlDriver::OtherSource)
                    Q_EMIT changedElsewhere();
            });
    if (auto session = prepareSession(); !session)
        return session;
    m_reconnector = std::make_unique<Reconnector>(m_settings.host, m_settings.port,
                                                  [this] { return reopen(); });
    m_heartbeat.start();
    return success();
}

Status Database::prepareSession()
{
    QSqlDatabase db = connection();
    // "relation already exists, skipping" and the like are not for the till's log.
    if (auto quiet = exec(db, u"SET client_min_messages TO warning"_s); !quiet)
        return quiet;
    QSqlDriver *driver = db.driver();
    if (!driver->subscribeToNotification(QString(kChangeChannel)))
        qCWarning(lcStore) << "cannot listen for other tills' changes:"
                           << driver->lastError().text() << "- polling instead";
    return success();
}

QSqlQuery *Database::prepared(const QString &sql)
{
    auto found = m_statements.constFind(sql);
    if (found != m_statements.cend())
        return found.value().get();
    auto query = std::make_shared<QSqlQuery>(connection());
    if (!query->prepare(sql))
        return nullptr;
    m_statements.insert(sql, query);
    return query.get();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

Status Database::transaction(const std::function<Status()> &work)
{
    QSqlDatabase db = connection();
    const qsizetype hooksBefore = m_afterCommit.size();
    if (m_depth > 0 && m_withoutSavepoints) {
        // Part of a batch run whole: a part that fails fails the batch (see
        // transactionWithoutSavepoints), so there is nothing to undo here.
        ++m_depth;
        Status status = work();
        --m_depth;
        if (!status) {
            m_afterCommit.resize(hooksBefore);
            m_rollbackOnly = true;
        }
        return status;
    }
    if (m_depth > 0) {
        const QString savepoint = u"sp%1"_s.arg(m_depth);
        if (auto begun = execSavepoint(u"SAVEPOINT "_s + savepoint); !begun)
            return begun;
        ++m_depth;
        Status status = work();
        --m_depth;
        if (!status) {
            m_afterCommit.resize(hooksBefore);
            // Half of the failed work may still be in the transaction: the whole of it
            // must go, whatever the outer work makes of this error.
            if (auto undone = execSavepoint(u"ROLLBACK TO SAVEPOINT "_s + savepoint); !undone)
                m_rollbackOnly = true;
        }
        if (auto released = execSavepoint(u"RELEASE SAVEPOINT "_s + savepoint); !released && status)
            return released;
        return status;
    }

    if (!m_available)
        return Error{
            ErrorCode::StoreOffline,
            tr("The database server %1 is unreachable; reconnecting.").arg(m_settings.describe())};
    if (!db.transaction()) {
        const Error error = sqlError(u"begin transaction"_s, db.lastError());
        checkConnection();
        return error;
    }
    m_depth = 1;
    m_rollbackOnly = false;
    Status status = work();
    m_depth = 0;
    if (status && m_rollbackOnly)
        status =
            Error{ErrorCode::Store,
                  m_withoutSavepoints ? tr("A part of the batch failed; nothing of it was kept.")
                                      : tr("A failed part of the transaction could not be undone; "
                                           "nothing of it was kept.")};
    if (status && !db.commit()) {
        status = sqlError(u"commit"_s, db.lastError());
    }
    if (!status) {
        db.rollback();
        m_afterCommit.clear();
        checkConnection();
        return status;
    }
    const auto hooks = std::exchange(m_afterCommit, {});
    for (const auto &hook : hooks)
        hook();
    return status;
}

Status Database::transactionWithoutSavepoints(const std::function<Status()> &work)
{
    if (m_depth > 0)
        return transaction(work);
    m_withoutSavepoints = true;
    Status status = transaction(work);
    m_withoutSavepoints = false;
    return status;
}

Status Database::execSavepoint(const QString &statement)
{
    // A batch of notifications opens one savepoint per notification: on SQLite the
    // statement is prepared once, as every other of the hot path is. (PostgreSQL does not
    // prepare these, and a round trip dwarfs the parse there anyway.)
    QSqlQuery *query = dialect() == SqlDialect::Sqlite ? prepared(statement) : nullptr;
    if (!query)
        return exec(connection(), statement);
    const bool done = query->exec();
    const Status status = done ? success() : sqlError(statement, query->lastError());
    query->finish();
    return status;
}

void Database::afterCommit(std::function<void()> hook)
{
    if (m_depth == 0)
        hook();
    else
        m_afterCommit.append(std::move(hook));
}

void Database::checkConnection()
{
    if (!isShared() || !m_available || m_depth > 0)
        return;
    QSqlQuery probe(connection());
    if (probe.exec(u"SELECT 1"_s))
        return;
    qCWarning(lcStore) << "database server" << m_settings.describe()
                       << "lost:" << probe.lastError().text();
    probe.finish();
    m_statements.clear();
    connection().close();
    setAvailable(false);
    if (m_reconnector)
        m_reconnector->start();
}

bool Database::reopen()
{
    QSqlDatabase db = connection();
    m_statements.clear();
    db.close();
    if (!db.open())
        return false;
    if (auto session = prepareSession(); !session)
        return false;
    qCInfo(lcStore) << "database server" << m_settings.describe() << "is back";
    setAvailable(true);
    Q_EMIT changedElsewhere(); // whatever was announced while we were away
    return true;
}

void Database::setAvailable(bool available)
{
    if (m_available == available)
        return;
    m_available = available;
    if (available)
        m_heartbeat.start();
    else
        m_heartbeat.stop();
    Q_EMIT availabilityChanged(available);
}

Status Database::migrate()
{
    QSqlDatabase db = connection();
    // SQLite ignores the foreign_keys pragma inside a transaction: it is switched off
    // before a step that rebuilds a table begins, and back on whatever happened.
    const bool sqlite = dialect() == SqlDialect::Sqlite;
    const bool rebuilds =
        sqlite && std::any_of(migrations().cbegin(), migrations().cend(), [&](const Migration &m) {
            return m.rebuildsTables && m.version > schemaVersion();
        });
    if (rebuilds) {
        if (auto off = exec(db, u"PRAGMA foreign_keys=OFF"_s); !off)
            return off;
    }
    Status migrated = migrateSteps(db);
    if (rebuilds) {
        if (auto on = exec(db, u"PRAGMA foreign_keys=ON"_s); !on && migrated)
            return on;
    }
    return migrated;
}

Status Database::migrateSteps(QSqlDatabase db)
{
    return transaction([&]() -> Status {
        // Several tills starting together against one server: one migrates, the others
        // wait here and then find nothing left to do.
        if (dialect() == SqlDialect::Postgres) {
            if (auto locked =
                    exec(db, u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kMigrationLockKey));
                !locked)
                return locked;
        }
        if (auto status =
                exec(db, sqldialect::ddl(dialect(), u"CREATE TABLE IF NOT EXISTS schema_version ("
                                                    "version INTEGER PRIMARY KEY, "
                                                    "applied_at INTEGER NOT NULL)"_s));
            !status)
            return status;
        const int current = schemaVersion();
        const int known = migrations().constLast().version;
        // A newer program's database: what it added this one would not keep right (and
        // might write around). Nothing is written; the transaction is rolled back.
        if (current > known)
            return Error{ErrorCode::Store,
                         tr("The database is at schema version %1, newer than this program "
                            "(version %2) knows. Use the newer Shouyin, or a backup made "
                            "for this one; nothing was written.")
                             .arg(current)
                             .arg(known)};
        for (const Migration &migration : migrations()) {
            if (migration.version <= current)
                continue;
            qCInfo(lcStore) << "migrating schema to version" << migration.version;
            QStringList statements = migration.statements;
            statements +=
                dialect() == SqlDialect::Postgres ? migration.postgresOnly : migration.sqliteOnly;
            for (const QString &statement : std::as_const(statements)) {
                if (auto step = exec(db, sqldialect::ddl(dialect(), statement)); !step)
                    return step;
            }
            if (migration.rebuildsTables && dialect() == SqlDialect::Sqlite) {
                if (auto checked = checkForeignKeys(db); !checked)
                    return checked;
            }
            QSqlQuery record(db);
            record.prepare(u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s);
            record.addBindValue(migration.version);
            record.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!record.exec())
                return sqlError(u"record schema version"_s, record.lastError());
        }
        return success();
    });
}

} // namespace shouyin
