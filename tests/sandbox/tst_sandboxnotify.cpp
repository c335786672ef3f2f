// The sandbox's payment notifications, seen from a merchant endpoint over real loopback
// sockets: what is sent, when it is retried, when it is given up, and the variants.

#include "notifyrecorder.h"
#include "pay/wechat/wechattime.h"
#include "sandbox/sandboxnotifier.h"
#include "sandboxtestfixture.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_SandboxNotify : public SandboxTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void genuineArrivesOnceSigned_data();
    void genuineArrivesOnceSigned();
    void everyWayToPayNotifies();
    void disabledSendsNothing();
    void unacknowledgedIsRetriedOnSchedule_data();
    void unacknowledgedIsRetriedOnSchedule();
    void listenerDownAtFirst();
    void silentListenerTimesOut();
    void givesUpAfterLastRetry();
    void duplicate();
    void wrongSignature();
    void wrongAmount();
    void outOfOrder();
    void onlyPaidTradesAreNotified();
    void timeScale();

private:
    // Creates a trade whose notify_url is the recorder; false on any failure.
    bool openTrade(const QString &outTradeNo, Fen totalFee = 1250,
                   WechatSignType type = WechatSignType::Md5, const QString &attach = {});
    // Pays with notifications off, so that a test sends exactly what it asks for.
    bool paySilently(const QString &outTradeNo);

    std::unique_ptr<NotifyRecorder> m_recorder;
};

void tst_SandboxNotify::init()
{
    m_recorder = std::make_unique<NotifyRecorder>();
    QVERIFY(m_recorder->start());
    startGateway();
    m_gateway->setNotifyTimeScale(0.001);
}

void tst_SandboxNotify::cleanup()
{
    stopGateway(); // first: it aborts what it still has in flight to the recorder
    m_recorder.reset();
}

bool tst_SandboxNotify::openTrade(const QString &outTradeNo, Fen totalFee, WechatSignType type,
                                  const QString &attach)
{
    Params fields = orderFields(outTradeNo, totalFee);
    fields.insert(u"notify_url"_s, m_recorder->url());
    if (!attach.isEmpty())
        fields.insert(u"attach"_s, attach);
    const auto reply = call(u"/pay/unifiedorder"_s, fields, type);
    return reply && reply->value(u"result_code"_s) == u"SUCCESS";
}

bool tst_SandboxNotify::paySilently(const QString &outTradeNo)
{
    m_gateway->setNotificationsEnabled(false);
    const bool paid = m_gateway->pay(outTradeNo).ok();
    m_gateway->setNotificationsEnabled(true);
    return paid && m_gateway->notificationsSent(outTradeNo) == 0;
}

void tst_SandboxNotify::genuineArrivesOnceSigned_data()
{
    QTest::addColumn<WechatSignType>("signType");
    QTest::addRow("MD5") << WechatSignType::Md5;
    QTest::addRow("HMAC-SHA256") << WechatSignType::HmacSha256;
}

void tst_SandboxNotify::genuineArrivesOnceSigned()
{
    QFETCH(WechatSignType, signType);
    QVERIFY(openTrade(u"N001"_s, 1250, signType, u"till 3"_s));
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);
    QVERIFY(m_gateway->pay(u"N001"_s));

    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWaitMs);
    QCOMPARE(delivered.first(), QVariantList({u"N001"_s, true, 1}));
    QVERIFY(m_gateway->notificationAcknowledged(u"N001"_s));
    QVERIFY(!m_gateway->notificationPending(u"N001"_s));
    QCOMPARE(m_gateway->notificationsSent(u"N001"_s), 1);
    QCOMPARE(m_recorder->count(), 1);

    const NotifyRecorder::Arrival &arrival = m_recorder->arrivals.first();
    QVERIFY2(arrival.contentType.startsWith("text/xml"), arrival.contentType.constData());
    QVERIFY(!arrival.body.contains(m_merchant.key));
    const Params message = m_recorder->fields(0);
    QVERIFY(WechatSigner::verify(message, m_merchant.key));
    QCOMPARE(WechatSigner::signTypeOf(message), signType);
    QCOMPARE(message.contains(u"sign_type"_s), signType == WechatSignType::HmacSha256);
    QCOMPARE(message.value(u"sign"_s).size(), signType == WechatSignType::Md5 ? 32 : 64);

    const SandboxTrade trade = *m_gateway->trade(u"N001"_s);
    const Params expected{
        {u"return_code"_s, u"SUCCESS"_s},
        {u"result_code"_s, u"SUCCESS"_s},
        {u"appid"_s, m_merchant.appId},
        {u"mch_id"_s, m_merchant.merchantId},
        {u"openid"_s, trade.openId},
        {u"trade_type"_s, u"NATIVE"_s},
        {u"bank_type"_s, trade.bankType},
        {u"total_fee"_s, u"1250"_s},
        {u"cash_fee"_s, u"1250"_s},
        {u"fee_type"_s, u"CNY"_s},
        {u"transaction_id"_s, trade.transactionId},
        {u"out_trade_no"_s, u"N001"_s},
        {u"attach"_s, u"till 3"_s},
        {u"time_end"_s, wechattime::format(trade.paidAt)},
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(message.value(it.key()), it.value());
    QVERIFY(!message.value(u"nonce_str"_s).isEmpty());
    QVERIFY(!trade.openId.isEmpty() && !trade.transactionId.isEmpty());
    QCOMPARE(wechattime::parse(message.value(u"time_end"_s)), trade.paidAt);
    QCOMPARE(message.size(), expected.size() + (signType == WechatSignType::Md5 ? 2 : 3));
}

void tst_SandboxNotify::everyWayToPayNotifies()
{
    QVERIFY(openTrade(u"N010"_s));
    QVERIFY(openTrade(u"N011"_s));
    QVERIFY(m_gateway->payCodeUrl(m_gateway->trade(u"N010"_s)->codeUrl));
    QCOMPARE(customerPay(u"out_trade_no"_s, u"N011"_s).status, 200);
    m_gateway->setAutoPayDelay(10ms);
    QVERIFY(openTrade(u"N012"_s));
    for (const QString &no : {u"N010"_s, u"N011"_s, u"N012"_s}) {
        QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(no), kWaitMs);
        QCOMPARE(m_gateway->notificationsSent(no), 1);
    }
    QCOMPARE(m_recorder->count(), 3);
}

void tst_SandboxNotify::disabledSendsNothing()
{
    QVERIFY(openTrade(u"N020"_s));
    QVERIFY(openTrade(u"N021"_s));
    m_gateway->setNotificationsEnabled(false);
    QVERIFY(!m_gateway->notificationsEnabled());
    QVERIFY(m_gateway->pay(u"N020"_s));
    QCOMPARE(m_gateway->notificationsSent(u"N020"_s), 0);
    QVERIFY(!m_gateway->notificationPending(u"N020"_s));

    // A fence: a later notification arrives alone.
    m_gateway->setNotificationsEnabled(true);
    QVERIFY(m_gateway->pay(u"N021"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"N021"_s), kWaitMs);
    QCOMPARE(m_recorder->count(), 1);
    QCOMPARE(m_recorder->fields(0).value(u"out_trade_no"_s), u"N021"_s);
}

void tst_SandboxNotify::unacknowledgedIsRetriedOnSchedule_data()
{
    QTest::addColumn<NotifyRecorder::Answer>("answer");
    QTest::addRow("FAIL") << NotifyRecorder::Answer::Fail;
    QTest::addRow("HTTP 500") << NotifyRecorder::Answer::Http500;
    QTest::addRow("not XML") << NotifyRecorder::Answer::NotXml;
    QTest::addRow("no return_code") << NotifyRecorder::Answer::NoReturnCode;
}

void tst_SandboxNotify::unacknowledgedIsRetriedOnSchedule()
{
    QFETCH(NotifyRecorder::Answer, answer);
    m_gateway->setNotifyTimeScale(0.002); // 30 ms, 30 ms, 60 ms, 360 ms
    m_recorder->script({answer, answer, answer, answer});
    QVERIFY(openTrade(u"N030"_s));
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);
    QVERIFY(m_gateway->pay(u"N030"_s));

    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"N030"_s), kWaitMs);
    QCOMPARE(m_recorder->count(), 5);
    QCOMPARE(m_gateway->notificationsSent(u"N030"_s), 5);
    QCOMPARE(delivered.count(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(delivered.at(i), QVariantList({u"N030"_s, i == 4, i + 1}));
    // Each retry waits at least its (compressed) slot of the official schedule.
    const qint64 minimumGapMs[] = {30, 30, 60, 360};
    for (int i = 0; i < 4; ++i) {
        const qint64 gap = m_recorder->arrivals.at(i + 1).atMs - m_recorder->arrivals.at(i).atMs;
        QVERIFY2(gap >= minimumGapMs[i], qPrintable(u"retry %1 after %2 ms"_s.arg(i + 1).arg(gap)));
        QCOMPARE(m_recorder->arrivals.at(i + 1).body, m_recorder->arrivals.at(0).body);
    }
    QVERIFY(!m_gateway->notificationPending(u"N030"_s));
}

void tst_SandboxNotify::listenerDownAtFirst()
{
    QVERIFY(openTrade(u"N040"_s));
    const quint16 port = m_recorder->port();
    m_recorder->stop();
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);
    QVERIFY(m_gateway->pay(u"N040"_s));

    // Connection refused, twice: 15 ms then 15 ms later it is still down.
    QTRY_VERIFY_WITH_TIMEOUT(delivered.count() >= 2, kWaitMs);
    QVERIFY(!m_gateway->notificationAcknowledged(u"N040"_s));
    QVERIFY(m_gateway->notificationPending(u"N040"_s));
    QVERIFY(m_recorder->start(port));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"N040"_s), kWaitMs);
    QCOMPARE(m_recorder->count(), 1);
    QVERIFY(m_gateway->notificationsSent(u"N040"_s) >= 3);
    QVERIFY(WechatSigner::verify(m_recorder->fields(0), m_merchant.key));
}

void tst_SandboxNotify::silentListenerTimesOut()
{
    m_recorder->script({NotifyRecorder::Answer::Silence});
    QVERIFY(openTrade(u"N050"_s));
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);
    QVERIFY(m_gateway->pay(u"N050"_s));

    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 2, kWaitMs);
    QCOMPARE(delivered.at(0), QVariantList({u"N050"_s, false, 1}));
    QCOMPARE(delivered.at(1), QVariantList({u"N050"_s, true, 2}));
    QCOMPARE(m_recorder->count(), 2);
    // The first POST was abandoned after the 5 s answer time, which is never compressed.
    // Its clock starts a moment before it arrives, hence the small margin.
    const qint64 gap = m_recorder->arrivals.at(1).atMs - m_recorder->arrivals.at(0).atMs;
    QVERIFY2(gap >= SandboxNotifier::kTimeout.count() - 50, qPrintable(QString::number(gap)));
}

void tst_SandboxNotify::givesUpAfterLastRetry()
{
    m_gateway->setNotifyTimeScale(0.00001); // the whole 24 h schedule in under a second
    m_recorder->script({}, NotifyRecorder::Answer::Fail);
    QVERIFY(openTrade(u"N060"_s));
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);
    QSignalSpy abandoned(m_gateway.get(), &SandboxGateway::notificationAbandoned);
    QVERIFY(m_gateway->pay(u"N060"_s));

    QTRY_COMPARE_WITH_TIMEOUT(abandoned.count(), 1, kWaitMs);
    QCOMPARE(abandoned.first(), QVariantList({u"N060"_s, 16}));
    // The first POST and the 15 retries of the official schedule, then nothing.
    QCOMPARE(m_gateway->notificationsSent(u"N060"_s), 16);
    QCOMPARE(m_recorder->count(), 16);
    QCOMPARE(delivered.count(), 16);
    QCOMPARE(delivered.last(), QVariantList({u"N060"_s, false, 16}));
    QVERIFY(!m_gateway->notificationPending(u"N060"_s));
    QVERIFY(!m_gateway->notificationAcknowledged(u"N060"_s));

    // Asked again, it starts a new delivery of its own.
    QVERIFY(m_gateway->sendNotification(u"N060"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->notificationsSent(u"N060"_s), 17, kWaitMs);
}

void tst_SandboxNotify::duplicate()
{
    QVERIFY(openTrade(u"N070"_s));
    QVERIFY(paySilently(u"N070"_s));
    QSignalSpy delivered(m_gateway.get(), &SandboxGateway::notificationDelivered);
    QVERIFY(m_gateway->sendNotification(u"N070"_s, NotifyVariant::Duplicate));
    QCOMPARE(m_gateway->notificationsSent(u"N070"_s), 2); // both on their way at once

    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 2, kWaitMs);
    QCOMPARE(m_recorder->count(), 2);
    QCOMPARE(m_recorder->arrivals.at(0).body, m_recorder->arrivals.at(1).body);
    QVERIFY(WechatSigner::verify(m_recorder->fields(0), m_merchant.key));
    QCOMPARE(m_recorder->fields(0).value(u"result_code"_s), u"SUCCESS"_s);
}

void tst_SandboxNotify::wrongSignature()
{
    for (const auto type : {WechatSignType::Md5, WechatSignType::HmacSha256}) {
        const QString no = type == WechatSignType::Md5 ? u"N080"_s : u"N081"_s;
        QVERIFY(openTrade(no, 1250, type));
        QVERIFY(paySilently(no));
        QVERIFY(m_gateway->sendNotification(no, NotifyVariant::WrongSignature));
        QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(no), kWaitMs);
    }
    for (int i = 0; i < 2; ++i) {
        const Params message = m_recorder->fields(i);
        QVERIFY(!WechatSigner::verify(message, m_merchant.key));
        QCOMPARE(message.value(u"sign"_s).size(), i == 0 ? 32 : 64);
        QCOMPARE(message.value(u"result_code"_s), u"SUCCESS"_s);
        QCOMPARE(message.value(u"total_fee"_s), u"1250"_s);
        QCOMPARE(message.value(u"transaction_id"_s),
                 m_gateway->trade(message.value(u"out_trade_no"_s))->transactionId);
    }
}

void tst_SandboxNotify::wrongAmount()
{
    QVERIFY(openTrade(u"N090"_s, 1250));
    QVERIFY(openTrade(u"N091"_s, 1));
    for (const QString &no : {u"N090"_s, u"N091"_s}) {
        QVERIFY(paySilently(no));
        QVERIFY(m_gateway->sendNotification(no, NotifyVariant::WrongAmount));
        QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(no), kWaitMs);
    }
    QCOMPARE(m_recorder->fields(0).value(u"total_fee"_s), u"1249"_s);
    QCOMPARE(m_recorder->fields(0).value(u"cash_fee"_s), u"1249"_s);
    QCOMPARE(m_recorder->fields(1).value(u"total_fee"_s), u"2"_s); // never zero fen
    QVERIFY(WechatSigner::verify(m_recorder->fields(0), m_merchant.key));
    QVERIFY(WechatSigner::verify(m_recorder->fields(1), m_merchant.key));
}

void tst_SandboxNotify::outOfOrder()
{
    QVERIFY(openTrade(u"N100"_s, 1250, WechatSignType::HmacSha256));
    QVERIFY(m_gateway->pay(u"N100"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"N100"_s), kWaitMs);
    QVERIFY(m_gateway->sendNotification(u"N100"_s, NotifyVariant::OutOfOrder));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->count(), 2, kWaitMs);

    const Params paid = m_recorder->fields(0);
    const Params stale = m_recorder->fields(1);
    QCOMPARE(paid.value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(stale.value(u"result_code"_s), u"FAIL"_s);
    QVERIFY(!stale.value(u"err_code"_s).isEmpty());
    QVERIFY(WechatSigner::verify(stale, m_merchant.key));
    QCOMPARE(stale.value(u"sign_type"_s), u"HMAC-SHA256"_s);
    QCOMPARE(stale.value(u"out_trade_no"_s), u"N100"_s);
    QCOMPARE(stale.value(u"total_fee"_s), u"1250"_s);
    QVERIFY(!stale.contains(u"transaction_id"_s));
    QCOMPARE(m_gateway->trade(u"N100"_s)->state, u"SUCCESS"_s); // the sandbox's truth stays
}

void tst_SandboxNotify::onlyPaidTradesAreNotified()
{
    QCOMPARE(m_gateway->sendNotification(u"N999"_s).error().name(), u"ORDERNOTEXIST"_s);
    QVERIFY(openTrade(u"N110"_s));
    QCOMPARE(m_gateway->sendNotification(u"N110"_s).error().name(), u"ORDERNOTPAID"_s);

    // A notify_url the gateway cannot POST to is refused, not tried.
    Params fields = orderFields(u"N111"_s);
    fields.insert(u"notify_url"_s, u"ftp://pos.example.com/notify"_s);
    QCOMPARE(call(u"/pay/unifiedorder"_s, fields)->value(u"result_code"_s), u"SUCCESS"_s);
    QVERIFY(paySilently(u"N111"_s));
    QCOMPARE(m_gateway->sendNotification(u"N111"_s).error().name(), u"INVALID_NOTIFY_URL"_s);
    QCOMPARE(m_gateway->notificationsSent(u"N111"_s), 0);
}

void tst_SandboxNotify::timeScale()
{
    SandboxNotifier notifier;
    QCOMPARE(notifier.retryDelay(1), std::chrono::milliseconds(15s));
    QCOMPARE(notifier.retryDelay(4), std::chrono::milliseconds(3min));
    QCOMPARE(notifier.retryDelay(15), std::chrono::milliseconds(6h));
    std::chrono::seconds total{};
    for (const auto wait : SandboxNotifier::kRetrySchedule)
        total += wait;
    QCOMPARE(total, 24h + 4min); // "about 24 hours"

    QVERIFY(notifier.setTimeScale(0.001));
    QCOMPARE(notifier.retryDelay(1), 15ms);
    QCOMPARE(notifier.retryDelay(15), 21600ms);
    QVERIFY(notifier.setTimeScale(1e-9));
    QCOMPARE(notifier.retryDelay(1), 1ms); // never a busy loop

    for (const double refused : {0.0, -1.0, 2.0, std::numeric_limits<double>::quiet_NaN()}) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"notify time scale .* refused"_s));
        QVERIFY(!notifier.setTimeScale(refused));
    }
    QCOMPARE(notifier.timeScale(), 1e-9);
}

QTEST_GUILESS_MAIN(tst_SandboxNotify)
#include "tst_sandboxnotify.moc"
