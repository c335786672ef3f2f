#pragma once

#include "store/sqldialect.h"

#include <QString>

namespace shouyin {

// Where the shop's data lives: an SQLite file for one till (the default), or a
// PostgreSQL server shared by several tills and the back office.
//
//   [database]  driver=QSQLITE  path=/var/lib/shouyin/shop.sqlite
//   [database]  driver=QPSQL  host=10.0.0.5  port=5432  name=shouyin  user=till
//               password_file=/etc/shouyin/db.password   (or SHOUYIN_DB_PASSWORD)
struct DatabaseSettings
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString path; // SQLite: the file; empty: the app's default location

    QString host = QStringLiteral("localhost"); // PostgreSQL; a path means a Unix socket
    int port = 5432;
    QString name = QStringLiteral("shouyin");
    QString user = QStringLiteral("shouyin");
    QString password; // never from the INI file: a password file or the environment
    int connectTimeoutSeconds = 3;

    static DatabaseSettings sqlite(const QString &path)
    {
        DatabaseSettings settings;
        settings.path = path;
        return settings;
    }
    // "user@host:port/name", for logs and the status bar: no password.
    QString describe() const
    {
        if (dialect == SqlDialect::Sqlite)
            return path;
        return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(name);
    }
};

} // namespace shouyin
