#pragma once

#include "print/escposlink.h"

#include <QAbstractSocket>

class QTcpSocket;

namespace shouyin {

class EscPosStatusProbe;

// A network printer's raw port (9100): connect, ask its status, write the job, hang up.
// The printer prints what arrived once the connection closes, or as it arrives.
class EscPosNetworkLink : public EscPosLink
{
    Q_OBJECT
public:
    EscPosNetworkLink(EscPosTarget target, EscPosTimeouts timeouts);
    ~EscPosNetworkLink() override;

protected:
    void start() override;

private:
    enum class Step { Connecting, Asking, Writing, Closing };

    void connected();
    void write();
    void written(qint64 count);
    void disconnected();
    void socketError(QAbstractSocket::SocketError error);
    void timedOut();
    void fail(const Error &error);

    QTcpSocket *m_socket = nullptr;
    EscPosStatusProbe *m_probe = nullptr;
    Step m_step = Step::Connecting;
    qint64 m_written = 0;
};

} // namespace shouyin
