#pragma once

// Several tills at the same moment, for the suites that share one PostgreSQL server.
// One thread cannot race itself: a till blocked on another's row lock would block the
// test too. So each till is a thread with its own connection (a Database is bound to
// the thread that opened it: it is opened, used and destroyed there), and the threads
// start their work together. QTest macros are not thread-safe: threads only collect,
// the test thread asserts.

#include "store/database.h"

#include <QSqlQuery>
#include <QThread>

#include <latch>
#include <memory>
#include <vector>

namespace shouyin::testing {

// Runs `work(till)` for till = 0 .. tills-1, each on its own thread, all released at
// once, and returns when every one has finished.
template<typename Work> void runTillsTogether(int tills, Work work)
{
    std::latch ready(tills);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int till = 0; till < tills; ++till) {
        threads.emplace_back(QThread::create([&ready, &work, till] {
            ready.arrive_and_wait();
            work(till);
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        thread->wait();
}

// One number from a query on `database`'s connection (-1 when it fails).
inline qint64 scalar(const Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace shouyin::testing
