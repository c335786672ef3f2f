#include "schedule/jobqueue.h"
#include "store/database.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

// The queue on a clock the test moves; only the re-arming test lets real time pass.
class TestJobQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
    QStringList m_ran;

    std::unique_ptr<JobQueue> makeQueue()
    {
        auto queue = std::make_unique<JobQueue>(*m_database, [this] { return m_now; });
        queue->setHandler(u"poll"_s, [this](const Job &job) { m_ran.append(job.subject); });
        return queue;
    }

    // The job table refuses every write from now on (a full disk, say), or takes them again.
    void refuseWrites(bool refuse)
    {
        const Status done = testing::refuseWrites(*m_database, u"jobs"_s, refuse);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    }

    int storedJobs() const
    {
        QSqlQuery query(m_database->connection());
        query.exec(u"SELECT COUNT(*) FROM jobs"_s);
        query.next();
        return query.value(0).toInt();
    }

private Q_SLOTS:
    void init()
    {
        m_database = testing::openTestDatabase(m_dir.filePath(
            u"jobs-%1.sqlite"_s.arg(QLatin1StringView(QTest::currentTestFunction()))));
        m_ran.clear();
    }

    void runsDueJobsInOrderAndOnlyThose()
    {
        auto queue = makeQueue();
        QVERIFY(queue->schedule(u"poll"_s, u"c"_s, m_now.addSecs(30)));
        QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now.addSecs(10)));
        QVERIFY(queue->schedule(u"poll"_s, u"b"_s, m_now.addSecs(20)));
        QCOMPARE(queue->nextDue(), m_now.addSecs(10));
        m_now = m_now.addSecs(20);
        queue->runDue();
        QCOMPARE(m_ran, (QStringList{u"a"_s, u"b"_s}));
        QVERIFY(queue->isRunning(u"a"_s));
        QCOMPARE(queue->nextDue(), m_now.addSecs(10));
    }

    void reschedulingReplacesTheJob()
    {
        auto queue = makeQueue();
        QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now.addSecs(10)));
        QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now.addSecs(100), 3));
        QCOMPARE(queue->size(), 1);
        QCOMPARE(queue->job(u"a"_s)->attempts, 3);
        m_now = m_now.addSecs(50);
        queue->runDue();
        QVERIFY(m_ran.isEmpty()); // the stale heap entry at +10 s is skipped
        m_now = m_now.addSecs(50);
        queue->runDue();
        QCOMPARE(m_ran, QStringList{u"a"_s});
        QCOMPARE(storedJobs(), 1); // kept until the handler completes or reschedules it
    }

    void runningJobIsNotHandedOutTwice()
    {
        auto queue = makeQueue();
        QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now));
        queue->runDue();
        queue->runDue();
        QCOMPARE(m_ran.size(), 1);
        QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now)); // the handler puts it back
        queue->runDue();
        QCOMPARE(m_ran.size(), 2);
    }

    void completeRemovesRowAndEntry()
    {
        auto queue = makeQueue();
        QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now));
        QVERIFY(queue->complete(u"a"_s));
        QCOMPARE(storedJobs(), 0);
        queue->runDue();
        QVERIFY(m_ran.isEmpty());
        QVERIFY(!queue->nextDue().isValid());
    }

    void jobsSurviveARestart()
    {
        {
            auto queue = makeQueue();
            QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now.addSecs(5), 2));
            QVERIFY(queue->schedule(u"poll"_s, u"b"_s, m_now.addSecs(1)));
            QCOMPARE(storedJobs(), 2);
        }
        auto restarted = makeQueue();
        QVERIFY(restarted->load());
        QCOMPARE(restarted->size(), 2);
        QCOMPARE(restarted->job(u"a"_s)->attempts, 2);
        m_now = m_now.addSecs(10);
        restarted->runDue();
        QCOMPARE(m_ran, (QStringList{u"b"_s, u"a"_s}));
    }

    void rolledBackScheduleLeavesNoTrace()
    {
        auto queue = makeQueue();
        const Status status = m_database->transaction([&]() -> Status {
            if (auto done = queue->schedule(u"poll"_s, u"a"_s, m_now); !done)
                return done;
            return Error{ErrorCode::Cancelled, u"abort"_s};
        });
        QVERIFY(!status);
        QCOMPARE(storedJobs(), 0);
        QCOMPARE(queue->size(), 0);
    }

    void heapFollowsOnlyAfterCommit()
    {
        auto queue = makeQueue();
        QVERIFY(m_database->transaction([&]() -> Status {
            if (auto done = queue->schedule(u"poll"_s, u"a"_s, m_now); !done)
                return done;
            if (queue->size() != 0)
                return Error{ErrorCode::Cancelled, u"heap ran ahead of the commit"_s};
            return success();
        }));
        QCOMPARE(queue->size(), 1);
    }

    void aFullBatchIsFollowedAtOnce()
    {
        auto queue = makeQueue();
        const int n = JobQueue::kClaimBatch + 7;
        QVERIFY(m_database->transaction([&]() -> Status {
            for (int i = 0; i < n; ++i)
                if (auto done =
                        queue->schedule(u"poll"_s, u"job%1"_s.arg(i, 4, 10, QChar(u'0')), m_now);
                    !done)
                    return done;
            return success();
        }));
        queue->runDue();
        // One batch per tick, so that the window is never held up by thousands at once…
        QCOMPARE(m_ran.size(), JobQueue::kClaimBatch);
        // …and the rest on the next tick, which comes by itself.
        QTRY_COMPARE(m_ran.size(), n);
        QCOMPARE(QSet<QString>(m_ran.cbegin(), m_ran.cend()).size(), n);
    }

    void aLoneTillRunsItsJobsWithoutClaimingThem()
    {
        if (m_database->isShared())
            QSKIP("tills sharing a server claim their jobs (aClaimIsAnsweredOnlyByItsOwner)");
        auto queue = makeQueue();
        QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now));
        queue->runDue();
        QCOMPARE(m_ran, QStringList{u"a"_s});
        // Nobody else can run it, so the table is not asked: the row is as it was, and
        // it stays until the handler completes or reschedules it.
        QSqlQuery row(m_database->connection());
        QVERIFY(row.exec(u"SELECT claimed_by, claimed_until FROM jobs WHERE subject = 'a'"_s));
        QVERIFY(row.next());
        QVERIFY(row.value(0).isNull());
        QVERIFY(row.value(1).isNull());
        QVERIFY(queue->isRunning(u"a"_s));
    }

    void aKindWithoutAHandlerWaitsForOne()
    {
        auto queue = makeQueue();
        QVERIFY(queue->schedule(u"expire"_s, u"a"_s, m_now));
        QVERIFY(queue->schedule(u"poll"_s, u"b"_s, m_now));
        queue->runDue();
        QCOMPARE(m_ran, QStringList{u"b"_s});
        queue->setHandler(u"expire"_s, [this](const Job &job) { m_ran.append(job.subject); });
        queue->runDue();
        QCOMPARE(m_ran, (QStringList{u"b"_s, u"a"_s}));
    }

    void aClaimIsAnsweredOnlyByItsOwner()
    {
        if (!m_database->isShared())
            QSKIP("a lone SQLite till claims nothing (aLoneTillRunsItsJobsWithoutClaimingThem)");
        // Two tills on one job table: T02 does not take or touch what T01 runs.
        auto t01 = makeQueue();
        JobQueue t02(
            *m_database, [this] { return m_now; }, u"T02"_s);
        QStringList ranAtT02;
        t02.setHandler(u"poll"_s, [&](const Job &job) { ranAtT02.append(job.subject); });
        QVERIFY(t01->schedule(u"poll"_s, u"a"_s, m_now));
        t01->runDue();
        QCOMPARE(m_ran, QStringList{u"a"_s});
        QVERIFY(t02.schedule(u"poll"_s, u"a"_s, m_now)); // refused: T01 holds it
        QVERIFY(t02.complete(u"a"_s));                   // a no-op for the same reason
        QCOMPARE(storedJobs(), 1);
        t02.runDue();
        QVERIFY(ranAtT02.isEmpty());
        // Its lease over (T01 died mid-job), the job is anybody's: the next sweep takes it.
        m_now = m_now.addMSecs(JobQueue::kLeaseMs + 1);
        t02.runDue();
        QCOMPARE(ranAtT02, QStringList{u"a"_s});
    }

    void aRefusedWriteIsMadeAgainUntilTaken()
    {
        auto queue = makeQueue();
        QString outcome = u"reschedule"_s;
        queue->setHandler(u"poll"_s, [&](const Job &job) {
            m_ran.append(job.subject);
            const Status written =
                outcome == u"reschedule"
                    ? queue->schedule(u"poll"_s, job.subject, m_now.addSecs(60), job.attempts + 1)
                    : queue->complete(job.subject);
            if (!written)
                outcome += u" refused"_s;
        });
        QVERIFY(queue->schedule(u"poll"_s, u"a"_s, m_now));
        const bool claims = m_database->isShared();
        refuseWrites(true);
        // A shared table refuses the claim itself: the due job is kept there, not lost.
        // A lone till claims nothing, so the job runs, and its next step is refused.
        queue->runDue();
        if (claims) {
            QVERIFY(m_ran.isEmpty());
        } else {
            QCOMPARE(m_ran, QStringList{u"a"_s});
            QCOMPARE(queue->unsavedCount(), 1);
            QVERIFY(queue->isRunning(u"a"_s));
        }
        refuseWrites(false);
        queue->runDue();
        QCOMPARE(m_ran, QStringList{u"a"_s});
        QCOMPARE(queue->unsavedCount(), 0);
        outcome = u"reschedule"_s;

        // The handler's next step is refused: the queue keeps it and hands the job to
        // nobody meanwhile.
        m_now = m_now.addSecs(60);
        refuseWrites(true);
        queue->runDue(); // shared: the claim is refused; lone: the reschedule was kept
        refuseWrites(false);
        queue->runDue();
        QCOMPARE(m_ran.size(), 2);
        outcome = u"complete"_s;
        m_now = m_now.addSecs(60);
        queue->runDue();
        QCOMPARE(m_ran.size(), 3);
        QCOMPARE(storedJobs(), 0);

        QVERIFY(queue->schedule(u"poll"_s, u"b"_s, m_now));
        outcome = u"reschedule"_s;
        queue->runDue(); // b runs; its reschedule is refused below
        QCOMPARE(m_ran.size(), 4);
        refuseWrites(true);
        QVERIFY(!queue->schedule(u"poll"_s, u"b"_s, m_now.addSecs(30), 7));
        QCOMPARE(queue->unsavedCount(), 1);
        QVERIFY(queue->isRunning(u"b"_s));
        m_now = m_now.addSecs(3600);
        queue->runDue(); // still refused: kept, and b is not handed out again
        QCOMPARE(queue->unsavedCount(), 1);
        QCOMPARE(m_ran.size(), 4);
        refuseWrites(false);
        queue->runDue(); // written now, and due long since: it runs
        QCOMPARE(queue->unsavedCount(), 0);
        QCOMPARE(m_ran.size(), 5);
        QCOMPARE(m_ran.last(), u"b"_s);
    }

    void timerIsArmedForTheEarliestJob()
    {
        // Real time here: the single timer must wake up for the earliest job by itself.
        JobQueue queue(*m_database, [] { return QDateTime::currentDateTimeUtc(); });
        QStringList ran;
        queue.setHandler(u"poll"_s, [&](const Job &job) { ran.append(job.subject); });
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(queue.schedule(u"poll"_s, u"late"_s, now.addSecs(3600)));
        QVERIFY(queue.schedule(u"poll"_s, u"soon"_s, now.addMSecs(50)));
        QTRY_COMPARE(ran, QStringList{u"soon"_s});
        QCOMPARE(queue.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
