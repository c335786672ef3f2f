#pragma once

#include "net/gatewayclient.h"
#include "pay/codepayments.h"
#include "pay/paymentprovider.h"
#include "pay/refunds.h"
#include "pay/wechat/wechatconfig.h"

namespace shouyin {

// WeChat Pay API v2, Native (QR) payments: unifiedorder, orderquery, closeorder; payment
// codes: micropay, and secapi/pay/reverse with the merchant's client certificate; and
// refunds: secapi/pay/refund (certificate too), refundquery, the encrypted notification.
// Every response is parsed strictly and its signature verified before it is believed.
class WechatV2Provider : public PaymentProvider, public CodePayments, public Refunds
{
    Q_OBJECT
public:
    // Added to the gateway's five minutes before a close is sent: clocks differ.
    static constexpr std::chrono::seconds kCloseSkewMargin{30};

    explicit WechatV2Provider(WechatConfig config, QObject *parent = nullptr);

    QString name() const override;
    QString api() const override;
    QString appId() const override { return m_config.appId; }
    QString merchantId() const override { return m_config.merchantId; }
    std::chrono::seconds closeNotBefore() const override;

    void createQr(const QrRequest &request, QObject *context, QrCallback done) override;
    void query(const QString &payNo, QObject *context, QueryCallback done) override;
    void close(const QString &payNo, QObject *context, CloseCallback done) override;

    Result<TradeSnapshot> parseNotification(const HttpRequest &request) const override;
    HttpResponse notificationReply(bool accepted, const QString &message) const override;

    CodePayments *codePayments() override { return this; }
    bool ownsCode(QStringView code) const override;
    std::chrono::seconds confirmWindow() const override { return std::chrono::seconds(30); }
    std::chrono::seconds queryInterval() const override { return std::chrono::seconds(5); }
    void chargeByCode(const CodeChargeRequest &request, QObject *context,
                      ChargeCallback done) override;
    void reverse(const QString &payNo, QObject *context, ReverseCallback done) override;

    Refunds *refunds() override { return this; }
    // Accepted is not refunded: a snapshot in Processing, settled by queryRefund() or
    // the notification.
    void refund(const RefundRequest &request, QObject *context, RefundCallback done) override;
    void queryRefund(const RefundRequest &request, QObject *context, RefundCallback done) override;
    // Unsigned: believed because req_info decrypts under the merchant key. Pure, for the
    // listener's threads.
    Result<RefundSnapshot> parseRefundNotification(const HttpRequest &request) const override;

    // The fields common to a verified orderquery reply and a notification.
    static TradeSnapshot snapshotFrom(const Params &message);
    static TradeState stateFrom(const QString &tradeState);

private:
    using ReplyHandler = std::function<void(Result<Params>)>;

    // Secapi calls go to secapiBaseUrl (else baseUrl) and present the client certificate.
    enum class Channel { Api, Secapi };

    Params signedRequest(Params fields) const;
    // POSTs to `path`; the handler gets the verified business message, or an error that
    // already covers transport, return_code, signature and identity failures.
    void call(const QString &path, const Params &fields, QObject *context, ReplyHandler handler,
              Channel channel = Channel::Api);
    enum class Signed { AsRequested, AsItSays }; // a reply; a notification
    // Decodes a signed message from the gateway: return_code, signature and identity.
    Result<Params> decodeSigned(const QByteArray &body, Signed how) const;

    WechatConfig m_config;
    GatewayClient *m_gateway;
    // Qt reuses a kept-alive connection by host and port alone, whatever the request's TLS
    // configuration: the secapi calls keep connections of their own, so that none goes
    // out on a connection opened without the client certificate.
    GatewayClient *m_secapiGateway;
};

} // namespace shouyin
