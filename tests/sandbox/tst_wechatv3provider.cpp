// The real WeChat Pay API v3 provider against the sandbox gateway over loopback: signed
// requests, verified replies, the v3 JSON read strictly, error mapping, and the keys the
// replies are signed with changing under a till that keeps working. Till and gateway read
// one clock the test moves, since every signature is refused beyond five minutes of skew.

#include "awaitresult.h"
#include "pay/wechatv3/wechatv3provider.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"

#include <QSignalSpy>
#include <QTest>

#include <ctime>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;
using shouyin::testing::await;
using shouyin::testing::kWaitMs;
using shouyin::testing::why;
using V3 = SandboxWechatV3Protocol;

namespace {

template<typename T> bool succeeded(const std::optional<Result<T>> &result)
{
    return result && result->ok();
}

// Why a call that should have failed did not, or how it failed otherwise.
template<typename T> QByteArray failure(const std::optional<Result<T>> &result)
{
    if (!result)
        return "no answer";
    return result->ok() ? QByteArray("it succeeded") : why(result);
}

std::optional<Result<QrTicket>> createQr(PaymentProvider &provider, const QrRequest &request)
{
    return await<QrTicket>(
        [&](QObject *context, auto done) { provider.createQr(request, context, std::move(done)); });
}

std::optional<Result<TradeSnapshot>> query(PaymentProvider &provider, const QString &payNo)
{
    return await<TradeSnapshot>(
        [&](QObject *context, auto done) { provider.query(payNo, context, std::move(done)); });
}

std::optional<Result<CloseResult>> close(PaymentProvider &provider, const QString &payNo)
{
    return await<CloseResult>(
        [&](QObject *context, auto done) { provider.close(payNo, context, std::move(done)); });
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

std::optional<Result<RefundSnapshot>> refund(Refunds &refunds, const RefundRequest &request)
{
    return await<RefundSnapshot>(
        [&](QObject *context, auto done) { refunds.refund(request, context, std::move(done)); });
}

std::optional<Result<RefundSnapshot>> queryRefund(Refunds &refunds, const RefundRequest &request)
{
    return await<RefundSnapshot>([&](QObject *context, auto done) {
        refunds.queryRefund(request, context, std::move(done));
    });
}

} // namespace

class tst_WechatV3Provider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void qrPaidWithAmountTransactionAndTime();
    void queryNotPayThenSuccess();
    void queryUnknownTradeIsNotFound();
    void closeNotPayIsClosed();
    void closePaidTradeIsAlreadyPaid();
    void gatewayFailuresAreOutcomeUnknown_data();
    void gatewayFailuresAreOutcomeUnknown();

    void codepayPaidAtOnce();
    void codepayWaitsForThePassword();
    void codepayRefusals_data();
    void codepayRefusals();
    void reverseAnswers();

    void refundProcessingThenSuccess();

    void unknownSerialIsRefusedWithOnlyThePublicKey();
    void unknownSerialIsDownloadedInCertificateMode();
    void publicKeyToCertificatesMidDay_data();
    void publicKeyToCertificatesMidDay();

private:
    // The sandbox's merchant in public-key mode, as the shop configures it.
    WechatV3Config publicKeyConfig() const;
    // The same merchant trusting only the platform certificates it downloads.
    WechatV3Config certificateConfig() const;
    std::unique_ptr<WechatV3Provider> makeProvider(WechatV3Config config);
    // The provider made, its first certificate download over (when it downloads).
    std::unique_ptr<WechatV3Provider> startedProvider(WechatV3Config config);
    QrRequest qrRequest(const QString &payNo, Fen amount = 1234) const;
    // A QR trade the sandbox customer paid; empty on success, else what failed.
    QByteArray paidQr(WechatV3Provider &provider, const QString &payNo, Fen amount);
    // A QR sale, a payment code and a refund, each one checked: empty when every call
    // succeeded, else the first that did not.
    QByteArray dayOfCalls(WechatV3Provider &provider, const QString &prefix);
    QString nextCode();

    QDateTime m_now;
    int m_codes = 0;
    std::unique_ptr<SandboxGateway> m_gateway;
};

void tst_WechatV3Provider::initTestCase()
{
    // success_time comes in Beijing time; the till must not care what zone it is in.
    if (qEnvironmentVariableIsEmpty("TZ")) {
        qputenv("TZ", "America/New_York");
        tzset();
    }
}

void tst_WechatV3Provider::init()
{
    // A fixed Beijing morning, far from today: 2027-05-11 09:12:30 +08:00.
    m_now = QDateTime(QDate(2027, 5, 11), QTime(1, 12, 30), Qt::UTC);
    m_codes = 0;
    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    m_gateway->setClock([this] { return m_now; });
    // Polling is this suite's business; tst_wechatv3notify_e2e takes the notifications.
    m_gateway->setNotificationsEnabled(false);
    QVERIFY(m_gateway->listen() != 0);
}

void tst_WechatV3Provider::cleanup()
{
    m_gateway.reset();
}

WechatV3Config tst_WechatV3Provider::publicKeyConfig() const
{
    return shouyin::testing::sandboxWechatV3Config(*m_gateway, 5000);
}

WechatV3Config tst_WechatV3Provider::certificateConfig() const
{
    WechatV3Config config = publicKeyConfig();
    config.payKeys = WechatPayKeys();
    config.downloadCertificates = true;
    return config;
}

std::unique_ptr<WechatV3Provider> tst_WechatV3Provider::makeProvider(WechatV3Config config)
{
    return std::make_unique<WechatV3Provider>(
        std::move(config), ShopClock(ShopClock::defaultZone(), [this] { return m_now; }));
}

std::unique_ptr<WechatV3Provider> tst_WechatV3Provider::startedProvider(WechatV3Config config)
{
    const bool downloads = config.downloadCertificates;
    auto provider = makeProvider(std::move(config));
    if (downloads) {
        // The first download is queued by the constructor: the spy is in time for it.
        QSignalSpy refreshed(provider.get(), &WechatV3Provider::certificatesRefreshed);
        if (!refreshed.wait(kWaitMs))
            qWarning("the provider's first certificate download did not finish");
    }
    return provider;
}

QrRequest tst_WechatV3Provider::qrRequest(const QString &payNo, Fen amount) const
{
    // The till's own zone on purpose: the provider writes Beijing time itself.
    return {payNo, amount, u"收银 Shouyin 测试"_s, m_now.toLocalTime(),
            m_now.addSecs(10 * 60).toLocalTime()};
}

QByteArray tst_WechatV3Provider::paidQr(WechatV3Provider &provider, const QString &payNo,
                                        Fen amount)
{
    const auto ticket = createQr(provider, qrRequest(payNo, amount));
    if (!succeeded(ticket))
        return "createQr " + payNo.toLatin1() + ": " + why(ticket);
    if (const Status paid = m_gateway->payCodeUrl((*ticket)->codeUrl); !paid)
        return "the customer could not pay " + payNo.toLatin1();
    const auto snapshot = query(provider, payNo);
    if (!succeeded(snapshot))
        return "query " + payNo.toLatin1() + ": " + why(snapshot);
    if ((*snapshot)->state != TradeState::Success || (*snapshot)->amount != amount)
        return "query " + payNo.toLatin1() + " answered " + (*snapshot)->rawState.toLatin1();
    return {};
}

QString tst_WechatV3Provider::nextCode()
{
    return u"13456789012345%1"_s.arg(++m_codes, 4, 10, QChar(u'0'));
}

QByteArray tst_WechatV3Provider::dayOfCalls(WechatV3Provider &provider, const QString &prefix)
{
    if (QByteArray failed = paidQr(provider, prefix + u"Q"_s, 1250); !failed.isEmpty())
        return failed;
    const auto closed = close(provider, prefix + u"Q"_s);
    if (!succeeded(closed) || closed->value() != CloseResult::AlreadyPaid)
        return "close " + prefix.toLatin1() + "Q: " + why(closed);
    const QString code = nextCode();
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    const auto charged = charge(provider, {prefix + u"C"_s, 880, u"码"_s, code, m_now});
    if (!succeeded(charged) || (*charged)->state != TradeState::Success)
        return "codepay " + prefix.toLatin1() + "C: " + why(charged);
    const RefundRequest back{prefix + u"Q"_s, prefix + u"R"_s, 1250, 250, u"退货"_s};
    const auto made = refund(provider, back);
    if (!succeeded(made) || (*made)->state != RefundState::Processing)
        return "refund " + prefix.toLatin1() + "R: " + why(made);
    const auto asked = queryRefund(provider, back);
    if (!succeeded(asked))
        return "queryRefund " + prefix.toLatin1() + "R: " + why(asked);
    return {};
}

// --- QR payments ----------------------------------------------------------------------

void tst_WechatV3Provider::qrPaidWithAmountTransactionAndTime()
{
    auto provider = makeProvider(publicKeyConfig());
    QCOMPARE(provider->api(), u"v3"_s);
    const QrRequest request = qrRequest(u"V3P001"_s, 1234);
    const auto ticket = createQr(*provider, request);
    QVERIFY2(succeeded(ticket), why(ticket).constData());
    QVERIFY((*ticket)->codeUrl.startsWith(u"weixin://wxpay/bizpayurl?pr="_s));
    const auto made = m_gateway->trade(u"V3P001"_s);
    QVERIFY(made);
    QCOMPARE(made->api, u"v3"_s);
    QCOMPARE(made->tradeType, u"NATIVE"_s);
    QCOMPARE(made->totalFee, Fen(1234));
    QCOMPARE(made->body, request.description);
    QCOMPARE(made->codeUrl, (*ticket)->codeUrl);
    // time_expire went out in Beijing time and came back the same instant.
    QCOMPARE(made->expiresAt, request.expiresAt.toUTC());

    m_now = m_now.addSecs(47);
    QVERIFY(m_gateway->pay(u"V3P001"_s));
    const auto snapshot = query(*provider, u"V3P001"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    const TradeSnapshot &paid = snapshot->value();
    QCOMPARE(paid.state, TradeState::Success);
    QCOMPARE(paid.rawState, u"SUCCESS"_s);
    QCOMPARE(paid.payNo, u"V3P001"_s);
    QCOMPARE(paid.amount, Fen(1234));
    QCOMPARE(paid.transactionId, m_gateway->trade(u"V3P001"_s)->transactionId);
    QVERIFY(!paid.transactionId.isEmpty());
    QCOMPARE(paid.appId, provider->appId());
    QCOMPARE(paid.merchantId, provider->merchantId());
    QCOMPARE(paid.paidAt.timeSpec(), Qt::UTC);
    QCOMPARE(paid.paidAt, m_now);
    QCOMPARE(m_gateway->requestCount(V3::kNativePath), 1);
    QCOMPARE(m_gateway->requestCount(V3::kQueryPath), 1);
}

void tst_WechatV3Provider::queryNotPayThenSuccess()
{
    auto provider = makeProvider(publicKeyConfig());
    const auto ticket = createQr(*provider, qrRequest(u"V3P002"_s, 8800));
    QVERIFY2(succeeded(ticket), why(ticket).constData());

    auto snapshot = query(*provider, u"V3P002"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::NotPay);
    QCOMPARE((*snapshot)->rawState, u"NOTPAY"_s);
    QCOMPARE((*snapshot)->amount, Fen(8800));
    QVERIFY((*snapshot)->transactionId.isEmpty());
    QVERIFY(!(*snapshot)->paidAt.isValid());

    m_now = m_now.addSecs(90);
    QVERIFY(m_gateway->payCodeUrl((*ticket)->codeUrl));
    snapshot = query(*provider, u"V3P002"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Success);
    QCOMPARE((*snapshot)->amount, Fen(8800));
    QCOMPARE((*snapshot)->transactionId, m_gateway->trade(u"V3P002"_s)->transactionId);
    QCOMPARE((*snapshot)->paidAt, m_now);
}

void tst_WechatV3Provider::queryUnknownTradeIsNotFound()
{
    auto provider = makeProvider(publicKeyConfig());
    const auto snapshot = query(*provider, u"V3P003"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::NotFound);
    QCOMPARE((*snapshot)->payNo, u"V3P003"_s);
    QCOMPARE(outcomeOf((*snapshot)->state), TradeOutcome::Pending);
}

void tst_WechatV3Provider::closeNotPayIsClosed()
{
    auto provider = makeProvider(publicKeyConfig());
    QVERIFY(succeeded(createQr(*provider, qrRequest(u"V3P004"_s))));
    auto closed = close(*provider, u"V3P004"_s);
    QVERIFY2(succeeded(closed), why(closed).constData());
    QCOMPARE(closed->value(), CloseResult::Closed);
    QCOMPARE(m_gateway->trade(u"V3P004"_s)->state, u"CLOSED"_s);
    QCOMPARE(m_gateway->closeCount(u"V3P004"_s), 1);
    const auto snapshot = query(*provider, u"V3P004"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Closed);
    // v3 closes idempotently: closed again, still closed.
    closed = close(*provider, u"V3P004"_s);
    QVERIFY2(succeeded(closed), why(closed).constData());
    QCOMPARE(closed->value(), CloseResult::Closed);
}

void tst_WechatV3Provider::closePaidTradeIsAlreadyPaid()
{
    auto provider = makeProvider(publicKeyConfig());
    QVERIFY(succeeded(createQr(*provider, qrRequest(u"V3P005"_s))));
    QVERIFY(m_gateway->pay(u"V3P005"_s));
    const auto closed = close(*provider, u"V3P005"_s);
    QVERIFY2(succeeded(closed), why(closed).constData());
    QCOMPARE(closed->value(), CloseResult::AlreadyPaid);
    QCOMPARE(m_gateway->trade(u"V3P005"_s)->state, u"SUCCESS"_s);
}

void tst_WechatV3Provider::gatewayFailuresAreOutcomeUnknown_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<SandboxFault>("fault");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("native SYSTEM_ERROR")
        << V3::kNativePath << SandboxFault::SystemError << ErrorCode::Provider << u"SYSTEM_ERROR"_s;
    QTest::newRow("query SYSTEM_ERROR")
        << V3::kQueryPath << SandboxFault::SystemError << ErrorCode::Provider << u"SYSTEM_ERROR"_s;
    QTest::newRow("close SYSTEM_ERROR")
        << V3::kClosePath << SandboxFault::SystemError << ErrorCode::Provider << u"SYSTEM_ERROR"_s;
    // The load balancer's own page, unsigned.
    QTest::newRow("query unsigned 500")
        << V3::kQueryPath << SandboxFault::Http500 << ErrorCode::Http << QString();
    QTest::newRow("query forged signature")
        << V3::kQueryPath << SandboxFault::BadSignature << ErrorCode::BadSignature << QString();
}

void tst_WechatV3Provider::gatewayFailuresAreOutcomeUnknown()
{
    QFETCH(QString, path);
    QFETCH(SandboxFault, fault);
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    auto provider = makeProvider(publicKeyConfig());
    const QString payNo = u"V3P006"_s;
    if (path != V3::kNativePath)
        QVERIFY(succeeded(createQr(*provider, qrRequest(payNo))));
    const auto call = [&]() -> std::optional<Error> {
        if (path == V3::kNativePath) {
            const auto ticket = createQr(*provider, qrRequest(payNo));
            return succeeded(ticket) ? std::nullopt : std::optional(ticket->error());
        }
        if (path == V3::kQueryPath) {
            const auto snapshot = query(*provider, payNo);
            return succeeded(snapshot) ? std::nullopt : std::optional(snapshot->error());
        }
        const auto closed = close(*provider, payNo);
        return succeeded(closed) ? std::nullopt : std::optional(closed->error());
    };

    m_gateway->injectFault(path, fault);
    const std::optional<Error> error = call();
    QVERIFY2(error, "a failed gateway call was taken as an answer");
    QCOMPARE(error->code, code);
    if (!name.isEmpty())
        QCOMPARE(error->name(), name);
    QVERIFY(outcomeUnknown(*error));
    QCOMPARE(m_gateway->trade(payNo).has_value(), path != V3::kNativePath);
    if (path == V3::kClosePath)
        QCOMPARE(m_gateway->trade(payNo)->state, u"NOTPAY"_s);
    // The fault was one answer: the same call again is answered.
    const std::optional<Error> again = call();
    QVERIFY2(!again, again ? qPrintable(again->message) : "");
}

// --- Payment codes --------------------------------------------------------------------

void tst_WechatV3Provider::codepayPaidAtOnce()
{
    auto provider = makeProvider(publicKeyConfig());
    const QString code = nextCode();
    m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
    const auto paid =
        charge(*provider, {u"V3C001"_s, 1234, u"收银 Shouyin 测试"_s, code, m_now.addSecs(-2)});
    QVERIFY2(succeeded(paid), why(paid).constData());
    QCOMPARE((*paid)->state, TradeState::Success);
    QCOMPARE((*paid)->payNo, u"V3C001"_s);
    QCOMPARE((*paid)->amount, Fen(1234));
    QCOMPARE((*paid)->paidAt, m_now);
    const auto trade = m_gateway->trade(u"V3C001"_s);
    QVERIFY(trade);
    QCOMPARE((*paid)->transactionId, trade->transactionId);
    QVERIFY(!trade->transactionId.isEmpty());
    QCOMPARE(trade->api, u"v3"_s);
    QCOMPARE(trade->tradeType, u"MICROPAY"_s);
    QCOMPARE(trade->authCode, code);
    QCOMPARE(m_gateway->requestCount(V3::kCodepayPath), 1);
}

void tst_WechatV3Provider::codepayWaitsForThePassword()
{
    auto provider = makeProvider(publicKeyConfig());
    const QString code = nextCode();
    m_gateway->setCodeCustomer(code, CodeCustomer::ConfirmsAfter, 10s);
    const auto waiting = charge(*provider, {u"V3C002"_s, 800, u"收银"_s, code, m_now});
    QVERIFY2(succeeded(waiting), why(waiting).constData());
    QCOMPARE((*waiting)->state, TradeState::UserPaying);
    QCOMPARE((*waiting)->payNo, u"V3C002"_s);

    auto snapshot = query(*provider, u"V3C002"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::UserPaying);
    m_now = m_now.addSecs(11); // the customer has typed the password
    snapshot = query(*provider, u"V3C002"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Success);
    QCOMPARE((*snapshot)->amount, Fen(800));
    QVERIFY(!(*snapshot)->transactionId.isEmpty());
}

void tst_WechatV3Provider::codepayRefusals_data()
{
    QTest::addColumn<CodeCustomer>("customer");
    QTest::addColumn<QString>("name");
    QTest::newRow("not enough") << CodeCustomer::NotEnoughBalance << u"NOT_ENOUGH"_s;
    QTest::newRow("code expired") << CodeCustomer::CodeExpired << u"AUTHCODEEXPIRE"_s;
}

void tst_WechatV3Provider::codepayRefusals()
{
    QFETCH(CodeCustomer, customer);
    QFETCH(QString, name);
    auto provider = makeProvider(publicKeyConfig());
    const QString code = nextCode();
    m_gateway->setCodeCustomer(code, customer);
    const auto refused = charge(*provider, {u"V3C003"_s, 500, u"收银"_s, code, m_now});
    QVERIFY2(refused && !refused->ok(), failure(refused).constData());
    QCOMPARE(refused->error().code, ErrorCode::Provider);
    QCOMPARE(refused->error().name(), name);
    QVERIFY(!refused->error().message.isEmpty());
    QVERIFY(!outcomeUnknown(refused->error()));
}

void tst_WechatV3Provider::reverseAnswers()
{
    auto provider = makeProvider(publicKeyConfig());
    const QString paidCode = nextCode();
    m_gateway->setCodeCustomer(paidCode, CodeCustomer::PaysAtOnce);
    QVERIFY(succeeded(charge(*provider, {u"V3C004"_s, 600, u"收银"_s, paidCode, m_now})));
    const auto reversed = reverse(*provider, u"V3C004"_s);
    QVERIFY2(succeeded(reversed), why(reversed).constData());
    QVERIFY(!(*reversed)->callAgain);
    QCOMPARE((*reversed)->detail, u"reversed"_s);
    const auto snapshot = query(*provider, u"V3C004"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::Revoked);

    // The gateway asks for the reverse again.
    const QString waitingCode = nextCode();
    m_gateway->setCodeCustomer(waitingCode, CodeCustomer::NeverConfirms);
    QVERIFY(succeeded(charge(*provider, {u"V3C005"_s, 600, u"收银"_s, waitingCode, m_now})));
    m_gateway->injectFault(V3::kReversePath, SandboxFault::Recall);
    const auto recall = reverse(*provider, u"V3C005"_s);
    QVERIFY2(succeeded(recall), why(recall).constData());
    QVERIFY((*recall)->callAgain);
    // While the customer still types, the gateway refuses it outright.
    const auto busy = reverse(*provider, u"V3C005"_s);
    QVERIFY2(busy && !busy->ok(), failure(busy).constData());
    QCOMPARE(busy->error().name(), u"TRADE_ERROR"_s);
    QCOMPARE(m_gateway->reverseCount(u"V3C005"_s), 2);

    // Never made: nothing was taken, nothing to give back.
    const auto nothing = reverse(*provider, u"V3C006"_s);
    QVERIFY2(succeeded(nothing), why(nothing).constData());
    QVERIFY(!(*nothing)->callAgain);
    QCOMPARE((*nothing)->detail, u"ORDER_NOT_EXIST"_s);
}

// --- Refunds --------------------------------------------------------------------------

void tst_WechatV3Provider::refundProcessingThenSuccess()
{
    // Settled only when the test's clock says so.
    m_gateway->setRefundBehaviour(RefundBehaviour::Succeeds, 1h);
    auto provider = makeProvider(publicKeyConfig());
    const QByteArray unpaid = paidQr(*provider, u"V3R001"_s, 1000);
    QVERIFY2(unpaid.isEmpty(), unpaid.constData());

    const RefundRequest request{u"V3R001"_s, u"V3R001-1"_s, 1000, 300, u"顾客退货"_s};
    const auto made = refund(*provider, request);
    QVERIFY2(succeeded(made), why(made).constData());
    QCOMPARE((*made)->state, RefundState::Processing);
    QCOMPARE((*made)->refundNo, request.refundNo);
    QCOMPARE((*made)->payNo, request.payNo);
    QCOMPARE((*made)->amount, Fen(300));
    const auto stored = m_gateway->refund(request.refundNo);
    QVERIFY(stored);
    QCOMPARE((*made)->providerRefundId, stored->refundId);
    QCOMPARE(stored->api, u"v3"_s);
    QCOMPARE(stored->reason, request.reason);

    auto asked = queryRefund(*provider, request);
    QVERIFY2(succeeded(asked), why(asked).constData());
    QCOMPARE((*asked)->state, RefundState::Processing);
    QVERIFY(!(*asked)->refundedAt.isValid());

    const QDateTime settlesAt = m_now.addSecs(3600);
    m_now = settlesAt.addSecs(5);
    asked = queryRefund(*provider, request);
    QVERIFY2(succeeded(asked), why(asked).constData());
    QCOMPARE((*asked)->state, RefundState::Success);
    QCOMPARE((*asked)->rawState, u"SUCCESS"_s);
    QCOMPARE((*asked)->amount, Fen(300));
    QCOMPARE((*asked)->refundedAt, settlesAt);
    QCOMPARE(m_gateway->refundedAmount(request.payNo), Fen(300));
    QCOMPARE(m_gateway->refundRequestCount(request.refundNo), 1);

    const auto missing = queryRefund(*provider, {u"V3R001"_s, u"V3R001-9"_s, 1000, 300, {}});
    QVERIFY2(succeeded(missing), why(missing).constData());
    QCOMPARE((*missing)->state, RefundState::NotFound);
}

// --- The keys replies are signed with -------------------------------------------------

void tst_WechatV3Provider::unknownSerialIsRefusedWithOnlyThePublicKey()
{
    auto provider = makeProvider(publicKeyConfig());
    QVERIFY(succeeded(createQr(*provider, qrRequest(u"V3K001"_s))));
    QVERIFY(m_gateway->pay(u"V3K001"_s));
    // A platform certificate this till was never given signs the "paid" answer.
    const QString serial = m_gateway->publishWechatV3Certificate();
    QVERIFY(!serial.isEmpty());
    QVERIFY(m_gateway->signWechatV3With(serial));
    const auto snapshot = query(*provider, u"V3K001"_s);
    QVERIFY2(snapshot && !snapshot->ok(), failure(snapshot).constData());
    QCOMPARE(snapshot->error().code, ErrorCode::BadSignature);
    QVERIFY2(snapshot->error().message.contains(serial), qPrintable(snapshot->error().message));
    QVERIFY(outcomeUnknown(snapshot->error()));
    // It downloads nothing: its settings trust the public key alone.
    QCOMPARE(m_gateway->requestCount(V3::kCertificatesPath), 0);

    QVERIFY(m_gateway->signWechatV3With(m_gateway->wechatV3TrainingCredentials().payPublicKeyId));
    const auto again = query(*provider, u"V3K001"_s);
    QVERIFY2(succeeded(again), why(again).constData());
    QCOMPARE((*again)->state, TradeState::Success);
}

void tst_WechatV3Provider::unknownSerialIsDownloadedInCertificateMode()
{
    QVERIFY(m_gateway->setWechatV3KeyMode(WechatV3KeyMode::PlatformCertificates));
    const QString first = m_gateway->wechatV3Signer();
    auto provider = startedProvider(certificateConfig());
    QCOMPARE(provider->payKeys().serials(), QStringList{first});
    QVERIFY(succeeded(createQr(*provider, qrRequest(u"V3K002"_s))));
    QCOMPARE(m_gateway->requestCount(V3::kCertificatesPath), 1);

    // WeChat Pay rotates before the till's next scheduled download.
    m_now = m_now.addSecs(3 * 3600);
    const QString rotated = m_gateway->publishWechatV3Certificate();
    QVERIFY(m_gateway->signWechatV3With(rotated));
    QVERIFY(m_gateway->withdrawWechatV3Certificate(first));
    QSignalSpy refreshed(provider.get(), &WechatV3Provider::certificatesRefreshed);
    const auto snapshot = query(*provider, u"V3K002"_s);
    QVERIFY2(succeeded(snapshot), why(snapshot).constData());
    QCOMPARE((*snapshot)->state, TradeState::NotPay);
    QCOMPARE(m_gateway->requestCount(V3::kCertificatesPath), 2);
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(refreshed.first().first().toStringList(), QStringList{rotated});
    // Believed from then on without another download.
    QVERIFY(succeeded(close(*provider, u"V3K002"_s)));
    QCOMPARE(m_gateway->requestCount(V3::kCertificatesPath), 2);
}

void tst_WechatV3Provider::publicKeyToCertificatesMidDay_data()
{
    QTest::addColumn<bool>("announced");
    // Listed while the public key still signs, then signing: the scheduled download finds it.
    QTest::newRow("announced") << true;
    // Signing at once: the first reply that names it sends the till to download it.
    QTest::newRow("abrupt") << false;
}

void tst_WechatV3Provider::publicKeyToCertificatesMidDay()
{
    QFETCH(bool, announced);
    const QString publicKeyId = m_gateway->wechatV3TrainingCredentials().payPublicKeyId;
    WechatV3Config config = publicKeyConfig();
    config.downloadCertificates = true; // the shop was told the switch is coming
    auto provider = startedProvider(config);
    QCOMPARE(provider->payKeys().serials(), QStringList{publicKeyId});
    QSignalSpy failed(provider.get(), &WechatV3Provider::certificateRefreshFailed);

    QByteArray problem = dayOfCalls(*provider, u"V3MORNING"_s);
    QVERIFY2(problem.isEmpty(), problem.constData());

    m_now = m_now.addSecs(4 * 3600);
    QVERIFY(m_gateway->setWechatV3KeyMode(WechatV3KeyMode::PlatformCertificates));
    const QString certificate = m_gateway->wechatV3Signer();
    if (announced) {
        QVERIFY(m_gateway->signWechatV3With(publicKeyId));
        problem = dayOfCalls(*provider, u"V3LISTED"_s);
        QVERIFY2(problem.isEmpty(), problem.constData());
        QSignalSpy refreshed(provider.get(), &WechatV3Provider::certificatesRefreshed);
        provider->refreshCertificates(); // as its timer would
        QVERIFY(refreshed.wait(kWaitMs));
        QVERIFY(m_gateway->signWechatV3With(certificate));
    }
    problem = dayOfCalls(*provider, u"V3SWITCH"_s);
    QVERIFY2(problem.isEmpty(), problem.constData());
    QCOMPARE(provider->payKeys().serials(), QStringList({certificate, publicKeyId}));

    m_now = m_now.addSecs(2 * 3600);
    problem = dayOfCalls(*provider, u"V3EVENING"_s);
    QVERIFY2(problem.isEmpty(), problem.constData());
    QCOMPARE(m_gateway->wechatV3Signer(), certificate);
    // One download at start, one for the switch.
    QCOMPARE(m_gateway->requestCount(V3::kCertificatesPath), 2);
    QCOMPARE(failed.count(), 0);
}

QTEST_GUILESS_MAIN(tst_WechatV3Provider)
#include "tst_wechatv3provider.moc"
