#include "historyquery.h"

#include "report/reportsql.h"
#include "store/database.h"
#include "store/orderstore.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcHistory, "shouyin.report.history")

namespace {

struct Where
{
    QString sql; // " AND ..." clauses
    QVariantList binds;

    void add(const QString &clause, const QVariantList &values = {})
    {
        sql += u" AND "_s + clause;
        binds += values;
    }
};

// Below this many attempts, a provider's orders are fetched by list rather than found
// by walking every order in time order and asking each one (which costs the whole
// history when the provider has almost no orders).
constexpr int kRareProviderAttempts = 10'000;

Where whereOf(const HistoryFilter &filter, bool rareProvider)
{
    Where where;
    if (filter.from.isValid())
        where.add(u"o.created_at >= ?"_s, {filter.from.toMSecsSinceEpoch()});
    if (filter.to.isValid())
        where.add(u"o.created_at < ?"_s, {filter.to.toMSecsSinceEpoch()});
    if (filter.status == HistoryStatus::Expired) {
        where.add(u"o.status = ? AND "_s + reportsql::expiredExists(),
                  {QString(sqlText(OrderStatus::Cancelled))});
    } else if (filter.status == HistoryStatus::Cancelled) {
        where.add(u"o.status = ? AND NOT "_s + reportsql::expiredExists(),
                  {QString(sqlText(OrderStatus::Cancelled))});
    } else if (filter.status) {
        where.add(u"o.status = ?"_s, {QString(sqlText(*filter.status))});
    }
    if (!filter.provider.isEmpty() && rareProvider)
        where.add(u"o.id IN (SELECT pp.order_id FROM payments pp WHERE pp.provider = ?)"_s,
                  {filter.provider});
    else if (!filter.provider.isEmpty())
        where.add(u"EXISTS (SELECT 1 FROM payments pp WHERE pp.order_id = o.id "
                  "AND pp.provider = ?)"_s,
                  {filter.provider});
    if (!filter.operatorName.isEmpty())
        where.add(u"o.operator = ?"_s, {filter.operatorName});
    if (!filter.terminalId.isEmpty())
        where.add(u"o.terminal_id = ?"_s, {filter.terminalId});
    const QString orderNo = filter.orderNo.trimmed().toUpper();
    if (!orderNo.isEmpty()) {
        // A prefix as a range, which the unique index on order_no serves; order numbers
        // are ASCII, so U+FFFF sorts after every continuation.
        where.add(u"o.order_no >= ? AND o.order_no < ?"_s, {orderNo, orderNo + QChar(0xFFFF)});
    }
    return where;
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &binds)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    return query.exec();
}

} // namespace

bool HistoryQuery::isRareProvider(const QString &provider) const
{
    if (provider.isEmpty())
        return false;
    // Counts at most kRareProviderAttempts index entries: well under a millisecond.
    QSqlQuery query(m_database.connection());
    if (!run(query, u"SELECT COUNT(*) FROM (SELECT 1 FROM payments WHERE provider = ? LIMIT ?)"_s,
             {provider, kRareProviderAttempts}) ||
        !query.next())
        return false;
    return query.value(0).toInt() < kRareProviderAttempts;
}

HistoryQuery::HistoryQuery(Database &database, QTimeZone zone, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_zone(std::move(zone))
{}

Result<HistoryFilter> HistoryQuery::scoped(const Staff &staff, HistoryFilter filter) const
{
    if (staff.can(Permission::ViewAllHistory))
        return filter;
    if (auto own = staff.require(Permission::ViewOwnHistory); !own)
        return own.error();
    if (!filter.operatorName.isEmpty() && filter.operatorName != staff.name())
        return Error{ErrorCode::Forbidden, tr("A cashier can only see their own orders.")};
    filter.operatorName = staff.name();
    return filter;
}

Result<HistoryQuery::Statement> HistoryQuery::pageStatement(const Staff &staff,
                                                            const HistoryFilter &requested,
                                                            const HistoryCursor &after,
                                                            int limit) const
{
    auto filter = scoped(staff, requested);
    if (!filter)
        return filter.error();
    Where where = whereOf(*filter, isRareProvider(filter->provider));
    if (!after.isStart())
        where.add(u"(o.created_at, o.id) < (?, ?)"_s, {after.createdAtMs, after.id});
    Statement statement;
    statement.sql = u"SELECT o.id, o.order_no, o.created_at, o.terminal_id, o.operator, "_s +
                    reportsql::displayStatus() +
                    u", o.total_fen, o.paid_at, p.provider, p.pay_no, "
                    "(SELECT COUNT(*) FROM payments c WHERE c.order_id = o.id), "
                    "(SELECT COALESCE(SUM(r.amount_fen), 0) FROM refunds r "
                    "WHERE r.order_id = o.id AND r.status = 'REFUNDED') "
                    "FROM orders o LEFT JOIN payments p ON p.id = "_s +
                    reportsql::representativePayment() + u" WHERE 1 = 1"_s + where.sql +
                    u" ORDER BY o.created_at DESC, o.id DESC LIMIT ?"_s;
    statement.binds = where.binds;
    // One row more than asked tells whether another page follows.
    statement.binds.append(limit + 1);
    return statement;
}

Result<QStringList> HistoryQuery::plan(const Staff &staff, const HistoryFilter &filter) const
{
    auto statement = pageStatement(staff, filter, {}, kDefaultPageSize);
    if (!statement)
        return statement.error();
    QSqlQuery query(m_database.connection());
    if (m_database.dialect() == SqlDialect::Postgres) {
        // PostgreSQL's own EXPLAIN text: one line per plan node, already indented.
        if (!run(query, u"EXPLAIN "_s + statement->sql, statement->binds))
            return sqlError(u"history plan"_s, query.lastError());
        QStringList lines;
        while (query.next())
            lines.append(query.value(0).toString());
        return lines;
    }
    if (!run(query, u"EXPLAIN QUERY PLAN "_s + statement->sql, statement->binds))
        return sqlError(u"history plan"_s, query.lastError());
    // Rows come parent first; a step is indented two spaces per level below the top.
    QHash<int, int> depth;
    QStringList steps;
    while (query.next()) {
        const int level = depth.value(query.value(1).toInt(), -1) + 1;
        depth.insert(query.value(0).toInt(), level);
        steps.append(QString(level * 2, u' ') + query.value(3).toString());
    }
    return steps;
}

Result<HistoryRows> HistoryQuery::page(const Staff &staff, const HistoryFilter &filter,
                                       const HistoryCursor &after, int limit) const
{
    limit = std::clamp(limit, 1, kMaxPageSize);
    auto statement = pageStatement(staff, filter, after, limit);
    if (!statement)
        return statement.error();
    const QString &sql = statement->sql;
    const QVariantList &binds = statement->binds;
    QSqlQuery query(m_database.connection());
    if (!run(query, sql, binds))
        return sqlError(u"history page"_s, query.lastError());
    HistoryRows page;
    page.rows.reserve(limit);
    while (query.next()) {
        if (page.rows.size() == limit)
            break;
        HistoryRow row;
        row.id = query.value(0).toLongLong();
        row.orderNo = query.value(1).toString();
        row.createdAt = timeFrom(query.value(2));
        row.terminalId = query.value(3).toString();
        row.operatorName = query.value(4).toString();
        row.status = historyStatusFromSql(query.value(5).toString())
                         .value_or(HistoryStatus::AwaitingPayment);
        row.total = query.value(6).toLongLong();
        row.paidAt = timeFrom(query.value(7));
        row.provider = query.value(8).toString();
        row.payNo = query.value(9).toString();
        row.attempts = query.value(10).toInt();
        row.refunded = query.value(11).toLongLong();
        page.next = HistoryCursor{query.value(2).toLongLong(), row.id};
        page.rows.append(std::move(row));
    }
    page.atEnd = page.rows.size() < limit || !query.isValid();
    return page;
}

Result<qint64> HistoryQuery::count(const Staff &staff, const HistoryFilter &requested) const
{
    auto filter = scoped(staff, requested);
    if (!filter)
        return filter.error();
    const Where where = whereOf(*filter, isRareProvider(filter->provider));
    QSqlQuery query(m_database.connection());
    if (!run(query, u"SELECT COUNT(*) FROM orders o WHERE 1 = 1"_s + where.sql, where.binds) ||
        !query.next())
        return sqlError(u"history count"_s, query.lastError());
    return query.value(0).toLongLong();
}

Result<OrderDetail> HistoryQuery::detail(const Staff &staff, qint64 orderId) const
{
    if (auto own = staff.require(Permission::ViewOwnHistory); !own)
        return own.error();
    OrderStore store(m_database);
    const auto order = store.order(orderId);
    if (!order)
        return Error{ErrorCode::UnknownOrder, tr("The order does not exist.")};
    if (!staff.can(Permission::ViewAllHistory) && order->operatorName != staff.name())
        return Error{ErrorCode::Forbidden, tr("A cashier can only see their own orders.")};

    OrderDetail detail;
    detail.order = *order;
    detail.items = store.items(orderId);
    detail.payments = store.payments(orderId);
    detail.events = store.events(orderId);
    detail.status = historyStatusOf(order->status);
    if (order->status == OrderStatus::Cancelled) {
        QSqlQuery query(m_database.connection());
        if (run(query,
                u"SELECT "_s + reportsql::displayStatus() + u" FROM orders o WHERE o.id = ?"_s,
                {orderId}) &&
            query.next())
            detail.status = historyStatusFromSql(query.value(0).toString()).value_or(detail.status);
    }
    qCDebug(lcHistory) << staff.name() << "opened order" << order->orderNo;
    return detail;
}

Result<QStringList> HistoryQuery::distinctValues(const Staff &staff, const QString &table,
                                                 const QString &column) const
{
    if (auto allowed = staff.require(Permission::ViewAllHistory); !allowed)
        return allowed.error();
    // A skip scan: one index seek per distinct value instead of reading every row.
    const QString sql =
        u"WITH RECURSIVE v(x) AS (SELECT MIN(%2) FROM %1 UNION ALL "
        "SELECT (SELECT MIN(%2) FROM %1 WHERE %2 > v.x) FROM v WHERE v.x IS NOT NULL) "
        "SELECT x FROM v WHERE x IS NOT NULL"_s.arg(table, column);
    QSqlQuery query(m_database.connection());
    if (!run(query, sql, {}))
        return sqlError(u"distinct %1"_s.arg(column), query.lastError());
    QStringList values;
    while (query.next())
        values.append(query.value(0).toString());
    return values;
}

Result<QStringList> HistoryQuery::cashiers(const Staff &staff) const
{
    if (!staff.can(Permission::ViewAllHistory)) {
        if (auto own = staff.require(Permission::ViewOwnHistory); !own)
            return own.error();
        return QStringList{staff.name()};
    }
    return distinctValues(staff, u"orders"_s, u"operator"_s);
}

Result<QStringList> HistoryQuery::terminals(const Staff &staff) const
{
    return distinctValues(staff, u"orders"_s, u"terminal_id"_s);
}

Result<QStringList> HistoryQuery::providers(const Staff &staff) const
{
    return distinctValues(staff, u"payments"_s, u"provider"_s);
}

} // namespace shouyin
