// The settling jobs of several tills in one PostgreSQL table: each due job is handed to
// exactly one till, a claim holds for its lease and not longer, and a till leaves a job
// another till is running alone. Runs against the shared test server.

#include "concurrenttills.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "testdatabase.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <latch>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

const QString kPoll = u"poll"_s;

QString subject(int i)
{
    return u"P%1"_s.arg(i, 4, 10, QLatin1Char('0'));
}

} // namespace

class tst_PostgresJobs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
    std::unique_ptr<Database> m_databaseA;
    std::unique_ptr<Database> m_databaseB;
    std::unique_ptr<JobQueue> m_tillA;
    std::unique_ptr<JobQueue> m_tillB;
    QHash<QString, QStringList> m_handledBy; // subject -> the tills it was handed to

    // Who holds the job in the table: "T01", "T02", "" (nobody), "-" (no such job).
    QString claimedBy(const QString &jobSubject) const
    {
        QSqlQuery query(m_databaseA->connection());
        query.prepare(u"SELECT COALESCE(claimed_by, '') FROM jobs WHERE subject = ?"_s);
        query.addBindValue(jobSubject);
        if (!query.exec() || !query.next())
            return u"-"_s;
        return query.value(0).toString();
    }

    // Records what each till is handed; `completes`: the till finishes it at once.
    void handle(JobQueue &queue, const QString &owner, bool completes)
    {
        queue.setHandler(kPoll, [this, &queue, owner, completes](const Job &job) {
            m_handledBy[job.subject].append(owner);
            if (completes)
                QVERIFY(queue.complete(job.subject));
        });
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(usingPostgres()); }

    void init()
    {
        m_databaseA = openTestDatabase(m_dir.filePath(u"unused.sqlite"_s));
        m_databaseB = reopenTestDatabase(*m_databaseA);
        const auto clock = [this] {
            return m_now;
        };
        m_tillA = std::make_unique<JobQueue>(*m_databaseA, clock, u"T01"_s);
        m_tillB = std::make_unique<JobQueue>(*m_databaseB, clock, u"T02"_s);
        m_handledBy.clear();
    }

    void cleanup()
    {
        m_tillA.reset();
        m_tillB.reset();
        m_databaseB.reset();
        m_databaseA.reset();
    }

    void everyJobGoesToOneTill()
    {
        constexpr int kJobs = 200;
        handle(*m_tillA, u"T01"_s, true);
        handle(*m_tillB, u"T02"_s, true);
        const QDateTime start = m_now;
        QVERIFY(m_databaseA->transaction([&]() -> Status {
            for (int i = 0; i < kJobs; ++i) {
                if (auto scheduled = m_tillA->schedule(kPoll, subject(i), start.addSecs(i));
                    !scheduled)
                    return scheduled;
            }
            return success();
        }));
        // The tills take turns, each finding what fell due since the other looked.
        for (int step = 0; m_now <= start.addSecs(kJobs); ++step) {
            m_now = m_now.addSecs(3);
            JobQueue &first = step % 2 ? *m_tillA : *m_tillB;
            JobQueue &second = step % 2 ? *m_tillB : *m_tillA;
            first.runDue();
            second.runDue();
        }
        QCOMPARE(m_handledBy.size(), kJobs);
        int byA = 0;
        for (auto it = m_handledBy.cbegin(); it != m_handledBy.cend(); ++it) {
            QVERIFY2(it.value().size() == 1,
                     qPrintable(it.key() + u": "_s + it.value().join(u',')));
            byA += it.value().first() == u"T01";
        }
        QVERIFY(byA > 0 && byA < kJobs);
        QCOMPARE(scalar(*m_databaseA, u"SELECT COUNT(*) FROM jobs"_s), 0);
    }

    void tillsClaimingAtOnceNeverShareAJob()
    {
        constexpr int kJobs = 300;
        constexpr int kTills = 3;
        const qint64 startMs = m_now.toMSecsSinceEpoch();
        QVERIFY(m_databaseA->transaction([&]() -> Status {
            for (int i = 0; i < kJobs; ++i) {
                if (auto scheduled = m_tillA->schedule(kPoll, subject(i), m_now.addSecs(i));
                    !scheduled)
                    return scheduled;
            }
            return success();
        }));
        const DatabaseSettings settings = m_databaseA->settings();
        std::atomic<qint64> clockMs{startMs};
        std::atomic<int> done{0};
        std::latch opened(kTills);
        std::vector<QStringList> handled(kTills);
        std::vector<QString> errors(kTills);
        runTillsTogether(kTills, [&](int till) {
            auto database = Database::open(settings);
            opened.arrive_and_wait(); // nobody starts claiming before everyone can
            if (!database) {
                errors[till] = database.error().message;
                return;
            }
            JobQueue queue(
                **database,
                [&clockMs] { return QDateTime::fromMSecsSinceEpoch(clockMs.load(), Qt::UTC); },
                u"T%1"_s.arg(till + 1, 2, 10, QLatin1Char('0')));
            queue.setHandler(kPoll, [&, till](const Job &job) {
                handled[till].append(job.subject);
                if (auto completed = queue.complete(job.subject); !completed)
                    errors[till] = completed.error().message;
                ++done;
            });
            // Half a second of shop time per look: a few jobs fall due between looks.
            for (int look = 0; done.load() < kJobs && look < 20 * kJobs; ++look) {
                clockMs += 500;
                queue.runDue();
            }
        });
        QSet<QString> all;
        for (int till = 0; till < kTills; ++till) {
            QVERIFY2(errors[till].isEmpty(), qPrintable(errors[till]));
            QVERIFY2(!handled[till].isEmpty(), "a till was never handed a job");
            for (const QString &job : std::as_const(handled[till])) {
                QVERIFY2(!all.contains(job), qPrintable(job + u" handed out twice"_s));
                all.insert(job);
            }
        }
        QCOMPARE(all.size(), kJobs);
        QCOMPARE(scalar(*m_databaseA, u"SELECT COUNT(*) FROM jobs"_s), 0);
    }

    void aClaimHoldsForItsLease()
    {
        handle(*m_tillA, u"T01"_s, false); // still working on it
        handle(*m_tillB, u"T02"_s, false);
        QVERIFY(m_tillA->schedule(kPoll, subject(1), m_now));
        m_tillA->runDue();
        QCOMPARE(m_handledBy.value(subject(1)), QStringList{u"T01"_s});
        QVERIFY(m_tillA->isRunning(subject(1)));
        QCOMPARE(claimedBy(subject(1)), u"T01"_s);

        const QDateTime claimedAt = m_now;
        m_now = claimedAt.addMSecs(JobQueue::kLeaseMs - 1);
        m_tillB->runDue();
        m_tillA->runDue(); // nor is it handed to its owner again
        QCOMPARE(m_handledBy.value(subject(1)), QStringList{u"T01"_s});

        // T01 died with the job: once the lease ends, T02 takes it over.
        m_now = claimedAt.addMSecs(JobQueue::kLeaseMs);
        m_tillB->runDue();
        QCOMPARE(m_handledBy.value(subject(1)), (QStringList{u"T01"_s, u"T02"_s}));
        QCOMPARE(claimedBy(subject(1)), u"T02"_s);
    }

    void anotherTillLeavesAClaimedJobAlone()
    {
        handle(*m_tillA, u"T01"_s, false);
        QVERIFY(m_tillA->schedule(kPoll, subject(1), m_now));
        m_tillA->runDue();
        QCOMPARE(claimedBy(subject(1)), u"T01"_s);
        const qint64 dueBefore =
            scalar(*m_databaseA, u"SELECT due_at FROM jobs WHERE subject = '%1'"_s.arg(subject(1)));

        // T02 (its own poll, say) asks for a later look and then finishes the job: T01 is
        // running it and decides what comes next, so neither call changes the row.
        QVERIFY(m_tillB->schedule(kPoll, subject(1), m_now.addSecs(3600)));
        QVERIFY(m_tillB->complete(subject(1)));
        QCOMPARE(claimedBy(subject(1)), u"T01"_s);
        QCOMPARE(
            scalar(*m_databaseA, u"SELECT due_at FROM jobs WHERE subject = '%1'"_s.arg(subject(1))),
            dueBefore);

        // The owner's own schedule puts the job back for anyone, at its new time.
        const QDateTime next = m_now.addSecs(60);
        QVERIFY(m_tillA->schedule(kPoll, subject(1), next));
        QCOMPARE(claimedBy(subject(1)), QString());
        QVERIFY(!m_tillA->isRunning(subject(1)));
        QCOMPARE(m_tillA->job(subject(1))->dueAt, next);
        QCOMPARE(
            scalar(*m_databaseA, u"SELECT due_at FROM jobs WHERE subject = '%1'"_s.arg(subject(1))),
            next.toMSecsSinceEpoch());

        // Unclaimed again, T02 may finish it.
        QVERIFY(m_tillB->complete(subject(1)));
        QCOMPARE(claimedBy(subject(1)), u"-"_s);
    }
};

QTEST_GUILESS_MAIN(tst_PostgresJobs)
#include "tst_postgresjobs.moc"
