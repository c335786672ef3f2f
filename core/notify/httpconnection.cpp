#include "httpconnection.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace {

// "content-type" is written "Content-Type", as every client's logs and tests expect.
QByteArray canonicalHeaderName(QByteArray name)
{
    bool wordStart = true;
    for (char &letter : name) {
        if (wordStart && letter >= 'a' && letter <= 'z')
            letter = char(letter - 'a' + 'A');
        wordStart = letter == '-';
    }
    return name;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpListener &listener)
    : QObject(&listener)
    , m_socket(socket)
    , m_listener(listener)
    , m_parser(listener.limits().maxHeaderBytes, listener.limits().maxBodyBytes)
{
    m_socket->setParent(this);
    // Bytes wait in the socket while a request is handled; bound how many.
    m_socket->setReadBufferSize(listener.limits().maxHeaderBytes + listener.limits().maxBodyBytes);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::onDeadline);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    m_inPhase.start();
    m_deadline.start(listener.limits().idleTimeoutMs);
    readAvailable();
}

HttpConnection::~HttpConnection()
{
    m_listener.adjustBuffered(this, -m_reportedBuffered);
}

qint64 HttpConnection::bufferedBytes() const
{
    return m_pending.size() + m_parser.request().body.size();
}

void HttpConnection::reportBuffered()
{
    const qint64 now = bufferedBytes();
    const qint64 delta = now - m_reportedBuffered;
    m_reportedBuffered = now;
    if (delta != 0)
        m_listener.adjustBuffered(this, delta); // may evict this very connection
}

void HttpConnection::enter(Phase phase)
{
    m_phase = phase;
    m_inPhase.start();
}

qint64 HttpConnection::evictionRank() const
{
    constexpr qint64 kIdleFirst = qint64(1) << 40;
    return (m_phase == Phase::Idle ? kIdleFirst : 0) + m_inPhase.elapsed();
}

void HttpConnection::evict()
{
    enter(Phase::Closing);
    m_deadline.stop();
    m_socket->abort();
    deleteLater();
}

void HttpConnection::readAvailable()
{
    if (m_phase == Phase::Handling || m_phase == Phase::Closing)
        return; // one request at a time; the rest waits in the socket buffer
    if (m_socket->bytesAvailable() > 0)
        m_pending += m_socket->readAll();
    process();
    reportBuffered();
}

void HttpConnection::process()
{
    if (m_pending.isEmpty())
        return;
    if (m_phase == Phase::Idle) {
        enter(Phase::Reading);
        m_headersDone = false;
        m_deadline.start(m_listener.limits().headerDeadlineMs);
    }
    qsizetype consumed = 0;
    const auto status = m_parser.feed(m_pending.constData(), m_pending.size(), consumed);
    m_pending.remove(0, consumed);
    switch (status) {
    case HttpRequestParser::Status::NeedMore:
        // Headers in: the rest of the request has what is left of the whole deadline.
        if (!m_headersDone && !m_parser.request().method.isEmpty()) {
            m_headersDone = true;
            m_deadline.start(
                std::max<qint64>(0, m_listener.limits().readDeadlineMs - m_inPhase.elapsed()));
        }
        return;
    case HttpRequestParser::Status::TooLarge:
        return refuse(413, "request body too large");
    case HttpRequestParser::Status::HeaderTooLarge:
        return refuse(431, "request headers too large");
    case HttpRequestParser::Status::Malformed:
        return refuse(400, "malformed request");
    case HttpRequestParser::Status::Complete:
        break;
    }
    enter(Phase::Handling);
    m_deadline.stop();
    const bool keepAlive = m_parser.request().keepAlive;
    QPointer<HttpConnection> self(this);
    m_listener.dispatch(m_parser.request(),
                        [self, keepAlive](const HttpListener::Response &response) {
                            if (self && self->m_phase == Phase::Handling)
                                self->respond(response, keepAlive);
                        });
}

void HttpConnection::respond(const HttpListener::Response &response, bool keepAlive)
{
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status);
    for (const auto &[name, value] : response.headers) {
        // Framing is the listener's alone: a handler cannot make the reply ambiguous.
        if (name != "content-length" && name != "connection" && name != "transfer-encoding")
            head += "\r\n" + canonicalHeaderName(name) + ": " + value;
    }
    head += "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
            (keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
    m_socket->write(head + response.body);
    if (!keepAlive) {
        enter(Phase::Closing);
        m_socket->disconnectFromHost();
        return;
    }
    m_parser.reset();
    reportBuffered();
    enter(Phase::Idle);
    m_deadline.start(m_listener.limits().idleTimeoutMs);
    // A pipelined request may already be waiting.
    if (m_socket->bytesAvailable() > 0 || !m_pending.isEmpty())
        readAvailable();
}

void HttpConnection::refuse(int status, const QByteArray &message)
{
    qCDebug(lcHttp) << "refusing request from" << m_socket->peerAddress() << status << message;
    enter(Phase::Handling);
    respond({status, "text/plain; charset=utf-8", message}, false);
}

void HttpConnection::onDeadline()
{
    if (m_phase == Phase::Reading)
        return refuse(408, "request not received in time");
    if (m_phase == Phase::Idle) {
        enter(Phase::Closing);
        m_socket->disconnectFromHost();
    }
}

} // namespace shouyin
