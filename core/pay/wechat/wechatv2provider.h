#pragma once

#include "net/gatewayclient.h"
#include "pay/paymentprovider.h"
#include "pay/wechat/wechatconfig.h"

namespace shouyin {

// WeChat Pay API v2, Native (QR) payments: unifiedorder, orderquery, closeorder.
// Every response is parsed strictly and its signature verified before it is believed.
class WechatV2Provider : public PaymentProvider
{
    Q_OBJECT
public:
    // Added to the gateway's five minutes before a close is sent: clocks differ.
    static constexpr std::chrono::seconds kCloseSkewMargin{30};

    explicit WechatV2Provider(WechatConfig config, QObject *parent = nullptr);

    QString name() const override;
    QString appId() const override { return m_config.appId; }
    QString merchantId() const override { return m_config.merchantId; }
    std::chrono::seconds closeNotBefore() const override;

    void createQr(const QrRequest &request, QObject *context, QrCallback done) override;
    void query(const QString &payNo, QObject *context, QueryCallback done) override;
    void close(const QString &payNo, QObject *context, CloseCallback done) override;

    Result<TradeSnapshot> parseNotification(const HttpRequest &request) const override;
    HttpResponse notificationReply(bool accepted, const QString &message) const override;

    // The fields common to a verified orderquery reply and a notification.
    static TradeSnapshot snapshotFrom(const Params &message);
    static TradeState stateFrom(const QString &tradeState);

private:
    using ReplyHandler = std::function<void(Result<Params>)>;

    Params signedRequest(Params fields) const;
    // POSTs to `path`; the handler gets the verified business message, or an error that
    // already covers transport, return_code, signature and identity failures.
    void call(const QString &path, const Params &fields, QObject *context, ReplyHandler handler);
    enum class Signed { AsRequested, AsItSays }; // a reply; a notification
    // Decodes a signed message from the gateway: return_code, signature and identity.
    Result<Params> decodeSigned(const QByteArray &body, Signed how) const;

    WechatConfig m_config;
    GatewayClient *m_gateway;
};

} // namespace shouyin
