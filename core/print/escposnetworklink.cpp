#include "print/escposnetworklink.h"

#include "print/escposerrors.h"
#include "print/escposlog.h"
#include "print/escposstatusprobe.h"

#include <QTcpSocket>

namespace shouyin {

EscPosNetworkLink::EscPosNetworkLink(EscPosTarget target, EscPosTimeouts timeouts)
    : EscPosLink(std::move(target), timeouts)
{
    connect(&stepTimer(), &QTimer::timeout, this, &EscPosNetworkLink::timedOut);
}

EscPosNetworkLink::~EscPosNetworkLink()
{
    // Its last signals would reach a half-destroyed link.
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void EscPosNetworkLink::start()
{
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &EscPosNetworkLink::connected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &EscPosNetworkLink::written);
    connect(m_socket, &QTcpSocket::disconnected, this, &EscPosNetworkLink::disconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &EscPosNetworkLink::socketError);
    m_step = Step::Connecting;
    stepTimer().start(timeouts().connect);
    m_socket->connectToHost(target().host, target().port);
}

void EscPosNetworkLink::connected()
{
    stepTimer().stop();
    if (!askStatus())
        return write();
    m_step = Step::Asking;
    m_probe = new EscPosStatusProbe(*m_socket, timeouts().statusAnswer, this);
    m_probe->start([this](std::optional<EscPosPrinterStatus> status) {
        if (!status) {
            qCDebug(lcPrint) << "the receipt printer at" << describe(target())
                             << "does not answer status requests; printing all the same";
            return write();
        }
        if (const Status verdict = escposerrors::statusVerdict(target(), *status); !verdict)
            return fail(verdict.error());
        write();
    });
}

void EscPosNetworkLink::write()
{
    m_step = Step::Writing;
    stepTimer().start(timeouts().write);
    m_written = 0;
    if (bytes().isEmpty())
        return written(0);
    m_socket->write(bytes());
}

void EscPosNetworkLink::written(qint64 count)
{
    if (m_step != Step::Writing)
        return; // the status requests
    m_written += count;
    if (m_written < bytes().size())
        return;
    m_step = Step::Closing;
    m_socket->disconnectFromHost();
}

void EscPosNetworkLink::disconnected()
{
    if (m_step == Step::Closing)
        return finish(success());
    fail(escposerrors::hungUp(target()));
}

void EscPosNetworkLink::socketError(QAbstractSocket::SocketError error)
{
    if (isFinished())
        return;
    qCInfo(lcPrint) << "the receipt printer at" << describe(target()) << ":"
                    << m_socket->errorString();
    switch (m_step) {
    case Step::Connecting:
        return fail(error == QAbstractSocket::HostNotFoundError
                        ? escposerrors::unknownHost(target())
                        : escposerrors::notAnswering(target()));
    case Step::Asking:
    case Step::Writing:
        return fail(escposerrors::hungUp(target()));
    case Step::Closing:
        return; // all was written; the printer hanging up first is no failure
    }
}

void EscPosNetworkLink::timedOut()
{
    fail(m_step == Step::Connecting ? escposerrors::notAnswering(target())
                                    : escposerrors::stalled(target()));
}

void EscPosNetworkLink::fail(const Error &error)
{
    if (isFinished())
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    finish(error);
}

} // namespace shouyin
