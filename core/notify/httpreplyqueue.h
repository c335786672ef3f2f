#pragma once

#include "net/httpmessage.h"

#include <QList>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace shouyin {

class HttpWorker;

// Where the answers for one I/O thread's connections wait for that thread. A reply holds
// this queue (shared) and the number of its connection and request, never the connection
// itself: a reply made on any thread, after the client or the whole listener has gone,
// finds its connection missing or the queue closed, and is dropped.
class HttpReplyQueue
{
public:
    struct Item
    {
        quint64 connection = 0;
        quint64 ticket = 0;                   // which request of that connection
        std::optional<HttpResponse> response; // none: every copy of the reply went unused
    };

    explicit HttpReplyQueue(HttpWorker *worker);

    // The reply function a handler is given: at most one call counts, on any thread.
    static std::function<void(const HttpResponse &)>
    makeReply(const std::shared_ptr<HttpReplyQueue> &queue, quint64 connection, quint64 ticket);

    void post(Item item);
    QList<Item> take(); // on the worker's thread
    void close();       // on the worker's thread, before it goes

private:
    std::mutex m_mutex;
    HttpWorker *m_worker; // null once closed
    QList<Item> m_items;
    bool m_wakePending = false;
};

} // namespace shouyin
