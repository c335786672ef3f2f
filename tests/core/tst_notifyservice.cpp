#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/wechat/wechatv2provider.h"
#include "rawhttpclient.h"
#include "testdatabase.h"
#include "testledger.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

const QByteArray kKey = "0123456789abcdef0123456789abcdef";
const QByteArray kPath = "/notify/wechat";

WechatConfig merchant()
{
    WechatConfig config;
    config.appId = u"wx2421b1c4370ec43b"_s;
    config.merchantId = u"10000100"_s;
    config.key = kKey;
    // An MD5 merchant takes notifications signed either way; an HMAC-SHA256 one would
    // refuse the MD5-signed ones most of these tests send.
    config.signType = WechatSignType::Md5;
    config.baseUrl = QUrl(u"http://127.0.0.1:9"_s); // never called here
    return config;
}

} // namespace

// The notification endpoint over real loopback sockets, with a real SQLite file behind it.
class TestNotifyService : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<WechatV2Provider> m_provider;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<NotifyService> m_service;
    Payment m_payment;

    Params genuine(const QString &payNo, Fen amount,
                   WechatSignType type = WechatSignType::Md5) const
    {
        Params params{{u"return_code"_s, u"SUCCESS"_s},
                      {u"result_code"_s, u"SUCCESS"_s},
                      {u"appid"_s, u"wx2421b1c4370ec43b"_s},
                      {u"mch_id"_s, u"10000100"_s},
                      {u"nonce_str"_s, u"5K8264ILTKCH16CQ2502SI8ZNMTM67VS"_s},
                      {u"openid"_s, u"oUpF8uMEb4qRXf22hE3X68TekukE"_s},
                      {u"trade_type"_s, u"NATIVE"_s},
                      {u"bank_type"_s, u"CMC"_s},
                      {u"total_fee"_s, QString::number(amount)},
                      {u"cash_fee"_s, QString::number(amount)},
                      {u"fee_type"_s, u"CNY"_s},
                      {u"transaction_id"_s, u"4200000000000000000000000001"_s},
                      {u"out_trade_no"_s, payNo},
                      {u"time_end"_s, u"20261123170000"_s}};
        if (type == WechatSignType::HmacSha256)
            params.insert(u"sign_type"_s, u"HMAC-SHA256"_s);
        params.insert(u"sign"_s, WechatSigner::sign(params, kKey, type));
        return params;
    }

    RawResponse post(const QByteArray &body)
    {
        RawHttpClient client(m_listener->port());
        client.send(RawHttpClient::post(kPath, body));
        return client.read();
    }

    PaymentStatus paymentStatus() const
    {
        return m_ledger->orders->payment(m_payment.payNo)->status;
    }
    int eventCount(const QString &kind) const
    {
        return m_ledger->count(u"SELECT COUNT(*) FROM events WHERE kind = '%1'"_s.arg(kind));
    }

    void expectRefused(const RawResponse &response)
    {
        QCOMPARE(response.status, 200);
        QVERIFY2(response.body.contains("<return_code><![CDATA[FAIL]]></return_code>"),
                 response.body.constData());
        QCOMPARE(paymentStatus(), PaymentStatus::Pending);
        QCOMPARE(m_ledger->orders->order(m_payment.orderId)->status, OrderStatus::AwaitingPayment);
        QCOMPARE(eventCount(u"payment_paid"_s), 0);
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_provider = std::make_unique<WechatV2Provider>(merchant());
        HttpLimits limits;
        limits.readDeadlineMs = 1500;
        limits.maxConnections = 8;
        m_listener = std::make_unique<HttpListener>(limits);
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
        m_service =
            std::make_unique<NotifyService>(*m_ledger->database, *m_ledger->checkout, *m_listener);
        m_service->addProvider(*m_provider);
        const Order order = m_ledger->placeSample();
        m_payment =
            m_ledger->checkout->openPayment(order.id, *m_provider, std::chrono::minutes(10), u"a"_s)
                .value();
        QVERIFY(m_ledger->checkout->recordQrIssued(m_payment.payNo,
                                                   u"weixin://wxpay/bizpayurl?pr=x"_s));
    }

    void genuineNotificationPaysOnce()
    {
        const RawResponse response = post(FlatXml::encode(genuine(m_payment.payNo, 1250)));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("<xml><return_code><![CDATA[SUCCESS]]></return_code>"
                                           "<return_msg><![CDATA[OK]]></return_msg></xml>"));
        QVERIFY(response.headers.contains("Content-Type: text/xml"));
        QCOMPARE(paymentStatus(), PaymentStatus::Success);
        QCOMPARE(m_ledger->orders->payment(m_payment.payNo)->transactionId,
                 u"4200000000000000000000000001"_s);
        QCOMPARE(m_ledger->orders->order(m_payment.orderId)->status, OrderStatus::Paid);
        QCOMPARE(m_ledger->orders->events(m_payment.orderId).last().source, u"notify"_s);
    }

    void hmacSignedNotificationIsAccepted()
    {
        const RawResponse response =
            post(FlatXml::encode(genuine(m_payment.payNo, 1250, WechatSignType::HmacSha256)));
        QVERIFY(response.body.contains("SUCCESS"));
        QCOMPARE(paymentStatus(), PaymentStatus::Success);
    }

    void repeatedTenTimesIsOneTransition()
    {
        QSignalSpy changes(m_ledger->checkout.get(), &Checkout::paymentChanged);
        const QByteArray body = FlatXml::encode(genuine(m_payment.payNo, 1250));
        for (int i = 0; i < 10; ++i)
            QVERIFY(post(body).body.contains("SUCCESS"));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(eventCount(u"payment_paid"_s), 1);
        QCOMPARE(eventCount(u"order_paid"_s), 1);
        QCOMPARE(m_ledger->product(u"6901"_s).stock, 98);
    }

    void wrongSignatureIsRefusedAndAlerted()
    {
        Params forged = genuine(m_payment.payNo, 1250);
        forged[u"sign"_s] =
            WechatSigner::sign(forged, "another-merchant-key-0123456789ab", WechatSignType::Md5);
        expectRefused(post(FlatXml::encode(forged)));
        QCOMPARE(eventCount(u"alert_bad_notification"_s), 1);
    }

    void tamperedAmountAfterSigningIsRefused()
    {
        Params tampered = genuine(m_payment.payNo, 1250);
        tampered[u"total_fee"_s] = u"1"_s;
        expectRefused(post(FlatXml::encode(tampered)));
    }

    void wrongAmountSignedByMerchantIsRefused()
    {
        expectRefused(post(FlatXml::encode(genuine(m_payment.payNo, 1))));
        QCOMPARE(eventCount(u"alert_mismatch"_s), 1);
    }

    void wrongAppIdOrMerchantIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("appid") << u"appid"_s;
        QTest::newRow("mch_id") << u"mch_id"_s;
    }
    void wrongAppIdOrMerchantIsRefused()
    {
        QFETCH(QString, field);
        Params other = genuine(m_payment.payNo, 1250);
        other[field] = u"someone-else"_s;
        other[u"sign"_s] = WechatSigner::sign(other, kKey, WechatSignType::Md5);
        expectRefused(post(FlatXml::encode(other)));
        QCOMPARE(eventCount(u"alert_bad_notification"_s), 1);
    }

    void unknownOrderIsRefused()
    {
        expectRefused(post(FlatXml::encode(genuine(u"T01NOSUCHTRADE"_s, 1250))));
        QCOMPARE(eventCount(u"alert_unknown_payment"_s), 1);
    }

    void notXmlIsRefused() { expectRefused(post("total_fee=1250&out_trade_no=x")); }

    void entityExpansionDocumentIsRefused()
    {
        expectRefused(post("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\">"
                           "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                           "<xml><return_code>&b;</return_code></xml>"));
    }

    void strangersHoldingEverySlotCannotShutOutANotification()
    {
        // Three times the slots: idle sockets, and slow ones trickling their headers.
        const int slots = m_listener->limits().maxConnections;
        QList<std::shared_ptr<RawHttpClient>> held;
        for (int i = 0; i < 3 * slots; ++i) {
            held.append(std::make_shared<RawHttpClient>(m_listener->port()));
            QVERIFY(held.last()->waitConnected());
            if (i % 2)
                held.last()->send("POST /notify/wechat HTTP/1.1\r\nHost: x\r\n");
        }
        QTRY_COMPARE(m_listener->connectionCount(), slots);
        // Connections are adopted, and make room, on the listener's thread, a moment later.
        QTRY_VERIFY(m_listener->evictedCount() >= 2 * slots);
        // Genuine notifications, one after another, each answered while they stay.
        const QByteArray body = FlatXml::encode(genuine(m_payment.payNo, 1250));
        for (int i = 0; i < 5; ++i) {
            held.append(std::make_shared<RawHttpClient>(m_listener->port()));
            QVERIFY(held.last()->waitConnected());
            RawHttpClient genuineClient(m_listener->port());
            genuineClient.send(RawHttpClient::post(kPath, body));
            const RawResponse response = genuineClient.read();
            QCOMPARE(response.status, 200);
            QVERIFY2(response.body.contains("SUCCESS"), response.body.constData());
        }
        QCOMPARE(eventCount(u"payment_paid"_s), 1);
        QCOMPARE(m_listener->refusedCount(), 0);
        held.clear();
        QTRY_COMPARE(m_listener->connectionCount(), 0);
        QVERIFY(post(FlatXml::encode(genuine(m_payment.payNo, 1250))).body.contains("SUCCESS"));
    }

    void keepAliveServesSeveralRequests()
    {
        RawHttpClient client(m_listener->port());
        QVERIFY(client.waitConnected());
        const QByteArray body = FlatXml::encode(genuine(m_payment.payNo, 1250));
        // Two pipelined requests in one write.
        client.send(RawHttpClient::post(kPath, body, true) +
                    RawHttpClient::post(kPath, body, true));
        QVERIFY(client.read().body.contains("SUCCESS"));
        QVERIFY(client.read().body.contains("SUCCESS"));
        QCOMPARE(eventCount(u"payment_paid"_s), 1);
    }

    void aNotificationThatCannotBeStoredIsNotAcknowledged()
    {
        // A full disk, say: the batch does not commit, so the provider must send it again.
        QVERIFY(refuseWrites(*m_ledger->database, u"payments"_s, true));
        const RawResponse refused = post(FlatXml::encode(genuine(m_payment.payNo, 1250)));
        QVERIFY2(refused.body.contains("<return_code><![CDATA[FAIL]]></return_code>"),
                 refused.body.constData());
        QCOMPARE(paymentStatus(), PaymentStatus::Pending);
        QVERIFY(refuseWrites(*m_ledger->database, u"payments"_s, false));
        // The provider's retry is stored and acknowledged.
        QVERIFY(post(FlatXml::encode(genuine(m_payment.payNo, 1250))).body.contains("SUCCESS"));
        QCOMPARE(paymentStatus(), PaymentStatus::Success);
    }

    void aNotificationThatFailsInABatchTakesNoOtherWithIt()
    {
        // A second payment, and a first one whose stored status this program does not
        // know: applying to it fails, while the other in the same batch must be kept.
        const Order order = m_ledger->placeSample();
        const Payment other =
            m_ledger->checkout->openPayment(order.id, *m_provider, std::chrono::minutes(10), u"a"_s)
                .value();
        QSqlQuery garble(m_ledger->database->connection());
        QVERIFY(garble.exec(
            u"UPDATE payments SET status = 'GARBLED' WHERE pay_no = '%1'"_s.arg(m_payment.payNo)));
        RawHttpClient first(m_listener->port());
        RawHttpClient second(m_listener->port());
        QVERIFY(first.waitConnected() && second.waitConnected());
        first.send(RawHttpClient::post(kPath, FlatXml::encode(genuine(m_payment.payNo, 1250))));
        second.send(RawHttpClient::post(kPath, FlatXml::encode(genuine(other.payNo, 1250))));
        // The service's thread (this one) is busy meanwhile: both queue for one batch.
        QThread::msleep(300);
        QVERIFY(first.read().body.contains("<return_code><![CDATA[FAIL]]></return_code>"));
        QVERIFY(second.read().body.contains("<return_code><![CDATA[SUCCESS]]></return_code>"));
        QCOMPARE(m_ledger->orders->payment(other.payNo)->status, PaymentStatus::Success);
        QCOMPARE(eventCount(u"payment_paid"_s), 1);
    }

    void aServiceGoneBeforeItsListenerAnswers503()
    {
        m_service.reset();
        const RawResponse response = post(FlatXml::encode(genuine(m_payment.payNo, 1250)));
        QCOMPARE(response.status, 503);
        QCOMPARE(paymentStatus(), PaymentStatus::Pending);
    }

    void alertsAreRateLimited()
    {
        QSignalSpy handled(m_service.get(), &NotifyService::handled);
        const int sent = NotifyService::kMaxAlertsPerMinute + 20;
        for (int i = 0; i < sent; ++i)
            QCOMPARE(post("junk").status, 200);
        // Each is answered at once on the listener's thread; its alert follows on the
        // service's.
        QTRY_COMPARE(handled.size(), sent);
        QCOMPARE(eventCount(u"alert_bad_notification"_s), NotifyService::kMaxAlertsPerMinute);
    }
};

QTEST_GUILESS_MAIN(TestNotifyService)
#include "tst_notifyservice.moc"
