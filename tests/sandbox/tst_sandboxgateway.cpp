// The sandbox gateway's envelope over real loopback HTTP: what every request goes through
// before any business logic (XML, parameters, merchant, signature), and how replies are
// signed.

#include "sandbox/sandboxgateway.h"
#include "sandboxtestfixture.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_SandboxGateway : public SandboxTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startGateway(); }
    void cleanup() { stopGateway(); }

    void md5RequestSucceedsAndReplyVerifies();
    void hmacRequestSucceedsAndReplyVerifies();
    void tamperedRequestIsSignError();
    void wrongKeyIsSignError();
    void unknownSignTypeRefused();
    void missingParamsRefused_data();
    void missingParamsRefused();
    void queryNeedsATradeNumber();
    void malformedXmlRefused_data();
    void malformedXmlRefused();
    void dtdDocumentRefused_data();
    void dtdDocumentRefused();
    void wrongMerchantRefused_data();
    void wrongMerchantRefused();
    void bodyTooLarge();
    void requestCounts();
};

void tst_SandboxGateway::md5RequestSucceedsAndReplyVerifies()
{
    const auto reply = call(u"/pay/unifiedorder"_s, orderFields(u"P001"_s, 1234));
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply->value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply->value(u"appid"_s), m_merchant.appId);
    QCOMPARE(reply->value(u"mch_id"_s), m_merchant.merchantId);
    QVERIFY(!reply->value(u"nonce_str"_s).isEmpty());
    QVERIFY(!reply->contains(u"sign_type"_s));
    QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
    QVERIFY(!WechatSigner::verify(*reply, "another key"));
    QCOMPARE(reply->value(u"trade_type"_s), u"NATIVE"_s);
    QVERIFY(!reply->value(u"prepay_id"_s).isEmpty());

    const QString codeUrl = reply->value(u"code_url"_s);
    QVERIFY2(codeUrl.startsWith(u"weixin://wxpay/bizpayurl?pr="_s), qPrintable(codeUrl));
    const QString token = codeUrl.mid(codeUrl.indexOf(u"pr="_s) + 3);
    QCOMPARE(token.size(), 7);
    for (const QChar c : token)
        QVERIFY(c.isLetterOrNumber() && c.unicode() < 128);

    const auto trade = m_gateway->trade(u"P001"_s);
    QVERIFY(trade);
    QCOMPARE(trade->state, u"NOTPAY"_s);
    QCOMPARE(trade->totalFee, Fen(1234));
    QCOMPARE(trade->body, u"收银测试-Test"_s);
    QCOMPARE(trade->codeUrl, codeUrl);
    QCOMPARE(trade->notifyUrl, u"https://pos.example.com/notify/wechat"_s);
    QCOMPARE(trade->signType, WechatSignType::Md5);
}

void tst_SandboxGateway::hmacRequestSucceedsAndReplyVerifies()
{
    const auto reply =
        call(u"/pay/unifiedorder"_s, orderFields(u"P002"_s), WechatSignType::HmacSha256);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply->value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply->value(u"sign_type"_s), u"HMAC-SHA256"_s);
    QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
    // The reply is really HMAC-signed: read as MD5 it does not verify.
    Params asMd5 = *reply;
    asMd5.remove(u"sign_type"_s);
    QVERIFY(!WechatSigner::verify(asMd5, m_merchant.key));
    QCOMPARE(m_gateway->trade(u"P002"_s)->signType, WechatSignType::HmacSha256);

    const auto query =
        call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P002"_s}}, WechatSignType::HmacSha256);
    QVERIFY(query);
    QCOMPARE(query->value(u"trade_state"_s), u"NOTPAY"_s);
    QVERIFY(WechatSigner::verify(*query, m_merchant.key));
}

void tst_SandboxGateway::tamperedRequestIsSignError()
{
    for (const auto type : {WechatSignType::Md5, WechatSignType::HmacSha256}) {
        Params fields = sign(orderFields(u"P003"_s, 100), type);
        fields.insert(u"total_fee"_s, u"1"_s); // a man in the middle lowers the price
        const HttpResult http = post(u"/pay/unifiedorder"_s, FlatXml::encode(fields));
        QCOMPARE(http.status, 200);
        const auto reply = FlatXml::decode(http.body);
        QVERIFY(reply);
        QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
        QCOMPARE(reply->value(u"return_msg"_s), u"签名错误"_s);
        QVERIFY(!reply->contains(u"sign"_s)); // FAIL replies are unsigned
        QVERIFY(!reply->contains(u"result_code"_s));
        QVERIFY(!m_gateway->trade(u"P003"_s));
    }
}

void tst_SandboxGateway::wrongKeyIsSignError()
{
    Params fields = orderFields(u"P004"_s);
    fields.insert(u"appid"_s, m_merchant.appId);
    fields.insert(u"mch_id"_s, m_merchant.merchantId);
    fields.insert(u"nonce_str"_s, u"abc"_s);
    fields.insert(u"sign"_s,
                  WechatSigner::sign(fields, "not the merchant key", WechatSignType::Md5));
    const auto reply = FlatXml::decode(post(u"/pay/unifiedorder"_s, FlatXml::encode(fields)).body);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
    QCOMPARE(reply->value(u"return_msg"_s), u"签名错误"_s);
    QVERIFY(!m_gateway->trade(u"P004"_s));
}

void tst_SandboxGateway::unknownSignTypeRefused()
{
    Params fields = orderFields(u"P005"_s);
    fields.insert(u"appid"_s, m_merchant.appId);
    fields.insert(u"mch_id"_s, m_merchant.merchantId);
    fields.insert(u"nonce_str"_s, u"abc"_s);
    fields.insert(u"sign_type"_s, u"SHA1"_s);
    // Correct under MD5, which the message does not claim: still refused.
    fields.insert(u"sign"_s, WechatSigner::sign(fields, m_merchant.key, WechatSignType::Md5));
    const auto reply = FlatXml::decode(post(u"/pay/unifiedorder"_s, FlatXml::encode(fields)).body);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
    QCOMPARE(reply->value(u"return_msg"_s), u"签名错误"_s);
    QVERIFY(!m_gateway->trade(u"P005"_s));
}

void tst_SandboxGateway::missingParamsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("empty"); // present with an empty value counts as missing
    for (const char *field : {"appid", "mch_id", "nonce_str", "sign", "body", "out_trade_no",
                              "total_fee", "spbill_create_ip", "notify_url", "trade_type"}) {
        QTest::addRow("%s absent", field) << QString::fromLatin1(field) << false;
        QTest::addRow("%s empty", field) << QString::fromLatin1(field) << true;
    }
}

void tst_SandboxGateway::missingParamsRefused()
{
    QFETCH(QString, field);
    QFETCH(bool, empty);
    Params fields = orderFields(u"P006"_s);
    fields.insert(u"appid"_s, m_merchant.appId);
    fields.insert(u"mch_id"_s, m_merchant.merchantId);
    fields.insert(u"nonce_str"_s, u"abc"_s);
    if (empty)
        fields.insert(field, QString());
    else
        fields.remove(field);
    // Correctly signed as sent: the refusal is about the missing field, not the signature.
    if (field != u"sign")
        fields.insert(u"sign"_s, WechatSigner::sign(fields, m_merchant.key, WechatSignType::Md5));
    const auto reply = FlatXml::decode(post(u"/pay/unifiedorder"_s, FlatXml::encode(fields)).body);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
    QVERIFY2(reply->value(u"return_msg"_s).contains(u"LACK_PARAMS"_s),
             qPrintable(reply->value(u"return_msg"_s)));
    QVERIFY2(reply->value(u"return_msg"_s).contains(field),
             qPrintable(reply->value(u"return_msg"_s)));
    QVERIFY(!reply->contains(u"sign"_s));
    QVERIFY(!m_gateway->trade(u"P006"_s));
}

void tst_SandboxGateway::queryNeedsATradeNumber()
{
    for (const QString &path : {u"/pay/orderquery"_s, u"/pay/closeorder"_s}) {
        const auto reply = call(path, {});
        QVERIFY(reply);
        QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
        QVERIFY(reply->value(u"return_msg"_s).contains(u"LACK_PARAMS"_s));
    }
}

void tst_SandboxGateway::malformedXmlRefused_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("not xml") << QByteArray("appid=wx&mch_id=1");
    QTest::addRow("json") << QByteArray(R"({"appid":"wx"})");
    QTest::addRow("unterminated") << QByteArray("<xml><appid>wx</appid>");
    QTest::addRow("nested") << QByteArray("<xml><appid><a>wx</a></appid></xml>");
    QTest::addRow("wrong root") << QByteArray("<root><appid>wx</appid></root>");
    QTest::addRow("repeated field")
        << QByteArray("<xml><total_fee>1</total_fee><total_fee>100</total_fee></xml>");
}

void tst_SandboxGateway::malformedXmlRefused()
{
    QFETCH(QByteArray, document);
    const HttpResult http = post(u"/pay/unifiedorder"_s, document);
    QCOMPARE(http.status, 200);
    const auto reply = FlatXml::decode(http.body);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
    QVERIFY2(reply->value(u"return_msg"_s).startsWith(u"XML格式错误"_s),
             qPrintable(reply->value(u"return_msg"_s)));
    QVERIFY(!reply->contains(u"sign"_s));
}

void tst_SandboxGateway::dtdDocumentRefused_data()
{
    QTest::addColumn<QByteArray>("prologue");
    QTest::addColumn<QByteArray>("bodyValue");
    QTest::addRow("external entity")
        << QByteArray(R"(<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)")
        << QByteArray("&xxe;");
    QTest::addRow("entity expansion")
        << QByteArray(R"(<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">)"
                      R"(<!ENTITY c "&b;&b;&b;&b;&b;">]>)")
        << QByteArray("&c;");
    QTest::addRow("doctype only") << QByteArray("<!DOCTYPE xml>") << QByteArray("test");
}

void tst_SandboxGateway::dtdDocumentRefused()
{
    QFETCH(QByteArray, prologue);
    QFETCH(QByteArray, bodyValue);
    // A complete, otherwise valid order whose body goes through an entity.
    Params fields = sign(orderFields(u"P007"_s));
    QByteArray document = prologue + "<xml>";
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QByteArray value = it.key() == u"body" ? bodyValue : it.value().toUtf8();
        document += '<' + it.key().toLatin1() + '>' + value + "</" + it.key().toLatin1() + '>';
    }
    document += "</xml>";
    const auto reply = FlatXml::decode(post(u"/pay/unifiedorder"_s, document).body);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
    QVERIFY2(reply->value(u"return_msg"_s).startsWith(u"XML格式错误"_s),
             qPrintable(reply->value(u"return_msg"_s)));
    QVERIFY(!m_gateway->trade(u"P007"_s));
}

void tst_SandboxGateway::wrongMerchantRefused_data()
{
    QTest::addColumn<QString>("appId");
    QTest::addColumn<QString>("merchantId");
    const SandboxMerchant merchant = SandboxGateway::trainingMerchant();
    QTest::addRow("appid") << u"wxd930ea5d5a258f4f"_s << merchant.merchantId;
    QTest::addRow("mch_id") << merchant.appId << u"10000100"_s;
}

void tst_SandboxGateway::wrongMerchantRefused()
{
    QFETCH(QString, appId);
    QFETCH(QString, merchantId);
    Params fields = orderFields(u"P008"_s);
    fields.insert(u"appid"_s, appId);
    fields.insert(u"mch_id"_s, merchantId);
    fields.insert(u"nonce_str"_s, u"abc"_s);
    fields.insert(u"sign"_s, WechatSigner::sign(fields, m_merchant.key, WechatSignType::Md5));
    const auto reply = FlatXml::decode(post(u"/pay/unifiedorder"_s, FlatXml::encode(fields)).body);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"FAIL"_s);
    QVERIFY(reply->value(u"return_msg"_s).contains(u"mch_id"_s));
    QVERIFY(!m_gateway->trade(u"P008"_s));
}

void tst_SandboxGateway::bodyTooLarge()
{
    Params fields = orderFields(u"P030"_s);
    fields.insert(u"attach"_s, QString(70 * 1024, u'a'));
    const HttpResult http = post(u"/pay/unifiedorder"_s, FlatXml::encode(sign(fields)));
    QCOMPARE(http.status, 413);
    QVERIFY(!m_gateway->trade(u"P030"_s));
}

void tst_SandboxGateway::requestCounts()
{
    QCOMPARE(m_gateway->requestCount(u"/pay/unifiedorder"_s), 0);
    createTrade(u"P031"_s);
    post(u"/pay/unifiedorder"_s, "garbage");
    QVERIFY(call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P031"_s}}));
    customerPay(u"out_trade_no"_s, u"P031"_s);
    QCOMPARE(m_gateway->requestCount(u"/pay/unifiedorder"_s), 2);
    QCOMPARE(m_gateway->requestCount(u"/pay/orderquery"_s), 1);
    QCOMPARE(m_gateway->requestCount(u"/pay/closeorder"_s), 0);
    QCOMPARE(m_gateway->requestCount(u"/sandbox/pay"_s), 1);
    QCOMPARE(post(u"/pay/downloadbill"_s, "<xml/>").status, 404); // not a path it serves
    QCOMPARE(m_gateway->requestCount(u"/pay/downloadbill"_s), 1);
}

QTEST_GUILESS_MAIN(tst_SandboxGateway)
#include "tst_sandboxgateway.moc"
