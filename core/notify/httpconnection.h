#pragma once

#include "notify/httplistener.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace shouyin {

// One client connection of HttpListener: reads one request at a time under the
// listener's limits, hands it over, writes the reply, and keeps the connection alive
// when the client asked for it.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, HttpListener &listener);
    ~HttpConnection() override;

    // Whether the listener may close it to make room: it is waiting for, or still
    // receiving, a request (one being handled is answered first).
    bool isEvictable() const { return m_phase == Phase::Idle || m_phase == Phase::Reading; }
    // The higher, the sooner it goes: idle before reading, then the longest in its phase.
    qint64 evictionRank() const;
    void evict(); // closes at once; the object goes later
    // Request bytes this connection holds: read but unparsed, and the body so far.
    qint64 bufferedBytes() const;

private:
    enum class Phase { Idle, Reading, Handling, Closing };

    void enter(Phase phase);

    void readAvailable();
    void process();
    void respond(const HttpListener::Response &response, bool keepAlive);
    void refuse(int status, const QByteArray &message);
    void onDeadline();

    QTcpSocket *m_socket;
    HttpListener &m_listener;
    HttpRequestParser m_parser;
    QByteArray m_pending; // bytes read but not yet parsed
    Phase m_phase = Phase::Idle;
    QElapsedTimer m_inPhase;
    bool m_headersDone = false;
    qint64 m_reportedBuffered = 0; // what the listener was last told
    void reportBuffered();
    QTimer m_deadline;
};

} // namespace shouyin
