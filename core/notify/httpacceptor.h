#pragma once

#include <QTcpServer>

#include <vector>

namespace shouyin {

class HttpWorker;

// Accepts on an I/O thread and hands each descriptor to the worker with the most free
// slots, so that the listener's connection limit holds across workers. No QTcpSocket is
// ever made: the workers do their own socket I/O.
class HttpAcceptor : public QTcpServer
{
    Q_OBJECT
public:
    HttpAcceptor(std::vector<HttpWorker *> workers, QObject *parent);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpWorker *choose() const;
    void onAcceptError(QAbstractSocket::SocketError error);

    std::vector<HttpWorker *> m_workers;
};

} // namespace shouyin
