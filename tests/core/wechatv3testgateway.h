#pragma once

// A WeChat Pay API v3 gateway the test scripts, over a real socket, and the shop the
// provider under test belongs to: a merchant key, a WeChat Pay key the test signs replies
// and notifications with, platform certificates made with OpenSSL while the test runs (the
// repository holds no private key), and a clock the test sets.

#include "crypto/rsakey.h"
#include "crypto/securerandom.h"
#include "net/httpmessage.h"
#include "pay/wechatv3/wechatv3config.h"
#include "pay/wechatv3/wechatv3resource.h"
#include "pay/wechatv3/wechatv3signing.h"
#include "util/shopclock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <optional>

namespace shouyin::testing {

// The result a provider call hands its callback, waited for (five seconds at most).
template<typename T, typename Start> std::optional<Result<T>> answerOf(Start start)
{
    std::optional<Result<T>> answer;
    start([&answer](Result<T> result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
        qWarning("the provider never answered");
    return answer;
}

struct SeenRequest
{
    QByteArray method;
    QByteArray target;   // path?query, as sent
    HttpHeaders headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headerValue(headers, lowerCaseName);
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct ScriptedAnswer
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    int delayMs = 0;
};

// Answers each request by its method and path (without the query) with what the test's
// script for it returns; anything unscripted gets an unsigned 404. One request per
// connection.
class ScriptedV3Gateway : public QObject
{
public:
    using Script = std::function<ScriptedAnswer(const SeenRequest &)>;

    ScriptedV3Gateway()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    serve(socket, *buffer);
                });
            }
        });
    }

    bool listening() const { return m_server.isListening(); }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    void on(const QByteArray &method, const QByteArray &path, Script script)
    {
        m_scripts.insert(method + ' ' + path, std::move(script));
    }
    const QList<SeenRequest> &requests() const { return m_requests; }
    qsizetype count(const QByteArray &path) const
    {
        return std::count_if(m_requests.cbegin(), m_requests.cend(), [&path](const auto &seen) {
            return seen.target.split('?').first() == path;
        });
    }
    SeenRequest last() const { return m_requests.isEmpty() ? SeenRequest() : m_requests.last(); }

private:
    void serve(QTcpSocket *socket, QByteArray &buffer)
    {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        SeenRequest seen;
        seen.method = requestLine.value(0);
        seen.target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            seen.headers.append({name, value});
            if (name == "content-length")
                length = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        seen.body = buffer.mid(headEnd + 4, length);
        buffer.clear();
        m_requests.append(seen);
        const Script script = m_scripts.value(seen.method + ' ' + seen.target.split('?').first());
        const ScriptedAnswer answer = script ? script(seen) : ScriptedAnswer{404, {}, {}, 0};
        QByteArray bytes = "HTTP/1.1 " + QByteArray::number(answer.status) + " " +
                           reasonPhrase(answer.status) + "\r\n";
        for (const auto &[name, value] : answer.headers)
            bytes += name + ": " + value + "\r\n";
        if (!answer.body.isEmpty())
            bytes += "Content-Type: application/json\r\n";
        bytes += "Content-Length: " + QByteArray::number(answer.body.size()) +
                 "\r\nConnection: close\r\n\r\n" + answer.body;
        QTimer::singleShot(answer.delayMs, socket, [socket, bytes] {
            socket->write(bytes);
            socket->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    QHash<QByteArray, Script> m_scripts;
    QList<SeenRequest> m_requests;
};

// Who signs a reply or a notification: a key, and the serial the message names.
struct PaySigner
{
    crypto::RsaKey key;
    QByteArray serial;
};

// A platform certificate with a validity of the test's choosing.
struct PlatformCertificate
{
    QByteArray pem;
    crypto::RsaKey key;
    QByteArray serial; // upper-case hex, as WeChat Pay writes it

    PaySigner signer() const { return {key, serial}; }
    QSslCertificate certificate() const { return QSslCertificate(pem, QSsl::Pem); }

    static PlatformCertificate make(const QByteArray &serialHex, const QDateTime &notBefore,
                                    const QDateTime &notAfter)
    {
        PlatformCertificate made;
        std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
        std::unique_ptr<X509, decltype(&X509_free)> x509(X509_new(), X509_free);
        BIGNUM *number = nullptr;
        if (!key || !x509 || BN_hex2bn(&number, serialHex.constData()) == 0)
            return made;
        BN_to_ASN1_INTEGER(number, X509_get_serialNumber(x509.get()));
        BN_free(number);
        X509_set_version(x509.get(), 2);
        ASN1_TIME_set(X509_getm_notBefore(x509.get()), notBefore.toSecsSinceEpoch());
        ASN1_TIME_set(X509_getm_notAfter(x509.get()), notAfter.toSecsSinceEpoch());
        X509_set_pubkey(x509.get(), key.get());
        X509_NAME *name = X509_get_subject_name(x509.get());
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>("Tenpay.com Root CA"),
                                   -1, -1, 0);
        X509_set_issuer_name(x509.get(), name);
        if (X509_sign(x509.get(), key.get(), EVP_sha256()) == 0)
            return made;
        made.pem = write([&](BIO *bio) { return PEM_write_bio_X509(bio, x509.get()); });
        made.key = crypto::RsaKey::fromPrivatePem(write([&](BIO *bio) {
                       return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr,
                                                       nullptr);
                   })).value();
        made.serial = serialHex.toUpper();
        return made;
    }

private:
    template<typename Writer> static QByteArray write(Writer writer)
    {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        if (!bio || writer(bio.get()) != 1)
            return {};
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        return QByteArray(data, size);
    }
};

// The merchant, WeChat Pay's public key and the shop's clock.
struct V3TestShop
{
    static inline const QString kAppId = QStringLiteral("wx8888888888888888");
    static inline const QString kMerchantId = QStringLiteral("1900000109");
    static inline const QString kMerchantSerial =
        QStringLiteral("3775B6A45ACD588826D15E583A95F5DD2C8B1AA1");
    static inline const QByteArray kPayKeyId = "PUB_KEY_ID_0114232100000001";
    static inline const QByteArray kApiV3Key = "a7cde1ef41597f4e1c5dda3c6b3d31e0";

    crypto::RsaKey merchantKey;
    crypto::RsaKey payKey;
    // 10:34:56 in Beijing: never the day the test runs.
    QDateTime now = QDateTime(QDate(2026, 12, 6), QTime(2, 34, 56), Qt::UTC);

    bool generateKeys()
    {
        auto merchant = crypto::RsaKey::generate();
        auto pay = crypto::RsaKey::generate();
        if (!merchant || !pay)
            return false;
        merchantKey = merchant.value();
        payKey = pay.value();
        return true;
    }

    ShopClock clock() const
    {
        return ShopClock(ShopClock::defaultZone(), [this] { return now; });
    }
    PaySigner paySigner() const { return {payKey, kPayKeyId}; }

    // Public-key mode (公钥模式): WeChat Pay signs with the key configured.
    WechatV3Config config(const QUrl &baseUrl) const
    {
        WechatV3Config config;
        config.appId = kAppId;
        config.signing = {kMerchantId, kMerchantSerial, merchantKey};
        config.apiV3Key = kApiV3Key;
        config.payKeys.addPublicKey(QString::fromLatin1(kPayKeyId), payKey.publicKey());
        config.baseUrl = baseUrl;
        config.notifyUrl = QStringLiteral("https://till.example/notify/wechat");
        config.timeoutMs = 3000;
        return config;
    }

    // The four Wechatpay- headers for `body`, signed at the shop's now plus `skewSecs`.
    HttpHeaders signedHeaders(const PaySigner &signer, const QByteArray &body,
                              qint64 skewSecs = 0) const
    {
        wechatv3::SignatureHeaders signature;
        signature.timestamp = QByteArray::number(now.toSecsSinceEpoch() + skewSecs);
        signature.nonce = crypto::randomAlphanumeric(32);
        signature.signature = signer.key.signBase64(
            wechatv3::replyMessage(signature.timestamp, signature.nonce, body));
        signature.serial = signer.serial;
        HttpHeaders headers;
        signature.writeTo(headers);
        headers.append({QByteArray("Request-ID"), QByteArray("08F78BB5AF0610D302A1C8AE")});
        return headers;
    }

    ScriptedAnswer answer(int status, const QJsonObject &json, const PaySigner &signer) const
    {
        const QByteArray body =
            json.isEmpty() ? QByteArray() : QJsonDocument(json).toJson(QJsonDocument::Compact);
        return {status, signedHeaders(signer, body), body, 0};
    }
    ScriptedAnswer answer(int status, const QJsonObject &json) const
    {
        return answer(status, json, paySigner());
    }
    static QJsonObject refusal(const QString &code)
    {
        return {{QStringLiteral("code"), code}, {QStringLiteral("message"), code.toLower()}};
    }

    QJsonObject transaction(const QString &payNo, const QString &state, qint64 total) const
    {
        QJsonObject transaction{
            {QStringLiteral("appid"), kAppId},
            {QStringLiteral("mchid"), kMerchantId},
            {QStringLiteral("out_trade_no"), payNo},
            {QStringLiteral("trade_type"), QStringLiteral("NATIVE")},
            {QStringLiteral("trade_state"), state},
            {QStringLiteral("trade_state_desc"), state},
            {QStringLiteral("amount"),
             QJsonObject{{QStringLiteral("total"), total},
                         {QStringLiteral("payer_total"), total},
                         {QStringLiteral("currency"), QStringLiteral("CNY")},
                         {QStringLiteral("payer_currency"), QStringLiteral("CNY")}}},
            {QStringLiteral("payer"), QJsonObject{{QStringLiteral("openid"), QStringLiteral("o")}}},
        };
        if (state == QStringLiteral("SUCCESS")) {
            transaction.insert(QStringLiteral("transaction_id"),
                               QStringLiteral("4200000001202612061234567890"));
            transaction.insert(QStringLiteral("success_time"),
                               QStringLiteral("2026-12-06T10:35:10+08:00"));
        }
        return transaction;
    }

    // A notification as WeChat Pay POSTs it: `plain` encrypted under `apiV3Key`, signed by
    // `signer` at now plus `skewSecs`.
    HttpRequest notification(const QJsonObject &plain, const QByteArray &originalType,
                             const PaySigner &signer, const QByteArray &apiV3Key = kApiV3Key,
                             qint64 skewSecs = 0) const
    {
        const bool refund = originalType == "refund";
        QJsonObject resource =
            wechatv3::encryptResource(QJsonDocument(plain).toJson(QJsonDocument::Compact), apiV3Key,
                                      crypto::randomAlphanumeric(12), originalType);
        resource.insert(QStringLiteral("original_type"), QString::fromLatin1(originalType));
        const QJsonObject outer{
            {QStringLiteral("id"), QStringLiteral("EV-2018022511223320873")},
            {QStringLiteral("create_time"), QStringLiteral("2026-12-06T10:35:11+08:00")},
            {QStringLiteral("resource_type"), QStringLiteral("encrypt-resource")},
            {QStringLiteral("event_type"),
             refund ? QStringLiteral("REFUND.SUCCESS") : QStringLiteral("TRANSACTION.SUCCESS")},
            {QStringLiteral("summary"), QStringLiteral("ok")},
            {QStringLiteral("resource"), resource},
        };
        HttpRequest request = HttpRequest::post(QJsonDocument(outer).toJson(QJsonDocument::Compact),
                                                "application/json");
        // The listener hands headers on with their names lower-cased.
        for (const auto &[name, value] : signedHeaders(signer, request.body, skewSecs))
            request.headers.append({name.toLower(), value});
        return request;
    }

    // /v3/certificates' answer listing `certificates`, signed by `signer`.
    ScriptedAnswer certificateList(const QList<PlatformCertificate> &certificates,
                                   const PaySigner &signer,
                                   const QByteArray &apiV3Key = kApiV3Key) const
    {
        QJsonArray data;
        for (const PlatformCertificate &certificate : certificates) {
            const QSslCertificate parsed = certificate.certificate();
            data.append(QJsonObject{
                {QStringLiteral("serial_no"), QString::fromLatin1(certificate.serial)},
                {QStringLiteral("effective_time"),
                 parsed.effectiveDate().toOffsetFromUtc(8 * 3600).toString(Qt::ISODate)},
                {QStringLiteral("expire_time"),
                 parsed.expiryDate().toOffsetFromUtc(8 * 3600).toString(Qt::ISODate)},
                {QStringLiteral("encrypt_certificate"),
                 wechatv3::encryptResource(certificate.pem, apiV3Key,
                                           crypto::randomAlphanumeric(12), "certificate")},
            });
        }
        return answer(200, QJsonObject{{QStringLiteral("data"), data}}, signer);
    }
};

} // namespace shouyin::testing
