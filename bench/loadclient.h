#pragma once

// A keep-alive HTTP load generator for loopback benchmarks: `connections` sockets,
// each sending the next body from a shared list as soon as its previous reply arrived,
// recording the latency of every request.

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpSocket>

#include <memory>
#include <optional>

namespace shouyin::bench {

// The body of the first whole HTTP response at the front of `buffer`, taken out of it;
// nullopt while it is not all there. Header names are matched without case: the JDK's
// HttpServer (a reference endpoint of scripts/bench) sends "Content-length".
std::optional<QByteArray> takeResponse(QByteArray &buffer);

class LoadClient : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QList<qint64> latenciesUs;
        int ok = 0;     // replies whose body contained the success marker
        int failed = 0; // any other reply or a dropped connection
        qint64 elapsedUs = 0;
    };

    LoadClient(quint16 port, QByteArray path, QList<QByteArray> bodies, int connections,
               QByteArray successMarker);

    void start(); // call in the client's own thread
    const Result &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        QElapsedTimer sentAt;
        bool busy = false;
    };

    void sendNext(Connection &connection);
    void onReadyRead(Connection &connection);
    void maybeFinish();

    quint16 m_port;
    QByteArray m_path;
    QList<QByteArray> m_bodies;
    int m_connectionCount;
    QByteArray m_successMarker;
    QList<std::shared_ptr<Connection>> m_connections;
    int m_next = 0;
    int m_done = 0;
    QElapsedTimer m_clock;
    Result m_result;
};

} // namespace shouyin::bench
