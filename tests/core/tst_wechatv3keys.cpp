// What WeChat Pay signs with, as WechatV3Provider learns and uses it: payment
// notifications checked like replies, and platform certificates downloaded, rotated and
// expired.

#include "pay/wechatv3/wechatv3provider.h"
#include "wechatv3testgateway.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

const QDateTime kYearStart(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
const QDateTime kFiveYearsOn(QDate(2031, 1, 1), QTime(0, 0), Qt::UTC);

} // namespace

class TestWechatV3Keys : public QObject
{
    Q_OBJECT

    V3TestShop m_shop;
    crypto::RsaKey m_strangerKey;
    PlatformCertificate m_current; // valid all through the tests
    PlatformCertificate m_next;    // what WeChat Pay rotates to
    PlatformCertificate m_expired; // until the day before the shop's now
    std::unique_ptr<ScriptedV3Gateway> m_gateway;
    QList<PlatformCertificate> m_listed; // what /v3/certificates lists
    PaySigner m_listSigner;              // and who signs the list

    std::unique_ptr<WechatV3Provider> provider(WechatV3Config config)
    {
        return std::make_unique<WechatV3Provider>(config, m_shop.clock());
    }

    // Certificate mode: no key configured, every one downloaded.
    WechatV3Config downloadingConfig() const
    {
        WechatV3Config config = m_shop.config(m_gateway->baseUrl());
        config.payKeys = {};
        config.downloadCertificates = true;
        return config;
    }

    // A provider that has made its download at start.
    std::unique_ptr<WechatV3Provider> downloadingProvider()
    {
        auto wechat = provider(downloadingConfig());
        QSignalSpy refreshed(wechat.get(), &WechatV3Provider::certificatesRefreshed);
        if (!refreshed.wait(5000))
            qWarning("no download at start");
        return wechat;
    }

    void answerQueriesSignedBy(const PaySigner &signer)
    {
        m_gateway->on(
            "GET", "/v3/pay/transactions/out-trade-no/T1X", [this, signer](const SeenRequest &) {
                return m_shop.answer(200, m_shop.transaction(u"T1X"_s, u"NOTPAY"_s, 100), signer);
            });
    }

    std::optional<Result<TradeSnapshot>> query(WechatV3Provider &wechat)
    {
        return answerOf<TradeSnapshot>([&](auto done) { wechat.query(u"T1X"_s, this, done); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_shop.generateKeys());
        auto stranger = crypto::RsaKey::generate();
        QVERIFY(stranger);
        m_strangerKey = stranger.value();
        m_current = PlatformCertificate::make("5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
                                              kYearStart, kFiveYearsOn);
        m_next = PlatformCertificate::make("7132D72A03E93CDDF8C03BBD1F37EEDF204A8B8E", kYearStart,
                                           kFiveYearsOn);
        m_expired =
            PlatformCertificate::make("0FD7C0E8D7A5E4C3B2A1908F7E6D5C4B3A291807", kYearStart,
                                      QDateTime(QDate(2026, 12, 5), QTime(0, 0), Qt::UTC));
        QVERIFY(!m_current.pem.isEmpty() && !m_next.pem.isEmpty() && !m_expired.pem.isEmpty());
    }

    void init()
    {
        m_shop.now = QDateTime(QDate(2026, 12, 6), QTime(2, 34, 56), Qt::UTC);
        m_gateway = std::make_unique<ScriptedV3Gateway>();
        QVERIFY(m_gateway->listening());
        m_listed = {m_current};
        m_listSigner = m_current.signer();
        m_gateway->on("GET", "/v3/certificates", [this](const SeenRequest &) {
            return m_shop.certificateList(m_listed, m_listSigner);
        });
    }

    void paymentNotifications_data()
    {
        QTest::addColumn<QString>("field"); // set to another merchant's
        QTest::addColumn<int>("signer");    // 0 WeChat Pay, 1 a stranger, 2 an unknown serial
        QTest::addColumn<qint64>("skewSecs");
        QTest::addColumn<QByteArray>("apiV3Key");
        QTest::addColumn<int>("error"); // -1: believed
        const QByteArray key = V3TestShop::kApiV3Key;
        const int badSignature = int(ErrorCode::BadSignature);
        const int wrongMerchant = int(ErrorCode::WrongMerchant);
        QTest::newRow("genuine") << QString() << 0 << qint64(0) << key << -1;
        QTest::newRow("forged") << QString() << 1 << qint64(0) << key << badSignature;
        QTest::newRow("unknown serial") << QString() << 2 << qint64(0) << key << badSignature;
        QTest::newRow("5 min old") << QString() << 0 << qint64(-300) << key << badSignature;
        QTest::newRow("5 min ahead") << QString() << 0 << qint64(300) << key << badSignature;
        QTest::newRow("another API v3 key")
            << QString() << 0 << qint64(0) << QByteArray("0123456789abcdef0123456789abcdef")
            << badSignature;
        QTest::newRow("another app") << u"appid"_s << 0 << qint64(0) << key << wrongMerchant;
        QTest::newRow("another merchant") << u"mchid"_s << 0 << qint64(0) << key << wrongMerchant;
    }
    void paymentNotifications()
    {
        QFETCH(QString, field);
        QFETCH(int, signer);
        QFETCH(qint64, skewSecs);
        QFETCH(QByteArray, apiV3Key);
        QFETCH(int, error);
        auto wechat = provider(m_shop.config(m_gateway->baseUrl()));
        QJsonObject transaction = m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100);
        if (!field.isEmpty())
            transaction.insert(field, u"wx0000000000000000"_s);
        const PaySigner signers[] = {m_shop.paySigner(),
                                     {m_strangerKey, V3TestShop::kPayKeyId},
                                     {m_shop.payKey, "PUB_KEY_ID_0114232100000099"}};
        const auto snapshot = wechat->parseNotification(
            m_shop.notification(transaction, "transaction", signers[signer], apiV3Key, skewSecs));
        QCOMPARE(snapshot.ok(), error < 0);
        if (error >= 0) {
            QCOMPARE(int(snapshot.error().code), error);
            return;
        }
        QCOMPARE(snapshot->payNo, u"T1X"_s);
        QCOMPARE(snapshot->state, TradeState::Success);
        QCOMPARE(snapshot->amount, Fen(100));
        QCOMPARE(snapshot->transactionId, u"4200000001202612061234567890"_s);
        QCOMPARE(snapshot->paidAt, QDateTime(QDate(2026, 12, 6), QTime(2, 35, 10), Qt::UTC));
    }

    void aRefundNotificationIsNoPayment()
    {
        auto wechat = provider(m_shop.config(m_gateway->baseUrl()));
        const auto snapshot = wechat->parseNotification(m_shop.notification(
            m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100), "refund", m_shop.paySigner()));
        QVERIFY(!snapshot);
        QCOMPARE(snapshot.error().code, ErrorCode::BadResponse);
    }

    void theNotificationIsAnsweredAsWechatPayExpects()
    {
        auto wechat = provider(m_shop.config(m_gateway->baseUrl()));
        const HttpResponse accepted = wechat->notificationReply(true, u"OK"_s);
        QCOMPARE(accepted.status, 204);
        QVERIFY(accepted.body.isEmpty());
        const HttpResponse refused = wechat->notificationReply(false, u"not now"_s);
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.header("content-type").startsWith("application/json"));
        QCOMPARE(QJsonDocument::fromJson(refused.body).object(),
                 QJsonObject({{u"code"_s, u"FAIL"_s}, {u"message"_s, u"not now"_s}}));
    }

    void certificatesAreDownloadedAtStart()
    {
        auto wechat = provider(downloadingConfig());
        QSignalSpy refreshed(wechat.get(), &WechatV3Provider::certificatesRefreshed);
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(refreshed.first().first().toStringList(),
                 QStringList{QString::fromLatin1(m_current.serial)});
        QVERIFY(wechat->payKeys().knows(QString::fromLatin1(m_current.serial)));
        QCOMPARE(m_gateway->count("/v3/certificates"), 1);
        const SeenRequest seen = m_gateway->last();
        QCOMPARE(seen.method, QByteArray("GET"));
        auto authorization = wechatv3::parseAuthorization(seen.header("authorization"));
        QVERIFY(authorization);
        QVERIFY(m_shop.merchantKey.publicKey().verifyBase64(
            wechatv3::requestMessage("GET", "/v3/certificates", authorization->timestamp,
                                     authorization->nonce, {}),
            authorization->signature));

        answerQueriesSignedBy(m_current.signer());
        const auto answer = query(*wechat);
        QVERIFY(answer && *answer);
        QCOMPARE(m_gateway->count("/v3/certificates"), 1);
    }

    void aRotatedCertificateIsDownloadedOnceThenBelieved()
    {
        auto wechat = downloadingProvider();
        m_listed = {m_current, m_next};
        answerQueriesSignedBy(m_next.signer());
        QSignalSpy refreshed(wechat.get(), &WechatV3Provider::certificatesRefreshed);
        const auto answer = query(*wechat);
        QVERIFY(answer && *answer);
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(m_gateway->count("/v3/certificates"), 2);
        // Known now: the next reply needs no download.
        QVERIFY(query(*wechat).value());
        QCOMPARE(m_gateway->count("/v3/certificates"), 2);
        // A notification signed with it is believed too.
        QVERIFY(wechat->parseNotification(m_shop.notification(
            m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100), "transaction", m_next.signer())));
    }

    void repliesArrivingTogetherShareOneDownload()
    {
        auto wechat = downloadingProvider();
        m_listed = {m_current, m_next};
        m_gateway->on("GET", "/v3/certificates", [this](const SeenRequest &) {
            ScriptedAnswer slow = m_shop.certificateList(m_listed, m_listSigner);
            slow.delayMs = 300;
            return slow;
        });
        answerQueriesSignedBy(m_next.signer());
        std::optional<Result<TradeSnapshot>> first, second, third;
        wechat->query(u"T1X"_s, this, [&first](Result<TradeSnapshot> r) { first = r; });
        wechat->query(u"T1X"_s, this, [&second](Result<TradeSnapshot> r) { second = r; });
        wechat->query(u"T1X"_s, this, [&third](Result<TradeSnapshot> r) { third = r; });
        QTRY_VERIFY_WITH_TIMEOUT(first && second && third, 5000);
        QVERIFY(*first && *second && *third);
        QCOMPARE(m_gateway->count("/v3/certificates"), 2);
    }

    void aSerialNoDownloadBringsStaysRefusedWithoutAStorm()
    {
        auto wechat = downloadingProvider();
        answerQueriesSignedBy({m_strangerKey, "7A2B1C0D9E8F7A6B5C4D3E2F1A0B9C8D7E6F5A4B"});
        const auto answer = query(*wechat);
        QVERIFY(answer && !*answer);
        QCOMPARE(answer->error().code, ErrorCode::BadSignature);
        QCOMPARE(m_gateway->count("/v3/certificates"), 2);
        // Forged notifications with serials of their own cause no download either.
        for (int i = 0; i < 5; ++i)
            QVERIFY(!wechat->parseNotification(m_shop.notification(
                m_shop.transaction(u"T1X"_s, u"SUCCESS"_s, 100), "transaction",
                {m_strangerKey, QByteArray::number(0x5A0000 + i, 16).toUpper()})));
        QVERIFY(query(*wechat).value().ok() == false);
        QTest::qWait(200);
        QCOMPARE(m_gateway->count("/v3/certificates"), 2);
        // A minute on, a serial not known is worth another look.
        m_shop.now = m_shop.now.addSecs(61);
        QVERIFY(!query(*wechat).value());
        QCOMPARE(m_gateway->count("/v3/certificates"), 3);
    }

    void anExpiredCertificateIsNotBelieved()
    {
        m_listed = {m_current, m_expired};
        auto wechat = downloadingProvider();
        QVERIFY(wechat->payKeys().knows(QString::fromLatin1(m_expired.serial)));
        answerQueriesSignedBy(m_expired.signer());
        const auto answer = query(*wechat);
        QVERIFY(answer && !*answer);
        QCOMPARE(answer->error().code, ErrorCode::BadSignature);
        // It is known: no download makes it valid again.
        QCOMPARE(m_gateway->count("/v3/certificates"), 1);
    }

    void aCertificateIsBelievedOnlyWithinItsValidity()
    {
        WechatV3Config config = m_shop.config(m_gateway->baseUrl());
        config.payKeys = {};
        QVERIFY(config.payKeys.addCertificate(m_current.certificate()));
        auto wechat = provider(config);
        answerQueriesSignedBy(m_current.signer());
        QVERIFY(query(*wechat).value());
        m_shop.now = kFiveYearsOn.addSecs(1);
        QCOMPARE(query(*wechat).value().error().code, ErrorCode::BadSignature);
        m_shop.now = kYearStart.addSecs(-1);
        QCOMPARE(query(*wechat).value().error().code, ErrorCode::BadSignature);
    }

    void aListThatCannotBeBelievedChangesNothing_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("signed by a stranger") << 0;
        QTest::newRow("signed by an expired certificate") << 1;
        QTest::newRow("under another API v3 key") << 2;
        QTest::newRow("a certificate under another serial") << 3;
    }
    void aListThatCannotBeBelievedChangesNothing()
    {
        QFETCH(int, fault);
        auto wechat = downloadingProvider();
        m_listed = {m_current, m_next};
        switch (fault) {
        case 0:
            m_listSigner = {m_strangerKey, m_next.serial};
            break;
        case 1:
            m_listed = {m_expired, m_next};
            m_listSigner = m_expired.signer();
            break;
        case 2:
            m_gateway->on("GET", "/v3/certificates", [this](const SeenRequest &) {
                return m_shop.certificateList(m_listed, m_listSigner,
                                              "0123456789abcdef0123456789abcdef");
            });
            break;
        default: {
            PlatformCertificate renamed = m_next;
            renamed.serial = "7132D72A03E93CDDF8C03BBD1F37EEDF204A8B8F";
            m_listed = {m_current, renamed};
        }
        }
        QSignalSpy failed(wechat.get(), &WechatV3Provider::certificateRefreshFailed);
        std::optional<Status> status;
        wechat->refreshCertificates([&status](Status s) { status = s; });
        QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 5000);
        QVERIFY(!*status);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(wechat->payKeys().serials(), QStringList{QString::fromLatin1(m_current.serial)});
    }

    void publicKeyModeHasNoCertificatesToDownload()
    {
        WechatV3Config config = m_shop.config(m_gateway->baseUrl());
        config.downloadCertificates = true;
        m_gateway->on("GET", "/v3/certificates", [this](const SeenRequest &) {
            return m_shop.answer(404, V3TestShop::refusal(u"NOT_FOUND"_s));
        });
        auto wechat = provider(config);
        QSignalSpy refreshed(wechat.get(), &WechatV3Provider::certificatesRefreshed);
        QSignalSpy failed(wechat.get(), &WechatV3Provider::certificateRefreshFailed);
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(wechat->payKeys().serials(),
                 QStringList{QString::fromLatin1(V3TestShop::kPayKeyId)});
        answerQueriesSignedBy(m_shop.paySigner());
        QVERIFY(query(*wechat).value());
    }

    void certificatesAreDownloadedAgainEveryInterval()
    {
        WechatV3Config config = downloadingConfig();
        config.certificateRefresh = std::chrono::milliseconds(150);
        auto wechat = provider(config);
        QTRY_VERIFY_WITH_TIMEOUT(m_gateway->count("/v3/certificates") >= 3, 5000);
        // A download drops what the list no longer holds, and adds what it newly does.
        m_listed = {m_next};
        m_listSigner = m_next.signer();
        QTRY_COMPARE_WITH_TIMEOUT(wechat->payKeys().serials(),
                                  QStringList{QString::fromLatin1(m_next.serial)}, 5000);
    }
};

QTEST_GUILESS_MAIN(TestWechatV3Keys)
#include "tst_wechatv3keys.moc"
