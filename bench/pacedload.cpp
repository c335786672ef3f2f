#include "pacedload.h"

#include "loadclient.h"

namespace shouyin::bench {

namespace {
constexpr int kTickMs = 5;
}

PacedLoad::PacedLoad(quint16 port, QByteArray path, QByteArray body, int connections, int perSecond,
                     int durationMs)
    : m_port(port)
    , m_request("POST " + path +
                " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body)
    , m_connectionCount(connections)
    , m_perSecond(perSecond)
    , m_durationMs(durationMs)
    , m_timer(this) // moves to the load's thread with it
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &PacedLoad::tick);
}

void PacedLoad::start()
{
    for (int i = 0; i < m_connectionCount; ++i) {
        auto connection = std::make_shared<Connection>();
        connection->socket = std::make_unique<QTcpSocket>();
        Connection *raw = connection.get();
        connect(connection->socket.get(), &QTcpSocket::readyRead, this,
                [this, raw] { onReadyRead(*raw); });
        connect(connection->socket.get(), &QTcpSocket::disconnected, this, [raw] {
            raw->busy = false;
            raw->buffer.clear();
        });
        connection->socket->connectToHost(QStringLiteral("127.0.0.1"), m_port);
        m_connections.append(connection);
    }
    for (const auto &connection : std::as_const(m_connections))
        connection->socket->waitForConnected(3000);
    m_clock.start();
    m_timer.start();
}

void PacedLoad::tick()
{
    const qint64 elapsed = m_clock.elapsed();
    if (elapsed >= m_durationMs) {
        m_timer.stop();
        for (auto &connection : m_connections)
            connection->socket->disconnectFromHost();
        Q_EMIT finished();
        return;
    }
    const qint64 due = elapsed * m_perSecond / 1000;
    for (; m_due < due; ++m_due) {
        Connection *free = nullptr;
        for (qsizetype tried = 0; tried < m_connections.size() && !free; ++tried) {
            Connection &candidate = *m_connections.at(m_nextConnection);
            m_nextConnection = (m_nextConnection + 1) % m_connections.size();
            if (!candidate.busy && candidate.socket->state() == QAbstractSocket::ConnectedState)
                free = &candidate;
        }
        if (!free) {
            ++m_result.skipped;
            continue;
        }
        free->busy = true;
        free->socket->write(m_request);
        ++m_result.sent;
    }
}

void PacedLoad::onReadyRead(Connection &connection)
{
    connection.buffer += connection.socket->readAll();
    while (takeResponse(connection.buffer)) {
        connection.busy = false;
        ++m_result.answered;
    }
}

} // namespace shouyin::bench
