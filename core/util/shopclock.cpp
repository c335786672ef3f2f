#include "shopclock.h"

namespace shouyin {

namespace {

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is the
// same zone on a machine without the time-zone database.
constexpr int kChinaOffsetSecs = 8 * 3600;

} // namespace

QTimeZone ShopClock::defaultZone()
{
    const QTimeZone shanghai = zoneNamed(QStringLiteral("Asia/Shanghai"));
    return shanghai.isValid() ? shanghai : QTimeZone(kChinaOffsetSecs);
}

QTimeZone ShopClock::zoneNamed(const QString &ianaId)
{
    const QByteArray id = ianaId.trimmed().toLatin1();
    return QTimeZone::isTimeZoneIdAvailable(id) ? QTimeZone(id) : QTimeZone();
}

ShopClock::ShopClock()
    : ShopClock(defaultZone(), {})
{}

ShopClock::ShopClock(QTimeZone zone)
    : ShopClock(std::move(zone), {})
{}

ShopClock::ShopClock(QTimeZone zone, Source source)
    : m_zone(zone.isValid() ? std::move(zone) : defaultZone())
    , m_source(source ? std::move(source) : Source([] { return QDateTime::currentDateTimeUtc(); }))
{}

QDateTime ShopClock::now() const
{
    return m_source().toUTC();
}

QDate ShopClock::dayOf(const QDateTime &at) const
{
    return at.toTimeZone(m_zone).date();
}

} // namespace shouyin
