// Payment codes (付款码) at the sandbox gateway over real loopback sockets: WeChat's
// micropay and reverse (on the TLS endpoint), Alipay's trade.pay and trade.cancel, every
// scripted customer, the faults that hide a charge's outcome, and WeChat giving up on an
// unconfirmed charge after 45 s on the gateway's (injected) clock.

#include "pay/alipay/alipayform.h"
#include "pay/alipay/alipayresponse.h"
#include "pay/alipay/alipaysigner.h"
#include "pay/alipay/alipaytime.h"
#include "pay/wechat/wechattime.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxtestfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

namespace {

const QString kWechatCode = u"134567890123456789"_s;
const QString kAlipayCode = u"286543210987654321"_s;

// The value, or an empty one whose fields then compare unequal to what a test expects.
template<typename T> T orEmpty(Result<T> result)
{
    return result ? std::move(result).value() : T{};
}

} // namespace

class tst_SandboxCodePay : public SandboxTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { stopGateway(); }

    void wechatPaysAtOnce();
    void wechatConfirmsAfterDelayInRealTime();
    void wechatConfirmsAfterDelayOnTheClock();
    void wechatWrongPasswordFails();
    void wechatGivesUpAfter45Seconds();
    void wechatCustomerConfirmsThroughPay();
    void wechatRefusals_data();
    void wechatRefusals();
    void wechatInvalidCodeMakesNoTrade_data();
    void wechatInvalidCodeMakesNoTrade();
    void wechatRepeatedOutTradeNo();
    void wechatMicropayNeedsAuthCode();
    void wechatUnknownOutcomeFaults_data();
    void wechatUnknownOutcomeFaults();
    void wechatTransportFaults();
    void sampleCodesMapToTheirBehaviour();

    void reverseOnPlainPortRefused();
    void reverseRules();
    void reverseRecallFaults_data();
    void reverseRecallFaults();

    void alipayPaysAtOnce();
    void alipayWaitsThenPays();
    void alipayNeverConfirmsStaysWaiting();
    void alipayWrongPasswordCloses();
    void alipayRefusals_data();
    void alipayRefusals();
    void alipayUnknownOutcomeFaults();
    void alipayCancel();
    void alipayCancelRecall();

private:
    Params micropay(const QString &outTradeNo, const QString &code, Fen fee = 100)
    {
        return orEmpty(call(u"/pay/micropay"_s, {{u"body"_s, u"收银测试-Code"_s},
                                                 {u"out_trade_no"_s, outTradeNo},
                                                 {u"total_fee"_s, QString::number(fee)},
                                                 {u"spbill_create_ip"_s, u"127.0.0.1"_s},
                                                 {u"auth_code"_s, code}}));
    }
    Params query(const QString &outTradeNo)
    {
        return orEmpty(call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, outTradeNo}}));
    }
    // trade_state, or the err_code of a trade the gateway does not know.
    QString wechatState(const QString &outTradeNo)
    {
        const Params reply = query(outTradeNo);
        return reply.value(u"result_code"_s) == u"SUCCESS" ? reply.value(u"trade_state"_s)
                                                           : reply.value(u"err_code"_s);
    }
    HttpResult postSecure(const QString &path, const QByteArray &body)
    {
        QUrl url = m_gateway->secureBaseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/xml"_s);
        request.setSslConfiguration(m_gateway->tls().clientConfiguration());
        return waitFor(m_network->post(request, body));
    }
    Params reverse(const QString &outTradeNo)
    {
        const HttpResult http = postSecure(
            u"/secapi/pay/reverse"_s, FlatXml::encode(sign({{u"out_trade_no"_s, outTradeNo}})));
        return http.status == 200 ? orEmpty(FlatXml::decode(http.body)) : Params{};
    }

    QJsonObject alipay(const QString &method, const QJsonObject &biz)
    {
        const SandboxAlipayMerchant &app = SandboxAlipayProtocol::trainingMerchant();
        Params params{{u"app_id"_s, app.appId},
                      {u"method"_s, method},
                      {u"format"_s, u"JSON"_s},
                      {u"charset"_s, u"utf-8"_s},
                      {u"sign_type"_s, u"RSA2"_s},
                      {u"timestamp"_s, alipaytime::format(QDateTime::currentDateTimeUtc())},
                      {u"version"_s, u"1.0"_s},
                      {u"biz_content"_s,
                       QString::fromUtf8(QJsonDocument(biz).toJson(QJsonDocument::Compact))}};
        params.insert(u"sign"_s,
                      QString::fromLatin1(AlipaySigner::signRequest(params, app.appKey)));
        const HttpResult http = post(u"/gateway.do"_s, alipayform::encode(params),
                                     u"application/x-www-form-urlencoded;charset=utf-8"_s);
        return orEmpty(AlipayResponse::decode(http.body, method, app.alipayKey.publicKey()));
    }
    QJsonObject alipayPay(const QString &outTradeNo, const QString &code)
    {
        return alipay(u"alipay.trade.pay"_s, {{u"out_trade_no"_s, outTradeNo},
                                              {u"scene"_s, u"bar_code"_s},
                                              {u"auth_code"_s, code},
                                              {u"subject"_s, u"收银测试"_s},
                                              {u"total_amount"_s, u"1.23"_s}});
    }
    QJsonObject alipayCancel(const QString &outTradeNo)
    {
        return alipay(u"alipay.trade.cancel"_s, {{u"out_trade_no"_s, outTradeNo}});
    }
    // trade_status, or the sub_code of a trade Alipay does not know.
    QString alipayStatus(const QString &outTradeNo)
    {
        const QJsonObject reply =
            alipay(u"alipay.trade.query"_s, {{u"out_trade_no"_s, outTradeNo}});
        return text(reply, "code") == u"10000" ? text(reply, "trade_status")
                                               : text(reply, "sub_code");
    }
    static QString text(const QJsonObject &reply, const char *field)
    {
        return reply.value(QString::fromLatin1(field)).toString();
    }

    QDateTime m_now;
};

void tst_SandboxCodePay::init()
{
    startGateway();
    QVERIFY(m_gateway->listenSecure() != 0);
    // Whole seconds, as time_end and gmt_payment have them.
    m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    m_gateway->setClock([this] { return m_now; });
}

void tst_SandboxCodePay::wechatPaysAtOnce()
{
    const Params reply = micropay(u"C001"_s, kWechatCode, 1234);
    QVERIFY(WechatSigner::verify(reply, m_merchant.key));
    QCOMPARE(reply.value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply.value(u"trade_type"_s), u"MICROPAY"_s);
    QCOMPARE(reply.value(u"total_fee"_s), u"1234"_s);
    QCOMPARE(reply.value(u"cash_fee"_s), u"1234"_s);
    QCOMPARE(reply.value(u"out_trade_no"_s), u"C001"_s);
    QCOMPARE(reply.value(u"time_end"_s), wechattime::format(m_now));
    QVERIFY(reply.value(u"transaction_id"_s).startsWith(u"4200"_s));
    QVERIFY(!reply.value(u"openid"_s).isEmpty());
    QVERIFY(!reply.value(u"bank_type"_s).isEmpty());

    const Params queried = query(u"C001"_s);
    QCOMPARE(queried.value(u"trade_state"_s), u"SUCCESS"_s);
    QCOMPARE(queried.value(u"trade_type"_s), u"MICROPAY"_s);
    QCOMPARE(queried.value(u"transaction_id"_s), reply.value(u"transaction_id"_s));
    // WeChat never notifies a micropay, even with notifications on.
    QVERIFY(m_gateway->notificationsEnabled());
    QCOMPARE(m_gateway->notificationsSent(u"C001"_s), 0);
    const auto trade = m_gateway->trade(u"C001"_s);
    QVERIFY(trade);
    QCOMPARE(trade->authCode, kWechatCode);
    QCOMPARE(trade->provider, u"wechat"_s);
    const QJsonObject row = m_gateway->tradesJson().first().toObject();
    QCOMPARE(row.value(u"trade_type"_s).toString(), u"MICROPAY"_s);
    QCOMPARE(row.value(u"state"_s).toString(), u"SUCCESS"_s);
}

void tst_SandboxCodePay::wechatConfirmsAfterDelayInRealTime()
{
    m_gateway->setCodeCustomer(kWechatCode, CodeCustomer::ConfirmsAfter, 200ms);
    QSignalSpy changed(m_gateway.get(), &SandboxGateway::tradeChanged);
    const Params reply = micropay(u"C002"_s, kWechatCode);
    QCOMPARE(reply.value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"err_code"_s), u"USERPAYING"_s);
    QCOMPARE(wechatState(u"C002"_s), u"USERPAYING"_s);
    // The gateway's clock stands still: only the real-time timer can get it paid.
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->trade(u"C002"_s)->state, u"SUCCESS"_s, kWaitMs);
    QCOMPARE(changed.last().at(1).toString(), u"SUCCESS"_s);
    const Params queried = query(u"C002"_s);
    QCOMPARE(queried.value(u"trade_state"_s), u"SUCCESS"_s);
    QVERIFY(!queried.value(u"transaction_id"_s).isEmpty());
    QCOMPARE(queried.value(u"time_end"_s), wechattime::format(m_now));
}

void tst_SandboxCodePay::wechatConfirmsAfterDelayOnTheClock()
{
    m_gateway->setCodeCustomer(kWechatCode, CodeCustomer::ConfirmsAfter, 20s);
    QCOMPARE(micropay(u"C003"_s, kWechatCode).value(u"err_code"_s), u"USERPAYING"_s);
    m_now = m_now.addSecs(19);
    QCOMPARE(wechatState(u"C003"_s), u"USERPAYING"_s);
    const QDateTime typed = m_now.addSecs(1);
    m_now = m_now.addSecs(5); // asked late: paid when the password was typed
    const Params queried = query(u"C003"_s);
    QCOMPARE(queried.value(u"trade_state"_s), u"SUCCESS"_s);
    QCOMPARE(queried.value(u"time_end"_s), wechattime::format(typed));
}

void tst_SandboxCodePay::wechatWrongPasswordFails()
{
    m_gateway->setCodeCustomer(kWechatCode, CodeCustomer::WrongPassword, 10s);
    QCOMPARE(micropay(u"C004"_s, kWechatCode).value(u"err_code"_s), u"USERPAYING"_s);
    m_now = m_now.addSecs(10);
    QCOMPARE(wechatState(u"C004"_s), u"PAYERROR"_s);
    QVERIFY(m_gateway->trade(u"C004"_s)->transactionId.isEmpty());
}

void tst_SandboxCodePay::wechatGivesUpAfter45Seconds()
{
    m_gateway->setCodeCustomer(kWechatCode, CodeCustomer::NeverConfirms);
    const QString lateCode = u"104444444444444444"_s; // types the password too late
    m_gateway->setCodeCustomer(lateCode, CodeCustomer::ConfirmsAfter, 60s);
    QCOMPARE(micropay(u"C005"_s, kWechatCode).value(u"err_code"_s), u"USERPAYING"_s);
    QCOMPARE(micropay(u"C006"_s, lateCode).value(u"err_code"_s), u"USERPAYING"_s);
    m_now = m_now.addSecs(44);
    QCOMPARE(wechatState(u"C005"_s), u"USERPAYING"_s);
    QCOMPARE(wechatState(u"C006"_s), u"USERPAYING"_s);
    m_now = m_now.addSecs(1);
    QCOMPARE(wechatState(u"C005"_s), u"PAYERROR"_s);
    m_now = m_now.addSecs(30);
    QCOMPARE(wechatState(u"C006"_s), u"PAYERROR"_s);
    // Nothing was taken: the reverse that follows just ends it.
    const Params reversed = reverse(u"C005"_s);
    QCOMPARE(reversed.value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(reversed.value(u"recall"_s), u"N"_s);
    QCOMPARE(wechatState(u"C005"_s), u"REVOKED"_s);
}

void tst_SandboxCodePay::wechatCustomerConfirmsThroughPay()
{
    m_gateway->setCodeCustomer(kWechatCode, CodeCustomer::NeverConfirms);
    m_gateway->setAutoPayDelay(0ms); // for QR trades only: it must leave this one alone
    QCOMPARE(micropay(u"C007"_s, kWechatCode).value(u"err_code"_s), u"USERPAYING"_s);
    QTest::qWait(50);
    QCOMPARE(wechatState(u"C007"_s), u"USERPAYING"_s);
    QVERIFY(m_gateway->pay(u"C007"_s));
    QCOMPARE(wechatState(u"C007"_s), u"SUCCESS"_s);
    QCOMPARE(m_gateway->notificationsSent(u"C007"_s), 0);
    QCOMPARE(m_gateway->pay(u"C007"_s).error().name(), u"ORDERPAID"_s);

    m_gateway->setCodeCustomer(kWechatCode, CodeCustomer::NotEnoughBalance);
    QCOMPARE(micropay(u"C008"_s, kWechatCode).value(u"err_code"_s), u"NOTENOUGH"_s);
    QCOMPARE(m_gateway->pay(u"C008"_s).error().name(), u"PAYERROR"_s);
}

void tst_SandboxCodePay::wechatRefusals_data()
{
    QTest::addColumn<CodeCustomer>("customer");
    QTest::addColumn<QString>("errCode");
    QTest::addColumn<QString>("description");
    QTest::newRow("balance") << CodeCustomer::NotEnoughBalance << u"NOTENOUGH"_s << u"余额不足"_s;
    QTest::newRow("expired") << CodeCustomer::CodeExpired << u"AUTHCODEEXPIRE"_s
                             << u"二维码已过期，请用户在微信上刷新后再试"_s;
    QTest::newRow("card") << CodeCustomer::CardNotSupported << u"NOTSUPORTCARD"_s
                          << u"不支持卡类型"_s;
}

void tst_SandboxCodePay::wechatRefusals()
{
    QFETCH(CodeCustomer, customer);
    QFETCH(QString, errCode);
    QFETCH(QString, description);
    m_gateway->setDefaultCodeCustomer(customer);
    const Params reply = micropay(u"C010"_s, kWechatCode);
    QVERIFY(WechatSigner::verify(reply, m_merchant.key));
    QCOMPARE(reply.value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"err_code"_s), errCode);
    QCOMPARE(reply.value(u"err_code_des"_s), description);
    QVERIFY(!reply.contains(u"transaction_id"_s));
    QCOMPARE(wechatState(u"C010"_s), u"PAYERROR"_s);
}

void tst_SandboxCodePay::wechatInvalidCodeMakesNoTrade_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("17 digits") << u"13456789012345678"_s;
    QTest::newRow("19 digits") << u"1345678901234567890"_s;
    QTest::newRow("starts 16") << u"164567890123456789"_s;
    QTest::newRow("starts 09") << u"094567890123456789"_s;
    QTest::newRow("letters") << u"13456789012345678x"_s;
    QTest::newRow("alipay's") << kAlipayCode;
}

void tst_SandboxCodePay::wechatInvalidCodeMakesNoTrade()
{
    QFETCH(QString, code);
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce); // a script cannot make it valid
    const Params reply = micropay(u"C011"_s, code);
    QCOMPARE(reply.value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"err_code"_s), u"AUTH_CODE_INVALID"_s);
    QVERIFY(!m_gateway->trade(u"C011"_s));
    QCOMPARE(wechatState(u"C011"_s), u"ORDERNOTEXIST"_s);
}

void tst_SandboxCodePay::wechatRepeatedOutTradeNo()
{
    QCOMPARE(micropay(u"C012"_s, kWechatCode).value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(micropay(u"C012"_s, kWechatCode).value(u"err_code"_s), u"ORDERPAID"_s);

    const QString waiting = u"114444444444444444"_s;
    m_gateway->setCodeCustomer(waiting, CodeCustomer::NeverConfirms);
    QCOMPARE(micropay(u"C013"_s, waiting).value(u"err_code"_s), u"USERPAYING"_s);
    QCOMPARE(micropay(u"C013"_s, waiting).value(u"err_code"_s), u"USERPAYING"_s); // a retry
    QCOMPARE(micropay(u"C013"_s, waiting, 999).value(u"err_code"_s), u"OUT_TRADE_NO_USED"_s);
    m_now = m_now.addSecs(45);
    QCOMPARE(micropay(u"C013"_s, waiting).value(u"err_code"_s), u"OUT_TRADE_NO_USED"_s);
    QCOMPARE(reverse(u"C013"_s).value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(micropay(u"C013"_s, waiting).value(u"err_code"_s), u"ORDERREVERSED"_s);

    QVERIFY(!createTrade(u"C014"_s).isEmpty()); // a NATIVE trade
    QCOMPARE(micropay(u"C014"_s, kWechatCode).value(u"err_code"_s), u"OUT_TRADE_NO_USED"_s);
    QCOMPARE(m_gateway->trade(u"C014"_s)->tradeType, u"NATIVE"_s);
}

void tst_SandboxCodePay::wechatMicropayNeedsAuthCode()
{
    const auto reply = call(u"/pay/micropay"_s, {{u"body"_s, u"x"_s},
                                                 {u"out_trade_no"_s, u"C015"_s},
                                                 {u"total_fee"_s, u"1"_s},
                                                 {u"spbill_create_ip"_s, u"127.0.0.1"_s}});
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
    QVERIFY(reply->value(u"return_msg"_s).contains(u"LACK_PARAMS"_s));
    QVERIFY(reply->value(u"return_msg"_s).contains(u"auth_code"_s));
    QVERIFY(!m_gateway->trade(u"C015"_s));
}

void tst_SandboxCodePay::wechatUnknownOutcomeFaults_data()
{
    QTest::addColumn<SandboxFault>("fault");
    QTest::addColumn<QString>("errCode");
    QTest::addColumn<QString>("state"); // what a query then finds
    QTest::newRow("bank error") << SandboxFault::BankError << u"BANKERROR"_s << u"SUCCESS"_s;
    QTest::newRow("processed, system error")
        << SandboxFault::ProcessThenSystemError << u"SYSTEMERROR"_s << u"SUCCESS"_s;
    QTest::newRow("system error") << SandboxFault::SystemError << u"SYSTEMERROR"_s
                                  << u"ORDERNOTEXIST"_s;
}

void tst_SandboxCodePay::wechatUnknownOutcomeFaults()
{
    QFETCH(SandboxFault, fault);
    QFETCH(QString, errCode);
    QFETCH(QString, state);
    m_gateway->injectFault(u"/pay/micropay"_s, fault);
    const Params reply = micropay(u"C016"_s, kWechatCode);
    QVERIFY(WechatSigner::verify(reply, m_merchant.key));
    QCOMPARE(reply.value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"err_code"_s), errCode);
    QVERIFY(!reply.contains(u"transaction_id"_s));
    QCOMPARE(wechatState(u"C016"_s), state);
}

void tst_SandboxCodePay::wechatTransportFaults()
{
    m_gateway->injectFault(u"/pay/micropay"_s, SandboxFault::Http500);
    QCOMPARE(post(u"/pay/micropay"_s, {}).status, 500);
    m_gateway->injectFault(u"/pay/micropay"_s, SandboxFault::BadSignature);
    const Params forged = micropay(u"C017"_s, kWechatCode);
    QCOMPARE(forged.value(u"result_code"_s), u"SUCCESS"_s);
    QVERIFY(!WechatSigner::verify(forged, m_merchant.key));
    m_gateway->injectFault(u"/pay/micropay"_s, SandboxFault::Malformed);
    QVERIFY(micropay(u"C018"_s, kWechatCode).isEmpty()); // not XML any more
    m_gateway->injectFault(u"/pay/micropay"_s, SandboxFault::Latency, 1, 300ms);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(micropay(u"C019"_s, kWechatCode).value(u"result_code"_s), u"SUCCESS"_s);
    QVERIFY(timer.elapsed() >= 300);
    m_gateway->injectFault(u"/pay/micropay"_s, SandboxFault::NoReply);
    Params fields{{u"body"_s, u"x"_s},
                  {u"out_trade_no"_s, u"C020"_s},
                  {u"total_fee"_s, u"1"_s},
                  {u"spbill_create_ip"_s, u"127.0.0.1"_s},
                  {u"auth_code"_s, kWechatCode}};
    const HttpResult held =
        post(u"/pay/micropay"_s, FlatXml::encode(sign(fields)), u"text/xml"_s, 500);
    QVERIFY(held.error != QNetworkReply::NoError);
    QVERIFY(held.body.isEmpty());
    // Every one of them was processed: the customer paid.
    for (const char *no : {"C017", "C018", "C019", "C020"})
        QCOMPARE(wechatState(QString::fromLatin1(no)), u"SUCCESS"_s);
}

void tst_SandboxCodePay::sampleCodesMapToTheirBehaviour()
{
    QVERIFY(SandboxGateway::sampleCode(u"unionpay"_s, CodeCustomer::PaysAtOnce).isEmpty());
    const QString wechat = SandboxGateway::sampleCode(u"wechat"_s, CodeCustomer::NotEnoughBalance);
    const QString alipay = SandboxGateway::sampleCode(u"alipay"_s, CodeCustomer::NotEnoughBalance);
    QVERIFY(SandboxCodeScript::isWechatCode(wechat));
    QVERIFY(SandboxCodeScript::isAlipayCode(alipay));
    QCOMPARE(micropay(u"C021"_s, wechat).value(u"err_code"_s), u"NOTENOUGH"_s);
    QCOMPARE(text(alipayPay(u"C022"_s, alipay), "sub_code"), u"ACQ.BUYER_BALANCE_NOT_ENOUGH"_s);
    // The password takes a while, then the sample customer pays.
    const QString typing = SandboxGateway::sampleCode(u"wechat"_s, CodeCustomer::ConfirmsAfter);
    QCOMPARE(micropay(u"C023"_s, typing).value(u"err_code"_s), u"USERPAYING"_s);
    m_now = m_now.addMSecs(SandboxCodeScript::kSampleDelay.count());
    QCOMPARE(wechatState(u"C023"_s), u"SUCCESS"_s);
    QStringList all;
    for (const auto customer :
         {CodeCustomer::PaysAtOnce, CodeCustomer::ConfirmsAfter, CodeCustomer::NeverConfirms,
          CodeCustomer::WrongPassword, CodeCustomer::NotEnoughBalance, CodeCustomer::CodeExpired,
          CodeCustomer::CardNotSupported}) {
        all << SandboxGateway::sampleCode(u"wechat"_s, customer)
            << SandboxGateway::sampleCode(u"alipay"_s, customer);
        QVERIFY(SandboxCodeScript::isWechatCode(all.at(all.size() - 2)));
        QVERIFY(SandboxCodeScript::isAlipayCode(all.last()));
    }
    all.removeDuplicates();
    QCOMPARE(all.size(), 14);
}

void tst_SandboxCodePay::reverseOnPlainPortRefused()
{
    QCOMPARE(micropay(u"C030"_s, kWechatCode).value(u"result_code"_s), u"SUCCESS"_s);
    const HttpResult http =
        post(u"/secapi/pay/reverse"_s, FlatXml::encode(sign({{u"out_trade_no"_s, u"C030"_s}})));
    QCOMPARE(http.status, 200);
    const Params reply = orEmpty(FlatXml::decode(http.body));
    QCOMPARE(reply.value(u"return_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"return_msg"_s), u"证书不存在"_s);
    QCOMPARE(wechatState(u"C030"_s), u"SUCCESS"_s);
    QCOMPARE(m_gateway->reverseCount(u"C030"_s), 0);
}

void tst_SandboxCodePay::reverseRules()
{
    m_gateway->setCodeCustomer(kWechatCode, CodeCustomer::NeverConfirms);
    QCOMPARE(micropay(u"C031"_s, kWechatCode).value(u"err_code"_s), u"USERPAYING"_s);
    const Params refused = reverse(u"C031"_s);
    QVERIFY(WechatSigner::verify(refused, m_merchant.key));
    QCOMPARE(refused.value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(refused.value(u"err_code"_s), u"USERPAYING"_s);
    QCOMPARE(refused.value(u"recall"_s), u"Y"_s);
    QCOMPARE(wechatState(u"C031"_s), u"USERPAYING"_s);

    const QString payer = u"155555555555555555"_s;
    QCOMPARE(micropay(u"C032"_s, payer).value(u"result_code"_s), u"SUCCESS"_s);
    for (int i = 0; i < 2; ++i) { // the second is idempotent
        const Params reversed = reverse(u"C032"_s);
        QCOMPARE(reversed.value(u"result_code"_s), u"SUCCESS"_s);
        QCOMPARE(reversed.value(u"recall"_s), u"N"_s);
        QCOMPARE(wechatState(u"C032"_s), u"REVOKED"_s);
    }
    QCOMPARE(m_gateway->reverseCount(u"C032"_s), 2);
    QCOMPARE(m_gateway->reverseCount(u"C031"_s), 1);

    QVERIFY(!createTrade(u"C033"_s).isEmpty()); // NOTPAY: nothing to give back
    QCOMPARE(reverse(u"C033"_s).value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(wechatState(u"C033"_s), u"REVOKED"_s);

    const Params unknown = reverse(u"C034"_s);
    QCOMPARE(unknown.value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(unknown.value(u"err_code"_s), u"ORDERNOTEXIST"_s);
    QCOMPARE(unknown.value(u"recall"_s), u"N"_s);
    QCOMPARE(m_gateway->reverseCount(u"C034"_s), 1);
    const QJsonArray rows = m_gateway->tradesJson();
    const auto row = std::find_if(rows.begin(), rows.end(), [](const QJsonValue &value) {
        return value.toObject().value(u"out_trade_no"_s).toString() == u"C032";
    });
    QVERIFY(row != rows.end());
    QCOMPARE(row->toObject().value(u"reverses"_s).toInt(), 2);
}

void tst_SandboxCodePay::reverseRecallFaults_data()
{
    QTest::addColumn<SandboxFault>("fault");
    QTest::newRow("recall") << SandboxFault::Recall;
    QTest::newRow("system error") << SandboxFault::SystemError;
}

void tst_SandboxCodePay::reverseRecallFaults()
{
    QFETCH(SandboxFault, fault);
    QCOMPARE(micropay(u"C035"_s, kWechatCode).value(u"result_code"_s), u"SUCCESS"_s);
    m_gateway->injectFault(u"/secapi/pay/reverse"_s, fault);
    const Params again = reverse(u"C035"_s);
    QVERIFY(WechatSigner::verify(again, m_merchant.key));
    QCOMPARE(again.value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(again.value(u"err_code"_s), u"SYSTEMERROR"_s);
    QCOMPARE(again.value(u"recall"_s), u"Y"_s);
    QCOMPARE(wechatState(u"C035"_s), u"SUCCESS"_s); // not reversed
    QCOMPARE(reverse(u"C035"_s).value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(wechatState(u"C035"_s), u"REVOKED"_s);
    QCOMPARE(m_gateway->reverseCount(u"C035"_s), 2);
}

void tst_SandboxCodePay::alipayPaysAtOnce()
{
    const QJsonObject reply = alipayPay(u"A001"_s, kAlipayCode);
    QCOMPARE(text(reply, "code"), u"10000"_s);
    QCOMPARE(text(reply, "out_trade_no"), u"A001"_s);
    QCOMPARE(text(reply, "total_amount"), u"1.23"_s);
    QCOMPARE(text(reply, "receipt_amount"), u"1.23"_s);
    QCOMPARE(text(reply, "gmt_payment"), alipaytime::format(m_now));
    QVERIFY(text(reply, "buyer_logon_id").contains(u"****"_s));
    QCOMPARE(text(reply, "trade_no"), m_gateway->trade(u"A001"_s)->transactionId);
    QCOMPARE(alipayStatus(u"A001"_s), u"TRADE_SUCCESS"_s);
    QCOMPARE(m_gateway->trade(u"A001"_s)->tradeType, u"MICROPAY"_s);
    QCOMPARE(m_gateway->notificationsSent(u"A001"_s), 0);
    const QJsonObject again = alipayPay(u"A001"_s, kAlipayCode);
    QCOMPARE(text(again, "code"), u"40004"_s);
    QCOMPARE(text(again, "sub_code"), u"ACQ.TRADE_HAS_SUCCESS"_s);
}

void tst_SandboxCodePay::alipayWaitsThenPays()
{
    m_gateway->setCodeCustomer(kAlipayCode, CodeCustomer::ConfirmsAfter, 10s);
    const QJsonObject reply = alipayPay(u"A002"_s, kAlipayCode);
    QCOMPARE(text(reply, "code"), u"10003"_s);
    QCOMPARE(text(reply, "msg"), u"等待用户付款"_s);
    QCOMPARE(alipayStatus(u"A002"_s), u"WAIT_BUYER_PAY"_s);
    m_now = m_now.addSecs(10);
    QCOMPARE(alipayStatus(u"A002"_s), u"TRADE_SUCCESS"_s);
}

void tst_SandboxCodePay::alipayNeverConfirmsStaysWaiting()
{
    m_gateway->setCodeCustomer(kAlipayCode, CodeCustomer::NeverConfirms);
    QCOMPARE(text(alipayPay(u"A003"_s, kAlipayCode), "code"), u"10003"_s);
    m_now = m_now.addSecs(3600); // Alipay waits far longer than WeChat's 45 s
    QCOMPARE(alipayStatus(u"A003"_s), u"WAIT_BUYER_PAY"_s);
    QVERIFY(m_gateway->pay(u"A003"_s)); // the customer types the password at last
    QCOMPARE(alipayStatus(u"A003"_s), u"TRADE_SUCCESS"_s);
}

void tst_SandboxCodePay::alipayWrongPasswordCloses()
{
    m_gateway->setCodeCustomer(kAlipayCode, CodeCustomer::WrongPassword, 5s);
    QCOMPARE(text(alipayPay(u"A004"_s, kAlipayCode), "code"), u"10003"_s);
    m_now = m_now.addSecs(5);
    QCOMPARE(alipayStatus(u"A004"_s), u"TRADE_CLOSED"_s);
    QCOMPARE(text(alipayPay(u"A004"_s, kAlipayCode), "sub_code"), u"ACQ.TRADE_HAS_CLOSE"_s);
}

void tst_SandboxCodePay::alipayRefusals_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<CodeCustomer>("customer");
    QTest::addColumn<QString>("subCode");
    QTest::addColumn<QString>("status"); // what a query then finds
    QTest::newRow("balance") << kAlipayCode << CodeCustomer::NotEnoughBalance
                             << u"ACQ.BUYER_BALANCE_NOT_ENOUGH"_s << u"TRADE_CLOSED"_s;
    QTest::newRow("card") << kAlipayCode << CodeCustomer::CardNotSupported
                          << u"ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE"_s << u"TRADE_CLOSED"_s;
    QTest::newRow("expired") << kAlipayCode << CodeCustomer::CodeExpired
                             << u"ACQ.PAYMENT_AUTH_CODE_INVALID"_s << u"ACQ.TRADE_NOT_EXIST"_s;
    for (const QString &code : {u"286543210987654"_s, u"2865432109876543210987654"_s,
                                u"246543210987654321"_s, u"316543210987654321"_s, kWechatCode}) {
        QTest::addRow("invalid %s", qPrintable(code))
            << code << CodeCustomer::PaysAtOnce << u"ACQ.PAYMENT_AUTH_CODE_INVALID"_s
            << u"ACQ.TRADE_NOT_EXIST"_s;
    }
}

void tst_SandboxCodePay::alipayRefusals()
{
    QFETCH(QString, code);
    QFETCH(CodeCustomer, customer);
    QFETCH(QString, subCode);
    QFETCH(QString, status);
    m_gateway->setCodeCustomer(code, customer);
    const QJsonObject reply = alipayPay(u"A005"_s, code);
    QCOMPARE(text(reply, "code"), u"40004"_s);
    QCOMPARE(text(reply, "sub_code"), subCode);
    QVERIFY(!text(reply, "sub_msg").isEmpty());
    QCOMPARE(alipayStatus(u"A005"_s), status);
}

void tst_SandboxCodePay::alipayUnknownOutcomeFaults()
{
    for (const auto fault : {SandboxFault::BankError, SandboxFault::ProcessThenSystemError}) {
        const QString no = u"A006-%1"_s.arg(int(fault));
        m_gateway->injectFault(u"alipay.trade.pay"_s, fault);
        const QJsonObject reply = alipayPay(no, kAlipayCode);
        QCOMPARE(text(reply, "code"), u"20000"_s);
        QCOMPARE(text(reply, "sub_code"), u"ACQ.SYSTEM_ERROR"_s);
        QCOMPARE(alipayStatus(no), u"TRADE_SUCCESS"_s); // processed all the same
    }
    m_gateway->injectFault(u"alipay.trade.pay"_s, SandboxFault::SystemError);
    QCOMPARE(text(alipayPay(u"A007"_s, kAlipayCode), "sub_code"), u"ACQ.SYSTEM_ERROR"_s);
    QCOMPARE(alipayStatus(u"A007"_s), u"ACQ.TRADE_NOT_EXIST"_s); // not processed
}

void tst_SandboxCodePay::alipayCancel()
{
    m_gateway->setCodeCustomer(kAlipayCode, CodeCustomer::NeverConfirms);
    QCOMPARE(text(alipayPay(u"A010"_s, kAlipayCode), "code"), u"10003"_s);
    const QJsonObject closed = alipayCancel(u"A010"_s);
    QCOMPARE(text(closed, "code"), u"10000"_s);
    QCOMPARE(text(closed, "action"), u"close"_s);
    QCOMPARE(text(closed, "retry_flag"), u"N"_s);
    QCOMPARE(alipayStatus(u"A010"_s), u"TRADE_CLOSED"_s);
    QCOMPARE(m_gateway->pay(u"A010"_s).error().name(), u"CLOSED"_s); // too late to confirm

    const QString payer = u"259999999999999999"_s;
    QCOMPARE(text(alipayPay(u"A011"_s, payer), "code"), u"10000"_s);
    for (int i = 0; i < 2; ++i) { // the second is idempotent
        const QJsonObject refunded = alipayCancel(u"A011"_s);
        QCOMPARE(text(refunded, "code"), u"10000"_s);
        QCOMPARE(text(refunded, "action"), u"refund"_s);
        QCOMPARE(text(refunded, "retry_flag"), u"N"_s);
        QCOMPARE(alipayStatus(u"A011"_s), u"TRADE_CLOSED"_s);
    }
    QCOMPARE(m_gateway->trade(u"A011"_s)->state, u"REVOKED"_s);
    QCOMPARE(m_gateway->reverseCount(u"A011"_s), 2);

    // Never made: Alipay answers success, and no action since there was no trade to act on.
    const QJsonObject unknown = alipayCancel(u"A012"_s);
    QCOMPARE(text(unknown, "code"), u"10000"_s);
    QCOMPARE(text(unknown, "retry_flag"), u"N"_s);
    QVERIFY(!unknown.contains(u"action"_s));
    QCOMPARE(m_gateway->reverseCount(u"A012"_s), 1);
}

void tst_SandboxCodePay::alipayCancelRecall()
{
    QCOMPARE(text(alipayPay(u"A013"_s, kAlipayCode), "code"), u"10000"_s);
    m_gateway->injectFault(u"alipay.trade.cancel"_s, SandboxFault::Recall);
    const QJsonObject again = alipayCancel(u"A013"_s);
    QCOMPARE(text(again, "code"), u"40004"_s);
    QCOMPARE(text(again, "sub_code"), u"ACQ.SYSTEM_ERROR"_s);
    QCOMPARE(text(again, "retry_flag"), u"Y"_s);
    QCOMPARE(alipayStatus(u"A013"_s), u"TRADE_SUCCESS"_s); // not cancelled
    QCOMPARE(text(alipayCancel(u"A013"_s), "action"), u"refund"_s);
    QCOMPARE(m_gateway->reverseCount(u"A013"_s), 2);
}

QTEST_GUILESS_MAIN(tst_SandboxCodePay)
#include "tst_sandboxcodepay.moc"
