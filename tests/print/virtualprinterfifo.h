#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace shouyin::testing {

// The reading end of a FIFO standing in for a printer's device file: what one writer
// sends between its open and its close is one job.
class VirtualPrinterFifo : public QObject
{
    Q_OBJECT
public:
    explicit VirtualPrinterFifo(QObject *parent = nullptr);
    ~VirtualPrinterFifo() override; // removes the FIFO

    // Makes the FIFO at `path` and opens it for reading.
    bool open(const QString &path);
    void setStalled(bool stalled);

Q_SIGNALS:
    void jobRead(const QByteArray &bytes);

private:
    void readAvailable();
    bool openReadEnd();
    void closeReadEnd();

    QString m_path;
    int m_fd = -1;
    QSocketNotifier *m_readable = nullptr;
    QByteArray m_job;
    bool m_stalled = false;
};

} // namespace shouyin::testing
