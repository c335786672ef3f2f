#include "wechatv2provider.h"

#include "crypto/securerandom.h"
#include "pay/wechat/wechattext.h"
#include "pay/wechat/wechattime.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Business result of a signed reply: success, or the provider's own error code.
Result<Params> businessResult(const Params &message)
{
    if (message.value(u"result_code"_s) == u"SUCCESS")
        return message;
    const QString code = message.value(u"err_code"_s, u"FAIL"_s);
    return Error::provider(code, message.value(u"err_code_des"_s, code));
}

} // namespace

WechatV2Provider::WechatV2Provider(WechatConfig config, QObject *parent)
    : PaymentProvider(parent)
    , m_config(std::move(config))
    , m_gateway(new GatewayClient(u"wechat"_s, GatewayLimits{m_config.timeoutMs}, this))
    , m_secapiGateway(new GatewayClient(u"wechat"_s, GatewayLimits{m_config.timeoutMs}, this))
{}

QString WechatV2Provider::name() const
{
    return u"wechat"_s;
}

QString WechatV2Provider::api() const
{
    return u"v2"_s;
}

std::chrono::seconds WechatV2Provider::closeNotBefore() const
{
    // The documented five minutes count on the gateway's clock from when it saw the
    // order; a close sent at exactly 300 s by ours was refused about half the time. An
    // early refusal is harmless (the settler queries and tries again) but costs a round.
    return std::chrono::minutes(5) + kCloseSkewMargin;
}

Params WechatV2Provider::signedRequest(Params fields) const
{
    fields.insert(u"appid"_s, m_config.appId);
    fields.insert(u"mch_id"_s, m_config.merchantId);
    fields.insert(u"nonce_str"_s, QString::fromLatin1(crypto::randomAlphanumeric(32)));
    if (m_config.signType != WechatSignType::Md5)
        fields.insert(u"sign_type"_s, WechatSigner::signTypeName(m_config.signType));
    fields.insert(u"sign"_s, WechatSigner::sign(fields, m_config.key, m_config.signType));
    return fields;
}

Result<Params> WechatV2Provider::decodeSigned(const QByteArray &body, Signed how) const
{
    auto decoded = FlatXml::decode(body);
    if (!decoded)
        return Error{ErrorCode::BadResponse, decoded.error().message};
    const Params &message = decoded.value();
    if (message.value(u"return_code"_s) != u"SUCCESS")
        return Error{ErrorCode::Gateway,
                     message.value(u"return_msg"_s, u"gateway refused the request"_s)};
    const bool verified =
        how == Signed::AsRequested
            ? WechatSigner::verifyAs(message, m_config.key, m_config.signType)
            : WechatSigner::verifyNotification(message, m_config.key, m_config.signType);
    if (!verified)
        return Error{ErrorCode::BadSignature, u"the message is not signed with the merchant key"_s};
    if (message.value(u"appid"_s) != m_config.appId ||
        message.value(u"mch_id"_s) != m_config.merchantId)
        return Error{ErrorCode::WrongMerchant, u"the message names another app or merchant"_s};
    return decoded;
}

void WechatV2Provider::call(const QString &path, const Params &fields, QObject *context,
                            ReplyHandler handler, Channel channel)
{
    const bool secapi = channel == Channel::Secapi;
    QUrl url =
        secapi && !m_config.secapiBaseUrl.isEmpty() ? m_config.secapiBaseUrl : m_config.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/xml; charset=utf-8"_s);
    if (secapi)
        m_config.clientCertificate.applyTo(request, m_config.gatewayCaCertificates);
    else
        trustAlso(request, m_config.gatewayCaCertificates);
    GatewayClient *gateway = secapi ? m_secapiGateway : m_gateway;
    gateway->post(request, FlatXml::encode(signedRequest(fields)), context,
                  [this, handler](Result<GatewayReply> reply) {
                      if (!reply)
                          return handler(reply.error());
                      handler(decodeSigned(reply->body, Signed::AsRequested));
                  });
}

void WechatV2Provider::createQr(const QrRequest &request, QObject *context, QrCallback done)
{
    const Params fields{
        {u"body"_s, wechattext::truncatedUtf8(request.description, wechattext::kMaxBodyBytes)},
        {u"out_trade_no"_s, request.payNo},
        {u"total_fee"_s, QString::number(request.amount)},
        {u"spbill_create_ip"_s, m_config.clientIp},
        {u"notify_url"_s, m_config.notifyUrl},
        {u"trade_type"_s, u"NATIVE"_s},
        {u"product_id"_s, request.payNo},
        {u"time_start"_s, wechattime::format(request.createdAt)},
        {u"time_expire"_s, wechattime::format(request.expiresAt)},
    };
    call(u"/pay/unifiedorder"_s, fields, context, [done](Result<Params> reply) {
        if (!reply)
            return done(reply.error());
        auto business = businessResult(reply.value());
        if (!business)
            return done(business.error());
        const QString codeUrl = business->value(u"code_url"_s);
        if (codeUrl.isEmpty())
            return done(Error{ErrorCode::BadResponse, tr("The gateway returned no QR code.")});
        done(QrTicket{codeUrl});
    });
}

void WechatV2Provider::query(const QString &payNo, QObject *context, QueryCallback done)
{
    call(u"/pay/orderquery"_s, {{u"out_trade_no"_s, payNo}}, context,
         [done, payNo](Result<Params> reply) {
             if (!reply)
                 return done(reply.error());
             auto business = businessResult(reply.value());
             if (!business && business.error().is(u"ORDERNOTEXIST"))
                 return done(TradeSnapshot::notFound(payNo, u"ORDERNOTEXIST"_s));
             if (!business)
                 return done(business.error());
             if (business->value(u"trade_state"_s).isEmpty())
                 return done(
                     Error{ErrorCode::BadResponse, tr("The gateway's answer has no trade state.")});
             TradeSnapshot snapshot = snapshotFrom(business.value());
             if (snapshot.payNo != payNo)
                 return done(Error{ErrorCode::BadResponse,
                                   tr("The gateway answered about another trade.")});
             done(snapshot);
         });
}

void WechatV2Provider::close(const QString &payNo, QObject *context, CloseCallback done)
{
    call(u"/pay/closeorder"_s, {{u"out_trade_no"_s, payNo}}, context, [done](Result<Params> reply) {
        if (!reply)
            return done(reply.error());
        auto business = businessResult(reply.value());
        if (business)
            return done(CloseResult::Closed);
        const Error &error = business.error();
        if (error.is(u"ORDERPAID"))
            return done(CloseResult::AlreadyPaid);
        // Closed before, or never created: either way it can no longer be paid.
        if (error.is(u"ORDERCLOSED") || error.is(u"ORDERNOTEXIST"))
            return done(CloseResult::Closed);
        done(business.error());
    });
}

Result<TradeSnapshot> WechatV2Provider::parseNotification(const HttpRequest &request) const
{
    auto message = decodeSigned(request.body, Signed::AsItSays);
    if (!message)
        return message.error();
    TradeSnapshot snapshot = snapshotFrom(message.value());
    // A payment notification carries no trade_state: its result_code is the outcome.
    if (snapshot.rawState.isEmpty() && message->value(u"result_code"_s) == u"SUCCESS") {
        snapshot.rawState = u"SUCCESS"_s;
        snapshot.state = TradeState::Success;
    }
    if (snapshot.payNo.isEmpty())
        return Error{ErrorCode::BadResponse, u"notification without out_trade_no"_s};
    return snapshot;
}

HttpResponse WechatV2Provider::notificationReply(bool accepted, const QString &message) const
{
    return {200, "text/xml; charset=utf-8",
            FlatXml::encode({{u"return_code"_s, accepted ? u"SUCCESS"_s : u"FAIL"_s},
                             {u"return_msg"_s, message}})};
}

TradeState WechatV2Provider::stateFrom(const QString &tradeState)
{
    static const QHash<QString, TradeState> kStates{
        {u"SUCCESS"_s, TradeState::Success},   {u"REFUND"_s, TradeState::Refund},
        {u"NOTPAY"_s, TradeState::NotPay},     {u"CLOSED"_s, TradeState::Closed},
        {u"REVOKED"_s, TradeState::Revoked},   {u"USERPAYING"_s, TradeState::UserPaying},
        {u"PAYERROR"_s, TradeState::PayError}, {u"ACCEPT"_s, TradeState::Accepted},
    };
    return kStates.value(tradeState, TradeState::Unknown);
}

TradeSnapshot WechatV2Provider::snapshotFrom(const Params &message)
{
    TradeSnapshot snapshot;
    snapshot.payNo = message.value(u"out_trade_no"_s);
    snapshot.rawState = message.value(u"trade_state"_s);
    snapshot.state = stateFrom(snapshot.rawState);
    snapshot.amount = parseFen(message.value(u"total_fee"_s)).value_or(-1);
    snapshot.transactionId = message.value(u"transaction_id"_s);
    snapshot.appId = message.value(u"appid"_s);
    snapshot.merchantId = message.value(u"mch_id"_s);
    snapshot.paidAt = wechattime::parse(message.value(u"time_end"_s));
    return snapshot;
}

} // namespace shouyin
