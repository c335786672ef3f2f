#pragma once

// A fixture for the WeChat Pay API v3 side of the sandbox: a gateway on a loopback port on
// a fixed clock, a client that knows nothing but the v3 wire (it signs requests with the
// training credentials and reads replies raw), and a notify_url that records what the
// sandbox POSTs, headers and all.

#include "crypto/rsakey.h"
#include "crypto/securerandom.h"
#include "notify/httplistener.h"
#include "pay/wechat/wechatsigner.h"
#include "pay/wechatv3/wechatpaykeys.h"
#include "pay/wechatv3/wechatv3resource.h"
#include "pay/wechatv3/wechatv3signing.h"
#include "sandbox/sandboxgateway.h"
#include "xml/flatxml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// Every reply and notification the sandbox signs must verify with what a till holds.
#define QVERIFY_SIGNED(reply)                                                                      \
    do {                                                                                           \
        const QByteArray problem = signatureProblem(reply);                                        \
        QVERIFY2(problem.isEmpty(), problem.constData());                                          \
    } while (false)

namespace shouyin {

struct V3Reply
{
    bool finished = false;
    int status = 0;
    QByteArray body;
    HttpHeaders headers; // names lower-cased

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
    wechatv3::SignatureHeaders signature() const
    {
        return wechatv3::SignatureHeaders::from(headers);
    }
};

// How a request is signed; the default is the way a correct till signs it.
struct V3Signing
{
    bool authorize = true;
    qint64 skewSecs = 0;    // the timestamp's distance from the gateway's clock
    QString merchantId;     // empty: the credentials'
    QString serialNo;       // empty: the credentials'
    bool otherBody = false; // signs a body other than the one sent
};

// A merchant's v3 notification endpoint: records every POST on the test's thread and
// answers with the next scripted status (204 when the script is over).
class V3NotifyListener
{
public:
    static constexpr char kPath[] = "/notify/wechatv3";

    bool start()
    {
        m_listener = std::make_unique<HttpListener>();
        m_listener->route(kPath, [this](const HttpRequest &request, HttpListener::Reply reply) {
            QMetaObject::invokeMethod(
                &m_testThread, [this, request, reply] { handle(request, reply); },
                Qt::QueuedConnection);
        });
        return m_listener->listen(QHostAddress::LocalHost, 0);
    }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1%2")
            .arg(m_listener->port())
            .arg(QLatin1StringView(kPath));
    }
    void script(QList<int> statuses) { m_script = std::move(statuses); }
    bool waitFor(int count)
    {
        return QTest::qWaitFor([this, count] { return arrivals.size() >= count; }, 15000);
    }

    QList<HttpRequest> arrivals;

private:
    void handle(const HttpRequest &request, const HttpListener::Reply &reply)
    {
        arrivals.append(request);
        const int status = m_script.isEmpty() ? 204 : m_script.takeFirst();
        if (status == 204)
            return reply(HttpResponse(204, {}, {}));
        return reply(HttpResponse(status, "application/json",
                                  R"({"code":"FAIL","message":"scripted refusal"})"));
    }

    QObject m_testThread; // before the listener, which therefore stops posting first
    std::unique_ptr<HttpListener> m_listener;
    QList<int> m_script;
};

class WechatV3Fixture : public QObject
{
protected:
    static constexpr int kWaitMs = 15000;

    // Never today: a Beijing morning, 2025-03-14 10:34:56 +08:00.
    static QDateTime fixedNow()
    {
        return QDateTime::fromString(QStringLiteral("2025-03-14T02:34:56Z"), Qt::ISODate);
    }

    void startGateway()
    {
        m_now = fixedNow();
        m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        m_gateway->setClock([this] { return m_now; });
        QVERIFY(m_gateway->listen() != 0);
        m_credentials = m_gateway->wechatV3TrainingCredentials();
        auto key = crypto::RsaKey::fromPrivatePem(m_credentials.merchantPrivateKeyPem);
        QVERIFY(key.ok());
        m_signing = {m_credentials.merchantId, m_credentials.merchantSerialNo, key.value()};
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void stopGateway()
    {
        m_network.reset();
        m_gateway.reset();
    }

    // What a till configured with the training credentials and `certificates` believes.
    WechatPayKeys payKeys(const QList<QSslCertificate> &certificates = {}) const
    {
        WechatPayKeys keys;
        keys.addPublicKey(m_credentials.payPublicKeyId,
                          crypto::RsaKey::fromPublicPem(m_credentials.payPublicKeyPem).value());
        for (const QSslCertificate &certificate : certificates)
            (void)keys.addCertificate(certificate);
        return keys;
    }

    // Why the reply is not WeChat Pay's (by the keys a till holds: the public key and
    // every listed certificate); empty when it is.
    QByteArray signatureProblem(const V3Reply &reply) const
    {
        const Status verified =
            payKeys(m_gateway->wechatV3Certificates()).verify(reply.signature(), reply.body, m_now);
        return verified ? QByteArray() : verified.error().message.toUtf8();
    }

    V3Reply call(const QByteArray &method, const QString &pathAndQuery,
                 const QJsonObject &json = {}, const V3Signing &how = {})
    {
        const QByteArray body =
            method == "GET" ? QByteArray() : QJsonDocument(json).toJson(QJsonDocument::Compact);
        QUrl url = m_gateway->baseUrl();
        const qsizetype question = pathAndQuery.indexOf(u'?');
        url.setPath(pathAndQuery.left(question));
        if (question >= 0)
            url.setQuery(pathAndQuery.mid(question + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/json");
        if (method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QStringLiteral("application/json"));
        if (how.authorize) {
            wechatv3::MerchantSigningKey key = m_signing;
            if (!how.merchantId.isEmpty())
                key.merchantId = how.merchantId;
            if (!how.serialNo.isEmpty())
                key.serialNo = how.serialNo;
            const QByteArray target =
                url.path(QUrl::FullyEncoded).toUtf8() +
                (url.hasQuery() ? '?' + url.query(QUrl::FullyEncoded).toUtf8() : QByteArray());
            request.setRawHeader("Authorization",
                                 wechatv3::authorization(key, method, target,
                                                         how.otherBody ? body + ' ' : body,
                                                         m_now.toSecsSinceEpoch() + how.skewSecs,
                                                         crypto::randomAlphanumeric(32)));
        }
        QNetworkReply *reply =
            method == "GET" ? m_network->get(request) : m_network->post(request, body);
        return waitFor(reply);
    }

    V3Reply get(const QString &pathAndQuery, const V3Signing &how = {})
    {
        return call("GET", pathAndQuery, {}, how);
    }
    V3Reply post(const QString &path, const QJsonObject &json, const V3Signing &how = {})
    {
        return call("POST", path, json, how);
    }

    static V3Reply waitFor(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(kWaitMs);
        }
        V3Reply result;
        result.finished = reply->isFinished();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            result.headers.append({name.toLower(), value});
        if (!result.finished)
            reply->abort();
        reply->deleteLater();
        return result;
    }

    QJsonObject nativeOrder(
        const QString &outTradeNo, Fen total = 100,
        const QString &notifyUrl = QStringLiteral("https://pos.example.com/notify/wechatv3")) const
    {
        return {
            {QStringLiteral("appid"), m_credentials.appId},
            {QStringLiteral("mchid"), m_credentials.merchantId},
            {QStringLiteral("description"), QStringLiteral("收银测试-Test")},
            {QStringLiteral("out_trade_no"), outTradeNo},
            {QStringLiteral("time_expire"), QStringLiteral("2025-03-14T11:34:56+08:00")},
            {QStringLiteral("notify_url"), notifyUrl},
            {QStringLiteral("amount"),
             QJsonObject{{QStringLiteral("total"), total},
                         {QStringLiteral("currency"), QStringLiteral("CNY")}}},
        };
    }

    QString queryPath(const QString &outTradeNo) const
    {
        return QStringLiteral("/v3/pay/transactions/out-trade-no/%1?mchid=%2")
            .arg(outTradeNo, m_credentials.merchantId);
    }

    QJsonObject query(const QString &outTradeNo) { return get(queryPath(outTradeNo)).json(); }

    // A paid v3 trade; notifications off unless `notifyUrl` is given.
    bool paidTrade(const QString &outTradeNo, Fen total = 100, const QString &notifyUrl = {})
    {
        m_gateway->setNotificationsEnabled(!notifyUrl.isEmpty());
        const QJsonObject order = notifyUrl.isEmpty() ? nativeOrder(outTradeNo, total)
                                                      : nativeOrder(outTradeNo, total, notifyUrl);
        return post(SandboxWechatV3Protocol::kNativePath, order).status == 200 &&
               m_gateway->pay(outTradeNo).ok();
    }

    QJsonObject codepayBody(const QString &outTradeNo, const QString &authCode,
                            Fen total = 100) const
    {
        return {
            {QStringLiteral("appid"), m_credentials.appId},
            {QStringLiteral("mchid"), m_credentials.merchantId},
            {QStringLiteral("description"), QStringLiteral("收银测试-付款码")},
            {QStringLiteral("out_trade_no"), outTradeNo},
            {QStringLiteral("payer"), QJsonObject{{QStringLiteral("auth_code"), authCode}}},
            {QStringLiteral("amount"),
             QJsonObject{{QStringLiteral("total"), total},
                         {QStringLiteral("currency"), QStringLiteral("CNY")}}},
            {QStringLiteral("scene_info"),
             QJsonObject{{QStringLiteral("device_ip"), QStringLiteral("127.0.0.1")},
                         {QStringLiteral("store_info"),
                          QJsonObject{{QStringLiteral("out_id"), QStringLiteral("S01")}}}}},
        };
    }

    // A v2 unifiedorder, signed as a v2 till does; true when it succeeded.
    bool createV2Trade(const QString &outTradeNo, const QString &notifyUrl)
    {
        const SandboxMerchant &merchant = m_gateway->merchant();
        Params fields{
            {QStringLiteral("appid"), merchant.appId},
            {QStringLiteral("mch_id"), merchant.merchantId},
            {QStringLiteral("nonce_str"), QStringLiteral("v2nonce")},
            {QStringLiteral("body"), QStringLiteral("v2")},
            {QStringLiteral("out_trade_no"), outTradeNo},
            {QStringLiteral("total_fee"), QStringLiteral("100")},
            {QStringLiteral("spbill_create_ip"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("notify_url"), notifyUrl},
            {QStringLiteral("trade_type"), QStringLiteral("NATIVE")},
            {QStringLiteral("product_id"), outTradeNo},
        };
        fields.insert(QStringLiteral("sign"),
                      WechatSigner::sign(fields, merchant.key, WechatSignType::Md5));
        QUrl url = m_gateway->baseUrl();
        url.setPath(QStringLiteral("/pay/unifiedorder"));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/xml"));
        const V3Reply reply = waitFor(m_network->post(request, FlatXml::encode(fields)));
        const auto decoded = FlatXml::decode(reply.body);
        return decoded && decoded->value(QStringLiteral("result_code")) == u"SUCCESS";
    }

    // The decrypted resource of a notification the listener received.
    QJsonObject resourceOf(const HttpRequest &request) const
    {
        const QJsonObject event = QJsonDocument::fromJson(request.body).object();
        const auto plain = wechatv3::decryptResource(
            event.value(QStringLiteral("resource")).toObject(), m_credentials.apiV3Key);
        return plain ? QJsonDocument::fromJson(plain.value()).object() : QJsonObject();
    }

    Status verifyNotification(const HttpRequest &request, const QDateTime &at) const
    {
        return payKeys(m_gateway->wechatV3Certificates())
            .verify(wechatv3::SignatureHeaders::from(request.headers), request.body, at);
    }

    // GET /v3/certificates, decrypted: the certificates it lists.
    QList<QSslCertificate> downloadCertificates(V3Reply *replyOut = nullptr)
    {
        const V3Reply reply = get(SandboxWechatV3Protocol::kCertificatesPath);
        if (replyOut)
            *replyOut = reply;
        QList<QSslCertificate> certificates;
        for (const QJsonValue &entry : reply.json().value(QStringLiteral("data")).toArray()) {
            const QJsonObject encrypted =
                entry.toObject().value(QStringLiteral("encrypt_certificate")).toObject();
            const auto pem = wechatv3::decryptResource(encrypted, m_credentials.apiV3Key);
            if (pem && encrypted.value(QStringLiteral("associated_data")) ==
                           QStringLiteral("certificate")) {
                const QSslCertificate certificate(pem.value(), QSsl::Pem);
                // The listed serial is the certificate's own.
                if (wechatv3::normalizedSerial(QString::fromLatin1(certificate.serialNumber())) ==
                    entry.toObject().value(QStringLiteral("serial_no")).toString())
                    certificates.append(certificate);
            }
        }
        return certificates;
    }

    QDateTime m_now;
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
    SandboxWechatV3Credentials m_credentials;
    wechatv3::MerchantSigningKey m_signing;
};

} // namespace shouyin
