// WeChat Pay API v3 at the sandbox gateway, over real loopback sockets with a raw client:
// request signatures checked, every reply signed, the endpoints over the shared trade
// table, both key modes and a switch of keys in the middle of a day, and notifications.

#include "wechatv3fixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_SandboxWechatV3 : public WechatV3Fixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void credentialsAreFixed();
    void nativeOrderGivesCodeUrl();
    void badlySignedRequestIs401_data();
    void badlySignedRequestIs401();
    void queryFollowsPayment();
    void unknownTradeIs404();
    void closeAnswers204();
    void codepay_data();
    void codepay();
    void passwordThenPaid();
    void reverse();
    void refundAndQuery();
    void certificatesInPublicKeyMode();
    void certificatesInCertificateMode();
    void certificateRotation();
    void faults();
    void paymentNotification();
    void notificationVariants_data();
    void notificationVariants();
    void retriesAreSignedAfresh();
    void v2TradeKeepsV2Notification();
    void refundNotification();

private:
    std::unique_ptr<V3NotifyListener> m_listener;
};

void tst_SandboxWechatV3::init()
{
    startGateway();
    m_gateway->setNotifyTimeScale(0.001);
    m_listener = std::make_unique<V3NotifyListener>();
    QVERIFY(m_listener->start());
}

void tst_SandboxWechatV3::cleanup()
{
    stopGateway(); // first: it aborts what it still has in flight to the listener
    m_listener.reset();
}

void tst_SandboxWechatV3::credentialsAreFixed()
{
    SandboxGateway other(SandboxGateway::trainingMerchant());
    const SandboxWechatV3Credentials again = other.wechatV3TrainingCredentials();
    QCOMPARE(again.merchantPrivateKeyPem, m_credentials.merchantPrivateKeyPem);
    QCOMPARE(again.payPublicKeyPem, m_credentials.payPublicKeyPem);
    QCOMPARE(again.apiV3Key, m_credentials.apiV3Key);
    QCOMPARE(m_credentials.apiV3Key.size(), 32);
    QVERIFY(m_credentials.payPublicKeyId.startsWith(u"PUB_KEY_ID_"));
    QCOMPARE(m_credentials.merchantId, m_gateway->merchant().merchantId);
    QCOMPARE(m_credentials.appId, m_gateway->merchant().appId);
    QVERIFY(crypto::RsaKey::fromPublicPem(m_credentials.payPublicKeyPem).ok());
    QCOMPARE(m_gateway->wechatV3KeyMode(), WechatV3KeyMode::PublicKey);
    QCOMPARE(m_gateway->wechatV3Signer(), m_credentials.payPublicKeyId);
}

void tst_SandboxWechatV3::nativeOrderGivesCodeUrl()
{
    const V3Reply first = post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3NATIVE1"_s));
    QCOMPARE(first.status, 200);
    QVERIFY_SIGNED(first);
    QCOMPARE(QString::fromLatin1(first.signature().serial), m_credentials.payPublicKeyId);
    QVERIFY(!headerValue(first.headers, "request-id").isEmpty());
    const QString codeUrl = first.json().value(u"code_url"_s).toString();
    QVERIFY(codeUrl.startsWith(u"weixin://wxpay/bizpayurl?pr="));
    QCOMPARE(m_gateway->trade(u"V3NATIVE1"_s)->api, u"v3"_s);
    QCOMPARE(m_gateway->trade(u"V3NATIVE1"_s)->expiresAt, m_now.addSecs(3600));

    // A retry after a lost reply is the same order; other content under the number is not.
    const V3Reply again = post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3NATIVE1"_s));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"code_url"_s).toString(), codeUrl);
    const V3Reply reused =
        post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3NATIVE1"_s, 250));
    QCOMPARE(reused.status, 403);
    QCOMPARE(reused.code(), u"OUT_TRADE_NO_USED"_s);
    QVERIFY_SIGNED(reused);

    QJsonObject wrongApp = nativeOrder(u"V3NATIVE2"_s);
    wrongApp.insert(u"appid"_s, u"wx0000000000000000"_s);
    QCOMPARE(post(SandboxWechatV3Protocol::kNativePath, wrongApp).code(),
             u"APPID_MCHID_NOT_MATCH"_s);
    QJsonObject noAmount = nativeOrder(u"V3NATIVE3"_s);
    noAmount.remove(u"amount"_s);
    const V3Reply refused = post(SandboxWechatV3Protocol::kNativePath, noAmount);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.code(), u"PARAM_ERROR"_s);
    QCOMPARE(m_gateway->requestCount(SandboxWechatV3Protocol::kNativePath), 5);
}

void tst_SandboxWechatV3::badlySignedRequestIs401_data()
{
    QTest::addColumn<V3Signing>("signing");
    QTest::addColumn<bool>("accepted");
    const auto signing = [](auto change) {
        V3Signing how;
        change(how);
        return how;
    };
    const auto skewed = [&signing](qint64 secs) {
        return signing([secs](V3Signing &how) { how.skewSecs = secs; });
    };
    QTest::newRow("unsigned") << signing([](V3Signing &how) { how.authorize = false; }) << false;
    QTest::newRow("bad signature")
        << signing([](V3Signing &how) { how.otherBody = true; }) << false;
    QTest::newRow("other merchant")
        << signing([](V3Signing &how) { how.merchantId = u"1900000110"_s; }) << false;
    QTest::newRow("unknown serial")
        << signing([](V3Signing &how) { how.serialNo = u"5157F09EFDC096DE15EB"_s; }) << false;
    QTest::newRow("5 min ahead") << skewed(300) << false;
    QTest::newRow("6 min behind") << skewed(-360) << false;
    QTest::newRow("4:59 ahead") << skewed(299) << true;
    QTest::newRow("4:59 behind") << skewed(-299) << true;
}

void tst_SandboxWechatV3::badlySignedRequestIs401()
{
    QFETCH(V3Signing, signing);
    QFETCH(bool, accepted);
    const V3Reply order =
        post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3SIGNED"_s), signing);
    QVERIFY_SIGNED(order);
    QCOMPARE(order.status, accepted ? 200 : 401);
    if (!accepted) {
        QCOMPARE(order.code(), u"SIGN_ERROR"_s);
        QVERIFY(!m_gateway->trade(u"V3SIGNED"_s));
    }
    const V3Reply queried = get(queryPath(u"V3SIGNED"_s), signing);
    QCOMPARE(queried.status, accepted ? 200 : 401);
    QVERIFY_SIGNED(queried);
}

void tst_SandboxWechatV3::queryFollowsPayment()
{
    QCOMPARE(post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3QUERY"_s, 1250)).status,
             200);
    const V3Reply unpaid = get(queryPath(u"V3QUERY"_s));
    QCOMPARE(unpaid.status, 200);
    QVERIFY_SIGNED(unpaid);
    QJsonObject json = unpaid.json();
    QCOMPARE(json.value(u"trade_state"_s).toString(), u"NOTPAY"_s);
    QCOMPARE(json.value(u"trade_type"_s).toString(), u"NATIVE"_s);
    QCOMPARE(json.value(u"mchid"_s).toString(), m_credentials.merchantId);
    QCOMPARE(json.value(u"appid"_s).toString(), m_credentials.appId);
    QVERIFY(!json.contains(u"transaction_id"_s));
    QCOMPARE(json.value(u"amount"_s).toObject().value(u"total"_s).toInteger(), 1250);

    m_gateway->setNotificationsEnabled(false);
    QVERIFY(m_gateway->pay(u"V3QUERY"_s).ok());
    const V3Reply paid = get(queryPath(u"V3QUERY"_s));
    QVERIFY_SIGNED(paid);
    json = paid.json();
    QCOMPARE(json.value(u"trade_state"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(json.value(u"transaction_id"_s).toString(),
             m_gateway->trade(u"V3QUERY"_s)->transactionId);
    QCOMPARE(json.value(u"success_time"_s).toString(), u"2025-03-14T10:34:56+08:00"_s);
    QVERIFY(json.value(u"payer"_s).toObject().value(u"openid"_s).toString().startsWith(u"oSbx"));
    QCOMPARE(json.value(u"amount"_s).toObject().value(u"payer_total"_s).toInteger(), 1250);
    QCOMPARE(m_gateway->requestCount(SandboxWechatV3Protocol::kQueryPath), 2);
}

void tst_SandboxWechatV3::unknownTradeIs404()
{
    const V3Reply reply = get(queryPath(u"V3NOBODY"_s));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.code(), u"ORDER_NOT_EXIST"_s);
    QVERIFY_SIGNED(reply);
    const V3Reply otherMerchant =
        get(u"/v3/pay/transactions/out-trade-no/V3NOBODY?mchid=1900000110"_s);
    QCOMPARE(otherMerchant.status, 400);
    const V3Reply nowhere = get(u"/v3/pay/nowhere"_s);
    QCOMPARE(nowhere.status, 404);
    QCOMPARE(nowhere.code(), u"NOT_FOUND"_s);
    QVERIFY_SIGNED(nowhere);
}

void tst_SandboxWechatV3::closeAnswers204()
{
    const QString closePath = u"/v3/pay/transactions/out-trade-no/V3CLOSE/close"_s;
    const QJsonObject body{{u"mchid"_s, m_credentials.merchantId}};
    QCOMPARE(post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3CLOSE"_s)).status, 200);
    const V3Reply closed = post(closePath, body);
    QCOMPARE(closed.status, 204);
    QVERIFY(closed.body.isEmpty());
    QVERIFY_SIGNED(closed); // over "TIMESTAMP\nNONCE\n\n"
    QCOMPARE(m_gateway->trade(u"V3CLOSE"_s)->state, u"CLOSED"_s);
    QCOMPARE(post(closePath, body).status, 204); // closed already: the same answer
    QCOMPARE(m_gateway->closeCount(u"V3CLOSE"_s), 2);
    QCOMPARE(m_gateway->requestCount(SandboxWechatV3Protocol::kClosePath), 2);

    QVERIFY(paidTrade(u"V3PAIDCLOSE"_s));
    const V3Reply paid = post(u"/v3/pay/transactions/out-trade-no/V3PAIDCLOSE/close"_s, body);
    QCOMPARE(paid.status, 400);
    QCOMPARE(paid.code(), u"ORDER_PAID"_s);
    QVERIFY_SIGNED(paid);
    const V3Reply unknown = post(u"/v3/pay/transactions/out-trade-no/V3NOCLOSE/close"_s, body);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.code(), u"ORDER_NOT_EXIST"_s);
}

void tst_SandboxWechatV3::codepay_data()
{
    QTest::addColumn<CodeCustomer>("customer");
    QTest::addColumn<QString>("authCode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // or trade_state for 200
    QTest::newRow("paid at once") << CodeCustomer::PaysAtOnce << u"134567890123456789"_s << 200
                                  << u"SUCCESS"_s;
    QTest::newRow("password") << CodeCustomer::ConfirmsAfter << u"134567890123456780"_s << 202
                              << u"USERPAYING"_s;
    QTest::newRow("no balance") << CodeCustomer::NotEnoughBalance << u"134567890123456781"_s << 403
                                << u"NOT_ENOUGH"_s;
    QTest::newRow("expired") << CodeCustomer::CodeExpired << u"134567890123456782"_s << 403
                             << u"AUTHCODEEXPIRE"_s;
    QTest::newRow("not a code") << CodeCustomer::PaysAtOnce << u"991234567890123456"_s << 400
                                << u"AUTH_CODE_INVALID"_s;
}

void tst_SandboxWechatV3::codepay()
{
    QFETCH(CodeCustomer, customer);
    QFETCH(QString, authCode);
    QFETCH(int, status);
    QFETCH(QString, code);
    m_gateway->setCodeCustomer(authCode, customer, 10s);
    const V3Reply reply =
        post(SandboxWechatV3Protocol::kCodepayPath, codepayBody(u"V3CODE"_s, authCode, 880));
    QCOMPARE(reply.status, status);
    QVERIFY_SIGNED(reply);
    if (status == 200) {
        QCOMPARE(reply.json().value(u"trade_state"_s).toString(), code);
        QCOMPARE(reply.json().value(u"trade_type"_s).toString(), u"MICROPAY"_s);
        QVERIFY(!reply.json().value(u"transaction_id"_s).toString().isEmpty());
    } else {
        QCOMPARE(reply.code(), code);
    }
    if (status != 400)
        QCOMPARE(m_gateway->trade(u"V3CODE"_s)->api, u"v3"_s);
}

void tst_SandboxWechatV3::passwordThenPaid()
{
    m_gateway->setCodeCustomer(u"134567890123456780"_s, CodeCustomer::ConfirmsAfter, 10s);
    const QJsonObject body = codepayBody(u"V3PASSWORD"_s, u"134567890123456780"_s);
    QCOMPARE(post(SandboxWechatV3Protocol::kCodepayPath, body).status, 202);
    QCOMPARE(query(u"V3PASSWORD"_s).value(u"trade_state"_s).toString(), u"USERPAYING"_s);
    // The same charge again while the customer types: still waiting.
    QCOMPARE(post(SandboxWechatV3Protocol::kCodepayPath, body).status, 202);
    m_now = m_now.addSecs(11);
    const QJsonObject paid = query(u"V3PASSWORD"_s);
    QCOMPARE(paid.value(u"trade_state"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(paid.value(u"trade_type"_s).toString(), u"MICROPAY"_s);
}

void tst_SandboxWechatV3::reverse()
{
    const auto reversePath = [](const QString &outTradeNo) {
        return u"/v3/pay/transactions/out-trade-no/%1/reverse"_s.arg(outTradeNo);
    };
    const QJsonObject body{{u"appid"_s, m_credentials.appId},
                           {u"mchid"_s, m_credentials.merchantId}};
    QCOMPARE(post(SandboxWechatV3Protocol::kCodepayPath,
                  codepayBody(u"V3REVERSE"_s, u"134567890123456789"_s))
                 .status,
             200);
    const V3Reply reversed = post(reversePath(u"V3REVERSE"_s), body);
    QCOMPARE(reversed.status, 200);
    QVERIFY_SIGNED(reversed);
    QCOMPARE(reversed.json().value(u"recall"_s).toString(), u"N"_s);
    QCOMPARE(query(u"V3REVERSE"_s).value(u"trade_state"_s).toString(), u"REVOKED"_s);

    m_gateway->setCodeCustomer(u"134567890123456783"_s, CodeCustomer::NeverConfirms);
    QCOMPARE(post(SandboxWechatV3Protocol::kCodepayPath,
                  codepayBody(u"V3WAITING"_s, u"134567890123456783"_s))
                 .status,
             202);
    const V3Reply waiting = post(reversePath(u"V3WAITING"_s), body);
    QCOMPARE(waiting.status, 400);
    QCOMPARE(waiting.code(), u"TRADE_ERROR"_s);
    m_gateway->injectFault(SandboxWechatV3Protocol::kReversePath, SandboxFault::Recall);
    const V3Reply recall = post(reversePath(u"V3WAITING"_s), body);
    QCOMPARE(recall.status, 200);
    QCOMPARE(recall.json().value(u"recall"_s).toString(), u"Y"_s);
    QCOMPARE(m_gateway->reverseCount(u"V3WAITING"_s), 2);

    // A trade the till made through v2 is reversed through v2 only.
    QVERIFY(createV2Trade(u"V2TRADE"_s, u"https://pos.example.com/notify/wechat"_s));
    const V3Reply v2 = post(reversePath(u"V2TRADE"_s), body);
    QCOMPARE(v2.status, 400);
    QCOMPARE(v2.code(), u"INVALID_REQUEST"_s);
    QVERIFY_SIGNED(v2);
    QCOMPARE(m_gateway->trade(u"V2TRADE"_s)->state, u"NOTPAY"_s);
    QCOMPARE(post(reversePath(u"V3NOREVERSE"_s), body).code(), u"ORDER_NOT_EXIST"_s);
}

void tst_SandboxWechatV3::refundAndQuery()
{
    QVERIFY(paidTrade(u"V3REFUND"_s, 1000));
    const QJsonObject body{
        {u"out_trade_no"_s, u"V3REFUND"_s},
        {u"out_refund_no"_s, u"V3R1"_s},
        {u"reason"_s, u"退货"_s},
        {u"amount"_s,
         QJsonObject{{u"refund"_s, 300}, {u"total"_s, 1000}, {u"currency"_s, u"CNY"_s}}},
    };
    const V3Reply made = post(SandboxWechatV3Protocol::kRefundPath, body);
    QCOMPARE(made.status, 200);
    QVERIFY_SIGNED(made);
    const QJsonObject refund = made.json();
    QCOMPARE(refund.value(u"status"_s).toString(), u"PROCESSING"_s);
    QCOMPARE(refund.value(u"out_trade_no"_s).toString(), u"V3REFUND"_s);
    QCOMPARE(refund.value(u"channel"_s).toString(), u"ORIGINAL"_s);
    QCOMPARE(refund.value(u"create_time"_s).toString(), u"2025-03-14T10:34:56+08:00"_s);
    QCOMPARE(refund.value(u"amount"_s).toObject().value(u"refund"_s).toInteger(), 300);
    const QString refundId = refund.value(u"refund_id"_s).toString();
    QVERIFY(!refundId.isEmpty());

    // The same number again is the same refund.
    const V3Reply again = post(SandboxWechatV3Protocol::kRefundPath, body);
    QCOMPARE(again.json().value(u"refund_id"_s).toString(), refundId);
    QCOMPARE(m_gateway->refunds().size(), 1);
    QCOMPARE(m_gateway->refundRequestCount(u"V3R1"_s), 2);

    m_now = m_now.addSecs(1); // past the settle delay
    const V3Reply queried = get(u"/v3/refund/domestic/refunds/V3R1"_s);
    QCOMPARE(queried.status, 200);
    QVERIFY_SIGNED(queried);
    QCOMPARE(queried.json().value(u"status"_s).toString(), u"SUCCESS"_s);
    QVERIFY(queried.json().value(u"success_time"_s).toString().startsWith(u"2025-03-14T10:34:5"));
    QCOMPARE(query(u"V3REFUND"_s).value(u"trade_state"_s).toString(), u"REFUND"_s);

    QJsonObject tooMuch = body;
    tooMuch.insert(u"out_refund_no"_s, u"V3R2"_s);
    tooMuch.insert(u"amount"_s, QJsonObject{{u"refund"_s, 800}, {u"total"_s, 1000}});
    const V3Reply refused = post(SandboxWechatV3Protocol::kRefundPath, tooMuch);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.code(), u"INVALID_REQUEST"_s);
    QJsonObject noTrade = body;
    noTrade.insert(u"out_trade_no"_s, u"V3NOTRADE"_s);
    noTrade.insert(u"out_refund_no"_s, u"V3R3"_s);
    QCOMPARE(post(SandboxWechatV3Protocol::kRefundPath, noTrade).code(), u"RESOURCE_NOT_EXISTS"_s);
    const V3Reply unknown = get(u"/v3/refund/domestic/refunds/V3NOREFUND"_s);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.code(), u"RESOURCE_NOT_EXISTS"_s);
    QVERIFY_SIGNED(unknown);
}

void tst_SandboxWechatV3::certificatesInPublicKeyMode()
{
    const V3Reply reply = get(SandboxWechatV3Protocol::kCertificatesPath);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.code(), u"NOT_FOUND"_s);
    QVERIFY_SIGNED(reply);
    QCOMPARE(QString::fromLatin1(reply.signature().serial), m_credentials.payPublicKeyId);
    QCOMPARE(m_gateway->requestCount(SandboxWechatV3Protocol::kCertificatesPath), 1);
}

void tst_SandboxWechatV3::certificatesInCertificateMode()
{
    QVERIFY(m_gateway->setWechatV3KeyMode(WechatV3KeyMode::PlatformCertificates).ok());
    V3Reply reply;
    const QList<QSslCertificate> certificates = downloadCertificates(&reply);
    QCOMPARE(reply.status, 200);
    QCOMPARE(certificates.size(), 1);
    const QString serial =
        wechatv3::normalizedSerial(QString::fromLatin1(certificates.first().serialNumber()));
    QCOMPARE(serial.size(), 40);
    QCOMPARE(QString::fromLatin1(reply.signature().serial), serial);
    QCOMPARE(m_gateway->wechatV3Signer(), serial);
    // Valid from the gateway's clock, not the machine's.
    QCOMPARE(certificates.first().effectiveDate(), m_now.addSecs(-600));
    QCOMPARE(certificates.first().expiryDate(), m_now.addSecs(5LL * 365 * 24 * 3600));
    const QJsonObject entry = reply.json().value(u"data"_s).toArray().first().toObject();
    QCOMPARE(entry.value(u"effective_time"_s).toString(), u"2025-03-14T10:24:56+08:00"_s);

    // A till that knows nothing but what it downloaded believes the gateway.
    WechatPayKeys downloaded;
    QVERIFY(downloaded.addCertificate(certificates.first()).ok());
    QVERIFY(downloaded.verify(reply.signature(), reply.body, m_now).ok());
    const V3Reply order = post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3CERT"_s));
    QCOMPARE(QString::fromLatin1(order.signature().serial), serial);
    QVERIFY(downloaded.verify(order.signature(), order.body, m_now).ok());
    // ...and a till that knows only the public key does not know this serial.
    QVERIFY(!payKeys().verify(order.signature(), order.body, m_now).ok());
}

void tst_SandboxWechatV3::certificateRotation()
{
    QVERIFY(m_gateway->setWechatV3KeyMode(WechatV3KeyMode::PlatformCertificates).ok());
    const QString oldSerial = m_gateway->wechatV3Signer();
    const WechatPayKeys beforeRotation = payKeys(m_gateway->wechatV3Certificates());

    m_now = m_now.addSecs(3 * 3600); // the middle of the day
    const QString newSerial = m_gateway->publishWechatV3Certificate();
    QVERIFY(!newSerial.isEmpty());
    QVERIFY(newSerial != oldSerial);
    QCOMPARE(downloadCertificates().size(), 2);
    // Published, not signing yet: a till that has not downloaded it keeps working.
    V3Reply reply = get(queryPath(u"V3NONE"_s));
    QCOMPARE(QString::fromLatin1(reply.signature().serial), oldSerial);
    QVERIFY(beforeRotation.verify(reply.signature(), reply.body, m_now).ok());

    QVERIFY(m_gateway->signWechatV3With(newSerial).ok());
    reply = get(queryPath(u"V3NONE"_s));
    QCOMPARE(QString::fromLatin1(reply.signature().serial), newSerial);
    QVERIFY_SIGNED(reply);
    QVERIFY(!beforeRotation.verify(reply.signature(), reply.body, m_now).ok());
    QVERIFY(!m_gateway->withdrawWechatV3Certificate(newSerial).ok()); // it signs now
    QVERIFY(m_gateway->withdrawWechatV3Certificate(oldSerial).ok());
    V3Reply listed;
    const QList<QSslCertificate> left = downloadCertificates(&listed);
    QCOMPARE(left.size(), 1);
    QCOMPARE(wechatv3::normalizedSerial(QString::fromLatin1(left.first().serialNumber())),
             newSerial);
    QCOMPARE(left.first().effectiveDate(), m_now.addSecs(-600));
    QVERIFY(!m_gateway->signWechatV3With(oldSerial).ok());

    // From certificates to the public key: signed by it while the list is still served
    // (by a listed certificate), then the list goes.
    QVERIFY(m_gateway->signWechatV3With(m_credentials.payPublicKeyId).ok());
    reply = post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3SWITCH"_s));
    QCOMPARE(QString::fromLatin1(reply.signature().serial), m_credentials.payPublicKeyId);
    QVERIFY_SIGNED(reply);
    downloadCertificates(&listed);
    QCOMPARE(listed.status, 200);
    QCOMPARE(QString::fromLatin1(listed.signature().serial), newSerial);
    QVERIFY(m_gateway->setWechatV3KeyMode(WechatV3KeyMode::PublicKey).ok());
    QCOMPARE(get(SandboxWechatV3Protocol::kCertificatesPath).status, 404);
    QVERIFY(!m_gateway->signWechatV3With(u"ABCDEF0123"_s).ok());
}

void tst_SandboxWechatV3::faults()
{
    m_gateway->injectFault(SandboxWechatV3Protocol::kQueryPath, SandboxFault::Http500);
    const V3Reply http500 = get(queryPath(u"V3FAULT"_s));
    QCOMPARE(http500.status, 500);
    QVERIFY(!http500.signature().complete()); // the load balancer's: unsigned

    m_gateway->injectFault(SandboxWechatV3Protocol::kNativePath, SandboxFault::SystemError);
    const V3Reply systemError =
        post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3FAULT"_s));
    QCOMPARE(systemError.status, 500);
    QCOMPARE(systemError.code(), u"SYSTEM_ERROR"_s);
    QVERIFY_SIGNED(systemError);
    QVERIFY(!m_gateway->trade(u"V3FAULT"_s)); // not processed

    m_gateway->injectFault(SandboxWechatV3Protocol::kNativePath, SandboxFault::BadSignature);
    const V3Reply forged = post(SandboxWechatV3Protocol::kNativePath, nativeOrder(u"V3FAULT"_s));
    QCOMPARE(forged.status, 200);
    QVERIFY(!signatureProblem(forged).isEmpty());
    QVERIFY(m_gateway->trade(u"V3FAULT"_s)); // processed

    m_gateway->injectFault(SandboxWechatV3Protocol::kQueryPath, SandboxFault::Latency, 1, 300ms);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(get(queryPath(u"V3FAULT"_s)).status, 200);
    QVERIFY(timer.elapsed() >= 300);

    m_gateway->injectFault(SandboxWechatV3Protocol::kCodepayPath, SandboxFault::BankError);
    const V3Reply bank = post(SandboxWechatV3Protocol::kCodepayPath,
                              codepayBody(u"V3BANK"_s, u"134567890123456789"_s));
    QCOMPARE(bank.status, 500);
    QCOMPARE(bank.code(), u"BANK_ERROR"_s);
    QCOMPARE(query(u"V3BANK"_s).value(u"trade_state"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(m_gateway->requestCount(SandboxWechatV3Protocol::kQueryPath), 3);
}

void tst_SandboxWechatV3::paymentNotification()
{
    QVERIFY(paidTrade(u"V3NOTIFY"_s, 1250, m_listener->url()));
    QVERIFY(m_listener->waitFor(1));
    const HttpRequest &arrival = m_listener->arrivals.first();
    QVERIFY(arrival.header("content-type").startsWith("application/json"));
    const Status verified = verifyNotification(arrival, m_now);
    QVERIFY2(verified.ok(), qPrintable(verified ? QString() : verified.error().message));
    const QJsonObject event = QJsonDocument::fromJson(arrival.body).object();
    QCOMPARE(event.value(u"event_type"_s).toString(), u"TRANSACTION.SUCCESS"_s);
    QCOMPARE(event.value(u"resource_type"_s).toString(), u"encrypt-resource"_s);
    const QJsonObject resource = event.value(u"resource"_s).toObject();
    QCOMPARE(resource.value(u"associated_data"_s).toString(), u"transaction"_s);
    QCOMPARE(resource.value(u"original_type"_s).toString(), u"transaction"_s);
    QCOMPARE(resource.value(u"nonce"_s).toString().size(), 12);
    const QJsonObject transaction = resourceOf(arrival);
    QCOMPARE(transaction.value(u"out_trade_no"_s).toString(), u"V3NOTIFY"_s);
    QCOMPARE(transaction.value(u"trade_state"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(transaction.value(u"amount"_s).toObject().value(u"total"_s).toInteger(), 1250);
    QVERIFY(QTest::qWaitFor([this] { return m_gateway->notificationAcknowledged(u"V3NOTIFY"_s); }));
    QCOMPARE(m_gateway->notificationsSent(u"V3NOTIFY"_s), 1);
}

void tst_SandboxWechatV3::notificationVariants_data()
{
    QTest::addColumn<NotifyVariant>("variant");
    QTest::addColumn<int>("arrivals");
    QTest::addColumn<QString>("refusal");       // what the till's check says; empty: believed
    QTest::addColumn<qint64>("believedAtSecs"); // when it would have been believed
    QTest::addColumn<int>("total");
    QTest::newRow("genuine") << NotifyVariant::Genuine << 1 << QString() << 0LL << 500;
    QTest::newRow("duplicate") << NotifyVariant::Duplicate << 2 << QString() << 0LL << 500;
    QTest::newRow("wrong signature")
        << NotifyVariant::WrongSignature << 1 << u"does not check out"_s << 0LL << 500;
    QTest::newRow("wrong amount") << NotifyVariant::WrongAmount << 1 << QString() << 0LL << 499;
    QTest::newRow("replayed stale")
        << NotifyVariant::ReplayedStale << 1 << u"off our clock"_s << -360LL << 500;
    QTest::newRow("skewed timestamp")
        << NotifyVariant::SkewedTimestamp << 1 << u"off our clock"_s << 360LL << 500;
    QTest::newRow("unknown serial")
        << NotifyVariant::UnknownSerial << 1 << u"does not know"_s << 0LL << 500;
}

void tst_SandboxWechatV3::notificationVariants()
{
    QFETCH(NotifyVariant, variant);
    QFETCH(int, arrivals);
    QFETCH(QString, refusal);
    QFETCH(qint64, believedAtSecs);
    QFETCH(int, total);
    QVERIFY(paidTrade(u"V3VARIANT"_s, 500));
    m_gateway->setNotificationsEnabled(true);
    // The trade's notify_url is not the listener's; the variant is sent there all the same.
    m_gateway->setNotifyScatter({QUrl(m_listener->url())});
    QVERIFY(m_gateway->sendNotification(u"V3VARIANT"_s, variant).ok());
    QVERIFY(m_listener->waitFor(arrivals));
    QTest::qWait(50);
    QCOMPARE(m_listener->arrivals.size(), arrivals);
    for (const HttpRequest &arrival : std::as_const(m_listener->arrivals)) {
        const Status verified = verifyNotification(arrival, m_now);
        if (refusal.isEmpty()) {
            QVERIFY2(verified.ok(), qPrintable(verified ? QString() : verified.error().message));
        } else {
            QVERIFY(!verified.ok());
            QVERIFY2(verified.error().message.contains(refusal),
                     qPrintable(verified.error().message));
        }
        if (believedAtSecs != 0)
            QVERIFY(verifyNotification(arrival, m_now.addSecs(believedAtSecs)).ok());
        const QJsonObject transaction = resourceOf(arrival);
        QCOMPARE(transaction.value(u"amount"_s).toObject().value(u"total"_s).toInteger(), total);
    }
}

void tst_SandboxWechatV3::retriesAreSignedAfresh()
{
    QVERIFY(m_gateway->setWechatV3KeyMode(WechatV3KeyMode::PlatformCertificates).ok());
    const QString oldSerial = m_gateway->wechatV3Signer();
    const QString newSerial = m_gateway->publishWechatV3Certificate();
    m_listener->script({500, 400}); // refused twice, then 204
    QVERIFY(paidTrade(u"V3RETRY"_s, 100, m_listener->url()));
    QVERIFY(m_listener->waitFor(1));
    // The key switches while the notification waits for its retry.
    QVERIFY(m_gateway->signWechatV3With(newSerial).ok());
    m_now = m_now.addSecs(30);
    QVERIFY(m_listener->waitFor(3));
    QVERIFY(QTest::qWaitFor([this] { return m_gateway->notificationAcknowledged(u"V3RETRY"_s); }));
    const auto headers = [this](int index) {
        return wechatv3::SignatureHeaders::from(m_listener->arrivals.at(index).headers);
    };
    QCOMPARE(QString::fromLatin1(headers(0).serial), oldSerial);
    QCOMPARE(QString::fromLatin1(headers(2).serial), newSerial);
    QCOMPARE(headers(2).timestamp, QByteArray::number(m_now.toSecsSinceEpoch()));
    QVERIFY(headers(1).nonce != headers(2).nonce);
    QVERIFY(verifyNotification(m_listener->arrivals.at(2), m_now).ok());
    QCOMPARE(m_gateway->notificationsSent(u"V3RETRY"_s), 3);
}

void tst_SandboxWechatV3::v2TradeKeepsV2Notification()
{
    QVERIFY(createV2Trade(u"V2NOTIFY"_s, m_listener->url()));
    QVERIFY(m_gateway->sendNotification(u"V2NOTIFY"_s).error().is(u"ORDERNOTPAID"));
    QVERIFY(m_gateway->pay(u"V2NOTIFY"_s).ok());
    QVERIFY(m_listener->waitFor(1));
    const HttpRequest &arrival = m_listener->arrivals.first();
    QVERIFY(arrival.body.startsWith("<xml>"));
    QVERIFY(arrival.header("wechatpay-signature").isEmpty());
    // The v3-only variants make no sense for it; v3 has no out-of-order notification.
    const Status stale = m_gateway->sendNotification(u"V2NOTIFY"_s, NotifyVariant::ReplayedStale);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, ErrorCode::Unsupported);
    QVERIFY(paidTrade(u"V3ORDER"_s));
    m_gateway->setNotificationsEnabled(true);
    QCOMPARE(m_gateway->sendNotification(u"V3ORDER"_s, NotifyVariant::OutOfOrder).error().code,
             ErrorCode::Unsupported);
}

void tst_SandboxWechatV3::refundNotification()
{
    QVERIFY(paidTrade(u"V3REFUNDNOTIFY"_s, 1000));
    m_gateway->setNotificationsEnabled(true);
    const QJsonObject body{
        {u"out_trade_no"_s, u"V3REFUNDNOTIFY"_s},
        {u"out_refund_no"_s, u"V3RN1"_s},
        {u"notify_url"_s, m_listener->url()},
        {u"amount"_s, QJsonObject{{u"refund"_s, 1000}, {u"total"_s, 1000}}},
    };
    QCOMPARE(post(SandboxWechatV3Protocol::kRefundPath, body).status, 200);
    m_now = m_now.addSecs(1); // past the settle delay: the query finds it done, and notifies
    QCOMPARE(get(u"/v3/refund/domestic/refunds/V3RN1"_s).json().value(u"status"_s).toString(),
             u"SUCCESS"_s);
    QVERIFY(m_listener->waitFor(1));
    const HttpRequest &arrival = m_listener->arrivals.first();
    QVERIFY(verifyNotification(arrival, m_now).ok());
    const QJsonObject event = QJsonDocument::fromJson(arrival.body).object();
    QCOMPARE(event.value(u"event_type"_s).toString(), u"REFUND.SUCCESS"_s);
    QCOMPARE(event.value(u"resource"_s).toObject().value(u"associated_data"_s).toString(),
             u"refund"_s);
    const QJsonObject refund = resourceOf(arrival);
    QCOMPARE(refund.value(u"refund_status"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(refund.value(u"out_refund_no"_s).toString(), u"V3RN1"_s);
    QCOMPARE(refund.value(u"mchid"_s).toString(), m_credentials.merchantId);
    QCOMPARE(refund.value(u"amount"_s).toObject().value(u"payer_refund"_s).toInteger(), 1000);

    QVERIFY(m_gateway->sendRefundNotification(u"V3RN1"_s, RefundNotifyVariant::WrongKey).ok());
    QVERIFY(m_listener->waitFor(2));
    QVERIFY(resourceOf(m_listener->arrivals.at(1)).isEmpty()); // the API v3 key cannot open it
}

QTEST_GUILESS_MAIN(tst_SandboxWechatV3)
#include "tst_sandboxwechatv3.moc"
