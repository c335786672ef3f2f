#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

#include <functional>

class QSslServer;
class QSslSocket;

namespace shouyin {

// The sandbox gateway's TLS endpoint: a QSslServer that demands a client certificate and
// a small HTTP/1.1 reader for the POSTs it serves (Content-Length bodies only, capped,
// keep-alive or close, one request at a time per connection). A client without a
// certificate the configuration's authorities issued fails the handshake and never
// reaches the handler.
class SandboxSecureServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString path;
        QByteArray body;
        QSslCertificate peer;
    };
    // Answers the request; later is fine, never is too (the connection then stays open
    // and unanswered). Calls after the first, or after the client left, do nothing.
    using Writer =
        std::function<void(const QByteArray &body, int status, const QByteArray &mimeType)>;
    using Handler = std::function<void(const Request &request, QSslSocket *socket, Writer)>;

    static constexpr qsizetype kMaxHeaderBytes = 16 * 1024;

    SandboxSecureServer(qsizetype maxBodyBytes, Handler handler, QObject *parent = nullptr);
    ~SandboxSecureServer() override;

    // 0 when it cannot listen.
    quint16 listen(const QSslConfiguration &configuration, const QHostAddress &address,
                   quint16 port);
    bool isListening() const;

private:
    struct Connection
    {
        QByteArray buffer;
        bool busy = false;       // a request waits for its answer
        bool closeAfter = false; // of the request being answered
        bool broken = false;     // answered an error; closing
    };

    void accept();
    void readFrom(QSslSocket *socket);
    void write(QSslSocket *socket, const QByteArray &body, int status, const QByteArray &mimeType);
    void refuse(QSslSocket *socket, int status);

    qsizetype m_maxBodyBytes;
    Handler m_handler;
    QSslServer *m_server;
    QHash<QSslSocket *, Connection> m_connections;
};

} // namespace shouyin
