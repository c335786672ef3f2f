// The sandbox's injected faults, seen from a client over real loopback HTTP.

#include "sandbox/sandboxgateway.h"
#include "sandboxtestfixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_SandboxFaults : public SandboxTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startGateway(); }
    void cleanup() { stopGateway(); }

    void faultLatency();
    void faultLatencyClientGone();
    void faultNoReply();
    void faultHttp500();
    void faultSystemError();
    void faultMalformed();
    void faultBadSignature();
    void faultCountPathAndClear();
};

void tst_SandboxFaults::faultLatency()
{
    QVERIFY(!createTrade(u"P032"_s).isEmpty());
    constexpr auto kLatency = 1500ms;
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Latency, 1, kLatency);

    QElapsedTimer clock;
    clock.start();
    QNetworkReply *slow =
        postAsync(u"/pay/orderquery"_s, FlatXml::encode(sign({{u"out_trade_no"_s, u"P032"_s}})));
    // Wait until the slow request is inside the gateway, then check it does not block others.
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->requestCount(u"/pay/orderquery"_s), 1, kWaitMs);
    QVERIFY(!createTrade(u"P033"_s).isEmpty());
    QVERIFY(!slow->isFinished());

    const HttpResult http = waitFor(slow);
    QVERIFY(http.finished);
    QVERIFY2(clock.elapsed() >= kLatency.count(), qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(http.status, 200);
    const auto reply = FlatXml::decode(http.body);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"trade_state"_s), u"NOTPAY"_s);
    QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
}

void tst_SandboxFaults::faultLatencyClientGone()
{
    QVERIFY(!createTrade(u"P042"_s).isEmpty());
    const QByteArray query = FlatXml::encode(sign({{u"out_trade_no"_s, u"P042"_s}}));
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Latency, 1, 400ms);
    const HttpResult gone = post(u"/pay/orderquery"_s, query, u"text/xml"_s, 100);
    QVERIFY(gone.finished);
    QCOMPARE(gone.status, 0); // the client gave up and hung up

    // A later, slower answer is a fence: by then the gateway has tried to answer the
    // first one on a connection that no longer exists, and must have survived it.
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Latency, 1, 800ms);
    const HttpResult later = post(u"/pay/orderquery"_s, query);
    QCOMPARE(later.status, 200);
    QVERIFY(FlatXml::decode(later.body));
}

void tst_SandboxFaults::faultNoReply()
{
    m_gateway->injectFault(u"/pay/unifiedorder"_s, SandboxFault::NoReply);
    const HttpResult http = post(u"/pay/unifiedorder"_s,
                                 FlatXml::encode(sign(orderFields(u"P034"_s))), u"text/xml"_s, 300);
    QVERIFY(http.finished); // ended by the client's own timeout
    QCOMPARE(http.status, 0);
    QVERIFY(http.error == QNetworkReply::OperationCanceledError ||
            http.error == QNetworkReply::TimeoutError);
    QVERIFY(http.body.isEmpty());

    // The request was processed, only its answer lost: the retry finds the same trade.
    const auto trade = m_gateway->trade(u"P034"_s);
    QVERIFY(trade);
    QCOMPARE(createTrade(u"P034"_s), trade->codeUrl);

    // A held connection is answered by nobody, however long the client waits.
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::NoReply);
    QNetworkReply *held =
        postAsync(u"/pay/orderquery"_s, FlatXml::encode(sign({{u"out_trade_no"_s, u"P034"_s}})));
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->requestCount(u"/pay/orderquery"_s), 1, kWaitMs);
    QVERIFY(!createTrade(u"P035"_s).isEmpty()); // other requests are still served
    QVERIFY(!held->isFinished());
    held->abort();
    held->deleteLater();
}

void tst_SandboxFaults::faultHttp500()
{
    m_gateway->injectFault(u"/pay/unifiedorder"_s, SandboxFault::Http500);
    const HttpResult http =
        post(u"/pay/unifiedorder"_s, FlatXml::encode(sign(orderFields(u"P036"_s))));
    QCOMPARE(http.status, 500);
    QVERIFY(!m_gateway->trade(u"P036"_s));      // not processed
    QVERIFY(!createTrade(u"P036"_s).isEmpty()); // one request only
}

void tst_SandboxFaults::faultSystemError()
{
    m_gateway->injectFault(u"/pay/unifiedorder"_s, SandboxFault::SystemError);
    const auto reply =
        call(u"/pay/unifiedorder"_s, orderFields(u"P037"_s), WechatSignType::HmacSha256);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply->value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply->value(u"err_code"_s), u"SYSTEMERROR"_s);
    QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
    QVERIFY(!m_gateway->trade(u"P037"_s));

    // A request that fails the envelope checks is refused as usual, fault or not.
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::SystemError);
    const auto refused = FlatXml::decode(post(u"/pay/orderquery"_s, "<xml></xml>").body);
    QVERIFY(refused);
    QCOMPARE(refused->value(u"return_code"_s), u"FAIL"_s);
}

void tst_SandboxFaults::faultMalformed()
{
    m_gateway->injectFault(u"/pay/unifiedorder"_s, SandboxFault::Malformed);
    const HttpResult http =
        post(u"/pay/unifiedorder"_s, FlatXml::encode(sign(orderFields(u"P038"_s))));
    QCOMPARE(http.status, 200);
    QVERIFY(!http.body.isEmpty());
    QVERIFY(!FlatXml::decode(http.body));
    QVERIFY(m_gateway->trade(u"P038"_s)); // processed; only the answer is broken
}

void tst_SandboxFaults::faultBadSignature()
{
    QVERIFY(!createTrade(u"P039"_s).isEmpty());
    for (const auto type : {WechatSignType::Md5, WechatSignType::HmacSha256}) {
        m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::BadSignature);
        const auto reply = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P039"_s}}, type);
        QVERIFY(reply);
        QCOMPARE(reply->value(u"return_code"_s), u"SUCCESS"_s);
        QCOMPARE(reply->value(u"trade_state"_s), u"NOTPAY"_s);
        QCOMPARE(reply->value(u"sign"_s).size(), type == WechatSignType::Md5 ? 32 : 64);
        QVERIFY(!WechatSigner::verify(*reply, m_merchant.key));
    }
    const auto normal = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P039"_s}});
    QVERIFY(normal);
    QVERIFY(WechatSigner::verify(*normal, m_merchant.key));
}

void tst_SandboxFaults::faultCountPathAndClear()
{
    QVERIFY(!createTrade(u"P040"_s).isEmpty());
    const QByteArray query = FlatXml::encode(sign({{u"out_trade_no"_s, u"P040"_s}}));

    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Http500, 2);
    QVERIFY(!createTrade(u"P041"_s).isEmpty()); // another path is not affected
    QCOMPARE(post(u"/pay/orderquery"_s, query).status, 500);
    QCOMPARE(post(u"/pay/orderquery"_s, query).status, 500);
    QCOMPARE(post(u"/pay/orderquery"_s, query).status, 200);

    // Empty path: whatever comes next.
    m_gateway->injectFault(QString(), SandboxFault::Http500);
    QCOMPARE(
        post(u"/pay/closeorder"_s, FlatXml::encode(sign({{u"out_trade_no"_s, u"P041"_s}}))).status,
        500);
    QCOMPARE(m_gateway->trade(u"P041"_s)->state, u"NOTPAY"_s);
    QCOMPARE(post(u"/pay/orderquery"_s, query).status, 200);

    // Faults queue up in order.
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Http500);
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Malformed);
    QCOMPARE(post(u"/pay/orderquery"_s, query).status, 500);
    const HttpResult malformed = post(u"/pay/orderquery"_s, query);
    QCOMPARE(malformed.status, 200);
    QVERIFY(!FlatXml::decode(malformed.body));

    // None drops what is pending; clearFaults() drops everything.
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Http500, 5);
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::None);
    QCOMPARE(post(u"/pay/orderquery"_s, query).status, 200);
    m_gateway->injectFault(QString(), SandboxFault::Http500, 5);
    m_gateway->clearFaults();
    QCOMPARE(post(u"/pay/orderquery"_s, query).status, 200);

    // The training customer is not part of the gateway: faults leave it alone.
    m_gateway->injectFault(QString(), SandboxFault::Http500);
    QCOMPARE(customerPay(u"out_trade_no"_s, u"P040"_s).status, 200);
    QCOMPARE(post(u"/pay/orderquery"_s, query).status, 500);
}

QTEST_GUILESS_MAIN(tst_SandboxFaults)
#include "tst_sandboxfaults.moc"
