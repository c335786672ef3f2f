#include "httpconnection.h"

#include "net/httpmessage.h"
#include "notify/httpworker.h"

#include <QLoggingCategory>

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace {

constexpr qint64 kReadChunk = 16 * 1024;
constexpr int kReadsPerWakeUp = 4; // then the thread's other connections have a turn
// After a last reply to a client that may still be sending (a refused body, say): how
// long, and how much, to read and discard so that closing does not reset the connection
// and destroy the reply before the client has read it.
constexpr int kLingerMs = 2'000;
constexpr qint64 kMaxLingerBytes = 4 * 1024 * 1024;

// "content-type" is written "Content-Type", as every client's logs and tests expect.
QByteArray canonicalHeaderName(QByteArray name)
{
    bool wordStart = true;
    for (char &letter : name) {
        if (wordStart && letter >= 'a' && letter <= 'z')
            letter = char(letter - 'a' + 'A');
        wordStart = letter == '-';
    }
    return name;
}

QByteArray serialize(const HttpResponse &response, bool keepAlive)
{
    QByteArray bytes =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status);
    for (const auto &[name, value] : response.headers) {
        // Framing is the listener's alone: a handler cannot make the reply ambiguous.
        if (name != "content-length" && name != "connection" && name != "transfer-encoding")
            bytes += "\r\n" + canonicalHeaderName(name) + ": " + value;
    }
    bytes += "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
             (keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
    bytes += response.body;
    return bytes;
}

} // namespace

HttpConnection::HttpConnection(qintptr descriptor, quint64 id, HttpWorker &worker)
    : m_id(id)
    , m_worker(worker)
    , m_socket(descriptor)
    , m_readNotifier(QSocketNotifier::Read)
    , m_writeNotifier(QSocketNotifier::Write)
    , m_parser(worker.limits().maxHeaderBytes, worker.limits().maxBodyBytes)
{
    m_readNotifier.setSocket(descriptor);
    m_writeNotifier.setSocket(descriptor);
    m_deadline.setSingleShot(true);
    connect(&m_readNotifier, &QSocketNotifier::activated, this, &HttpConnection::onReadable);
    connect(&m_writeNotifier, &QSocketNotifier::activated, this, &HttpConnection::onWritable);
    connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::onDeadline);
    m_inPhase.start();
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::start()
{
    if (!m_socket.setNonBlocking())
        return finish();
    m_readNotifier.setEnabled(true);
    m_deadline.start(m_worker.limits().idleTimeoutMs);
}

qint64 HttpConnection::bufferedBytes() const
{
    return m_pending.size() + m_parser.request().body.size();
}

void HttpConnection::reportBuffered()
{
    const qint64 now = m_phase == Phase::Gone ? 0 : bufferedBytes();
    const qint64 delta = now - m_reportedBuffered;
    m_reportedBuffered = now;
    if (delta != 0)
        m_worker.adjustBuffered(*this, delta); // may close this very connection
}

void HttpConnection::enter(Phase phase)
{
    const bool wasEvictable = isEvictable();
    const bool wasPreferred = isPreferredVictim();
    m_phase = phase;
    m_inPhase.start();
    if (phase != Phase::Gone)
        m_worker.phaseChanged(wasEvictable, wasPreferred, isEvictable(), isPreferredVictim());
}

qint64 HttpConnection::evictionRank() const
{
    constexpr qint64 kClass = qint64(1) << 40;
    // A kept-alive client answered a moment ago is about to send its next request (a
    // provider, or the shop's proxy, draining a backlog): under a siege it would otherwise
    // be the idle connection closed, with its next request already on the way.
    constexpr qint64 kJustAnsweredMs = 1'000;
    const bool justAnswered =
        m_phase == Phase::Idle && m_ticket > 0 && m_inPhase.elapsed() < kJustAnsweredMs;
    const qint64 base = m_phase == Phase::Lingering ? 3 * kClass
                        : justAnswered              ? 0
                        : m_phase == Phase::Idle    ? 2 * kClass
                                                    : kClass;
    return base + m_inPhase.elapsed();
}

void HttpConnection::evict()
{
    finish();
}

void HttpConnection::finish()
{
    if (m_phase == Phase::Gone)
        return;
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    m_deadline.stop();
    m_socket.close();
    m_worker.retire(*this); // counts it out in the phase it was in
    m_phase = Phase::Gone;
    m_reportedBuffered = 0;
}

void HttpConnection::onReadable()
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Reading:
        return readRequest();
    case Phase::Handling:
    case Phase::Writing:
    case Phase::Closing:
        return watchWhileBusy();
    case Phase::Lingering:
        return drainWhileLingering();
    case Phase::Gone:
        return;
    }
}

void HttpConnection::readRequest()
{
    char chunk[kReadChunk];
    for (int round = 0; round < kReadsPerWakeUp; ++round) {
        const RawSocket::Result read = m_socket.receive(chunk, kReadChunk);
        if (read.status == RawSocket::Status::WouldBlock)
            break;
        if (read.status != RawSocket::Status::Done) {
            // EOF while idle, or in the middle of a request (which is not handled): there
            // is nothing to answer. A reset is the same.
            m_peerClosed = true;
            return finish();
        }
        m_pending.append(chunk, qsizetype(read.bytes));
        process();
        if (m_phase != Phase::Idle && m_phase != Phase::Reading)
            break;
    }
    reportBuffered();
}

void HttpConnection::watchWhileBusy()
{
    // Nothing is read while a request is handled or its reply sent; this only looks.
    const RawSocket::Result look = m_socket.peek();
    switch (look.status) {
    case RawSocket::Status::WouldBlock:
        return;
    case RawSocket::Status::Done:
        // The next request: it waits in the kernel until this one is answered.
        m_readNotifier.setEnabled(false);
        return;
    case RawSocket::Status::Closed:
        // Half-closed, or gone: either way the answer is still written.
        m_peerClosed = true;
        m_readNotifier.setEnabled(false);
        if (m_phase == Phase::Handling && m_abandoned)
            finish();
        return;
    case RawSocket::Status::Failed:
        return finish();
    }
}

void HttpConnection::drainWhileLingering()
{
    char chunk[kReadChunk];
    for (int round = 0; round < kReadsPerWakeUp; ++round) {
        const RawSocket::Result read = m_socket.receive(chunk, kReadChunk);
        if (read.status == RawSocket::Status::WouldBlock)
            return;
        m_lingered += read.bytes;
        if (read.status != RawSocket::Status::Done || m_lingered > kMaxLingerBytes)
            return finish();
    }
}

void HttpConnection::process()
{
    if (m_pending.isEmpty())
        return;
    const HttpLimits &limits = m_worker.limits();
    if (m_phase == Phase::Idle) {
        enter(Phase::Reading);
        m_headersDone = false;
        m_sinceFirstByte.start();
        m_deadline.start(limits.headerDeadlineMs);
    }
    qsizetype consumed = 0;
    const auto status = m_parser.feed(m_pending.constData(), m_pending.size(), consumed);
    m_pending.remove(0, consumed);
    switch (status) {
    case HttpRequestParser::Status::NeedMore:
        // Headers in: the rest of the request has what is left of the whole deadline.
        if (!m_headersDone && !m_parser.request().method.isEmpty()) {
            m_headersDone = true;
            m_deadline.start(
                int(std::max<qint64>(0, limits.readDeadlineMs - m_sinceFirstByte.elapsed())));
        }
        return;
    case HttpRequestParser::Status::TooLarge:
        return refuse(413, "request body too large");
    case HttpRequestParser::Status::HeaderTooLarge:
        return refuse(431, "request headers too large");
    case HttpRequestParser::Status::Malformed:
        return refuse(400, "malformed request");
    case HttpRequestParser::Status::Complete:
        break;
    }
    enter(Phase::Handling);
    m_deadline.stop();
    m_keepAlive = m_parser.request().keepAlive;
    m_abandoned = false;
    m_worker.dispatch(*this, ++m_ticket, m_parser.request());
    // The handler has what it needs; the connection holds no body while it waits.
    m_parser.reset();
}

void HttpConnection::answer(quint64 ticket, const HttpResponse *response)
{
    if (m_phase != Phase::Handling || ticket != m_ticket)
        return; // a second answer, or one for a request long gone
    if (response)
        return respond(*response, m_keepAlive);
    m_abandoned = true;
    if (m_peerClosed)
        finish(); // nothing will ever be written, and nothing more read
}

void HttpConnection::respond(const HttpResponse &response, bool keepAlive)
{
    // A client that sent its last byte is told this is the last reply, unless what it
    // sent before closing holds more requests.
    const bool last = !keepAlive || (m_peerClosed && m_pending.isEmpty());
    m_out = serialize(response, !last);
    m_sent = 0;
    if (last)
        m_pending.clear(); // nothing after a last reply is read as a request
    m_parser.reset();
    m_deadline.stop();
    enter(last ? Phase::Closing : Phase::Writing);
    reportBuffered();
    if (m_phase != Phase::Gone)
        flush();
}

void HttpConnection::refuse(int status, const QByteArray &message)
{
    qCDebug(lcHttp) << "refusing a request:" << status << message;
    respond({status, "text/plain; charset=utf-8", message}, false);
}

void HttpConnection::onWritable()
{
    if (m_phase == Phase::Writing || m_phase == Phase::Closing)
        flush();
    else
        m_writeNotifier.setEnabled(false);
}

void HttpConnection::flush()
{
    bool progressed = false;
    while (m_sent < m_out.size()) {
        const RawSocket::Result written =
            m_socket.send(m_out.constData() + m_sent, m_out.size() - m_sent);
        if (written.status == RawSocket::Status::Failed)
            return finish();
        if (written.status == RawSocket::Status::WouldBlock) {
            // The kernel took what it could; the rest goes as the client reads. A client
            // that stops reading altogether is given up after the idle timeout.
            m_writeNotifier.setEnabled(true);
            if (progressed || !m_deadline.isActive())
                m_deadline.start(m_worker.limits().idleTimeoutMs);
            return;
        }
        m_sent += qsizetype(written.bytes);
        progressed = true;
    }
    m_out.clear();
    m_sent = 0;
    m_writeNotifier.setEnabled(false);
    if (m_phase == Phase::Closing) {
        if (m_peerClosed)
            return finish();
        m_socket.shutdownWrite();
        enter(Phase::Lingering);
        m_readNotifier.setEnabled(true);
        m_deadline.start(std::min(kLingerMs, m_worker.limits().idleTimeoutMs));
        return;
    }
    enter(Phase::Idle);
    m_deadline.start(m_worker.limits().idleTimeoutMs);
    // A pipelined request may already be waiting, read or still in the kernel.
    process();
    if (m_phase == Phase::Gone)
        return;
    if (m_peerClosed && (m_phase == Phase::Idle || m_phase == Phase::Reading))
        return finish(); // EOF before another whole request: nothing left to answer
    if (!m_peerClosed)
        m_readNotifier.setEnabled(true); // it may have stopped for a waiting request
    reportBuffered();
}

void HttpConnection::onDeadline()
{
    switch (m_phase) {
    case Phase::Reading:
        return refuse(408, "request not received in time");
    case Phase::Idle:      // kept alive with nothing to say
    case Phase::Writing:   // a client that does not read its reply
    case Phase::Closing:   // the same, for a last reply
    case Phase::Lingering: // done with it either way
        return finish();
    case Phase::Handling:
    case Phase::Gone:
        return;
    }
}

} // namespace shouyin
