#include "httpreplyqueue.h"

#include "notify/httpworker.h"

#include <atomic>

namespace shouyin {

namespace {

// Shared by every copy of one request's reply function.
struct ReplyState
{
    std::shared_ptr<HttpReplyQueue> queue;
    quint64 connection;
    quint64 ticket;
    std::atomic<bool> used{false};

    ~ReplyState()
    {
        // A handler that drops its reply unanswered: a connection whose client has already
        // closed its side can then go, since nothing will ever be written to it.
        if (!used.load(std::memory_order_relaxed))
            queue->post({connection, ticket, std::nullopt});
    }
};

} // namespace

HttpReplyQueue::HttpReplyQueue(HttpWorker *worker)
    : m_worker(worker)
{}

std::function<void(const HttpResponse &)>
HttpReplyQueue::makeReply(const std::shared_ptr<HttpReplyQueue> &queue, quint64 connection,
                          quint64 ticket)
{
    auto state = std::make_shared<ReplyState>();
    state->queue = queue;
    state->connection = connection;
    state->ticket = ticket;
    return [state = std::move(state)](const HttpResponse &response) {
        if (state->used.exchange(true, std::memory_order_acq_rel))
            return;
        state->queue->post({state->connection, state->ticket, response});
    };
}

void HttpReplyQueue::post(Item item)
{
    const std::lock_guard lock(m_mutex);
    if (!m_worker)
        return;
    m_items.append(std::move(item));
    if (m_wakePending)
        return;
    // One wake-up for however many replies arrive before the worker gets to them. Posted
    // under the lock: close() takes it before the worker goes, so the worker is alive.
    m_wakePending = true;
    QMetaObject::invokeMethod(m_worker, &HttpWorker::deliverReplies, Qt::QueuedConnection);
}

QList<HttpReplyQueue::Item> HttpReplyQueue::take()
{
    const std::lock_guard lock(m_mutex);
    m_wakePending = false;
    return std::exchange(m_items, {});
}

void HttpReplyQueue::close()
{
    const std::lock_guard lock(m_mutex);
    m_worker = nullptr;
    m_items.clear();
}

} // namespace shouyin
