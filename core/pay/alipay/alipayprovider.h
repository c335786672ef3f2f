#pragma once

#include "net/gatewayclient.h"
#include "pay/alipay/alipayconfig.h"
#include "pay/codepayments.h"
#include "pay/paymentprovider.h"
#include "pay/refunds.h"
#include "util/shopclock.h"
#include "xml/flatxml.h"

#include <QJsonObject>

namespace shouyin {

// Alipay open API, face-to-face QR payments: alipay.trade.precreate, .query and .close;
// payment codes: alipay.trade.pay and .cancel; refunds: alipay.trade.refund and
// .fastpay.refund.query. RSA2-signed requests, and replies and notifications believed
// only after their signature verifies with the Alipay public key.
class AlipayProvider : public PaymentProvider, public CodePayments, public Refunds
{
    Q_OBJECT
public:
    static inline const QString kName = QStringLiteral("alipay");
    static constexpr qsizetype kMaxSubjectChars = 256; // the API's limit on `subject`

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

    CodePayments *codePayments() override { return this; }
    bool ownsCode(QStringView code) const override;
    std::chrono::seconds confirmWindow() const override { return std::chrono::seconds(60); }
    std::chrono::seconds queryInterval() const override { return std::chrono::seconds(3); }
    void chargeByCode(const CodeChargeRequest &request, QObject *context,
                      ChargeCallback done) override;
    void reverse(const QString &payNo, QObject *context, ReverseCallback done) override;

    // alipayrefunds.cpp. Alipay refunds synchronously: a refund is Success in the answer
    // (fund_change Y) or must be queried; it sends no refund notification.
    Refunds *refunds() override { return this; }
    void refund(const RefundRequest &request, QObject *context, RefundCallback done) override;
    void queryRefund(const RefundRequest &request, QObject *context, RefundCallback done) override;
    Result<RefundSnapshot> parseRefundNotification(const HttpRequest &request) const override;
    // What a verified alipay.trade.refund / .fastpay.refund.query reply says about
    // `request`'s refund, or why it cannot be believed (or the provider's error).
    static Result<RefundSnapshot> refundAnswer(const QJsonObject &content,
                                               const RefundRequest &request);
    static Result<RefundSnapshot> refundQueryAnswer(const QJsonObject &content,
                                                    const RefundRequest &request);

    static TradeState stateFrom(const QString &tradeStatus);
    // A snapshot from the verified fields of a query reply, a notification or a payment;
    // an error when an amount is there but is not an exact yuan amount.
    static Result<TradeSnapshot> snapshotFrom(const QString &payNo, const QString &status,
                                              const QString &totalAmount, const QString &tradeNo,
                                              const QString &paidAt);
    // What a verified reply whose code is not 10000 means: the provider's error, its
    // sub_code as the code. A 20000 (service unavailable) always stays outcomeUnknown().
    static Error businessError(const QJsonObject &content);

private:
    using ReplyHandler = std::function<void(Result<QJsonObject>)>;

    // The signed form of a call: common parameters, biz_content and sign.
    Params signedRequest(const QString &method, const QJsonObject &bizContent) const;
    // POSTs `method`; the handler gets the verified business object (code 10000), or an
    // error covering transport, signature and business failures (sub_code as the code).
    void call(const QString &method, const QJsonObject &bizContent, QObject *context,
              ReplyHandler handler);
    // The same, but the verified business object whatever its code: for the calls whose
    // other codes are answers too (trade.pay's 10003, cancel's retry_flag).
    void callAnyCode(const QString &method, const QJsonObject &bizContent, QObject *context,
                     ReplyHandler handler);

    AlipayConfig m_config;
    ShopClock m_clock;
    GatewayClient *m_gateway;
};

} // namespace shouyin
