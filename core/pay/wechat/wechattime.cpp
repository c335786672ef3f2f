#include "wechattime.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace shouyin::wechattime {

namespace {
const QTimeZone &beijing()
{
    // A fixed offset needs no time-zone database on the till.
    static const QTimeZone zone(8 * 3600);
    return zone;
}
} // namespace

QString format(const QDateTime &time)
{
    return time.toTimeZone(beijing()).toString(u"yyyyMMddHHmmss"_s);
}

QDateTime parse(const QString &text)
{
    if (text.size() != 14)
        return {};
    const QDate date = QDate::fromString(text.left(8), u"yyyyMMdd"_s);
    const QTime time = QTime::fromString(text.mid(8), u"HHmmss"_s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, beijing()).toUTC();
}

QString formatDashed(const QDateTime &time)
{
    return time.toTimeZone(beijing()).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QDateTime parseDashed(const QString &text)
{
    // Exactly the documented shape: QDateTime::fromString would take one-digit fields.
    static const QRegularExpression kShape(
        u"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"_s);
    if (!kShape.match(text).hasMatch())
        return {};
    const QDate date = QDate::fromString(text.left(10), u"yyyy-MM-dd"_s);
    const QTime time = QTime::fromString(text.mid(11), u"HH:mm:ss"_s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, beijing()).toUTC();
}

} // namespace shouyin::wechattime
