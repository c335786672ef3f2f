#include "jobqueue.h"

#include "store/database.h"
#include "store/sqldialect.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcJobs, "shouyin.schedule")

JobQueue::JobQueue(Database &database, Clock clock, QString owner, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock))
    , m_owner(std::move(owner))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobQueue::runDue);
}

Status JobQueue::load()
{
    SqlWriter sql(m_database);
    if (auto released = sql.exec(u"UPDATE jobs SET claimed_by = NULL, claimed_until = NULL "
                                 "WHERE claimed_by = ?"_s,
                                 {m_owner});
        !released)
        return released.error();
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT kind, subject, due_at, attempts FROM jobs"_s))
        return sqlError(u"load jobs"_s, query.lastError());
    m_jobs.clear();
    m_heap = {};
    m_running.clear();
    m_parked.clear();
    m_unsaved.clear(); // the table is the truth again: what it holds runs again
    m_claimFailed = false;
    std::vector<HeapItem> items;
    while (query.next()) {
        Job job{query.value(0).toString(), query.value(1).toString(),
                QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC),
                query.value(3).toInt()};
        const quint64 version = ++m_version;
        const QString subject = job.subject;
        items.push_back({job.dueAt.toMSecsSinceEpoch(), version, subject});
        m_jobs.insert(subject, {std::move(job), version});
    }
    // Building the heap from all rows at once is linear, not n log n.
    m_heap = decltype(m_heap)(std::greater<>(), std::move(items));
    qCInfo(lcJobs) << "loaded" << m_jobs.size() << "job(s)";
    rearm();
    return success();
}

void JobQueue::setHandler(const QString &kind, Handler handler)
{
    const bool handled = bool(handler);
    m_handlers.insert(kind, std::move(handler));
    if (!handled)
        return;
    for (auto subject = m_parked.begin(); subject != m_parked.end();) {
        const auto entry = m_jobs.constFind(*subject);
        if (entry == m_jobs.cend() || entry->job.kind == kind) {
            if (entry != m_jobs.cend())
                m_heap.push({entry->job.dueAt.toMSecsSinceEpoch(), entry->version, *subject});
            subject = m_parked.erase(subject);
        } else {
            ++subject;
        }
    }
    rearm();
}

Status JobQueue::schedule(const QString &kind, const QString &subject, const QDateTime &dueAt,
                          int attempts)
{
    return write(subject, Job{kind, subject, dueAt, attempts});
}

Status JobQueue::complete(const QString &subject)
{
    return write(subject, std::nullopt);
}

Status JobQueue::write(const QString &subject, const std::optional<Job> &job)
{
    SqlWriter sql(m_database);
    const QVariant now = SqlWriter::time(m_clock());
    auto written =
        job ? sql.exec(
                  u"INSERT INTO jobs (subject, kind, due_at, attempts) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (subject) DO UPDATE SET kind = excluded.kind, "
                  "due_at = excluded.due_at, attempts = excluded.attempts, "
                  "claimed_by = NULL, claimed_until = NULL WHERE jobs.claimed_by IS NULL "
                  "OR jobs.claimed_by = ? OR jobs.claimed_until <= ?"_s,
                  {subject, job->kind, SqlWriter::time(job->dueAt), job->attempts, m_owner, now})
            : sql.exec(u"DELETE FROM jobs WHERE subject = ? AND (claimed_by IS NULL "
                       "OR claimed_by = ? OR claimed_until <= ?)"_s,
                       {subject, m_owner, now});
    if (!written) {
        if (!m_database.inTransaction())
            keepUnsaved(subject, job, written.error());
        return written.error();
    }
    m_unsaved.remove(subject); // a newer write of the same job replaces the refused one
    if (job && *written == 0)
        return success(); // another till is running it and decides what comes next
    m_database.afterCommit([this, subject, job] {
        if (job) {
            put(*job);
            return;
        }
        m_jobs.remove(subject); // its heap items are now stale
        m_running.remove(subject);
        m_parked.remove(subject);
        rearm();
    });
    return success();
}

void JobQueue::keepUnsaved(const QString &subject, const std::optional<Job> &job,
                           const Error &error)
{
    qCWarning(lcJobs) << "the job table refused the" << (job ? "next run" : "completion") << "of"
                      << subject << "(" << error.message << "); trying again in" << kRetryMs
                      << "ms";
    m_unsaved.insert(subject, job);
    // Still ours: nothing hands it out again until its write is taken.
    m_running.insert(subject);
    m_jobs.remove(subject);
    rearm();
}

void JobQueue::saveUnsaved()
{
    const auto unsaved = std::exchange(m_unsaved, {});
    for (auto it = unsaved.cbegin(); it != unsaved.cend(); ++it) {
        // A refused write comes back into m_unsaved by itself.
        if (auto saved = write(it.key(), it.value()); saved)
            qCInfo(lcJobs) << "the job table took the delayed write of" << it.key();
    }
}

void JobQueue::put(const Job &job)
{
    const quint64 version = ++m_version;
    m_jobs.insert(job.subject, {job, version});
    m_running.remove(job.subject);
    m_parked.remove(job.subject);
    m_heap.push({job.dueAt.toMSecsSinceEpoch(), version, job.subject});
    rearm();
}

std::optional<Job> JobQueue::job(const QString &subject) const
{
    const auto found = m_jobs.constFind(subject);
    return found == m_jobs.cend() ? std::nullopt : std::optional<Job>(found->job);
}

void JobQueue::dropStale()
{
    while (!m_heap.empty()) {
        const HeapItem &top = m_heap.top();
        const auto found = m_jobs.constFind(top.subject);
        if (found != m_jobs.cend() && found->version == top.version)
            return;
        m_heap.pop();
    }
}

QDateTime JobQueue::nextDue() const
{
    const_cast<JobQueue *>(this)->dropStale();
    return m_heap.empty() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(m_heap.top().dueMs, Qt::UTC);
}

void JobQueue::rearm()
{
    // A shared table holds jobs other tills scheduled, which no heap here knows of.
    const bool sweep = m_database.isShared();
    const QDateTime due = nextDue();
    const bool retry = m_claimFailed || !m_unsaved.isEmpty();
    if (!due.isValid() && !sweep && !m_moreDue && !retry) {
        m_timer.stop();
        return;
    }
    if (m_moreDue) {
        m_timer.start(0);
        return;
    }
    const qint64 cap = retry ? kRetryMs : sweep ? kSweepMs : kMaxSleepMs;
    const qint64 wait = due.isValid() ? m_clock().msecsTo(due) : cap;
    m_timer.start(int(std::clamp<qint64>(wait, 0, cap)));
}

Result<QList<Job>> JobQueue::claimDue(qint64 nowMs)
{
    QStringList kinds;
    for (auto handler = m_handlers.cbegin(); handler != m_handlers.cend(); ++handler) {
        if (handler.value())
            kinds.append(u"'%1'"_s.arg(handler.key())); // our own constants, never input
    }
    if (kinds.isEmpty())
        return QList<Job>{};
    kinds.sort();
    SqlWriter sql(m_database);
    auto rows =
        sql.rows(u"UPDATE jobs SET claimed_by = ?, claimed_until = ? WHERE subject IN ("
                 "SELECT subject FROM jobs WHERE due_at <= ? AND kind IN (%1) "
                 "AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY due_at LIMIT %2%3) "
                 "RETURNING kind, subject, due_at, attempts"_s.arg(kinds.join(u", "))
                     .arg(kClaimBatch)
                     .arg(sqldialect::skipLocked(m_database.dialect())),
                 {m_owner, nowMs + kLeaseMs, nowMs, nowMs});
    if (!rows)
        return rows.error();
    QList<Job> claimed;
    claimed.reserve(rows->size());
    for (const QVariantList &row : std::as_const(*rows))
        claimed.append({row.at(0).toString(), row.at(1).toString(),
                        QDateTime::fromMSecsSinceEpoch(row.at(2).toLongLong(), Qt::UTC),
                        row.at(3).toInt()});
    // One statement hands them out in no particular order; the earliest go first.
    std::stable_sort(claimed.begin(), claimed.end(),
                     [](const Job &a, const Job &b) { return a.dueAt < b.dueAt; });
    return claimed;
}

void JobQueue::runDue()
{
    if (!m_unsaved.isEmpty() && m_database.isAvailable())
        saveUnsaved();
    const qint64 now = m_clock().toMSecsSinceEpoch();
    auto claimed = m_database.isShared() ? claimShared(now) : takeDueHere(now);
    if (!claimed) {
        rearm();
        return;
    }
    for (const Job &job : std::as_const(*claimed)) {
        m_jobs.remove(job.subject);
        m_running.insert(job.subject);
    }
    for (const Job &job : std::as_const(*claimed)) {
        const auto handler = m_handlers.constFind(job.kind);
        if (handler != m_handlers.cend() && handler.value())
            handler.value()(job);
    }
    rearm();
}

std::optional<QList<Job>> JobQueue::takeDueHere(qint64 nowMs)
{
    // A till alone with its database knows every job, and nobody else can run one: the
    // heap is the whole truth, and a due job is handed out without asking the table.
    QList<Job> due;
    for (dropStale(); !m_heap.empty() && m_heap.top().dueMs <= nowMs && due.size() < kClaimBatch;
         dropStale()) {
        const Job job = m_jobs.constFind(m_heap.top().subject)->job;
        m_heap.pop();
        if (m_handlers.value(job.kind)) {
            m_jobs.remove(job.subject); // any other heap item of it is stale now
            due.append(job);
        } else {
            m_parked.insert(job.subject); // until a handler of its kind is set
        }
    }
    dropStale();
    // A full batch: the rest on the next tick, after the event loop has had its turn.
    m_moreDue = due.size() >= kClaimBatch && !m_heap.empty() && m_heap.top().dueMs <= nowMs;
    return due;
}

std::optional<QList<Job>> JobQueue::claimShared(qint64 nowMs)
{
    // Due heap entries are either claimed below or belong to another till now.
    for (dropStale(); !m_heap.empty() && m_heap.top().dueMs <= nowMs; dropStale()) {
        m_jobs.remove(m_heap.top().subject);
        m_heap.pop();
    }
    if (!m_database.isAvailable())
        return std::nullopt; // load() runs again once the server is back
    auto claimed = claimDue(nowMs);
    // The due jobs left the heap above, but not the table: the next claim finds them.
    m_claimFailed = !claimed;
    if (!claimed) {
        qCWarning(lcJobs) << "cannot claim due jobs:" << claimed.error().message
                          << "; trying again in" << kRetryMs << "ms";
        return std::nullopt;
    }
    // A full batch may have left due jobs in the table: the next tick comes at once.
    m_moreDue = claimed->size() >= kClaimBatch;
    return std::move(claimed).value();
}

} // namespace shouyin
