#include "strangers.h"

namespace shouyin::bench {

namespace {
constexpr int kTrickleMs = 3'000;
constexpr int kComeBackMs = 100;
} // namespace

Strangers::Strangers(quint16 port, int count)
    : m_port(port)
    , m_count(count)
    , m_trickle(this) // moves to the strangers' thread with them
{
    m_trickle.setInterval(kTrickleMs);
    connect(&m_trickle, &QTimer::timeout, this, &Strangers::trickle);
}

void Strangers::start()
{
    for (int i = 0; i < m_count; ++i) {
        m_sockets.append(std::make_shared<QTcpSocket>());
        open(i);
    }
    m_trickle.start();
}

void Strangers::stop()
{
    m_stopping = true;
    m_trickle.stop();
    for (const auto &socket : std::as_const(m_sockets))
        socket->abort();
    m_sockets.clear();
}

void Strangers::open(int index)
{
    QTcpSocket *socket = m_sockets.at(index).get();
    socket->disconnect(this);
    connect(socket, &QTcpSocket::connected, this, [this, socket, index] {
        // The slow half starts a request it will never finish.
        if (index % 2)
            socket->write("POST /notify/wechat HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (++m_connectedOnce == m_count)
            Q_EMIT connected();
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, index] {
        if (m_stopping)
            return;
        ++m_reconnects;
        QTimer::singleShot(kComeBackMs, this, [this, index] {
            if (!m_stopping && index < m_sockets.size())
                m_sockets.at(index)->connectToHost(QStringLiteral("127.0.0.1"), m_port);
        });
    });
    socket->connectToHost(QStringLiteral("127.0.0.1"), m_port);
}

void Strangers::trickle()
{
    for (qsizetype i = 1; i < m_sockets.size(); i += 2) {
        if (m_sockets.at(i)->state() == QAbstractSocket::ConnectedState)
            m_sockets.at(i)->write("X");
    }
}

} // namespace shouyin::bench
