#pragma once

#include "notify/httplistener.h"

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

private:
    enum class Phase { Idle, Reading, Handling, Closing };

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
    QTimer m_deadline;
};

} // namespace shouyin
