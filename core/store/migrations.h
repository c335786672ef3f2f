#pragma once

#include <QList>
#include <QStringList>

namespace shouyin {

// One numbered step of the schema. Steps are append-only: a released step is never
// edited, a change is a new step.
struct Migration
{
    int version = 0;
    QStringList statements;
};

const QList<Migration> &migrations();

} // namespace shouyin
