#pragma once

#include <QList>
#include <QStringList>

namespace shouyin {

// One numbered step of the schema. Steps are append-only: a released step is never
// edited, a change is a new step. Statements are SQLite's words, translated for
// PostgreSQL by sqldialect::ddl(); what only PostgreSQL can do goes in `postgresOnly`.
struct Migration
{
    int version = 0;
    QStringList statements;
    QStringList postgresOnly = {};
};

const QList<Migration> &migrations();

} // namespace shouyin
