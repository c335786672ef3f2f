#pragma once

#include "auth/staff.h"
#include "report/reportrecords.h"
#include "util/result.h"

#include <QObject>
#include <QStringList>
#include <QTimeZone>

namespace shouyin {

class Database;

// History: every order of every terminal and cashier, newest first, a page at a time
// (keyset paging on (created_at, id), so page 1000 costs what page 1 costs and nothing
// is ever loaded whole). Every filter is served by an index of schema version 2.
//
// Permissions are enforced here: a manager sees everything; a cashier sees only their
// own orders, and a filter naming another cashier is refused, not widened or ignored.
class HistoryQuery : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultPageSize = 100;
    static constexpr int kMaxPageSize = 5000;

    // `zone`: the shop's (ShopClock::zone()), in which dates are filtered and shown.
    HistoryQuery(Database &database, QTimeZone zone, QObject *parent = nullptr);

    QTimeZone timeZone() const { return m_zone; }

    // The filter as it will run for `staff`: a cashier's narrowed to their own orders.
    Result<HistoryFilter> scoped(const Staff &staff, HistoryFilter filter) const;

    Result<HistoryRows> page(const Staff &staff, const HistoryFilter &filter,
                             const HistoryCursor &after = {}, int limit = kDefaultPageSize) const;
    Result<qint64> count(const Staff &staff, const HistoryFilter &filter) const;

    // The plan for the first page, one line per step, nested steps indented: SQLite's
    // EXPLAIN QUERY PLAN (tests prove with it that every filter walks an index and never
    // sorts), or PostgreSQL's EXPLAIN.
    Result<QStringList> plan(const Staff &staff, const HistoryFilter &filter) const;

    // One order with its items, payment attempts and pay log.
    Result<OrderDetail> detail(const Staff &staff, qint64 orderId) const;

    // The values the filters can take, for choosers (index seeks, never a table scan).
    Result<QStringList> cashiers(const Staff &staff) const;
    Result<QStringList> terminals(const Staff &staff) const;
    Result<QStringList> providers(const Staff &staff) const;

private:
    struct Statement
    {
        QString sql;
        QVariantList binds;
    };
    Result<Statement> pageStatement(const Staff &staff, const HistoryFilter &filter,
                                    const HistoryCursor &after, int limit) const;
    bool isRareProvider(const QString &provider) const;
    Result<QStringList> distinctValues(const Staff &staff, const QString &table,
                                       const QString &column) const;

    Database &m_database;
    QTimeZone m_zone;
};

} // namespace shouyin
