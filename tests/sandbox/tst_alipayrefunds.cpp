// The real Alipay provider refunds through the sandbox's /gateway.do over loopback:
// alipay.trade.refund and alipay.trade.fastpay.refund.query, whole and partial refunds,
// an out_request_no sent again, the refusals, every scripted RefundBehaviour and the
// gateway's faults.

#include "awaitresult.h"
#include "pay/alipay/alipayprovider.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"

#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace shouyin;
using shouyin::testing::await;
using shouyin::testing::why;

namespace {

RefundRequest refundRequest(const QString &payNo, const QString &refundNo, Fen paid, Fen amount)
{
    return {payNo, refundNo, paid, amount, u"顾客退货"_s};
}

} // namespace

class tst_AlipayRefunds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void wholeRefundSucceedsAtOnce();
    void partialRefundsThenTooMuch();
    void sameNumberSentAgainRefundsOnce();
    void notEnoughBalanceRefundsNothing();
    void processedThenSystemErrorIsUnknownUntilQueried();
    void staysProcessingUntilCompleted();
    void defaultBehaviourAppliesToEveryNumber();
    void unpaidOrUnknownTradeIsRefused();
    void faultsLeaveTheOutcomeUnknown();
    void noReplyAfterTheRefundWasMade();

private:
    AlipayConfig config(int timeoutMs = 5000) const
    {
        return shouyin::testing::sandboxAlipayConfig(*m_gateway, timeoutMs);
    }
    // A trade paid by QR: precreated by the provider, then paid by the sandbox's customer.
    bool paidTrade(AlipayProvider &provider, const QString &payNo, Fen amount);
    std::optional<Result<RefundSnapshot>> refund(AlipayProvider &provider,
                                                 const RefundRequest &request)
    {
        return await<RefundSnapshot>([&](QObject *context, auto done) {
            provider.refunds()->refund(request, context, std::move(done));
        });
    }
    std::optional<Result<RefundSnapshot>> queryRefund(AlipayProvider &provider,
                                                      const RefundRequest &request)
    {
        return await<RefundSnapshot>([&](QObject *context, auto done) {
            provider.refunds()->queryRefund(request, context, std::move(done));
        });
    }
    std::optional<Result<TradeSnapshot>> query(AlipayProvider &provider, const QString &payNo)
    {
        return await<TradeSnapshot>(
            [&](QObject *context, auto done) { provider.query(payNo, context, std::move(done)); });
    }

    std::unique_ptr<SandboxGateway> m_gateway;
};

void tst_AlipayRefunds::init()
{
    m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
    QVERIFY(m_gateway->listen() != 0);
}

void tst_AlipayRefunds::cleanup()
{
    m_gateway.reset();
}

bool tst_AlipayRefunds::paidTrade(AlipayProvider &provider, const QString &payNo, Fen amount)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QrRequest request{payNo, amount, u"收银 退款测试"_s, now, now.addSecs(600)};
    const auto ticket = await<QrTicket>(
        [&](QObject *context, auto done) { provider.createQr(request, context, done); });
    if (!ticket || !ticket->ok())
        return false;
    return m_gateway->pay(payNo).ok();
}

void tst_AlipayRefunds::wholeRefundSucceedsAtOnce()
{
    AlipayProvider provider(config());
    QVERIFY(provider.refunds());
    QVERIFY(paidTrade(provider, u"T01P0001"_s, 1230));
    const RefundRequest whole = refundRequest(u"T01P0001"_s, u"T01R0001"_s, 1230, 1230);
    const auto done = refund(provider, whole);
    QVERIFY2(done && done->ok(), why(done).constData());
    const RefundSnapshot &snapshot = done->value();
    QCOMPARE(snapshot.state, RefundState::Success);
    QCOMPARE(snapshot.amount, Fen(1230));
    QCOMPARE(snapshot.refundNo, u"T01R0001"_s);
    QCOMPARE(snapshot.payNo, u"T01P0001"_s);
    QCOMPARE(snapshot.providerRefundId, m_gateway->trade(u"T01P0001"_s)->transactionId);
    QVERIFY(snapshot.rawState.startsWith(u"fund_change=Y"_s));

    const auto made = m_gateway->refund(u"T01R0001"_s);
    QVERIFY(made);
    QCOMPARE(made->provider, u"alipay"_s);
    QCOMPARE(made->outTradeNo, u"T01P0001"_s);
    QCOMPARE(made->refundFee, Fen(1230));
    QCOMPARE(made->state, u"SUCCESS"_s);
    QCOMPARE(made->reason, u"顾客退货"_s);
    QCOMPARE(made->requests, 1);
    QCOMPARE(snapshot.refundedAt, made->settledAt);
    QCOMPARE(m_gateway->refundedAmount(u"T01P0001"_s), Fen(1230));
    QCOMPARE(m_gateway->requestCount(u"alipay.trade.refund"_s), 1);

    // Refunded whole: Alipay closes the trade, and refuses any further refund.
    const auto trade = query(provider, u"T01P0001"_s);
    QVERIFY2(trade && trade->ok(), why(trade).constData());
    QCOMPARE((*trade)->rawState, u"TRADE_CLOSED"_s);
    QCOMPARE((*trade)->amount, Fen(1230));
    const auto more = refund(provider, refundRequest(u"T01P0001"_s, u"T01R0002"_s, 1230, 1));
    QVERIFY(more && !more->ok());
    QCOMPARE(more->error().providerCode, u"ACQ.TRADE_STATUS_ERROR"_s);
    QVERIFY(!outcomeUnknown(more->error()));
    QVERIFY(!m_gateway->refund(u"T01R0002"_s));

    const auto asked = queryRefund(provider, whole);
    QVERIFY2(asked && asked->ok(), why(asked).constData());
    QCOMPARE((*asked)->state, RefundState::Success);
    QCOMPARE((*asked)->amount, Fen(1230));
    QCOMPARE((*asked)->rawState, u"REFUND_SUCCESS"_s);
    QCOMPARE((*asked)->refundedAt, made->settledAt); // gmt_refund_pay, asked for
}

void tst_AlipayRefunds::partialRefundsThenTooMuch()
{
    AlipayProvider provider(config());
    QVERIFY(paidTrade(provider, u"T01P0002"_s, 5000));
    const auto first = refund(provider, refundRequest(u"T01P0002"_s, u"T01R0011"_s, 5000, 1000));
    QVERIFY2(first && first->ok(), why(first).constData());
    QCOMPARE((*first)->state, RefundState::Success);
    QCOMPARE((*first)->amount, Fen(1000));
    const auto second = refund(provider, refundRequest(u"T01P0002"_s, u"T01R0012"_s, 5000, 1550));
    QVERIFY2(second && second->ok(), why(second).constData());
    QCOMPARE((*second)->state, RefundState::Success);
    // This refund's amount, though Alipay's refund_fee says 25.50 by now.
    QCOMPARE((*second)->amount, Fen(1550));
    QVERIFY((*second)->rawState.contains(u"refund_fee=25.50"_s));
    QCOMPARE(m_gateway->refundedAmount(u"T01P0002"_s), Fen(2550));

    // Refunded in part, the trade is still paid.
    const auto trade = query(provider, u"T01P0002"_s);
    QVERIFY2(trade && trade->ok(), why(trade).constData());
    QCOMPARE((*trade)->rawState, u"TRADE_SUCCESS"_s);
    QCOMPARE((*trade)->state, TradeState::Success);

    // 24.50 is left: 30.00 is refused for good, and nothing moves.
    const RefundRequest tooMuch = refundRequest(u"T01P0002"_s, u"T01R0013"_s, 5000, 3000);
    const auto refused = refund(provider, tooMuch);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::Provider);
    QCOMPARE(refused->error().providerCode, u"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"_s);
    QVERIFY(!refused->error().message.isEmpty());
    QVERIFY(!outcomeUnknown(refused->error()));
    QVERIFY(!m_gateway->refund(u"T01R0013"_s));
    QCOMPARE(m_gateway->refundRequestCount(u"T01R0013"_s), 1);
    QCOMPARE(m_gateway->refundedAmount(u"T01P0002"_s), Fen(2550));
    const auto none = queryRefund(provider, tooMuch);
    QVERIFY2(none && none->ok(), why(none).constData());
    QCOMPARE((*none)->state, RefundState::NotFound);

    // Exactly what is left goes, and the trade is refunded whole.
    const auto rest = refund(provider, refundRequest(u"T01P0002"_s, u"T01R0014"_s, 5000, 2450));
    QVERIFY2(rest && rest->ok(), why(rest).constData());
    QCOMPARE(m_gateway->refundedAmount(u"T01P0002"_s), Fen(5000));
    QCOMPARE(query(provider, u"T01P0002"_s)->value().rawState, u"TRADE_CLOSED"_s);
    QCOMPARE(m_gateway->refunds().size(), 3);
}

void tst_AlipayRefunds::sameNumberSentAgainRefundsOnce()
{
    AlipayProvider provider(config());
    QVERIFY(paidTrade(provider, u"T01P0003"_s, 2000));
    const RefundRequest request = refundRequest(u"T01P0003"_s, u"T01R0021"_s, 2000, 500);
    const auto first = refund(provider, request);
    QVERIFY2(first && first->ok(), why(first).constData());
    QCOMPARE((*first)->state, RefundState::Success);

    // Sent again unchanged (as after a lost answer): no money moves a second time, and
    // the answer does not say this refund succeeded, so the till asks.
    const auto again = refund(provider, request);
    QVERIFY2(again && again->ok(), why(again).constData());
    QCOMPARE((*again)->state, RefundState::Processing);
    QCOMPARE((*again)->rawState, u"fund_change=N"_s);
    QCOMPARE((*again)->amount, Fen(-1));
    QCOMPARE(m_gateway->refundRequestCount(u"T01R0021"_s), 2);
    QCOMPARE(m_gateway->refund(u"T01R0021"_s)->requests, 2);
    QCOMPARE(m_gateway->refundedAmount(u"T01P0003"_s), Fen(500));
    QCOMPARE(m_gateway->refunds().size(), 1);

    const auto asked = queryRefund(provider, request);
    QVERIFY2(asked && asked->ok(), why(asked).constData());
    QCOMPARE((*asked)->state, RefundState::Success);
    QCOMPARE((*asked)->amount, Fen(500));

    // The number again for another amount is another request: refused, nothing moves.
    const auto other = refund(provider, refundRequest(u"T01P0003"_s, u"T01R0021"_s, 2000, 600));
    QVERIFY(other && !other->ok());
    QCOMPARE(other->error().providerCode, u"ACQ.DISCORDANT_REPEAT_REQUEST"_s);
    QVERIFY(!outcomeUnknown(other->error()));
    QCOMPARE(m_gateway->refundedAmount(u"T01P0003"_s), Fen(500));
    QCOMPARE(m_gateway->refund(u"T01R0021"_s)->refundFee, Fen(500));
    QCOMPARE(m_gateway->refundRequestCount(u"T01R0021"_s), 3);
}

void tst_AlipayRefunds::notEnoughBalanceRefundsNothing()
{
    AlipayProvider provider(config());
    QVERIFY(paidTrade(provider, u"T01P0005"_s, 3000));
    m_gateway->setRefundBehaviour(u"T01R0041"_s, RefundBehaviour::NotEnoughBalance);
    const RefundRequest request = refundRequest(u"T01P0005"_s, u"T01R0041"_s, 3000, 3000);
    const auto refused = refund(provider, request);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().providerCode, u"ACQ.SELLER_BALANCE_NOT_ENOUGH"_s);
    QVERIFY(!outcomeUnknown(refused->error()));
    QVERIFY(!m_gateway->refund(u"T01R0041"_s));
    QCOMPARE(m_gateway->refundedAmount(u"T01P0005"_s), Fen(0));
    QCOMPARE(m_gateway->refundRequestCount(u"T01R0041"_s), 1);
    const auto asked = queryRefund(provider, request);
    QVERIFY2(asked && asked->ok(), why(asked).constData());
    QCOMPARE((*asked)->state, RefundState::NotFound);
    QCOMPARE(query(provider, u"T01P0005"_s)->value().rawState, u"TRADE_SUCCESS"_s);

    // The merchant tops up: the same number is judged afresh and goes through.
    m_gateway->setRefundBehaviour(u"T01R0041"_s, RefundBehaviour::Succeeds);
    const auto later = refund(provider, request);
    QVERIFY2(later && later->ok(), why(later).constData());
    QCOMPARE((*later)->state, RefundState::Success);
    QCOMPARE(m_gateway->refundedAmount(u"T01P0005"_s), Fen(3000));
}

void tst_AlipayRefunds::processedThenSystemErrorIsUnknownUntilQueried()
{
    AlipayProvider provider(config());
    QVERIFY(paidTrade(provider, u"T01P0006"_s, 1800));
    m_gateway->setRefundBehaviour(u"T01R0051"_s, RefundBehaviour::ProcessThenSystemError);
    const RefundRequest request = refundRequest(u"T01P0006"_s, u"T01R0051"_s, 1800, 800);
    const auto failed = refund(provider, request);
    QVERIFY(failed && !failed->ok());
    QCOMPARE(failed->error().providerCode, u"ACQ.SYSTEM_ERROR"_s);
    QVERIFY(outcomeUnknown(failed->error()));
    // It was made all the same.
    QCOMPARE(m_gateway->refundedAmount(u"T01P0006"_s), Fen(800));

    const auto asked = queryRefund(provider, request);
    QVERIFY2(asked && asked->ok(), why(asked).constData());
    QCOMPARE((*asked)->state, RefundState::Success);
    QCOMPARE((*asked)->amount, Fen(800));
    QCOMPARE((*asked)->refundedAt, m_gateway->refund(u"T01R0051"_s)->settledAt);
}

void tst_AlipayRefunds::staysProcessingUntilCompleted()
{
    AlipayProvider provider(config());
    QVERIFY(paidTrade(provider, u"T01P0007"_s, 990));
    m_gateway->setRefundBehaviour(u"T01R0061"_s, RefundBehaviour::StaysProcessing);
    const RefundRequest request = refundRequest(u"T01P0007"_s, u"T01R0061"_s, 990, 990);
    const auto failed = refund(provider, request);
    QVERIFY(failed && !failed->ok());
    QVERIFY(outcomeUnknown(failed->error()));
    QCOMPARE(m_gateway->refund(u"T01R0061"_s)->state, u"PROCESSING"_s);
    QCOMPARE(m_gateway->refundedAmount(u"T01P0007"_s), Fen(0));

    // Alipay does not admit to it yet.
    const auto before = queryRefund(provider, request);
    QVERIFY2(before && before->ok(), why(before).constData());
    QCOMPARE((*before)->state, RefundState::NotFound);
    QCOMPARE(query(provider, u"T01P0007"_s)->value().rawState, u"TRADE_SUCCESS"_s);
    // Sent again meanwhile: no surer, and no second refund.
    const auto again = refund(provider, request);
    QVERIFY(again && !again->ok());
    QVERIFY(outcomeUnknown(again->error()));
    QCOMPARE(m_gateway->refunds().size(), 1);

    QVERIFY(m_gateway->completeRefund(u"T01R0061"_s));
    const auto after = queryRefund(provider, request);
    QVERIFY2(after && after->ok(), why(after).constData());
    QCOMPARE((*after)->state, RefundState::Success);
    QCOMPARE((*after)->amount, Fen(990));
    QCOMPARE(m_gateway->refundedAmount(u"T01P0007"_s), Fen(990));
    QCOMPARE(query(provider, u"T01P0007"_s)->value().rawState, u"TRADE_CLOSED"_s);
    QVERIFY(!m_gateway->completeRefund(u"T01R0061"_s)); // no longer processing
    QVERIFY(!m_gateway->completeRefund(u"T01R0069"_s)); // no such refund
}

void tst_AlipayRefunds::defaultBehaviourAppliesToEveryNumber()
{
    AlipayProvider provider(config());
    QVERIFY(paidTrade(provider, u"T01P0008"_s, 1000));
    m_gateway->setRefundBehaviour(RefundBehaviour::NotEnoughBalance);
    const auto refused = refund(provider, refundRequest(u"T01P0008"_s, u"T01R0071"_s, 1000, 100));
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().providerCode, u"ACQ.SELLER_BALANCE_NOT_ENOUGH"_s);
    // A number scripted on its own keeps its own behaviour.
    m_gateway->setRefundBehaviour(u"T01R0072"_s, RefundBehaviour::Succeeds);
    const auto made = refund(provider, refundRequest(u"T01P0008"_s, u"T01R0072"_s, 1000, 100));
    QVERIFY2(made && made->ok(), why(made).constData());
    QCOMPARE(m_gateway->refundedAmount(u"T01P0008"_s), Fen(100));
}

void tst_AlipayRefunds::unpaidOrUnknownTradeIsRefused()
{
    AlipayProvider provider(config());
    const auto unknown = refund(provider, refundRequest(u"T01P0098"_s, u"T01R0081"_s, 100, 100));
    QVERIFY(unknown && !unknown->ok());
    QCOMPARE(unknown->error().providerCode, u"ACQ.TRADE_NOT_EXIST"_s);
    QVERIFY(!outcomeUnknown(unknown->error()));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QrRequest qr{u"T01P0099"_s, 100, u"未付款"_s, now, now.addSecs(600)};
    QVERIFY(await<QrTicket>([&](QObject *context, auto done) {
                provider.createQr(qr, context, done);
            })->ok());
    QVERIFY(m_gateway->scan(u"T01P0099"_s));
    const auto unpaid = refund(provider, refundRequest(u"T01P0099"_s, u"T01R0082"_s, 100, 100));
    QVERIFY(unpaid && !unpaid->ok());
    QCOMPARE(unpaid->error().providerCode, u"ACQ.TRADE_STATUS_ERROR"_s);
    QVERIFY(!outcomeUnknown(unpaid->error()));
    QVERIFY(m_gateway->refunds().isEmpty());
}

void tst_AlipayRefunds::faultsLeaveTheOutcomeUnknown()
{
    AlipayProvider provider(config());
    QVERIFY(paidTrade(provider, u"T01P0009"_s, 4000));
    const RefundRequest request = refundRequest(u"T01P0009"_s, u"T01R0091"_s, 4000, 1000);

    // Not processed: the gateway failed first.
    m_gateway->injectFault(u"alipay.trade.refund"_s, SandboxFault::SystemError);
    const auto system = refund(provider, request);
    QVERIFY(system && !system->ok());
    QCOMPARE(system->error().providerCode, u"ACQ.SYSTEM_ERROR"_s);
    QVERIFY(outcomeUnknown(system->error()));
    m_gateway->injectFault(u"alipay.trade.refund"_s, SandboxFault::Http500);
    const auto http = refund(provider, request);
    QVERIFY(http && !http->ok());
    QCOMPARE(http->error().code, ErrorCode::Http);
    QVERIFY(outcomeUnknown(http->error()));
    QCOMPARE(m_gateway->refundedAmount(u"T01P0009"_s), Fen(0));
    // The HTTP 500 came from in front of the gateway: only the first reached it.
    QCOMPARE(m_gateway->refundRequestCount(u"T01R0091"_s), 1);

    // Processed, but the answer is forged or hides the outcome.
    m_gateway->injectFault(u"alipay.trade.refund"_s, SandboxFault::BadSignature);
    const auto forged = refund(provider, request);
    QVERIFY(forged && !forged->ok());
    QCOMPARE(forged->error().code, ErrorCode::BadSignature);
    QVERIFY(outcomeUnknown(forged->error()));
    QCOMPARE(m_gateway->refundedAmount(u"T01P0009"_s), Fen(1000));

    m_gateway->injectFault(u"alipay.trade.refund"_s, SandboxFault::ProcessThenSystemError);
    const RefundRequest second = refundRequest(u"T01P0009"_s, u"T01R0092"_s, 4000, 500);
    const auto hidden = refund(provider, second);
    QVERIFY(hidden && !hidden->ok());
    QVERIFY(outcomeUnknown(hidden->error()));
    QCOMPARE(m_gateway->refundedAmount(u"T01P0009"_s), Fen(1500));

    m_gateway->injectFault(u"alipay.trade.fastpay.refund.query"_s, SandboxFault::BadSignature);
    const auto forgedQuery = queryRefund(provider, second);
    QVERIFY(forgedQuery && !forgedQuery->ok());
    QCOMPARE(forgedQuery->error().code, ErrorCode::BadSignature);
    const auto asked = queryRefund(provider, second);
    QVERIFY2(asked && asked->ok(), why(asked).constData());
    QCOMPARE((*asked)->state, RefundState::Success);
    QCOMPARE((*asked)->amount, Fen(500));
    QCOMPARE(m_gateway->requestCount(u"alipay.trade.fastpay.refund.query"_s), 2);
}

void tst_AlipayRefunds::noReplyAfterTheRefundWasMade()
{
    AlipayProvider provider(config(300));
    QVERIFY(paidTrade(provider, u"T01P0010"_s, 700));
    const RefundRequest request = refundRequest(u"T01P0010"_s, u"T01R0101"_s, 700, 700);
    m_gateway->injectFault(u"alipay.trade.refund"_s, SandboxFault::NoReply);
    const auto lost = refund(provider, request);
    QVERIFY(lost && !lost->ok());
    QCOMPARE(lost->error().code, ErrorCode::Timeout);
    QVERIFY(outcomeUnknown(lost->error()));
    QCOMPARE(m_gateway->refundedAmount(u"T01P0010"_s), Fen(700));
    // The same request again finds it done: fund_change N, and the query says refunded.
    const auto again = refund(provider, request);
    QVERIFY2(again && again->ok(), why(again).constData());
    QCOMPARE((*again)->state, RefundState::Processing);
    const auto asked = queryRefund(provider, request);
    QVERIFY2(asked && asked->ok(), why(asked).constData());
    QCOMPARE((*asked)->state, RefundState::Success);
    QCOMPARE(m_gateway->refundedAmount(u"T01P0010"_s), Fen(700));
}

QTEST_GUILESS_MAIN(tst_AlipayRefunds)
#include "tst_alipayrefunds.moc"
