// The real Alipay provider against the sandbox's /gateway.do over loopback: RSA2 requests,
// signed JSON replies verified over their raw text, error mapping, transport failures,
// and the asynchronous notification through NotifyService into the ledger.

#include "awaitresult.h"
#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/alipay/alipayprovider.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"
#include "testledger.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;
using shouyin::testing::await;
using shouyin::testing::kWaitMs;

namespace {

template<typename T> QByteArray why(const std::optional<Result<T>> &result)
{
    if (!result)
        return "no answer";
    if (result->ok())
        return {};
    return (result->error().name() + u": "_s + result->error().message).toUtf8();
}

} // namespace

class tst_AlipayProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createQrMatchesTheDeadline();
    void notExistBeforeScanThenWaitingThenSuccess();
    void retryGetsTheSameQr();
    void closeUnpaidTrade();
    void closePaidTradeIsAlreadyPaid();
    void systemErrorIsOutcomeUnknown();
    void badResponseSignatureIsRefused();
    void appPublicKeyInPlaceOfAlipaysIsRefused();
    void wrongAppKeyIsAPlainRefusal();
    void noReplyTimesOut();
    void unreachableGateway();
    void notificationSettlesThePayment();
    void forgedNotificationIsRefused();

private:
    AlipayConfig config(int timeoutMs = 5000) const;
    QrRequest qrRequest(const QString &payNo, Fen amount = 1230) const;
    std::optional<Result<QrTicket>> createQr(AlipayProvider &provider, const QrRequest &request)
    {
        return await<QrTicket>(
            [&](QObject *context, auto done) { provider.createQr(request, context, done); });
    }
    std::optional<Result<TradeSnapshot>> query(AlipayProvider &provider, const QString &payNo)
    {
        return await<TradeSnapshot>(
            [&](QObject *context, auto done) { provider.query(payNo, context, done); });
    }
    std::optional<Result<CloseResult>> close(AlipayProvider &provider, const QString &payNo)
    {
        return await<CloseResult>(
            [&](QObject *context, auto done) { provider.close(payNo, context, done); });
    }

    std::unique_ptr<SandboxGateway> m_gateway;
};

void tst_AlipayProvider::init()
{
    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    QVERIFY(m_gateway->listen() != 0);
}

void tst_AlipayProvider::cleanup()
{
    m_gateway.reset();
}

AlipayConfig tst_AlipayProvider::config(int timeoutMs) const
{
    return shouyin::testing::sandboxAlipayConfig(*m_gateway, timeoutMs);
}

QrRequest tst_AlipayProvider::qrRequest(const QString &payNo, Fen amount) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return {payNo, amount, u"测试 矿泉水 & 面包"_s, now, now.addSecs(600)};
}

void tst_AlipayProvider::createQrMatchesTheDeadline()
{
    AlipayProvider provider(config());
    QCOMPARE(provider.name(), u"alipay"_s);
    QCOMPARE(provider.merchantId(), m_gateway->alipayTrainingCredentials().sellerId);
    QCOMPARE(provider.closeNotBefore(), 0s);
    const auto ticket = createQr(provider, qrRequest(u"T01A0001"_s));
    QVERIFY2(ticket && *ticket, why(ticket).constData());
    QVERIFY((*ticket)->codeUrl.startsWith(u"https://qr.alipay.com/bax0"_s));
    const auto trade = m_gateway->trade(u"T01A0001"_s);
    QVERIFY(trade);
    QCOMPARE(trade->provider, u"alipay"_s);
    QCOMPARE(trade->totalFee, Fen(1230));
    QCOMPARE(trade->createdAt.secsTo(trade->expiresAt), 600); // qr_code_timeout_express=10m
    QCOMPARE(m_gateway->requestCount(u"alipay.trade.precreate"_s), 1);
}

void tst_AlipayProvider::notExistBeforeScanThenWaitingThenSuccess()
{
    AlipayProvider provider(config());
    QVERIFY(createQr(provider, qrRequest(u"T01A0002"_s))->ok());
    auto before = query(provider, u"T01A0002"_s);
    QVERIFY2(before && *before, why(before).constData());
    QCOMPARE((*before)->state, TradeState::NotFound); // waiting, not failed
    QCOMPARE(outcomeOf((*before)->state), TradeOutcome::Pending);

    QVERIFY(m_gateway->scan(u"T01A0002"_s));
    auto waiting = query(provider, u"T01A0002"_s);
    QVERIFY2(waiting && *waiting, why(waiting).constData());
    QCOMPARE((*waiting)->state, TradeState::NotPay);
    QCOMPARE((*waiting)->rawState, u"WAIT_BUYER_PAY"_s);
    QCOMPARE((*waiting)->amount, Fen(1230));

    QVERIFY(m_gateway->pay(u"T01A0002"_s));
    auto paid = query(provider, u"T01A0002"_s);
    QVERIFY2(paid && *paid, why(paid).constData());
    QCOMPARE((*paid)->state, TradeState::Success);
    QCOMPARE((*paid)->amount, Fen(1230));
    QCOMPARE((*paid)->transactionId, m_gateway->trade(u"T01A0002"_s)->transactionId);
    QCOMPARE((*paid)->paidAt, m_gateway->trade(u"T01A0002"_s)->paidAt);
}

void tst_AlipayProvider::retryGetsTheSameQr()
{
    AlipayProvider provider(config());
    const QrRequest request = qrRequest(u"T01A0003"_s);
    const auto first = createQr(provider, request);
    const auto second = createQr(provider, request);
    QVERIFY(first && *first && second && *second);
    QCOMPARE((*first)->codeUrl, (*second)->codeUrl);
    // The same out_trade_no for another amount is a different trade: refused.
    const auto reused = createQr(provider, qrRequest(u"T01A0003"_s, 999));
    QVERIFY(reused && !*reused);
    QCOMPARE(reused->error().name(), u"ACQ.CONTEXT_INCONSISTENT"_s);
    QVERIFY(!outcomeUnknown(reused->error()));
}

void tst_AlipayProvider::closeUnpaidTrade()
{
    AlipayProvider provider(config());
    QVERIFY(createQr(provider, qrRequest(u"T01A0004"_s))->ok());
    QVERIFY(createQr(provider, qrRequest(u"T01A0005"_s))->ok());
    QVERIFY(m_gateway->scan(u"T01A0005"_s));
    for (const QString &payNo : {u"T01A0004"_s, u"T01A0005"_s}) {
        const auto closed = close(provider, payNo);
        QVERIFY2(closed && *closed, why(closed).constData());
        QCOMPARE(closed->value(), CloseResult::Closed);
        QCOMPARE(m_gateway->trade(payNo)->state, u"CLOSED"_s);
        QVERIFY(!m_gateway->pay(payNo)); // the customer can no longer pay it
        QCOMPARE(close(provider, payNo)->value(), CloseResult::Closed); // again: still closed
    }
    QCOMPARE(query(provider, u"T01A0005"_s)->value().state, TradeState::Closed);
    QCOMPARE(close(provider, u"T01A9999"_s)->value(), CloseResult::Closed); // never existed
}

void tst_AlipayProvider::closePaidTradeIsAlreadyPaid()
{
    AlipayProvider provider(config());
    QVERIFY(createQr(provider, qrRequest(u"T01A0006"_s))->ok());
    QVERIFY(m_gateway->pay(u"T01A0006"_s));
    const auto closed = close(provider, u"T01A0006"_s);
    QVERIFY2(closed && *closed, why(closed).constData());
    QCOMPARE(closed->value(), CloseResult::AlreadyPaid);
}

void tst_AlipayProvider::systemErrorIsOutcomeUnknown()
{
    AlipayProvider provider(config());
    m_gateway->injectFault(u"alipay.trade.precreate"_s, SandboxFault::SystemError);
    const auto failed = createQr(provider, qrRequest(u"T01A0007"_s));
    QVERIFY(failed && !*failed);
    QCOMPARE(failed->error().name(), u"ACQ.SYSTEM_ERROR"_s);
    QVERIFY(outcomeUnknown(failed->error()));
    m_gateway->injectFault(u"/gateway.do"_s, SandboxFault::Http500);
    const auto http = query(provider, u"T01A0007"_s);
    QCOMPARE(http->error().code, ErrorCode::Http);
    QVERIFY(createQr(provider, qrRequest(u"T01A0007"_s))->ok()); // faults are spent
}

void tst_AlipayProvider::badResponseSignatureIsRefused()
{
    AlipayProvider provider(config());
    QVERIFY(createQr(provider, qrRequest(u"T01A0008"_s))->ok());
    QVERIFY(m_gateway->pay(u"T01A0008"_s));
    m_gateway->injectFault(u"alipay.trade.query"_s, SandboxFault::BadSignature);
    const auto forged = query(provider, u"T01A0008"_s);
    QVERIFY(forged && !*forged);
    QCOMPARE(forged->error().code, ErrorCode::BadSignature);
    QVERIFY(outcomeUnknown(forged->error()));
    m_gateway->injectFault(u"/gateway.do"_s, SandboxFault::Malformed);
    QCOMPARE(query(provider, u"T01A0008"_s)->error().code, ErrorCode::BadResponse);
}

void tst_AlipayProvider::appPublicKeyInPlaceOfAlipaysIsRefused()
{
    AlipayConfig mistaken = config();
    mistaken.alipayPublicKey = mistaken.appPrivateKey.publicKey();
    AlipayProvider provider(mistaken);
    const auto ticket = createQr(provider, qrRequest(u"T01A0009"_s));
    QVERIFY(ticket && !*ticket);
    QCOMPARE(ticket->error().code, ErrorCode::BadSignature);
}

void tst_AlipayProvider::wrongAppKeyIsAPlainRefusal()
{
    AlipayConfig wrong = config();
    wrong.appPrivateKey = crypto::RsaKey::generate(2048).value();
    AlipayProvider provider(wrong);
    const auto ticket = createQr(provider, qrRequest(u"T01A0010"_s));
    QVERIFY(ticket && !*ticket);
    QCOMPARE(ticket->error().code, ErrorCode::Gateway);
    QVERIFY(!outcomeUnknown(ticket->error())); // refused before anything was created
    QVERIFY(!m_gateway->trade(u"T01A0010"_s));
}

void tst_AlipayProvider::noReplyTimesOut()
{
    AlipayProvider provider(config(300));
    m_gateway->injectFault(u"/gateway.do"_s, SandboxFault::NoReply);
    QElapsedTimer timer;
    timer.start();
    const auto ticket = createQr(provider, qrRequest(u"T01A0011"_s));
    QVERIFY(ticket && !*ticket);
    QCOMPARE(ticket->error().code, ErrorCode::Timeout);
    QVERIFY(outcomeUnknown(ticket->error()));
    QVERIFY(timer.elapsed() < 5000);
    // The request was processed before it went unanswered: the retry finds the trade.
    QVERIFY(m_gateway->trade(u"T01A0011"_s));
}

void tst_AlipayProvider::unreachableGateway()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    AlipayConfig unreachable = config();
    unreachable.gatewayUrl = QUrl(u"http://127.0.0.1:%1/gateway.do"_s.arg(port));
    AlipayProvider provider(unreachable);
    const auto result = query(provider, u"T01A0012"_s);
    QVERIFY(result && !*result);
    QCOMPARE(result->error().code, ErrorCode::Network);
    QVERIFY(outcomeUnknown(result->error()));
}

void tst_AlipayProvider::notificationSettlesThePayment()
{
    testing::TestLedger ledger(testing::TestLedger::Time::System);
    HttpListener listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    AlipayConfig withNotify = config();
    withNotify.notifyUrl = u"http://127.0.0.1:%1/notify/alipay"_s.arg(listener.port());
    AlipayProvider provider(withNotify);
    NotifyService service(*ledger.database, *ledger.checkout, listener);
    service.addProvider(provider);
    QSignalSpy handled(&service, &NotifyService::handled);

    const auto order = ledger.tryPlaceSample();
    QVERIFY(order);
    auto payment = ledger.checkout->openPayment(order->id, provider, 10min, u"alice"_s);
    QVERIFY(payment);
    const auto ticket = createQr(provider, {payment->payNo, payment->amount, u"Shouyin"_s,
                                            payment->createdAt, payment->expiresAt});
    QVERIFY2(ticket && *ticket, why(ticket).constData());
    QVERIFY(ledger.checkout->recordQrIssued(payment->payNo, (*ticket)->codeUrl));
    QCOMPARE(m_gateway->trade(payment->payNo)->totalFee, Fen(1250));

    QVERIFY(m_gateway->payCodeUrl((*ticket)->codeUrl));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(payment->payNo), kWaitMs);
    QCOMPARE(handled.size(), 1);
    QCOMPARE(handled.first().at(0).toString(), u"alipay"_s);
    QCOMPARE(handled.first().at(2).toBool(), true);
    QCOMPARE(ledger.orders->payment(payment->payNo)->status, PaymentStatus::Success);
    QCOMPARE(ledger.orders->order(order->id)->status, OrderStatus::Paid);
    QCOMPARE(ledger.orders->payment(payment->payNo)->transactionId,
             m_gateway->trade(payment->payNo)->transactionId);

    // Alipay repeats itself; a repeat changes nothing and is acknowledged again.
    QVERIFY(m_gateway->sendNotification(payment->payNo, NotifyVariant::Duplicate));
    QTRY_COMPARE_WITH_TIMEOUT(handled.size(), 3, kWaitMs);
    m_gateway.reset(); // nothing in flight to a listener about to go
}

void tst_AlipayProvider::forgedNotificationIsRefused()
{
    testing::TestLedger ledger(testing::TestLedger::Time::System);
    HttpListener listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    AlipayConfig withNotify = config();
    withNotify.notifyUrl = u"http://127.0.0.1:%1/notify/alipay"_s.arg(listener.port());
    AlipayProvider provider(withNotify);
    NotifyService service(*ledger.database, *ledger.checkout, listener);
    service.addProvider(provider);
    QSignalSpy handled(&service, &NotifyService::handled);

    const auto order = ledger.tryPlaceSample();
    auto payment = ledger.checkout->openPayment(order->id, provider, 10min, u"alice"_s);
    QVERIFY(payment);
    QVERIFY(createQr(provider, {payment->payNo, payment->amount, u"Shouyin"_s, payment->createdAt,
                                payment->expiresAt})
                ->ok());
    m_gateway->setNotificationsEnabled(false);
    QVERIFY(m_gateway->pay(payment->payNo));
    for (const NotifyVariant variant :
         {NotifyVariant::WrongSignature, NotifyVariant::WrongAmount}) {
        QVERIFY(m_gateway->sendNotification(payment->payNo, variant));
        QTRY_VERIFY_WITH_TIMEOUT(!handled.isEmpty(), kWaitMs);
        QCOMPARE(handled.takeFirst().at(2).toBool(), false);
        QCOMPARE(ledger.orders->payment(payment->payNo)->status, PaymentStatus::Creating);
    }
    m_gateway.reset();
}

QTEST_GUILESS_MAIN(tst_AlipayProvider)
#include "tst_alipayprovider.moc"
