#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <utility>

namespace shouyin {

// The INI as lines, edited in place so that the shop owner's comments survive.
class IniLines
{
public:
    explicit IniLines(const QString &text);

    void set(const QString &section, const QString &key, const QString &value);
    // `value` when it is not empty; otherwise the setting is dropped (an optional
    // setting left empty stays out of the file rather than reading "key=").
    void setOrDrop(const QString &section, const QString &key, const QString &value);
    // Comments out `key` in `section` (an inline key= replaced by key_file=).
    void remove(const QString &section, const QString &key);

    QByteArray toUtf8() const;

private:
    // The [section]'s first line and the line after its last one; start < 0: none.
    std::pair<qsizetype, qsizetype> sectionRange(const QString &section) const;

    QStringList m_lines;
};

} // namespace shouyin
