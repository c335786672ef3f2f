#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <queue>

#include <functional>
#include <optional>
#include <vector>

namespace shouyin {

class Database;

// One unit of deferred work: what to do (`kind`) to what (`subject`, say a pay number),
// and when. A subject has at most one job; scheduling it again replaces it.
struct Job
{
    QString kind;
    QString subject;
    QDateTime dueAt;
    int attempts = 0; // how often this work was tried and put back, for backoff
};

// The durable queue of DESIGN.md §6: rows in the `jobs` table, an in-memory min-heap of
// them, and one single-shot QTimer armed for the earliest — never a timer per job.
// schedule() and complete() join the caller's open transaction, and the heap follows
// only once that transaction commits, so memory never runs ahead of the disk.
//
// On a shared database (PostgreSQL) the table, not the heap, decides who runs a job: a
// due job is first claimed in the database for a lease (`FOR UPDATE SKIP LOCKED`), so
// each job runs on exactly one till, and a till that dies mid-job leaves it to another
// once the lease ends; the queue also sweeps the table every few seconds for jobs other
// tills scheduled. A lone till (SQLite) is the only one that can run its jobs, so its
// heap hands them out without a claim: the table keeps them until they are completed.
// A claimed job is handed to the handler of its kind, which must schedule() or
// complete() it (at once or after asynchronous work); until then it is not handed out
// again. Another till's schedule() or complete() leaves a job that is claimed alone.
//
// A write the table refuses outside a transaction (a full disk, a lost server) is not
// lost: the queue keeps it and writes it again on every tick until the table takes it,
// and a claim that fails is tried again the same way. The error is still returned, for
// the caller's log. (Inside a transaction the caller's transaction fails instead.)
class JobQueue : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    using Handler = std::function<void(const Job &)>;

    // The timer never sleeps longer than this, so a changed wall clock is noticed.
    static constexpr qint64 kMaxSleepMs = 60'000;
    // How often a shared table is swept for jobs this till did not schedule.
    static constexpr qint64 kSweepMs = 3'000;
    // How long a claimed job belongs to the till running it.
    static constexpr qint64 kLeaseMs = 120'000;
    // How soon a refused write or a failed claim is tried again.
    static constexpr qint64 kRetryMs = 5'000;
    // The most jobs claimed in one statement.
    static constexpr int kClaimBatch = 500;

    // `owner` names this till in claims (its terminal id).
    JobQueue(Database &database, Clock clock, QString owner = QStringLiteral("T01"),
             QObject *parent = nullptr);

    // Loads every stored job (start-up, reconnection) and gives up this till's old
    // claims, which died with its last run; due jobs run on the next timer tick.
    Status load();
    void setHandler(const QString &kind, Handler handler);

    Status schedule(const QString &kind, const QString &subject, const QDateTime &dueAt,
                    int attempts = 0);
    Status complete(const QString &subject);

    std::optional<Job> job(const QString &subject) const; // scheduled, not running
    bool isRunning(const QString &subject) const { return m_running.contains(subject); }
    // Writes the table refused, waiting to be written again.
    int unsavedCount() const { return int(m_unsaved.size()); }
    int size() const { return int(m_jobs.size()); }
    QDateTime nextDue() const;

    // Hands every due job to its handler; the timer calls it, and so may a caller that
    // knows the clock moved.
    void runDue();

private:
    struct HeapItem
    {
        qint64 dueMs;
        quint64 version;
        QString subject;
        bool operator>(const HeapItem &other) const
        {
            return dueMs != other.dueMs ? dueMs > other.dueMs : version > other.version;
        }
    };
    struct Entry
    {
        Job job;
        quint64 version;
    };

    // A write of `subject`'s job: its next run, or (nullopt) its completion.
    Status write(const QString &subject, const std::optional<Job> &job);
    void keepUnsaved(const QString &subject, const std::optional<Job> &job, const Error &error);
    void saveUnsaved();
    void put(const Job &job);
    void rearm();
    void dropStale();
    Result<QList<Job>> claimDue(qint64 nowMs);
    // The due jobs to hand out now, or nullopt when none can be (the shared table is
    // unreachable). Only a shared table is asked: a lone till's heap knows every job.
    std::optional<QList<Job>> takeDueHere(qint64 nowMs);
    std::optional<QList<Job>> claimShared(qint64 nowMs);

    Database &m_database;
    Clock m_clock;
    QString m_owner;
    QHash<QString, Handler> m_handlers;
    QHash<QString, Entry>
        m_jobs; // subject -> the current job; heap items of older versions are stale
    std::priority_queue<HeapItem, std::vector<HeapItem>, std::greater<>> m_heap;
    QSet<QString> m_running;
    QSet<QString> m_parked; // due, of a kind without a handler (a lone till only)
    quint64 m_version = 0;
    bool m_moreDue = false;     // the last claim was a full batch
    bool m_claimFailed = false; // the last claim did not reach the table
    QHash<QString, std::optional<Job>> m_unsaved;
    QTimer m_timer;
};

} // namespace shouyin
