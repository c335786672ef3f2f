#pragma once

#include "escposdecoder.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace shouyin::testing {

class VirtualPrinterFifo;
class VirtualPrinterPty;

// A receipt printer for tests, on the thread that makes it: a raw network port on
// 127.0.0.1 (as a printer's port 9100), a FIFO or a plain file standing in for a USB
// printer's device. It keeps every job it receives, answers the status requests (DLE EOT)
// as its state says, and can refuse connections as a printer switched off does.
class VirtualEscPosPrinter : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Ready,
        PaperNearEnd, // prints, but says so
        PaperOut,
        CoverOpen,
        Fault,  // a cutter error
        Silent, // never answers a status request, as many printers
    };
    Q_ENUM(State)

    explicit VirtualEscPosPrinter(QObject *parent = nullptr);
    ~VirtualEscPosPrinter() override;

    // Network: every connection is one job, complete once the sender hangs up. Port 0
    // picks a free port; listen() again after refuseConnections() takes the same one.
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QString tcpSpelling() const; // "tcp://127.0.0.1:PORT", for parseEscPosTarget()
    // Stops listening, as a printer switched off: connecting is refused.
    void refuseConnections();

    // A USB printer's device as a FIFO made at `path`: each writer's bytes, from its
    // open to its close, are one job. A writer that opens before the last one's hang-up
    // was read joins its job: wait for jobReceived() between jobs.
    bool listenOnFifo(const QString &path);
    // A printer that stopped taking data (no paper on a USB printer): the FIFO is not
    // read, so a writer finds it full.
    void setFifoStalled(bool stalled);

    // A serial printer on a pseudo-terminal: the path for serial:PATH, empty when none
    // could be made. Its status requests are answered as they come; a serial line has no
    // hang-up, so what came since the last call is one job, taken when the test says so
    // (-1 when nothing came).
    QString openSerialPort();
    int takeSerialJob();

    // A plain file at `path` (created empty): what was appended since the last call is
    // one job, taken when the test says so. Its index, or -1 when nothing came.
    bool watchFile(const QString &path);
    int takeFileJob();

    void setState(State state) { m_state = state; }
    State state() const { return m_state; }
    // The level of the drawer connector's pin 3 the printer reports.
    void setDrawerOpen(bool open) { m_drawerOpen = open; }

    const QList<QByteArray> &jobs() const { return m_jobs; }
    EscPosDecoded decodedJob(int index) const { return decodeEscPos(m_jobs.value(index)); }
    // The printed text of job `index`, one line a line.
    QString jobText(int index) const { return decodedJob(index).texts().join(u'\n'); }
    // The jobs whose text contains `text` (an order number, say), in the order printed.
    QList<int> jobsWith(const QString &text) const;
    // Drawer pulses over every job: how often the drawer was opened.
    int drawerPulses() const;
    int statusAnswersSent() const { return m_answersSent; }
    // Bytes received on connections still open: a job under way.
    qsizetype pendingBytes() const;

Q_SIGNALS:
    void jobReceived(int index);

private:
    // What one link sent so far.
    struct Stream
    {
        QByteArray bytes;
        qsizetype scanned = 0; // where to look for the next status request
    };

    void accept();
    void receive(QTcpSocket *socket);
    void hungUp(QTcpSocket *socket);
    // A printer reads DLE EOT n wherever it is in the stream, even inside another
    // command's data, and answers at once.
    void answerStatusRequests(Stream &stream, const std::function<void(char)> &reply);
    int addJob(const QByteArray &bytes);
    // The answer to DLE EOT `kind` in the current state; negative: none.
    int statusAnswer(int kind) const;

    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QHash<QTcpSocket *, Stream> m_connections;
    VirtualPrinterFifo *m_fifo = nullptr;
    VirtualPrinterPty *m_pty = nullptr;
    Stream m_serial;
    QString m_filePath;
    qint64 m_fileRead = 0;

    State m_state = State::Ready;
    bool m_drawerOpen = false;
    QList<QByteArray> m_jobs;
    int m_answersSent = 0;
};

} // namespace shouyin::testing
