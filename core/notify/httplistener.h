#pragma once

#include "notify/httprequestparser.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QSet>

#include <functional>

class QTcpServer;

namespace shouyin {

class HttpConnection;

// What one client may cost the listener.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 8 * 1024;
    qsizetype maxBodyBytes = 64 * 1024;
    int headerDeadlineMs = 3'000; // from a request's first byte to its last header
    int readDeadlineMs = 10'000;  // from a request's first byte to its last
    int idleTimeoutMs = 30'000;   // a kept-alive connection with nothing to say
    // When every slot is taken, a newcomer takes the slot of the longest idle connection,
    // or else of the slowest one still sending its request: a stranger holding sockets
    // open can delay a provider's notification, never shut it out.
    int maxConnections = 512;
    // Request bytes held across all connections; past it, the connections reading the
    // longest are closed (512 nearly complete bodies would otherwise hold 32 MiB).
    qint64 maxBufferedBytes = 4 * 1024 * 1024;
};

// A small HTTP/1.1 server for the providers' payment notifications. It exists instead
// of QtHttpServer because a notification endpoint faces the internet and needs limits
// QtHttpServer 6.4 cannot enforce: a body cap checked before the body is buffered, a
// deadline for reading a whole request (not only an idle timeout, which a client
// sending one byte a second never trips), and a cap on connections.
class HttpListener : public QObject
{
    Q_OBJECT
public:
    using Limits = HttpLimits;

    using Response = HttpResponse;
    // Handlers may answer later (after a commit, say); the reply is dropped if the
    // client has gone.
    using Reply = std::function<void(const Response &)>;
    using Handler = std::function<void(const HttpRequest &, Reply)>;

    explicit HttpListener(Limits limits = {}, QObject *parent = nullptr);
    ~HttpListener() override;

    // POST requests to `path` go to `handler`; anything else is 404 or 405.
    void route(const QByteArray &path, Handler handler);

    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const;
    QHostAddress address() const;
    quint16 port() const;
    int connectionCount() const { return int(m_live.size()); }
    // Connections closed to make room for newer ones, and clients refused outright
    // (every slot busy handling a request), since the start.
    qint64 evictedCount() const { return m_evicted; }
    qint64 refusedCount() const { return m_refused; }
    qint64 bufferedBytes() const { return m_buffered; }
    const Limits &limits() const { return m_limits; }

private:
    friend class HttpConnection;
    void dispatch(const HttpRequest &request, Reply reply);
    void onNewConnection();
    bool makeRoom(); // evicts one connection; false when all are busy
    // A connection now holds `delta` more (or fewer) request bytes.
    void adjustBuffered(HttpConnection *connection, qint64 delta);
    HttpConnection *evictionCandidate(bool readingOnly) const;
    void evict(HttpConnection *connection);
    void logPressure(); // at most once every few seconds, however hard the flood

    Limits m_limits;
    QTcpServer *m_server;
    QHash<QByteArray, Handler> m_routes;
    QSet<HttpConnection *> m_live;
    qint64 m_buffered = 0;
    qint64 m_evicted = 0;
    qint64 m_refused = 0;
    qint64 m_evictedLogged = 0;
    qint64 m_refusedLogged = 0;
    QElapsedTimer m_sinceLog;
};

} // namespace shouyin
