#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace shouyin::testing {

// A pseudo-terminal standing in for a serial printer's port: the till opens its path
// (serial:/dev/pts/N) as it would /dev/ttyUSB0; the printer's side reads what it sends
// and answers.
class VirtualPrinterPty : public QObject
{
    Q_OBJECT
public:
    explicit VirtualPrinterPty(QObject *parent = nullptr);
    ~VirtualPrinterPty() override;

    bool open();
    QString path() const { return m_path; } // the till's side

    // To the till.
    void write(const QByteArray &bytes);
    // Reads what the till sent and has not been read yet, now; it comes as received().
    void readAvailable();

Q_SIGNALS:
    void received(const QByteArray &bytes);

private:
    int m_master = -1;
    // Held open by the printer's side: without it, each time the till closes the port the
    // master would report a hang-up until the till opens it again.
    int m_slave = -1;
    QSocketNotifier *m_readable = nullptr;
    QString m_path;
};

} // namespace shouyin::testing
