#pragma once

#include <QList>
#include <QStringList>

namespace shouyin {

// One numbered step of the schema. Steps are append-only: a released step is never
// edited, a change is a new step. Statements are SQLite's words, translated for
// PostgreSQL by sqldialect::ddl(); what only PostgreSQL can do goes in `postgresOnly`,
// and what only SQLite needs (rebuilding a table to change a constraint, which SQLite's
// ALTER TABLE cannot) in `sqliteOnly`.
struct Migration
{
    int version = 0;
    QStringList statements;
    QStringList postgresOnly = {};
    QStringList sqliteOnly = {};
    // SQLite: the step drops and re-creates a table that others reference, so foreign
    // keys are off while it runs and checked before it commits (SQLite's documented way
    // of changing a table's schema).
    bool rebuildsTables = false;
};

const QList<Migration> &migrations();

} // namespace shouyin
