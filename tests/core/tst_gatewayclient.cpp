// The transport every provider shares: what reaches the provider as a reply, and how each
// way of failing is named.

#include "net/gatewayclient.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// A gateway that answers each connection with `answer`, written in `pieces` writes
// `pauseMs` apart (to trickle), after reading the request.
class RawGateway : public QObject
{
public:
    QByteArray answer;
    int pieces = 1;
    int pauseMs = 0;

    RawGateway()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (m_request.contains("\r\n\r\n") && !m_answered) {
                        m_answered = true;
                        writeFrom(socket, 0);
                    }
                });
            }
        });
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1/pay/x"_s.arg(m_server.serverPort())); }
    // What the client sent, as far as it was read when the answer went out.
    const QByteArray &request() const { return m_request; }

private:
    void writeFrom(QTcpSocket *socket, qsizetype at)
    {
        const qsizetype size = (answer.size() + pieces - 1) / pieces;
        socket->write(answer.mid(at, size));
        if (at + size >= answer.size())
            return;
        QTimer::singleShot(pauseMs, socket,
                           [this, socket, at, size] { writeFrom(socket, at + size); });
    }

    QTcpServer m_server;
    QByteArray m_request;
    bool m_answered = false;
};

QByteArray http(const QByteArray &statusLine, const QByteArray &body,
                const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + statusLine + "\r\nContent-Type: text/xml\r\n" + extraHeaders +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
           body;
}

} // namespace

class TestGatewayClient : public QObject
{
    Q_OBJECT

    // Nothing (a failed check) when no answer came in ten seconds.
    std::optional<Result<GatewayReply>> post(GatewayClient &client, const QUrl &url,
                                             QObject *context = nullptr)
    {
        std::optional<Result<GatewayReply>> result;
        QObject owner;
        client.post(QNetworkRequest(url), "<xml/>", context ? context : &owner,
                    [&result](Result<GatewayReply> reply) { result = std::move(reply); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            qWarning("the gateway client never answered");
        return result;
    }

    std::optional<Result<GatewayReply>>
    send(GatewayClient &client, const QByteArray &method, const QUrl &url,
         GatewayClient::AcceptedStatuses accepted = GatewayClient::AcceptedStatuses::Any)
    {
        std::optional<Result<GatewayReply>> result;
        QObject owner;
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        client.send(
            method, request, method == "GET" ? QByteArray() : QByteArray("{}"), &owner,
            [&result](Result<GatewayReply> reply) { result = std::move(reply); }, accepted);
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            qWarning("the gateway client never answered");
        return result;
    }

private Q_SLOTS:
    void aTwoHundredReplyArrivesWithItsHeaders()
    {
        RawGateway gateway;
        gateway.answer = http("200 OK", "<xml>ok</xml>", "Wechatpay-Serial: PUB_KEY_ID_1\r\n");
        GatewayClient client(u"test"_s, {});
        const auto reply = post(client, gateway.url());
        QVERIFY(reply && *reply);
        QCOMPARE((*reply)->status, 200);
        QCOMPARE((*reply)->body, QByteArray("<xml>ok</xml>"));
        QCOMPARE((*reply)->header("wechatpay-serial"), QByteArray("PUB_KEY_ID_1"));
    }

    void noContentIsASuccessToo()
    {
        RawGateway gateway;
        gateway.answer = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n";
        GatewayClient client(u"test"_s, {});
        const auto reply = post(client, gateway.url());
        QVERIFY(reply && *reply);
        QCOMPARE((*reply)->status, 204);
        QVERIFY((*reply)->body.isEmpty());
    }

    void anErrorStatusIsHttp()
    {
        RawGateway gateway;
        gateway.answer = http("502 Bad Gateway", "upstream down");
        GatewayClient client(u"test"_s, {});
        const auto reply = post(client, gateway.url());
        QVERIFY(reply && !*reply);
        QCOMPARE(reply->error().code, ErrorCode::Http);
        QVERIFY(reply->error().message.contains(u"502"));
    }

    void postRefusesAClientErrorToo()
    {
        RawGateway gateway;
        gateway.answer = http("400 Bad Request", R"({"code":"PARAM_ERROR"})");
        GatewayClient client(u"test"_s, {});
        const auto reply = post(client, gateway.url());
        QVERIFY(reply && !*reply);
        QCOMPARE(reply->error().code, ErrorCode::Http);
    }

    void sendPassesEveryStatusBackWhenAskedTo_data()
    {
        QTest::addColumn<QByteArray>("statusLine");
        QTest::addColumn<int>("status");
        QTest::newRow("400") << QByteArray("400 Bad Request") << 400;
        // Qt reads a 401 as a call for credentials: the body must still come through.
        QTest::newRow("401") << QByteArray("401 Unauthorized") << 401;
        QTest::newRow("403") << QByteArray("403 Forbidden") << 403;
        QTest::newRow("404") << QByteArray("404 Not Found") << 404;
        QTest::newRow("429") << QByteArray("429 Too Many Requests") << 429;
        QTest::newRow("500") << QByteArray("500 Internal Server Error") << 500;
        QTest::newRow("202") << QByteArray("202 Accepted") << 202;
    }
    void sendPassesEveryStatusBackWhenAskedTo()
    {
        QFETCH(QByteArray, statusLine);
        QFETCH(int, status);
        RawGateway gateway;
        const QByteArray body = R"({"code":"SOMETHING","message":"why"})";
        gateway.answer = http(statusLine, body, "Wechatpay-Serial: PUB_KEY_ID_1\r\n");
        GatewayClient client(u"test"_s, {});
        const auto reply = send(client, "POST", gateway.url());
        QVERIFY(reply && *reply);
        QCOMPARE((*reply)->status, status);
        QCOMPARE((*reply)->body, body);
        QCOMPARE((*reply)->header("wechatpay-serial"), QByteArray("PUB_KEY_ID_1"));
    }

    void sendKeepsOnlyTwoHundredsWhenAskedTo()
    {
        RawGateway gateway;
        gateway.answer = http("404 Not Found", R"({"code":"ORDER_NOT_EXIST"})");
        GatewayClient client(u"test"_s, {});
        const auto reply =
            send(client, "GET", gateway.url(), GatewayClient::AcceptedStatuses::Success);
        QVERIFY(reply && !*reply);
        QCOMPARE(reply->error().code, ErrorCode::Http);
    }

    void aGetSendsNoBody()
    {
        RawGateway gateway;
        gateway.answer = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n";
        GatewayClient client(u"test"_s, {});
        const auto reply = send(client, "GET", gateway.url());
        QVERIFY(reply && *reply);
        QCOMPARE((*reply)->status, 204);
        QVERIFY((*reply)->body.isEmpty());
        QVERIFY(gateway.request().startsWith("GET /pay/x HTTP/1.1\r\n"));
        QVERIFY(gateway.request().endsWith("\r\n\r\n"));
    }

    void sendKeepsTheCapAndTheDeadline()
    {
        RawGateway large;
        large.answer = http("404 Not Found", QByteArray(200 * 1024, 'x'));
        GatewayClient capped(u"test"_s, {10000, 64 * 1024});
        const auto tooLarge = send(capped, "GET", large.url());
        QVERIFY(tooLarge && !*tooLarge);
        QCOMPARE(tooLarge->error().code, ErrorCode::BadResponse);

        RawGateway slow;
        slow.answer = http("400 Bad Request", QByteArray(400, 'x'));
        slow.pieces = 40;
        slow.pauseMs = 100;
        GatewayClient hurried(u"test"_s, {500, 64 * 1024});
        const auto late = send(hurried, "POST", slow.url());
        QVERIFY(late && !*late);
        QCOMPARE(late->error().code, ErrorCode::Timeout);
    }

    void aReplyOverTheCapIsRefusedWhileItArrives()
    {
        RawGateway gateway;
        gateway.answer = http("200 OK", QByteArray(200 * 1024, 'x'));
        GatewayClient client(u"test"_s, {10000, 64 * 1024});
        const auto reply = post(client, gateway.url());
        QVERIFY(reply && !*reply);
        QCOMPARE(reply->error().code, ErrorCode::BadResponse);
    }

    void aReplyAtTheCapIsRead()
    {
        RawGateway gateway;
        gateway.answer = http("200 OK", QByteArray(1024, 'x'));
        GatewayClient client(u"test"_s, {10000, 1024});
        const auto reply = post(client, gateway.url());
        QVERIFY(reply && *reply);
        QCOMPARE((*reply)->body.size(), 1024);
    }

    void aTricklingGatewayMeetsTheDeadline()
    {
        RawGateway gateway;
        gateway.answer = http("200 OK", QByteArray(400, 'x'));
        gateway.pieces = 40;
        gateway.pauseMs = 100; // four seconds in all, against a 500 ms deadline
        GatewayClient client(u"test"_s, {500, 64 * 1024});
        const auto reply = post(client, gateway.url());
        QVERIFY(reply && !*reply);
        QCOMPARE(reply->error().code, ErrorCode::Timeout);
    }

    void nobodyListeningIsNetwork()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        GatewayClient client(u"test"_s, {});
        const auto reply = post(client, QUrl(u"http://127.0.0.1:%1/"_s.arg(port)));
        QVERIFY(reply && !*reply);
        QCOMPARE(reply->error().code, ErrorCode::Network);
    }

    void aGoneContextHearsNothing()
    {
        RawGateway gateway;
        gateway.answer = http("200 OK", "late");
        gateway.pieces = 2;
        gateway.pauseMs = 200;
        GatewayClient client(u"test"_s, {});
        bool called = false;
        auto context = std::make_unique<QObject>();
        client.post(QNetworkRequest(gateway.url()), "<xml/>", context.get(),
                    [&called](Result<GatewayReply>) { called = true; });
        context.reset();
        QTest::qWait(600);
        QVERIFY(!called);
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestGatewayClient)
#include "tst_gatewayclient.moc"
