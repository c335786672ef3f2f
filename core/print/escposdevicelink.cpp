#include "print/escposdevicelink.h"

#include "print/escposerrors.h"
#include "print/escposlog.h"

#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace shouyin {

EscPosDeviceLink::EscPosDeviceLink(EscPosTarget target, EscPosTimeouts timeouts)
    : EscPosLink(std::move(target), timeouts)
{
    connect(&stepTimer(), &QTimer::timeout, this,
            [this] { fail(escposerrors::stalled(this->target())); });
}

EscPosDeviceLink::~EscPosDeviceLink()
{
    close();
}

void EscPosDeviceLink::start()
{
    // O_APPEND: a plain file collects the jobs one after another (a device ignores it).
    // No O_CREAT: a printer that is not plugged in must not become a file.
    const QByteArray path = QFile::encodeName(target().path);
    m_fd = ::open(path.constData(), O_WRONLY | O_NONBLOCK | O_APPEND | O_CLOEXEC | O_NOCTTY);
    if (m_fd < 0) {
        const int error = errno;
        qCInfo(lcPrint) << "cannot open the receipt printer at" << target().path << ":"
                        << qt_error_string(error);
        return finish(escposerrors::fromOpenErrno(target(), error));
    }
    m_writable = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writable->setEnabled(false);
    connect(m_writable, &QSocketNotifier::activated, this, &EscPosDeviceLink::writeSome);
    stepTimer().start(timeouts().write);
    writeSome();
}

void EscPosDeviceLink::writeSome()
{
    m_writable->setEnabled(false);
    if (m_handedOver) { // and the device is writable again: it has sent the last of it
        close();
        return finish(success());
    }
    while (m_written < bytes().size()) {
        const ssize_t count =
            ::write(m_fd, bytes().constData() + m_written, size_t(bytes().size() - m_written));
        if (count >= 0) {
            m_written += count;
            continue;
        }
        const int error = errno;
        if (error == EINTR)
            continue;
        if (error == EAGAIN || error == EWOULDBLOCK) {
            m_writable->setEnabled(true); // the printer takes more when it can
            return;
        }
        qCInfo(lcPrint) << "writing to the receipt printer at" << target().path << "failed after"
                        << m_written << "of" << bytes().size()
                        << "bytes:" << qt_error_string(error);
        return fail(escposerrors::fromWriteErrno(target(), error));
    }
    // The USB printer driver returns from a non-blocking write with the last transfer
    // still under way, and closing cancels it: wait until the device is writable again.
    m_handedOver = true;
    m_writable->setEnabled(true);
}

void EscPosDeviceLink::close()
{
    delete std::exchange(m_writable, nullptr);
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1));
}

void EscPosDeviceLink::fail(const Error &error)
{
    close();
    finish(error);
}

} // namespace shouyin
