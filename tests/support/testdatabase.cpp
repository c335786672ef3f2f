#include "testdatabase.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin::testing {

namespace {

QHash<QString, int> &openCounts()
{
    static QHash<QString, int> counts;
    return counts;
}

QHash<QString, QString> readConnectionFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the PostgreSQL twin needs the test server (%s); run it through ctest",
               qPrintable(path));
    QHash<QString, QString> values;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return values;
}

std::unique_ptr<Database> openOrDie(const DatabaseSettings &settings)
{
    auto opened = Database::open(settings);
    if (!opened)
        qFatal("cannot open the test database %s: %s", qPrintable(settings.describe()),
               qPrintable(opened.error().message));
    return std::move(opened).value();
}

// Drops the PostgreSQL database once no Database of this process uses it any more.
void dropWhenUnused(Database &database)
{
    const QString name = database.settings().name;
    ++openCounts()[name];
    QObject::connect(&database, &QObject::destroyed, [name] {
        if (--openCounts()[name] > 0)
            return;
        openCounts().remove(name);
        if (auto dropped = adminExec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name));
            !dropped)
            qWarning("cannot drop test database %s: %s", qPrintable(name),
                     qPrintable(dropped.error().message));
    });
}

} // namespace

bool usingPostgres()
{
    return qEnvironmentVariable("SHOUYIN_TEST_DB") == u"postgres";
}

DatabaseSettings postgresServer()
{
    const QString file = qEnvironmentVariable("SHOUYIN_TEST_PG");
    const auto values = readConnectionFile(file);
    DatabaseSettings settings;
    settings.dialect = SqlDialect::Postgres;
    settings.host = values.value(u"host"_s);
    settings.port = values.value(u"port"_s).toInt();
    settings.user = values.value(u"user"_s);
    QFile password(values.value(u"password_file"_s));
    if (!password.open(QIODevice::ReadOnly))
        qFatal("cannot read the test server's password file");
    settings.password = QString::fromUtf8(password.readAll()).trimmed();
    settings.name = u"postgres"_s;
    return settings;
}

QSqlDatabase rawPostgresConnection(const QString &connectionName, const DatabaseSettings &settings)
{
    QSqlDatabase db = QSqlDatabase::contains(connectionName)
                          ? QSqlDatabase::database(connectionName, false)
                          : QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    if (!db.isOpen()) {
        db.setHostName(settings.host);
        db.setPort(settings.port);
        db.setUserName(settings.user);
        db.setPassword(settings.password);
        db.setDatabaseName(settings.name);
        db.open();
    }
    return db;
}

Status adminExec(const QString &statement)
{
    {
        QSqlDatabase admin = rawPostgresConnection(u"shouyin-test-admin"_s, postgresServer());
        if (!admin.isOpen())
            return sqlError(u"connect to the test server"_s, admin.lastError());
        QSqlQuery query(admin);
        if (!query.exec(statement))
            return sqlError(statement, query.lastError());
    }
    return success();
}

std::unique_ptr<Database> openTestDatabase(const QString &sqlitePath)
{
    if (!usingPostgres())
        return openOrDie(DatabaseSettings::sqlite(sqlitePath));
    static QAtomicInteger<int> counter;
    DatabaseSettings settings = postgresServer();
    settings.name =
        u"t%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    if (auto created = adminExec(u"CREATE DATABASE %1"_s.arg(settings.name)); !created)
        qFatal("cannot create a test database: %s", qPrintable(created.error().message));
    auto database = openOrDie(settings);
    dropWhenUnused(*database);
    return database;
}

std::unique_ptr<Database> reopenTestDatabase(const Database &database)
{
    auto again = openOrDie(database.settings());
    if (database.dialect() == SqlDialect::Postgres)
        dropWhenUnused(*again);
    return again;
}

Status refuseWrites(Database &database, const QString &table, bool refuse)
{
    const QString name = u"refuse_writes_"_s + table;
    QStringList statements;
    if (database.isShared() && refuse)
        statements = {u"CREATE FUNCTION %1() RETURNS trigger AS $$ BEGIN "
                      "RAISE EXCEPTION 'disk full (test)'; END $$ LANGUAGE plpgsql"_s.arg(name),
                      u"CREATE TRIGGER %1 BEFORE INSERT OR UPDATE OR DELETE ON %2 "
                      "FOR EACH ROW EXECUTE FUNCTION %1()"_s.arg(name, table)};
    else if (database.isShared())
        statements = {u"DROP TRIGGER %1 ON %2"_s.arg(name, table),
                      u"DROP FUNCTION %1()"_s.arg(name)};
    for (const char *event : {"INSERT", "UPDATE", "DELETE"}) {
        if (database.isShared())
            break;
        const QString trigger = name + u'_' + QLatin1StringView(event);
        statements.append(refuse ? u"CREATE TRIGGER %1 BEFORE %2 ON %3 BEGIN "
                                   "SELECT RAISE(ABORT, 'disk full (test)'); END"_s.arg(
                                       trigger, QLatin1StringView(event), table)
                                 : u"DROP TRIGGER %1"_s.arg(trigger));
    }
    QSqlQuery query(database.connection());
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement))
            return sqlError(statement, query.lastError());
    }
    return success();
}

} // namespace shouyin::testing
