// The real WeChat provider takes payment codes (付款码) from the sandbox gateway over loopback:
// micropay and secapi/pay/reverse (TLS with the merchant's client certificate), with scripted
// customers and the gateway's faults; and, against a hand-made gateway, the signed replies the
// sandbox never gives (another amount, another trade).

#include "codepayfixture.h"
#include "sandbox/sandboxsecureserver.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_WechatCodePay : public CodePayFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { CodePayFixture::init(); }
    void cleanup() { CodePayFixture::cleanup(); }

    void wechatOwnsItsCodes_data();
    void wechatOwnsItsCodes();
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
};

// --- Whose code is it ---------------------------------------------------------------

void tst_WechatCodePay::wechatOwnsItsCodes_data()
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

void tst_WechatCodePay::wechatOwnsItsCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, owned);
    WechatV2Provider provider(wechatConfig());
    QVERIFY(provider.codePayments());
    QCOMPARE(provider.codePayments()->ownsCode(code), owned);
}

void tst_WechatCodePay::theSandboxSamplesBelongToTheirProvider()
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

void tst_WechatCodePay::windowsAndIntervals()
{
    WechatV2Provider wechat(wechatConfig());
    AlipayProvider alipay(alipayConfig());
    QCOMPARE(wechat.confirmWindow(), 30s);
    QCOMPARE(wechat.queryInterval(), 5s);
    QCOMPARE(alipay.confirmWindow(), 60s);
    QCOMPARE(alipay.queryInterval(), 3s);
}

// --- WeChat micropay ------------------------------------------------------------------

void tst_WechatCodePay::wechatPaidAtOnce()
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

void tst_WechatCodePay::wechatWaitsForThePassword()
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

void tst_WechatCodePay::wechatRefusals_data()
{
    QTest::addColumn<CodeCustomer>("customer");
    QTest::addColumn<QString>("errCode");
    QTest::newRow("not enough") << CodeCustomer::NotEnoughBalance << u"NOTENOUGH"_s;
    QTest::newRow("code expired") << CodeCustomer::CodeExpired << u"AUTHCODEEXPIRE"_s;
    QTest::newRow("card not supported") << CodeCustomer::CardNotSupported << u"NOTSUPORTCARD"_s;
}

void tst_WechatCodePay::wechatRefusals()
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

void tst_WechatCodePay::wechatChargingATradeAgain()
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

void tst_WechatCodePay::wechatUnknownOutcomes_data()
{
    QTest::addColumn<SandboxFault>("fault");
    QTest::addColumn<QString>("name");
    QTest::newRow("BANKERROR") << SandboxFault::BankError << u"BANKERROR"_s;
    QTest::newRow("SYSTEMERROR after processing")
        << SandboxFault::ProcessThenSystemError << u"SYSTEMERROR"_s;
    QTest::newRow("no reply") << SandboxFault::NoReply << u"TIMEOUT"_s;
}

void tst_WechatCodePay::wechatUnknownOutcomes()
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

void tst_WechatCodePay::wechatErrCodes_data()
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

void tst_WechatCodePay::wechatErrCodes()
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

void tst_WechatCodePay::wechatRepliesThatCannotBeBelieved_data()
{
    QTest::addColumn<QString>("totalFee");
    QTest::addColumn<QString>("outTradeNo");
    QTest::addColumn<ErrorCode>("error");
    QTest::newRow("another amount") << u"1"_s << u"C040"_s << ErrorCode::BadResponse;
    QTest::newRow("another trade") << u"1234"_s << u"C041"_s << ErrorCode::BadResponse;
    QTest::newRow("no trade") << u"1234"_s << QString() << ErrorCode::BadResponse;
    QTest::newRow("another key") << u"1234"_s << u"C040"_s << ErrorCode::BadSignature;
}

void tst_WechatCodePay::wechatRepliesThatCannotBeBelieved()
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

void tst_WechatCodePay::theCodeIsNeverLogged()
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

void tst_WechatCodePay::noCallbackOnceTheContextIsGone()
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

void tst_WechatCodePay::wechatReverseOverTls()
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

void tst_WechatCodePay::wechatReverseWhileWaitingIsCalledAgain()
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

void tst_WechatCodePay::wechatReverseRecall()
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

void tst_WechatCodePay::wechatReverseOfNothing()
{
    WechatV2Provider provider(secureWechatConfig());
    const auto nothing = reverse(provider, u"C100"_s);
    QVERIFY2(nothing && nothing->ok(), why(nothing).constData());
    QVERIFY(!(*nothing)->callAgain);
    QCOMPARE((*nothing)->detail, u"ORDERNOTEXIST"_s);
}

void tst_WechatCodePay::wechatReverseWithoutACertificate()
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

void tst_WechatCodePay::wechatReverseWithAnotherCasCertificate()
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

void tst_WechatCodePay::wechatReverseNotTrustingTheGateway()
{
    WechatConfig config = secureWechatConfig();
    config.gatewayCaCertificates.clear(); // the system's CAs do not know the sandbox's
    WechatV2Provider provider(config);
    const auto refused = reverse(provider, u"C130"_s);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::Network);
    QCOMPARE(m_gateway->requestCount(u"/secapi/pay/reverse"_s), 0);
}

void tst_WechatCodePay::wechatReverseWithAnotherMerchantsCertificate()
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

void tst_WechatCodePay::wechatSecapiNeverRidesAConnectionWithoutTheCertificate()
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

QTEST_GUILESS_MAIN(tst_WechatCodePay)
#include "tst_wechatcodepay.moc"
