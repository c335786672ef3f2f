#pragma once

#include "print/escposlink.h"

#include <QSerialPort>
#include <QTimer>

namespace shouyin {

class EscPosStatusProbe;

// A serial printer: 8N1 at the target's baud rate, no flow control. Open, ask its status,
// write the job, close.
class EscPosSerialLink : public EscPosLink
{
    Q_OBJECT
public:
    EscPosSerialLink(EscPosTarget target, EscPosTimeouts timeouts);
    ~EscPosSerialLink() override;

protected:
    void start() override;

private:
    void write();
    void written(qint64 count);
    void checkDrained();
    void portError(QSerialPort::SerialPortError error);
    void fail(const Error &error);

    QSerialPort *m_port = nullptr;
    EscPosStatusProbe *m_probe = nullptr;
    bool m_writing = false;
    qint64 m_written = 0;
    QTimer m_drainCheck;
};

} // namespace shouyin
