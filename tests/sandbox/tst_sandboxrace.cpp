// The sandbox's payment-versus-close race faults, over real loopback HTTP: on the wire,
// and through the production WeChat provider.

#include "notifyrecorder.h"
#include "pay/wechat/wechattime.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandboxtestfixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shouyin;

class tst_SandboxRace : public SandboxTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void payDuringCloseAnswersOrderPaid();
    void payDuringCloseIgnoresExpiry();
    void payAfterCloseClosesThenPays();
    void raceFaultsLeaveOtherTradesAlone();
    void providerSeesTheRaces();

private:
    bool openTrade(const QString &outTradeNo, Params extra = {});
    Result<Params> closeOrder(const QString &outTradeNo)
    {
        return call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, outTradeNo}});
    }
    QString state(const QString &outTradeNo) const { return m_gateway->trade(outTradeNo)->state; }

    std::unique_ptr<NotifyRecorder> m_recorder;
};

void tst_SandboxRace::init()
{
    m_recorder = std::make_unique<NotifyRecorder>();
    QVERIFY(m_recorder->start());
    startGateway();
    m_gateway->setNotifyTimeScale(0.001);
}

void tst_SandboxRace::cleanup()
{
    stopGateway();
    m_recorder.reset();
}

bool tst_SandboxRace::openTrade(const QString &outTradeNo, Params extra)
{
    Params fields = orderFields(outTradeNo, 990);
    fields.insert(u"notify_url"_s, m_recorder->url());
    fields.insert(extra);
    const auto reply = call(u"/pay/unifiedorder"_s, fields);
    return reply && reply->value(u"result_code"_s) == u"SUCCESS";
}

void tst_SandboxRace::payDuringCloseAnswersOrderPaid()
{
    QVERIFY(openTrade(u"R001"_s));
    QVERIFY(openTrade(u"R002"_s));
    QSignalSpy changed(m_gateway.get(), &SandboxGateway::tradeChanged);
    m_gateway->injectFault(SandboxWechatProtocol::kCloseOrderPath, SandboxFault::PayDuringClose);

    const auto reply = closeOrder(u"R001"_s);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"return_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply->value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply->value(u"err_code"_s), u"ORDERPAID"_s);
    QVERIFY(WechatSigner::verify(*reply, m_merchant.key));
    QCOMPARE(state(u"R001"_s), u"SUCCESS"_s);
    QVERIFY(!m_gateway->trade(u"R001"_s)->transactionId.isEmpty());
    QCOMPARE(changed.count(), 1); // NOTPAY -> SUCCESS, once
    QCOMPARE(changed.first(), QVariantList({u"R001"_s, u"SUCCESS"_s}));

    const auto query = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"R001"_s}});
    QVERIFY(query);
    QCOMPARE(query->value(u"trade_state"_s), u"SUCCESS"_s);

    // The payment is notified like any other.
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"R001"_s), kWaitMs);
    QCOMPARE(m_recorder->count(), 1);
    QCOMPARE(m_recorder->fields(0).value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(m_recorder->fields(0).value(u"transaction_id"_s),
             m_gateway->trade(u"R001"_s)->transactionId);

    // Spent: the next close is an ordinary one.
    QCOMPARE(closeOrder(u"R002"_s)->value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(state(u"R002"_s), u"CLOSED"_s);
}

void tst_SandboxRace::payDuringCloseIgnoresExpiry()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(openTrade(u"R010"_s, {{u"time_start"_s, wechattime::format(now.addSecs(-180))},
                                  {u"time_expire"_s, wechattime::format(now.addSecs(-60))}}));
    QCOMPARE(m_gateway->pay(u"R010"_s).error().name(), QString(sandboxError::kOrderExpired));

    // time_expire is not always enforced: the payment still lands at the close.
    m_gateway->injectFault(SandboxWechatProtocol::kCloseOrderPath, SandboxFault::PayDuringClose);
    QCOMPARE(closeOrder(u"R010"_s)->value(u"err_code"_s), u"ORDERPAID"_s);
    QCOMPARE(state(u"R010"_s), u"SUCCESS"_s);
}

void tst_SandboxRace::payAfterCloseClosesThenPays()
{
    QVERIFY(openTrade(u"R020"_s));
    QElapsedTimer clock;
    QList<std::pair<QString, qint64>> changes; // state, ms after the close was sent
    connect(m_gateway.get(), &SandboxGateway::tradeChanged, this,
            [&](const QString &, const QString &state) {
                changes.append({state, clock.elapsed()});
            });
    constexpr auto kLater = 200ms;
    m_gateway->injectFault(SandboxWechatProtocol::kCloseOrderPath, SandboxFault::PayAfterClose, 1,
                           kLater);

    clock.start();
    const auto reply = closeOrder(u"R020"_s);
    QVERIFY(reply);
    QCOMPARE(reply->value(u"result_code"_s), u"SUCCESS"_s); // the close said CLOSED

    QTRY_COMPARE_WITH_TIMEOUT(changes.size(), 2, kWaitMs);
    QCOMPARE(changes.at(0).first, u"CLOSED"_s);
    QCOMPARE(changes.at(1).first, u"SUCCESS"_s);
    QVERIFY2(changes.at(1).second >= kLater.count(),
             qPrintable(QString::number(changes.at(1).second)));

    const auto query = call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"R020"_s}});
    QCOMPARE(query->value(u"trade_state"_s), u"SUCCESS"_s);
    QCOMPARE(query->value(u"transaction_id"_s), m_gateway->trade(u"R020"_s)->transactionId);
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"R020"_s), kWaitMs);
    QCOMPARE(m_recorder->count(), 1);
    const Params notification = m_recorder->fields(0);
    QCOMPARE(notification.value(u"result_code"_s), u"SUCCESS"_s);
    QCOMPARE(notification.value(u"out_trade_no"_s), u"R020"_s);
    QVERIFY(WechatSigner::verify(notification, m_merchant.key));

    // Paid now, for everyone: the customer cannot pay twice, nor can it be closed.
    QCOMPARE(m_gateway->pay(u"R020"_s).error().name(), u"ORDERPAID"_s);
    QCOMPARE(closeOrder(u"R020"_s)->value(u"err_code"_s), u"ORDERPAID"_s);
}

void tst_SandboxRace::raceFaultsLeaveOtherTradesAlone()
{
    QVERIFY(openTrade(u"R030"_s));
    QVERIFY(openTrade(u"R031"_s));
    QVERIFY(openTrade(u"R032"_s));
    QCOMPARE(closeOrder(u"R030"_s)->value(u"result_code"_s), u"SUCCESS"_s);
    QVERIFY(m_gateway->pay(u"R031"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"R031"_s), kWaitMs);

    // A closed trade stays closed, a paid one stays paid, and each fault is spent.
    m_gateway->injectFault(SandboxWechatProtocol::kCloseOrderPath, SandboxFault::PayDuringClose);
    QCOMPARE(closeOrder(u"R030"_s)->value(u"err_code"_s), u"ORDERCLOSED"_s);
    QCOMPARE(state(u"R030"_s), u"CLOSED"_s);
    m_gateway->injectFault(SandboxWechatProtocol::kCloseOrderPath, SandboxFault::PayAfterClose, 1,
                           1ms);
    QCOMPARE(closeOrder(u"R031"_s)->value(u"err_code"_s), u"ORDERPAID"_s);
    QCOMPARE(closeOrder(u"R032"_s)->value(u"result_code"_s), u"SUCCESS"_s);

    // Only the /pay/closeorder path knows the race: a query with the fault is a query.
    m_gateway->injectFault(SandboxWechatProtocol::kOrderQueryPath, SandboxFault::PayDuringClose);
    QCOMPARE(call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, u"R032"_s}})->value(u"trade_state"_s),
             u"CLOSED"_s);

    // A fence for the 1 ms PayAfterClose that must not have fired: a later notification
    // arrives, and the closed trades were never paid or notified.
    QVERIFY(openTrade(u"R033"_s));
    QVERIFY(m_gateway->pay(u"R033"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"R033"_s), kWaitMs);
    QCOMPARE(state(u"R030"_s), u"CLOSED"_s);
    QCOMPARE(state(u"R032"_s), u"CLOSED"_s);
    QCOMPARE(m_gateway->notificationsSent(u"R030"_s), 0);
    QCOMPARE(m_gateway->notificationsSent(u"R032"_s), 0);
    QCOMPARE(m_gateway->notificationsSent(u"R031"_s), 1);
}

void tst_SandboxRace::providerSeesTheRaces()
{
    WechatConfig config;
    config.appId = m_merchant.appId;
    config.merchantId = m_merchant.merchantId;
    config.key = m_merchant.key;
    config.baseUrl = m_gateway->baseUrl();
    config.notifyUrl = m_recorder->url();
    WechatV2Provider provider(config);
    const auto await = [](auto start) {
        std::optional<Result<CloseResult>> result;
        start([&result](Result<CloseResult> value) { result.emplace(std::move(value)); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, kWaitMs))
            result.reset();
        return result;
    };
    const QDateTime now = QDateTime::currentDateTime();
    for (const QString &no : {u"R040"_s, u"R041"_s}) {
        std::optional<Result<QrTicket>> ticket;
        provider.createQr({no, 990, u"race"_s, now, now.addSecs(600)}, this,
                          [&ticket](Result<QrTicket> value) { ticket.emplace(std::move(value)); });
        QTRY_VERIFY_WITH_TIMEOUT(ticket && ticket->ok(), kWaitMs);
    }

    m_gateway->injectFault(SandboxWechatProtocol::kCloseOrderPath, SandboxFault::PayDuringClose);
    auto during = await([&](auto done) { provider.close(u"R040"_s, this, done); });
    QVERIFY(during && during->ok());
    QCOMPARE(during->value(), CloseResult::AlreadyPaid);

    m_gateway->injectFault(SandboxWechatProtocol::kCloseOrderPath, SandboxFault::PayAfterClose, 1,
                           50ms);
    auto after = await([&](auto done) { provider.close(u"R041"_s, this, done); });
    QVERIFY(after && after->ok());
    QCOMPARE(after->value(), CloseResult::Closed);
    // The trap: the close said closed, and yet the money arrives.
    QTRY_COMPARE_WITH_TIMEOUT(state(u"R041"_s), u"SUCCESS"_s, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->notificationAcknowledged(u"R040"_s) &&
                                 m_gateway->notificationAcknowledged(u"R041"_s),
                             kWaitMs);
}

QTEST_GUILESS_MAIN(tst_SandboxRace)
#include "tst_sandboxrace.moc"
