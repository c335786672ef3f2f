// The real Alipay provider takes payment codes (付款码) from the sandbox gateway over loopback:
// trade.pay and trade.cancel, with scripted customers and the gateway's faults; and, against a
// hand-made gateway, the signed replies the sandbox never gives (another amount, another trade).

#include "codepayfixture.h"
#include "pay/alipay/alipayresponse.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_AlipayCodePay : public CodePayFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { CodePayFixture::init(); }
    void cleanup() { CodePayFixture::cleanup(); }

    void alipayOwnsItsCodes_data();
    void alipayOwnsItsCodes();

    void alipayPaidAtOnce();
    void alipayWaitsForThePassword();
    void alipayRefusals_data();
    void alipayRefusals();
    void alipayUnknownOutcome();
    void alipayAnswerCodes_data();
    void alipayAnswerCodes();
    void alipayRepliesThatCannotBeBelieved_data();
    void alipayRepliesThatCannotBeBelieved();
    void alipayCancelCloses();
    void alipayCancelRefunds();
    void alipayCancelRetry();
};

// --- Whose code is it ---------------------------------------------------------------

void tst_AlipayCodePay::alipayOwnsItsCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("owned");
    QTest::newRow("16 digits, 25") << u"2500000000000000"_s << true;
    QTest::newRow("18 digits, 28") << u"286543210987654321"_s << true;
    QTest::newRow("24 digits, 30") << u"309999999999999999999999"_s << true;
    QTest::newRow("15 digits") << u"280000000000000"_s << false;
    QTest::newRow("25 digits") << u"2800000000000000000000000"_s << false;
    QTest::newRow("prefix 24") << u"2400000000000000"_s << false;
    QTest::newRow("prefix 31") << u"3100000000000000"_s << false;
    QTest::newRow("WeChat's 13") << u"134567890123456789"_s << false;
    QTest::newRow("UnionPay's 62") << u"6200000000000000000"_s << false;
    QTest::newRow("a letter") << u"28654321098765432X"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_AlipayCodePay::alipayOwnsItsCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, owned);
    AlipayProvider provider(alipayConfig());
    QVERIFY(provider.codePayments());
    QCOMPARE(provider.codePayments()->ownsCode(code), owned);
}

// --- Alipay trade.pay and trade.cancel ------------------------------------------------

void tst_AlipayCodePay::alipayPaidAtOnce()
{
    const AlipayConfig config = alipayConfig();
    AlipayProvider provider(config);
    const QString code = u"286543210987654321"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    const auto paid = charge(provider, chargeRequest(u"A001"_s, code, 4321));
    QVERIFY2(paid && paid->ok(), why(paid).constData());
    const TradeSnapshot &snapshot = paid->value();
    QCOMPARE(snapshot.state, TradeState::Success);
    QCOMPARE(snapshot.rawState, u"TRADE_SUCCESS"_s);
    QCOMPARE(snapshot.payNo, u"A001"_s);
    QCOMPARE(snapshot.amount, Fen(4321));
    QCOMPARE(snapshot.appId, config.appId);
    QCOMPARE(snapshot.merchantId, provider.merchantId());
    QVERIFY(snapshot.paidAt.isValid());
    const auto trade = m_gateway->trade(u"A001"_s);
    QVERIFY(trade);
    QCOMPARE(snapshot.transactionId, trade->transactionId);
    QVERIFY(!snapshot.transactionId.isEmpty());
    QCOMPARE(trade->authCode, code);
    QCOMPARE(trade->totalFee, Fen(4321));
}

void tst_AlipayCodePay::alipayWaitsForThePassword()
{
    AlipayProvider provider(alipayConfig());
    const QString code = u"256543210987654321"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::ConfirmsAfter, 600ms);
    const auto waiting = charge(provider, chargeRequest(u"A002"_s, code, 700));
    QVERIFY2(waiting && waiting->ok(), why(waiting).constData());
    QCOMPARE((*waiting)->state, TradeState::UserPaying);
    QCOMPARE((*waiting)->rawState, u"WAIT_BUYER_PAY"_s);
    QCOMPARE((*waiting)->payNo, u"A002"_s);

    // A query meanwhile says WAIT_BUYER_PAY, which reads as pending.
    auto latest = query(provider, u"A002"_s);
    QVERIFY2(latest && latest->ok(), why(latest).constData());
    QCOMPARE(outcomeOf((*latest)->state), TradeOutcome::Pending);
    QTRY_VERIFY_WITH_TIMEOUT((latest = query(provider, u"A002"_s)) && latest->ok() &&
                                 (*latest)->state == TradeState::Success,
                             5000);
    QCOMPARE((*latest)->amount, Fen(700));
}

void tst_AlipayCodePay::alipayRefusals_data()
{
    QTest::addColumn<CodeCustomer>("customer");
    QTest::addColumn<QString>("subCode");
    QTest::newRow("balance") << CodeCustomer::NotEnoughBalance << u"ACQ.BUYER_BALANCE_NOT_ENOUGH"_s;
    QTest::newRow("code expired") << CodeCustomer::CodeExpired
                                  << u"ACQ.PAYMENT_AUTH_CODE_INVALID"_s;
    QTest::newRow("no instrument")
        << CodeCustomer::CardNotSupported << u"ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE"_s;
}

void tst_AlipayCodePay::alipayRefusals()
{
    QFETCH(CodeCustomer, customer);
    QFETCH(QString, subCode);
    AlipayProvider provider(alipayConfig());
    const QString code = u"296543210987654321"_s;
    m_gateway->setCodeCustomer(code, customer);
    const auto refused = charge(provider, chargeRequest(u"A010"_s, code));
    QVERIFY(refused);
    QVERIFY2(!refused->ok(), "a refused code was taken as paid");
    QCOMPARE(refused->error().providerCode, subCode);
    QVERIFY(!refused->error().message.isEmpty());
    QVERIFY(!outcomeUnknown(refused->error()));

    // The same number paid with a good code, then charged again: already paid, query it.
    const QString good = u"296543210987654322"_s;
    m_gateway->setCodeCustomer(good, CodeCustomer::PaysAtOnce);
    const auto paid = charge(provider, chargeRequest(u"A011"_s, good));
    QVERIFY2(paid && paid->ok(), why(paid).constData());
    const auto again = charge(provider, chargeRequest(u"A011"_s, good));
    QVERIFY(again && !again->ok());
    QCOMPARE(again->error().providerCode, u"ACQ.TRADE_HAS_SUCCESS"_s);
    QVERIFY(outcomeUnknown(again->error()));
}

void tst_AlipayCodePay::alipayUnknownOutcome()
{
    AlipayProvider provider(alipayConfig());
    const QString code = u"306543210987654321"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    m_gateway->injectFault(u"alipay.trade.pay"_s, SandboxFault::BankError);
    const auto unknown = charge(provider, chargeRequest(u"A020"_s, code, 500));
    QVERIFY(unknown);
    QVERIFY2(!unknown->ok(), "an unanswered charge was taken as an answer");
    QCOMPARE(unknown->error().code, ErrorCode::Provider);
    QVERIFY2(outcomeUnknown(unknown->error()), why(unknown).constData());
    const auto snapshot = query(provider, u"A020"_s);
    QVERIFY2(snapshot && snapshot->ok(), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Success);
}

void tst_AlipayCodePay::alipayAnswerCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("subCode");
    QTest::addColumn<QString>("named");
    QTest::addColumn<bool>("unknown");
    for (const char *refusal : {"ACQ.BUYER_BALANCE_NOT_ENOUGH", "ACQ.PAYMENT_AUTH_CODE_INVALID",
                                "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", "ACQ.TRADE_HAS_CLOSE",
                                "ACQ.BUYER_ENABLE_STATUS_FORBID"})
        QTest::newRow(refusal) << u"40004"_s << QString::fromLatin1(refusal)
                               << QString::fromLatin1(refusal) << false;
    QTest::newRow("already paid") << u"40004"_s << u"ACQ.TRADE_HAS_SUCCESS"_s
                                  << u"ACQ.TRADE_HAS_SUCCESS"_s << true;
    QTest::newRow("40004 system error")
        << u"40004"_s << u"ACQ.SYSTEM_ERROR"_s << u"ACQ.SYSTEM_ERROR"_s << true;
    QTest::newRow("20000 unknow-error")
        << u"20000"_s << u"isp.unknow-error"_s << u"isp.unknow-error"_s << true;
    // Whatever sub_code a 20000 carries, the service failed somewhere: query.
    QTest::newRow("20000 other") << u"20000"_s << u"isp.some-new-failure"_s << u"20000"_s << true;
    QTest::newRow("20000 bare") << u"20000"_s << QString() << u"20000"_s << true;
}

void tst_AlipayCodePay::alipayAnswerCodes()
{
    QFETCH(QString, code);
    QFETCH(QString, subCode);
    QFETCH(QString, named);
    QFETCH(bool, unknown);
    const quint16 port = listenFake("/gateway.do");
    QVERIFY(port != 0);
    auto gatewayKey = crypto::RsaKey::generate(2048);
    QVERIFY(gatewayKey);
    auto provider = fakeAlipay(port, gatewayKey.value());
    QJsonObject content{{u"code"_s, code}, {u"msg"_s, u"Business Failed"_s}};
    if (!subCode.isEmpty()) {
        content.insert(u"sub_code"_s, subCode);
        content.insert(u"sub_msg"_s, u"说明"_s);
    }
    m_nextReply = AlipayResponse::encode(u"alipay.trade.pay"_s, content, gatewayKey.value());
    const auto answer = charge(*provider, chargeRequest(u"A035"_s, u"286543210987654321"_s));
    QVERIFY(answer && !answer->ok());
    QCOMPARE(answer->error().code, ErrorCode::Provider);
    QCOMPARE(answer->error().providerCode, named);
    QVERIFY(!answer->error().message.isEmpty());
    QCOMPARE(outcomeUnknown(answer->error()), unknown);
}

void tst_AlipayCodePay::alipayRepliesThatCannotBeBelieved_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("totalAmount");
    QTest::addColumn<QString>("outTradeNo");
    QTest::addColumn<ErrorCode>("error");
    QTest::newRow("paid, another amount")
        << u"10000"_s << u"0.01"_s << u"A030"_s << ErrorCode::BadResponse;
    QTest::newRow("paid, another trade")
        << u"10000"_s << u"12.34"_s << u"A031"_s << ErrorCode::BadResponse;
    QTest::newRow("waiting, another amount")
        << u"10003"_s << u"0.01"_s << u"A030"_s << ErrorCode::BadResponse;
    QTest::newRow("paid, another key")
        << u"10000"_s << u"12.34"_s << u"A030"_s << ErrorCode::BadSignature;
}

void tst_AlipayCodePay::alipayRepliesThatCannotBeBelieved()
{
    QFETCH(QString, code);
    QFETCH(QString, totalAmount);
    QFETCH(QString, outTradeNo);
    QFETCH(ErrorCode, error);
    const quint16 port = listenFake("/gateway.do");
    QVERIFY(port != 0);
    auto gatewayKey = crypto::RsaKey::generate(2048);
    auto otherKey = crypto::RsaKey::generate(2048);
    QVERIFY(gatewayKey && otherKey);
    auto provider = fakeAlipay(port, gatewayKey.value());

    const QJsonObject content{{u"code"_s, code},
                              {u"msg"_s, u"Success"_s},
                              {u"out_trade_no"_s, outTradeNo},
                              {u"trade_no"_s, u"2026010122001400000001"_s},
                              {u"total_amount"_s, totalAmount},
                              {u"gmt_payment"_s, u"2026-01-01 12:00:00"_s}};
    m_nextReply = AlipayResponse::encode(u"alipay.trade.pay"_s, content,
                                         error == ErrorCode::BadSignature ? otherKey.value()
                                                                          : gatewayKey.value());

    const auto answer = charge(*provider, chargeRequest(u"A030"_s, u"286543210987654321"_s, 1234));
    QVERIFY(answer);
    QVERIFY2(!answer->ok(), "a reply that does not match the request was believed");
    QCOMPARE(answer->error().code, error);
    QVERIFY(outcomeUnknown(answer->error()));
}

void tst_AlipayCodePay::alipayCancelCloses()
{
    AlipayProvider provider(alipayConfig());
    const QString code = u"276543210987654321"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::NeverConfirms);
    const auto waiting = charge(provider, chargeRequest(u"A040"_s, code));
    QVERIFY2(waiting && waiting->ok(), why(waiting).constData());
    QCOMPARE((*waiting)->state, TradeState::UserPaying);

    const auto cancelled = reverse(provider, u"A040"_s);
    QVERIFY2(cancelled && cancelled->ok(), why(cancelled).constData());
    QVERIFY(!(*cancelled)->callAgain);
    QCOMPARE((*cancelled)->detail, u"close"_s);
    QCOMPARE(m_gateway->reverseCount(u"A040"_s), 1);
    const auto snapshot = query(provider, u"A040"_s);
    QVERIFY2(snapshot && snapshot->ok(), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Closed);
}

void tst_AlipayCodePay::alipayCancelRefunds()
{
    AlipayProvider provider(alipayConfig());
    const QString code = u"276543210987654322"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    const auto paid = charge(provider, chargeRequest(u"A050"_s, code));
    QVERIFY2(paid && paid->ok(), why(paid).constData());
    const auto cancelled = reverse(provider, u"A050"_s);
    QVERIFY2(cancelled && cancelled->ok(), why(cancelled).constData());
    QVERIFY(!(*cancelled)->callAgain);
    QCOMPARE((*cancelled)->detail, u"refund"_s);
}

void tst_AlipayCodePay::alipayCancelRetry()
{
    AlipayProvider provider(alipayConfig());
    const QString code = u"276543210987654323"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    QVERIFY(charge(provider, chargeRequest(u"A060"_s, code)));
    m_gateway->injectFault(u"alipay.trade.cancel"_s, SandboxFault::Recall);
    const auto retry = reverse(provider, u"A060"_s);
    QVERIFY2(retry && retry->ok(), why(retry).constData());
    QVERIFY((*retry)->callAgain);
    QCOMPARE((*retry)->detail, u"ACQ.SYSTEM_ERROR"_s);
    const auto done = reverse(provider, u"A060"_s);
    QVERIFY2(done && done->ok(), why(done).constData());
    QVERIFY(!(*done)->callAgain);
    QCOMPARE((*done)->detail, u"refund"_s);
}

QTEST_GUILESS_MAIN(tst_AlipayCodePay)
#include "tst_alipaycodepay.moc"
