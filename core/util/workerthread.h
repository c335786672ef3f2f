#pragma once

#include <QObject>
#include <QThread>

#include <optional>
#include <type_traits>
#include <utility>

namespace shouyin {

// A thread with its own event loop, for objects that must be made, used and destroyed
// there: a Qt SQL connection works only on the thread that opened it, and a network
// client answers on the thread that made it. The owner builds what lives there with
// run(), talks to it through queued calls and signals, and tears it down with run()
// before the thread stops.
class WorkerThread
{
public:
    explicit WorkerThread(const QString &name);
    ~WorkerThread(); // stops the loop and waits: whatever lived there must be gone by now
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    QThread *thread() { return &m_thread; }
    // An object of the thread, to queue calls to (QMetaObject::invokeMethod).
    QObject *context() { return m_context; }

    // Runs `work` on the thread and waits for its result: building and tearing down
    // what lives there, at start-up and shutdown, never on a hot path.
    template<typename Work> std::invoke_result_t<Work> run(Work &&work)
    {
        using R = std::invoke_result_t<Work>;
        if constexpr (std::is_void_v<R>) {
            runBlocking([&work] { work(); });
        } else {
            std::optional<R> result;
            runBlocking([&work, &result] { result.emplace(work()); });
            return std::move(*result);
        }
    }

private:
    void runBlocking(const std::function<void()> &work);

    QThread m_thread;
    QObject *m_context;
};

} // namespace shouyin
