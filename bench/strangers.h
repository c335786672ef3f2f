#pragma once

// Strangers holding a listener's connections, as in a slowloris attack: half of them
// connect and say nothing, half send a request line and then one header byte every few
// seconds. Whoever the listener closes comes straight back. Run on a thread of its own
// while a real load measures what gets through.

#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace shouyin::bench {

class Strangers : public QObject
{
    Q_OBJECT
public:
    Strangers(quint16 port, int count);

    void start(); // in the strangers' own thread; they stay until stop()
    void stop();
    int reconnects() const { return m_reconnects; }

Q_SIGNALS:
    void connected(); // every one of them has connected once

private:
    void open(int index);
    void trickle();

    quint16 m_port;
    int m_count;
    QList<std::shared_ptr<QTcpSocket>> m_sockets;
    QTimer m_trickle;
    int m_connectedOnce = 0;
    int m_reconnects = 0;
    bool m_stopping = false;
};

} // namespace shouyin::bench
