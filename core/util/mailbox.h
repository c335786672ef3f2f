#pragma once

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

namespace shouyin {

// A return address another thread can post to without knowing whether its owner still
// exists: post() queues `work` to run on the owner's thread, and drops it once the owner
// has closed the mailbox. Copies share one mailbox; any thread may post.
//
// A raw pointer (or a QPointer, which is not thread-safe) to an object of another thread
// may dangle by the time it is used; the owner closing its mailbox in its destructor, and
// QObject removing the events still queued for it, leave no such moment.
class Mailbox
{
public:
    Mailbox() = default; // closed: posts nothing
    explicit Mailbox(QObject *owner)
        : m_state(std::make_shared<State>(owner))
    {}

    // From the owner's thread, before the owner goes (its destructor): nothing posted
    // afterwards runs, and what was posted before is removed with the owner's events.
    void close() const
    {
        if (!m_state)
            return;
        QMutexLocker lock(&m_state->mutex);
        m_state->owner = nullptr;
    }

    // False when the owner is gone: `work` is dropped.
    bool post(std::function<void()> work) const
    {
        if (!m_state)
            return false;
        QMutexLocker lock(&m_state->mutex);
        if (!m_state->owner)
            return false;
        QMetaObject::invokeMethod(m_state->owner, std::move(work), Qt::QueuedConnection);
        return true;
    }

private:
    struct State
    {
        explicit State(QObject *o)
            : owner(o)
        {}
        QMutex mutex;
        QObject *owner;
    };
    std::shared_ptr<State> m_state;
};

} // namespace shouyin
