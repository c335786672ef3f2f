#pragma once

#include "notify/httprequestparser.h"
#include "notify/rawsocket.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

namespace shouyin {

class HttpWorker;

// One client connection of HttpListener, on its worker's thread: reads one request at a
// time under the listener's limits, hands it over, writes the reply without blocking, and
// keeps the connection alive when the client asked for it. Its own socket I/O (rather
// than QTcpSocket, which closes on EOF) lets a client that half-closes be answered.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(qintptr descriptor, quint64 id, HttpWorker &worker);
    ~HttpConnection() override;

    void start();
    quint64 id() const { return m_id; }

    // Whether the worker may close it to make room: anything but a request being handled
    // (that one is answered first).
    bool isEvictable() const { return m_phase != Phase::Handling && m_phase != Phase::Gone; }
    // Idle, or only waiting to close: the first to go.
    bool isPreferredVictim() const { return m_phase == Phase::Idle || m_phase == Phase::Lingering; }
    // The higher, the sooner it goes: lingering, then idle, then reading, then a client
    // answered less than a second ago; within each, the longest in its phase.
    qint64 evictionRank() const;
    void evict(); // closes at once
    // Request bytes this connection holds: read but unparsed, and the body so far.
    qint64 bufferedBytes() const;
    qint64 reportedBytes() const { return m_reportedBuffered; } // what the worker counts

    // The handler's answer to request `ticket`; null when the handler dropped its reply.
    void answer(quint64 ticket, const HttpResponse *response);

private:
    enum class Phase {
        Idle,      // waiting for a request's first byte
        Reading,   // a request partly received
        Handling,  // the handler has the request; what follows it waits in the kernel
        Writing,   // a reply partly sent; the next request waits until it is out
        Closing,   // sending a last reply
        Lingering, // sent it and shut down our side; draining what the client still sends
        Gone,
    };

    void enter(Phase phase);
    void onReadable();
    void onWritable();
    void onDeadline();
    void readRequest();
    void watchWhileBusy();
    void drainWhileLingering();
    void process();
    void respond(const HttpResponse &response, bool keepAlive);
    void refuse(int status, const QByteArray &message);
    void flush();
    void finish();
    void reportBuffered();

    const quint64 m_id;
    HttpWorker &m_worker;
    RawSocket m_socket; // declared before the notifiers: they go before it closes
    QSocketNotifier m_readNotifier;
    QSocketNotifier m_writeNotifier;
    QTimer m_deadline;
    HttpRequestParser m_parser;
    QByteArray m_pending; // bytes read but not yet parsed
    QByteArray m_out;     // the reply being sent
    qsizetype m_sent = 0; // of m_out
    qint64 m_lingered = 0;
    Phase m_phase = Phase::Idle;
    QElapsedTimer m_inPhase;
    QElapsedTimer m_sinceFirstByte;
    quint64 m_ticket = 0; // the request being handled
    bool m_keepAlive = false;
    bool m_headersDone = false;
    bool m_peerClosed = false; // EOF read: the client sends nothing more, but may still read
    bool m_abandoned = false;  // the handler dropped its reply
    qint64 m_reportedBuffered = 0;
};

} // namespace shouyin
