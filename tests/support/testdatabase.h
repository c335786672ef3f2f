#pragma once

// The database a test runs against. SQLite (a file the caller names) unless the suite
// runs as its PostgreSQL twin (`<suite>_pg` in ctest, SHOUYIN_TEST_DB=postgres): then a
// fresh database on the throw-away test server (scripts/pg-test-server), dropped when
// the last Database open on it is destroyed.

#include "store/database.h"

#include <QString>

#include <memory>

namespace shouyin::testing {

bool usingPostgres();

// Connection settings of the test server with no database chosen yet; fails the test
// process (qFatal) when the PostgreSQL twin runs without a server.
DatabaseSettings postgresServer();

// A new, empty database: the SQLite file at `sqlitePath`, or a fresh PostgreSQL database.
std::unique_ptr<Database> openTestDatabase(const QString &sqlitePath);

// The same database once more (a restart, a second till); kept until both are gone.
std::unique_ptr<Database> reopenTestDatabase(const Database &database);

// A plain Qt connection named `connectionName` to the server and database of `settings`,
// opened if it is not yet (no migrations, no reconnection): for looking at what tills
// wrote, from outside them. Check isOpen() on the result.
QSqlDatabase rawPostgresConnection(const QString &connectionName, const DatabaseSettings &settings);

// Runs one statement on the server's maintenance database ("postgres").
Status adminExec(const QString &statement);

// From now on `table` refuses every insert, update and delete with an error, as a full
// disk would (refuse = false takes them again). Triggers, so on either engine.
Status refuseWrites(Database &database, const QString &table, bool refuse);

} // namespace shouyin::testing
