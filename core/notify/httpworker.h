#pragma once

#include "notify/httplistener.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <unordered_map>
#include <vector>

namespace shouyin {

class HttpAcceptor;
class HttpConnection;
class HttpReplyQueue;

// One I/O thread of HttpListener: owns the connections handed to it, runs their handlers
// and writes their replies, all on its own thread and event loop. It keeps its share of
// the listener's connection slots and request bytes, and makes room within it.
class HttpWorker : public QObject
{
    Q_OBJECT
public:
    HttpWorker(HttpListener &listener, int slots, qint64 byteBudget);
    ~HttpWorker() override;

    // Any thread (the acceptor's): what the worker has room for, as last published.
    int slots() const { return m_slots; }
    int reserved() const { return m_reserved.load(std::memory_order_relaxed); }
    // Connections it would close first to make room (idle or closing), and all it may close.
    int preferredVictims() const { return m_preferred.load(std::memory_order_relaxed); }
    int victims() const { return m_victims.load(std::memory_order_relaxed); }
    // Takes an accepted descriptor; the connection is counted from now on.
    void handOver(qintptr descriptor);

    // The worker's thread.
    bool startAccepting(const QHostAddress &address, quint16 port, std::vector<HttpWorker *> all,
                        QString &error, QHostAddress &boundAddress, quint16 &boundPort);
    void stopAccepting();
    void shutdown(); // closes every connection; replies are dropped from now on
    void deliverReplies();

    // For its connections.
    const HttpLimits &limits() const { return m_listener.limits(); }
    void dispatch(HttpConnection &connection, quint64 ticket, const HttpRequest &request);
    void phaseChanged(bool wasEvictable, bool wasPreferred, bool evictable, bool preferred);
    void adjustBuffered(HttpConnection &connection, qint64 delta); // may evict any connection
    // Closed: forgotten now (its bytes given back), deleted once the call stack unwinds.
    void retire(HttpConnection &connection);

private:
    void adopt(qintptr descriptor);
    void refuseBusy(qintptr descriptor);
    HttpConnection *evictionCandidate(bool readingOnly) const;
    void evict(HttpConnection &connection);
    void reap();
    void publishBuffered();

    HttpListener &m_listener;
    const int m_slots;
    const qint64 m_byteBudget;
    std::shared_ptr<HttpReplyQueue> m_replies;
    HttpAcceptor *m_acceptor = nullptr;
    std::unordered_map<quint64, std::unique_ptr<HttpConnection>> m_live;
    std::vector<std::unique_ptr<HttpConnection>> m_retired;
    quint64 m_lastId = 0;
    qint64 m_buffered = 0;
    qint64 m_bufferedPublished = 0;
    bool m_enforcing = false;
    std::atomic<int> m_reserved{0};
    std::atomic<int> m_preferred{0};
    std::atomic<int> m_victims{0};
};

} // namespace shouyin
