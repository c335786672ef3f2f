#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <functional>

namespace shouyin {

// The till's one source of time: `now()` in UTC from an injectable source (the system
// clock in production, a value the test moves in tests), and the shop's time zone, in
// which calendar days are counted (order numbers, "today" in History and Reports, the
// end-of-day summary). Nothing else reads the wall clock or the system time zone, so a
// till in Shanghai with its machine set to UTC, or a test run a year later, sees the
// same days.
class ShopClock
{
public:
    using Source = std::function<QDateTime()>;

    // A shop that configures no zone is in China Standard Time.
    static QTimeZone defaultZone();
    // The zone of an IANA id ("Asia/Shanghai"); invalid for an unknown id.
    static QTimeZone zoneNamed(const QString &ianaId);

    // The system clock, counted in the default zone or in `zone`.
    ShopClock();
    explicit ShopClock(QTimeZone zone);
    // `source` answers the current time (any time spec; now() converts it to UTC).
    ShopClock(QTimeZone zone, Source source);

    QDateTime now() const;
    const QTimeZone &zone() const { return m_zone; }
    QDate today() const { return dayOf(now()); }
    QDate dayOf(const QDateTime &at) const;

private:
    QTimeZone m_zone;
    Source m_source;
};

} // namespace shouyin
