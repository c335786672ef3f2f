#pragma once

#include "auth/staff.h"
#include "report/reportrecords.h"
#include "util/result.h"

#include <QObject>
#include <QTimeZone>

#include <utility>

namespace shouyin {

class Database;

// The end-of-day figures, as SQL aggregates over one local calendar day (a handful of
// GROUP BY queries walking the (status, created_at) index); the UI only formats them.
// Managers only.
class DailyReporter : public QObject
{
    Q_OBJECT
public:
    // `zone`: the shop's (ShopClock::zone()), in which its days are counted.
    DailyReporter(Database &database, QTimeZone zone, QObject *parent = nullptr);

    QTimeZone timeZone() const { return m_zone; }

    Result<DailyReport> report(const Staff &staff, QDate day) const;

    // [first millisecond of `day`, first of the next day) in `zone`: 23 or 25 hours long
    // on a daylight-saving change.
    static std::pair<QDateTime, QDateTime> dayBounds(QDate day, const QTimeZone &zone);

private:
    Status statusTotals(DailyReport &report) const;
    Status salesBreakdown(DailyReport &report) const;
    Status discounts(DailyReport &report) const;
    Status hourly(DailyReport &report) const;
    Status alerts(DailyReport &report) const;
    Status refunds(DailyReport &report) const;

    Database &m_database;
    QTimeZone m_zone;
};

} // namespace shouyin
