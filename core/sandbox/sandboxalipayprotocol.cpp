#include "sandboxalipayprotocol.h"

#include "crypto/securerandom.h"
#include "pay/alipay/alipayform.h"
#include "pay/alipay/alipayresponse.h"
#include "pay/alipay/alipaysigner.h"
#include "pay/alipay/alipaytime.h"
#include "sandboxalipaykeys.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

crypto::RsaKey sandboxKey(const char *pem)
{
    auto key = crypto::RsaKey::fromPrivatePem(QByteArray(pem).trimmed());
    if (!key)
        qFatal("sandbox: its own key does not load: %s", qPrintable(key.error().message));
    return key.value();
}

} // namespace

const SandboxAlipayMerchant &SandboxAlipayProtocol::trainingMerchant()
{
    // Sample identity for the sandbox only; real apps get theirs from the open platform.
    static const SandboxAlipayMerchant merchant{u"2021000000000001"_s, u"2088000000000001"_s,
                                                sandboxKey(sandboxkeys::kAppPrivateKeyPem),
                                                sandboxKey(sandboxkeys::kAlipayPrivateKeyPem)};
    return merchant;
}

bool SandboxAlipayProtocol::serves(const QString &method)
{
    return method == kPrecreate || method == kQuery || method == kClose || method == kPay ||
           method == kCancel || method == kRefund || method == kRefundQuery;
}

SandboxAlipayCredentials SandboxAlipayProtocol::credentials() const
{
    const SandboxAlipayMerchant &m = merchant();
    return {m.appId, m.sellerId, m.appKey.privatePem(), m.alipayKey.publicPem()};
}

Result<SandboxAlipayRequest> SandboxAlipayProtocol::check(const QByteArray &body) const
{
    const Params params = alipayform::decode(body);
    for (const QString &field : {u"app_id"_s, u"method"_s, u"sign_type"_s, u"sign"_s,
                                 u"timestamp"_s, u"version"_s, u"biz_content"_s}) {
        if (params.value(field).isEmpty())
            return Error::provider(u"isv.missing-"_s + QString(field).replace(u'_', u'-'),
                                   u"缺少参数 %1"_s.arg(field));
    }
    const QString method = params.value(u"method"_s);
    if (!serves(method))
        return Error::provider(u"isv.invalid-method"_s, u"不存在的方法名 %1"_s.arg(method));
    if (params.value(u"app_id"_s) != merchant().appId)
        return Error::provider(u"isv.invalid-app-id"_s, u"无效的AppID参数"_s);
    if (params.value(u"sign_type"_s) != u"RSA2")
        return Error::provider(u"isv.invalid-signature-type"_s, u"无效的签名类型"_s);
    if (!AlipaySigner::verifyRequest(params, merchant().appKey.publicKey()))
        return Error::provider(u"isv.invalid-signature"_s,
                               u"验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配"_s);
    QJsonParseError parseError;
    const QJsonDocument biz =
        QJsonDocument::fromJson(params.value(u"biz_content"_s).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !biz.isObject())
        return Error::provider(u"isv.invalid-parameter"_s, u"biz_content 不是 JSON 对象"_s);
    return SandboxAlipayRequest{method, params, biz.object()};
}

QByteArray SandboxAlipayProtocol::refusal(const QString &method, const Error &error)
{
    const bool missing = error.providerCode.startsWith(u"isv.missing-");
    const QJsonObject content{
        {u"code"_s, missing ? u"40001"_s : u"40002"_s},
        {u"msg"_s, missing ? u"Missing Required Arguments"_s : u"Invalid Arguments"_s},
        {u"sub_code"_s, error.providerCode},
        {u"sub_msg"_s, error.message},
    };
    const QString key = serves(method) ? method : u"error"_s;
    return key == u"error"
               ? "{\"error_response\":" + QJsonDocument(content).toJson(QJsonDocument::Compact) +
                     '}'
               : AlipayResponse::encode(key, content, {}, false);
}

QByteArray SandboxAlipayProtocol::reply(const QString &method, const QJsonObject &content,
                                        bool corruptSignature) const
{
    // The app's own key looks exactly like a real signing key and is not Alipay's.
    const crypto::RsaKey &key = corruptSignature ? merchant().appKey : merchant().alipayKey;
    return AlipayResponse::encode(method, content, key);
}

QByteArray SandboxAlipayProtocol::notification(const SandboxTrade &trade, NotifyVariant variant,
                                               const QDateTime &now) const
{
    Fen amount = trade.totalFee;
    if (variant == NotifyVariant::WrongAmount)
        amount += amount > 1 ? -1 : 1; // less money than the order asked, when possible
    const QString total = formatYuan(amount);
    Params fields{
        {u"notify_time"_s, alipaytime::format(now)},
        {u"notify_type"_s, u"trade_status_sync"_s},
        {u"notify_id"_s, QString::fromLatin1(crypto::randomAlphanumeric(32)).toLower()},
        {u"app_id"_s, merchant().appId},
        {u"charset"_s, u"utf-8"_s},
        {u"version"_s, u"1.0"_s},
        {u"sign_type"_s, u"RSA2"_s},
        {u"trade_no"_s, trade.transactionId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"buyer_id"_s, trade.openId},
        {u"seller_id"_s, merchant().sellerId},
        {u"trade_status"_s, u"TRADE_SUCCESS"_s},
        {u"total_amount"_s, total},
        {u"receipt_amount"_s, total},
        {u"buyer_pay_amount"_s, total},
        {u"subject"_s, trade.body},
        {u"gmt_create"_s, alipaytime::format(trade.createdAt)},
        {u"gmt_payment"_s, alipaytime::format(trade.paidAt)},
    };
    if (variant == NotifyVariant::OutOfOrder) {
        // An older "waiting" notification delivered after the paid one.
        fields.insert(u"trade_status"_s, u"WAIT_BUYER_PAY"_s);
        fields.remove(u"gmt_payment"_s);
        fields.remove(u"receipt_amount"_s);
        fields.remove(u"buyer_pay_amount"_s);
    }
    const crypto::RsaKey &key =
        variant == NotifyVariant::WrongSignature ? merchant().appKey : merchant().alipayKey;
    fields.insert(u"sign"_s, QString::fromLatin1(AlipaySigner::signNotification(fields, key)));
    return alipayform::encode(fields);
}

} // namespace shouyin
