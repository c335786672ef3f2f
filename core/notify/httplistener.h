#pragma once

#include "notify/httprequestparser.h"

#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpServer;

namespace shouyin {

class HttpConnection;

// What one client may cost the listener.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 8 * 1024;
    qsizetype maxBodyBytes = 64 * 1024;
    int readDeadlineMs = 10'000; // from a request's first byte to its last
    int idleTimeoutMs = 30'000;  // a kept-alive connection with nothing to say
    int maxConnections = 512;
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
    int connectionCount() const { return m_connections; }
    const Limits &limits() const { return m_limits; }

private:
    friend class HttpConnection;
    void dispatch(const HttpRequest &request, Reply reply);
    void onNewConnection();

    Limits m_limits;
    QTcpServer *m_server;
    QHash<QByteArray, Handler> m_routes;
    int m_connections = 0;
};

} // namespace shouyin
