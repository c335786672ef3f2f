// WechatV3Provider's refunds against a scripted gateway: the signed request, what each
// answer means, and the refund notification.

#include "pay/wechatv3/wechatv3provider.h"
#include "wechatv3testgateway.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

const RefundRequest kRefund{u"T1X"_s, u"R1X"_s, 1000, 300, u"退货"_s};

} // namespace

class TestWechatV3Refunds : public QObject
{
    Q_OBJECT

    V3TestShop m_shop;
    crypto::RsaKey m_strangerKey;
    std::unique_ptr<ScriptedV3Gateway> m_gateway;

    std::unique_ptr<WechatV3Provider> provider()
    {
        WechatV3Config config = m_shop.config(m_gateway->baseUrl());
        config.refundNotifyUrl = u"https://till.example/notify/wechat-refund"_s;
        return std::make_unique<WechatV3Provider>(config, m_shop.clock());
    }

    static QJsonObject refundReply(const QString &status, qint64 refund = 300,
                                   const QString &refundNo = u"R1X"_s)
    {
        QJsonObject reply{
            {u"refund_id"_s, u"50000000382019052709732678859"_s},
            {u"out_refund_no"_s, refundNo},
            {u"transaction_id"_s, u"4200000001202612061234567890"_s},
            {u"out_trade_no"_s, u"T1X"_s},
            {u"channel"_s, u"ORIGINAL"_s},
            {u"status"_s, status},
            {u"create_time"_s, u"2026-12-06T10:40:00+08:00"_s},
            {u"amount"_s, QJsonObject{{u"total"_s, 1000},
                                      {u"refund"_s, refund},
                                      {u"payer_total"_s, 1000},
                                      {u"payer_refund"_s, refund},
                                      {u"currency"_s, u"CNY"_s}}},
        };
        if (status == u"SUCCESS")
            reply.insert(u"success_time"_s, u"2026-12-06T10:41:00+08:00"_s);
        return reply;
    }

    static QJsonObject refundResource(const QString &status, const QString &merchantId)
    {
        return {
            {u"mchid"_s, merchantId},
            {u"out_trade_no"_s, u"T1X"_s},
            {u"transaction_id"_s, u"4200000001202612061234567890"_s},
            {u"out_refund_no"_s, u"R1X"_s},
            {u"refund_id"_s, u"50000000382019052709732678859"_s},
            {u"refund_status"_s, status},
            {u"success_time"_s, u"2026-12-06T10:41:00+08:00"_s},
            {u"amount"_s, QJsonObject{{u"total"_s, 1000},
                                      {u"refund"_s, 300},
                                      {u"payer_total"_s, 1000},
                                      {u"payer_refund"_s, 300}}},
        };
    }

    std::optional<Result<RefundSnapshot>> refund(WechatV3Provider &wechat)
    {
        return answerOf<RefundSnapshot>([&](auto done) { wechat.refund(kRefund, this, done); });
    }
    std::optional<Result<RefundSnapshot>> queryRefund(WechatV3Provider &wechat)
    {
        return answerOf<RefundSnapshot>(
            [&](auto done) { wechat.queryRefund(kRefund, this, done); });
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
        m_gateway = std::make_unique<ScriptedV3Gateway>();
        QVERIFY(m_gateway->listening());
    }

    void aRefundIsSignedAndAcceptedIsProcessing()
    {
        m_gateway->on("POST", "/v3/refund/domestic/refunds", [this](const SeenRequest &) {
            return m_shop.answer(200, refundReply(u"PROCESSING"_s));
        });
        auto wechat = provider();
        const auto answer = refund(*wechat);
        QVERIFY(answer && *answer);
        QCOMPARE(answer->value().state, RefundState::Processing);
        QCOMPARE(answer->value().rawState, u"PROCESSING"_s);
        QCOMPARE(answer->value().refundNo, u"R1X"_s);
        QCOMPARE(answer->value().payNo, u"T1X"_s);
        QCOMPARE(answer->value().amount, Fen(300));
        QCOMPARE(answer->value().providerRefundId, u"50000000382019052709732678859"_s);

        const SeenRequest seen = m_gateway->last();
        auto authorization = wechatv3::parseAuthorization(seen.header("authorization"));
        QVERIFY(authorization);
        QVERIFY(m_shop.merchantKey.publicKey().verifyBase64(
            wechatv3::requestMessage("POST", "/v3/refund/domestic/refunds",
                                     authorization->timestamp, authorization->nonce, seen.body),
            authorization->signature));
        const QJsonObject sent = seen.json();
        QCOMPARE(sent.value(u"out_trade_no"_s).toString(), u"T1X"_s);
        QCOMPARE(sent.value(u"out_refund_no"_s).toString(), u"R1X"_s);
        QCOMPARE(sent.value(u"reason"_s).toString(), u"退货"_s);
        QCOMPARE(sent.value(u"notify_url"_s).toString(),
                 u"https://till.example/notify/wechat-refund"_s);
        const QJsonObject amount = sent.value(u"amount"_s).toObject();
        QCOMPARE(amount.value(u"refund"_s).toInt(), 300);
        QCOMPARE(amount.value(u"total"_s).toInt(), 1000);
        QCOMPARE(amount.value(u"currency"_s).toString(), u"CNY"_s);
    }

    void refundAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("state"); // -1: an error
        QTest::addColumn<bool>("unknown");
        QTest::newRow("SUCCESS") << 200 << refundReply(u"SUCCESS"_s) << int(RefundState::Success)
                                 << false;
        QTest::newRow("CLOSED") << 200 << refundReply(u"CLOSED"_s) << int(RefundState::Failed)
                                << false;
        QTest::newRow("a new word")
            << 200 << refundReply(u"QUEUED"_s) << int(RefundState::Processing) << false;
        QTest::newRow("another refund")
            << 200 << refundReply(u"PROCESSING"_s, 300, u"R2X"_s) << -1 << true;
        QTest::newRow("another amount") << 200 << refundReply(u"PROCESSING"_s, 299) << -1 << true;
        QTest::newRow("NOT_ENOUGH") << 400 << V3TestShop::refusal(u"NOT_ENOUGH"_s) << -1 << false;
        QTest::newRow("INVALID_REQUEST")
            << 400 << V3TestShop::refusal(u"INVALID_REQUEST"_s) << -1 << false;
        QTest::newRow("RESOURCE_NOT_EXISTS")
            << 404 << V3TestShop::refusal(u"RESOURCE_NOT_EXISTS"_s) << -1 << false;
        QTest::newRow("FREQUENCY_LIMITED")
            << 429 << V3TestShop::refusal(u"FREQUENCY_LIMITED"_s) << -1 << true;
        QTest::newRow("SYSTEM_ERROR")
            << 500 << V3TestShop::refusal(u"SYSTEM_ERROR"_s) << -1 << true;
    }
    void refundAnswers()
    {
        QFETCH(int, status);
        QFETCH(QJsonObject, body);
        QFETCH(int, state);
        QFETCH(bool, unknown);
        m_gateway->on(
            "POST", "/v3/refund/domestic/refunds",
            [this, status, body](const SeenRequest &) { return m_shop.answer(status, body); });
        auto wechat = provider();
        const auto answer = refund(*wechat);
        QVERIFY(answer);
        QCOMPARE(answer->ok(), state >= 0);
        if (state >= 0)
            QCOMPARE(int(answer->value().state), state);
        else
            QCOMPARE(outcomeUnknown(answer->error()), unknown);
    }

    void aForgedRefundAnswerIsNotBelieved()
    {
        m_gateway->on("POST", "/v3/refund/domestic/refunds", [this](const SeenRequest &) {
            return m_shop.answer(200, refundReply(u"SUCCESS"_s),
                                 {m_strangerKey, V3TestShop::kPayKeyId});
        });
        auto wechat = provider();
        const auto answer = refund(*wechat);
        QVERIFY(answer && !*answer);
        QCOMPARE(answer->error().code, ErrorCode::BadSignature);
    }

    void queryRefundAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("state"); // -1: an error
        QTest::newRow("SUCCESS") << 200 << refundReply(u"SUCCESS"_s) << int(RefundState::Success);
        QTest::newRow("PROCESSING")
            << 200 << refundReply(u"PROCESSING"_s) << int(RefundState::Processing);
        QTest::newRow("ABNORMAL") << 200 << refundReply(u"ABNORMAL"_s) << int(RefundState::Failed);
        QTest::newRow("a new word") << 200 << refundReply(u"QUEUED"_s) << int(RefundState::Unknown);
        QTest::newRow("RESOURCE_NOT_EXISTS")
            << 404 << V3TestShop::refusal(u"RESOURCE_NOT_EXISTS"_s) << int(RefundState::NotFound);
        QTest::newRow("another amount") << 200 << refundReply(u"SUCCESS"_s, 299) << -1;
    }
    void queryRefundAnswers()
    {
        QFETCH(int, status);
        QFETCH(QJsonObject, body);
        QFETCH(int, state);
        m_gateway->on(
            "GET", "/v3/refund/domestic/refunds/R1X",
            [this, status, body](const SeenRequest &) { return m_shop.answer(status, body); });
        auto wechat = provider();
        const auto answer = queryRefund(*wechat);
        QVERIFY(answer);
        QCOMPARE(answer->ok(), state >= 0);
        if (state < 0)
            return;
        QCOMPARE(int(answer->value().state), state);
        QCOMPARE(answer->value().refundNo, u"R1X"_s);
        if (answer->value().state == RefundState::Success)
            QCOMPARE(answer->value().refundedAt,
                     QDateTime(QDate(2026, 12, 6), QTime(2, 41), Qt::UTC));
        const SeenRequest seen = m_gateway->last();
        QCOMPARE(seen.method, QByteArray("GET"));
        QCOMPARE(seen.target, QByteArray("/v3/refund/domestic/refunds/R1X"));
        QVERIFY(seen.body.isEmpty());
    }

    void refundNotifications_data()
    {
        QTest::addColumn<QString>("merchantId");
        QTest::addColumn<bool>("forged");
        QTest::addColumn<qint64>("skewSecs");
        QTest::addColumn<QByteArray>("apiV3Key");
        QTest::addColumn<int>("error"); // -1: believed
        const QString ours = V3TestShop::kMerchantId;
        const QByteArray key = V3TestShop::kApiV3Key;
        const QByteArray otherKey = "0123456789abcdef0123456789abcdef";
        const int badSignature = int(ErrorCode::BadSignature);
        QTest::newRow("genuine") << ours << false << qint64(0) << key << -1;
        QTest::newRow("forged") << ours << true << qint64(0) << key << badSignature;
        QTest::newRow("skewed") << ours << false << qint64(-300) << key << badSignature;
        QTest::newRow("another API v3 key")
            << ours << false << qint64(0) << otherKey << badSignature;
        QTest::newRow("another merchant")
            << u"1900000999"_s << false << qint64(0) << key << int(ErrorCode::WrongMerchant);
    }
    void refundNotifications()
    {
        QFETCH(QString, merchantId);
        QFETCH(bool, forged);
        QFETCH(qint64, skewSecs);
        QFETCH(QByteArray, apiV3Key);
        QFETCH(int, error);
        auto wechat = provider();
        const PaySigner signer =
            forged ? PaySigner{m_strangerKey, V3TestShop::kPayKeyId} : m_shop.paySigner();
        const HttpRequest notification = m_shop.notification(
            refundResource(u"SUCCESS"_s, merchantId), "refund", signer, apiV3Key, skewSecs);
        const auto snapshot = wechat->parseRefundNotification(notification);
        QCOMPARE(snapshot.ok(), error < 0);
        if (error >= 0) {
            QCOMPARE(int(snapshot.error().code), error);
            return;
        }
        QCOMPARE(snapshot->refundNo, u"R1X"_s);
        QCOMPARE(snapshot->payNo, u"T1X"_s);
        QCOMPARE(snapshot->state, RefundState::Success);
        QCOMPARE(snapshot->amount, Fen(300));
        QCOMPARE(snapshot->refundedAt, QDateTime(QDate(2026, 12, 6), QTime(2, 41), Qt::UTC));
    }

    void aPaymentNotificationIsNoRefund()
    {
        auto wechat = provider();
        QJsonObject transaction = refundResource(u"SUCCESS"_s, V3TestShop::kMerchantId);
        const auto snapshot = wechat->parseRefundNotification(
            m_shop.notification(transaction, "transaction", m_shop.paySigner()));
        QVERIFY(!snapshot);
        QCOMPARE(snapshot.error().code, ErrorCode::BadResponse);
    }
};

QTEST_GUILESS_MAIN(TestWechatV3Refunds)
#include "tst_wechatv3refunds.moc"
