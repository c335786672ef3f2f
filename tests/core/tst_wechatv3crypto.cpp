// WeChat Pay API v3's signatures and encrypted resources: the merchant's Authorization
// header, WechatPayKeys' verification of replies and notifications (serials, validity,
// the five-minute window), and the AEAD_AES_256_GCM resource of a notification.

#include "pay/wechatv3/wechatpaykeys.h"
#include "pay/wechatv3/wechatv3resource.h"
#include "pay/wechatv3/wechatv3signing.h"
#include "testcertificate.h"

#include <QJsonDocument>
#include <QSslCertificate>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::wechatv3;

namespace {

// Every test's "now": fixed, so that no result depends on the day it runs.
const QDateTime kNow(QDate(2026, 3, 14), QTime(9, 26, 53), Qt::UTC);

const crypto::RsaKey &merchantKey()
{
    static const crypto::RsaKey key = crypto::RsaKey::generate().value();
    return key;
}

const crypto::RsaKey &payKey() // WeChat Pay's "public key" pair
{
    static const crypto::RsaKey key = crypto::RsaKey::generate().value();
    return key;
}

SignatureHeaders signedBy(const crypto::RsaKey &key, const QString &serial, const QByteArray &body,
                          const QDateTime &at = kNow)
{
    SignatureHeaders headers;
    headers.timestamp = QByteArray::number(at.toSecsSinceEpoch());
    headers.nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
    headers.serial = serial.toLatin1();
    headers.signature = key.signBase64(replyMessage(headers.timestamp, headers.nonce, body));
    return headers;
}

const QString kPublicKeyId = u"PUB_KEY_ID_0114232134912410000000000000"_s;

} // namespace

class TestWechatV3Crypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestMessageIsTheDocumentedOne();
    void authorizationSignsAndParses();
    void malformedAuthorizationsAreRefused_data();
    void malformedAuthorizationsAreRefused();
    void serialsAreNormalized_data();
    void serialsAreNormalized();
    void genuineReplyVerifies();
    void timestampWindowIsFiveMinutes_data();
    void timestampWindowIsFiveMinutes();
    void forgeriesAreRefused();
    void certificatesCountOnlyWhileValid();
    void publicKeyAndCertificateBothAcceptedDuringSwitch();
    void resourceDecryptsAnIndependentVector();
    void resourceRoundTripsAndRefusesTampering();
    void malformedResourcesAreRefused_data();
    void malformedResourcesAreRefused();
};

void TestWechatV3Crypto::requestMessageIsTheDocumentedOne()
{
    // The example of WeChat Pay's "签名生成" guide: a GET has an empty body line.
    QCOMPARE(requestMessage("GET", "/v3/certificates", "1554208460",
                            "593BEC0C930BF1AFEB40B4A08C8FB242", {}),
             QByteArray("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n"));
    QCOMPARE(replyMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", "{\"a\":1}"),
             QByteArray("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{\"a\":1}\n"));
}

void TestWechatV3Crypto::authorizationSignsAndParses()
{
    const MerchantSigningKey key{u"1900009191"_s, u"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"_s,
                                 merchantKey()};
    const QByteArray body = R"({"mchid":"1900009191"})";
    const QByteArray header = authorization(key, "POST", "/v3/pay/transactions/native", body,
                                            1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242");
    QVERIFY(header.startsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str="));

    auto parsed = parseAuthorization(header);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->merchantId, QByteArray("1900009191"));
    QCOMPARE(parsed->timestamp, QByteArray("1554208460"));
    QCOMPARE(parsed->serialNo, QByteArray("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"));
    const QByteArray signedText = requestMessage("POST", "/v3/pay/transactions/native",
                                                 parsed->timestamp, parsed->nonce, body);
    QVERIFY(merchantKey().publicKey().verifyBase64(signedText, parsed->signature));
    // Anything else signed is another message: path, method or body.
    QVERIFY(!merchantKey().verifyBase64(requestMessage("POST", "/v3/pay/transactions/codepay",
                                                       parsed->timestamp, parsed->nonce, body),
                                        parsed->signature));
    QVERIFY(!merchantKey().verifyBase64(requestMessage("GET", "/v3/pay/transactions/native",
                                                       parsed->timestamp, parsed->nonce, body),
                                        parsed->signature));

    // A key that cannot sign gives no header at all, never an unsigned one.
    const MerchantSigningKey publicOnly{key.merchantId, key.serialNo, merchantKey().publicKey()};
    QVERIFY(authorization(publicOnly, "GET", "/v3/certificates", {}, 1, "n").isEmpty());
}

void TestWechatV3Crypto::malformedAuthorizationsAreRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    const QByteArray all = R"(mchid="1",nonce_str="n",timestamp="1",serial_no="S",signature="x")";
    QTest::newRow("v2 scheme") << "WECHATPAY2-SHA256 " + all;
    QTest::newRow("no scheme") << all;
    QTest::newRow("missing signature")
        << QByteArray(R"(WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",timestamp="1",)"
                      R"(serial_no="S")");
    QTest::newRow("repeated field") << "WECHATPAY2-SHA256-RSA2048 " + all + R"(,mchid="2")";
    QTest::newRow("unknown field") << "WECHATPAY2-SHA256-RSA2048 " + all + R"(,extra="2")";
    QTest::newRow("unquoted") << QByteArray(
        R"(WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str="n",timestamp="1",)"
        R"(serial_no="S",signature="x")");
}

void TestWechatV3Crypto::malformedAuthorizationsAreRefused()
{
    QFETCH(QByteArray, header);
    auto parsed = parseAuthorization(header);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::BadSignature);
}

void TestWechatV3Crypto::serialsAreNormalized_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("as WeChat writes it") << u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s
                                         << u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
    QTest::newRow("as Qt writes it") << u"51:57:f0:9e"_s << u"5157F09E"_s;
    QTest::newRow("leading zeros") << u"00:0a:ff"_s << u"AFF"_s;
    QTest::newRow("public key id") << kPublicKeyId << kPublicKeyId;
}

void TestWechatV3Crypto::serialsAreNormalized()
{
    QFETCH(QString, given);
    QFETCH(QString, normalized);
    QCOMPARE(normalizedSerial(given), normalized);
}

void TestWechatV3Crypto::genuineReplyVerifies()
{
    WechatPayKeys keys;
    keys.addPublicKey(kPublicKeyId, payKey());
    const QByteArray body = R"({"code_url":"weixin://wxpay/bizpayurl/up?pr=NwY5Mz9&groupid=00"})";
    QVERIFY(keys.verify(signedBy(payKey(), kPublicKeyId, body), body, kNow));
    // A 204 has no body: the signature covers an empty line.
    QVERIFY(keys.verify(signedBy(payKey(), kPublicKeyId, {}), {}, kNow));
    QVERIFY(keys.knows(kPublicKeyId));
    QVERIFY(!keys.hasCertificates());
}

void TestWechatV3Crypto::timestampWindowIsFiveMinutes_data()
{
    QTest::addColumn<int>("offsetSecs");
    QTest::addColumn<bool>("believed");
    QTest::newRow("now") << 0 << true;
    QTest::newRow("4:59 old") << -299 << true;
    QTest::newRow("4:59 ahead") << 299 << true;
    QTest::newRow("5:00 old") << -300 << false;
    QTest::newRow("5:00 ahead") << 300 << false;
    QTest::newRow("a day old") << -86400 << false;
}

void TestWechatV3Crypto::timestampWindowIsFiveMinutes()
{
    QFETCH(int, offsetSecs);
    QFETCH(bool, believed);
    WechatPayKeys keys;
    keys.addPublicKey(kPublicKeyId, payKey());
    const QByteArray body = "{}";
    const Status verified =
        keys.verify(signedBy(payKey(), kPublicKeyId, body, kNow.addSecs(offsetSecs)), body, kNow);
    QCOMPARE(bool(verified), believed);
    if (!verified)
        QCOMPARE(verified.error().code, ErrorCode::BadSignature);
}

void TestWechatV3Crypto::forgeriesAreRefused()
{
    WechatPayKeys keys;
    keys.addPublicKey(kPublicKeyId, payKey());
    const QByteArray body = R"({"trade_state":"SUCCESS"})";

    SignatureHeaders changedBody = signedBy(payKey(), kPublicKeyId, body);
    QVERIFY(!keys.verify(changedBody, R"({"trade_state":"NOTPAY"})", kNow));

    // Signed by the merchant's own key (the commonest integration mistake) under WeChat's id.
    QVERIFY(!keys.verify(signedBy(merchantKey(), kPublicKeyId, body), body, kNow));

    const Status unknown = keys.verify(signedBy(payKey(), u"PUB_KEY_ID_OTHER"_s, body), body, kNow);
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.contains(u"PUB_KEY_ID_OTHER"));

    for (QByteArray SignatureHeaders::*field :
         {&SignatureHeaders::timestamp, &SignatureHeaders::nonce, &SignatureHeaders::signature,
          &SignatureHeaders::serial}) {
        SignatureHeaders missing = signedBy(payKey(), kPublicKeyId, body);
        missing.*field = {};
        QVERIFY(!keys.verify(missing, body, kNow));
    }
    SignatureHeaders wordTime = signedBy(payKey(), kPublicKeyId, body);
    wordTime.timestamp = "soon";
    QVERIFY(!keys.verify(wordTime, body, kNow));
    SignatureHeaders notBase64 = signedBy(payKey(), kPublicKeyId, body);
    notBase64.signature = "!!!";
    QVERIFY(!keys.verify(notBase64, body, kNow));
}

void TestWechatV3Crypto::certificatesCountOnlyWhileValid()
{
    const auto made =
        testing::TestCertificate::make("x", {0x3A5F, kNow.addDays(-10), kNow.addDays(30)});
    const auto certificate = QSslCertificate(made.certificatePem);
    const auto key = crypto::RsaKey::fromPrivatePem(made.keyPem).value();
    WechatPayKeys keys;
    QVERIFY(keys.addCertificate(certificate));
    QCOMPARE(keys.serials(), QStringList{u"3A5F"_s});
    QVERIFY(keys.hasCertificates());
    QCOMPARE(keys.certificatesExpire(), kNow.addDays(30));

    const QByteArray body = "{}";
    QVERIFY(keys.verify(signedBy(key, u"3a5f"_s, body), body, kNow));
    const QDateTime expired = kNow.addDays(31);
    QVERIFY(!keys.verify(signedBy(key, u"3A5F"_s, body, expired), body, expired));
    const QDateTime early = kNow.addDays(-11);
    QVERIFY(!keys.verify(signedBy(key, u"3A5F"_s, body, early), body, early));

    QVERIFY(!keys.addCertificate(QSslCertificate()));
}

void TestWechatV3Crypto::publicKeyAndCertificateBothAcceptedDuringSwitch()
{
    const auto made =
        testing::TestCertificate::make("x", {0x7E57, kNow.addDays(-1), kNow.addYears(5)});
    const auto certificateKey = crypto::RsaKey::fromPrivatePem(made.keyPem).value();
    WechatPayKeys keys;
    QVERIFY(keys.addCertificate(QSslCertificate(made.certificatePem)));
    keys.addPublicKey(kPublicKeyId, payKey().publicKey());
    const QByteArray body = R"({"id":"EV-2018022511223320873"})";
    QVERIFY(keys.verify(signedBy(certificateKey, u"7E57"_s, body), body, kNow));
    QVERIFY(keys.verify(signedBy(payKey(), kPublicKeyId, body), body, kNow));
    // Each key only under its own name.
    QVERIFY(!keys.verify(signedBy(payKey(), u"7E57"_s, body), body, kNow));
    QVERIFY(!keys.verify(signedBy(certificateKey, kPublicKeyId, body), body, kNow));
}

void TestWechatV3Crypto::resourceDecryptsAnIndependentVector()
{
    // Encrypted with Python's `cryptography` (AESGCM), not with this code: the shape of a
    // payment notification's resource.
    const QJsonObject resource{
        {u"algorithm"_s, u"AEAD_AES_256_GCM"_s},
        {u"original_type"_s, u"transaction"_s},
        {u"associated_data"_s, u"transaction"_s},
        {u"nonce"_s, u"fdasflkja484"_s},
        {u"ciphertext"_s,
         u"vdeHFb98j6tnjLTgntkCNKeGXbjcFhXRMDfLegciJgOKhENJk/zCYsT5EyUtAC6W/GblOMp1X4s3UkFE7u6Un"
         "BGIpf1YN8pIDHu4w5Xk/aRNWSRV2n1PCOpXvoV/dwBHAH5tL6Bak0PCgPs207BaphnXe17NGOuuPNSqLa8ph5M"
         "QDKg4WeuEaMw9nDIAWU2qgh2HNDbPqIYe9ukXCWxDC7F73AbL1sapR3WyhpuXSbtb0PhRlATIhLmFJdxxPIPQu"
         "7LkknKHETXakwPBYTRsXrECJVvhK147cYJzHOBP++SgJZ8Op9GWL3nQrrXzwosjvlpkrc57LriiLwNBe2IIYA6V"
         "bYt4zdJ7DPpik0HQZwBlPiCwcSVTuRdXWcH9ZsVofWTqtQbMtKPvI/CuyQVYA2wVSrv9Z6f/o1qg36rspkQTT/"
         "0qgIOXurQCyEgc8RNqUQDzstyg0dDX"_s}};
    auto plain = decryptResource(resource, "v3SandboxKey0123456789abcdefghij");
    QVERIFY2(plain, qPrintable(plain ? QString() : plain.error().message));
    const QJsonObject transaction = QJsonDocument::fromJson(plain.value()).object();
    QCOMPARE(transaction.value(u"out_trade_no"_s).toString(), u"SY20261206000001"_s);
    QCOMPARE(transaction.value(u"trade_state"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(transaction.value(u"amount"_s).toObject().value(u"total"_s).toInt(), 1234);

    auto wrongKey = decryptResource(resource, "v3SandboxKey0123456789abcdefghiJ");
    QVERIFY(!wrongKey);
    QCOMPARE(wrongKey.error().code, ErrorCode::BadSignature);
}

void TestWechatV3Crypto::resourceRoundTripsAndRefusesTampering()
{
    const QByteArray key = "0123456789abcdef0123456789ABCDEF";
    const QByteArray plain = R"({"out_refund_no":"R1","refund_status":"SUCCESS"})";
    QJsonObject resource = encryptResource(plain, key, "nonce1234567", "refund");
    QCOMPARE(decryptResource(resource, key).value(), plain);

    QJsonObject otherData = resource;
    otherData[u"associated_data"_s] = u"transaction"_s;
    QCOMPARE(decryptResource(otherData, key).error().code, ErrorCode::BadSignature);

    QJsonObject otherNonce = resource;
    otherNonce[u"nonce"_s] = u"nonce1234568"_s;
    QCOMPARE(decryptResource(otherNonce, key).error().code, ErrorCode::BadSignature);

    QByteArray cipher =
        QByteArray::fromBase64(resource.value(u"ciphertext"_s).toString().toLatin1());
    cipher[3] = char(cipher[3] ^ 1);
    QJsonObject flipped = resource;
    flipped[u"ciphertext"_s] = QString::fromLatin1(cipher.toBase64());
    QCOMPARE(decryptResource(flipped, key).error().code, ErrorCode::BadSignature);
}

void TestWechatV3Crypto::malformedResourcesAreRefused_data()
{
    QTest::addColumn<QJsonObject>("resource");
    const QJsonObject good =
        encryptResource("{}", "0123456789abcdef0123456789ABCDEF", "nonce1234567", "x");
    QJsonObject algorithm = good;
    algorithm[u"algorithm"_s] = u"AEAD_AES_128_GCM"_s;
    QTest::newRow("other algorithm") << algorithm;
    QJsonObject noNonce = good;
    noNonce.remove(u"nonce"_s);
    QTest::newRow("no nonce") << noNonce;
    QJsonObject numberCipher = good;
    numberCipher[u"ciphertext"_s] = 12;
    QTest::newRow("cipher text a number") << numberCipher;
    QJsonObject notBase64 = good;
    notBase64[u"ciphertext"_s] = u"@@@@"_s;
    QTest::newRow("not base64") << notBase64;
    QJsonObject shortNonce = good;
    shortNonce[u"nonce"_s] = u"short"_s;
    QTest::newRow("short nonce") << shortNonce;
    QTest::newRow("empty") << QJsonObject();
}

void TestWechatV3Crypto::malformedResourcesAreRefused()
{
    QFETCH(QJsonObject, resource);
    auto plain = decryptResource(resource, "0123456789abcdef0123456789ABCDEF");
    QVERIFY(!plain);
    QCOMPARE(plain.error().code, ErrorCode::BadResponse);
}

QTEST_GUILESS_MAIN(TestWechatV3Crypto)
#include "tst_wechatv3crypto.moc"
