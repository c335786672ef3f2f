#pragma once

#include "net/gatewayclient.h"
#include "pay/alipay/alipayconfig.h"
#include "pay/paymentprovider.h"
#include "util/shopclock.h"
#include "xml/flatxml.h"

#include <QJsonObject>

namespace shouyin {

// Alipay open API, face-to-face QR payments: alipay.trade.precreate, .query and .close,
// RSA2-signed requests, and replies and notifications believed only after their
// signature verifies with the Alipay public key.
class AlipayProvider : public PaymentProvider
{
    Q_OBJECT
public:
    static inline const QString kName = QStringLiteral("alipay");

    // Requests are stamped with `clock`'s time (the gateway refuses stale ones).
    explicit AlipayProvider(AlipayConfig config, ShopClock clock = ShopClock(),
                            QObject *parent = nullptr);

    QString name() const override { return kName; }
    QString appId() const override { return m_config.appId; }
    // The seller (partner) id when configured, else the app id: Alipay has one identity
    // per app where WeChat has two.
    QString merchantId() const override;
    std::chrono::seconds closeNotBefore() const override { return std::chrono::seconds(0); }

    void createQr(const QrRequest &request, QObject *context, QrCallback done) override;
    void query(const QString &payNo, QObject *context, QueryCallback done) override;
    void close(const QString &payNo, QObject *context, CloseCallback done) override;

    Result<TradeSnapshot> parseNotification(const HttpRequest &request) const override;
    HttpResponse notificationReply(bool accepted, const QString &message) const override;

    static TradeState stateFrom(const QString &tradeStatus);

private:
    using ReplyHandler = std::function<void(Result<QJsonObject>)>;

    // The signed form of a call: common parameters, biz_content and sign.
    Params signedRequest(const QString &method, const QJsonObject &bizContent) const;
    // POSTs `method`; the handler gets the verified business object (code 10000), or an
    // error covering transport, signature and business failures (sub_code as the code).
    void call(const QString &method, const QJsonObject &bizContent, QObject *context,
              ReplyHandler handler);

    AlipayConfig m_config;
    ShopClock m_clock;
    GatewayClient *m_gateway;
};

} // namespace shouyin
