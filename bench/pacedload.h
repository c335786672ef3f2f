#pragma once

// Requests at a steady rate, as a flood from outside arrives whatever the server makes
// of it: every tick sends its share of `perSecond` over keep-alive connections, each on
// a connection with no request outstanding. A request that finds every connection busy
// is counted as skipped: the server is behind.

#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace shouyin::bench {

class PacedLoad : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        int sent = 0;
        int answered = 0;
        int skipped = 0;
    };

    PacedLoad(quint16 port, QByteArray path, QByteArray body, int connections, int perSecond,
              int durationMs);

    void start(); // call in the load's own thread
    const Result &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        bool busy = false;
    };

    void tick();
    void onReadyRead(Connection &connection);

    quint16 m_port;
    QByteArray m_request;
    int m_connectionCount;
    int m_perSecond;
    int m_durationMs;
    QList<std::shared_ptr<Connection>> m_connections;
    qsizetype m_nextConnection = 0;
    QElapsedTimer m_clock;
    qint64 m_due = 0; // requests due since the start
    QTimer m_timer;
    Result m_result;
};

} // namespace shouyin::bench
