#include "virtualescpos.h"

#include "virtualprinterfifo.h"
#include "virtualprinterpty.h"

#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace shouyin::testing {

namespace {

constexpr char kDle = 0x10;
constexpr char kEot = 0x04;

// Every status byte: bits 1 and 4 set, 0 and 7 clear.
constexpr int kFixedBits = 0x12;
constexpr int kDrawerPin3High = 0x04; // DLE EOT 1
constexpr int kOffline = 0x08;        // DLE EOT 1
constexpr int kCoverOpen = 0x04;      // DLE EOT 2
constexpr int kPaperEndStop = 0x20;   // DLE EOT 2
constexpr int kErrorOccurred = 0x40;  // DLE EOT 2
constexpr int kCutterError = 0x08;    // DLE EOT 3
constexpr int kPaperNearEnd = 0x0C;   // DLE EOT 4
constexpr int kPaperEnd = 0x60;       // DLE EOT 4

} // namespace

VirtualEscPosPrinter::VirtualEscPosPrinter(QObject *parent)
    : QObject(parent)
{}

VirtualEscPosPrinter::~VirtualEscPosPrinter()
{
    // The sockets' last signals would reach a half-destroyed printer.
    for (QTcpSocket *socket : m_connections.keys())
        socket->disconnect(this);
}

bool VirtualEscPosPrinter::listen(quint16 port)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &VirtualEscPosPrinter::accept);
    }
    if (!m_server->listen(QHostAddress::LocalHost, port ? port : m_port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

QString VirtualEscPosPrinter::tcpSpelling() const
{
    return u"tcp://127.0.0.1:%1"_s.arg(m_port);
}

void VirtualEscPosPrinter::refuseConnections()
{
    if (m_server)
        m_server->close();
}

bool VirtualEscPosPrinter::listenOnFifo(const QString &path)
{
    delete m_fifo;
    m_fifo = new VirtualPrinterFifo(this);
    connect(m_fifo, &VirtualPrinterFifo::jobRead, this,
            [this](const QByteArray &bytes) { addJob(bytes); });
    return m_fifo->open(path);
}

void VirtualEscPosPrinter::setFifoStalled(bool stalled)
{
    if (m_fifo)
        m_fifo->setStalled(stalled);
}

bool VirtualEscPosPrinter::watchFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    m_filePath = path;
    m_fileRead = 0;
    return true;
}

int VirtualEscPosPrinter::takeFileJob()
{
    QFile file(m_filePath);
    if (m_filePath.isEmpty() || !file.open(QIODevice::ReadOnly) || !file.seek(m_fileRead))
        return -1;
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        return -1;
    m_fileRead += bytes.size();
    return addJob(bytes);
}

void VirtualEscPosPrinter::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { receive(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { hungUp(socket); });
        if (socket->state() != QAbstractSocket::ConnectedState) // gone before we looked
            hungUp(socket);
    }
}

void VirtualEscPosPrinter::receive(QTcpSocket *socket)
{
    Stream &stream = m_connections[socket];
    stream.bytes += socket->readAll();
    answerStatusRequests(stream, [socket](char answer) {
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->write(QByteArray(1, answer));
    });
}

void VirtualEscPosPrinter::hungUp(QTcpSocket *socket)
{
    if (!m_connections.contains(socket))
        return;
    receive(socket); // what came with the hang-up
    const QByteArray bytes = m_connections.take(socket).bytes;
    socket->disconnect(this);
    socket->deleteLater();
    if (!bytes.isEmpty())
        addJob(bytes);
}

void VirtualEscPosPrinter::answerStatusRequests(Stream &stream,
                                                const std::function<void(char)> &reply)
{
    for (; stream.scanned + 2 < stream.bytes.size(); ++stream.scanned) {
        const qsizetype at = stream.scanned;
        if (stream.bytes[at] != kDle || stream.bytes[at + 1] != kEot)
            continue;
        if (const int answer = statusAnswer(stream.bytes[at + 2]); answer >= 0) {
            reply(char(answer));
            ++m_answersSent;
        }
        stream.scanned += 2;
    }
}

QString VirtualEscPosPrinter::openSerialPort()
{
    delete m_pty;
    m_pty = new VirtualPrinterPty(this);
    m_serial = {};
    if (!m_pty->open())
        return {};
    connect(m_pty, &VirtualPrinterPty::received, this, [this](const QByteArray &bytes) {
        m_serial.bytes += bytes;
        answerStatusRequests(m_serial,
                             [this](char answer) { m_pty->write(QByteArray(1, answer)); });
    });
    return m_pty->path();
}

int VirtualEscPosPrinter::takeSerialJob()
{
    if (!m_pty)
        return -1;
    m_pty->readAvailable();
    const QByteArray bytes = std::exchange(m_serial, {}).bytes;
    return bytes.isEmpty() ? -1 : addJob(bytes);
}

qsizetype VirtualEscPosPrinter::pendingBytes() const
{
    qsizetype pending = 0;
    for (const Stream &connection : m_connections)
        pending += connection.bytes.size();
    return pending;
}

int VirtualEscPosPrinter::addJob(const QByteArray &bytes)
{
    m_jobs.append(bytes);
    const int index = int(m_jobs.size() - 1);
    Q_EMIT jobReceived(index);
    return index;
}

int VirtualEscPosPrinter::statusAnswer(int kind) const
{
    if (m_state == State::Silent || kind < 1 || kind > 4)
        return -1;
    const bool offline =
        m_state == State::PaperOut || m_state == State::CoverOpen || m_state == State::Fault;
    switch (kind) {
    case 1:
        return kFixedBits | (offline ? kOffline : 0) | (m_drawerOpen ? kDrawerPin3High : 0);
    case 2:
        return kFixedBits | (m_state == State::CoverOpen ? kCoverOpen : 0) |
               (m_state == State::PaperOut ? kPaperEndStop : 0) |
               (m_state == State::Fault ? kErrorOccurred : 0);
    case 3:
        return kFixedBits | (m_state == State::Fault ? kCutterError : 0);
    default:
        return kFixedBits | (m_state == State::PaperNearEnd ? kPaperNearEnd : 0) |
               (m_state == State::PaperOut ? kPaperNearEnd | kPaperEnd : 0);
    }
}

QList<int> VirtualEscPosPrinter::jobsWith(const QString &text) const
{
    QList<int> found;
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (jobText(i).contains(text))
            found.append(i);
    }
    return found;
}

int VirtualEscPosPrinter::drawerPulses() const
{
    int pulses = 0;
    for (int i = 0; i < m_jobs.size(); ++i)
        pulses += int(decodedJob(i).commandsOf(EscPosCommand::Kind::DrawerPulse).size());
    return pulses;
}

} // namespace shouyin::testing
