#include "virtualprinterfifo.h"

#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shouyin::testing {

VirtualPrinterFifo::VirtualPrinterFifo(QObject *parent)
    : QObject(parent)
{}

VirtualPrinterFifo::~VirtualPrinterFifo()
{
    closeReadEnd();
    if (!m_path.isEmpty())
        ::unlink(QFile::encodeName(m_path).constData());
}

bool VirtualPrinterFifo::open(const QString &path)
{
    if (::mkfifo(QFile::encodeName(path).constData(), 0600) != 0 && errno != EEXIST)
        return false;
    m_path = path;
    return openReadEnd();
}

void VirtualPrinterFifo::setStalled(bool stalled)
{
    m_stalled = stalled;
    if (m_readable)
        m_readable->setEnabled(!stalled);
}

bool VirtualPrinterFifo::openReadEnd()
{
    // Non-blocking, or opening would wait for a writer.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    // The new end opens before the old one closes: a writer never finds the FIFO without
    // a reader (which it would take for a printer unplugged).
    closeReadEnd();
    m_fd = fd;
    m_readable = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_readable, &QSocketNotifier::activated, this, &VirtualPrinterFifo::readAvailable);
    m_readable->setEnabled(!m_stalled);
    return true;
}

void VirtualPrinterFifo::closeReadEnd()
{
    if (m_readable) {
        // It may be the notifier whose signal is being handled.
        m_readable->setEnabled(false);
        m_readable->deleteLater();
        m_readable = nullptr;
    }
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1));
}

void VirtualPrinterFifo::readAvailable()
{
    char buffer[4096];
    for (;;) {
        const ssize_t count = ::read(m_fd, buffer, sizeof buffer);
        if (count > 0) {
            m_job.append(buffer, count);
            continue;
        }
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0)
            return; // EAGAIN: the writer is still there
        // The writer closed. A fresh read end does not see that hang-up again (Linux
        // reports it only to ends opened before it).
        if (!m_job.isEmpty())
            Q_EMIT jobRead(std::exchange(m_job, QByteArray()));
        openReadEnd();
        return;
    }
}

} // namespace shouyin::testing
