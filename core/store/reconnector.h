#pragma once

#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace shouyin {

// Brings a lost server connection back without making anyone wait: every interval it
// knocks on the server's port with a non-blocking TCP connect, and only when the port
// answers does it call `reopen` (a blocking driver open, now quick). A Unix-socket host
// is re-opened directly.
class Reconnector : public QObject
{
    Q_OBJECT
public:
    using Reopen = std::function<bool()>; // true: connected again, stop

    Reconnector(QString host, int port, Reopen reopen, QObject *parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

private:
    void knock();

    QString m_host;
    int m_port;
    Reopen m_reopen;
    QTimer m_timer;
    QTcpSocket m_probe;
};

} // namespace shouyin
