#pragma once

#include "net/gatewayclient.h"
#include "pay/codepayments.h"
#include "pay/paymentprovider.h"
#include "pay/refunds.h"
#include "pay/wechatv3/wechatv3config.h"
#include "util/shopclock.h"

#include <QJsonObject>
#include <QMutex>
#include <QTimer>

#include <memory>
#include <optional>

namespace shouyin {

// WeChat Pay API v3: Native (QR) payments, query by out-trade-no, close; payment codes
// (codepay, reverse); refunds (domestic/refunds and its query); payment and refund
// notifications. Every request is signed WECHATPAY2-SHA256-RSA2048 with the merchant's
// key; every reply and notification is believed only once its Wechatpay-Signature checks
// out with the key its Wechatpay-Serial names (see WechatPayKeys) and its timestamp is
// within five minutes of the shop's clock.
//
// Its name() is "wechat", like the v2 provider's, and its api() "v3": a payment remembers
// the api it started with, so that a v2 trade is queried, closed and refunded through v2
// for its whole life even after the shop moves to v3.
class WechatV3Provider : public PaymentProvider, public CodePayments, public Refunds
{
    Q_OBJECT
public:
    // Requests are stamped, and replies judged, by `clock`.
    explicit WechatV3Provider(WechatV3Config config, ShopClock clock = ShopClock(),
                              QObject *parent = nullptr);
    ~WechatV3Provider() override;

    QString name() const override;
    QString api() const override;
    QString appId() const override { return m_config.appId; }
    QString merchantId() const override { return m_config.merchantId(); }
    std::chrono::seconds closeNotBefore() const override;

    void createQr(const QrRequest &request, QObject *context, QrCallback done) override;
    void query(const QString &payNo, QObject *context, QueryCallback done) override;
    void close(const QString &payNo, QObject *context, CloseCallback done) override;

    // Verified by its headers and decrypted; pure apart from reading the current keys,
    // for the listener's threads.
    Result<TradeSnapshot> parseNotification(const HttpRequest &request) const override;
    // 204 when accepted; otherwise 400 (500 for our own failures is left to the caller)
    // with a JSON {code: "FAIL", message}, which WeChat Pay retries.
    HttpResponse notificationReply(bool accepted, const QString &message) const override;

    CodePayments *codePayments() override { return this; }
    bool ownsCode(QStringView code) const override;
    std::chrono::seconds confirmWindow() const override { return std::chrono::seconds(30); }
    std::chrono::seconds queryInterval() const override { return std::chrono::seconds(5); }
    void chargeByCode(const CodeChargeRequest &request, QObject *context,
                      ChargeCallback done) override;
    void reverse(const QString &payNo, QObject *context, ReverseCallback done) override;

    Refunds *refunds() override { return this; }
    void refund(const RefundRequest &request, QObject *context, RefundCallback done) override;
    void queryRefund(const RefundRequest &request, QObject *context, RefundCallback done) override;
    Result<RefundSnapshot> parseRefundNotification(const HttpRequest &request) const override;

    // Downloads /v3/certificates now (when the config asks for them); `done` may be empty.
    void refreshCertificates(std::function<void(Status)> done = {});
    // The keys replies and notifications are verified with, as of now.
    WechatPayKeys payKeys() const;

    // The fields of a v3 transaction (a query's reply, a decrypted notification).
    static TradeSnapshot snapshotFrom(const QJsonObject &transaction);
    // v3's refund words: SUCCESS, CLOSED, PROCESSING, ABNORMAL.
    static RefundSnapshot refundSnapshotFrom(const QJsonObject &refund);

Q_SIGNALS:
    // After each download: the serials now known, or why it failed.
    void certificatesRefreshed(const QStringList &serials);
    void certificateRefreshFailed(const QString &message);

private:
    // The private half lives in wechatv3provider.cpp, wechatv3codepay.cpp,
    // wechatv3refunds.cpp and wechatv3certificates.cpp.

    // A 2xx reply whose signature checked out: its status and JSON (empty for 204).
    struct Reply
    {
        int status = 0;
        QJsonObject json;
    };
    using ReplyHandler = std::function<void(Result<Reply>)>;
    // Signs and sends; the handler gets a verified 2xx reply, or an error that already
    // covers transport, signature (after one certificate refresh for a serial not yet
    // known) and the gateway's refusals. A GET sends no body.
    void call(const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body,
              QObject *context, ReplyHandler handler);
    // Signs and sends `body`; the reply as it came, unverified.
    void send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
              QObject *context, GatewayClient::Done done);
    // Whether the reply is signed by WeChat Pay, as of now.
    Status verifyReply(const GatewayReply &reply) const;
    // The verified reply's meaning: its JSON, or the refusal it carries.
    static Result<Reply> readReply(const GatewayReply &reply, const Status &signature);

    // A notification's decrypted resource, once its signature checked out and its
    // resource is `originalType` ("transaction", "refund").
    Result<QJsonObject> openNotification(const HttpRequest &request,
                                         QLatin1StringView originalType) const;
    // A transaction (a query's reply, a codepay's, a notification's) checked for this
    // merchant and for well-formed fields before anything in it counts.
    Result<TradeSnapshot> believedTransaction(const QJsonObject &transaction) const;

    // Amounts are integer fen; anything else (a fraction, a string, a negative) is none.
    static std::optional<Fen> fenFrom(const QJsonValue &value);
    // RFC 3339 in Beijing time, as WeChat Pay writes it; and back from any offset (UTC,
    // invalid when it is not RFC 3339 with an offset).
    static QString beijingTime(const QDateTime &at);
    static QDateTime fromRfc3339(const QString &text);
    static QString pathSegment(const QString &value);

    // Certificates (wechatv3certificates.cpp).
    void startCertificateRefresh();
    // Whether a reply or notification naming `serial` is worth a download now: the
    // config downloads, the serial is not known, and no download was started for a
    // serial in the last kUnknownSerialSpacing (forged notifications cannot cause a
    // storm of them).
    bool refreshWorthwhileFor(const QByteArray &serial) const;
    void refreshForSerial(std::function<void(Status)> done);
    Result<QStringList> installCertificates(const GatewayReply &reply);
    void finishRefresh(const Result<QStringList> &outcome);

    static constexpr std::chrono::minutes kUnknownSerialSpacing{1};
    // v3's description is at most 127 bytes of UTF-8.
    static constexpr qsizetype kMaxDescriptionBytes = 127;

    WechatV3Config m_config;
    ShopClock m_clock;
    GatewayClient *m_gateway;
    mutable QMutex m_keysMutex;
    WechatPayKeys m_keys; // guarded by m_keysMutex
    QTimer *m_refreshTimer = nullptr;
    // One download at a time: who waits for the one under way.
    bool m_refreshing = false;
    QList<std::function<void(Status)>> m_refreshWaiters;
    QDateTime m_lastSerialRefresh; // by m_clock
};

} // namespace shouyin
