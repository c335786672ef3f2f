// WeChat Pay v2 refund notifications in WechatV2Provider, made by hand: req_info decrypted
// under the merchant key, checked field by field, or refused. The refund and refundquery
// replies are in tst_wechatrefundreplies.cpp, the conversations with the sandbox in
// tests/sandbox/tst_wechatrefunds.cpp.

#include "crypto/aesecb.h"
#include "crypto/digest.h"
#include "pay/wechat/wechattime.h"
#include "pay/wechat/wechatv2provider.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

const QByteArray kKey = "0123456789abcdef0123456789abcdef";

// A req_info as WeChat makes it: AES-256-ECB under the lower-case hex MD5 of the API key.
QString reqInfo(const Params &fields, const QByteArray &apiKey = kKey,
                const QString &root = u"root"_s)
{
    const QByteArray key = crypto::md5Hex(apiKey).toLower();
    return QString::fromLatin1(
        crypto::aes256EcbEncrypt(key, FlatXml::encode(fields, root)).toBase64());
}

Params refundFields()
{
    return {
        {u"out_refund_no"_s, u"R1"_s},
        {u"out_trade_no"_s, u"T1"_s},
        {u"refund_account"_s, u"REFUND_SOURCE_UNSETTLED_FUNDS"_s},
        {u"refund_fee"_s, u"300"_s},
        {u"refund_id"_s, u"50300000012017121500000000001"_s},
        {u"refund_recv_accout"_s, u"支付用户的零钱"_s},
        {u"refund_request_source"_s, u"API"_s},
        {u"refund_status"_s, u"SUCCESS"_s},
        {u"settlement_refund_fee"_s, u"300"_s},
        {u"settlement_total_fee"_s, u"1000"_s},
        {u"success_time"_s, u"2017-12-15 09:46:01"_s},
        {u"total_fee"_s, u"1000"_s},
        {u"transaction_id"_s, u"4200000001201712150000000001"_s},
    };
}

HttpRequest notification(const QString &info, const QString &mchId = u"1900"_s)
{
    HttpRequest request;
    request.body = FlatXml::encode({{u"return_code"_s, u"SUCCESS"_s},
                                    {u"appid"_s, u"wxapp"_s},
                                    {u"mch_id"_s, mchId},
                                    {u"nonce_str"_s, u"n"_s},
                                    {u"req_info"_s, info}});
    return request;
}

} // namespace

class TestWechatRefunds : public QObject
{
    Q_OBJECT

    static Result<RefundSnapshot> parse(const HttpRequest &request)
    {
        WechatConfig config;
        config.appId = u"wxapp"_s;
        config.merchantId = u"1900"_s;
        config.key = kKey;
        WechatV2Provider provider(config);
        if (!provider.refunds())
            return Error{ErrorCode::Unsupported, u"no refunds"_s};
        return provider.refunds()->parseRefundNotification(request);
    }

private Q_SLOTS:
    void refundTimesAreBeijingTime()
    {
        const QDateTime utc(QDate(2017, 12, 15), QTime(1, 46, 1), Qt::UTC);
        QCOMPARE(wechattime::parseDashed(u"2017-12-15 09:46:01"_s), utc);
        QCOMPARE(wechattime::formatDashed(utc), u"2017-12-15 09:46:01"_s);
        QVERIFY(!wechattime::parseDashed(u"2017-12-15 9:46:01"_s).isValid());
        QVERIFY(!wechattime::parseDashed(u"2017-12-15T09:46:01"_s).isValid());
        QVERIFY(!wechattime::parseDashed(u"2017-13-15 09:46:01"_s).isValid());
        QVERIFY(!wechattime::parseDashed(QString()).isValid());
    }

    // --- The notification ---------------------------------------------------------

    void aNotificationDecryptsWithTheMerchantKey()
    {
        const auto parsed = parse(notification(reqInfo(refundFields())));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->refundNo, u"R1"_s);
        QCOMPARE(parsed->payNo, u"T1"_s);
        QCOMPARE(parsed->state, RefundState::Success);
        QCOMPARE(parsed->rawState, u"SUCCESS"_s);
        QCOMPARE(parsed->amount, Fen(300));
        QCOMPARE(parsed->providerRefundId, u"50300000012017121500000000001"_s);
        QCOMPARE(parsed->refundedAt, QDateTime(QDate(2017, 12, 15), QTime(1, 46, 1), Qt::UTC));
    }

    void notifiedStates_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<RefundState>("state");
        QTest::addColumn<bool>("reasonGiven");
        QTest::newRow("abnormal account") << u"CHANGE"_s << RefundState::Failed << true;
        QTest::newRow("closed") << u"REFUNDCLOSE"_s << RefundState::Failed << true;
        QTest::newRow("a new word") << u"SOMETHING_NEW"_s << RefundState::Unknown << false;
    }

    void notifiedStates()
    {
        QFETCH(QString, word);
        QFETCH(RefundState, state);
        QFETCH(bool, reasonGiven);
        Params fields = refundFields();
        fields.insert(u"refund_status"_s, word);
        fields.remove(u"success_time"_s);
        const auto parsed = parse(notification(reqInfo(fields)));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->state, state);
        QCOMPARE(parsed->rawState, word);
        QCOMPARE(!parsed->failReason.isEmpty(), reasonGiven);
        QVERIFY(!parsed->refundedAt.isValid());
    }

    void anotherKeyCannotDecryptIt()
    {
        const auto parsed = parse(notification(reqInfo(refundFields(), kKey + "-another")));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::BadSignature);
        QVERIFY2(parsed.error().message.contains(u"cannot be decrypted with the merchant key"_s),
                 qPrintable(parsed.error().message));
    }

    void anotherMerchantsNotificationIsRefused()
    {
        const auto other = parse(notification(reqInfo(refundFields()), u"1999"_s));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, ErrorCode::WrongMerchant);
        HttpRequest otherApp = notification(reqInfo(refundFields()));
        otherApp.body.replace("wxapp", "wxother");
        QCOMPARE(parse(otherApp).error().code, ErrorCode::WrongMerchant);
    }

    void notificationsThatCannotBeBelieved_data()
    {
        QTest::addColumn<QString>("missing");
        QTest::newRow("out_refund_no") << u"out_refund_no"_s;
        QTest::newRow("refund_status") << u"refund_status"_s;
        QTest::newRow("refund_fee") << u"refund_fee"_s;
    }

    void notificationsThatCannotBeBelieved()
    {
        QFETCH(QString, missing);
        Params fields = refundFields();
        fields.remove(missing);
        const auto parsed = parse(notification(reqInfo(fields)));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::BadResponse);
        QVERIFY2(parsed.error().message.contains(missing), qPrintable(parsed.error().message));
    }

    void malformedNotifications()
    {
        Params fields = refundFields();
        fields.insert(u"refund_fee"_s, u"3.00"_s);
        QCOMPARE(parse(notification(reqInfo(fields))).error().code, ErrorCode::BadResponse);
        QCOMPARE(parse(notification(u"not base64 !"_s)).error().code, ErrorCode::BadResponse);
        QCOMPARE(parse(notification(QString())).error().code, ErrorCode::BadResponse);
        // Whole blocks, but the plain text is not a <root> document.
        QCOMPARE(parse(notification(reqInfo(refundFields(), kKey, u"xml"_s))).error().code,
                 ErrorCode::BadSignature);
        HttpRequest failed;
        failed.body = FlatXml::encode({{u"return_code"_s, u"FAIL"_s}, {u"return_msg"_s, u"x"_s}});
        QCOMPARE(parse(failed).error().code, ErrorCode::Gateway);
    }
};

QTEST_GUILESS_MAIN(TestWechatRefunds)
#include "tst_wechatrefunds.moc"
