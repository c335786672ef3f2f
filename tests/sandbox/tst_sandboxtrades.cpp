// The sandbox's trade rules over real loopback HTTP: unifiedorder, orderquery and
// closeorder as the real WeChat Pay v2 gateway answers them.

#include "pay/wechat/wechattime.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxtestfixture.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_SandboxTrades : public SandboxTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startGateway(); }
    void cleanup() { stopGateway(); }

    void badBusinessParamsRefused_data();
    void badBusinessParamsRefused();
    void unusualButValidTradeNumberAccepted();
    void outTradeNoUsed();
    void idempotentRecreateReturnsSameCodeUrl();
    void queryUnknownTrade();
    void payThenQuerySuccess();
    void queryByTransactionId();
    void closeNotPay();
    void closePaidTrade();
    void closeUnknownTrade();
    void recreateAfterPayOrClose();
    void tradeChangedSignals();
};

void tst_SandboxTrades::badBusinessParamsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addRow("zero fee") << u"total_fee"_s << u"0"_s;
    QTest::addRow("negative fee") << u"total_fee"_s << u"-100"_s;
    QTest::addRow("yuan fee") << u"total_fee"_s << u"1.50"_s;
    QTest::addRow("text fee") << u"total_fee"_s << u"abc"_s;
    QTest::addRow("huge fee") << u"total_fee"_s << u"99999999999999999999"_s;
    QTest::addRow("no too long") << u"out_trade_no"_s << QString(33, u'A');
    QTest::addRow("no with space") << u"out_trade_no"_s << u"P 009"_s;
    QTest::addRow("no with slash") << u"out_trade_no"_s << u"P/009"_s;
    QTest::addRow("no not ascii") << u"out_trade_no"_s << u"订单009"_s;
    QTest::addRow("trade type") << u"trade_type"_s << u"JSAPI"_s;
    QTest::addRow("no product id") << u"product_id"_s << QString();
    QTest::addRow("body too long") << u"body"_s << QString(43, u'收'); // 129 bytes
    QTest::addRow("bad time_start") << u"time_start"_s << u"2024-01-01"_s;
    QTest::addRow("bad time_expire") << u"time_expire"_s << u"20241301120000"_s;
}

void tst_SandboxTrades::badBusinessParamsRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    Params fields = orderFields(u"P009"_s);
    fields.insert(field, value);
    const auto reply = call(u"/pay/unifiedorder"_s, fields);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply->value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply->value(u"err_code"_s), u"PARAM_ERROR"_s);
    QVERIFY(!reply->value(u"err_code_des"_s).isEmpty());
    QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
    QVERIFY(!reply->contains(u"code_url"_s));
    QVERIFY(m_gateway->trades().isEmpty());
}

void tst_SandboxTrades::unusualButValidTradeNumberAccepted()
{
    const QString outTradeNo = u"Az09_-|*"_s + QString(24, u'x'); // 32 characters
    QVERIFY(!createTrade(outTradeNo).isEmpty());
    QVERIFY(m_gateway->trade(outTradeNo));

    // time_expire exactly one minute after time_start is the shortest allowed.
    const QDateTime start = QDateTime::currentDateTimeUtc();
    Params fields = orderFields(u"P010"_s);
    fields.insert(u"time_start"_s, wechattime::format(start));
    fields.insert(u"time_expire"_s, wechattime::format(start.addSecs(60)));
    const auto reply = call(u"/pay/unifiedorder"_s, fields);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"result_code"_s), u"SUCCESS"_s);
    fields.insert(u"out_trade_no"_s, u"P011"_s);
    fields.insert(u"time_expire"_s, wechattime::format(start.addSecs(59)));
    const auto tooShort = call(u"/pay/unifiedorder"_s, fields);
    QVERIFY(tooShort);
    QCOMPARE(tooShort->value(u"err_code"_s), u"PARAM_ERROR"_s);
}

void tst_SandboxTrades::outTradeNoUsed()
{
    QVERIFY(!createTrade(u"P012"_s, 100).isEmpty());
    for (const auto &[field, value] :
         {std::pair{u"total_fee"_s, u"101"_s}, std::pair{u"body"_s, u"another sale"_s}}) {
        Params fields = orderFields(u"P012"_s, 100);
        fields.insert(field, value);
        const auto reply = call(u"/pay/unifiedorder"_s, fields);
        QVERIFY(reply);
        QCOMPARE(reply->value(u"result_code"_s), u"FAIL"_s);
        QCOMPARE(reply->value(u"err_code"_s), u"OUT_TRADE_NO_USED"_s);
        QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
    }
    QCOMPARE(m_gateway->trade(u"P012"_s)->totalFee, Fen(100));
}

void tst_SandboxTrades::idempotentRecreateReturnsSameCodeUrl()
{
    const QString first = createTrade(u"P013"_s, 500);
    QVERIFY(!first.isEmpty());
    // A retry after a lost reply carries a new nonce (and may use another sign type).
    const auto again =
        call(u"/pay/unifiedorder"_s, orderFields(u"P013"_s, 500), WechatSignType::HmacSha256);
    QVERIFY(again);
    QCOMPARE(again->value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(again->value(u"code_url"_s), first);
    QCOMPARE(m_gateway->trades().size(), 1);
    // Another trade gets another code_url.
    const QString other = createTrade(u"P014"_s, 500);
    QVERIFY(!other.isEmpty());
    QVERIFY(other != first);
}

void tst_SandboxTrades::queryUnknownTrade()
{
    const auto reply = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"NOPE"_s}});
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply->value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply->value(u"err_code"_s), u"ORDERNOTEXIST"_s);
    QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
}

void tst_SandboxTrades::payThenQuerySuccess()
{
    const QString codeUrl = createTrade(u"P015"_s, 2599);
    QVERIFY(!codeUrl.isEmpty());

    const auto before = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P015"_s}});
    QVERIFY(before);
    QCOMPARE(before->value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(before->value(u"trade_state"_s), u"NOTPAY"_s);
    QCOMPARE(before->value(u"total_fee"_s), u"2599"_s);
    QVERIFY(!before->contains(u"transaction_id"_s));
    QVERIFY(!before->contains(u"time_end"_s));

    const HttpResult paid = customerPay(u"code_url"_s, codeUrl);
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.body, QByteArray("OK"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto after = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P015"_s}});
    QVERIFY(after);
    QVERIFY(WechatSigner::verify(*after, m_merchant.key));
    QCOMPARE(after->value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(after->value(u"out_trade_no"_s), u"P015"_s);
    QCOMPARE(after->value(u"trade_state"_s), u"SUCCESS"_s);
    QVERIFY(!after->value(u"trade_state_desc"_s).isEmpty());
    QCOMPARE(after->value(u"total_fee"_s), u"2599"_s);
    QCOMPARE(after->value(u"cash_fee"_s), u"2599"_s);
    QCOMPARE(after->value(u"fee_type"_s), u"CNY"_s);
    QCOMPARE(after->value(u"trade_type"_s), u"NATIVE"_s);
    QVERIFY(!after->value(u"openid"_s).isEmpty());
    QVERIFY(!after->value(u"bank_type"_s).isEmpty());
    const QString transactionId = after->value(u"transaction_id"_s);
    QCOMPARE(transactionId.size(), 28);

    const QDateTime timeEnd = wechattime::parse(after->value(u"time_end"_s));
    QVERIFY(timeEnd.isValid());
    QVERIFY2(qAbs(timeEnd.secsTo(now)) < 120, qPrintable(after->value(u"time_end"_s)));

    const auto trade = m_gateway->trade(u"P015"_s);
    QCOMPARE(trade->state, u"SUCCESS"_s);
    QCOMPARE(trade->transactionId, transactionId);
    QCOMPARE(trade->paidAt, timeEnd);
}

void tst_SandboxTrades::queryByTransactionId()
{
    QVERIFY(!createTrade(u"P016"_s).isEmpty());
    QVERIFY(m_gateway->pay(u"P016"_s));
    const QString transactionId = m_gateway->trade(u"P016"_s)->transactionId;
    const auto reply = call(u"/pay/orderquery"_s, {{u"transaction_id"_s, transactionId}});
    QVERIFY(reply);
    QCOMPARE(reply->value(u"out_trade_no"_s), u"P016"_s);
    QCOMPARE(reply->value(u"trade_state"_s), u"SUCCESS"_s);
    const auto unknown = call(u"/pay/orderquery"_s, {{u"transaction_id"_s, u"4200"_s}});
    QVERIFY(unknown);
    QCOMPARE(unknown->value(u"err_code"_s), u"ORDERNOTEXIST"_s);
}

void tst_SandboxTrades::closeNotPay()
{
    QVERIFY(!createTrade(u"P017"_s).isEmpty());
    const auto closed = call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, u"P017"_s}});
    QVERIFY(closed);
    QCOMPARE(closed->value(u"return_code"_s), u"SUCCESS"_s);
    QCOMPARE(closed->value(u"result_code"_s), u"SUCCESS"_s);
    QVERIFY(WechatSigner::verify(*closed, m_merchant.key));
    QCOMPARE(m_gateway->trade(u"P017"_s)->state, u"CLOSED"_s);

    const auto query = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P017"_s}});
    QVERIFY(query);
    QCOMPARE(query->value(u"trade_state"_s), u"CLOSED"_s);

    const auto again = call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, u"P017"_s}});
    QVERIFY(again);
    QCOMPARE(again->value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(again->value(u"err_code"_s), u"ORDERCLOSED"_s);

    const HttpResult pay = customerPay(u"out_trade_no"_s, u"P017"_s);
    QCOMPARE(pay.status, 409);
    QVERIFY(pay.body.startsWith("ORDERCLOSED: "));
}

void tst_SandboxTrades::closePaidTrade()
{
    QVERIFY(!createTrade(u"P018"_s).isEmpty());
    QVERIFY(m_gateway->pay(u"P018"_s));
    const auto reply =
        call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, u"P018"_s}}, WechatSignType::HmacSha256);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply->value(u"err_code"_s), u"ORDERPAID"_s);
    QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
    QCOMPARE(m_gateway->trade(u"P018"_s)->state, u"SUCCESS"_s);
}

void tst_SandboxTrades::closeUnknownTrade()
{
    const auto reply = call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, u"NOPE"_s}});
    QVERIFY(reply);
    QCOMPARE(reply->value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply->value(u"err_code"_s), u"ORDERNOTEXIST"_s);
}

void tst_SandboxTrades::recreateAfterPayOrClose()
{
    QVERIFY(!createTrade(u"P019"_s).isEmpty());
    QVERIFY(m_gateway->pay(u"P019"_s));
    auto reply = call(u"/pay/unifiedorder"_s, orderFields(u"P019"_s));
    QVERIFY(reply);
    QCOMPARE(reply->value(u"err_code"_s), u"ORDERPAID"_s);

    QVERIFY(!createTrade(u"P020"_s).isEmpty());
    QCOMPARE(call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, u"P020"_s}})->value(u"result_code"_s),
             u"SUCCESS"_s);
    reply = call(u"/pay/unifiedorder"_s, orderFields(u"P020"_s));
    QVERIFY(reply);
    QCOMPARE(reply->value(u"err_code"_s), u"ORDERCLOSED"_s);
}

void tst_SandboxTrades::tradeChangedSignals()
{
    QSignalSpy changed(m_gateway.get(), &SandboxGateway::tradeChanged);
    QVERIFY(!createTrade(u"P028"_s).isEmpty());
    QVERIFY(!createTrade(u"P029"_s).isEmpty());
    QVERIFY(!createTrade(u"P028"_s).isEmpty()); // retry: no change
    QVERIFY(call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P028"_s}}));
    QVERIFY(m_gateway->pay(u"P028"_s));
    QVERIFY(call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, u"P029"_s}}));
    QVERIFY(call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, u"P028"_s}})); // ORDERPAID: no change

    const QList<QStringList> expected{{u"P028"_s, u"NOTPAY"_s},
                                      {u"P029"_s, u"NOTPAY"_s},
                                      {u"P028"_s, u"SUCCESS"_s},
                                      {u"P029"_s, u"CLOSED"_s}};
    QCOMPARE(changed.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(changed.at(i).at(0).toString(), expected.at(i).at(0));
        QCOMPARE(changed.at(i).at(1).toString(), expected.at(i).at(1));
    }
}

QTEST_GUILESS_MAIN(tst_SandboxTrades)
#include "tst_sandboxtrades.moc"
