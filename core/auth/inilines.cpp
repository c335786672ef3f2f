#include "inilines.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// QSettings reads ';' as a comment and ',' as a list: such values go in quotes.
QString quoted(const QString &value)
{
    static const QRegularExpression special(u"[;,\"\\\\#=]|^\\s|\\s$"_s);
    if (!special.match(value).hasMatch())
        return value;
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + escaped + u'"';
}

QRegularExpression activeLine(const QString &key)
{
    return QRegularExpression(u"^\\s*"_s + QRegularExpression::escape(key) + u"\\s*="_s);
}

} // namespace

IniLines::IniLines(const QString &text)
{
    if (!text.isEmpty())
        m_lines = text.split(u'\n');
    for (QString &line : m_lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    while (!m_lines.isEmpty() && m_lines.last().isEmpty())
        m_lines.removeLast();
}

std::pair<qsizetype, qsizetype> IniLines::sectionRange(const QString &section) const
{
    const qsizetype start = m_lines.indexOf(u'[' + section + u']');
    if (start < 0)
        return {-1, -1};
    qsizetype end = start + 1;
    while (end < m_lines.size() && !m_lines.at(end).trimmed().startsWith(u'['))
        ++end;
    return {start, end};
}

void IniLines::set(const QString &section, const QString &key, const QString &value)
{
    const QString entry = key + u'=' + quoted(value);
    const auto [start, end] = sectionRange(section);
    if (start < 0) {
        if (!m_lines.isEmpty())
            m_lines.append(QString());
        m_lines.append(u'[' + section + u']');
        m_lines.append(entry);
        return;
    }
    const QRegularExpression active = activeLine(key);
    const QRegularExpression commented(u"^\\s*[;#]\\s*"_s + QRegularExpression::escape(key) +
                                       u"\\s*="_s);
    for (qsizetype i = start + 1; i < end; ++i) {
        if (active.match(m_lines.at(i)).hasMatch()) {
            m_lines[i] = entry;
            return;
        }
    }
    for (qsizetype i = start + 1; i < end; ++i) {
        if (commented.match(m_lines.at(i)).hasMatch()) {
            m_lines[i] = entry; // the template's example becomes the setting
            return;
        }
    }
    qsizetype last = end;
    while (last > start + 1 && m_lines.at(last - 1).trimmed().isEmpty())
        --last;
    m_lines.insert(last, entry);
}

void IniLines::setOrDrop(const QString &section, const QString &key, const QString &value)
{
    if (!value.isEmpty()) {
        set(section, key, value);
        return;
    }
    const auto [start, end] = sectionRange(section);
    const QRegularExpression active = activeLine(key);
    for (qsizetype i = end - 1; i > start && start >= 0; --i) {
        if (active.match(m_lines.at(i)).hasMatch())
            m_lines.removeAt(i);
    }
}

void IniLines::remove(const QString &section, const QString &key)
{
    const auto [start, end] = sectionRange(section);
    const QRegularExpression active = activeLine(key);
    for (qsizetype i = start + 1; start >= 0 && i < end; ++i) {
        if (active.match(m_lines.at(i)).hasMatch())
            m_lines[i] = u';' + key + u"= (moved to key_file)"_s;
    }
}

QByteArray IniLines::toUtf8() const
{
    return (m_lines.join(u'\n') + u'\n').toUtf8();
}

} // namespace shouyin
