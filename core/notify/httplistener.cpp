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

HttpListener::~HttpListener() = default;

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
        if (m_connections >= m_limits.maxConnections) {
            // Full: say so and hang up rather than queue without bound.
            qCWarning(lcHttp) << "connection limit reached; refusing" << socket->peerAddress();
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_connections;
        auto *connection = new HttpConnection(socket, *this);
        connect(connection, &QObject::destroyed, this, [this] { --m_connections; });
    }
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
