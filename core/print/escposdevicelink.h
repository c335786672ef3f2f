#pragma once

#include "print/escposlink.h"

class QSocketNotifier;

namespace shouyin {

// A printer behind a file: a USB printer's character device (/dev/usb/lp0), a FIFO, a
// plain file. Opened and written without blocking: a USB printer out of paper stops
// taking data, and a blocking write would wait for it for ever; here the write timeout
// ends the job and says so.
class EscPosDeviceLink : public EscPosLink
{
    Q_OBJECT
public:
    EscPosDeviceLink(EscPosTarget target, EscPosTimeouts timeouts);
    ~EscPosDeviceLink() override;

protected:
    void start() override;

private:
    void writeSome();
    void close();
    void fail(const Error &error);

    int m_fd = -1;
    QSocketNotifier *m_writable = nullptr;
    qsizetype m_written = 0;
    bool m_handedOver = false;
};

} // namespace shouyin
