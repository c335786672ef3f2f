#include "httplistener.h"

#include "notify/httpconnection.h"

#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

namespace shouyin {

Q_LOGGING_CATEGORY(lcHttp, "shouyin.notify.http")

HttpListener::HttpListener(Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::onNewConnection);
}

HttpListener::~HttpListener()
{
    // Connections report to the listener as they go: they go while it is whole.
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

void HttpListener::route(const QByteArray &path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

bool HttpListener::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

QString HttpListener::errorString() const
{
    return m_server->errorString();
}

QHostAddress HttpListener::address() const
{
    return m_server->serverAddress();
}

quint16 HttpListener::port() const
{
    return m_server->serverPort();
}

void HttpListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_live.size() >= m_limits.maxConnections && !makeRoom()) {
            // Every slot is handling a request: say so and hang up rather than queue
            // without bound.
            ++m_refused;
            logPressure();
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        auto *connection = new HttpConnection(socket, *this);
        m_live.insert(connection);
        connect(connection, &QObject::destroyed, this,
                [this, connection] { m_live.remove(connection); });
    }
}

HttpConnection *HttpListener::evictionCandidate(bool readingOnly) const
{
    HttpConnection *victim = nullptr;
    for (HttpConnection *connection : std::as_const(m_live)) {
        if (!connection->isEvictable() || (readingOnly && connection->bufferedBytes() == 0))
            continue;
        // Idle before reading, and among equals the one that has waited longest.
        if (!victim || connection->evictionRank() > victim->evictionRank())
            victim = connection;
    }
    return victim;
}

void HttpListener::evict(HttpConnection *connection)
{
    m_live.remove(connection);
    connection->evict();
    ++m_evicted;
    logPressure();
}

bool HttpListener::makeRoom()
{
    HttpConnection *victim = evictionCandidate(false);
    if (!victim)
        return false;
    evict(victim);
    return true;
}

void HttpListener::adjustBuffered(HttpConnection *connection, qint64 delta)
{
    m_buffered += delta;
    if (!m_live.contains(connection))
        return; // going already
    while (m_buffered > m_limits.maxBufferedBytes) {
        HttpConnection *victim = evictionCandidate(true);
        if (!victim)
            return;
        evict(victim); // its bytes are given back as it goes
        if (victim == connection)
            return;
    }
}

void HttpListener::logPressure()
{
    if (m_sinceLog.isValid() && m_sinceLog.elapsed() < 10'000)
        return;
    m_sinceLog.start();
    qCWarning(lcHttp) << "all" << m_limits.maxConnections
                      << "connection slots taken:" << m_evicted - m_evictedLogged
                      << "idle or slow connection(s) closed and" << m_refused - m_refusedLogged
                      << "client(s) refused since the last report";
    m_evictedLogged = m_evicted;
    m_refusedLogged = m_refused;
}

void HttpListener::dispatch(const HttpRequest &request, Reply reply)
{
    const auto route = m_routes.constFind(request.path);
    if (route == m_routes.cend())
        return reply({404, "text/plain; charset=utf-8", "not found"});
    if (request.method != "POST")
        return reply({405, "text/plain; charset=utf-8", "POST only"});
    route.value()(request, std::move(reply));
}

} // namespace shouyin
