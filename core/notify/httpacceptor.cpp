#include "httpacceptor.h"

#include "notify/httpworker.h"

#include <QLoggingCategory>
#include <QTimer>

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

HttpAcceptor::HttpAcceptor(std::vector<HttpWorker *> workers, QObject *parent)
    : QTcpServer(parent)
    , m_workers(std::move(workers))
{
    connect(this, &QTcpServer::acceptError, this, &HttpAcceptor::onAcceptError);
}

void HttpAcceptor::incomingConnection(qintptr descriptor)
{
    choose()->handOver(descriptor);
}

HttpWorker *HttpAcceptor::choose() const
{
    HttpWorker *roomiest = m_workers.front();
    for (HttpWorker *worker : m_workers) {
        if (worker->slots() - worker->reserved() > roomiest->slots() - roomiest->reserved())
            roomiest = worker;
    }
    if (roomiest->slots() > roomiest->reserved())
        return roomiest;
    // Every slot is taken: the newcomer goes where one can be freed, an idle connection's
    // before a slow reader's. The counts may be a moment old; the worker decides afresh,
    // and refuses the newcomer only if it finds every one of its slots handling a request.
    for (HttpWorker *worker : m_workers) {
        if (worker->preferredVictims() > 0)
            return worker;
    }
    for (HttpWorker *worker : m_workers) {
        if (worker->victims() > 0)
            return worker;
    }
    return roomiest;
}

void HttpAcceptor::onAcceptError(QAbstractSocket::SocketError error)
{
    // QTcpServer stops accepting after an error such as running out of descriptors; try
    // again a little later rather than never.
    qCWarning(lcHttp) << "accepting failed:" << error << errorString();
    QTimer::singleShot(1000, this, &QTcpServer::resumeAccepting);
}

} // namespace shouyin
