// What the verified replies of alipay.trade.refund and alipay.trade.fastpay.refund.query
// mean for one refund: the pure reading, without a gateway (the sandbox suite
// tst_alipayrefunds runs the same replies over the wire).
#include "pay/alipay/alipayprovider.h"

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

RefundRequest request()
{
    return {u"T01P0001"_s, u"T01R0001"_s, 5000, 1230, u"退货"_s};
}

QJsonObject refundReply(const QString &fundChange)
{
    return {{u"code"_s, u"10000"_s},
            {u"msg"_s, u"Success"_s},
            {u"trade_no"_s, u"2024030522001400000000000001"_s},
            {u"out_trade_no"_s, u"T01P0001"_s},
            {u"buyer_logon_id"_s, u"138****0042"_s},
            {u"fund_change"_s, fundChange},
            // The trade's total refunded so far: an earlier refund of 10.00 and this one.
            {u"refund_fee"_s, u"22.30"_s},
            {u"gmt_refund_pay"_s, u"2024-03-05 10:20:30"_s}};
}

QJsonObject queryReply()
{
    return {{u"code"_s, u"10000"_s},
            {u"msg"_s, u"Success"_s},
            {u"trade_no"_s, u"2024030522001400000000000001"_s},
            {u"out_trade_no"_s, u"T01P0001"_s},
            {u"out_request_no"_s, u"T01R0001"_s},
            {u"total_amount"_s, u"50.00"_s},
            {u"refund_amount"_s, u"12.30"_s},
            {u"gmt_refund_pay"_s, u"2024-03-05 10:20:30"_s}};
}

QJsonObject failure(const QString &code, const QString &subCode)
{
    return {{u"code"_s, code},
            {u"msg"_s, u"Business Failed"_s},
            {u"sub_code"_s, subCode},
            {u"sub_msg"_s, u"说明"_s}};
}

// 10:20:30 in Beijing (UTC+8, whatever zone this machine is in).
QDateTime refundedAtUtc()
{
    return QDateTime(QDate(2024, 3, 5), QTime(2, 20, 30), QTimeZone::utc());
}

} // namespace

class tst_AlipayRefundsParse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fundChangeYIsRefundedNow();
    void fundChangeNMustBeQueried();
    void refundRefusals_data();
    void refundRefusals();
    void refundAboutAnotherTradeIsNotBelieved();
    void queryWithRefundDataIsRefunded();
    void queryWithoutRefundDataIsNotFound();
    void queryTradeNotExistIsNotFound();
    void queryStatusWords_data();
    void queryStatusWords();
    void queryAboutAnotherRefundIsNotBelieved();
    void queryWithBadAmountIsNotBelieved();
    void noRefundNotifications();
};

void tst_AlipayRefundsParse::fundChangeYIsRefundedNow()
{
    const auto answer = AlipayProvider::refundAnswer(refundReply(u"Y"_s), request());
    QVERIFY(answer);
    QCOMPARE(answer->state, RefundState::Success);
    // This refund's amount, not refund_fee's cumulative 22.30.
    QCOMPARE(answer->amount, Fen(1230));
    QCOMPARE(answer->refundNo, u"T01R0001"_s);
    QCOMPARE(answer->payNo, u"T01P0001"_s);
    QCOMPARE(answer->providerRefundId, u"2024030522001400000000000001"_s);
    QCOMPARE(answer->refundedAt, refundedAtUtc());
    QVERIFY(answer->rawState.contains(u"fund_change=Y"_s));
    QVERIFY(answer->rawState.contains(u"22.30"_s));
}

void tst_AlipayRefundsParse::fundChangeNMustBeQueried()
{
    const auto answer = AlipayProvider::refundAnswer(refundReply(u"N"_s), request());
    QVERIFY(answer);
    QCOMPARE(answer->state, RefundState::Processing);
    QCOMPARE(answer->amount, Fen(-1));
    QCOMPARE(answer->rawState, u"fund_change=N"_s);
    QVERIFY(!answer->refundedAt.isValid());

    QJsonObject silent = refundReply(u"Y"_s);
    silent.remove(u"fund_change"_s);
    const auto unsaid = AlipayProvider::refundAnswer(silent, request());
    QVERIFY(unsaid);
    QCOMPARE(unsaid->state, RefundState::Processing);
}

void tst_AlipayRefundsParse::refundRefusals_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("subCode");
    QTest::addColumn<QString>("providerCode");
    QTest::addColumn<bool>("unknown");
    QTest::newRow("balance") << u"40004"_s << u"ACQ.SELLER_BALANCE_NOT_ENOUGH"_s
                             << u"ACQ.SELLER_BALANCE_NOT_ENOUGH"_s << false;
    QTest::newRow("too much") << u"40004"_s << u"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"_s
                              << u"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"_s << false;
    QTest::newRow("number reused") << u"40004"_s << u"ACQ.DISCORDANT_REPEAT_REQUEST"_s
                                   << u"ACQ.DISCORDANT_REPEAT_REQUEST"_s << false;
    QTest::newRow("not paid") << u"40004"_s << u"ACQ.TRADE_STATUS_ERROR"_s
                              << u"ACQ.TRADE_STATUS_ERROR"_s << false;
    QTest::newRow("no trade") << u"40004"_s << u"ACQ.TRADE_NOT_EXIST"_s << u"ACQ.TRADE_NOT_EXIST"_s
                              << false;
    QTest::newRow("system error") << u"20000"_s << u"ACQ.SYSTEM_ERROR"_s << u"ACQ.SYSTEM_ERROR"_s
                                  << true;
    QTest::newRow("40004 system error")
        << u"40004"_s << u"ACQ.SYSTEM_ERROR"_s << u"ACQ.SYSTEM_ERROR"_s << true;
    QTest::newRow("20000 unknown word") << u"20000"_s << u"isp.rpc-timeout"_s << u"20000"_s << true;
}

void tst_AlipayRefundsParse::refundRefusals()
{
    QFETCH(QString, code);
    QFETCH(QString, subCode);
    QFETCH(QString, providerCode);
    QFETCH(bool, unknown);
    const auto answer = AlipayProvider::refundAnswer(failure(code, subCode), request());
    QVERIFY(!answer);
    QCOMPARE(answer.error().code, ErrorCode::Provider);
    QCOMPARE(answer.error().providerCode, providerCode);
    QCOMPARE(outcomeUnknown(answer.error()), unknown);
}

void tst_AlipayRefundsParse::refundAboutAnotherTradeIsNotBelieved()
{
    QJsonObject other = refundReply(u"Y"_s);
    other.insert(u"out_trade_no"_s, u"T01P0002"_s);
    const auto answer = AlipayProvider::refundAnswer(other, request());
    QVERIFY(!answer);
    QCOMPARE(answer.error().code, ErrorCode::BadResponse);
    QVERIFY(outcomeUnknown(answer.error()));
}

void tst_AlipayRefundsParse::queryWithRefundDataIsRefunded()
{
    const auto answer = AlipayProvider::refundQueryAnswer(queryReply(), request());
    QVERIFY(answer);
    QCOMPARE(answer->state, RefundState::Success);
    QCOMPARE(answer->amount, Fen(1230));
    QCOMPARE(answer->refundedAt, refundedAtUtc());
    QCOMPARE(answer->providerRefundId, u"2024030522001400000000000001"_s);
    QCOMPARE(answer->rawState, u"REFUNDED"_s);
}

void tst_AlipayRefundsParse::queryWithoutRefundDataIsNotFound()
{
    const QJsonObject empty{{u"code"_s, u"10000"_s},
                            {u"msg"_s, u"Success"_s},
                            {u"out_trade_no"_s, u"T01P0001"_s},
                            {u"trade_no"_s, u"2024030522001400000000000001"_s}};
    const auto answer = AlipayProvider::refundQueryAnswer(empty, request());
    QVERIFY(answer);
    QCOMPARE(answer->state, RefundState::NotFound);
    QCOMPARE(answer->amount, Fen(-1));

    QJsonObject numberOnly = empty;
    numberOnly.insert(u"out_request_no"_s, u"T01R0001"_s);
    const auto half = AlipayProvider::refundQueryAnswer(numberOnly, request());
    QVERIFY(half);
    QCOMPARE(half->state, RefundState::NotFound);
}

void tst_AlipayRefundsParse::queryTradeNotExistIsNotFound()
{
    const auto answer =
        AlipayProvider::refundQueryAnswer(failure(u"40004"_s, u"ACQ.TRADE_NOT_EXIST"_s), request());
    QVERIFY(answer);
    QCOMPARE(answer->state, RefundState::NotFound);
    QCOMPARE(answer->rawState, u"ACQ.TRADE_NOT_EXIST"_s);

    const auto failed =
        AlipayProvider::refundQueryAnswer(failure(u"20000"_s, u"ACQ.SYSTEM_ERROR"_s), request());
    QVERIFY(!failed);
    QVERIFY(outcomeUnknown(failed.error()));
}

void tst_AlipayRefundsParse::queryStatusWords_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<RefundState>("state");
    QTest::newRow("success") << u"REFUND_SUCCESS"_s << RefundState::Success;
    QTest::newRow("processing") << u"REFUND_PROCESSING"_s << RefundState::Processing;
    QTest::newRow("fail") << u"REFUND_FAIL"_s << RefundState::Failed;
    QTest::newRow("new word") << u"REFUND_SOMETHING"_s << RefundState::Unknown;
}

void tst_AlipayRefundsParse::queryStatusWords()
{
    QFETCH(QString, status);
    QFETCH(RefundState, state);
    QJsonObject reply = queryReply();
    reply.insert(u"refund_status"_s, status);
    reply.insert(u"error_code"_s, u"REFUND_FAILED_BANK"_s);
    const auto answer = AlipayProvider::refundQueryAnswer(reply, request());
    QVERIFY(answer);
    QCOMPARE(answer->state, state);
    QCOMPARE(answer->rawState, status);
    QCOMPARE(answer->failReason,
             state == RefundState::Failed ? u"REFUND_FAILED_BANK"_s : QString());
}

void tst_AlipayRefundsParse::queryAboutAnotherRefundIsNotBelieved()
{
    QJsonObject other = queryReply();
    other.insert(u"out_request_no"_s, u"T01R0002"_s);
    const auto answer = AlipayProvider::refundQueryAnswer(other, request());
    QVERIFY(!answer);
    QCOMPARE(answer.error().code, ErrorCode::BadResponse);
}

void tst_AlipayRefundsParse::queryWithBadAmountIsNotBelieved()
{
    for (const QString &amount : {u"12.345"_s, u"0.00"_s, u"-1.00"_s, u"abc"_s}) {
        QJsonObject bad = queryReply();
        bad.insert(u"refund_amount"_s, amount);
        const auto answer = AlipayProvider::refundQueryAnswer(bad, request());
        QVERIFY2(!answer, qPrintable(amount));
        QCOMPARE(answer.error().code, ErrorCode::BadResponse);
    }
}

void tst_AlipayRefundsParse::noRefundNotifications()
{
    AlipayConfig config;
    config.appId = u"2021000000000042"_s;
    AlipayProvider provider(config);
    QVERIFY(provider.refunds());
    const auto parsed = provider.refunds()->parseRefundNotification(HttpRequest{});
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::Unsupported);
}

QTEST_GUILESS_MAIN(tst_AlipayRefundsParse)
#include "tst_alipayrefunds_parse.moc"
