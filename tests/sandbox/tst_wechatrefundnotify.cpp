// The WeChat refund notification from the sandbox gateway to a listener on loopback: sent
// when a refund succeeds (by itself, or at completeRefund()), encrypted under the merchant
// key, and decrypted by the real provider; and the impersonations it must refuse.

#include "notifyrecorder.h"
#include "refundfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

class tst_WechatRefundNotify : public RefundFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { RefundFixture::init(); }
    void cleanup() { RefundFixture::cleanup(); }

    void staysProcessingUntilCompletedThenNotifies();
    void impersonatedNotificationsAreRefused();
    void trainingDefaultSettlesByItself();
};

void tst_WechatRefundNotify::staysProcessingUntilCompletedThenNotifies()
{
    NotifyRecorder recorder;
    QVERIFY(recorder.start());
    WechatConfig config = secureWechatConfig();
    config.refundNotifyUrl = recorder.url();
    WechatV2Provider provider(config);
    Refunds &refunds = *provider.refunds();
    paidTrade(provider, u"K001"_s, 1000);
    m_gateway->setRefundBehaviour(RefundBehaviour::StaysProcessing);
    const RefundRequest asked = request(u"K001"_s, u"K001R1"_s, 1000, 250);
    QVERIFY(refund(refunds, asked));
    settle();
    settle();
    QCOMPARE((*queryRefund(refunds, asked))->state, RefundState::Processing);
    QCOMPARE(recorder.count(), 0);
    QCOMPARE(m_gateway->refund(u"K001R1"_s)->notifyUrl, recorder.url());

    QVERIFY(m_gateway->completeRefund(u"K001R1"_s));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(), 1, 5000);
    const auto notified =
        refunds.parseRefundNotification(HttpRequest::post(recorder.arrivals.first().body));
    QVERIFY2(notified.ok(), notified.ok() ? "" : qPrintable(notified.error().message));
    QCOMPARE(notified->state, RefundState::Success);
    QCOMPARE(notified->refundNo, u"K001R1"_s);
    QCOMPARE(notified->payNo, u"K001"_s);
    QCOMPARE(notified->amount, Fen(250));
    QCOMPARE(notified->providerRefundId, m_gateway->refund(u"K001R1"_s)->refundId);
    QCOMPARE(notified->refundedAt, m_now);
    // Not signed: only the merchant key's encryption vouches for it.
    QVERIFY(!recorder.fields(0).contains(u"sign"_s));
    QCOMPARE((*queryRefund(refunds, asked))->state, RefundState::Success);

    const Status twice = m_gateway->completeRefund(u"K001R1"_s);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().providerCode, u"SUCCESS"_s);
    QCOMPARE(m_gateway->completeRefund(u"NOSUCH"_s).error().providerCode, u"REFUNDNOTEXIST"_s);
}

void tst_WechatRefundNotify::impersonatedNotificationsAreRefused()
{
    NotifyRecorder recorder;
    QVERIFY(recorder.start());
    WechatConfig config = secureWechatConfig();
    config.refundNotifyUrl = recorder.url();
    WechatV2Provider provider(config);
    paidTrade(provider, u"I001"_s, 1000);
    m_gateway->setNotificationsEnabled(false);
    QVERIFY(refund(*provider.refunds(), request(u"I001"_s, u"I001R1"_s, 1000, 100)));
    const Status early = m_gateway->sendRefundNotification(u"I001R1"_s);
    QVERIFY(!early.ok()); // nothing to tell while it is processing
    settle();
    QVERIFY(queryRefund(*provider.refunds(), request(u"I001"_s, u"I001R1"_s, 1000, 100)));
    QCOMPARE(recorder.count(), 0);

    const auto parsed = [&](RefundNotifyVariant variant) {
        const int before = recorder.count();
        if (!m_gateway->sendRefundNotification(u"I001R1"_s, variant))
            return Result<RefundSnapshot>(Error{ErrorCode::Sandbox, u"not sent"_s});
        if (!QTest::qWaitFor([&] { return recorder.count() > before; }, 5000))
            return Result<RefundSnapshot>(Error{ErrorCode::Timeout, u"not received"_s});
        return provider.parseRefundNotification(HttpRequest::post(recorder.arrivals.last().body));
    };
    const auto genuine = parsed(RefundNotifyVariant::Genuine);
    QVERIFY2(genuine.ok(), genuine.ok() ? "" : qPrintable(genuine.error().message));
    QCOMPARE(genuine->amount, Fen(100));
    const auto wrongKey = parsed(RefundNotifyVariant::WrongKey);
    QVERIFY(!wrongKey.ok());
    QCOMPARE(wrongKey.error().code, ErrorCode::BadSignature);
    const auto otherMerchant = parsed(RefundNotifyVariant::OtherMerchant);
    QVERIFY(!otherMerchant.ok());
    QCOMPARE(otherMerchant.error().code, ErrorCode::WrongMerchant);
    // Genuinely encrypted, so believed as a message: the amount is the till's to compare.
    const auto wrongAmount = parsed(RefundNotifyVariant::WrongAmount);
    QVERIFY(wrongAmount.ok());
    QCOMPARE(wrongAmount->amount, Fen(99));
}

void tst_WechatRefundNotify::trainingDefaultSettlesByItself()
{
    // Training: the gateway's own clock and its default script.
    m_gateway->setClock({});
    m_gateway->setRefundBehaviour(RefundBehaviour::Succeeds);
    NotifyRecorder recorder;
    QVERIFY(recorder.start());
    WechatConfig config = secureWechatConfig();
    config.refundNotifyUrl = recorder.url();
    WechatV2Provider provider(config);
    paidTrade(provider, u"D001"_s, 500);
    QSignalSpy changes(m_gateway.get(), &SandboxGateway::refundChanged);
    const RefundRequest asked = request(u"D001"_s, u"D001R1"_s, 500, 500);
    const auto accepted = refund(*provider.refunds(), asked);
    QVERIFY2(accepted && accepted->ok(), why(accepted).constData());
    QCOMPARE((*accepted)->state, RefundState::Processing);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(), 1, 5000);
    const auto notified =
        provider.parseRefundNotification(HttpRequest::post(recorder.arrivals.first().body));
    QVERIFY(notified.ok());
    QCOMPARE(notified->state, RefundState::Success);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(1).at(1).toString(), u"SUCCESS"_s);
    QCOMPARE(m_gateway->refundedAmount(u"D001"_s), Fen(500));
}

QTEST_MAIN(tst_WechatRefundNotify)
#include "tst_wechatrefundnotify.moc"
