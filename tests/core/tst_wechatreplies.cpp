#include "notify/httplistener.h"
#include "pay/wechat/wechatv2provider.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {
const QByteArray kKey = "0123456789abcdef0123456789abcdef";
}

// The provider against a hand-made gateway that answers what the real one rarely does;
// the ordinary conversations are tested against the sandbox in tests/sandbox.
class TestWechatReplies : public QObject
{
    Q_OBJECT

    HttpListener m_gateway;
    Params m_lastRequest;
    Params m_nextReply;

    WechatConfig config(quint16 port, int timeoutMs = 3000,
                        WechatSignType signType = WechatSignType::Md5) const
    {
        WechatConfig c;
        c.signType = signType;
        c.appId = u"wxapp"_s;
        c.merchantId = u"1900"_s;
        c.key = kKey;
        c.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        c.notifyUrl = u"http://127.0.0.1/notify/wechat"_s;
        c.timeoutMs = timeoutMs;
        return c;
    }

    // `nameType`: the reply says how it is signed in sign_type (MD5 never needs to).
    Params signedReply(Params fields, WechatSignType type = WechatSignType::Md5,
                       bool nameType = false) const
    {
        fields.insert(u"return_code"_s, u"SUCCESS"_s);
        fields.insert(u"result_code"_s, u"SUCCESS"_s);
        fields.insert(u"appid"_s, u"wxapp"_s);
        fields.insert(u"mch_id"_s, u"1900"_s);
        fields.insert(u"nonce_str"_s, u"n"_s);
        if (nameType)
            fields.insert(u"sign_type"_s, WechatSigner::signTypeName(type));
        fields.insert(u"sign"_s, WechatSigner::sign(fields, kKey, type));
        return fields;
    }

    std::optional<Result<TradeSnapshot>> queryWith(WechatV2Provider &provider)
    {
        std::optional<Result<TradeSnapshot>> answer;
        provider.query(u"T1X"_s, this, [&](Result<TradeSnapshot> r) { answer = r; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            qWarning("the provider never answered");
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The listener runs handlers on its own thread; what they share with the test is
        // only touched on the test's.
        const auto record = [this](const HttpRequest &request, HttpListener::Reply reply) {
            QMetaObject::invokeMethod(
                this,
                [this, request, reply] {
                    m_lastRequest = FlatXml::decode(request.body).value();
                    reply({200, "text/xml", FlatXml::encode(m_nextReply)});
                },
                Qt::QueuedConnection);
        };
        m_gateway.route("/pay/orderquery", record);
        m_gateway.route("/pay/unifiedorder", record);
        QVERIFY(m_gateway.listen(QHostAddress::LocalHost, 0));
    }

    void queryWithoutTradeStateIsNotBelieved()
    {
        WechatV2Provider provider(config(m_gateway.port()));
        m_nextReply = signedReply({{u"out_trade_no"_s, u"T1X"_s}, {u"total_fee"_s, u"100"_s}});
        std::optional<Result<TradeSnapshot>> answer;
        provider.query(u"T1X"_s, this, [&](Result<TradeSnapshot> r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, ErrorCode::BadResponse);
    }

    void queryAboutAnotherTradeIsNotBelieved()
    {
        WechatV2Provider provider(config(m_gateway.port()));
        m_nextReply = signedReply({{u"out_trade_no"_s, u"T1OTHER"_s},
                                   {u"trade_state"_s, u"SUCCESS"_s},
                                   {u"total_fee"_s, u"100"_s}});
        std::optional<Result<TradeSnapshot>> answer;
        provider.query(u"T1X"_s, this, [&](Result<TradeSnapshot> r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());
    }

    void unknownTradeStateStaysPending()
    {
        WechatV2Provider provider(config(m_gateway.port()));
        m_nextReply = signedReply({{u"out_trade_no"_s, u"T1X"_s},
                                   {u"trade_state"_s, u"SOMETHING_NEW"_s},
                                   {u"total_fee"_s, u"100"_s}});
        std::optional<Result<TradeSnapshot>> answer;
        provider.query(u"T1X"_s, this, [&](Result<TradeSnapshot> r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->ok());
        QCOMPARE(answer->value().state, TradeState::Unknown);
        QCOMPARE(outcomeOf(answer->value().state), TradeOutcome::Pending);
    }

    void longDescriptionIsCutOnACharacterBoundary()
    {
        WechatV2Provider provider(config(m_gateway.port()));
        m_nextReply = signedReply({{u"code_url"_s, u"weixin://wxpay/bizpayurl?pr=x"_s}});
        const QString description = QString(100, u'茶'); // 300 bytes of UTF-8
        std::optional<Result<QrTicket>> answer;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        provider.createQr({u"T1X"_s, 100, description, now, now.addSecs(600)}, this,
                          [&](Result<QrTicket> r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        const QString sent = m_lastRequest.value(u"body"_s);
        QCOMPARE(sent, QString(42, u'茶')); // 126 bytes: a 43rd would pass 128
        QVERIFY(WechatSigner::verify(m_lastRequest, kKey));
        QCOMPARE(m_lastRequest.value(u"trade_type"_s), u"NATIVE"_s);
        QCOMPARE(m_lastRequest.value(u"time_expire"_s).size(), 14);
    }

    void tricklingGatewayTimesOut()
    {
        // Answers one byte every 100 ms: an idle timeout would never fire.
        QTcpServer trickle;
        QVERIFY(trickle.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> clients;
        QTimer drip;
        connect(&trickle, &QTcpServer::newConnection, this,
                [&] { clients.append(trickle.nextPendingConnection()); });
        connect(&drip, &QTimer::timeout, this, [&] {
            for (QTcpSocket *client : std::as_const(clients))
                client->write("H");
        });
        drip.start(100);
        WechatV2Provider provider(config(trickle.serverPort(), 800));
        std::optional<Result<TradeSnapshot>> answer;
        provider.query(u"T1X"_s, this, [&](Result<TradeSnapshot> r) { answer = r; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, ErrorCode::Timeout);
        QVERIFY(outcomeUnknown(answer->error()));
    }

    void aReplyIsVerifiedTheWayItsRequestWasSigned_data()
    {
        QTest::addColumn<WechatSignType>("configured");
        QTest::addColumn<WechatSignType>("replySignedWith");
        QTest::addColumn<bool>("replyNamesType");
        QTest::addColumn<bool>("believed");
        const auto md5 = WechatSignType::Md5;
        const auto hmac = WechatSignType::HmacSha256;
        QTest::newRow("HMAC reply, sign_type named") << hmac << hmac << true << true;
        QTest::newRow("HMAC reply, sign_type left out") << hmac << hmac << false << true;
        QTest::newRow("MD5 reply to an HMAC request") << hmac << md5 << false << false;
        QTest::newRow("MD5 reply to an HMAC request, named") << hmac << md5 << true << false;
        QTest::newRow("MD5 reply to an MD5 request") << md5 << md5 << false << true;
        QTest::newRow("HMAC reply to an MD5 request") << md5 << hmac << true << false;
    }
    void aReplyIsVerifiedTheWayItsRequestWasSigned()
    {
        QFETCH(WechatSignType, configured);
        QFETCH(WechatSignType, replySignedWith);
        QFETCH(bool, replyNamesType);
        QFETCH(bool, believed);
        WechatV2Provider provider(config(m_gateway.port(), 3000, configured));
        m_nextReply = signedReply({{u"out_trade_no"_s, u"T1X"_s},
                                   {u"trade_state"_s, u"NOTPAY"_s},
                                   {u"total_fee"_s, u"100"_s}},
                                  replySignedWith, replyNamesType);
        const auto answer = queryWith(provider);
        QVERIFY(answer);
        QCOMPARE(answer->ok(), believed);
        if (!believed)
            QCOMPARE(answer->error().code, ErrorCode::BadSignature);
    }

    void aNotificationIsVerifiedAsItSaysButNeverWeakerThanConfigured_data()
    {
        QTest::addColumn<WechatSignType>("configured");
        QTest::addColumn<WechatSignType>("signedWith");
        QTest::addColumn<bool>("believed");
        const auto md5 = WechatSignType::Md5;
        const auto hmac = WechatSignType::HmacSha256;
        QTest::newRow("HMAC merchant, HMAC notification") << hmac << hmac << true;
        QTest::newRow("HMAC merchant, MD5 notification") << hmac << md5 << false;
        QTest::newRow("MD5 merchant, MD5 notification") << md5 << md5 << true;
        QTest::newRow("MD5 merchant, HMAC notification") << md5 << hmac << true;
    }
    void aNotificationIsVerifiedAsItSaysButNeverWeakerThanConfigured()
    {
        QFETCH(WechatSignType, configured);
        QFETCH(WechatSignType, signedWith);
        QFETCH(bool, believed);
        WechatV2Provider provider(config(m_gateway.port(), 3000, configured));
        // A notification names its sign type (MD5 by leaving it out).
        const Params paid = signedReply({{u"out_trade_no"_s, u"T1X"_s}, {u"total_fee"_s, u"100"_s}},
                                        signedWith, signedWith != WechatSignType::Md5);
        auto snapshot = provider.parseNotification(HttpRequest::post(FlatXml::encode(paid)));
        QCOMPARE(snapshot.ok(), believed);
        if (!believed)
            QCOMPARE(snapshot.error().code, ErrorCode::BadSignature);
    }

    void notificationResultCodeIsItsOutcome()
    {
        WechatV2Provider provider(config(m_gateway.port()));
        Params paid = signedReply({{u"out_trade_no"_s, u"T1X"_s},
                                   {u"total_fee"_s, u"100"_s},
                                   {u"transaction_id"_s, u"42"_s},
                                   {u"time_end"_s, u"20261123170000"_s}});
        auto snapshot = provider.parseNotification(HttpRequest::post(FlatXml::encode(paid)));
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->state, TradeState::Success);
        QCOMPARE(snapshot->amount, Fen(100));
        QCOMPARE(snapshot->paidAt, QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC));

        Params failed = paid;
        failed[u"result_code"_s] = u"FAIL"_s;
        failed[u"sign"_s] = WechatSigner::sign(failed, kKey, WechatSignType::Md5);
        auto notPaid = provider.parseNotification(HttpRequest::post(FlatXml::encode(failed)));
        QVERIFY(notPaid.ok());
        QCOMPARE(outcomeOf(notPaid->state), TradeOutcome::Pending);
    }
};

QTEST_GUILESS_MAIN(TestWechatReplies)
#include "tst_wechatreplies.moc"
