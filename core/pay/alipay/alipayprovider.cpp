#include "alipayprovider.h"

#include "pay/alipay/alipayform.h"
#include "pay/alipay/alipayresponse.h"
#include "pay/alipay/alipaysigner.h"
#include "pay/alipay/alipaytime.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcAlipay, "shouyin.pay.alipay")

namespace {

const QString kSuccessCode = u"10000"_s;

Error badResponse(const QString &message)
{
    return Error{ErrorCode::BadResponse, message};
}

} // namespace

Result<TradeSnapshot> AlipayProvider::snapshotFrom(const QString &payNo, const QString &status,
                                                   const QString &totalAmount,
                                                   const QString &tradeNo, const QString &paidAt)
{
    TradeSnapshot snapshot;
    snapshot.payNo = payNo;
    snapshot.rawState = status;
    snapshot.state = AlipayProvider::stateFrom(status);
    if (!totalAmount.isEmpty()) {
        const auto amount = parseYuan(totalAmount);
        if (!amount || *amount < 0)
            return badResponse(u"total_amount '%1' is not an amount in yuan"_s.arg(totalAmount));
        snapshot.amount = *amount;
    }
    snapshot.transactionId = tradeNo;
    snapshot.paidAt = alipaytime::parse(paidAt);
    return snapshot;
}

Error AlipayProvider::businessError(const QJsonObject &content)
{
    const QString code = content.value(u"code"_s).toString();
    const QString subCode = content.value(u"sub_code"_s).toString();
    const QString message =
        content.value(u"sub_msg"_s).toString(content.value(u"msg"_s).toString());
    Error error =
        Error::provider(subCode.isEmpty() ? code : subCode, message.isEmpty() ? code : message);
    // 20000 says the service failed, not how far it got; a sub_code outcomeUnknown() does
    // not know must not turn that into a refusal.
    if (code == u"20000" && !outcomeUnknown(error))
        return Error::provider(code, u"%1: %2"_s.arg(error.providerCode, error.message));
    return error;
}

AlipayProvider::AlipayProvider(AlipayConfig config, ShopClock clock, QObject *parent)
    : PaymentProvider(parent)
    , m_config(std::move(config))
    , m_clock(std::move(clock))
    , m_gateway(new GatewayClient(u"alipay"_s, GatewayLimits{m_config.timeoutMs}, this))
{}

QString AlipayProvider::merchantId() const
{
    return m_config.sellerId.isEmpty() ? m_config.appId : m_config.sellerId;
}

Params AlipayProvider::signedRequest(const QString &method, const QJsonObject &bizContent) const
{
    Params params{
        {u"app_id"_s, m_config.appId},
        {u"method"_s, method},
        {u"format"_s, u"JSON"_s},
        {u"charset"_s, u"utf-8"_s},
        {u"sign_type"_s, u"RSA2"_s},
        {u"timestamp"_s, alipaytime::format(m_clock.now())},
        {u"version"_s, u"1.0"_s},
        {u"biz_content"_s,
         QString::fromUtf8(QJsonDocument(bizContent).toJson(QJsonDocument::Compact))},
    };
    if (!m_config.notifyUrl.isEmpty())
        params.insert(u"notify_url"_s, m_config.notifyUrl);
    params.insert(u"sign"_s,
                  QString::fromLatin1(AlipaySigner::signRequest(params, m_config.appPrivateKey)));
    return params;
}

void AlipayProvider::call(const QString &method, const QJsonObject &bizContent, QObject *context,
                          ReplyHandler handler)
{
    callAnyCode(method, bizContent, context, [handler](Result<QJsonObject> content) {
        if (content && content->value(u"code"_s).toString() != kSuccessCode)
            return handler(businessError(content.value()));
        handler(std::move(content));
    });
}

void AlipayProvider::callAnyCode(const QString &method, const QJsonObject &bizContent,
                                 QObject *context, ReplyHandler handler)
{
    QNetworkRequest request(m_config.gatewayUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      u"application/x-www-form-urlencoded; charset=utf-8"_s);
    m_gateway->post(request, alipayform::encode(signedRequest(method, bizContent)), context,
                    [this, handler, method](Result<GatewayReply> reply) {
                        if (!reply)
                            return handler(reply.error());
                        auto content =
                            AlipayResponse::decode(reply->body, method, m_config.alipayPublicKey);
                        if (!content) {
                            qCWarning(lcAlipay)
                                << method << "reply refused:" << content.error().code;
                            return handler(content.error());
                        }
                        handler(std::move(content));
                    });
}

void AlipayProvider::createQr(const QrRequest &request, QObject *context, QrCallback done)
{
    const QJsonObject biz{
        {u"out_trade_no"_s, request.payNo},
        {u"total_amount"_s, formatYuan(request.amount)},
        {u"subject"_s, request.description.left(kMaxSubjectChars)},
        {u"qr_code_timeout_express"_s,
         alipaytime::timeoutExpress(request.createdAt, request.expiresAt)},
    };
    const QString payNo = request.payNo;
    call(u"alipay.trade.precreate"_s, biz, context, [done, payNo](Result<QJsonObject> reply) {
        if (!reply)
            return done(reply.error());
        if (reply->value(u"out_trade_no"_s).toString() != payNo)
            return done(badResponse(tr("The gateway answered about another trade.")));
        const QString qrCode = reply->value(u"qr_code"_s).toString();
        if (qrCode.isEmpty())
            return done(badResponse(tr("The gateway returned no QR code.")));
        done(QrTicket{qrCode});
    });
}

void AlipayProvider::query(const QString &payNo, QObject *context, QueryCallback done)
{
    call(u"alipay.trade.query"_s, {{u"out_trade_no"_s, payNo}}, context,
         [done, payNo](Result<QJsonObject> reply) {
             // Until the buyer scans the QR, Alipay does not know a precreated trade:
             // that is waiting, not failure.
             if (!reply && reply.error().is(u"ACQ.TRADE_NOT_EXIST"))
                 return done(TradeSnapshot::notFound(payNo, u"ACQ.TRADE_NOT_EXIST"_s));
             if (!reply)
                 return done(reply.error());
             const QString status = reply->value(u"trade_status"_s).toString();
             if (status.isEmpty())
                 return done(badResponse(tr("The gateway's answer has no trade state.")));
             if (reply->value(u"out_trade_no"_s).toString() != payNo)
                 return done(badResponse(tr("The gateway answered about another trade.")));
             done(snapshotFrom(payNo, status, reply->value(u"total_amount"_s).toString(),
                               reply->value(u"trade_no"_s).toString(),
                               reply->value(u"send_pay_date"_s).toString()));
         });
}

void AlipayProvider::close(const QString &payNo, QObject *context, CloseCallback done)
{
    call(u"alipay.trade.close"_s, {{u"out_trade_no"_s, payNo}}, context,
         [done](Result<QJsonObject> reply) {
             if (reply)
                 return done(CloseResult::Closed);
             const Error &error = reply.error();
             if (error.is(u"ACQ.TRADE_HAS_SUCCESS"))
                 return done(CloseResult::AlreadyPaid);
             // Closed before, or never scanned (so never created): it can no longer be paid.
             if (error.is(u"ACQ.TRADE_HAS_CLOSE") || error.is(u"ACQ.TRADE_NOT_EXIST"))
                 return done(CloseResult::Closed);
             done(reply.error());
         });
}

Result<TradeSnapshot> AlipayProvider::parseNotification(const HttpRequest &request) const
{
    const Params fields = alipayform::decode(request.body);
    if (fields.value(u"sign"_s).isEmpty())
        return badResponse(u"notification without sign"_s);
    if (!AlipaySigner::verifyNotification(fields, m_config.alipayPublicKey))
        return Error{ErrorCode::BadSignature,
                     u"the notification is not signed with the Alipay public key"_s};
    if (fields.value(u"app_id"_s) != m_config.appId)
        return Error{ErrorCode::WrongMerchant, u"the notification names another app"_s};
    const QString sellerId = fields.value(u"seller_id"_s);
    if (!m_config.sellerId.isEmpty() && sellerId != m_config.sellerId)
        return Error{ErrorCode::WrongMerchant, u"the notification names another seller"_s};
    const QString payNo = fields.value(u"out_trade_no"_s);
    if (payNo.isEmpty())
        return badResponse(u"notification without out_trade_no"_s);
    if (fields.value(u"total_amount"_s).isEmpty())
        return badResponse(u"notification without total_amount"_s);
    auto snapshot =
        snapshotFrom(payNo, fields.value(u"trade_status"_s), fields.value(u"total_amount"_s),
                     fields.value(u"trade_no"_s), fields.value(u"gmt_payment"_s));
    if (!snapshot)
        return snapshot;
    TradeSnapshot verified = std::move(snapshot).value();
    verified.appId = fields.value(u"app_id"_s);
    // Checked by the funnel against the payment's merchant id, which is the seller id only
    // when one is configured.
    if (!m_config.sellerId.isEmpty())
        verified.merchantId = sellerId;
    return verified;
}

HttpResponse AlipayProvider::notificationReply(bool accepted, const QString &message) const
{
    Q_UNUSED(message); // Alipay reads exactly "success"; anything else means "send again"
    return {200, "text/plain; charset=utf-8",
            accepted ? QByteArrayLiteral("success") : QByteArrayLiteral("failure")};
}

TradeState AlipayProvider::stateFrom(const QString &tradeStatus)
{
    if (tradeStatus == u"WAIT_BUYER_PAY")
        return TradeState::NotPay;
    if (tradeStatus == u"TRADE_SUCCESS" || tradeStatus == u"TRADE_FINISHED")
        return TradeState::Success;
    if (tradeStatus == u"TRADE_CLOSED")
        return TradeState::Closed;
    return TradeState::Unknown;
}

} // namespace shouyin
