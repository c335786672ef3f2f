#include "sandboxwechatv3protocol.h"

#include "crypto/securerandom.h"
#include "pay/wechatv3/wechatpaykeys.h"
#include "pay/wechatv3/wechatv3resource.h"
#include "pay/wechatv3/wechatv3signing.h"
#include "sandbox/sandboxwechatv3keys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr int kBeijingOffsetSecs = 8 * 3600;
constexpr int kResourceNonceLength = 12; // AEAD_AES_256_GCM's nonce, as v3 sends it

const QString kOutTradeNoPrefix = u"/v3/pay/transactions/out-trade-no/"_s;
const QString kRefundPrefix = u"/v3/refund/domestic/refunds/"_s;

QString stateDescription(const QString &state)
{
    static const QHash<QString, QString> kDescriptions{
        {u"NOTPAY"_s, u"订单未支付"_s}, {u"SUCCESS"_s, u"支付成功"_s},
        {u"CLOSED"_s, u"订单已关闭"_s}, {u"USERPAYING"_s, u"用户支付中"_s},
        {u"PAYERROR"_s, u"支付失败"_s}, {u"REVOKED"_s, u"已撤销(付款码支付)"_s},
        {u"REFUND"_s, u"转入退款"_s},
    };
    return kDescriptions.value(state, state);
}

// How the v3 API words a failed v2 business answer: its HTTP status and code.
struct V3Refusal
{
    int status;
    QString code;
};

V3Refusal refusalFor(const QString &v2Code)
{
    static const QHash<QString, V3Refusal> kRefusals{
        {u"ORDERNOTEXIST"_s, {404, u"ORDER_NOT_EXIST"_s}},
        {u"ORDERPAID"_s, {400, u"ORDER_PAID"_s}},
        {u"ORDERCLOSED"_s, {400, u"ORDER_CLOSED"_s}},
        {u"ORDERREVERSED"_s, {400, u"ORDER_REVERSED"_s}},
        {u"OUT_TRADE_NO_USED"_s, {403, u"OUT_TRADE_NO_USED"_s}},
        {u"PARAM_ERROR"_s, {400, u"PARAM_ERROR"_s}},
        {u"AUTH_CODE_INVALID"_s, {400, u"AUTH_CODE_INVALID"_s}},
        {u"AUTHCODEEXPIRE"_s, {403, u"AUTHCODEEXPIRE"_s}},
        {u"NOTENOUGH"_s, {403, u"NOT_ENOUGH"_s}},
        {u"NOTSUPORTCARD"_s, {403, u"NOTSUPORTCARD"_s}},
        {u"TRADE_ERROR"_s, {403, u"TRADE_ERROR"_s}},
        {u"USERPAYING"_s, {202, u"USERPAYING"_s}},
        {u"SYSTEMERROR"_s, {500, u"SYSTEM_ERROR"_s}},
        {u"BANKERROR"_s, {500, u"BANK_ERROR"_s}},
    };
    return kRefusals.value(v2Code, {400, u"INVALID_REQUEST"_s});
}

} // namespace

SandboxV3Reply SandboxV3Reply::json(const QJsonObject &object, int status)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

SandboxV3Reply SandboxV3Reply::error(int status, const QString &code, const QString &message)
{
    return json({{u"code"_s, code}, {u"message"_s, message}}, status);
}

SandboxV3Reply SandboxV3Reply::noContent()
{
    return {204, {}, {}};
}

std::optional<SandboxWechatV3Protocol::Route>
SandboxWechatV3Protocol::route(const QByteArray &method, const QString &path)
{
    const bool get = method == "GET";
    const bool post = method == "POST";
    if (path == kNativePath || path == kCodepayPath || path == kRefundPath)
        return post ? std::optional(Route{path, {}}) : std::nullopt;
    if (path == kCertificatesPath)
        return get ? std::optional(Route{path, {}}) : std::nullopt;
    if (path.startsWith(kOutTradeNoPrefix)) {
        const QStringList rest = path.mid(kOutTradeNoPrefix.size()).split(u'/');
        if (rest.first().isEmpty())
            return std::nullopt;
        if (rest.size() == 1 && get)
            return Route{kQueryPath, rest.first()};
        if (rest.size() == 2 && post && rest.last() == u"close")
            return Route{kClosePath, rest.first()};
        if (rest.size() == 2 && post && rest.last() == u"reverse")
            return Route{kReversePath, rest.first()};
        return std::nullopt;
    }
    if (path.startsWith(kRefundPrefix) && get) {
        const QString refundNo = path.mid(kRefundPrefix.size());
        if (!refundNo.isEmpty() && !refundNo.contains(u'/'))
            return Route{kRefundQueryPath, refundNo};
    }
    return std::nullopt;
}

SandboxWechatV3Protocol::SandboxWechatV3Protocol(const SandboxMerchant &merchant)
    : m_credentials{merchant.appId,
                    merchant.merchantId,
                    QString::fromLatin1(sandboxkeys::kWechatMerchantSerialNo),
                    QByteArray(sandboxkeys::kWechatMerchantPrivateKeyPem).trimmed() + '\n',
                    QByteArray(sandboxkeys::kWechatApiV3Key),
                    QString::fromLatin1(sandboxkeys::kWechatPayPublicKeyId),
                    {}}
    , m_merchantKey(crypto::RsaKey::fromPrivatePem(m_credentials.merchantPrivateKeyPem).value())
    , m_signer(m_credentials.payPublicKeyId,
               crypto::RsaKey::fromPrivatePem(sandboxkeys::kWechatPayPrivateKeyPem).value())
{
    m_credentials.payPublicKeyPem =
        crypto::RsaKey::fromPrivatePem(sandboxkeys::kWechatPayPrivateKeyPem)->publicPem();
}

Status SandboxWechatV3Protocol::verify(const QByteArray &authorization, const QByteArray &method,
                                       const QByteArray &pathAndQuery, const QByteArray &body,
                                       const QDateTime &now) const
{
    if (authorization.isEmpty())
        return Error{ErrorCode::BadSignature, u"缺少Authorization请求头"_s};
    const auto parsed = wechatv3::parseAuthorization(authorization);
    if (!parsed)
        return Error{ErrorCode::BadSignature,
                     u"Authorization格式错误: %1"_s.arg(parsed.error().message)};
    if (QString::fromLatin1(parsed->merchantId) != m_credentials.merchantId)
        return Error{ErrorCode::BadSignature,
                     u"商户号 %1 与请求不匹配"_s.arg(QString::fromLatin1(parsed->merchantId))};
    if (wechatv3::normalizedSerial(QString::fromLatin1(parsed->serialNo)) !=
        wechatv3::normalizedSerial(m_credentials.merchantSerialNo))
        return Error{ErrorCode::BadSignature,
                     u"商户证书序列号 %1 有误"_s.arg(QString::fromLatin1(parsed->serialNo))};
    bool isNumber = false;
    const qint64 timestamp = parsed->timestamp.toLongLong(&isNumber);
    const qint64 skew = timestamp - now.toSecsSinceEpoch();
    if (!isNumber || std::abs(skew) >= std::chrono::seconds(WechatPayKeys::kMaxSkew).count())
        return Error{ErrorCode::BadSignature, u"请求时间戳 %1 与当前时间相差过大"_s.arg(
                                                  QString::fromLatin1(parsed->timestamp))};
    const QByteArray message =
        wechatv3::requestMessage(method, pathAndQuery, parsed->timestamp, parsed->nonce, body);
    if (!m_merchantKey.verifyBase64(message, parsed->signature))
        return Error{ErrorCode::BadSignature, u"签名错误，请检查后再试"_s};
    return success();
}

QJsonObject SandboxWechatV3Protocol::transaction(const SandboxTrade &trade, Fen amountOff) const
{
    const bool paid = !trade.transactionId.isEmpty();
    const Fen total = trade.totalFee - amountOff;
    QJsonObject amount{
        {u"total"_s, total}, {u"currency"_s, u"CNY"_s}, {u"payer_currency"_s, u"CNY"_s}};
    QJsonObject json{
        {u"appid"_s, m_credentials.appId},
        {u"mchid"_s, m_credentials.merchantId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"trade_type"_s, trade.tradeType},
        {u"trade_state"_s, trade.state},
        {u"trade_state_desc"_s, stateDescription(trade.state)},
    };
    if (paid) {
        amount.insert(u"payer_total"_s, total);
        json.insert(u"transaction_id"_s, trade.transactionId);
        json.insert(u"success_time"_s, formatTime(trade.paidAt));
        json.insert(u"bank_type"_s, trade.bankType);
        json.insert(u"payer"_s, QJsonObject{{u"openid"_s, trade.openId}});
    }
    if (!trade.attach.isEmpty())
        json.insert(u"attach"_s, trade.attach);
    json.insert(u"amount"_s, amount);
    return json;
}

QString SandboxWechatV3Protocol::refundStatus(const QString &state)
{
    if (state == sandboxRefundState::kClosed)
        return u"CLOSED"_s;
    if (state == sandboxRefundState::kChange)
        return u"ABNORMAL"_s;
    return state; // PROCESSING and SUCCESS are spelt alike
}

QJsonObject SandboxWechatV3Protocol::refund(const SandboxRefund &refund, const SandboxTrade &trade)
{
    QJsonObject json{
        {u"refund_id"_s, refund.refundId},
        {u"out_refund_no"_s, refund.outRefundNo},
        {u"transaction_id"_s, trade.transactionId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"channel"_s, u"ORIGINAL"_s},
        {u"user_received_account"_s, u"支付用户零钱"_s},
        {u"funds_account"_s, u"UNSETTLED"_s},
        {u"status"_s, refundStatus(refund.state)},
        {u"create_time"_s, formatTime(refund.requestedAt)},
        {u"amount"_s, QJsonObject{{u"total"_s, refund.totalFee},
                                  {u"refund"_s, refund.refundFee},
                                  {u"payer_total"_s, refund.totalFee},
                                  {u"payer_refund"_s, refund.refundFee},
                                  {u"settlement_total"_s, refund.totalFee},
                                  {u"settlement_refund"_s, refund.refundFee},
                                  {u"discount_refund"_s, 0},
                                  {u"currency"_s, u"CNY"_s}}},
    };
    if (refund.state == sandboxRefundState::kSuccess)
        json.insert(u"success_time"_s, formatTime(refund.settledAt));
    return json;
}

QJsonObject SandboxWechatV3Protocol::refundResource(const SandboxRefund &refund,
                                                    const SandboxTrade &trade,
                                                    const QString &merchantId, Fen amountOff)
{
    const Fen refunded = refund.refundFee - amountOff;
    QJsonObject json{
        {u"mchid"_s, merchantId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"transaction_id"_s, trade.transactionId},
        {u"out_refund_no"_s, refund.outRefundNo},
        {u"refund_id"_s, refund.refundId},
        {u"refund_status"_s, refundStatus(refund.state)},
        {u"user_received_account"_s, u"支付用户零钱"_s},
        {u"amount"_s, QJsonObject{{u"total"_s, refund.totalFee},
                                  {u"refund"_s, refunded},
                                  {u"payer_total"_s, refund.totalFee},
                                  {u"payer_refund"_s, refunded}}},
    };
    if (refund.state == sandboxRefundState::kSuccess)
        json.insert(u"success_time"_s, formatTime(refund.settledAt));
    return json;
}

QByteArray SandboxWechatV3Protocol::notification(const QString &eventType, const QString &summary,
                                                 const QJsonObject &resource,
                                                 const QByteArray &originalType,
                                                 const QByteArray &apiV3Key, const QDateTime &now)
{
    QJsonObject encrypted =
        wechatv3::encryptResource(QJsonDocument(resource).toJson(QJsonDocument::Compact), apiV3Key,
                                  crypto::randomAlphanumeric(kResourceNonceLength), originalType);
    encrypted.insert(u"original_type"_s, QString::fromLatin1(originalType));
    const QJsonObject event{
        {u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {u"create_time"_s, formatTime(now)},
        {u"event_type"_s, eventType},
        {u"resource_type"_s, u"encrypt-resource"_s},
        {u"summary"_s, summary},
        {u"resource"_s, encrypted},
    };
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

QByteArray SandboxWechatV3Protocol::certificateList() const
{
    QJsonArray data;
    for (const SandboxPlatformCertificate &listed : m_signer.certificates()) {
        data.append(QJsonObject{
            {u"serial_no"_s, listed.serial},
            {u"effective_time"_s, formatTime(listed.certificate.effectiveDate())},
            {u"expire_time"_s, formatTime(listed.certificate.expiryDate())},
            {u"encrypt_certificate"_s,
             wechatv3::encryptResource(listed.certificate.toPem(), m_credentials.apiV3Key,
                                       crypto::randomAlphanumeric(kResourceNonceLength),
                                       "certificate")},
        });
    }
    return QJsonDocument(QJsonObject{{u"data"_s, data}}).toJson(QJsonDocument::Compact);
}

SandboxV3Reply SandboxWechatV3Protocol::refusal(const Params &business)
{
    const QString code = business.value(u"err_code"_s);
    const V3Refusal refusal = refusalFor(code);
    QString message = business.value(u"err_code_des"_s);
    if (message.isEmpty())
        message = code;
    return SandboxV3Reply::error(refusal.status, refusal.code, message);
}

QString SandboxWechatV3Protocol::formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toOffsetFromUtc(kBeijingOffsetSecs).toString(Qt::ISODate);
}

QDateTime SandboxWechatV3Protocol::parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate);
}

} // namespace shouyin
