// The listener's threads and the reply contract: handlers run on I/O threads, a reply may
// come from any thread at any time (even after its client or the listener has gone), the
// limits hold across I/O threads, and a connection answers its requests one at a time,
// in order, however slowly its client reads.

#include "notify/httplistener.h"
#include "rawhttpclient.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

namespace shouyin {

using testing::RawHttpClient;

class TestHttpListenerThreads : public QObject
{
    Q_OBJECT

    struct Held
    {
        HttpRequest request;
        HttpListener::Reply reply;
        QThread *thread = nullptr; // where the handler ran
    };
    QList<Held> m_held; // the test's thread only

    // Hands request and reply to the test's thread; the test answers when it chooses.
    HttpListener::Handler hold()
    {
        return [this](const HttpRequest &request, HttpListener::Reply reply) {
            QThread *const thread = QThread::currentThread();
            QMetaObject::invokeMethod(
                this,
                [this, request, reply, thread] {
                    m_held.append({request, reply, thread});
                },
                Qt::QueuedConnection);
        };
    }

    static std::unique_ptr<HttpListener> listening(HttpLimits limits = {})
    {
        auto listener = std::make_unique<HttpListener>(limits);
        if (!listener->listen(QHostAddress::LocalHost, 0))
            qWarning("cannot listen: %s", qPrintable(listener->errorString()));
        return listener;
    }

    // A client that takes `bytes` at a time, a few milliseconds apart, and whose kernel
    // holds no more than a little for it (a fixed buffer is not grown as it fills).
    static void slowReader(RawHttpClient &client, qint64 bytes)
    {
        QVERIFY(client.waitConnected());
        client.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 256 * 1024);
        client.socket().setReadBufferSize(bytes);
    }

private Q_SLOTS:
    void cleanup()
    {
        QCoreApplication::sendPostedEvents(this);
        m_held.clear();
    }

    void handlersRunOnAnIoThread()
    {
        auto listener = listening();
        listener->route("/hold", hold());
        RawHttpClient client(listener->port());
        client.send(RawHttpClient::post("/hold", "x"));
        QTRY_COMPARE(m_held.size(), 1);
        QVERIFY(m_held.first().thread != QThread::currentThread());
        QCOMPARE(listener->thread(), QThread::currentThread()); // the object stays here
        m_held.first().reply({200, "text/plain", "ok"});
        QCOMPARE(client.read().body, QByteArray("ok"));
    }

    void aReplyFromAPlainThreadReachesTheClient()
    {
        auto listener = listening();
        listener->route("/hold", hold());
        RawHttpClient client(listener->port());
        client.send(RawHttpClient::post("/hold", "x"));
        QTRY_COMPARE(m_held.size(), 1);
        std::thread writer([reply = m_held.first().reply] {
            reply({200, "text/plain", "from afar"});
        });
        writer.join();
        QCOMPARE(client.read().body, QByteArray("from afar"));
    }

    void onlyTheFirstReplyCounts()
    {
        auto listener = listening();
        listener->route("/hold", hold());
        RawHttpClient client(listener->port());
        client.send(RawHttpClient::post("/hold", "1", true));
        QTRY_COMPARE(m_held.size(), 1);
        const HttpListener::Reply first = m_held.first().reply;
        first({200, "text/plain", "one"});
        first({200, "text/plain", "one again"});
        QCOMPARE(client.read().body, QByteArray("one"));
        // The next request on the connection is not answered by the first one's reply.
        client.send(RawHttpClient::post("/hold", "2", true));
        QTRY_COMPARE(m_held.size(), 2);
        std::thread([first] { first({200, "text/plain", "stale"}); }).join();
        m_held.at(1).reply({200, "text/plain", "two"});
        QCOMPARE(client.read().body, QByteArray("two"));
        client.send(RawHttpClient::post("/hold", "3", true));
        QTRY_COMPARE(m_held.size(), 3);
        m_held.at(2).reply({200, "text/plain", "three"});
        QCOMPARE(client.read().body, QByteArray("three")); // nothing stray came before it
    }

    void aReplyAfterTheClientHasGoneIsHarmless()
    {
        auto listener = listening();
        listener->route("/hold", hold());
        {
            RawHttpClient client(listener->port());
            client.send(RawHttpClient::post("/hold", "x", true));
            QTRY_COMPARE(m_held.size(), 1);
            client.socket().abort();
        }
        const HttpListener::Reply reply = m_held.first().reply;
        std::thread([reply] { reply({200, "text/plain", "too late"}); }).join();
        reply({200, "text/plain", "too late again"});
        QTRY_COMPARE(listener->connectionCount(), 0);
        // The listener carries on.
        RawHttpClient next(listener->port());
        next.send(RawHttpClient::post("/hold", "y"));
        QTRY_COMPARE(m_held.size(), 2);
        m_held.last().reply({200, "text/plain", "ok"});
        QCOMPARE(next.read().body, QByteArray("ok"));
    }

    void aReplyAfterTheListenerIsDestroyedIsHarmless()
    {
        auto listener = listening();
        std::atomic<int> handled{0};
        listener->route("/hold", [&handled, hold = hold()](const HttpRequest &request,
                                                           HttpListener::Reply reply) {
            ++handled;
            hold(request, std::move(reply));
        });
        const quint16 port = listener->port();
        RawHttpClient client(port);
        client.send(RawHttpClient::post("/hold", "x", true));
        QTRY_COMPARE(m_held.size(), 1);
        QList<std::shared_ptr<RawHttpClient>> others; // requests in flight at the end
        for (int i = 0; i < 8; ++i) {
            others.append(std::make_shared<RawHttpClient>(port));
            others.last()->send(RawHttpClient::post("/hold", "y", true));
        }
        listener.reset();
        const int handledBefore = handled;
        QCOMPARE(client.read().status, 0); // closed unanswered
        const HttpListener::Reply reply = m_held.first().reply;
        reply({200, "text/plain", "nobody listens"});
        std::thread([reply] { reply({200, "text/plain", "still nobody"}); }).join();
        QCoreApplication::sendPostedEvents(this);
        for (const Held &held : std::as_const(m_held))
            held.reply({200, "text/plain", "gone"});
        m_held.clear();                          // the last copies of the replies go here
        QCOMPARE(handled.load(), handledBefore); // no handler ran once it had gone
    }

    void theConnectionLimitHoldsAcrossIoThreads()
    {
        HttpLimits limits;
        limits.ioThreads = 2;
        limits.maxConnections = 2;
        auto listener = listening(limits);
        listener->route("/hold", hold());
        RawHttpClient first(listener->port());
        RawHttpClient second(listener->port());
        first.send(RawHttpClient::post("/hold", "a"));
        second.send(RawHttpClient::post("/hold", "b"));
        QTRY_COMPARE(m_held.size(), 2);
        // A slot on each thread.
        QVERIFY(m_held.at(0).thread != m_held.at(1).thread);
        RawHttpClient third(listener->port());
        QCOMPARE(third.read().status, 503);
        QCOMPARE(listener->refusedCount(), 1);
        QCOMPARE(listener->connectionCount(), 2);
        for (const Held &held : std::as_const(m_held))
            held.reply({200, "text/plain", held.request.body});
        QCOMPARE(first.read().body, QByteArray("a"));
        QCOMPARE(second.read().body, QByteArray("b"));
    }

    void anIdleConnectionMakesRoomOnWhicheverIoThreadItIs()
    {
        HttpLimits limits;
        limits.ioThreads = 2;
        limits.maxConnections = 2;
        auto listener = listening(limits);
        listener->route("/hold", hold());
        listener->route("/now", [](const HttpRequest &, HttpListener::Reply reply) {
            reply({200, "text/plain", "now"});
        });
        RawHttpClient idle(listener->port());
        QVERIFY(idle.waitConnected());
        QTRY_COMPARE(listener->connectionCount(), 1);
        RawHttpClient busy(listener->port());
        busy.send(RawHttpClient::post("/hold", "b"));
        QTRY_COMPARE(m_held.size(), 1);
        // Every slot taken, one of them idle: the newcomer takes that one, not a 503.
        RawHttpClient newcomer(listener->port());
        newcomer.send(RawHttpClient::post("/now", "c"));
        QCOMPARE(newcomer.read().body, QByteArray("now"));
        QCOMPARE(listener->evictedCount(), 1);
        QCOMPARE(listener->refusedCount(), 0);
        QCOMPARE(idle.read().status, 0);
        m_held.first().reply({200, "text/plain", "b"});
        QCOMPARE(busy.read().body, QByteArray("b"));
    }

    void pipelinedRequestsAreAnsweredInOrderOneAtATime()
    {
        auto listener = listening();
        listener->route("/hold", hold());
        RawHttpClient client(listener->port());
        client.send(RawHttpClient::post("/hold", "1", true) +
                    RawHttpClient::post("/hold", "2", true) +
                    RawHttpClient::post("/hold", "3", true));
        for (int i = 0; i < 3; ++i) {
            QTRY_COMPARE(m_held.size(), i + 1);
            // The next request waits for this one's answer.
            QTest::qWait(50);
            QCOMPARE(m_held.size(), i + 1);
            m_held.at(i).reply({200, "text/plain", "answer " + m_held.at(i).request.body});
        }
        for (const QByteArray expected : {"answer 1", "answer 2", "answer 3"})
            QCOMPARE(client.read().body, expected);
    }

    void aLargeReplyToASlowReaderArrivesWhole_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::addRow("1 MiB") << qsizetype(1024 * 1024);
        // More than the kernel holds on loopback (4 MiB of send buffer at most, and the
        // client's bounded below): the listener must keep the rest and finish it later.
        QTest::addRow("16 MiB") << qsizetype(16 * 1024 * 1024);
    }

    void aLargeReplyToASlowReaderArrivesWhole()
    {
        QFETCH(qsizetype, size);
        auto listener = listening();
        QByteArray large(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < large.size(); ++i)
            large[i] = char('a' + i % 26);
        listener->route("/large", [large](const HttpRequest &, HttpListener::Reply reply) {
            reply({200, "application/octet-stream", large});
        });
        RawHttpClient client(listener->port());
        slowReader(client, 64 * 1024);
        client.send(RawHttpClient::post("/large", "x", true));
        const testing::RawResponse response = client.read(120'000);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body.size(), large.size());
        QVERIFY(response.body == large);
        // Written out, the connection serves its next request.
        client.send(RawHttpClient::post("/large", "y", true));
        QCOMPARE(client.read(120'000).body.size(), large.size());
    }

    void aClientThatNeverReadsItsReplyIsGivenUp()
    {
        HttpLimits limits;
        limits.idleTimeoutMs = 300;
        auto listener = listening(limits);
        listener->route("/huge", hold());
        RawHttpClient client(listener->port());
        slowReader(client, 1); // and it never reads at all
        client.send(RawHttpClient::post("/huge", "x", true));
        QTRY_COMPARE(m_held.size(), 1);
        QCOMPARE(listener->connectionCount(), 1);
        // More than the kernel holds: the rest waits for a reader that never comes.
        m_held.first().reply({200, "application/octet-stream", QByteArray(16 * 1024 * 1024, 'z')});
        QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, 30'000);
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestHttpListenerThreads)
#include "tst_httplistenerthreads.moc"
