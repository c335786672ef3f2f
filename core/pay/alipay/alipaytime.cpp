#include "alipaytime.h"

#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin::alipaytime {

namespace {

constexpr int kBeijingOffsetSecs = 8 * 3600;
constexpr qint64 kMaxMinutes = 15 * 24 * 60;
const QString kFormat = u"yyyy-MM-dd HH:mm:ss"_s;

const QTimeZone &beijing()
{
    // A fixed offset needs no time-zone database on the till.
    static const QTimeZone zone(kBeijingOffsetSecs);
    return zone;
}

} // namespace

QString format(const QDateTime &at)
{
    return at.toTimeZone(beijing()).toString(kFormat);
}

QDateTime parse(const QString &text)
{
    if (text.size() != kFormat.size())
        return {};
    const QDate date = QDate::fromString(text.left(10), u"yyyy-MM-dd"_s);
    const QTime time = QTime::fromString(text.mid(11), u"HH:mm:ss"_s);
    if (!date.isValid() || !time.isValid() || text.at(10) != u' ')
        return {};
    return QDateTime(date, time, beijing()).toUTC();
}

QString timeoutExpress(const QDateTime &created, const QDateTime &expires)
{
    const qint64 minutes = std::clamp<qint64>(created.secsTo(expires) / 60, 1, kMaxMinutes);
    return u"%1m"_s.arg(minutes);
}

std::optional<qint64> parseTimeoutExpress(const QString &text)
{
    if (text.size() < 2)
        return std::nullopt;
    const QChar unit = text.back();
    const QStringView digits = QStringView(text).chopped(1);
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 count = digits.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    qint64 minutes = 0;
    if (unit == u'm')
        minutes = count;
    else if (unit == u'h')
        minutes = count * 60;
    else if (unit == u'd')
        minutes = count * 24 * 60;
    else
        return std::nullopt;
    if (minutes < 1 || minutes > kMaxMinutes)
        return std::nullopt;
    return minutes * 60;
}

} // namespace shouyin::alipaytime
