#include "httpworker.h"

#include "notify/httpacceptor.h"
#include "notify/httpconnection.h"
#include "notify/httpreplyqueue.h"
#include "notify/rawsocket.h"

#include <QLoggingCategory>

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

HttpWorker::HttpWorker(HttpListener &listener, int slots, qint64 byteBudget)
    : m_listener(listener)
    , m_slots(slots)
    , m_byteBudget(byteBudget)
    , m_replies(std::make_shared<HttpReplyQueue>(this))
{}

HttpWorker::~HttpWorker()
{
    // shutdown() ran on the worker's thread; this is only the safety net for the queue.
    m_replies->close();
}

void HttpWorker::handOver(qintptr descriptor)
{
    // Counted before the worker sees it, so that a burst of newcomers spreads out.
    m_reserved.fetch_add(1, std::memory_order_relaxed);
    m_listener.m_connections.fetch_add(1, std::memory_order_relaxed);
    QMetaObject::invokeMethod(
        this, [this, descriptor] { adopt(descriptor); }, Qt::QueuedConnection);
}

bool HttpWorker::startAccepting(const QHostAddress &address, quint16 port,
                                std::vector<HttpWorker *> all, QString &error,
                                QHostAddress &boundAddress, quint16 &boundPort)
{
    m_acceptor = new HttpAcceptor(std::move(all), this);
    if (!m_acceptor->listen(address, port)) {
        error = m_acceptor->errorString();
        stopAccepting();
        return false;
    }
    boundAddress = m_acceptor->serverAddress();
    boundPort = m_acceptor->serverPort();
    return true;
}

void HttpWorker::stopAccepting()
{
    delete m_acceptor;
    m_acceptor = nullptr;
}

void HttpWorker::shutdown()
{
    stopAccepting();
    m_replies->close();
    // Closed here, on their own thread, where their notifiers and timers live.
    while (!m_live.empty())
        m_live.begin()->second->evict(); // retires it
    m_retired.clear();
}

void HttpWorker::adopt(qintptr descriptor)
{
    if (int(m_live.size()) >= m_slots) {
        HttpConnection *victim = evictionCandidate(false);
        if (!victim)
            return refuseBusy(descriptor);
        evict(*victim);
    }
    const quint64 id = ++m_lastId;
    auto connection = std::make_unique<HttpConnection>(descriptor, id, *this);
    HttpConnection &adopted = *connection;
    m_live.emplace(id, std::move(connection));
    phaseChanged(false, false, adopted.isEvictable(), adopted.isPreferredVictim());
    adopted.start();
}

void HttpWorker::refuseBusy(qintptr descriptor)
{
    // Every slot is handling a request: say so and hang up rather than queue without bound.
    RawSocket socket(descriptor);
    static constexpr char kBusy[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                    "Connection: close\r\n\r\n";
    if (socket.setNonBlocking())
        socket.send(kBusy, qint64(sizeof kBusy - 1));
    socket.shutdownWrite();
    m_reserved.fetch_sub(1, std::memory_order_relaxed);
    m_listener.m_connections.fetch_sub(1, std::memory_order_relaxed);
    m_listener.m_refused.fetch_add(1, std::memory_order_relaxed);
    m_listener.notePressure();
}

void HttpWorker::dispatch(HttpConnection &connection, quint64 ticket, const HttpRequest &request)
{
    m_listener.dispatch(request, HttpReplyQueue::makeReply(m_replies, connection.id(), ticket));
}

void HttpWorker::deliverReplies()
{
    const QList<HttpReplyQueue::Item> items = m_replies->take();
    for (const HttpReplyQueue::Item &item : items) {
        const auto found = m_live.find(item.connection);
        if (found == m_live.end())
            continue; // the client has gone
        found->second->answer(item.ticket, item.response ? &*item.response : nullptr);
    }
}

void HttpWorker::phaseChanged(bool wasEvictable, bool wasPreferred, bool evictable, bool preferred)
{
    if (wasEvictable != evictable)
        m_victims.fetch_add(evictable ? 1 : -1, std::memory_order_relaxed);
    if (wasPreferred != preferred)
        m_preferred.fetch_add(preferred ? 1 : -1, std::memory_order_relaxed);
}

HttpConnection *HttpWorker::evictionCandidate(bool readingOnly) const
{
    HttpConnection *victim = nullptr;
    for (const auto &entry : m_live) {
        const auto &connection = entry.second;
        if (!connection->isEvictable() || (readingOnly && connection->bufferedBytes() == 0))
            continue;
        // Idle before reading, and among equals the one that has waited longest.
        if (!victim || connection->evictionRank() > victim->evictionRank())
            victim = connection.get();
    }
    return victim;
}

void HttpWorker::evict(HttpConnection &connection)
{
    connection.evict(); // retires it
    m_listener.m_evicted.fetch_add(1, std::memory_order_relaxed);
    m_listener.notePressure();
}

void HttpWorker::adjustBuffered(HttpConnection &connection, qint64 delta)
{
    m_buffered += delta;
    if (m_live.contains(connection.id())) {
        m_enforcing = true;
        while (m_buffered > m_byteBudget) {
            HttpConnection *victim = evictionCandidate(true);
            if (!victim)
                break;
            evict(*victim); // its bytes are given back as it goes
            if (victim == &connection)
                break;
        }
        m_enforcing = false;
    }
    publishBuffered();
}

void HttpWorker::publishBuffered()
{
    // Published once within the budget again (not while connections are being closed to
    // get there), so that the listener's total never shows bytes about to be given back.
    const qint64 change = m_buffered - m_bufferedPublished;
    if (change == 0)
        return;
    m_bufferedPublished = m_buffered;
    m_listener.m_buffered.fetch_add(change, std::memory_order_relaxed);
}

void HttpWorker::retire(HttpConnection &connection)
{
    const auto found = m_live.find(connection.id());
    if (found == m_live.end())
        return;
    phaseChanged(connection.isEvictable(), connection.isPreferredVictim(), false, false);
    m_buffered -= connection.reportedBytes();
    if (!m_enforcing)
        publishBuffered();
    m_retired.push_back(std::move(found->second));
    m_live.erase(found);
    m_reserved.fetch_sub(1, std::memory_order_relaxed);
    m_listener.m_connections.fetch_sub(1, std::memory_order_relaxed);
    // Deleted once whatever called into it has returned.
    if (m_retired.size() == 1)
        QMetaObject::invokeMethod(this, &HttpWorker::reap, Qt::QueuedConnection);
}

void HttpWorker::reap()
{
    m_retired.clear();
}

} // namespace shouyin
