#include "print/escposseriallink.h"

#include "print/escposerrors.h"
#include "print/escposlog.h"
#include "print/escposstatusprobe.h"

#include <cerrno>
#include <sys/ioctl.h>

namespace shouyin {

namespace {

constexpr std::chrono::milliseconds kDrainCheckInterval{20};

} // namespace

EscPosSerialLink::EscPosSerialLink(EscPosTarget target, EscPosTimeouts timeouts)
    : EscPosLink(std::move(target), timeouts)
{
    connect(&stepTimer(), &QTimer::timeout, this,
            [this] { fail(escposerrors::stalled(this->target())); });
}

EscPosSerialLink::~EscPosSerialLink()
{
    if (m_port && m_port->isOpen()) {
        m_port->disconnect(this);
        m_port->clear(QSerialPort::Output); // or closing would wait for the line to send it
        m_port->close();
    }
}

void EscPosSerialLink::start()
{
    m_port = new QSerialPort(this);
    m_port->setPortName(target().path);
    if (!m_port->open(QIODevice::ReadWrite)) {
        const QSerialPort::SerialPortError error = m_port->error();
        qCInfo(lcPrint) << "cannot open the receipt printer at" << target().path << ":"
                        << m_port->errorString();
        switch (error) {
        case QSerialPort::DeviceNotFoundError:
            return finish(escposerrors::fromOpenErrno(target(), ENOENT));
        case QSerialPort::PermissionError:
            return finish(escposerrors::notAllowed(target()));
        default:
            return finish(escposerrors::notAnswering(target()));
        }
    }
    if (!m_port->setBaudRate(target().baudRate) || !m_port->setDataBits(QSerialPort::Data8) ||
        !m_port->setParity(QSerialPort::NoParity) || !m_port->setStopBits(QSerialPort::OneStop) ||
        !m_port->setFlowControl(QSerialPort::NoFlowControl)) {
        qCInfo(lcPrint) << "cannot set up the receipt printer at" << target().path << ":"
                        << m_port->errorString();
        return fail(escposerrors::notAnswering(target()));
    }
    connect(m_port, &QSerialPort::bytesWritten, this, &EscPosSerialLink::written);
    connect(m_port, &QSerialPort::errorOccurred, this, &EscPosSerialLink::portError);
    if (!askStatus())
        return write();
    m_probe = new EscPosStatusProbe(*m_port, timeouts().statusAnswer, this);
    m_probe->start([this](std::optional<EscPosPrinterStatus> status) {
        if (!status) {
            qCDebug(lcPrint) << "the receipt printer at" << target().path
                             << "does not answer status requests; printing all the same";
            return write();
        }
        if (const Status verdict = escposerrors::statusVerdict(target(), *status); !verdict)
            return fail(verdict.error());
        write();
    });
}

void EscPosSerialLink::write()
{
    m_writing = true;
    stepTimer().start(timeouts().write);
    if (bytes().isEmpty())
        return written(0);
    m_port->write(bytes());
}

void EscPosSerialLink::written(qint64 count)
{
    if (!m_writing)
        return; // the status requests
    m_written += count;
    if (m_written < bytes().size())
        return;
    // Written to the terminal driver, which sends it at the baud rate: closing the port
    // would wait for that, blocking the thread; checking its queue keeps the loop free.
    connect(&m_drainCheck, &QTimer::timeout, this, &EscPosSerialLink::checkDrained);
    m_drainCheck.start(kDrainCheckInterval);
    checkDrained();
}

void EscPosSerialLink::checkDrained()
{
    int queued = 0;
    if (::ioctl(int(m_port->handle()), TIOCOUTQ, &queued) == 0 && queued > 0)
        return;
    m_drainCheck.stop();
    m_port->disconnect(this);
    m_port->close();
    finish(success());
}

void EscPosSerialLink::portError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError || isFinished())
        return;
    qCInfo(lcPrint) << "the receipt printer at" << target().path << ":" << m_port->errorString();
    fail(error == QSerialPort::ResourceError ? escposerrors::hungUp(target())
                                             : escposerrors::fromWriteErrno(target(), EIO));
}

void EscPosSerialLink::fail(const Error &error)
{
    if (isFinished())
        return;
    m_drainCheck.stop();
    m_port->disconnect(this);
    if (m_port->isOpen()) {
        m_port->clear(QSerialPort::Output);
        m_port->close();
    }
    finish(error);
}

} // namespace shouyin
