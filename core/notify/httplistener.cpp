#include "httplistener.h"

#include "notify/httpworker.h"

#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <limits>

namespace shouyin {

Q_LOGGING_CATEGORY(lcHttp, "shouyin.notify.http")

namespace {
constexpr qint64 kNeverLogged = std::numeric_limits<qint64>::min();
constexpr qint64 kLogEveryMs = 10'000;
} // namespace

HttpListener::HttpListener(Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_lastLogMs(kNeverLogged)
{
    m_clock.start();
}

HttpListener::~HttpListener()
{
    close();
}

void HttpListener::route(const QByteArray &path, Handler handler)
{
    const QWriteLocker lock(&m_routesLock);
    m_routes.insert(path, std::make_shared<const Handler>(std::move(handler)));
}

int HttpListener::threadCount() const
{
    int count = m_limits.ioThreads > 0 ? m_limits.ioThreads
                                       : std::clamp(QThread::idealThreadCount() - 1, 1, 4);
    // Every worker can hold at least one connection and one whole request.
    count = std::min(count, std::max(1, m_limits.maxConnections));
    const qint64 request = qint64(m_limits.maxHeaderBytes) + m_limits.maxBodyBytes;
    count = int(std::min<qint64>(count, std::max<qint64>(1, m_limits.maxBufferedBytes / request)));
    return count;
}

bool HttpListener::listen(const QHostAddress &address, quint16 port)
{
    if (!m_workers.empty()) {
        m_errorString = tr("The listener is already listening.");
        return false;
    }
    // Each worker has its share of the slots and bytes; the acceptor hands a newcomer to
    // the worker with the most free slots, so the totals hold for the whole listener. A
    // worker makes room only among its own connections: the longest idle or slowest one
    // of that worker, not necessarily of the listener.
    const int count = threadCount();
    for (int i = 0; i < count; ++i) {
        const int slots = m_limits.maxConnections / count + (i < m_limits.maxConnections % count);
        const qint64 bytes =
            m_limits.maxBufferedBytes / count + (i < m_limits.maxBufferedBytes % count);
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("shouyin-http-%1").arg(i));
        auto *worker = new HttpWorker(*this, slots, bytes);
        worker->moveToThread(thread);
        thread->start();
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
    bool listening = false;
    QString error;
    HttpWorker *acceptorHost = m_workers.front();
    QMetaObject::invokeMethod(
        acceptorHost,
        [&] {
            listening =
                acceptorHost->startAccepting(address, port, m_workers, error, m_address, m_port);
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        close();
        m_errorString = error;
        return false;
    }
    m_errorString.clear();
    return true;
}

void HttpListener::close()
{
    if (m_workers.empty())
        return;
    Q_ASSERT_X(std::none_of(m_threads.begin(), m_threads.end(),
                            [](QThread *thread) { return thread == QThread::currentThread(); }),
               "HttpListener::close", "called from a handler");
    // The acceptor first, so that nothing is handed to a worker that has shut down.
    QMetaObject::invokeMethod(m_workers.front(), &HttpWorker::stopAccepting,
                              Qt::BlockingQueuedConnection);
    for (HttpWorker *worker : m_workers)
        QMetaObject::invokeMethod(worker, &HttpWorker::shutdown, Qt::BlockingQueuedConnection);
    for (QThread *thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    // Stopped threads: nothing of theirs runs any more.
    for (HttpWorker *worker : m_workers)
        delete worker;
    for (QThread *thread : m_threads)
        delete thread;
    m_workers.clear();
    m_threads.clear();
    m_address = QHostAddress();
    m_port = 0;
}

QString HttpListener::errorString() const
{
    return m_errorString;
}

QHostAddress HttpListener::address() const
{
    return m_address;
}

quint16 HttpListener::port() const
{
    return m_port;
}

void HttpListener::notePressure()
{
    const qint64 now = m_clock.elapsed();
    qint64 last = m_lastLogMs.load(std::memory_order_relaxed);
    if (last != kNeverLogged && now - last < kLogEveryMs)
        return;
    if (!m_lastLogMs.compare_exchange_strong(last, now, std::memory_order_relaxed))
        return; // another worker reports
    const qint64 evicted = m_evicted.load(std::memory_order_relaxed);
    const qint64 refused = m_refused.load(std::memory_order_relaxed);
    // Closed for the slots or for the bytes: either way the listener is under pressure.
    qCWarning(lcHttp) << "under pressure:" << evicted - m_evictedLogged.exchange(evicted)
                      << "idle or slow connection(s) closed to stay within"
                      << m_limits.maxConnections << "connections and" << m_limits.maxBufferedBytes
                      << "request bytes, and" << refused - m_refusedLogged.exchange(refused)
                      << "client(s) refused, since the last report";
}

void HttpListener::dispatch(const HttpRequest &request, Reply reply) const
{
    std::shared_ptr<const Handler> handler;
    {
        const QReadLocker lock(&m_routesLock);
        handler = m_routes.value(request.path);
    }
    if (!handler)
        return reply({404, "text/plain; charset=utf-8", "not found"});
    if (request.method != "POST")
        return reply({405, "text/plain; charset=utf-8", "POST only"});
    (*handler)(request, std::move(reply));
}

} // namespace shouyin
