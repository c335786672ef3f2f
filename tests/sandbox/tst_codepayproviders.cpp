// The real providers take payment codes (付款码) from the sandbox gateway over loopback:
// WeChat micropay and secapi/pay/reverse (TLS with the merchant's client certificate),
// Alipay trade.pay and trade.cancel, with scripted customers and the gateway's faults;
// and, against a hand-made gateway, the signed replies the sandbox never gives (another
// amount, another trade).

#include "awaitresult.h"
#include "crypto/rsakey.h"
#include "notify/httplistener.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/alipay/alipayresponse.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/sandboxsecureserver.h"
#include "sandboxmerchants.h"

#include <QLoggingCategory>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;
using shouyin::testing::await;

namespace {

template<typename T> QByteArray why(const std::optional<Result<T>> &result)
{
    if (!result)
        return "no answer";
    if (result->ok())
        return "it succeeded";
    return (result->error().name() + u": "_s + result->error().message).toUtf8();
}

CodeChargeRequest chargeRequest(const QString &payNo, const QString &code, Fen amount = 1234)
{
    return {payNo, amount, u"收银 Shouyin 测试"_s, code, QDateTime::currentDateTimeUtc()};
}

std::optional<Result<TradeSnapshot>> charge(CodePayments &codes, const CodeChargeRequest &request)
{
    return await<TradeSnapshot>([&](QObject *context, auto done) {
        codes.chargeByCode(request, context, std::move(done));
    });
}

std::optional<Result<ReverseAnswer>> reverse(CodePayments &codes, const QString &payNo)
{
    return await<ReverseAnswer>(
        [&](QObject *context, auto done) { codes.reverse(payNo, context, std::move(done)); });
}

std::optional<Result<TradeSnapshot>> query(PaymentProvider &provider, const QString &payNo)
{
    return await<TradeSnapshot>(
        [&](QObject *context, auto done) { provider.query(payNo, context, std::move(done)); });
}

// Every message logged while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        s_messages.clear();
        QLoggingCategory::setFilterRules(u"shouyin.*=true"_s);
        // The sandbox's own log is not the till's.
        m_previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &context, const QString &text) {
                if (!QByteArrayView(context.category).startsWith("shouyin.sandbox"))
                    s_messages.append(text);
            });
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules({});
    }
    QString all() const { return s_messages.join(u'\n'); }

private:
    static inline QStringList s_messages;
    QtMessageHandler m_previous = nullptr;
};

const QByteArray kFakeWechatKey = "0123456789abcdef0123456789abcdef";

} // namespace

class tst_CodePayProviders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void wechatOwnsItsCodes_data();
    void wechatOwnsItsCodes();
    void alipayOwnsItsCodes_data();
    void alipayOwnsItsCodes();
    void theSandboxSamplesBelongToTheirProvider();
    void windowsAndIntervals();

    void wechatPaidAtOnce();
    void wechatWaitsForThePassword();
    void wechatRefusals_data();
    void wechatRefusals();
    void wechatChargingATradeAgain();
    void wechatUnknownOutcomes_data();
    void wechatUnknownOutcomes();
    void wechatErrCodes_data();
    void wechatErrCodes();
    void wechatRepliesThatCannotBeBelieved_data();
    void wechatRepliesThatCannotBeBelieved();
    void theCodeIsNeverLogged();
    void noCallbackOnceTheContextIsGone();

    void wechatReverseOverTls();
    void wechatReverseWhileWaitingIsCalledAgain();
    void wechatReverseRecall();
    void wechatReverseOfNothing();
    void wechatReverseWithoutACertificate();
    void wechatReverseWithAnotherCasCertificate();
    void wechatReverseNotTrustingTheGateway();
    void wechatReverseWithAnotherMerchantsCertificate();
    void wechatSecapiNeverRidesAConnectionWithoutTheCertificate();

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

private:
    WechatConfig wechatConfig(int timeoutMs = 5000) const;
    // wechatConfig() with the secapi calls over TLS: the sandbox's CA trusted and its
    // merchant's client certificate.
    WechatConfig secureWechatConfig();
    AlipayConfig alipayConfig(int timeoutMs = 5000) const;
    // A gateway of the test's making: every POST to `path` is answered `m_nextReply`.
    quint16 listenFake(const QByteArray &path);
    // A provider of the fake gateway's merchant (kFakeWechatKey), and a signed reply.
    std::unique_ptr<WechatV2Provider> fakeWechat(quint16 port) const;
    static QByteArray fakeWechatReply(Params fields, const QByteArray &key = kFakeWechatKey);
    // A provider trusting `gatewayKey`, at the fake gateway.
    std::unique_ptr<AlipayProvider> fakeAlipay(quint16 port,
                                               const crypto::RsaKey &gatewayKey) const;

    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<HttpListener> m_fake;
    QByteArray m_nextReply;
};

void tst_CodePayProviders::init()
{
    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    QVERIFY(m_gateway->listen() != 0);
}

void tst_CodePayProviders::cleanup()
{
    m_fake.reset();
    m_gateway.reset();
}

WechatConfig tst_CodePayProviders::wechatConfig(int timeoutMs) const
{
    return shouyin::testing::sandboxWechatConfig(*m_gateway, timeoutMs);
}

WechatConfig tst_CodePayProviders::secureWechatConfig()
{
    if (m_gateway->secureBaseUrl().isEmpty() && m_gateway->listenSecure() == 0)
        qWarning("the sandbox does not listen for TLS");
    return shouyin::testing::sandboxWechatSecureConfig(*m_gateway, 5000);
}

AlipayConfig tst_CodePayProviders::alipayConfig(int timeoutMs) const
{
    return shouyin::testing::sandboxAlipayConfig(*m_gateway, timeoutMs);
}

quint16 tst_CodePayProviders::listenFake(const QByteArray &path)
{
    m_fake = std::make_unique<HttpListener>();
    // Handlers run on the listener's threads; the reply is read on the test's.
    m_fake->route(path, [this](const HttpRequest &, HttpListener::Reply reply) {
        QMetaObject::invokeMethod(
            this,
            [this, reply] {
                reply({200, "text/plain; charset=utf-8", m_nextReply});
            },
            Qt::QueuedConnection);
    });
    return m_fake->listen(QHostAddress::LocalHost, 0) ? m_fake->port() : 0;
}

std::unique_ptr<WechatV2Provider> tst_CodePayProviders::fakeWechat(quint16 port) const
{
    WechatConfig config;
    config.appId = u"wxapp"_s;
    config.merchantId = u"1900"_s;
    config.key = kFakeWechatKey;
    config.signType = WechatSignType::Md5;
    config.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    config.timeoutMs = 3000;
    return std::make_unique<WechatV2Provider>(config);
}

QByteArray tst_CodePayProviders::fakeWechatReply(Params fields, const QByteArray &key)
{
    fields.insert(u"return_code"_s, u"SUCCESS"_s);
    fields.insert(u"appid"_s, u"wxapp"_s);
    fields.insert(u"mch_id"_s, u"1900"_s);
    fields.insert(u"nonce_str"_s, u"n"_s);
    fields.insert(u"sign"_s, WechatSigner::sign(fields, key, WechatSignType::Md5));
    return FlatXml::encode(fields);
}

std::unique_ptr<AlipayProvider>
tst_CodePayProviders::fakeAlipay(quint16 port, const crypto::RsaKey &gatewayKey) const
{
    AlipayConfig config = alipayConfig(3000);
    config.gatewayUrl = QUrl(u"http://127.0.0.1:%1/gateway.do"_s.arg(port));
    config.alipayPublicKey = crypto::RsaKey::fromPublicPem(gatewayKey.publicPem()).value();
    return std::make_unique<AlipayProvider>(config);
}

// --- Whose code is it ---------------------------------------------------------------

void tst_CodePayProviders::wechatOwnsItsCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("owned");
    QTest::newRow("18 digits, 10") << u"100000000000000000"_s << true;
    QTest::newRow("18 digits, 13") << u"134567890123456789"_s << true;
    QTest::newRow("18 digits, 15") << u"159999999999999999"_s << true;
    QTest::newRow("17 digits") << u"13456789012345678"_s << false;
    QTest::newRow("19 digits") << u"1345678901234567890"_s << false;
    QTest::newRow("prefix 09") << u"099999999999999999"_s << false;
    QTest::newRow("prefix 16") << u"160000000000000000"_s << false;
    QTest::newRow("Alipay's 28") << u"280000000000000000"_s << false;
    QTest::newRow("a letter") << u"13456789012345678X"_s << false;
    QTest::newRow("a space") << u"134567890 23456789"_s << false;
    QTest::newRow("full-width digits") << u"１３４５６７８９０１２３４５６７８９"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_CodePayProviders::wechatOwnsItsCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, owned);
    WechatV2Provider provider(wechatConfig());
    QVERIFY(provider.codePayments());
    QCOMPARE(provider.codePayments()->ownsCode(code), owned);
}

void tst_CodePayProviders::alipayOwnsItsCodes_data()
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

void tst_CodePayProviders::alipayOwnsItsCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, owned);
    AlipayProvider provider(alipayConfig());
    QVERIFY(provider.codePayments());
    QCOMPARE(provider.codePayments()->ownsCode(code), owned);
}

void tst_CodePayProviders::theSandboxSamplesBelongToTheirProvider()
{
    WechatV2Provider wechat(wechatConfig());
    AlipayProvider alipay(alipayConfig());
    for (CodeCustomer customer :
         {CodeCustomer::PaysAtOnce, CodeCustomer::ConfirmsAfter, CodeCustomer::NeverConfirms,
          CodeCustomer::WrongPassword, CodeCustomer::NotEnoughBalance, CodeCustomer::CodeExpired,
          CodeCustomer::CardNotSupported}) {
        const QString wechatCode = SandboxGateway::sampleCode(u"wechat"_s, customer);
        const QString alipayCode = SandboxGateway::sampleCode(u"alipay"_s, customer);
        QVERIFY2(wechat.ownsCode(wechatCode) && !alipay.ownsCode(wechatCode),
                 qPrintable(wechatCode));
        QVERIFY2(alipay.ownsCode(alipayCode) && !wechat.ownsCode(alipayCode),
                 qPrintable(alipayCode));
    }
}

void tst_CodePayProviders::windowsAndIntervals()
{
    WechatV2Provider wechat(wechatConfig());
    AlipayProvider alipay(alipayConfig());
    QCOMPARE(wechat.confirmWindow(), 30s);
    QCOMPARE(wechat.queryInterval(), 5s);
    QCOMPARE(alipay.confirmWindow(), 60s);
    QCOMPARE(alipay.queryInterval(), 3s);
}

// --- WeChat micropay ------------------------------------------------------------------

void tst_CodePayProviders::wechatPaidAtOnce()
{
    WechatV2Provider provider(wechatConfig());
    const QString code = u"134567890123456789"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    const auto paid = charge(provider, chargeRequest(u"C001"_s, code, 1234));
    QVERIFY2(paid && paid->ok(), why(paid).constData());
    const TradeSnapshot &snapshot = paid->value();
    QCOMPARE(snapshot.state, TradeState::Success);
    QCOMPARE(snapshot.rawState, u"SUCCESS"_s);
    QCOMPARE(snapshot.payNo, u"C001"_s);
    QCOMPARE(snapshot.amount, Fen(1234));
    QCOMPARE(snapshot.appId, m_gateway->merchant().appId);
    QCOMPARE(snapshot.merchantId, m_gateway->merchant().merchantId);
    QVERIFY(snapshot.paidAt.isValid());

    const auto trade = m_gateway->trade(u"C001"_s);
    QVERIFY(trade);
    QCOMPARE(snapshot.transactionId, trade->transactionId);
    QVERIFY(!snapshot.transactionId.isEmpty());
    QCOMPARE(trade->authCode, code);
    QCOMPARE(trade->tradeType, u"MICROPAY"_s);
    QCOMPARE(trade->totalFee, Fen(1234));
    QCOMPARE(trade->body, u"收银 Shouyin 测试"_s);
}

void tst_CodePayProviders::wechatWaitsForThePassword()
{
    WechatV2Provider provider(wechatConfig());
    const QString code = u"104567890123456789"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::ConfirmsAfter, 600ms);
    const auto waiting = charge(provider, chargeRequest(u"C002"_s, code, 800));
    QVERIFY2(waiting && waiting->ok(), why(waiting).constData());
    QCOMPARE((*waiting)->state, TradeState::UserPaying);
    QCOMPARE((*waiting)->rawState, u"USERPAYING"_s);
    QCOMPARE((*waiting)->payNo, u"C002"_s);
    QCOMPARE((*waiting)->amount, Fen(-1));

    // Queried as the flow does, until the customer has typed the password.
    std::optional<Result<TradeSnapshot>> latest;
    QTRY_VERIFY_WITH_TIMEOUT((latest = query(provider, u"C002"_s)) && latest->ok() &&
                                 (*latest)->state == TradeState::Success,
                             5000);
    QCOMPARE((*latest)->amount, Fen(800));

    // A customer who gets the password wrong ends in PAYERROR.
    const QString wrong = u"114567890123456789"_s;
    m_gateway->setCodeCustomer(wrong, CodeCustomer::WrongPassword, 300ms);
    const auto failing = charge(provider, chargeRequest(u"C003"_s, wrong));
    QVERIFY2(failing && failing->ok(), why(failing).constData());
    QCOMPARE((*failing)->state, TradeState::UserPaying);
    QTRY_VERIFY_WITH_TIMEOUT((latest = query(provider, u"C003"_s)) && latest->ok() &&
                                 (*latest)->state == TradeState::PayError,
                             5000);
    QCOMPARE((*latest)->rawState, u"PAYERROR"_s);
}

void tst_CodePayProviders::wechatRefusals_data()
{
    QTest::addColumn<CodeCustomer>("customer");
    QTest::addColumn<QString>("errCode");
    QTest::newRow("not enough") << CodeCustomer::NotEnoughBalance << u"NOTENOUGH"_s;
    QTest::newRow("code expired") << CodeCustomer::CodeExpired << u"AUTHCODEEXPIRE"_s;
    QTest::newRow("card not supported") << CodeCustomer::CardNotSupported << u"NOTSUPORTCARD"_s;
}

void tst_CodePayProviders::wechatRefusals()
{
    QFETCH(CodeCustomer, customer);
    QFETCH(QString, errCode);
    WechatV2Provider provider(wechatConfig());
    const QString code = u"124567890123456789"_s;
    m_gateway->setCodeCustomer(code, customer);
    const auto refused = charge(provider, chargeRequest(u"C010"_s, code));
    QVERIFY(refused);
    QVERIFY2(!refused->ok(), "a refused code was taken as paid");
    QCOMPARE(refused->error().code, ErrorCode::Provider);
    QCOMPARE(refused->error().providerCode, errCode);
    QVERIFY(!refused->error().message.isEmpty());
    QVERIFY(!outcomeUnknown(refused->error()));
}

void tst_CodePayProviders::wechatChargingATradeAgain()
{
    WechatV2Provider provider(wechatConfig());
    const QString code = u"134567890123456780"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    const auto paid = charge(provider, chargeRequest(u"C020"_s, code));
    QVERIFY2(paid && paid->ok(), why(paid).constData());
    // Already paid: a fact to query, not a refusal.
    const auto again = charge(provider, chargeRequest(u"C020"_s, code));
    QVERIFY(again && !again->ok());
    QCOMPARE(again->error().providerCode, u"ORDERPAID"_s);
    QVERIFY(outcomeUnknown(again->error()));
    // Reversed (over TLS), then charged again: refused for good.
    WechatV2Provider secure(secureWechatConfig());
    const auto pays = charge(secure, chargeRequest(u"C022"_s, code));
    QVERIFY2(pays && pays->ok(), why(pays).constData());
    const auto reversed = reverse(secure, u"C022"_s);
    QVERIFY2(reversed && reversed->ok(), why(reversed).constData());
    const auto afterReverse = charge(secure, chargeRequest(u"C022"_s, code));
    QVERIFY(afterReverse && !afterReverse->ok());
    QCOMPARE(afterReverse->error().providerCode, u"ORDERREVERSED"_s);
    QVERIFY(!outcomeUnknown(afterReverse->error()));
}

void tst_CodePayProviders::wechatUnknownOutcomes_data()
{
    QTest::addColumn<SandboxFault>("fault");
    QTest::addColumn<QString>("name");
    QTest::newRow("BANKERROR") << SandboxFault::BankError << u"BANKERROR"_s;
    QTest::newRow("SYSTEMERROR after processing")
        << SandboxFault::ProcessThenSystemError << u"SYSTEMERROR"_s;
    QTest::newRow("no reply") << SandboxFault::NoReply << u"TIMEOUT"_s;
}

void tst_CodePayProviders::wechatUnknownOutcomes()
{
    QFETCH(SandboxFault, fault);
    QFETCH(QString, name);
    WechatV2Provider provider(wechatConfig(1500));
    const QString code = u"144567890123456789"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    m_gateway->injectFault(u"/pay/micropay"_s, fault);
    const auto unknown = charge(provider, chargeRequest(u"C030"_s, code, 990));
    QVERIFY(unknown);
    QVERIFY2(!unknown->ok(), "an unanswered charge was taken as an answer");
    QCOMPARE(unknown->error().name(), name);
    QVERIFY(outcomeUnknown(unknown->error()));
    // The gateway did take the money: only the query says so.
    const auto snapshot = query(provider, u"C030"_s);
    QVERIFY2(snapshot && snapshot->ok(), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Success);
    QCOMPARE((*snapshot)->amount, Fen(990));
}

void tst_CodePayProviders::wechatErrCodes_data()
{
    QTest::addColumn<QString>("errCode");
    QTest::addColumn<bool>("unknown");
    for (const char *refusal :
         {"NOTENOUGH", "AUTHCODEEXPIRE", "AUTH_CODE_INVALID", "NOTSUPORTCARD", "BUYER_MISMATCH",
          "ORDERREVERSED", "PAYERROR", "ORDERCLOSED", "OUT_TRADE_NO_USED", "PARAM_ERROR"})
        QTest::newRow(refusal) << QString::fromLatin1(refusal) << false;
    for (const char *doubt : {"SYSTEMERROR", "BANKERROR", "ORDERPAID"})
        QTest::newRow(doubt) << QString::fromLatin1(doubt) << true;
}

void tst_CodePayProviders::wechatErrCodes()
{
    QFETCH(QString, errCode);
    QFETCH(bool, unknown);
    const quint16 port = listenFake("/pay/micropay");
    QVERIFY(port != 0);
    auto provider = fakeWechat(port);
    // As the gateway sends them: no out_trade_no in a FAIL.
    m_nextReply = fakeWechatReply({{u"result_code"_s, u"FAIL"_s},
                                   {u"err_code"_s, errCode},
                                   {u"err_code_des"_s, u"说明 "_s + errCode}});
    const auto answer = charge(*provider, chargeRequest(u"C045"_s, u"134567890123456789"_s));
    QVERIFY(answer && !answer->ok());
    QCOMPARE(answer->error().code, ErrorCode::Provider);
    QCOMPARE(answer->error().providerCode, errCode);
    QCOMPARE(answer->error().message, u"说明 "_s + errCode);
    QCOMPARE(outcomeUnknown(answer->error()), unknown);
}

void tst_CodePayProviders::wechatRepliesThatCannotBeBelieved_data()
{
    QTest::addColumn<QString>("totalFee");
    QTest::addColumn<QString>("outTradeNo");
    QTest::addColumn<ErrorCode>("error");
    QTest::newRow("another amount") << u"1"_s << u"C040"_s << ErrorCode::BadResponse;
    QTest::newRow("another trade") << u"1234"_s << u"C041"_s << ErrorCode::BadResponse;
    QTest::newRow("no trade") << u"1234"_s << QString() << ErrorCode::BadResponse;
    QTest::newRow("another key") << u"1234"_s << u"C040"_s << ErrorCode::BadSignature;
}

void tst_CodePayProviders::wechatRepliesThatCannotBeBelieved()
{
    QFETCH(QString, totalFee);
    QFETCH(QString, outTradeNo);
    QFETCH(ErrorCode, error);
    const quint16 port = listenFake("/pay/micropay");
    QVERIFY(port != 0);
    auto provider = fakeWechat(port);
    Params reply{{u"result_code"_s, u"SUCCESS"_s},
                 {u"trade_type"_s, u"MICROPAY"_s},
                 {u"total_fee"_s, totalFee},
                 {u"transaction_id"_s, u"4200000001"_s},
                 {u"time_end"_s, u"20260101120000"_s}};
    if (!outTradeNo.isEmpty())
        reply.insert(u"out_trade_no"_s, outTradeNo);
    m_nextReply = fakeWechatReply(reply, error == ErrorCode::BadSignature ? QByteArray(32, 'x')
                                                                          : kFakeWechatKey);

    const auto answer = charge(*provider, chargeRequest(u"C040"_s, u"134567890123456789"_s, 1234));
    QVERIFY(answer);
    QVERIFY2(!answer->ok(), "a reply that does not match the request was believed");
    QCOMPARE(answer->error().code, error);
    QVERIFY(outcomeUnknown(answer->error()));
}

void tst_CodePayProviders::theCodeIsNeverLogged()
{
    const QString code = u"139876543210987654"_s;
    const QString alipayCode = u"289876543210987654"_s;
    QString logged;
    {
        LogCapture capture;
        WechatV2Provider wechat(wechatConfig());
        m_gateway->setCodeCustomer(code, CodeCustomer::NotEnoughBalance);
        QVERIFY(charge(wechat, chargeRequest(u"C050"_s, code)));
        AlipayProvider alipay(alipayConfig());
        m_gateway->setCodeCustomer(alipayCode, CodeCustomer::PaysAtOnce);
        QVERIFY(charge(alipay, chargeRequest(u"A050"_s, alipayCode)));
        logged = capture.all();
    }
    QVERIFY2(logged.contains(u"7654"_s), qPrintable(logged)); // the tail tells scans apart
    QVERIFY2(!logged.contains(code), qPrintable(logged));
    QVERIFY2(!logged.contains(alipayCode), qPrintable(logged));
    QVERIFY2(!logged.contains(code.left(12)), qPrintable(logged));
}

void tst_CodePayProviders::noCallbackOnceTheContextIsGone()
{
    WechatV2Provider provider(wechatConfig());
    m_gateway->injectFault(u"/pay/micropay"_s, SandboxFault::Latency, 1, 300ms);
    bool called = false;
    auto context = std::make_unique<QObject>();
    provider.chargeByCode(chargeRequest(u"C060"_s, u"134567890123456789"_s), context.get(),
                          [&called](Result<TradeSnapshot>) { called = true; });
    context.reset();
    QTest::qWait(800);
    QVERIFY(!called);
    QVERIFY(m_gateway->trade(u"C060"_s)); // it was sent all the same
}

// --- WeChat reverse -------------------------------------------------------------------

void tst_CodePayProviders::wechatReverseOverTls()
{
    WechatV2Provider provider(secureWechatConfig());
    const QString code = u"134567890123456781"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    const auto paid = charge(provider, chargeRequest(u"C070"_s, code));
    QVERIFY2(paid && paid->ok(), why(paid).constData());

    const auto reversed = reverse(provider, u"C070"_s);
    QVERIFY2(reversed && reversed->ok(), why(reversed).constData());
    QCOMPARE((*reversed)->callAgain, false);
    QCOMPARE((*reversed)->detail, u"reversed"_s);
    QCOMPARE(m_gateway->reverseCount(u"C070"_s), 1);
    const auto snapshot = query(provider, u"C070"_s);
    QVERIFY2(snapshot && snapshot->ok(), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Revoked);
}

void tst_CodePayProviders::wechatReverseWhileWaitingIsCalledAgain()
{
    WechatV2Provider provider(secureWechatConfig());
    const QString code = u"134567890123456782"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::NeverConfirms);
    const auto waiting = charge(provider, chargeRequest(u"C080"_s, code));
    QVERIFY2(waiting && waiting->ok(), why(waiting).constData());
    QCOMPARE((*waiting)->state, TradeState::UserPaying);
    // The gateway refuses to reverse while the customer may still confirm: recall=Y.
    const auto refused = reverse(provider, u"C080"_s);
    QVERIFY2(refused && refused->ok(), why(refused).constData());
    QVERIFY((*refused)->callAgain);
    QVERIFY(!(*refused)->detail.isEmpty());
}

void tst_CodePayProviders::wechatReverseRecall()
{
    WechatV2Provider provider(secureWechatConfig());
    const QString code = u"134567890123456783"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    QVERIFY(charge(provider, chargeRequest(u"C090"_s, code)));
    m_gateway->injectFault(u"/secapi/pay/reverse"_s, SandboxFault::Recall);
    const auto recall = reverse(provider, u"C090"_s);
    QVERIFY2(recall && recall->ok(), why(recall).constData());
    QVERIFY((*recall)->callAgain);
    QCOMPARE((*recall)->detail, u"SYSTEMERROR"_s);
    const auto done = reverse(provider, u"C090"_s);
    QVERIFY2(done && done->ok(), why(done).constData());
    QVERIFY(!(*done)->callAgain);
    QCOMPARE((*done)->detail, u"reversed"_s);
}

void tst_CodePayProviders::wechatReverseOfNothing()
{
    WechatV2Provider provider(secureWechatConfig());
    const auto nothing = reverse(provider, u"C100"_s);
    QVERIFY2(nothing && nothing->ok(), why(nothing).constData());
    QVERIFY(!(*nothing)->callAgain);
    QCOMPARE((*nothing)->detail, u"ORDERNOTEXIST"_s);
}

void tst_CodePayProviders::wechatReverseWithoutACertificate()
{
    WechatConfig config = secureWechatConfig();
    config.clientCertificate = ClientCertificate{};
    WechatV2Provider provider(config);
    // Charging needs no certificate.
    const QString code = u"134567890123456784"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    QVERIFY(provider.codePayments());
    const auto paid = charge(provider, chargeRequest(u"C110"_s, code));
    QVERIFY2(paid && paid->ok(), why(paid).constData());

    const auto refused = reverse(provider, u"C110"_s);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::Config);
    QVERIFY2(refused->error().message.contains(u"client certificate is not configured"_s),
             qPrintable(refused->error().message));
    QCOMPARE(m_gateway->requestCount(u"/secapi/pay/reverse"_s), 0);
    QCOMPARE(m_gateway->reverseCount(u"C110"_s), 0);
}

void tst_CodePayProviders::wechatReverseWithAnotherCasCertificate()
{
    WechatConfig config = secureWechatConfig();
    const SandboxTlsMaterial stranger = SandboxTlsMaterial::generate(config.merchantId);
    config.clientCertificate.certificate = stranger.clientCertificate;
    config.clientCertificate.key = stranger.clientKey;
    WechatV2Provider provider(config);
    const QString code = u"134567890123456785"_s;
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    QVERIFY(charge(provider, chargeRequest(u"C120"_s, code)));

    const auto refused = reverse(provider, u"C120"_s);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::Network);
    QCOMPARE(m_gateway->reverseCount(u"C120"_s), 0);
}

void tst_CodePayProviders::wechatReverseNotTrustingTheGateway()
{
    WechatConfig config = secureWechatConfig();
    config.gatewayCaCertificates.clear(); // the system's CAs do not know the sandbox's
    WechatV2Provider provider(config);
    const auto refused = reverse(provider, u"C130"_s);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::Network);
    QCOMPARE(m_gateway->requestCount(u"/secapi/pay/reverse"_s), 0);
}

void tst_CodePayProviders::wechatReverseWithAnotherMerchantsCertificate()
{
    WechatConfig config = secureWechatConfig();
    const auto issued = m_gateway->tls().issueClientCertificate(u"1900000999"_s);
    config.clientCertificate.certificate = issued.certificate;
    config.clientCertificate.key = issued.key;
    WechatV2Provider provider(config);
    const auto refused = reverse(provider, u"C140"_s);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::Gateway);
}

void tst_CodePayProviders::wechatSecapiNeverRidesAConnectionWithoutTheCertificate()
{
    // One host for every call, as in production (secapi_gateway unset), which asks for a
    // client certificate but serves the plain calls without one.
    const SandboxTlsMaterial &tls = m_gateway->tls();
    QHash<QString, QSslCertificate> peers;
    const auto signedReply = [](Params fields) {
        fields.insert(u"return_code"_s, u"SUCCESS"_s);
        fields.insert(u"appid"_s, u"wxapp"_s);
        fields.insert(u"mch_id"_s, u"1900"_s);
        fields.insert(u"nonce_str"_s, u"n"_s);
        fields.insert(u"sign"_s, WechatSigner::sign(fields, kFakeWechatKey, WechatSignType::Md5));
        return FlatXml::encode(fields);
    };
    SandboxSecureServer server(64 * 1024, [&](const SandboxSecureServer::Request &request,
                                              QSslSocket *, SandboxSecureServer::Writer write) {
        peers.insert(request.path, request.peer);
        write(request.path == u"/secapi/pay/reverse"
                  ? signedReply({{u"result_code"_s, u"SUCCESS"_s}, {u"recall"_s, u"N"_s}})
                  : signedReply({{u"result_code"_s, u"FAIL"_s}, {u"err_code"_s, u"NOTENOUGH"_s}}),
              200, "text/xml; charset=utf-8");
    });
    QSslConfiguration serving = QSslConfiguration::defaultConfiguration();
    serving.setLocalCertificate(tls.serverCertificate);
    serving.setPrivateKey(tls.serverKey);
    serving.setCaCertificates({tls.ca});
    serving.setPeerVerifyMode(QSslSocket::QueryPeer);
    const quint16 port = server.listen(serving, QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);

    WechatConfig config;
    config.appId = u"wxapp"_s;
    config.merchantId = u"1900"_s;
    config.key = kFakeWechatKey;
    config.signType = WechatSignType::Md5;
    config.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(port));
    config.gatewayCaCertificates = {tls.ca};
    config.clientCertificate.certificate = tls.clientCertificate;
    config.clientCertificate.key = tls.clientKey;
    config.timeoutMs = 5000;
    WechatV2Provider provider(config);

    const auto refused = charge(provider, chargeRequest(u"C150"_s, u"134567890123456789"_s));
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().providerCode, u"NOTENOUGH"_s);
    QVERIFY(peers.value(u"/pay/micropay"_s).isNull());
    // Straight after, while the first connection is kept alive.
    const auto reversed = reverse(provider, u"C150"_s);
    QVERIFY2(reversed && reversed->ok(), why(reversed).constData());
    QCOMPARE(peers.value(u"/secapi/pay/reverse"_s), tls.clientCertificate);
}

// --- Alipay trade.pay and trade.cancel ------------------------------------------------

void tst_CodePayProviders::alipayPaidAtOnce()
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

void tst_CodePayProviders::alipayWaitsForThePassword()
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

void tst_CodePayProviders::alipayRefusals_data()
{
    QTest::addColumn<CodeCustomer>("customer");
    QTest::addColumn<QString>("subCode");
    QTest::newRow("balance") << CodeCustomer::NotEnoughBalance << u"ACQ.BUYER_BALANCE_NOT_ENOUGH"_s;
    QTest::newRow("code expired") << CodeCustomer::CodeExpired
                                  << u"ACQ.PAYMENT_AUTH_CODE_INVALID"_s;
    QTest::newRow("no instrument")
        << CodeCustomer::CardNotSupported << u"ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE"_s;
}

void tst_CodePayProviders::alipayRefusals()
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

void tst_CodePayProviders::alipayUnknownOutcome()
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

void tst_CodePayProviders::alipayAnswerCodes_data()
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

void tst_CodePayProviders::alipayAnswerCodes()
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

void tst_CodePayProviders::alipayRepliesThatCannotBeBelieved_data()
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

void tst_CodePayProviders::alipayRepliesThatCannotBeBelieved()
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

void tst_CodePayProviders::alipayCancelCloses()
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

void tst_CodePayProviders::alipayCancelRefunds()
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

void tst_CodePayProviders::alipayCancelRetry()
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

QTEST_GUILESS_MAIN(tst_CodePayProviders)
#include "tst_codepayproviders.moc"
