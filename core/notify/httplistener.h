#pragma once

#include "net/httpmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QReadWriteLock>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace shouyin {

class HttpWorker;

// What one client may cost the listener.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 8 * 1024;
    qsizetype maxBodyBytes = 64 * 1024;
    int headerDeadlineMs = 3'000; // from a request's first byte to its last header
    int readDeadlineMs = 10'000;  // from a request's first byte to its last
    int idleTimeoutMs = 30'000;   // a kept-alive connection with nothing to say
    // When every slot is taken, a newcomer takes the slot of the longest idle connection,
    // or else of the slowest one still sending its request, and only then of a client
    // answered in the last second: a stranger holding sockets open can delay a provider's
    // notification, never shut it out.
    int maxConnections = 512;
    // Request bytes held across all connections; past it, the connections reading the
    // longest are closed (512 nearly complete bodies would otherwise hold 32 MiB).
    qint64 maxBufferedBytes = 4 * 1024 * 1024;
    // Threads doing the connections' I/O and running the handlers; 0: one fewer than the
    // machine's cores, at least 1 and at most 4. Each takes an equal share of
    // maxConnections and maxBufferedBytes, so both still bound the whole listener; there
    // are never more threads than slots, nor than whole requests the byte budget holds.
    int ioThreads = 0;
};

// A small HTTP/1.1 server for the providers' payment notifications. It exists instead
// of QtHttpServer because a notification endpoint faces the internet and needs limits
// QtHttpServer 6.4 cannot enforce: a body cap checked before the body is buffered, a
// deadline for reading a whole request (not only an idle timeout, which a client
// sending one byte a second never trips), and a cap on connections.
//
// Connections are accepted, read, handled and answered on I/O threads of the listener's
// own; the object itself lives on the thread that made it and does nothing there once
// listening. The counters may be read from any thread.
class HttpListener : public QObject
{
    Q_OBJECT
public:
    using Limits = HttpLimits;

    using Response = HttpResponse;
    // May be called from any thread, at any time, and only the first call counts. A reply
    // for a client that has gone, or made after the listener was destroyed, does nothing.
    // It only queues the answer for the connection's I/O thread, so it is cheap.
    using Reply = std::function<void(const Response &)>;
    // Runs on an I/O thread and must not block it: that thread's other connections wait
    // meanwhile. Work that takes time (a commit) goes elsewhere and replies when done.
    using Handler = std::function<void(const HttpRequest &, Reply)>;

    explicit HttpListener(Limits limits = {}, QObject *parent = nullptr);
    // Closes; must not run on one of the listener's own threads (in a handler).
    ~HttpListener() override;

    // POST requests to `path` go to `handler`; anything else is 404 or 405. Best called
    // before listen(); a request that arrives before its route is answered 404.
    void route(const QByteArray &path, Handler handler);

    bool listen(const QHostAddress &address, quint16 port);
    // Stops accepting, closes every connection and stops the I/O threads: no handler runs
    // once it returns. listen() may be called again.
    void close();
    QString errorString() const;
    QHostAddress address() const;
    quint16 port() const;
    int connectionCount() const { return m_connections.load(std::memory_order_relaxed); }
    // Connections closed to make room for newer ones, and clients refused outright
    // (every slot busy handling a request), since the start.
    qint64 evictedCount() const { return m_evicted.load(std::memory_order_relaxed); }
    qint64 refusedCount() const { return m_refused.load(std::memory_order_relaxed); }
    qint64 bufferedBytes() const { return m_buffered.load(std::memory_order_relaxed); }
    const Limits &limits() const { return m_limits; }

private:
    friend class HttpWorker;
    int threadCount() const;
    void dispatch(const HttpRequest &request, Reply reply) const; // any I/O thread
    void notePressure(); // logs at most once every few seconds, however hard the flood

    const Limits m_limits;
    mutable QReadWriteLock m_routesLock;
    QHash<QByteArray, std::shared_ptr<const Handler>> m_routes;
    std::vector<QThread *> m_threads;
    std::vector<HttpWorker *> m_workers; // workers[i] lives on threads[i]
    QString m_errorString;
    QHostAddress m_address;
    quint16 m_port = 0;
    std::atomic<int> m_connections{0};
    std::atomic<qint64> m_buffered{0};
    std::atomic<qint64> m_evicted{0};
    std::atomic<qint64> m_refused{0};
    std::atomic<qint64> m_evictedLogged{0};
    std::atomic<qint64> m_refusedLogged{0};
    std::atomic<qint64> m_lastLogMs;
    QElapsedTimer m_clock;
};

} // namespace shouyin
