#include "sandboxsecureserver.h"

#include "net/httpmessage.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace {

struct Head
{
    int refusal = 0; // an HTTP status when the request cannot be served
    QByteArray method;
    QByteArray target;
    bool keepAlive = true;
    qsizetype contentLength = -1;
};

bool isDecimal(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

Head parseHead(const QByteArray &text)
{
    Head head;
    const QList<QByteArray> lines = text.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        head.refusal = 400;
        return head;
    }
    head.method = requestLine[0];
    head.target = requestLine[1];
    const bool http10 = requestLine[2] == "HTTP/1.0";
    head.keepAlive = !http10;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            head.refusal = 400;
            return head;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            // Two different lengths could smuggle a second request past a proxy.
            const qsizetype length = isDecimal(value) ? value.toLongLong() : -2;
            if (length < 0 || (head.contentLength >= 0 && head.contentLength != length)) {
                head.refusal = 400;
                return head;
            }
            head.contentLength = length;
        } else if (name == "transfer-encoding") {
            head.refusal = 501; // the gateway's clients send Content-Length
            return head;
        } else if (name == "connection") {
            const QByteArray token = value.toLower();
            if (token.contains("close"))
                head.keepAlive = false;
            else if (token.contains("keep-alive"))
                head.keepAlive = true;
        }
    }
    if (head.method != "POST")
        head.refusal = 405;
    else if (head.contentLength < 0)
        head.refusal = 411;
    return head;
}

} // namespace

SandboxSecureServer::SandboxSecureServer(qsizetype maxBodyBytes, Handler handler, QObject *parent)
    : QObject(parent)
    , m_maxBodyBytes(maxBodyBytes)
    , m_handler(std::move(handler))
    , m_server(new QSslServer(this))
{
    // Only connections whose handshake succeeded are pending; a refused client ends there.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &SandboxSecureServer::accept);
    connect(m_server, &QSslServer::sslErrors, this,
            [](QSslSocket *socket, const QList<QSslError> &errors) {
                qCInfo(lcSandbox) << "TLS client" << socket->peerAddress().toString()
                                  << "refused:" << errors;
            });
}

// The sockets go first, while the table they are removed from still exists.
SandboxSecureServer::~SandboxSecureServer()
{
    delete m_server;
}

quint16 SandboxSecureServer::listen(const QSslConfiguration &configuration,
                                    const QHostAddress &address, quint16 port)
{
    m_server->setSslConfiguration(configuration);
    if (!m_server->listen(address, port))
        return 0;
    return m_server->serverPort();
}

bool SandboxSecureServer::isListening() const
{
    return m_server->isListening();
}

void SandboxSecureServer::accept()
{
    while (m_server->hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server->nextPendingConnection());
        if (!socket)
            continue;
        // One whole request at most waits in memory; the rest stays in the socket.
        socket->setReadBufferSize(kMaxHeaderBytes + m_maxBodyBytes + 4);
        m_connections.insert(socket, Connection{});
        connect(socket, &QIODevice::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this,
                [this, socket] { m_connections.remove(socket); });
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
    }
}

void SandboxSecureServer::readFrom(QSslSocket *socket)
{
    const qsizetype limit = kMaxHeaderBytes + 4 + m_maxBodyBytes;
    for (;;) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->busy || it->broken)
            return;
        Connection &connection = *it;
        connection.buffer += socket->read(limit - connection.buffer.size());
        const qsizetype headEnd = connection.buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (connection.buffer.size() > kMaxHeaderBytes)
                refuse(socket, 431);
            return;
        }
        if (headEnd > kMaxHeaderBytes) {
            refuse(socket, 431);
            return;
        }
        const Head head = parseHead(connection.buffer.left(headEnd));
        if (head.refusal == 0 && head.contentLength > m_maxBodyBytes) {
            refuse(socket, 413);
            return;
        }
        if (head.refusal != 0) {
            refuse(socket, head.refusal);
            return;
        }
        const qsizetype end = headEnd + 4 + head.contentLength;
        if (connection.buffer.size() < end)
            return;
        Request request{QUrl(QString::fromLatin1(head.target)).path(),
                        connection.buffer.mid(headEnd + 4, head.contentLength),
                        socket->peerCertificate()};
        connection.buffer.remove(0, end);
        connection.busy = true;
        connection.closeAfter = !head.keepAlive;
        QPointer<QSslSocket> guard(socket);
        m_handler(request, socket,
                  [this, guard](const QByteArray &body, int status, const QByteArray &mimeType) {
                      if (guard)
                          write(guard, body, status, mimeType);
                  });
        if (!guard)
            return;
    }
}

void SandboxSecureServer::write(QSslSocket *socket, const QByteArray &body, int status,
                                const QByteArray &mimeType)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || !it->busy)
        return;
    it->busy = false;
    const bool close = it->closeAfter;
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
        "\r\nContent-Type: " + mimeType + "\r\nContent-Length: " + QByteArray::number(body.size()) +
        (close ? "\r\nConnection: close" : "\r\nConnection: keep-alive") + "\r\n\r\n";
    response += body;
    socket->write(response);
    if (close) {
        it->broken = true;
        socket->disconnectFromHost();
        return;
    }
    // A request the client sent before this answer may be waiting: later, not inside the
    // handler that answered.
    QPointer<QSslSocket> guard(socket);
    QMetaObject::invokeMethod(
        this,
        [this, guard] {
            if (guard)
                readFrom(guard);
        },
        Qt::QueuedConnection);
}

void SandboxSecureServer::refuse(QSslSocket *socket, int status)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->busy = true;
    it->closeAfter = true;
    write(socket, reasonPhrase(status) + '\n', status, "text/plain; charset=utf-8");
}

} // namespace shouyin
