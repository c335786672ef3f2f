// The listener hands a handler the whole request and writes the handler's whole answer,
// but keeps the framing (length, connection) to itself, and holds every client to the
// limits of an endpoint facing the internet. Handlers run on the listener's I/O threads:
// what they share with the test is only touched on the test's thread, where they post it.

#include "notify/httplistener.h"
#include "rawhttpclient.h"

#include <QCoreApplication>
#include <QTest>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace shouyin {

using testing::RawHttpClient;

class TestHttpListener : public QObject
{
    Q_OBJECT

    std::unique_ptr<HttpListener> m_listener;
    HttpRequest m_seen;                // the test's thread only
    QList<HttpListener::Reply> m_held; // likewise: replies the test makes when it chooses

    // Notes the request and answers, both on the test's thread.
    HttpListener::Handler echo()
    {
        return [this](const HttpRequest &request, HttpListener::Reply reply) {
            QMetaObject::invokeMethod(
                this,
                [this, request, reply] {
                    m_seen = request;
                    HttpResponse response(202, "application/json", R"({"code":"SUCCESS"})");
                    response.setHeader("Wechatpay-Serial", "PUB_KEY_ID_0001");
                    response.setHeader("X-Injected", "a\r\nSet-Cookie: stolen=1");
                    response.setHeader("Bad:Name", "x");
                    response.setHeader("Content-Length", "9999"); // the listener's, not ours
                    reply(response);
                },
                Qt::QueuedConnection);
        };
    }
    // Hands the reply to the test, which answers when it chooses.
    HttpListener::Handler hold()
    {
        return [this](const HttpRequest &, HttpListener::Reply reply) {
            QMetaObject::invokeMethod(
                this, [this, reply] { m_held.append(reply); }, Qt::QueuedConnection);
        };
    }
    static void answerNow(const HttpRequest &, HttpListener::Reply reply)
    {
        reply({200, "text/plain", "ok"});
    }

    static int descriptor(RawHttpClient &client) { return int(client.socket().socketDescriptor()); }

private Q_SLOTS:
    void init()
    {
        m_listener = std::make_unique<HttpListener>();
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
        m_listener->route("/notify/echo", echo());
        m_listener->route("/hold", hold());
        m_listener->route("/now", &TestHttpListener::answerNow);
    }

    void cleanup()
    {
        m_listener.reset();
        // What handlers posted before their listener went is not carried into the next test.
        QCoreApplication::sendPostedEvents(this);
        m_seen = {};
        m_held.clear();
    }

    void aPortInUseIsAnError()
    {
        HttpListener second;
        QVERIFY(!second.listen(QHostAddress::LocalHost, m_listener->port()));
        QVERIFY(!second.errorString().isEmpty());
        QCOMPARE(second.port(), 0);
        QVERIFY(!m_listener->listen(QHostAddress::LocalHost, 0)); // already listening
        RawHttpClient client(m_listener->port());
        client.send(RawHttpClient::post("/now", "x"));
        QCOMPARE(client.read().status, 200);
    }

    void theHandlerSeesPathQueryHeadersAndBody()
    {
        RawHttpClient client(m_listener->port());
        client.send("POST /notify/echo?kind=refund&n=1 HTTP/1.1\r\nHost: x\r\n"
                    "Wechatpay-Timestamp: 1700000000\r\nConnection: close\r\n"
                    "Content-Length: 4\r\n\r\nbody");
        const testing::RawResponse response = client.read();
        QCOMPARE(response.status, 202);
        QCOMPARE(m_seen.path, QByteArray("/notify/echo"));
        QCOMPARE(m_seen.query, QByteArray("kind=refund&n=1"));
        QCOMPARE(m_seen.header("wechatpay-timestamp"), QByteArray("1700000000"));
        QCOMPARE(m_seen.body, QByteArray("body"));
    }

    void theHandlersHeadersAreWrittenButNeverItsFraming()
    {
        RawHttpClient client(m_listener->port());
        client.send(RawHttpClient::post("/notify/echo", "x"));
        const testing::RawResponse response = client.read();
        QCOMPARE(response.status, 202);
        const QByteArray head = response.headers.toLower();
        QVERIFY(response.headers.contains("\r\nWechatpay-Serial: PUB_KEY_ID_0001"));
        QVERIFY(head.contains("\r\ncontent-type: application/json"));
        QVERIFY(!head.contains("set-cookie"));
        QVERIFY(!head.contains("x-injected"));
        QVERIFY(!head.contains("bad:name"));
        QCOMPARE(head.count("content-length:"), 1);
        QCOMPARE(response.body, QByteArray(R"({"code":"SUCCESS"})"));
    }

    void noQueryIsAnEmptyQuery()
    {
        RawHttpClient client(m_listener->port());
        client.send(RawHttpClient::post("/notify/echo", "x"));
        QCOMPARE(client.read().status, 202);
        QVERIFY(m_seen.query.isEmpty());
    }

    void otherPathsAndMethodsAreRefused()
    {
        RawHttpClient get(m_listener->port());
        get.send("GET /now HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(get.read().status, 405);
        RawHttpClient missing(m_listener->port());
        missing.send(RawHttpClient::post("/admin", "x"));
        QCOMPARE(missing.read().status, 404);
        RawHttpClient garbage(m_listener->port());
        garbage.send("\x16\x03\x01 this is not http\r\n\r\n");
        QCOMPARE(garbage.read().status, 400);
    }

    void oversizedRequestsAreRefusedBeforeBuffering()
    {
        RawHttpClient declared(m_listener->port());
        // The declared size alone is enough: the answer comes before the body is sent.
        declared.send("POST /now HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n");
        QCOMPARE(declared.read().status, 413);

        RawHttpClient chunked(m_listener->port());
        chunked.send("POST /now HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = "100000\r\n" + QByteArray(0x100000, 'x') + "\r\n";
        testing::RawResponse response;
        for (int i = 0; i < 10 && response.status == 0; ++i) {
            chunked.send(chunk);
            response = chunked.read(200);
        }
        if (response.status == 0)
            response = chunked.read();
        QCOMPARE(response.status, 413);

        RawHttpClient headers(m_listener->port());
        headers.send("POST /now HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(16 * 1024, 'h') +
                     "\r\n\r\n");
        QCOMPARE(headers.read().status, 431);
        QCOMPARE(m_listener->bufferedBytes(), 0);
    }

    void aSlowClientIsCutOffAndBlocksNoOne()
    {
        HttpLimits limits;
        limits.headerDeadlineMs = 1'000;
        limits.readDeadlineMs = 1'500;
        HttpListener listener(limits);
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        listener.route("/now", &TestHttpListener::answerNow);
        const QByteArray request = RawHttpClient::post("/now", "<xml/>");
        RawHttpClient slow(listener.port());
        slow.send(request.left(1));

        // Meanwhile another client is served.
        RawHttpClient other(listener.port());
        other.send(RawHttpClient::post("/now", "x"));
        QCOMPARE(other.read().status, 200);

        // One byte every so often never finishes its headers in time.
        testing::RawResponse response;
        for (int i = 1; i < request.size() && response.status == 0; ++i) {
            slow.send(request.mid(i, 1));
            response = slow.read(300);
        }
        QCOMPARE(response.status, 408);

        // Headers in time do not buy the body more than the whole request's deadline.
        RawHttpClient trickle(listener.port());
        trickle.send("POST /now HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n");
        response = {};
        for (int i = 0; i < 100 && response.status == 0; ++i) {
            trickle.send("x");
            response = trickle.read(300);
        }
        QCOMPARE(response.status, 408);
    }

    void idleKeptAliveConnectionsAreClosed()
    {
        HttpLimits limits;
        limits.idleTimeoutMs = 300;
        HttpListener listener(limits);
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        listener.route("/now", &TestHttpListener::answerNow);
        RawHttpClient silent(listener.port());
        QVERIFY(silent.waitConnected());
        RawHttpClient client(listener.port());
        client.send(RawHttpClient::post("/now", "x", true));
        QCOMPARE(client.read().status, 200);
        QTRY_COMPARE(listener.connectionCount(), 0);
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::UnconnectedState);
        QTRY_COMPARE(silent.socket().state(), QAbstractSocket::UnconnectedState);
    }

    void everySlotBusyHandlingIsA503()
    {
        HttpLimits limits;
        limits.maxConnections = 2;
        HttpListener small(limits);
        QVERIFY(small.listen(QHostAddress::LocalHost, 0));
        small.route("/slow", hold());
        RawHttpClient first(small.port());
        RawHttpClient second(small.port());
        first.send(RawHttpClient::post("/slow", "a"));
        second.send(RawHttpClient::post("/slow", "b"));
        QTRY_COMPARE(m_held.size(), 2);
        // Nobody idle or slow to make room for it: the newcomer is told to come back.
        RawHttpClient third(small.port());
        QCOMPARE(third.read().status, 503);
        QCOMPARE(small.refusedCount(), 1);
        for (const HttpListener::Reply &reply : std::as_const(m_held))
            reply({200, "text/plain", "late"});
        QCOMPARE(first.read().body, QByteArray("late"));
        QCOMPARE(second.read().body, QByteArray("late"));
    }

    void aClientJustAnsweredKeepsItsSlotOverASlowStranger()
    {
        // A provider's kept-alive connection between two notifications, and a stranger
        // trickling headers: a newcomer takes the stranger's slot, never the provider's,
        // whose next request may already be on the wire.
        HttpLimits limits;
        limits.maxConnections = 2;
        limits.ioThreads = 1;
        HttpListener listener(limits);
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        listener.route("/now", &TestHttpListener::answerNow);
        RawHttpClient provider(listener.port());
        provider.send(RawHttpClient::post("/now", "first", true));
        QCOMPARE(provider.read().status, 200);
        RawHttpClient stranger(listener.port());
        stranger.send("POST /now HTTP/1.1\r\nHost: x\r\n");
        QTRY_COMPARE(listener.connectionCount(), 2);

        RawHttpClient newcomer(listener.port());
        newcomer.send(RawHttpClient::post("/now", "x"));
        QCOMPARE(newcomer.read().status, 200);
        QCOMPARE(listener.evictedCount(), 1);
        QTRY_COMPARE(stranger.socket().state(), QAbstractSocket::UnconnectedState);
        provider.send(RawHttpClient::post("/now", "second", true));
        QCOMPARE(provider.read().status, 200);
    }

    void strangersHoldingEverySlotCannotShutOutARequest()
    {
        HttpLimits limits;
        limits.maxConnections = 8;
        HttpListener listener(limits);
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        listener.route("/now", &TestHttpListener::answerNow);
        // Three times the slots: idle sockets, and slow ones trickling their headers.
        QList<std::shared_ptr<RawHttpClient>> held;
        for (int i = 0; i < 3 * limits.maxConnections; ++i) {
            held.append(std::make_shared<RawHttpClient>(listener.port()));
            QVERIFY(held.last()->waitConnected());
            if (i % 2)
                held.last()->send("POST /now HTTP/1.1\r\nHost: x\r\n");
        }
        QTRY_COMPARE(listener.connectionCount(), limits.maxConnections);
        QTRY_VERIFY(listener.evictedCount() >= 2 * limits.maxConnections);
        // Genuine requests, one after another, each answered while strangers keep coming.
        for (int i = 0; i < 5; ++i) {
            held.append(std::make_shared<RawHttpClient>(listener.port()));
            QVERIFY(held.last()->waitConnected());
            RawHttpClient genuine(listener.port());
            genuine.send(RawHttpClient::post("/now", "x"));
            QCOMPARE(genuine.read().status, 200);
        }
        QCOMPARE(listener.refusedCount(), 0);
        held.clear();
        QTRY_COMPARE(listener.connectionCount(), 0);
    }

    void bodiesHeldAcrossConnectionsAreBounded()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 32 * 1024;
        limits.maxBufferedBytes = 64 * 1024;
        HttpListener small(limits);
        QVERIFY(small.listen(QHostAddress::LocalHost, 0));
        small.route("/notify/echo", &TestHttpListener::answerNow);
        // Ten clients each stop just short of a 32 KiB body: 300 KiB if all were kept.
        QList<std::shared_ptr<RawHttpClient>> hoarders;
        for (int i = 0; i < 10; ++i) {
            hoarders.append(std::make_shared<RawHttpClient>(small.port()));
            hoarders.last()->send("POST /notify/echo HTTP/1.1\r\nHost: x\r\n"
                                  "Content-Length: 32768\r\n\r\n" +
                                  QByteArray(30 * 1024, 'x'));
        }
        QTRY_VERIFY(small.evictedCount() >= 7);
        QVERIFY2(small.bufferedBytes() <= limits.maxBufferedBytes,
                 qPrintable(QString::number(small.bufferedBytes())));
        // A genuine request still gets through, and what it held is given back.
        RawHttpClient genuine(small.port());
        genuine.send(RawHttpClient::post("/notify/echo", QByteArray(1024, 'y')));
        QCOMPARE(genuine.read().body, QByteArray("ok"));
        hoarders.clear();
        QTRY_COMPARE(small.bufferedBytes(), 0);
    }

    void aClientThatHalfClosesIsStillAnswered()
    {
        // Some HTTP clients send the request, then shut their side down and wait.
        m_listener->route("/later", [this](const HttpRequest &, HttpListener::Reply reply) {
            // Answered after a commit, as notifications are.
            QMetaObject::invokeMethod(
                this,
                [this, reply] {
                    QTimer::singleShot(50, this, [reply] {
                        reply({200, "text/plain", "committed"});
                    });
                },
                Qt::QueuedConnection);
        });
        RawHttpClient client(m_listener->port());
        QVERIFY(client.waitConnected());
        client.send(RawHttpClient::post("/later", "x", true));
        QVERIFY(::shutdown(descriptor(client), SHUT_WR) == 0);
        QCOMPARE(client.read().body, QByteArray("committed"));
        // Nothing more will come from the client: the connection goes once answered.
        QTRY_COMPARE(m_listener->connectionCount(), 0);
    }

    void eofInTheMiddleOfARequestCallsNoHandler()
    {
        RawHttpClient client(m_listener->port());
        QVERIFY(client.waitConnected());
        client.send("POST /hold HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf");
        QTRY_COMPARE(m_listener->bufferedBytes(), 4);
        QVERIFY(::shutdown(descriptor(client), SHUT_WR) == 0);
        QCOMPARE(client.read().status, 0); // closed without an answer
        QTRY_COMPARE(m_listener->connectionCount(), 0);
        QCOMPARE(m_listener->bufferedBytes(), 0);
        QCoreApplication::sendPostedEvents(this);
        QVERIFY(m_held.isEmpty());
    }

    void eofWhileIdleCloses()
    {
        RawHttpClient client(m_listener->port());
        client.send(RawHttpClient::post("/now", "x", true));
        const testing::RawResponse response = client.read();
        QCOMPARE(response.status, 200);
        QVERIFY(response.headers.contains("\r\nConnection: keep-alive"));
        QCOMPARE(m_listener->connectionCount(), 1);
        QVERIFY(::shutdown(descriptor(client), SHUT_WR) == 0);
        QTRY_COMPARE(m_listener->connectionCount(), 0);
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::UnconnectedState);
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestHttpListener)
#include "tst_httplistener.moc"
