// The job queue at 100,000 pending jobs: scheduling them (one transaction), loading
// them at start-up, one timer tick with nothing due, and draining them all. Prints the
// median of several rounds and the peak resident memory.
//
//   bench_scheduler [--jobs 100000] [--rounds 5]

#include "benchstats.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "util/allocator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shouyin;

int main(int argc, char **argv)
{
    keepFreedMemoryForReuse(); // as the till does (app/main.cpp)
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption jobsOption(u"jobs"_s, u"Pending jobs."_s, u"n"_s, u"100000"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Rounds."_s, u"n"_s, u"5"_s);
    parser.addOptions({jobsOption, roundsOption});
    parser.addHelpOption();
    parser.process(app);
    const int n = parser.value(jobsOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();

    QList<double> scheduleMs, loadMs, idleTickUs, drainMs;
    for (int round = 0; round < rounds; ++round) {
        QTemporaryDir dir;
        auto database = Database::openSqlite(dir.filePath(u"jobs.sqlite"_s)).value();
        QDateTime now = QDateTime::currentDateTimeUtc();
        const auto clock = [&now] {
            return now;
        };

        JobQueue queue(*database, clock);
        QElapsedTimer timer;
        timer.start();
        const Status scheduled = database->transaction([&]() -> Status {
            for (int i = 0; i < n; ++i) {
                if (auto done = queue.schedule(u"poll"_s, u"T01PAY%1"_s.arg(i),
                                               now.addMSecs(1000 + (i * 7919) % 600000));
                    !done)
                    return done;
            }
            return success();
        });
        if (!scheduled)
            qFatal("schedule failed: %s", qPrintable(scheduled.error().message));
        scheduleMs.append(double(timer.nsecsElapsed()) / 1e6);

        JobQueue restarted(*database, clock); // a start-up with n jobs waiting
        timer.restart();
        if (!restarted.load())
            qFatal("load failed");
        loadMs.append(double(timer.nsecsElapsed()) / 1e6);

        int handled = 0;
        restarted.setHandler(u"poll"_s, [&](const Job &job) {
            ++handled;
            if (!restarted.complete(job.subject))
                qFatal("complete failed");
        });
        timer.restart();
        restarted.runDue(); // nothing due yet: what every idle tick costs
        idleTickUs.append(double(timer.nsecsElapsed()) / 1e3);

        now = now.addSecs(3600);
        timer.restart();
        // What the timer does: one batch per tick until nothing is due.
        for (int ticks = 0; handled < n && ticks <= n / JobQueue::kClaimBatch + 1; ++ticks) {
            const Status ran = database->transaction([&]() -> Status {
                restarted.runDue();
                return success();
            });
            if (!ran)
                qFatal("drain failed: %s", qPrintable(ran.error().message));
        }
        drainMs.append(double(timer.nsecsElapsed()) / 1e6);
        if (handled != n || restarted.size() != 0)
            qFatal("drained %d of %d jobs", handled, n);
    }

    const QJsonObject json{{u"bench"_s, u"scheduler"_s},
                           {u"jobs"_s, n},
                           {u"schedule_ms"_s, bench::summary(scheduleMs)},
                           {u"load_ms"_s, bench::summary(loadMs)},
                           {u"idle_tick_us"_s, bench::summary(idleTickUs)},
                           {u"drain_ms"_s, bench::summary(drainMs)},
                           {u"peak_rss_mb"_s, bench::peakRssMb()}};
    std::printf("scheduler: %d jobs: schedule %.0f ms, load (start-up) %.0f ms, idle tick %.1f us, "
                "drain %.0f ms (medians of %d), peak RSS %.0f MB\n",
                n, bench::median(scheduleMs), bench::median(loadMs), bench::median(idleTickUs),
                bench::median(drainMs), rounds, bench::peakRssMb());
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
