// WechatV2Provider's refund and refundquery against a hand-made gateway: the replies the
// sandbox never gives (several refunds, another amount, another refund) and every
// err_code's meaning. The notification is in tst_wechatrefunds.cpp, the conversations
// with the sandbox in tests/sandbox/tst_wechatrefunds.cpp.

#include "notify/httplistener.h"
#include "pay/wechat/wechatv2provider.h"
#include "testcertificate.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {
const QByteArray kKey = "0123456789abcdef0123456789abcdef";
}

class TestWechatRefundReplies : public QObject
{
    Q_OBJECT

    HttpListener m_gateway;
    Params m_lastRequest;
    int m_requests = 0;
    Params m_nextReply;
    testing::TestCertificate m_certificate = testing::TestCertificate::make("pw");

    WechatConfig config(bool withCertificate = true) const
    {
        WechatConfig c;
        c.signType = WechatSignType::Md5;
        c.appId = u"wxapp"_s;
        c.merchantId = u"1900"_s;
        c.key = kKey;
        c.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_gateway.port()));
        c.timeoutMs = 3000;
        // Presented only on TLS: the plain hand-made gateway never asks for it.
        if (withCertificate)
            c.clientCertificate.certificate = QSslCertificate(m_certificate.certificatePem);
        return c;
    }

    Params signedReply(Params fields) const
    {
        fields.insert(u"return_code"_s, u"SUCCESS"_s);
        fields.insert(u"appid"_s, u"wxapp"_s);
        fields.insert(u"mch_id"_s, u"1900"_s);
        fields.insert(u"nonce_str"_s, u"n"_s);
        fields.insert(u"sign"_s, WechatSigner::sign(fields, kKey, WechatSignType::Md5));
        return fields;
    }

    static RefundRequest request(Fen amount = 300, const QString &reason = u"退货"_s)
    {
        return {u"T1"_s, u"R1"_s, 1000, amount, reason};
    }

    std::optional<Result<RefundSnapshot>> ask(bool query, const RefundRequest &asked,
                                              const WechatConfig &settings)
    {
        WechatV2Provider provider(settings);
        std::optional<Result<RefundSnapshot>> answer;
        const auto done = [&answer](Result<RefundSnapshot> r) {
            answer = r;
        };
        if (!provider.refunds())
            return answer;
        if (query)
            provider.refunds()->queryRefund(asked, this, done);
        else
            provider.refunds()->refund(asked, this, done);
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            qWarning("the provider never answered");
        return answer;
    }

    std::optional<Result<RefundSnapshot>> query(const Params &reply)
    {
        m_nextReply = signedReply(reply);
        return ask(true, request(), config());
    }

    std::optional<Result<RefundSnapshot>> refund(const Params &reply,
                                                 const RefundRequest &asked = request(),
                                                 const WechatConfig &settings = {})
    {
        m_nextReply = signedReply(reply);
        return ask(false, asked, settings.appId.isEmpty() ? config() : settings);
    }

    static Params accepted(Fen amount = 300)
    {
        return {{u"result_code"_s, u"SUCCESS"_s},
                {u"out_trade_no"_s, u"T1"_s},
                {u"out_refund_no"_s, u"R1"_s},
                {u"refund_id"_s, u"50300001"_s},
                {u"refund_fee"_s, QString::number(amount)},
                {u"total_fee"_s, u"1000"_s}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!m_certificate.certificatePem.isEmpty());
        // The listener runs handlers on its own thread; what they share with the test is
        // only touched on the test's.
        const auto record = [this](const HttpRequest &request, HttpListener::Reply reply) {
            QMetaObject::invokeMethod(
                this,
                [this, request, reply] {
                    ++m_requests;
                    m_lastRequest = FlatXml::decode(request.body).value();
                    reply({200, "text/xml", FlatXml::encode(m_nextReply)});
                },
                Qt::QueuedConnection);
        };
        m_gateway.route("/pay/refundquery", record);
        m_gateway.route("/secapi/pay/refund", record);
        QVERIFY(m_gateway.listen(QHostAddress::LocalHost, 0));
    }

    // --- refundquery ---------------------------------------------------------------

    void queryFindsItsRefundAmongSeveral()
    {
        Params reply{{u"result_code"_s, u"SUCCESS"_s},
                     {u"out_trade_no"_s, u"T1"_s},
                     {u"refund_count"_s, u"3"_s}};
        const QStringList numbers{u"R0"_s, u"R9"_s, u"R1"_s};
        const QStringList states{u"SUCCESS"_s, u"PROCESSING"_s, u"SUCCESS"_s};
        for (int n = 0; n < 3; ++n) {
            reply.insert(u"out_refund_no_%1"_s.arg(n), numbers.at(n));
            reply.insert(u"refund_status_%1"_s.arg(n), states.at(n));
            reply.insert(u"refund_fee_%1"_s.arg(n), QString::number(n == 2 ? 300 : 100 + n));
            reply.insert(u"refund_id_%1"_s.arg(n), u"5030%1"_s.arg(n));
            reply.insert(u"refund_success_time_%1"_s.arg(n), u"2024-02-0%1 10:00:00"_s.arg(n + 1));
        }
        const auto answer = query(reply);
        QVERIFY(answer && answer->ok());
        QCOMPARE(m_lastRequest.value(u"out_refund_no"_s), u"R1"_s);
        QCOMPARE((*answer)->state, RefundState::Success);
        QCOMPARE((*answer)->amount, Fen(300));
        QCOMPARE((*answer)->providerRefundId, u"50302"_s);
        QCOMPARE((*answer)->refundedAt, QDateTime(QDate(2024, 2, 3), QTime(2, 0), Qt::UTC));
        QCOMPARE((*answer)->payNo, u"T1"_s);
    }

    void queriedStates_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<RefundState>("state");
        QTest::newRow("processing") << u"PROCESSING"_s << RefundState::Processing;
        QTest::newRow("closed") << u"REFUNDCLOSE"_s << RefundState::Failed;
        QTest::newRow("abnormal account") << u"CHANGE"_s << RefundState::Failed;
        QTest::newRow("a new word") << u"NOTSURE"_s << RefundState::Unknown;
    }

    void queriedStates()
    {
        QFETCH(QString, word);
        QFETCH(RefundState, state);
        const auto answer = query({{u"result_code"_s, u"SUCCESS"_s},
                                   {u"refund_count"_s, u"1"_s},
                                   {u"out_refund_no_0"_s, u"R1"_s},
                                   {u"refund_status_0"_s, word},
                                   {u"refund_fee_0"_s, u"300"_s}});
        QVERIFY(answer && answer->ok());
        QCOMPARE((*answer)->state, state);
        QCOMPARE((*answer)->rawState, word);
        QCOMPARE((*answer)->failReason.isEmpty(), state != RefundState::Failed);
    }

    void anUnknownRefundIsNotFound()
    {
        const auto answer = query({{u"result_code"_s, u"FAIL"_s},
                                   {u"err_code"_s, u"REFUNDNOTEXIST"_s},
                                   {u"err_code_des"_s, u"退款订单查询失败"_s}});
        QVERIFY(answer && answer->ok());
        QCOMPARE((*answer)->state, RefundState::NotFound);
        QCOMPARE((*answer)->refundNo, u"R1"_s);
        const auto failed =
            query({{u"result_code"_s, u"FAIL"_s}, {u"err_code"_s, u"SYSTEMERROR"_s}});
        QVERIFY(failed && !failed->ok());
        QVERIFY(outcomeUnknown(failed->error()));
    }

    void queryAnswersThatCannotBeBelieved_data()
    {
        QTest::addColumn<Params>("reply");
        const Params ours{{u"result_code"_s, u"SUCCESS"_s},     {u"out_trade_no"_s, u"T1"_s},
                          {u"refund_count"_s, u"1"_s},          {u"out_refund_no_0"_s, u"R1"_s},
                          {u"refund_status_0"_s, u"SUCCESS"_s}, {u"refund_fee_0"_s, u"300"_s}};
        Params reply = ours;
        reply.insert(u"out_trade_no"_s, u"T2"_s);
        QTest::newRow("another trade") << reply;
        reply = ours;
        reply.insert(u"out_refund_no_0"_s, u"R2"_s);
        QTest::newRow("another refund") << reply;
        reply = ours;
        reply.remove(u"refund_count"_s);
        QTest::newRow("no refund_count") << reply;
        reply = ours;
        reply.insert(u"refund_fee_0"_s, u"301"_s);
        QTest::newRow("another amount") << reply;
        reply = ours;
        reply.remove(u"refund_status_0"_s);
        QTest::newRow("no state") << reply;
    }

    void queryAnswersThatCannotBeBelieved()
    {
        QFETCH(Params, reply);
        const auto answer = query(reply);
        QVERIFY(answer && !answer->ok());
        QCOMPARE(answer->error().code, ErrorCode::BadResponse);
    }

    // --- secapi/pay/refund -------------------------------------------------------------

    // --- secapi/pay/refund -------------------------------------------------------------

    void anAcceptedRefundIsProcessing()
    {
        WechatConfig settings = config();
        settings.refundNotifyUrl = u"https://pos.example.com/notify/refund"_s;
        // 27 three-byte characters: 81 bytes, one too many for refund_desc.
        const QString reason = QString(27, QChar(0x9000));
        const auto answer = refund(accepted(), request(300, reason), settings);
        QVERIFY(answer && answer->ok());
        QCOMPARE((*answer)->state, RefundState::Processing);
        QCOMPARE((*answer)->rawState, u"PROCESSING"_s);
        QCOMPARE((*answer)->amount, Fen(300));
        QCOMPARE((*answer)->providerRefundId, u"50300001"_s);
        QCOMPARE(m_lastRequest.value(u"out_trade_no"_s), u"T1"_s);
        QCOMPARE(m_lastRequest.value(u"out_refund_no"_s), u"R1"_s);
        QCOMPARE(m_lastRequest.value(u"total_fee"_s), u"1000"_s);
        QCOMPARE(m_lastRequest.value(u"refund_fee"_s), u"300"_s);
        QCOMPARE(m_lastRequest.value(u"refund_desc"_s), QString(26, QChar(0x9000)));
        QCOMPARE(m_lastRequest.value(u"notify_url"_s), settings.refundNotifyUrl);

        // Without a notify URL of its own the merchant platform's setting applies.
        QVERIFY(refund(accepted()));
        QVERIFY(!m_lastRequest.contains(u"notify_url"_s));
        // A reply that says the refund is done already is believed.
        Params done = accepted();
        done.insert(u"refund_status"_s, u"SUCCESS"_s);
        const auto immediate = refund(done);
        QVERIFY(immediate && immediate->ok());
        QCOMPARE((*immediate)->state, RefundState::Success);
    }

    void refundRepliesThatCannotBeBelieved()
    {
        const auto otherAmount = refund(accepted(299));
        QVERIFY(otherAmount && !otherAmount->ok());
        QCOMPARE(otherAmount->error().code, ErrorCode::BadResponse);
        Params other = accepted();
        other.insert(u"out_refund_no"_s, u"R2"_s);
        const auto otherRefund = refund(other);
        QVERIFY(otherRefund && !otherRefund->ok());
        QCOMPARE(otherRefund->error().code, ErrorCode::BadResponse);
        other = accepted();
        other.remove(u"refund_id"_s);
        QCOMPARE(refund(other)->error().code, ErrorCode::BadResponse);
        // Unbelievable is not refused: the refund may have been taken.
        QVERIFY(outcomeUnknown(otherAmount->error()));
    }

    void refusalsAndUnknownOutcomes_data()
    {
        QTest::addColumn<QString>("errCode");
        QTest::addColumn<bool>("unknown");
        QTest::newRow("system error") << u"SYSTEMERROR"_s << true;
        QTest::newRow("retry") << u"BIZERR_NEED_RETRY"_s << true;
        QTest::newRow("frequency") << u"FREQUENCY_LIMITED"_s << true;
        QTest::newRow("balance") << u"NOTENOUGH"_s << false;
        QTest::newRow("fully refunded") << u"ERROR"_s << false;
        QTest::newRow("more than left") << u"INVALID_REQUEST"_s << false;
        QTest::newRow("amount changed") << u"REFUND_FEE_MISMATCH"_s << false;
        QTest::newRow("no such trade") << u"ORDERNOTEXIST"_s << false;
        QTest::newRow("too old") << u"TRADE_OVERDUE"_s << false;
    }

    void refusalsAndUnknownOutcomes()
    {
        QFETCH(QString, errCode);
        QFETCH(bool, unknown);
        const auto answer = refund({{u"result_code"_s, u"FAIL"_s},
                                    {u"err_code"_s, errCode},
                                    {u"err_code_des"_s, u"说明"_s}});
        QVERIFY(answer && !answer->ok());
        QCOMPARE(answer->error().code, ErrorCode::Provider);
        QCOMPARE(answer->error().providerCode, errCode);
        QCOMPARE(answer->error().message, u"说明"_s);
        QCOMPARE(outcomeUnknown(answer->error()), unknown);
    }

    void noCertificateNoRequest()
    {
        const int before = m_requests;
        const auto answer = refund(accepted(), request(), config(false));
        QVERIFY(answer && !answer->ok());
        QCOMPARE(answer->error().code, ErrorCode::Config);
        QVERIFY(!outcomeUnknown(answer->error()));
        QCOMPARE(m_requests, before);
    }
};

QTEST_GUILESS_MAIN(TestWechatRefundReplies)
#include "tst_wechatrefundreplies.moc"
