// The sandbox gateway's TLS endpoint over real loopback sockets: only a client showing a
// certificate the sandbox's authority issued (for the merchant) reaches
// /secapi/pay/reverse, as with the real gateway; the certificates themselves; the small
// HTTP/1.1 reader behind it; and the endpoint on a gateway living on a thread of its own.

#include "sandbox/sandboxgateway.h"
#include "sandboxtestfixture.h"
#include "util/workerthread.h"

#include <QSslKey>
#include <QSslSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

namespace {

struct RawExchange
{
    QByteArray received;
    bool closed = false;   // the server hung up
    bool timedOut = false; // neither the answers nor a hang-up came
};

} // namespace

class tst_SandboxTls : public SandboxTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { stopGateway(); }

    void materialIsWhatATillNeeds();
    void rightCertificateGetsAnAnswer();
    void noClientCertificateFailsTheHandshake();
    void certificateOfAnotherAuthorityFailsTheHandshake();
    void anotherMerchantsCertificateIsRefused();
    void clientDoesNotTrustTheServerWithoutTheSandboxAuthority();
    void keepAliveAndPipelinedRequests();
    void connectionCloseIsHonoured();
    void badRequestsAreRefused_data();
    void badRequestsAreRefused();
    void gatewayOnItsOwnThread();

private:
    QByteArray reverseRequest(const QString &outTradeNo) const
    {
        return FlatXml::encode(sign({{u"out_trade_no"_s, outTradeNo}}));
    }
    static QByteArray httpPost(const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        return "POST /secapi/pay/reverse HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Content-Type: text/xml\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
    }
    // Sends `bytes` over TLS with `configuration` and collects what comes back until
    // `answers` HTTP responses arrived, the server hung up, or a few seconds passed.
    RawExchange exchange(const QSslConfiguration &configuration, const QByteArray &bytes,
                         int answers = 1, quint16 port = 0)
    {
        RawExchange result;
        QSslSocket socket;
        socket.setSslConfiguration(configuration);
        QObject::connect(&socket, &QIODevice::readyRead, &socket,
                         [&] { result.received += socket.readAll(); });
        QObject::connect(&socket, &QAbstractSocket::disconnected, &socket,
                         [&] { result.closed = true; });
        socket.connectToHostEncrypted(u"127.0.0.1"_s,
                                      port ? port : m_gateway->secureBaseUrl().port());
        socket.write(bytes);
        result.timedOut = !QTest::qWaitFor(
            [&] {
                return result.closed || socket.state() == QAbstractSocket::UnconnectedState ||
                       result.received.count("HTTP/1.1 ") >= answers;
            },
            5000);
        // Hanging up ourselves, as the socket goes, is not the server's doing.
        QObject::disconnect(&socket, nullptr, nullptr, nullptr);
        if (socket.state() == QAbstractSocket::UnconnectedState)
            result.closed = true;
        return result;
    }
    static Params xmlOf(const QByteArray &response)
    {
        const qsizetype start = response.indexOf("\r\n\r\n");
        auto decoded = FlatXml::decode(response.mid(start + 4));
        return decoded ? decoded.value() : Params{};
    }
};

void tst_SandboxTls::init()
{
    startGateway();
    QVERIFY(m_gateway->listenSecure() != 0);
}

void tst_SandboxTls::materialIsWhatATillNeeds()
{
    const SandboxTlsMaterial &tls = m_gateway->tls();
    QVERIFY(!tls.isNull());
    QCOMPARE(tls.clientCertificate.subjectInfo(QSslCertificate::CommonName),
             QStringList{m_merchant.merchantId});
    QCOMPARE(tls.clientCertificate.issuerDisplayName(), tls.ca.subjectDisplayName());
    QCOMPARE(tls.serverCertificate.issuerDisplayName(), tls.ca.subjectDisplayName());
    const auto names = tls.serverCertificate.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::AlternativeNameEntryType::IpAddressEntry).contains(u"127.0.0.1"_s));
    QVERIFY(names.values(QSsl::AlternativeNameEntryType::DnsEntry).contains(u"localhost"_s));
    QCOMPARE(tls.clientKey.algorithm(), QSsl::Ec);
    QCOMPARE(tls.serverKey.algorithm(), QSsl::Ec);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(tls.clientCertificate.effectiveDate() <= now.addSecs(-3500));
    QVERIFY(tls.clientCertificate.expiryDate() > now.addYears(10));
    QCOMPARE(m_gateway->secureBaseUrl().scheme(), u"https"_s);
    QCOMPARE(m_gateway->secureBaseUrl().host(), u"127.0.0.1"_s);
    // Each gateway has an authority of its own.
    const SandboxTlsMaterial other = SandboxTlsMaterial::generate(m_merchant.merchantId);
    QVERIFY(other.ca.publicKey() != tls.ca.publicKey());
}

void tst_SandboxTls::rightCertificateGetsAnAnswer()
{
    QUrl url = m_gateway->secureBaseUrl();
    url.setPath(u"/secapi/pay/reverse"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/xml"_s);
    request.setSslConfiguration(m_gateway->tls().clientConfiguration());
    const HttpResult http = waitFor(m_network->post(request, reverseRequest(u"T001"_s)));
    QCOMPARE(http.error, QNetworkReply::NoError);
    QCOMPARE(http.status, 200);
    const Params reply = FlatXml::decode(http.body).value();
    QCOMPARE(reply.value(u"return_code"_s), u"SUCCESS"_s);
    QVERIFY(WechatSigner::verify(reply, m_merchant.key));
    QCOMPARE(reply.value(u"err_code"_s), u"ORDERNOTEXIST"_s);
    QCOMPARE(reply.value(u"recall"_s), u"N"_s);
    QCOMPARE(m_gateway->reverseCount(u"T001"_s), 1);
    QCOMPARE(m_gateway->requestCount(u"/secapi/pay/reverse"_s), 1);
}

void tst_SandboxTls::noClientCertificateFailsTheHandshake()
{
    QSslConfiguration anonymous = m_gateway->tls().clientConfiguration();
    anonymous.setLocalCertificate(QSslCertificate());
    anonymous.setPrivateKey(QSslKey());
    const RawExchange raw = exchange(anonymous, httpPost(reverseRequest(u"T002"_s)));
    QVERIFY(raw.closed);
    QVERIFY2(raw.received.isEmpty(), raw.received.constData());
    QCOMPARE(m_gateway->requestCount(u"/secapi/pay/reverse"_s), 0);
    QCOMPARE(m_gateway->reverseCount(u"T002"_s), 0);
}

void tst_SandboxTls::certificateOfAnotherAuthorityFailsTheHandshake()
{
    // The right merchant id, from an authority the gateway does not know.
    const SandboxTlsMaterial stranger = SandboxTlsMaterial::generate(m_merchant.merchantId);
    QSslConfiguration configuration = m_gateway->tls().clientConfiguration();
    configuration.setLocalCertificate(stranger.clientCertificate);
    configuration.setPrivateKey(stranger.clientKey);
    const RawExchange raw = exchange(configuration, httpPost(reverseRequest(u"T003"_s)));
    QVERIFY(raw.closed);
    QVERIFY2(raw.received.isEmpty(), raw.received.constData());
    QCOMPARE(m_gateway->requestCount(u"/secapi/pay/reverse"_s), 0);

    // The same through the network stack a till uses: a network error, no answer.
    QUrl url = m_gateway->secureBaseUrl();
    url.setPath(u"/secapi/pay/reverse"_s);
    QNetworkRequest request(url);
    request.setSslConfiguration(configuration);
    const HttpResult http = waitFor(m_network->post(request, reverseRequest(u"T003"_s)));
    QVERIFY(http.finished);
    QVERIFY(http.error != QNetworkReply::NoError);
    QCOMPARE(http.status, 0);
    QCOMPARE(m_gateway->reverseCount(u"T003"_s), 0);
}

void tst_SandboxTls::anotherMerchantsCertificateIsRefused()
{
    const auto issued = m_gateway->tls().issueClientCertificate(u"1900000999"_s);
    QVERIFY(!issued.certificate.isNull());
    QSslConfiguration configuration = m_gateway->tls().clientConfiguration();
    configuration.setLocalCertificate(issued.certificate);
    configuration.setPrivateKey(issued.key);
    const RawExchange raw = exchange(configuration, httpPost(reverseRequest(u"T004"_s)));
    QVERIFY(raw.received.startsWith("HTTP/1.1 200 OK\r\n"));
    const Params reply = xmlOf(raw.received);
    QCOMPARE(reply.value(u"return_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"return_msg"_s), u"证书错误"_s);
    QCOMPARE(m_gateway->reverseCount(u"T004"_s), 0);
}

void tst_SandboxTls::clientDoesNotTrustTheServerWithoutTheSandboxAuthority()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_gateway->tls().clientCertificate);
    configuration.setPrivateKey(m_gateway->tls().clientKey);
    QUrl url = m_gateway->secureBaseUrl();
    url.setPath(u"/secapi/pay/reverse"_s);
    QNetworkRequest request(url);
    request.setSslConfiguration(configuration);
    const HttpResult http = waitFor(m_network->post(request, reverseRequest(u"T005"_s)));
    QCOMPARE(http.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(m_gateway->requestCount(u"/secapi/pay/reverse"_s), 0);
}

void tst_SandboxTls::keepAliveAndPipelinedRequests()
{
    const QByteArray two =
        httpPost(reverseRequest(u"T006"_s)) + httpPost(reverseRequest(u"T007"_s));
    const RawExchange raw = exchange(m_gateway->tls().clientConfiguration(), two, 2);
    QCOMPARE(raw.received.count("HTTP/1.1 200 OK\r\n"), 2);
    QCOMPARE(raw.received.count("Connection: keep-alive"), 2);
    QVERIFY(!raw.closed);
    QCOMPARE(m_gateway->reverseCount(u"T006"_s), 1);
    QCOMPARE(m_gateway->reverseCount(u"T007"_s), 1);
}

void tst_SandboxTls::connectionCloseIsHonoured()
{
    // Latency too: the answer comes from the event loop later, on the same connection.
    m_gateway->injectFault(u"/secapi/pay/reverse"_s, SandboxFault::Latency, 1, 100ms);
    const RawExchange raw =
        exchange(m_gateway->tls().clientConfiguration(),
                 httpPost(reverseRequest(u"T008"_s), "Connection: close\r\n"), 2);
    QCOMPARE(raw.received.count("HTTP/1.1 200 OK\r\n"), 1);
    QVERIFY(raw.received.contains("Connection: close\r\n"));
    QVERIFY(raw.closed);
    QCOMPARE(xmlOf(raw.received).value(u"err_code"_s), u"ORDERNOTEXIST"_s);
}

void tst_SandboxTls::badRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    const QByteArray xml = "<xml></xml>";
    QTest::newRow("no length") << QByteArray("POST /secapi/pay/reverse HTTP/1.1\r\n\r\n" + xml)
                               << QByteArray("411");
    QTest::newRow("chunked")
        << QByteArray("POST /secapi/pay/reverse HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
        << QByteArray("501");
    QTest::newRow("get") << QByteArray("GET /secapi/pay/reverse HTTP/1.1\r\n\r\n")
                         << QByteArray("405");
    QTest::newRow("too large") << QByteArray("POST /secapi/pay/reverse HTTP/1.1\r\n"
                                             "Content-Length: 70000\r\n\r\n")
                               << QByteArray("413");
    QTest::newRow("two lengths") << QByteArray("POST /secapi/pay/reverse HTTP/1.1\r\n"
                                               "Content-Length: 3\r\nContent-Length: 4\r\n\r\n")
                                 << QByteArray("400");
    QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << QByteArray("400");
    QTest::newRow("unknown path")
        << QByteArray("POST /secapi/pay/profitsharing HTTP/1.1\r\nContent-Length: 11\r\n\r\n" + xml)
        << QByteArray("404");
}

void tst_SandboxTls::badRequestsAreRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    const RawExchange raw = exchange(m_gateway->tls().clientConfiguration(), request);
    QVERIFY2(raw.received.startsWith("HTTP/1.1 " + status + ' '), raw.received.constData());
}

void tst_SandboxTls::gatewayOnItsOwnThread()
{
    stopGateway();
    m_network = std::make_unique<QNetworkAccessManager>();
    WorkerThread thread(u"sandbox"_s);
    std::unique_ptr<SandboxGateway> gateway;
    const auto [port, configuration] = thread.run([&] {
        gateway = std::make_unique<SandboxGateway>(m_merchant);
        gateway->setCodeCustomer(u"134567890123456789"_s, CodeCustomer::PaysAtOnce);
        return std::pair(gateway->listenSecure(), gateway->tls().clientConfiguration());
    });
    QVERIFY(port != 0);
    const RawExchange raw = exchange(configuration, httpPost(reverseRequest(u"T009"_s)), 1, port);
    QCOMPARE(xmlOf(raw.received).value(u"err_code"_s), u"ORDERNOTEXIST"_s);
    QCOMPARE(thread.run([&] { return gateway->reverseCount(u"T009"_s); }), 1);
    thread.run([&] { gateway.reset(); });
}

QTEST_GUILESS_MAIN(tst_SandboxTls)
#include "tst_sandboxtls.moc"
