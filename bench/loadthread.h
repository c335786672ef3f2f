#pragma once

// Runs a load generator (LoadClient, PacedLoad) on a thread of its own, so that it never
// shares the event loop of what it measures, and returns once it says it has finished.

#include <QEventLoop>
#include <QThread>

namespace shouyin::bench {

template<typename Load> void runOnThread(Load &load)
{
    QThread thread;
    QEventLoop loop;
    load.moveToThread(&thread);
    QObject::connect(&thread, &QThread::started, &load, &Load::start);
    QObject::connect(&load, &Load::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    thread.start();
    loop.exec();
    thread.quit();
    thread.wait();
}

} // namespace shouyin::bench
