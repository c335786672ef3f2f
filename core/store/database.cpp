#include "database.h"

#include "migrations.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcStore, "shouyin.store")

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{u"STORE"_s, u"%1: %2"_s.arg(what, error.text())};
}

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"shouyin-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

Status exec(QSqlDatabase db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return sqlError(statement.simplified().left(60), query.lastError());
    return success();
}

} // namespace

Database::Database(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    m_statements.clear(); // statements go before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path)
{
    std::unique_ptr<Database> database(new Database(nextConnectionName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, database->m_connectionName);
    db.setDatabaseName(path);
    // A busy timeout instead of failing at once when another process holds the lock.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return sqlError(u"cannot open database %1"_s.arg(QFileInfo(path).absoluteFilePath()),
                        db.lastError());

    for (const auto *pragma :
         {u"PRAGMA journal_mode=WAL", u"PRAGMA synchronous=FULL", u"PRAGMA foreign_keys=ON"}) {
        if (auto status = exec(db, QString::fromUtf16(pragma)); !status)
            return status.error();
    }
    if (auto status = database->migrate(); !status)
        return status.error();
    return database;
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
    if (m_depth > 0) {
        const QString savepoint = u"sp%1"_s.arg(m_depth);
        if (auto begun = exec(db, u"SAVEPOINT "_s + savepoint); !begun)
            return begun;
        ++m_depth;
        Status status = work();
        --m_depth;
        if (!status) {
            exec(db, u"ROLLBACK TO SAVEPOINT "_s + savepoint);
            m_afterCommit.resize(hooksBefore);
        }
        if (auto released = exec(db, u"RELEASE SAVEPOINT "_s + savepoint); !released && status)
            return released;
        return status;
    }

    if (!db.transaction())
        return sqlError(u"begin transaction"_s, db.lastError());
    m_depth = 1;
    Status status = work();
    m_depth = 0;
    if (status && !db.commit()) {
        status = sqlError(u"commit"_s, db.lastError());
    }
    if (!status) {
        db.rollback();
        m_afterCommit.clear();
        return status;
    }
    const auto hooks = std::exchange(m_afterCommit, {});
    for (const auto &hook : hooks)
        hook();
    return status;
}

void Database::afterCommit(std::function<void()> hook)
{
    if (m_depth == 0)
        hook();
    else
        m_afterCommit.append(std::move(hook));
}

Status Database::migrate()
{
    QSqlDatabase db = connection();
    if (auto status = exec(db, u"CREATE TABLE IF NOT EXISTS schema_version ("
                               "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"_s);
        !status)
        return status;
    const int current = schemaVersion();
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        qCInfo(lcStore) << "migrating schema to version" << migration.version;
        Status status = transaction([&]() -> Status {
            for (const QString &statement : migration.statements) {
                if (auto step = exec(db, statement); !step)
                    return step;
            }
            QSqlQuery record(db);
            record.prepare(u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s);
            record.addBindValue(migration.version);
            record.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!record.exec())
                return sqlError(u"record schema version"_s, record.lastError());
            return success();
        });
        if (!status)
            return status;
    }
    return success();
}

} // namespace shouyin
