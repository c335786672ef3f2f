#include "reconnector.h"

namespace shouyin {

namespace {
constexpr int kIntervalMs = 1000;
}

Reconnector::Reconnector(QString host, int port, Reopen reopen, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_reopen(std::move(reopen))
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Reconnector::knock);
    connect(&m_probe, &QTcpSocket::connected, this, [this] {
        m_probe.abort();
        if (m_reopen())
            stop();
    });
}

void Reconnector::start()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void Reconnector::stop()
{
    m_timer.stop();
    m_probe.abort();
}

void Reconnector::knock()
{
    if (m_host.startsWith(u'/')) {
        if (m_reopen())
            stop();
        return;
    }
    m_probe.abort(); // a knock still unanswered after a second counts as "no"
    m_probe.connectToHost(m_host, quint16(m_port));
}

} // namespace shouyin
