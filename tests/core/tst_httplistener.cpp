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
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestHttpListener)
#include "tst_httplistener.moc"
