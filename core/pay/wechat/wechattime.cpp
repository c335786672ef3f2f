#include "wechattime.h"

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

} // namespace shouyin::wechattime
