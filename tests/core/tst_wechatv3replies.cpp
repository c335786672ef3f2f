// WechatV3Provider against a scripted gateway: what it sends (signed by the merchant), which
// replies it believes (signed by WeChat Pay, this merchant's, on time), and what each of
// v3's answers means to the till. Refunds: tst_wechatv3refunds; notifications and certificates:
// tst_wechatv3keys.

#include "pay/wechatv3/wechatv3provider.h"
#include "wechatv3testgateway.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

enum class Tamper {
    None,
    OtherKey,
    UnknownSerial,
    TimestampAhead,
    TimestampBehind,
    NearlySkewed,
    NoTimestamp,
    NoNonce,
    NoSignature,
    NoSerial,
    BodyChanged,
};

void removeHeader(HttpHeaders &headers, const QByteArray &name)
{
    headers.removeIf([&name](const auto &header) { return header.first == name; });
}

} // namespace

Q_DECLARE_METATYPE(Tamper)

class TestWechatV3Replies : public QObject
{
    Q_OBJECT

    V3TestShop m_shop;
    crypto::RsaKey m_strangerKey;
    std::unique_ptr<ScriptedV3Gateway> m_gateway;

    std::unique_ptr<WechatV3Provider> provider()
    {
        return std::make_unique<WechatV3Provider>(m_shop.config(m_gateway->baseUrl()),
                                                  m_shop.clock());
    }

    ScriptedAnswer tampered(int status, const QJsonObject &json, Tamper tamper) const
    {
        const QByteArray body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        PaySigner signer = m_shop.paySigner();
        qint64 skew = 0;
        switch (tamper) {
        case Tamper::OtherKey:
            signer.key = m_strangerKey;
            break;
        case Tamper::UnknownSerial:
            signer.serial = "PUB_KEY_ID_0114232100000099";
            break;
        case Tamper::TimestampAhead:
            skew = 300;
            break;
        case Tamper::TimestampBehind:
            skew = -300;
            break;
        case Tamper::NearlySkewed:
            skew = -299;
            break;
        default:
            break;
        }
        ScriptedAnswer answer{status, m_shop.signedHeaders(signer, body, skew), body, 0};
        if (tamper == Tamper::NoTimestamp)
            removeHeader(answer.headers, "Wechatpay-Timestamp");
        if (tamper == Tamper::NoNonce)
            removeHeader(answer.headers, "Wechatpay-Nonce");
        if (tamper == Tamper::NoSignature)
            removeHeader(answer.headers, "Wechatpay-Signature");
        if (tamper == Tamper::NoSerial)
            removeHeader(answer.headers, "Wechatpay-Serial");
        if (tamper == Tamper::BodyChanged)
            answer.body.replace("\"total\":100", "\"total\":1");
        return answer;
    }

    std::optional<Result<TradeSnapshot>> query(WechatV3Provider &provider,
                                               const QString &payNo = u"T1X"_s)
    {
        return answerOf<TradeSnapshot>([&](auto done) { provider.query(payNo, this, done); });
    }

    void answerQueryWith(ScriptedAnswer answer)
    {
        m_gateway->on("GET", "/v3/pay/transactions/out-trade-no/T1X",
                      [answer](const SeenRequest &) { return answer; });
    }

    // The Authorization header checks out with the merchant's public key for exactly what
    // was sent.
    void verifyAuthorization(const SeenRequest &seen)
    {
        auto authorization = wechatv3::parseAuthorization(seen.header("authorization"));
        QVERIFY(authorization);
        QCOMPARE(authorization->merchantId, V3TestShop::kMerchantId.toLatin1());
        QCOMPARE(authorization->serialNo, V3TestShop::kMerchantSerial.toLatin1());
        QCOMPARE(authorization->timestamp, QByteArray::number(m_shop.now.toSecsSinceEpoch()));
        QVERIFY(authorization->nonce.size() >= 16);
        QVERIFY(m_shop.merchantKey.publicKey().verifyBase64(
            wechatv3::requestMessage(seen.method, seen.target, authorization->timestamp,
                                     authorization->nonce, seen.body),
            authorization->signature));
        QCOMPARE(seen.header("accept"), QByteArray("application/json"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_shop.generateKeys());
        auto stranger = crypto::RsaKey::generate();
        QVERIFY(stranger);
        m_strangerKey = stranger.value();
    }

    void init()
    {
        m_shop.now = QDateTime(QDate(2026, 12, 6), QTime(2, 34, 56), Qt::UTC);
        m_gateway = std::make_unique<ScriptedV3Gateway>();
        QVERIFY(m_gateway->listening());
    }

    void nameAndApi()
    {
        auto wechat = provider();
        QCOMPARE(wechat->name(), u"wechat"_s);
        QCOMPARE(wechat->api(), u"v3"_s);
        QCOMPARE(wechat->appId(), V3TestShop::kAppId);
        QCOMPARE(wechat->merchantId(), V3TestShop::kMerchantId);
    }

    void aNativeOrderIsSignedByTheMerchant_data()
    {
        QTest::addColumn<QDateTime>("expiresAt");
        const QDateTime beijing10h49(QDate(2026, 12, 6), QTime(2, 49, 56), Qt::UTC);
        QTest::newRow("UTC") << beijing10h49;
        QTest::newRow("New York") << beijing10h49.toTimeZone(QTimeZone("America/New_York"));
        QTest::newRow("offset -03:30") << beijing10h49.toOffsetFromUtc(-12600);
    }
    void aNativeOrderIsSignedByTheMerchant()
    {
        QFETCH(QDateTime, expiresAt);
        m_gateway->on("POST", "/v3/pay/transactions/native", [this](const SeenRequest &) {
            return m_shop.answer(200, {{u"code_url"_s, u"weixin://wxpay/bizpayurl?pr=abc"_s}});
        });
        auto wechat = provider();
        const auto ticket = answerOf<QrTicket>([&](auto done) {
            wechat->createQr({u"T1X"_s, 1234, u"奶茶 x2"_s, m_shop.now, expiresAt}, this, done);
        });
        QVERIFY(ticket && *ticket);
        QCOMPARE((*ticket)->codeUrl, u"weixin://wxpay/bizpayurl?pr=abc"_s);

        const SeenRequest seen = m_gateway->last();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.target, QByteArray("/v3/pay/transactions/native"));
        QVERIFY(seen.header("content-type").startsWith("application/json"));
        verifyAuthorization(seen);
        const QJsonObject body = seen.json();
        QCOMPARE(body.value(u"appid"_s).toString(), V3TestShop::kAppId);
        QCOMPARE(body.value(u"mchid"_s).toString(), V3TestShop::kMerchantId);
        QCOMPARE(body.value(u"out_trade_no"_s).toString(), u"T1X"_s);
        QCOMPARE(body.value(u"description"_s).toString(), u"奶茶 x2"_s);
        QCOMPARE(body.value(u"notify_url"_s).toString(), u"https://till.example/notify/wechat"_s);
        QCOMPARE(body.value(u"time_expire"_s).toString(), u"2026-12-06T10:49:56+08:00"_s);
        const QJsonObject amount = body.value(u"amount"_s).toObject();
        QCOMPARE(amount.value(u"total"_s).toDouble(), 1234.0);
        QVERIFY(seen.body.contains("\"total\":1234")); // an integer, not 1234.0
        QCOMPARE(amount.value(u"currency"_s).toString(), u"CNY"_s);
    }

    void aQueryIsASignedGetWithoutBody()
    {
        answerQueryWith(m_shop.answer(200, m_shop.transaction(u"T1X"_s, u"NOTPAY"_s, 100)));
        auto wechat = provider();
        QVERIFY(query(*wechat));
        const SeenRequest seen = m_gateway->last();
        QCOMPARE(seen.method, QByteArray("GET"));
        QCOMPARE(seen.target, QByteArray("/v3/pay/transactions/out-trade-no/T1X?mchid=1900000109"));
        QVERIFY(seen.body.isEmpty());
        verifyAuthorization(seen);
    }

    void aGenuineQueryIsBelieved()
    {
        answerQueryWith(m_shop.answer(200, m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100)));
        auto wechat = provider();
        const auto answer = query(*wechat);
        QVERIFY(answer && *answer);
        const TradeSnapshot &paid = answer->value();
        QCOMPARE(paid.payNo, u"T1X"_s);
        QCOMPARE(paid.state, TradeState::Success);
        QCOMPARE(paid.rawState, u"SUCCESS"_s);
        QCOMPARE(paid.amount, Fen(100));
        QCOMPARE(paid.transactionId, u"4200000001202612061234567890"_s);
        QCOMPARE(paid.appId, V3TestShop::kAppId);
        QCOMPARE(paid.merchantId, V3TestShop::kMerchantId);
        QCOMPARE(paid.paidAt, QDateTime(QDate(2026, 12, 6), QTime(2, 35, 10), Qt::UTC));
    }

    void onlyAReplySignedByWechatPayNowIsBelieved_data()
    {
        QTest::addColumn<Tamper>("tamper");
        QTest::addColumn<bool>("believed");
        QTest::newRow("genuine") << Tamper::None << true;
        QTest::newRow("4:59 old") << Tamper::NearlySkewed << true;
        QTest::newRow("another key") << Tamper::OtherKey << false;
        QTest::newRow("unknown serial") << Tamper::UnknownSerial << false;
        QTest::newRow("5 min ahead") << Tamper::TimestampAhead << false;
        QTest::newRow("5 min old") << Tamper::TimestampBehind << false;
        QTest::newRow("no timestamp") << Tamper::NoTimestamp << false;
        QTest::newRow("no nonce") << Tamper::NoNonce << false;
        QTest::newRow("no signature") << Tamper::NoSignature << false;
        QTest::newRow("no serial") << Tamper::NoSerial << false;
        QTest::newRow("body changed") << Tamper::BodyChanged << false;
    }
    void onlyAReplySignedByWechatPayNowIsBelieved()
    {
        QFETCH(Tamper, tamper);
        QFETCH(bool, believed);
        answerQueryWith(tampered(200, m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100), tamper));
        auto wechat = provider();
        const auto answer = query(*wechat);
        QVERIFY(answer);
        QCOMPARE(answer->ok(), believed);
        if (!believed) {
            QCOMPARE(answer->error().code, ErrorCode::BadSignature);
            QVERIFY(outcomeUnknown(answer->error()));
        }
    }

    void aRefusalMustBeSignedToo()
    {
        answerQueryWith(tampered(404, V3TestShop::refusal(u"ORDER_NOT_EXIST"_s), Tamper::OtherKey));
        auto wechat = provider();
        const auto answer = query(*wechat);
        QVERIFY(answer && !*answer);
        QCOMPARE(answer->error().code, ErrorCode::BadSignature);
    }

    void anotherAppOrMerchantIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("appid") << u"appid"_s;
        QTest::newRow("mchid") << u"mchid"_s;
    }
    void anotherAppOrMerchantIsRefused()
    {
        QFETCH(QString, field);
        QJsonObject transaction = m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100);
        transaction.insert(field, u"1900000999"_s);
        answerQueryWith(m_shop.answer(200, transaction));
        auto wechat = provider();
        const auto answer = query(*wechat);
        QVERIFY(answer && !*answer);
        QCOMPARE(answer->error().code, ErrorCode::WrongMerchant);
    }

    void anUnknownOrderIsNotFound()
    {
        answerQueryWith(m_shop.answer(404, V3TestShop::refusal(u"ORDER_NOT_EXIST"_s)));
        auto wechat = provider();
        const auto answer = query(*wechat);
        QVERIFY(answer && *answer);
        QCOMPARE(answer->value().state, TradeState::NotFound);
        QCOMPARE(answer->value().payNo, u"T1X"_s);
    }

    void aQueryAboutAnotherTradeIsNotBelieved()
    {
        answerQueryWith(m_shop.answer(200, m_shop.transaction(u"T1Y"_s, u"SUCCESS"_s, 100)));
        auto wechat = provider();
        const auto answer = query(*wechat);
        QVERIFY(answer && !*answer);
        QCOMPARE(answer->error().code, ErrorCode::BadResponse);
    }

    void amountsAreIntegerFen_data()
    {
        QTest::addColumn<QJsonValue>("total");
        QTest::addColumn<bool>("believed");
        QTest::newRow("100") << QJsonValue(100) << true;
        QTest::newRow("0") << QJsonValue(0) << true;
        QTest::newRow("100.5") << QJsonValue(100.5) << false;
        QTest::newRow("-1") << QJsonValue(-1) << false;
        QTest::newRow("\"100\"") << QJsonValue(u"100"_s) << false;
        QTest::newRow("null") << QJsonValue() << false;
    }
    void amountsAreIntegerFen()
    {
        QFETCH(QJsonValue, total);
        QFETCH(bool, believed);
        QJsonObject transaction = m_shop.transaction(u"T1X"_s, u"NOTPAY"_s, 100);
        QJsonObject amount = transaction.value(u"amount"_s).toObject();
        amount.insert(u"total"_s, total);
        transaction.insert(u"amount"_s, amount);
        answerQueryWith(m_shop.answer(200, transaction));
        auto wechat = provider();
        const auto answer = query(*wechat);
        QVERIFY(answer);
        QCOMPARE(answer->ok(), believed);
        if (believed)
            QCOMPARE(answer->value().amount, Fen(total.toInteger()));
        else
            QCOMPARE(answer->error().code, ErrorCode::BadResponse);
    }

    void timesCarryTheirOffset_data()
    {
        QTest::addColumn<QString>("successTime");
        QTest::addColumn<QDateTime>("paidAt");
        const QDateTime at(QDate(2026, 12, 6), QTime(2, 35, 10), Qt::UTC);
        QTest::newRow("+08:00") << u"2026-12-06T10:35:10+08:00"_s << at;
        QTest::newRow("Z") << u"2026-12-06T02:35:10Z"_s << at;
        QTest::newRow("-05:00") << u"2026-12-05T21:35:10-05:00"_s << at;
        QTest::newRow("no offset") << u"2026-12-06T10:35:10"_s << QDateTime();
        QTest::newRow("not a time") << u"yesterday"_s << QDateTime();
    }
    void timesCarryTheirOffset()
    {
        QFETCH(QString, successTime);
        QFETCH(QDateTime, paidAt);
        QJsonObject transaction = m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100);
        transaction.insert(u"success_time"_s, successTime);
        answerQueryWith(m_shop.answer(200, transaction));
        auto wechat = provider();
        const auto answer = query(*wechat);
        QVERIFY(answer);
        QCOMPARE(answer->ok(), paidAt.isValid());
        if (paidAt.isValid())
            QCOMPARE(answer->value().paidAt, paidAt);
    }

    void aServerErrorLeavesTheOutcomeUnknown_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("signedByWechatPay");
        QTest::newRow("500 SYSTEM_ERROR") << 500 << u"SYSTEM_ERROR"_s << true;
        QTest::newRow("500 BANK_ERROR") << 500 << u"BANK_ERROR"_s << true;
        QTest::newRow("503 something new") << 503 << u"SOMETHING_NEW"_s << true;
        QTest::newRow("502 from a proxy") << 502 << QString() << false;
        QTest::newRow("400 without a code") << 400 << QString() << true;
    }
    void aServerErrorLeavesTheOutcomeUnknown()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(bool, signedByWechatPay);
        const QJsonObject body = code.isEmpty() ? QJsonObject{} : V3TestShop::refusal(code);
        ScriptedAnswer answer = m_shop.answer(status, body);
        if (!signedByWechatPay)
            answer = {status, {}, "<html>Bad Gateway</html>", 0};
        m_gateway->on("POST", "/v3/pay/transactions/native",
                      [answer](const SeenRequest &) { return answer; });
        answerQueryWith(answer);
        auto wechat = provider();
        const auto ticket = answerOf<QrTicket>([&](auto done) {
            wechat->createQr({u"T1X"_s, 100, u"tea"_s, m_shop.now, m_shop.now.addSecs(900)}, this,
                             done);
        });
        QVERIFY(ticket && !*ticket);
        QVERIFY2(outcomeUnknown(ticket->error()), qPrintable(ticket->error().name()));
        const auto queried = query(*wechat);
        QVERIFY(queried && !*queried);
        QVERIFY(outcomeUnknown(queried->error()));
    }

    void aClientErrorIsTheGatewaysRefusal()
    {
        m_gateway->on("POST", "/v3/pay/transactions/native", [this](const SeenRequest &) {
            return m_shop.answer(403, V3TestShop::refusal(u"OUT_TRADE_NO_USED"_s));
        });
        auto wechat = provider();
        const auto ticket = answerOf<QrTicket>([&](auto done) {
            wechat->createQr({u"T1X"_s, 100, u"tea"_s, m_shop.now, m_shop.now.addSecs(900)}, this,
                             done);
        });
        QVERIFY(ticket && !*ticket);
        QVERIFY(ticket->error().is(u"OUT_TRADE_NO_USED"));
        QVERIFY(!outcomeUnknown(ticket->error()));
    }

    void closeAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("closeResult"); // -1: an error the settler follows with a query
        QTest::newRow("204") << 204 << QString() << int(CloseResult::Closed);
        QTest::newRow("ORDER_PAID") << 400 << u"ORDER_PAID"_s << int(CloseResult::AlreadyPaid);
        QTest::newRow("ORDER_NOT_EXIST") << 404 << u"ORDER_NOT_EXIST"_s << int(CloseResult::Closed);
        QTest::newRow("SYSTEM_ERROR") << 500 << u"SYSTEM_ERROR"_s << -1;
    }
    void closeAnswers()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, closeResult);
        m_gateway->on("POST", "/v3/pay/transactions/out-trade-no/T1X/close",
                      [this, status, code](const SeenRequest &) {
                          return m_shop.answer(status, code.isEmpty() ? QJsonObject{}
                                                                      : V3TestShop::refusal(code));
                      });
        auto wechat = provider();
        const auto closed =
            answerOf<CloseResult>([&](auto done) { wechat->close(u"T1X"_s, this, done); });
        QVERIFY(closed);
        if (closeResult < 0) {
            QVERIFY(!*closed);
            QVERIFY(outcomeUnknown(closed->error()));
        } else {
            QVERIFY(*closed);
            QCOMPARE(int(closed->value()), closeResult);
        }
        const SeenRequest seen = m_gateway->last();
        verifyAuthorization(seen);
        QCOMPARE(seen.json(), QJsonObject({{u"mchid"_s, V3TestShop::kMerchantId}}));
    }

    void anUnsignedNoContentIsNotAClose()
    {
        m_gateway->on("POST", "/v3/pay/transactions/out-trade-no/T1X/close",
                      [](const SeenRequest &) {
                          return ScriptedAnswer{204, {}, {}, 0};
                      });
        auto wechat = provider();
        const auto closed =
            answerOf<CloseResult>([&](auto done) { wechat->close(u"T1X"_s, this, done); });
        QVERIFY(closed && !*closed);
        QCOMPARE(closed->error().code, ErrorCode::BadSignature);
    }

    void paymentCodesAreWechats_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("owned");
        QTest::newRow("10…") << u"101234567890123456"_s << true;
        QTest::newRow("15…") << u"151234567890123456"_s << true;
        QTest::newRow("16…") << u"161234567890123456"_s << false;
        QTest::newRow("Alipay 28…") << u"281234567890123456"_s << false;
        QTest::newRow("17 digits") << u"13123456789012345"_s << false;
        QTest::newRow("letters") << u"13123456789012345X"_s << false;
    }
    void paymentCodesAreWechats()
    {
        QFETCH(QString, code);
        QFETCH(bool, owned);
        QCOMPARE(provider()->ownsCode(code), owned);
    }

    void codepayAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code"); // a refusal's; empty: a transaction
        QTest::addColumn<int>("state");    // -1: an error
        QTest::addColumn<bool>("unknown");
        QTest::newRow("paid") << 200 << QString() << int(TradeState::Success) << false;
        QTest::newRow("202 USERPAYING")
            << 202 << u"USERPAYING"_s << int(TradeState::UserPaying) << false;
        QTest::newRow("AUTH_CODE_INVALID") << 400 << u"AUTH_CODE_INVALID"_s << -1 << false;
        QTest::newRow("NOT_ENOUGH") << 403 << u"NOT_ENOUGH"_s << -1 << false;
        QTest::newRow("ORDER_PAID") << 400 << u"ORDER_PAID"_s << -1 << true;
        QTest::newRow("SYSTEM_ERROR") << 500 << u"SYSTEM_ERROR"_s << -1 << true;
        QTest::newRow("BANK_ERROR") << 500 << u"BANK_ERROR"_s << -1 << true;
    }
    void codepayAnswers()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, state);
        QFETCH(bool, unknown);
        QJsonObject paid = m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100);
        paid.insert(u"trade_type"_s, u"MICROPAY"_s);
        const QJsonObject body = code.isEmpty() ? paid : V3TestShop::refusal(code);
        m_gateway->on(
            "POST", "/v3/pay/transactions/codepay",
            [this, status, body](const SeenRequest &) { return m_shop.answer(status, body); });
        auto wechat = provider();
        const auto charged = answerOf<TradeSnapshot>([&](auto done) {
            wechat->chargeByCode({u"T1X"_s, 100, u"tea"_s, u"134567890123456789"_s, m_shop.now},
                                 this, done);
        });
        QVERIFY(charged);
        QCOMPARE(charged->ok(), state >= 0);
        if (state >= 0) {
            QCOMPARE(int(charged->value().state), state);
            QCOMPARE(charged->value().payNo, u"T1X"_s);
        } else {
            QCOMPARE(outcomeUnknown(charged->error()), unknown);
        }
        const SeenRequest seen = m_gateway->last();
        verifyAuthorization(seen);
        const QJsonObject sent = seen.json();
        QCOMPARE(sent.value(u"payer"_s).toObject().value(u"auth_code"_s).toString(),
                 u"134567890123456789"_s);
        QCOMPARE(sent.value(u"amount"_s).toObject().value(u"total"_s).toInt(), 100);
        QCOMPARE(sent.value(u"appid"_s).toString(), V3TestShop::kAppId);
    }

    void aChargeOfAnotherAmountIsNotBelieved()
    {
        m_gateway->on("POST", "/v3/pay/transactions/codepay", [this](const SeenRequest &) {
            return m_shop.answer(200, m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 1));
        });
        auto wechat = provider();
        const auto charged = answerOf<TradeSnapshot>([&](auto done) {
            wechat->chargeByCode({u"T1X"_s, 100, u"tea"_s, u"134567890123456789"_s, m_shop.now},
                                 this, done);
        });
        QVERIFY(charged && !*charged);
        QVERIFY(outcomeUnknown(charged->error()));
    }

    void reverseAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("callAgain");
        QTest::newRow("recall N") << 200 << QJsonObject{{u"recall"_s, u"N"_s}} << true << false;
        QTest::newRow("recall Y") << 200 << QJsonObject{{u"recall"_s, u"Y"_s}} << true << true;
        QTest::newRow("ORDER_NOT_EXIST")
            << 404 << V3TestShop::refusal(u"ORDER_NOT_EXIST"_s) << true << false;
        QTest::newRow("TRADE_ERROR")
            << 400 << V3TestShop::refusal(u"TRADE_ERROR"_s) << false << false;
    }
    void reverseAnswers()
    {
        QFETCH(int, status);
        QFETCH(QJsonObject, body);
        QFETCH(bool, ok);
        QFETCH(bool, callAgain);
        m_gateway->on(
            "POST", "/v3/pay/transactions/out-trade-no/T1X/reverse",
            [this, status, body](const SeenRequest &) { return m_shop.answer(status, body); });
        auto wechat = provider();
        const auto reversed =
            answerOf<ReverseAnswer>([&](auto done) { wechat->reverse(u"T1X"_s, this, done); });
        QVERIFY(reversed);
        QCOMPARE(reversed->ok(), ok);
        if (ok)
            QCOMPARE(reversed->value().callAgain, callAgain);
        const SeenRequest seen = m_gateway->last();
        verifyAuthorization(seen);
        QCOMPARE(seen.json().value(u"appid"_s).toString(), V3TestShop::kAppId);
    }
};

QTEST_GUILESS_MAIN(TestWechatV3Replies)
#include "tst_wechatv3replies.moc"
