// The real WeChat provider refunds through the sandbox gateway over loopback: secapi/pay/
// refund on the TLS endpoint with the merchant's client certificate, and refundquery: the
// amounts a trade can give back, the same refund sent again, the refusals, the unknown
// outcomes and the faults. The gateway's clock is the test's, so that a refund settles
// when the test says. Its notifications are in tst_wechatrefundnotify.cpp.

#include "refundfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_WechatRefunds : public RefundFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { RefundFixture::init(); }
    void cleanup() { RefundFixture::cleanup(); }

    void aFullRefundIsProcessingThenSucceeds();
    void twoPartialRefundsAndOneTooMany();
    void theSameRefundSentAgainIsNotRefundedTwice();
    void notEnoughBalanceIsARefusal();
    void processedButAnsweredSystemError();
    void refundsOfTradesThatCannotBeRefunded();
    void injectedFaults();
    void withoutTheCertificateNoRefund();
    void otherProcessesSeeTheRefunds();
};

void tst_WechatRefunds::aFullRefundIsProcessingThenSucceeds()
{
    WechatV2Provider provider(secureWechatConfig());
    paidTrade(provider, u"F001"_s, 1000);
    const RefundRequest full = request(u"F001"_s, u"F001R1"_s, 1000, 1000);

    const auto accepted = refund(*provider.refunds(), full);
    QVERIFY2(accepted && accepted->ok(), why(accepted).constData());
    QCOMPARE((*accepted)->state, RefundState::Processing);
    QCOMPARE((*accepted)->amount, Fen(1000));
    const auto made = m_gateway->refund(u"F001R1"_s);
    QVERIFY(made);
    QCOMPARE((*accepted)->providerRefundId, made->refundId);
    QCOMPARE(made->state, u"PROCESSING"_s);
    QCOMPARE(made->reason, u"顾客退货"_s);
    QCOMPARE(m_gateway->refundedAmount(u"F001"_s), Fen(0));

    auto queried = queryRefund(*provider.refunds(), full);
    QVERIFY2(queried && queried->ok(), why(queried).constData());
    QCOMPARE((*queried)->state, RefundState::Processing);

    const QDateTime settledAt = m_now.addSecs(3600);
    settle();
    queried = queryRefund(*provider.refunds(), full);
    QVERIFY2(queried && queried->ok(), why(queried).constData());
    QCOMPARE((*queried)->state, RefundState::Success);
    QCOMPARE((*queried)->amount, Fen(1000));
    QCOMPARE((*queried)->providerRefundId, made->refundId);
    QCOMPARE((*queried)->refundedAt, settledAt);
    QCOMPARE(m_gateway->refundedAmount(u"F001"_s), Fen(1000));

    const auto trade = query(provider, u"F001"_s);
    QVERIFY2(trade && trade->ok(), why(trade).constData());
    QCOMPARE((*trade)->state, TradeState::Refund);
    QCOMPARE((*trade)->rawState, u"REFUND"_s);
}

void tst_WechatRefunds::twoPartialRefundsAndOneTooMany()
{
    WechatV2Provider provider(secureWechatConfig());
    Refunds &refunds = *provider.refunds();
    paidTrade(provider, u"P001"_s, 1000);
    const auto first = refund(refunds, request(u"P001"_s, u"P001R1"_s, 1000, 300));
    QVERIFY2(first && first->ok(), why(first).constData());
    const auto second = refund(refunds, request(u"P001"_s, u"P001R2"_s, 1000, 500));
    QVERIFY2(second && second->ok(), why(second).constData());
    QVERIFY((*first)->providerRefundId != (*second)->providerRefundId);

    // 200 is left: 300 more is refused, whether the earlier two settled or not.
    const auto tooMuch = refund(refunds, request(u"P001"_s, u"P001R3"_s, 1000, 300));
    QVERIFY(tooMuch && !tooMuch->ok());
    QCOMPARE(tooMuch->error().code, ErrorCode::Provider);
    QCOMPARE(tooMuch->error().providerCode, u"INVALID_REQUEST"_s);
    QVERIFY(!outcomeUnknown(tooMuch->error()));
    QVERIFY(!m_gateway->refund(u"P001R3"_s));

    settle();
    QVERIFY(queryRefund(refunds, request(u"P001"_s, u"P001R2"_s, 1000, 500)));
    QCOMPARE(m_gateway->refundedAmount(u"P001"_s), Fen(800));
    const auto rest = refund(refunds, request(u"P001"_s, u"P001R4"_s, 1000, 200));
    QVERIFY2(rest && rest->ok(), why(rest).constData());
    const auto nothingLeft = refund(refunds, request(u"P001"_s, u"P001R5"_s, 1000, 1));
    QVERIFY(nothingLeft && !nothingLeft->ok());
    QCOMPARE(nothingLeft->error().providerCode, u"ERROR"_s);
    QVERIFY(!outcomeUnknown(nothingLeft->error()));
    QCOMPARE(m_gateway->refunds().size(), 3);
}

void tst_WechatRefunds::theSameRefundSentAgainIsNotRefundedTwice()
{
    WechatV2Provider provider(secureWechatConfig());
    Refunds &refunds = *provider.refunds();
    paidTrade(provider, u"S001"_s, 1000);
    const RefundRequest once = request(u"S001"_s, u"S001R1"_s, 1000, 400);
    const auto first = refund(refunds, once);
    QVERIFY2(first && first->ok(), why(first).constData());
    const auto again = refund(refunds, once);
    QVERIFY2(again && again->ok(), why(again).constData());
    QCOMPARE((*again)->providerRefundId, (*first)->providerRefundId);
    QCOMPARE(m_gateway->refundRequestCount(u"S001R1"_s), 2);
    QCOMPARE(m_gateway->refund(u"S001R1"_s)->requests, 2);
    QCOMPARE(m_gateway->refunds().size(), 1);
    settle();
    QCOMPARE((*queryRefund(refunds, once))->state, RefundState::Success);
    QCOMPARE(m_gateway->refundedAmount(u"S001"_s), Fen(400));

    // Once settled, the same again is still the same refund.
    const auto late = refund(refunds, once);
    QVERIFY2(late && late->ok(), why(late).constData());
    QCOMPARE(m_gateway->refundedAmount(u"S001"_s), Fen(400));
    QCOMPARE(m_gateway->refundRequestCount(u"S001R1"_s), 3);

    // The same number for another amount is a mistake, refused.
    const auto changed = refund(refunds, request(u"S001"_s, u"S001R1"_s, 1000, 500));
    QVERIFY(changed && !changed->ok());
    QCOMPARE(changed->error().providerCode, u"REFUND_FEE_MISMATCH"_s);
    QVERIFY(!outcomeUnknown(changed->error()));
    QCOMPARE(m_gateway->refundedAmount(u"S001"_s), Fen(400));
}

void tst_WechatRefunds::notEnoughBalanceIsARefusal()
{
    WechatV2Provider provider(secureWechatConfig());
    Refunds &refunds = *provider.refunds();
    paidTrade(provider, u"N001"_s, 1000);
    m_gateway->setRefundBehaviour(u"N001R1"_s, RefundBehaviour::NotEnoughBalance);
    const RefundRequest asked = request(u"N001"_s, u"N001R1"_s, 1000, 600);
    const auto refused = refund(refunds, asked);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::Provider);
    QCOMPARE(refused->error().providerCode, u"NOTENOUGH"_s);
    QVERIFY(!outcomeUnknown(refused->error()));
    QVERIFY(!m_gateway->refund(u"N001R1"_s));
    QCOMPARE((*queryRefund(refunds, asked))->state, RefundState::NotFound);

    // The merchant tops up: the same number is judged afresh.
    m_gateway->setRefundBehaviour(u"N001R1"_s, RefundBehaviour::Succeeds);
    const auto accepted = refund(refunds, asked);
    QVERIFY2(accepted && accepted->ok(), why(accepted).constData());
    QCOMPARE((*accepted)->state, RefundState::Processing);
    QCOMPARE(m_gateway->refundRequestCount(u"N001R1"_s), 2);
}

void tst_WechatRefunds::processedButAnsweredSystemError()
{
    WechatV2Provider provider(secureWechatConfig());
    Refunds &refunds = *provider.refunds();
    paidTrade(provider, u"E001"_s, 1000);
    m_gateway->setRefundBehaviour(u"E001R1"_s, RefundBehaviour::ProcessThenSystemError);
    const RefundRequest asked = request(u"E001"_s, u"E001R1"_s, 1000, 700);
    const auto unknown = refund(refunds, asked);
    QVERIFY(unknown && !unknown->ok());
    QCOMPARE(unknown->error().providerCode, u"SYSTEMERROR"_s);
    QVERIFY(outcomeUnknown(unknown->error()));

    QCOMPARE((*queryRefund(refunds, asked))->state, RefundState::Processing);
    settle();
    const auto truth = queryRefund(refunds, asked);
    QVERIFY2(truth && truth->ok(), why(truth).constData());
    QCOMPARE((*truth)->state, RefundState::Success);
    QCOMPARE((*truth)->amount, Fen(700));
    // Sent again, as after any unknown outcome: the same refund, answered truthfully.
    const auto again = refund(refunds, asked);
    QVERIFY2(again && again->ok(), why(again).constData());
    QCOMPARE(m_gateway->refundedAmount(u"E001"_s), Fen(700));
}

void tst_WechatRefunds::refundsOfTradesThatCannotBeRefunded()
{
    WechatV2Provider provider(secureWechatConfig());
    const auto unknown = refund(*provider.refunds(), request(u"U001"_s, u"U001R1"_s, 1000, 100));
    QVERIFY(unknown && !unknown->ok());
    QCOMPARE(unknown->error().providerCode, u"ORDERNOTEXIST"_s);
    QVERIFY(!outcomeUnknown(unknown->error()));

    paidTrade(provider, u"U002"_s, 1000);
    const auto wrongTotal = refund(*provider.refunds(), request(u"U002"_s, u"U002R1"_s, 999, 100));
    QVERIFY(wrongTotal && !wrongTotal->ok());
    QCOMPARE(wrongTotal->error().providerCode, u"REFUND_FEE_MISMATCH"_s);
    // More than the whole trade: the gateway refuses it before any business.
    const auto overTotal = refund(*provider.refunds(), request(u"U002"_s, u"U002R2"_s, 1000, 1001));
    QVERIFY(overTotal && !overTotal->ok());
    QCOMPARE(overTotal->error().code, ErrorCode::Gateway);
    QVERIFY(!outcomeUnknown(overTotal->error()));
    QVERIFY(m_gateway->refunds().isEmpty());
}

void tst_WechatRefunds::injectedFaults()
{
    WechatV2Provider provider(secureWechatConfig());
    paidTrade(provider, u"X001"_s, 1000);
    const RefundRequest asked = request(u"X001"_s, u"X001R1"_s, 1000, 100);
    m_gateway->injectFault(u"/secapi/pay/refund"_s, SandboxFault::SystemError);
    const auto systemError = refund(*provider.refunds(), asked);
    QVERIFY(systemError && !systemError->ok());
    QVERIFY(outcomeUnknown(systemError->error()));
    QVERIFY(!m_gateway->refund(u"X001R1"_s)); // not processed

    m_gateway->injectFault(u"/secapi/pay/refund"_s, SandboxFault::Http500);
    const auto http = refund(*provider.refunds(), asked);
    QVERIFY(http && !http->ok());
    QCOMPARE(http->error().code, ErrorCode::Http);

    m_gateway->injectFault(u"/secapi/pay/refund"_s, SandboxFault::BadSignature);
    const auto forged = refund(*provider.refunds(), asked);
    QVERIFY(forged && !forged->ok());
    QCOMPARE(forged->error().code, ErrorCode::BadSignature);
    QVERIFY(m_gateway->refund(u"X001R1"_s)); // processed all the same

    m_gateway->injectFault(u"/pay/refundquery"_s, SandboxFault::Http500);
    const auto queried = queryRefund(*provider.refunds(), asked);
    QVERIFY(queried && !queried->ok());
    QCOMPARE(queried->error().code, ErrorCode::Http);
    QCOMPARE((*queryRefund(*provider.refunds(), asked))->state, RefundState::Processing);
    // The HTTP 500 came from in front of the gateway, which never saw that request.
    QCOMPARE(m_gateway->refundRequestCount(u"X001R1"_s), 2);
}

void tst_WechatRefunds::withoutTheCertificateNoRefund()
{
    WechatConfig config = secureWechatConfig();
    config.clientCertificate = ClientCertificate{};
    WechatV2Provider noCertificate(config);
    paidTrade(noCertificate, u"C001"_s, 1000);
    const RefundRequest asked = request(u"C001"_s, u"C001R1"_s, 1000, 100);
    const auto refused = refund(*noCertificate.refunds(), asked);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::Config);
    QCOMPARE(m_gateway->requestCount(u"/secapi/pay/refund"_s), 0);

    // Another authority's certificate fails the handshake.
    config = secureWechatConfig();
    const SandboxTlsMaterial stranger = SandboxTlsMaterial::generate(config.merchantId);
    config.clientCertificate.certificate = stranger.clientCertificate;
    config.clientCertificate.key = stranger.clientKey;
    WechatV2Provider strangers(config);
    const auto handshake = refund(*strangers.refunds(), asked);
    QVERIFY(handshake && !handshake->ok());
    QCOMPARE(handshake->error().code, ErrorCode::Network);

    // The plain endpoint answers the gateway's "no certificate".
    config = secureWechatConfig();
    config.secapiBaseUrl = m_gateway->baseUrl();
    WechatV2Provider plain(config);
    const auto noTls = refund(*plain.refunds(), asked);
    QVERIFY(noTls && !noTls->ok());
    QCOMPARE(noTls->error().code, ErrorCode::Gateway);
    QCOMPARE(m_gateway->refundRequestCount(u"C001R1"_s), 0);
    QVERIFY(m_gateway->refunds().isEmpty());
}

void tst_WechatRefunds::otherProcessesSeeTheRefunds()
{
    WechatV2Provider provider(secureWechatConfig());
    paidTrade(provider, u"J001"_s, 1000);
    const RefundRequest asked = request(u"J001"_s, u"J001R1"_s, 1000, 300);
    QVERIFY(refund(*provider.refunds(), asked));
    QVERIFY(refund(*provider.refunds(), asked));
    settle();

    // As a test in another process sees it: GET /sandbox/trades, which brings the
    // refunds up to the gateway's clock.
    QNetworkAccessManager network;
    QUrl url = m_gateway->baseUrl();
    url.setPath(SandboxGateway::kTradesPath);
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    const QJsonArray rows = QJsonDocument::fromJson(reply->readAll()).array();
    reply->deleteLater();
    QCOMPARE(rows.size(), 1);
    const QJsonObject trade = rows.first().toObject();
    QCOMPARE(trade.value(u"out_trade_no"_s).toString(), u"J001"_s);
    QCOMPARE(trade.value(u"state"_s).toString(), u"REFUND"_s);
    const QJsonArray refunds = trade.value(u"refunds"_s).toArray();
    QCOMPARE(refunds.size(), 1);
    const QJsonObject made = refunds.first().toObject();
    QCOMPARE(made.value(u"out_refund_no"_s).toString(), u"J001R1"_s);
    QCOMPARE(made.value(u"refund_fee"_s).toString(), u"300"_s);
    QCOMPARE(made.value(u"requests"_s).toInt(), 2);
    QCOMPARE(made.value(u"state"_s).toString(), u"SUCCESS"_s);
}

QTEST_MAIN(tst_WechatRefunds)
#include "tst_wechatrefunds.moc"
