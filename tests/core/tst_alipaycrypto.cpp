// RSA2 signing and verification for Alipay with keys generated here, the raw-text
// extraction of signed replies, the notification check, and the exact yuan/fen mapping.
#include "crypto/rsakey.h"
#include "pay/alipay/alipayform.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/alipay/alipayresponse.h"
#include "pay/alipay/alipaysigner.h"
#include "pay/alipay/alipaytime.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace shouyin;
using crypto::RsaKey;

namespace {

// JSON written with single quotes, to keep the test readable (and moc's parser happy).
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class TestAlipayCrypto : public QObject
{
    Q_OBJECT

    RsaKey m_app;    // the app's key pair
    RsaKey m_alipay; // "Alipay's" key pair

    AlipayConfig config() const
    {
        AlipayConfig config;
        config.appId = u"2021000000000042"_s;
        config.appPrivateKey = m_app;
        config.alipayPublicKey = m_alipay.publicKey();
        return config;
    }

    Params paidNotification() const
    {
        return {{u"app_id"_s, u"2021000000000042"_s},
                {u"out_trade_no"_s, u"T01P0001"_s},
                {u"trade_no"_s, u"2024010122001400000000000001"_s},
                {u"trade_status"_s, u"TRADE_SUCCESS"_s},
                {u"total_amount"_s, u"12.30"_s},
                {u"subject"_s, u"测试 矿泉水 & 面包 + 1"_s},
                {u"gmt_payment"_s, u"2024-01-01 08:00:05"_s},
                {u"sign_type"_s, u"RSA2"_s}};
    }

    QByteArray signedForm(Params fields, const RsaKey &key) const
    {
        fields.insert(u"sign"_s, QString::fromLatin1(AlipaySigner::signNotification(fields, key)));
        return alipayform::encode(fields);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto app = RsaKey::generate(2048);
        auto alipay = RsaKey::generate(2048);
        QVERIFY(app && alipay);
        m_app = app.value();
        m_alipay = alipay.value();
    }

    void signAndVerify()
    {
        const QByteArray data = "a=1&b=二&c=3";
        const QByteArray signature = m_app.signBase64(data);
        QVERIFY(!signature.isEmpty());
        QVERIFY(m_app.publicKey().verifyBase64(data, signature));
        QVERIFY(!m_app.publicKey().verifyBase64(data + ' ', signature)); // tampered content
        QVERIFY(!m_alipay.publicKey().verifyBase64(data, signature));    // wrong key
        QVERIFY(!m_app.publicKey().verifyBase64(data, "not base64!"));
        QVERIFY(m_app.publicKey().signBase64(data).isEmpty()); // a public key cannot sign
    }

    void pemRoundTripAndMistakes()
    {
        auto privateKey = RsaKey::fromPrivatePem(m_app.privatePem());
        QVERIFY(privateKey && privateKey->hasPrivate());
        auto publicKey = RsaKey::fromPublicPem(m_app.publicPem());
        QVERIFY(publicKey && !publicKey->hasPrivate());
        QVERIFY(publicKey->samePublicKey(m_app));
        QVERIFY(!publicKey->samePublicKey(m_alipay));
        QCOMPARE(RsaKey::fromPrivatePem(m_app.publicPem()).error().name(), u"PUBLIC_KEY_GIVEN"_s);
        QCOMPARE(RsaKey::fromPublicPem(m_app.privatePem()).error().name(), u"PRIVATE_KEY_GIVEN"_s);
        QCOMPARE(RsaKey::fromPublicPem("hello").error().name(), u"NOT_A_KEY"_s);
        QCOMPARE(RsaKey::fromPrivatePem("").error().name(), u"NOT_A_KEY"_s);
        QVERIFY(!RsaKey::fromPublicPem(m_app.privatePem()).error().message.contains(u"BEGIN"_s));
    }

    void signingString()
    {
        const Params params{{u"method"_s, u"alipay.trade.query"_s},
                            {u"app_id"_s, u"1"_s},
                            {u"sign"_s, u"x"_s},
                            {u"sign_type"_s, u"RSA2"_s},
                            {u"empty"_s, QString()},
                            {u"biz_content"_s, u"{\"a\":\"b c\"}"_s}};
        QCOMPARE(AlipaySigner::signingString(params, true),
                 QByteArray("app_id=1&biz_content={\"a\":\"b c\"}&method=alipay.trade.query&"
                            "sign_type=RSA2"));
        QCOMPARE(AlipaySigner::signingString(params, false),
                 QByteArray("app_id=1&biz_content={\"a\":\"b c\"}&method=alipay.trade.query"));
        Params request = params;
        request.insert(u"sign"_s, QString::fromLatin1(AlipaySigner::signRequest(params, m_app)));
        QVERIFY(AlipaySigner::verifyRequest(request, m_app.publicKey()));
        request.insert(u"biz_content"_s, u"{\"a\":\"b d\"}"_s);
        QVERIFY(!AlipaySigner::verifyRequest(request, m_app.publicKey()));
    }

    void rawValueRespectsStringsAndEscapes()
    {
        const QByteArray body =
            json("{'x':'}{','alipay_trade_query_response' : {'code':'10000','msg':'a \\'}\\' "
                 "b','n':{'k':[1,{'z':']'}]}},'sign':'abc'}");
        QCOMPARE(AlipayResponse::rawValue(body, "alipay_trade_query_response").value(),
                 QByteArray(json("{'code':'10000','msg':'a \\'}\\' b','n':{'k':[1,{'z':']'}]}}")));
        QVERIFY(!AlipayResponse::rawValue(body, "error_response"));
        QVERIFY(!AlipayResponse::rawValue(body, "sign")); // not an object
        QVERIFY(!AlipayResponse::rawValue(json("{'a_response':{'code':'1'"), "a_response"));
        QVERIFY(!AlipayResponse::rawValue("[]", "a_response"));
    }

    void replyVerifiedOverRawText()
    {
        // Spacing and key order as the gateway sent them: re-serialising would break this.
        const QByteArray raw =
            json("{ 'msg':'Success','code':'10000' ,'qr_code':'https:\\/\\/qr.alipay.com\\/bax0'}");
        const QByteArray sign = m_alipay.signBase64(raw);
        const QByteArray body =
            "{\"alipay_trade_precreate_response\":" + raw + ",\"sign\":\"" + sign + "\"}";
        auto decoded =
            AlipayResponse::decode(body, u"alipay.trade.precreate"_s, m_alipay.publicKey());
        QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().message));
        QCOMPARE(decoded->value(u"qr_code"_s).toString(), u"https://qr.alipay.com/bax0"_s);

        QByteArray tampered = body;
        tampered.replace("10000", "10001");
        QCOMPARE(AlipayResponse::decode(tampered, u"alipay.trade.precreate"_s, m_alipay.publicKey())
                     .error()
                     .code,
                 ErrorCode::BadSignature);
        // Verifying with the app's own public key: the classic mistake never passes.
        QCOMPARE(AlipayResponse::decode(body, u"alipay.trade.precreate"_s, m_app.publicKey())
                     .error()
                     .code,
                 ErrorCode::BadSignature);
        QCOMPARE(
            AlipayResponse::decode("{\"x\":", u"alipay.trade.precreate"_s, m_alipay).error().code,
            ErrorCode::BadResponse);
        const QByteArray unsignedRefusal =
            json("{'alipay_trade_precreate_response':{'code':'40002','msg':'Invalid "
                 "Arguments','sub_code':'isv.invalid-signature','sub_msg':'bad'}}");
        QCOMPARE(AlipayResponse::decode(unsignedRefusal, u"alipay.trade.precreate"_s, m_alipay)
                     .error()
                     .code,
                 ErrorCode::Gateway);
        const QByteArray unsignedSuccess =
            json("{'alipay_trade_precreate_response':{'code':'10000','qr_code':'x'}}");
        QCOMPARE(AlipayResponse::decode(unsignedSuccess, u"alipay.trade.precreate"_s, m_alipay)
                     .error()
                     .code,
                 ErrorCode::BadSignature);
    }

    void notificationVerified()
    {
        AlipayProvider provider(config());
        auto snapshot =
            provider.parseNotification(HttpRequest::post(signedForm(paidNotification(), m_alipay)));
        QVERIFY2(snapshot, snapshot ? "" : qPrintable(snapshot.error().message));
        QCOMPARE(snapshot->payNo, u"T01P0001"_s);
        QCOMPARE(snapshot->state, TradeState::Success);
        QCOMPARE(snapshot->amount, Fen(1230));
        QCOMPARE(snapshot->appId, u"2021000000000042"_s);
        QCOMPARE(snapshot->paidAt, QDateTime(QDate(2024, 1, 1), QTime(0, 0, 5), QTimeZone(0)));
        const HttpResponse accepted = provider.notificationReply(true, {});
        QCOMPARE(accepted.status, 200);
        QCOMPARE(accepted.body, QByteArray("success"));
        QVERIFY(accepted.header("content-type").startsWith("text/plain"));
        QVERIFY(provider.notificationReply(false, {}).body != "success");
    }

    void notificationRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("resign");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("tampered amount")
            << u"total_amount"_s << u"0.01"_s << false << ErrorCode::BadSignature;
        QTest::newRow("other app")
            << u"app_id"_s << u"2021000000000099"_s << true << ErrorCode::WrongMerchant;
        QTest::newRow("float amount")
            << u"total_amount"_s << u"1.2e1"_s << true << ErrorCode::BadResponse;
        QTest::newRow("three decimals")
            << u"total_amount"_s << u"12.301"_s << true << ErrorCode::BadResponse;
        QTest::newRow("no out_trade_no")
            << u"out_trade_no"_s << QString() << true << ErrorCode::BadResponse;
    }
    void notificationRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(bool, resign);
        QFETCH(ErrorCode, code);
        AlipayProvider provider(config());
        Params fields = paidNotification();
        QByteArray body;
        if (resign) {
            fields.insert(field, value);
            body = signedForm(fields, m_alipay);
        } else {
            body = signedForm(fields, m_alipay);
            Params decoded = alipayform::decode(body);
            decoded.insert(field, value);
            body = alipayform::encode(decoded);
        }
        auto snapshot = provider.parseNotification(HttpRequest::post(body));
        QVERIFY(!snapshot);
        QCOMPARE(snapshot.error().code, code);
    }

    void notificationSignedWithTheAppKeyIsRefused()
    {
        AlipayProvider provider(config());
        QCOMPARE(
            provider.parseNotification(HttpRequest::post(signedForm(paidNotification(), m_app)))
                .error()
                .code,
            ErrorCode::BadSignature);
    }

    void yuanStringsAreExact()
    {
        QCOMPARE(formatYuan(1230), u"12.30"_s);
        QCOMPARE(formatYuan(1), u"0.01"_s);
        QCOMPARE(parseYuan(u"12.30"), std::optional<Fen>(1230));
        QCOMPARE(parseYuan(u"0.29"), std::optional<Fen>(29)); // 0.29 * 100 != 29 in binary
        QCOMPARE(parseYuan(u"19.99"), std::optional<Fen>(1999));
        QVERIFY(!parseYuan(u"1e3"));
        QVERIFY(!parseYuan(u" 1.00"));
    }

    void timesAndTimeouts()
    {
        const QDateTime created(QDate(2024, 1, 1), QTime(16, 30, 0), QTimeZone(0));
        QCOMPARE(alipaytime::format(created), u"2024-01-02 00:30:00"_s);
        QCOMPARE(alipaytime::parse(u"2024-01-02 00:30:00"_s), created);
        QVERIFY(!alipaytime::parse(u"2024-01-02T00:30:00"_s).isValid());
        QCOMPARE(alipaytime::timeoutExpress(created, created.addSecs(600)), u"10m"_s);
        QCOMPARE(alipaytime::timeoutExpress(created, created.addSecs(659)), u"10m"_s);
        QCOMPARE(alipaytime::timeoutExpress(created, created.addSecs(20)), u"1m"_s);
        QCOMPARE(alipaytime::parseTimeoutExpress(u"10m"_s), std::optional<qint64>(600));
        QCOMPARE(alipaytime::parseTimeoutExpress(u"2h"_s), std::optional<qint64>(7200));
        QVERIFY(!alipaytime::parseTimeoutExpress(u"0m"_s));
        QVERIFY(!alipaytime::parseTimeoutExpress(u"16d"_s));
        QVERIFY(!alipaytime::parseTimeoutExpress(u"-1m"_s));
    }

    void formCoding()
    {
        const Params params{{u"a"_s, u"x+y & z=1"_s}, {u"b"_s, u"中文"_s}};
        QCOMPARE(alipayform::decode(alipayform::encode(params)), params);
        QCOMPARE(alipayform::decode("a=x+y%2B1").value(u"a"_s), u"x y+1"_s);
    }
};

QTEST_GUILESS_MAIN(TestAlipayCrypto)
#include "tst_alipaycrypto.moc"
