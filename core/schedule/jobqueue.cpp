#include "jobqueue.h"

#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcJobs, "shouyin.schedule")

JobQueue::JobQueue(Database &database, Clock clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobQueue::runDue);
}

Status JobQueue::load()
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT kind, subject, due_at, attempts FROM jobs"_s))
        return sqlError(u"load jobs"_s, query.lastError());
    m_jobs.clear();
    m_heap = {};
    m_running.clear();
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
    m_handlers.insert(kind, std::move(handler));
}

Status JobQueue::schedule(const QString &kind, const QString &subject, const QDateTime &dueAt,
                          int attempts)
{
    SqlWriter sql(m_database);
    auto stored =
        sql.exec(u"INSERT INTO jobs (subject, kind, due_at, attempts) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (subject) DO UPDATE SET kind = excluded.kind, "
                 "due_at = excluded.due_at, attempts = excluded.attempts"_s,
                 {subject, kind, SqlWriter::time(dueAt), attempts});
    if (!stored)
        return stored.error();
    m_database.afterCommit([this, job = Job{kind, subject, dueAt, attempts}] { put(job); });
    return success();
}

Status JobQueue::complete(const QString &subject)
{
    SqlWriter sql(m_database);
    auto deleted = sql.exec(u"DELETE FROM jobs WHERE subject = ?"_s, {subject});
    if (!deleted)
        return deleted.error();
    m_database.afterCommit([this, subject] {
        m_jobs.remove(subject); // its heap items are now stale
        m_running.remove(subject);
        rearm();
    });
    return success();
}

void JobQueue::put(const Job &job)
{
    const quint64 version = ++m_version;
    m_jobs.insert(job.subject, {job, version});
    m_running.remove(job.subject);
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
    const QDateTime due = nextDue();
    if (!due.isValid()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(m_clock().msecsTo(due), 0, kMaxSleepMs)));
}

void JobQueue::runDue()
{
    const qint64 now = m_clock().toMSecsSinceEpoch();
    QList<Job> due;
    for (dropStale(); !m_heap.empty() && m_heap.top().dueMs <= now; dropStale()) {
        const QString subject = m_heap.top().subject;
        m_heap.pop();
        due.append(m_jobs.take(subject).job);
        m_running.insert(subject);
    }
    for (const Job &job : std::as_const(due)) {
        const auto handler = m_handlers.constFind(job.kind);
        if (handler == m_handlers.cend() || !handler.value()) {
            qCWarning(lcJobs) << "no handler for job kind" << job.kind << "of" << job.subject;
            continue; // stays in the table; a later start with the handler runs it
        }
        handler.value()(job);
    }
    rearm();
}

} // namespace shouyin
