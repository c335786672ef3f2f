#pragma once

// Whole files in and out, for suites that check what a settings file holds.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace shouyin::testing {

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace shouyin::testing
