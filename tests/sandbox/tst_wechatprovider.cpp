// The real WeChat Pay v2 provider against the sandbox gateway over loopback: the whole
// client path (signing, HTTP, strict parsing, verification, error mapping) as production
// runs it.

#include "awaitresult.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <ctime>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;
using shouyin::testing::await;
using shouyin::testing::kWaitMs;

namespace {

template<typename T> bool succeeded(const std::optional<Result<T>> &result)
{
    return result && result->ok();
}

// Why a result failed, for a test's failure message; evaluated even when it did not.
template<typename T> QByteArray why(const std::optional<Result<T>> &result)
{
    if (!result)
        return "no answer";
    if (result->ok())
        return {};
    return (result->error().name() + u": "_s + result->error().message).toUtf8();
}

} // namespace

class tst_WechatProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createQr_data();
    void createQr();
    void hmacRepliesNeedNotSayHowTheyAreSigned();
    void queryNotPayThenSuccess_data();
    void queryNotPayThenSuccess();
    void queryUnknownTradeIsNotFound();
    void closeNotPay();
    void closePaidTrade();
    void closeClosedOrUnknownTrade();
    void outTradeNoUsed();
    void retryAfterTimeoutGetsSameQr();
    void wrongKeyIsGatewayError();
    void systemError();
    void badSignatureIsRefused();
    void malformedReply();
    void http500();
    void noReplyTimesOut();
    void unreachableGateway();
    void callbackSkippedWhenContextDestroyed();

private:
    WechatConfig config(WechatSignType signType = WechatSignType::HmacSha256,
                        int timeoutMs = 5000) const;
    QrRequest qrRequest(const QString &payNo, Fen amount = 1234) const;
    std::optional<Result<QrTicket>> createQr(WechatV2Provider &provider, const QrRequest &request);
    std::optional<Result<TradeSnapshot>> query(WechatV2Provider &provider, const QString &payNo);
    std::optional<Result<CloseResult>> close(WechatV2Provider &provider, const QString &payNo);

    std::unique_ptr<SandboxGateway> m_gateway;
};

void tst_WechatProvider::initTestCase()
{
    // The gateway speaks Beijing time; the till must not care what zone it is in. ctest
    // sets this already; a bare run of the binary gets it too.
    if (qEnvironmentVariableIsEmpty("TZ")) {
        qputenv("TZ", "America/New_York");
        tzset();
    }
    QVERIFY(QDateTime::currentDateTime().offsetFromUtc() != 8 * 3600);
}

void tst_WechatProvider::init()
{
    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    QVERIFY(m_gateway->listen() != 0);
}

void tst_WechatProvider::cleanup()
{
    m_gateway.reset();
}

WechatConfig tst_WechatProvider::config(WechatSignType signType, int timeoutMs) const
{
    WechatConfig config = shouyin::testing::sandboxWechatConfig(*m_gateway, timeoutMs);
    config.notifyUrl = u"https://pos.example.com/notify/wechat"_s;
    config.signType = signType;
    return config;
}

QrRequest tst_WechatProvider::qrRequest(const QString &payNo, Fen amount) const
{
    QrRequest request;
    request.payNo = payNo;
    request.amount = amount;
    request.description = u"收银 Shouyin 测试"_s;
    // Local time on purpose: the provider must convert to Beijing time itself.
    request.createdAt = QDateTime::currentDateTime();
    request.expiresAt = request.createdAt.addSecs(5 * 60);
    return request;
}

std::optional<Result<QrTicket>> tst_WechatProvider::createQr(WechatV2Provider &provider,
                                                             const QrRequest &request)
{
    return await<QrTicket>(
        [&](QObject *context, auto done) { provider.createQr(request, context, std::move(done)); });
}

std::optional<Result<TradeSnapshot>> tst_WechatProvider::query(WechatV2Provider &provider,
                                                               const QString &payNo)
{
    return await<TradeSnapshot>(
        [&](QObject *context, auto done) { provider.query(payNo, context, std::move(done)); });
}

std::optional<Result<CloseResult>> tst_WechatProvider::close(WechatV2Provider &provider,
                                                             const QString &payNo)
{
    return await<CloseResult>(
        [&](QObject *context, auto done) { provider.close(payNo, context, std::move(done)); });
}

void tst_WechatProvider::createQr_data()
{
    QTest::addColumn<WechatSignType>("signType");
    QTest::addRow("MD5") << WechatSignType::Md5;
    QTest::addRow("HMAC-SHA256") << WechatSignType::HmacSha256;
}

void tst_WechatProvider::createQr()
{
    QFETCH(WechatSignType, signType);
    WechatV2Provider provider(config(signType));
    const QrRequest request = qrRequest(u"W001"_s, 1234);
    const auto ticket = createQr(provider, request);
    QVERIFY(ticket);
    QVERIFY2(ticket->ok(), why(ticket).constData());
    QVERIFY((*ticket)->codeUrl.startsWith(u"weixin://wxpay/bizpayurl?pr="_s));

    const auto trade = m_gateway->trade(u"W001"_s);
    QVERIFY(trade);
    QCOMPARE(trade->codeUrl, (*ticket)->codeUrl);
    QCOMPARE(trade->totalFee, Fen(1234));
    QCOMPARE(trade->body, request.description);
    QCOMPARE(trade->signType, signType);
    QCOMPARE(trade->tradeType, u"NATIVE"_s);
    // time_expire went over the wire in Beijing time and came back the same instant.
    QCOMPARE(trade->expiresAt.toSecsSinceEpoch(), request.expiresAt.toSecsSinceEpoch());
}

void tst_WechatProvider::hmacRepliesNeedNotSayHowTheyAreSigned()
{
    // As the official SDK expects: a reply to an HMAC-SHA256 request is signed HMAC-SHA256
    // whether or not it carries sign_type. Checking it as MD5 failed every sale.
    m_gateway->setWechatRepliesNameSignType(false);
    WechatV2Provider provider(config(WechatSignType::HmacSha256));
    const auto ticket = createQr(provider, qrRequest(u"W0HMAC"_s));
    QVERIFY2(succeeded(ticket), why(ticket).constData());
    const auto snapshot = query(provider, u"W0HMAC"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::NotPay);
    const auto closed = close(provider, u"W0HMAC"_s);
    QVERIFY2(succeeded(closed), why(closed).constData());
}

void tst_WechatProvider::queryNotPayThenSuccess_data()
{
    createQr_data();
}

void tst_WechatProvider::queryNotPayThenSuccess()
{
    QFETCH(WechatSignType, signType);
    WechatV2Provider provider(config(signType));
    const auto ticket = createQr(provider, qrRequest(u"W002"_s, 8800));
    QVERIFY2(succeeded(ticket), why(ticket).constData());

    auto snapshot = query(provider, u"W002"_s);
    QVERIFY(snapshot);
    QVERIFY2(snapshot->ok(), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::NotPay);
    QCOMPARE((*snapshot)->rawState, u"NOTPAY"_s);
    QCOMPARE((*snapshot)->payNo, u"W002"_s);
    QCOMPARE((*snapshot)->amount, Fen(8800));
    QVERIFY((*snapshot)->transactionId.isEmpty());
    QVERIFY(!(*snapshot)->paidAt.isValid());

    QVERIFY(m_gateway->payCodeUrl((*ticket)->codeUrl));
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();

    snapshot = query(provider, u"W002"_s);
    QVERIFY(snapshot);
    QVERIFY2(snapshot->ok(), why(snapshot).constData());
    const TradeSnapshot &paid = snapshot->value();
    const auto trade = m_gateway->trade(u"W002"_s);
    QCOMPARE(paid.state, TradeState::Success);
    QCOMPARE(outcomeOf(paid.state), TradeOutcome::Paid);
    QCOMPARE(paid.amount, Fen(8800));
    QCOMPARE(paid.transactionId, trade->transactionId);
    QVERIFY(!paid.transactionId.isEmpty());
    QCOMPARE(paid.appId, provider.appId());
    QCOMPARE(paid.merchantId, provider.merchantId());
    QVERIFY(paid.paidAt.isValid());
    QCOMPARE(paid.paidAt.timeSpec(), Qt::UTC);
    QCOMPARE(paid.paidAt, trade->paidAt);
    // Hours off would mean a time zone was applied twice or not at all.
    QVERIFY2(qAbs(paid.paidAt.secsTo(nowUtc)) < 120, qPrintable(paid.paidAt.toString(Qt::ISODate)));
}

void tst_WechatProvider::queryUnknownTradeIsNotFound()
{
    WechatV2Provider provider(config());
    const auto snapshot = query(provider, u"W003"_s);
    QVERIFY(snapshot);
    QVERIFY2(snapshot->ok(), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::NotFound);
    QCOMPARE(outcomeOf((*snapshot)->state), TradeOutcome::Pending);
}

void tst_WechatProvider::closeNotPay()
{
    WechatV2Provider provider(config());
    QVERIFY(succeeded(createQr(provider, qrRequest(u"W004"_s))));
    const auto closed = close(provider, u"W004"_s);
    QVERIFY(closed);
    QVERIFY2(closed->ok(), why(closed).constData());
    QCOMPARE(closed->value(), CloseResult::Closed);
    QCOMPARE(m_gateway->trade(u"W004"_s)->state, u"CLOSED"_s);

    const auto snapshot = query(provider, u"W004"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Closed);
    QCOMPARE(outcomeOf((*snapshot)->state), TradeOutcome::Failed);
}

void tst_WechatProvider::closePaidTrade()
{
    WechatV2Provider provider(config(WechatSignType::Md5));
    QVERIFY(succeeded(createQr(provider, qrRequest(u"W005"_s))));
    QVERIFY(m_gateway->pay(u"W005"_s));
    const auto closed = close(provider, u"W005"_s);
    QVERIFY(closed);
    QVERIFY2(closed->ok(), why(closed).constData());
    QCOMPARE(closed->value(), CloseResult::AlreadyPaid);
    QCOMPARE(m_gateway->trade(u"W005"_s)->state, u"SUCCESS"_s);
}

void tst_WechatProvider::closeClosedOrUnknownTrade()
{
    WechatV2Provider provider(config());
    QVERIFY(succeeded(createQr(provider, qrRequest(u"W006"_s))));
    QVERIFY(succeeded(close(provider, u"W006"_s)));
    // Closed twice, or never created: either way it can no longer be paid.
    auto closed = close(provider, u"W006"_s);
    QVERIFY2(succeeded(closed), why(closed).constData());
    QCOMPARE(closed->value(), CloseResult::Closed);
    closed = close(provider, u"W007"_s);
    QVERIFY2(succeeded(closed), why(closed).constData());
    QCOMPARE(closed->value(), CloseResult::Closed);
}

void tst_WechatProvider::outTradeNoUsed()
{
    WechatV2Provider provider(config());
    QVERIFY(succeeded(createQr(provider, qrRequest(u"W008"_s, 100))));
    const auto reused = createQr(provider, qrRequest(u"W008"_s, 200));
    QVERIFY(reused);
    QVERIFY(!reused->ok());
    QCOMPARE(reused->error().name(), u"OUT_TRADE_NO_USED"_s);
    QVERIFY(!outcomeUnknown(reused->error()));
}

void tst_WechatProvider::retryAfterTimeoutGetsSameQr()
{
    WechatV2Provider provider(config(WechatSignType::HmacSha256, 300));
    m_gateway->injectFault(u"/pay/unifiedorder"_s, SandboxFault::NoReply);
    const QrRequest request = qrRequest(u"W009"_s);
    const auto lost = createQr(provider, request);
    QVERIFY(lost);
    QVERIFY(!lost->ok());
    QCOMPARE(lost->error().code, ErrorCode::Timeout);
    QVERIFY(outcomeUnknown(lost->error()));

    const auto retry = createQr(provider, request);
    QVERIFY(retry);
    QVERIFY2(retry->ok(), why(retry).constData());
    QCOMPARE((*retry)->codeUrl, m_gateway->trade(u"W009"_s)->codeUrl);
    QCOMPARE(m_gateway->trades().size(), 1);
}

void tst_WechatProvider::wrongKeyIsGatewayError()
{
    WechatConfig wrong = config();
    wrong.key = "00000000000000000000000000000000";
    WechatV2Provider provider(wrong);
    const auto ticket = createQr(provider, qrRequest(u"W010"_s));
    QVERIFY(ticket);
    QVERIFY(!ticket->ok());
    QCOMPARE(ticket->error().code, ErrorCode::Gateway);
    QVERIFY2(ticket->error().message.contains(u"签名错误"_s), qPrintable(ticket->error().message));
    QVERIFY(!outcomeUnknown(ticket->error()));
    QVERIFY(!m_gateway->trade(u"W010"_s));
}

void tst_WechatProvider::systemError()
{
    WechatV2Provider provider(config());
    m_gateway->injectFault(u"/pay/unifiedorder"_s, SandboxFault::SystemError);
    const auto ticket = createQr(provider, qrRequest(u"W011"_s));
    QVERIFY(ticket);
    QVERIFY(!ticket->ok());
    QCOMPARE(ticket->error().name(), u"SYSTEMERROR"_s);
    QVERIFY(outcomeUnknown(ticket->error()));

    QVERIFY(succeeded(createQr(provider, qrRequest(u"W011"_s))));
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::SystemError);
    const auto snapshot = query(provider, u"W011"_s);
    QVERIFY(snapshot);
    QVERIFY(!snapshot->ok());
    QCOMPARE(snapshot->error().name(), u"SYSTEMERROR"_s);
    QVERIFY(outcomeUnknown(snapshot->error()));

    m_gateway->injectFault(u"/pay/closeorder"_s, SandboxFault::SystemError);
    const auto closed = close(provider, u"W011"_s);
    QVERIFY(closed);
    QVERIFY(!closed->ok());
    QCOMPARE(closed->error().name(), u"SYSTEMERROR"_s);
    QCOMPARE(m_gateway->trade(u"W011"_s)->state, u"NOTPAY"_s);
}

void tst_WechatProvider::badSignatureIsRefused()
{
    WechatV2Provider provider(config());
    QVERIFY(succeeded(createQr(provider, qrRequest(u"W012"_s))));
    QVERIFY(m_gateway->pay(u"W012"_s));
    // A "paid" answer that is not signed by the gateway must not be believed.
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::BadSignature);
    const auto snapshot = query(provider, u"W012"_s);
    QVERIFY(snapshot);
    QVERIFY(!snapshot->ok());
    QCOMPARE(snapshot->error().code, ErrorCode::BadSignature);
    QVERIFY(outcomeUnknown(snapshot->error()));
    // The fault was one reply: the next one is believed again.
    const auto again = query(provider, u"W012"_s);
    QVERIFY2(succeeded(again), why(again).constData());
    QCOMPARE(again->value().state, TradeState::Success);
}

void tst_WechatProvider::malformedReply()
{
    WechatV2Provider provider(config());
    m_gateway->injectFault(u"/pay/unifiedorder"_s, SandboxFault::Malformed);
    const auto ticket = createQr(provider, qrRequest(u"W013"_s));
    QVERIFY(ticket);
    QVERIFY(!ticket->ok());
    QCOMPARE(ticket->error().code, ErrorCode::BadResponse);
    QVERIFY(outcomeUnknown(ticket->error()));
}

void tst_WechatProvider::http500()
{
    WechatV2Provider provider(config());
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Http500);
    const auto snapshot = query(provider, u"W014"_s);
    QVERIFY(snapshot);
    QVERIFY(!snapshot->ok());
    QCOMPARE(snapshot->error().code, ErrorCode::Http);
    QVERIFY(outcomeUnknown(snapshot->error()));
}

void tst_WechatProvider::noReplyTimesOut()
{
    WechatV2Provider provider(config(WechatSignType::HmacSha256, 300));
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::NoReply);
    const auto snapshot = query(provider, u"W015"_s);
    QVERIFY(snapshot);
    QVERIFY(!snapshot->ok());
    QCOMPARE(snapshot->error().code, ErrorCode::Timeout);
    QVERIFY(outcomeUnknown(snapshot->error()));
    QCOMPARE(m_gateway->requestCount(u"/pay/orderquery"_s), 1);
}

void tst_WechatProvider::unreachableGateway()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    WechatConfig unreachable = config();
    unreachable.baseUrl.setPort(probe.serverPort());
    probe.close(); // nothing listens there any more

    WechatV2Provider provider(unreachable);
    const auto snapshot = query(provider, u"W016"_s);
    QVERIFY(snapshot);
    QVERIFY(!snapshot->ok());
    QCOMPARE(snapshot->error().code, ErrorCode::Network);
    QVERIFY(outcomeUnknown(snapshot->error()));
}

void tst_WechatProvider::callbackSkippedWhenContextDestroyed()
{
    WechatV2Provider provider(config());
    QVERIFY(succeeded(createQr(provider, qrRequest(u"W017"_s))));

    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Latency, 1, 300ms);
    bool called = false;
    auto doomed = std::make_unique<QObject>();
    provider.query(u"W017"_s, doomed.get(), [&called](Result<TradeSnapshot>) { called = true; });
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->requestCount(u"/pay/orderquery"_s), 1, kWaitMs);
    doomed.reset();

    // A later, slower call is a fence: when it is answered, the first answer (sent a
    // second earlier) has been delivered too.
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Latency, 1, 1300ms);
    const auto fence = query(provider, u"W017"_s);
    QVERIFY2(succeeded(fence), why(fence).constData());
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(tst_WechatProvider)
#include "tst_wechatprovider.moc"
