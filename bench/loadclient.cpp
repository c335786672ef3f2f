#include "loadclient.h"

#include <QTimer>

namespace shouyin::bench {

std::optional<QByteArray> takeResponse(QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QByteArray head = buffer.left(headEnd + 2).toLower();
    const qsizetype lengthAt = head.indexOf("\r\ncontent-length:");
    const qsizetype length =
        lengthAt < 0 ? 0 : head.mid(lengthAt + 17, 14).split('\r').first().trimmed().toLongLong();
    if (buffer.size() < headEnd + 4 + length)
        return std::nullopt;
    QByteArray body = buffer.mid(headEnd + 4, length);
    buffer.remove(0, headEnd + 4 + length);
    return body;
}

LoadClient::LoadClient(quint16 port, QByteArray path, QList<QByteArray> bodies, int connections,
                       QByteArray successMarker)
    : m_port(port)
    , m_path(std::move(path))
    , m_bodies(std::move(bodies))
    , m_connectionCount(connections)
    , m_successMarker(std::move(successMarker))
{}

void LoadClient::start()
{
    m_result.latenciesUs.reserve(m_bodies.size());
    m_clock.start();
    for (int i = 0; i < m_connectionCount; ++i) {
        auto connection = std::make_shared<Connection>();
        connection->socket = std::make_unique<QTcpSocket>();
        Connection *raw = connection.get();
        connect(connection->socket.get(), &QTcpSocket::connected, this,
                [this, raw] { sendNext(*raw); });
        connect(connection->socket.get(), &QTcpSocket::readyRead, this,
                [this, raw] { onReadyRead(*raw); });
        connect(connection->socket.get(), &QTcpSocket::disconnected, this, [this, raw] {
            if (raw->busy) {
                raw->busy = false;
                ++m_result.failed;
                ++m_done;
                maybeFinish();
            }
        });
        connection->socket->connectToHost(QStringLiteral("127.0.0.1"), m_port);
        m_connections.append(connection);
    }
}

void LoadClient::sendNext(Connection &connection)
{
    if (m_next >= m_bodies.size())
        return;
    const QByteArray &body = m_bodies.at(m_next++);
    connection.busy = true;
    connection.sentAt.start();
    connection.socket->write("POST " + m_path +
                             " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n"
                             "Content-Length: " +
                             QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

void LoadClient::onReadyRead(Connection &connection)
{
    connection.buffer += connection.socket->readAll();
    while (const auto body = takeResponse(connection.buffer)) {
        m_result.latenciesUs.append(connection.sentAt.nsecsElapsed() / 1000);
        ++(body->contains(m_successMarker) ? m_result.ok : m_result.failed);
        connection.busy = false;
        ++m_done;
        sendNext(connection);
        maybeFinish();
    }
}

void LoadClient::maybeFinish()
{
    if (m_done < m_bodies.size())
        return;
    m_result.elapsedUs = m_clock.nsecsElapsed() / 1000;
    for (auto &connection : m_connections)
        connection->socket->disconnectFromHost();
    // The sockets go on their own thread, once the signal that brought us here is done.
    QTimer::singleShot(0, this, [this] {
        m_connections.clear();
        Q_EMIT finished();
    });
}

} // namespace shouyin::bench
