// The training customer: /sandbox/pay, SandboxGateway::pay(), auto-pay, expiry, and the
// TrainingCustomer client the training UI uses.

#include "pay/wechat/wechattime.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/trainingcustomer.h"
#include "sandboxtestfixture.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_SandboxCustomer : public SandboxTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startGateway(); }
    void cleanup() { stopGateway(); }

    void customerPayRefusals();
    void payApiErrors();
    void expiredTradeCannotBePaid();
    void autoPay();
    void trainingCustomerPays();
    void trainingCustomerNetworkError();
};

void tst_SandboxCustomer::customerPayRefusals()
{
    HttpResult result = customerPay(u"out_trade_no"_s, u"NOPE"_s);
    QCOMPARE(result.status, 404);
    QVERIFY(result.body.startsWith("ORDERNOTEXIST: "));

    result = customerPay(u"code_url"_s, u"weixin://wxpay/bizpayurl?pr=nothing"_s);
    QCOMPARE(result.status, 404);
    QVERIFY(result.body.startsWith("ORDERNOTEXIST: "));

    result = customerPay(u"amount"_s, u"100"_s);
    QCOMPARE(result.status, 400);
    QVERIFY(result.body.startsWith("LACK_PARAMS: "));

    QVERIFY(!createTrade(u"P023"_s).isEmpty());
    QCOMPARE(customerPay(u"out_trade_no"_s, u"P023"_s).status, 200);
    result = customerPay(u"out_trade_no"_s, u"P023"_s);
    QCOMPARE(result.status, 409);
    QVERIFY(result.body.startsWith("ORDERPAID: "));
}

void tst_SandboxCustomer::payApiErrors()
{
    Status status = m_gateway->pay(u"NOPE"_s);
    QVERIFY(!status);
    QCOMPARE(status.error().name(), u"ORDERNOTEXIST"_s);
    status = m_gateway->payCodeUrl(u"weixin://wxpay/bizpayurl?pr=nothing"_s);
    QVERIFY(!status);
    QCOMPARE(status.error().name(), u"ORDERNOTEXIST"_s);

    const QString codeUrl = createTrade(u"P024"_s);
    QVERIFY(m_gateway->payCodeUrl(codeUrl));
    status = m_gateway->pay(u"P024"_s);
    QVERIFY(!status);
    QCOMPARE(status.error().name(), u"ORDERPAID"_s);
}

void tst_SandboxCustomer::expiredTradeCannotBePaid()
{
    const QDateTime start = QDateTime::currentDateTimeUtc();
    Params fields = orderFields(u"P021"_s);
    fields.insert(u"time_start"_s, wechattime::format(start));
    fields.insert(u"time_expire"_s, wechattime::format(start.addSecs(120)));
    const auto created = call(u"/pay/unifiedorder"_s, fields);
    QVERIFY(created);
    QCOMPARE(created->value(u"result_code"_s), u"SUCCESS"_s);
    const QDateTime expiresAt = m_gateway->trade(u"P021"_s)->expiresAt;
    QCOMPARE(expiresAt, wechattime::parse(wechattime::format(start.addSecs(120))));

    m_gateway->setClock([expiresAt] { return expiresAt.addSecs(1); });
    const HttpResult pay = customerPay(u"out_trade_no"_s, u"P021"_s);
    QCOMPARE(pay.status, 409);
    QVERIFY2(pay.body.startsWith("ORDEREXPIRED: "), pay.body.constData());
    const Status direct = m_gateway->payCodeUrl(created->value(u"code_url"_s));
    QVERIFY(!direct);
    QCOMPARE(direct.error().name(), QString(sandboxError::kOrderExpired));

    // Like the real gateway, it does not close the trade by itself.
    const auto query = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P021"_s}});
    QVERIFY(query);
    QCOMPARE(query->value(u"trade_state"_s), u"NOTPAY"_s);
    const auto closed = call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, u"P021"_s}});
    QVERIFY(closed);
    QCOMPARE(closed->value(u"result_code"_s), u"SUCCESS"_s);

    // Still payable up to the last second.
    m_gateway->setClock({});
    QVERIFY(!createTrade(u"P022"_s).isEmpty());
    const QDateTime lastSecond = m_gateway->trade(u"P022"_s)->expiresAt;
    m_gateway->setClock([lastSecond] { return lastSecond; });
    QVERIFY(m_gateway->pay(u"P022"_s));
}

void tst_SandboxCustomer::autoPay()
{
    m_gateway->setAutoPayDelay(50ms);
    QSignalSpy changed(m_gateway.get(), &SandboxGateway::tradeChanged);
    QVERIFY(!createTrade(u"P026"_s).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->trade(u"P026"_s)->state, u"SUCCESS"_s, kWaitMs);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(1).toString(), u"SUCCESS"_s);
    QVERIFY(!m_gateway->trade(u"P026"_s)->transactionId.isEmpty());

    // Turned off, a new trade waits for its customer: a fence six times the old delay
    // later it is still unpaid.
    m_gateway->setAutoPayDelay(std::nullopt);
    QVERIFY(!createTrade(u"P027"_s).isEmpty());
    m_gateway->injectFault(u"/pay/orderquery"_s, SandboxFault::Latency, 1, 300ms);
    QVERIFY(call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"P027"_s}}));
    QCOMPARE(m_gateway->trade(u"P027"_s)->state, u"NOTPAY"_s);
    QCOMPARE(changed.size(), 3);
}

void tst_SandboxCustomer::trainingCustomerPays()
{
    const QString codeUrl = createTrade(u"P025"_s);
    TrainingCustomer customer(m_gateway->baseUrl());
    QObject context;
    std::optional<Status> result;
    customer.pay(codeUrl, &context, [&result](Status status) { result = status; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY(*result);
    QCOMPARE(m_gateway->trade(u"P025"_s)->state, u"SUCCESS"_s);

    result.reset();
    customer.payTrade(u"P025"_s, &context, [&result](Status status) { result = status; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY(!*result);
    QCOMPARE(result->error().name(), u"ORDERPAID"_s);
    QVERIFY(!result->error().message.isEmpty());
}

void tst_SandboxCustomer::trainingCustomerNetworkError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    QUrl closed;
    closed.setScheme(u"http"_s);
    closed.setHost(u"127.0.0.1"_s);
    closed.setPort(probe.serverPort());
    probe.close();

    TrainingCustomer customer(closed);
    QObject context;
    std::optional<Status> result;
    customer.pay(u"weixin://wxpay/bizpayurl?pr=abcdefg"_s, &context,
                 [&result](Status status) { result = status; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY(!*result);
    QCOMPARE(result->error().code, ErrorCode::Network);

    // No callback once the context is gone.
    bool called = false;
    auto doomed = std::make_unique<QObject>();
    customer.pay(u"weixin://wxpay/bizpayurl?pr=abcdefg"_s, doomed.get(),
                 [&called](Status) { called = true; });
    doomed.reset();
    result.reset();
    customer.pay(u"weixin://wxpay/bizpayurl?pr=abcdefg"_s, &context,
                 [&result](Status status) { result = status; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(tst_SandboxCustomer)
#include "tst_sandboxcustomer.moc"
