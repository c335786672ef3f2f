#pragma once

#include <QString>

namespace shouyin {

// The two SQL engines Shouyin runs on. Statements are written once, in the SQL both
// understand; the few places where they differ are named here and nowhere else.
enum class SqlDialect {
    Sqlite,   // embedded, one till
    Postgres, // one server for several tills
};

namespace sqldialect {

// Schema statements are written in SQLite's words. PostgreSQL's INTEGER is 32 bits
// where SQLite's is 64 (our millisecond times need 64), and its row ids are identity
// columns instead of INTEGER PRIMARY KEY.
QString ddl(SqlDialect dialect, const QString &sqliteStatement);

// Appended to a SELECT that picks work rows: on PostgreSQL, rows another till has locked
// are passed over rather than waited for. SQLite has one writer at a time anyway.
QString skipLocked(SqlDialect dialect);

// SQLSTATEs after which a whole transaction may simply be run again: a deadlock victim
// or a serialization failure. Nothing of it was committed.
bool isRetryable(const QString &sqlState);

} // namespace sqldialect
} // namespace shouyin
