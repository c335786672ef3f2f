#include "dailyreporter.h"

#include "report/reportsql.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcReport, "shouyin.report.daily")

namespace {

constexpr qint64 kHourMs = 3'600'000;

QVariantList dayBinds(const DailyReport &report)
{
    return {report.start.toMSecsSinceEpoch(), report.end.toMSecsSinceEpoch()};
}

template<typename Each>
Status forEachRow(const Database &database, const QString &sql, const QVariantList &binds,
                  Each each)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(u"daily report"_s, query.lastError());
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec())
        return sqlError(u"daily report"_s, query.lastError());
    while (query.next())
        each(query);
    return success();
}

} // namespace

DailyReporter::DailyReporter(Database &database, QTimeZone zone, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_zone(std::move(zone))
{}

std::pair<QDateTime, QDateTime> DailyReporter::dayBounds(QDate day, const QTimeZone &zone)
{
    return {day.startOfDay(zone).toUTC(), day.addDays(1).startOfDay(zone).toUTC()};
}

Result<DailyReport> DailyReporter::report(const Staff &staff, QDate day) const
{
    if (auto allowed = staff.require(Permission::ViewReports); !allowed)
        return allowed.error();
    if (!day.isValid())
        return Error{ErrorCode::BadDay, tr("Choose a day.")};
    DailyReport report;
    report.day = day;
    std::tie(report.start, report.end) = dayBounds(day, m_zone);
    // One read transaction: every figure comes from the same snapshot, so the parts
    // always add up even while sales go on at the counter.
    Status status = m_database.transaction([&]() -> Status {
        for (auto part : {&DailyReporter::statusTotals, &DailyReporter::salesBreakdown,
                          &DailyReporter::discounts, &DailyReporter::hourly, &DailyReporter::alerts,
                          &DailyReporter::refunds}) {
            if (auto done = (this->*part)(report); !done)
                return done;
        }
        return success();
    });
    if (!status)
        return status.error();
    qCDebug(lcReport) << "report for" << day << "sales" << report.salesCount;
    return report;
}

Status DailyReporter::statusTotals(DailyReport &report) const
{
    return forEachRow(m_database,
                      u"SELECT "_s + reportsql::displayStatus() +
                          u" AS s, COUNT(*), COALESCE(SUM(o.total_fen), 0) FROM orders o "
                          "WHERE o.created_at >= ? AND o.created_at < ? GROUP BY s"_s,
                      dayBinds(report), [&report](const QSqlQuery &q) {
                          const auto status = historyStatusFromSql(q.value(0).toString());
                          const int count = q.value(1).toInt();
                          const Fen amount = q.value(2).toLongLong();
                          if (status == HistoryStatus::Paid) {
                              report.salesCount = count;
                              report.salesAmount = amount;
                          } else if (status == HistoryStatus::Cancelled) {
                              report.cancelledCount = count;
                              report.cancelledAmount = amount;
                          } else if (status == HistoryStatus::Expired) {
                              report.expiredCount = count;
                              report.expiredAmount = amount;
                          } else if (status == HistoryStatus::Cancelling) {
                              report.cancellingCount = count;
                              report.cancellingAmount = amount;
                          } else {
                              report.openCount += count;
                              report.openAmount += amount;
                          }
                      });
}

Status DailyReporter::discounts(DailyReport &report) const
{
    return forEachRow(
        m_database,
        u"SELECT COUNT(*), COALESCE(SUM(d.given), 0), COALESCE(SUM(d.dropped), 0) FROM ("
        "SELECT o.discount_fen + (SELECT COALESCE(SUM(i.discount_fen), 0) FROM order_items i "
        "WHERE i.order_id = o.id) AS given, o.round_off_fen AS dropped FROM orders o "
        "WHERE o.status = %1 AND o.created_at >= ? AND o.created_at < ?) d "
        "WHERE d.given > 0 OR d.dropped > 0"_s.arg(sqlLiteral(OrderStatus::Paid)),
        dayBinds(report), [&report](const QSqlQuery &q) {
            report.discountedCount = q.value(0).toInt();
            report.discountAmount = q.value(1).toLongLong();
            report.roundOffAmount = q.value(2).toLongLong();
        });
}

Status DailyReporter::salesBreakdown(DailyReport &report) const
{
    const QString kPaid = sqlLiteral(OrderStatus::Paid);
    auto byCashier =
        forEachRow(m_database,
                   u"SELECT o.operator, COUNT(*), SUM(o.total_fen) FROM orders o "
                   "WHERE o.status = %1 AND o.created_at >= ? AND o.created_at < ? "
                   "GROUP BY o.operator ORDER BY SUM(o.total_fen) DESC, o.operator"_s.arg(kPaid),
                   dayBinds(report), [&report](const QSqlQuery &q) {
                       report.byCashier.append(
                           {q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong()});
                   });
    if (!byCashier)
        return byCashier;
    return forEachRow(m_database,
                      reportsql::salesByProvider(u"o.created_at >= ? AND o.created_at < ?"_s),
                      dayBinds(report), [&report](const QSqlQuery &q) {
                          report.byProvider.append(
                              {q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong()});
                      });
}

Status DailyReporter::hourly(DailyReport &report) const
{
    // Hours counted from local midnight, then named by the local clock: on a
    // daylight-saving day two elapsed hours can share a name, or a name can be missing.
    const qint64 start = report.start.toMSecsSinceEpoch();
    const QString kPaid = sqlLiteral(OrderStatus::Paid);
    return forEachRow(
        m_database,
        u"SELECT (o.created_at - ?) / ? AS h, COUNT(*), SUM(o.total_fen) FROM orders o "
        "WHERE o.status = %1 AND o.created_at >= ? AND o.created_at < ? GROUP BY h"_s.arg(kPaid),
        {start, kHourMs, start, report.end.toMSecsSinceEpoch()}, [&](const QSqlQuery &q) {
            const qint64 elapsed = q.value(0).toLongLong();
            const int hour =
                QDateTime::fromMSecsSinceEpoch(start + elapsed * kHourMs, m_zone).time().hour();
            report.hourlyCount[hour] += q.value(1).toInt();
            report.hourlyAmount[hour] += q.value(2).toLongLong();
        });
}

Status DailyReporter::alerts(DailyReport &report) const
{
    auto byKind =
        forEachRow(m_database,
                   u"SELECT e.kind, COUNT(*) FROM events e WHERE e.at >= ? AND e.at < ? AND "_s +
                       reportsql::isAlertKind(u"e.kind"_s) + u" GROUP BY e.kind ORDER BY e.kind"_s,
                   dayBinds(report), [&report](const QSqlQuery &q) {
                       report.alertsByKind.append({q.value(0).toString(), q.value(1).toInt(), 0});
                       report.alertCount += q.value(1).toInt();
                   });
    if (!byKind)
        return byKind;
    return forEachRow(
        m_database,
        u"SELECT e.at, e.kind, o.order_no, e.detail FROM events e "
        "LEFT JOIN orders o ON o.id = e.order_id WHERE e.at >= ? AND e.at < ? AND "_s +
            reportsql::isAlertKind(u"e.kind"_s) + u" ORDER BY e.at DESC, e.id DESC LIMIT ?"_s,
        dayBinds(report) + QVariantList{DailyReport::kMaxAlertLines},
        [&report](const QSqlQuery &q) {
            report.alerts.append({QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC),
                                  q.value(1).toString(), q.value(2).toString(),
                                  q.value(3).toString()});
        });
}

Status DailyReporter::refunds(DailyReport &report) const
{
    auto refunded = forEachRow(
        m_database,
        u"SELECT r.provider, COUNT(*), SUM(r.amount_fen) FROM refunds r WHERE r.status = "
        "'REFUNDED' AND r.refunded_at >= ? AND r.refunded_at < ? GROUP BY r.provider "
        "ORDER BY SUM(r.amount_fen) DESC, r.provider"_s,
        dayBinds(report), [&report](const QSqlQuery &q) {
            report.refundsByProvider.append(
                {q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong()});
            report.refundCount += q.value(1).toInt();
            report.refundAmount += q.value(2).toLongLong();
        });
    if (!refunded)
        return refunded;
    auto pending = forEachRow(m_database,
                              u"SELECT COUNT(*), COALESCE(SUM(r.amount_fen), 0) FROM refunds r "
                              "WHERE r.status IN ('REQUESTED', 'PROCESSING') "
                              "AND r.created_at >= ? AND r.created_at < ?"_s,
                              dayBinds(report), [&report](const QSqlQuery &q) {
                                  report.pendingRefundCount = q.value(0).toInt();
                                  report.pendingRefundAmount = q.value(1).toLongLong();
                              });
    if (!pending)
        return pending;
    // Each index walks its own day: refunded in it, or asked for in it.
    return forEachRow(
        m_database,
        u"SELECT COALESCE(r.refunded_at, r.created_at) AS at, o.order_no, r.refund_no, "
        "r.provider, r.amount_fen, r.status, t.approved_by, t.reason FROM refunds r "
        "JOIN returns t ON t.id = r.return_id JOIN orders o ON o.id = r.order_id "
        "WHERE r.id IN (SELECT id FROM refunds WHERE refunded_at >= ? AND refunded_at < ? "
        "UNION SELECT id FROM refunds WHERE created_at >= ? AND created_at < ?) "
        "ORDER BY at DESC, r.id DESC LIMIT ?"_s,
        dayBinds(report) + dayBinds(report) + QVariantList{DailyReport::kMaxRefundLines},
        [&report](const QSqlQuery &q) {
            report.refunds.append(
                {QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC),
                 q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                 q.value(4).toLongLong(),
                 refundStatusFromSql(q.value(5).toString()).value_or(RefundStatus::Requested),
                 q.value(6).toString(), q.value(7).toString()});
        });
}

} // namespace shouyin
