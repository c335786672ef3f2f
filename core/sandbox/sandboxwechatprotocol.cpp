#include "sandboxwechatprotocol.h"

#include "crypto/securerandom.h"
#include "pay/wechat/wechattime.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QStringList requiredFields(const QString &path)
{
    QStringList fields{u"appid"_s, u"mch_id"_s, u"nonce_str"_s, u"sign"_s};
    if (path == SandboxWechatProtocol::kUnifiedOrderPath)
        fields += {u"body"_s,       u"out_trade_no"_s, u"total_fee"_s, u"spbill_create_ip"_s,
                   u"notify_url"_s, u"trade_type"_s};
    else if (path == SandboxWechatProtocol::kCloseOrderPath)
        fields += u"out_trade_no"_s;
    else if (path == SandboxWechatProtocol::kMicropayPath)
        fields +=
            {u"body"_s, u"out_trade_no"_s, u"total_fee"_s, u"spbill_create_ip"_s, u"auth_code"_s};
    else if (path == SandboxWechatProtocol::kRefundPath)
        fields += {u"out_refund_no"_s, u"total_fee"_s, u"refund_fee"_s};
    return fields;
}

// The signature skips empty values, so an empty field counts as absent everywhere.
bool has(const Params &params, const QString &field)
{
    return !params.value(field).isEmpty();
}

} // namespace

SandboxWechatProtocol::SandboxWechatProtocol(SandboxMerchant merchant)
    : m_merchant(std::move(merchant))
{}

Result<SandboxRequest> SandboxWechatProtocol::check(const QString &path,
                                                    const QByteArray &body) const
{
    auto decoded = FlatXml::decode(body);
    if (!decoded)
        return Error::provider(u"XML_FORMAT_ERROR"_s, u"XML格式错误: "_s + decoded.error().message);
    const Params &params = decoded.value();

    for (const QString &field : requiredFields(path)) {
        if (!has(params, field))
            return Error::provider(u"LACK_PARAMS"_s, u"缺少参数 %1 (LACK_PARAMS)"_s.arg(field));
    }
    const bool namesTrade = path == kOrderQueryPath || path == kReversePath || path == kRefundPath;
    if (namesTrade && !has(params, u"out_trade_no"_s) && !has(params, u"transaction_id"_s))
        return Error::provider(u"LACK_PARAMS"_s,
                               u"缺少参数 out_trade_no 或 transaction_id (LACK_PARAMS)"_s);
    if (path == kRefundQueryPath && !has(params, u"out_trade_no"_s) &&
        !has(params, u"transaction_id"_s) && !has(params, u"out_refund_no"_s) &&
        !has(params, u"refund_id"_s))
        return Error::provider(u"LACK_PARAMS"_s,
                               u"缺少参数 refund_id、out_refund_no、transaction_id 或 "
                               "out_trade_no (LACK_PARAMS)"_s);

    if (params.value(u"appid"_s) != m_merchant.appId ||
        params.value(u"mch_id"_s) != m_merchant.merchantId)
        return Error::provider(u"APPID_MCHID_NOT_MATCH"_s, u"appid和mch_id不匹配"_s);

    const auto signType = WechatSigner::signTypeOf(params);
    if (!signType || !WechatSigner::verify(params, m_merchant.key))
        return Error::provider(u"SIGNERROR"_s, u"签名错误"_s);

    return SandboxRequest{params, *signType};
}

QByteArray SandboxWechatProtocol::failReply(const QString &returnMsg)
{
    return FlatXml::encode({{u"return_code"_s, u"FAIL"_s}, {u"return_msg"_s, returnMsg}});
}

QByteArray SandboxWechatProtocol::signedReply(Params business, WechatSignType type,
                                              bool corruptSignature) const
{
    business.insert(u"return_code"_s, u"SUCCESS"_s);
    business.insert(u"return_msg"_s, u"OK"_s);
    return sign(std::move(business), type, corruptSignature, m_repliesNameSignType);
}

QByteArray SandboxWechatProtocol::notification(const SandboxTrade &trade,
                                               NotifyVariant variant) const
{
    Fen amount = trade.totalFee;
    if (variant == NotifyVariant::WrongAmount)
        amount += amount > 1 ? -1 : 1; // less money than the order asked, when possible
    Params message{
        {u"return_code"_s, u"SUCCESS"_s},
        {u"result_code"_s, u"SUCCESS"_s},
        {u"openid"_s, trade.openId},
        {u"trade_type"_s, trade.tradeType},
        {u"bank_type"_s, trade.bankType},
        {u"total_fee"_s, QString::number(amount)},
        {u"cash_fee"_s, QString::number(amount)},
        {u"fee_type"_s, u"CNY"_s},
        {u"transaction_id"_s, trade.transactionId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"time_end"_s, wechattime::format(trade.paidAt)},
    };
    if (!trade.attach.isEmpty())
        message.insert(u"attach"_s, trade.attach);
    if (variant == NotifyVariant::OutOfOrder) {
        // An earlier attempt whose debit failed, delivered late: it never had a
        // transaction, and says nothing about the payment that did succeed.
        message.insert(u"result_code"_s, u"FAIL"_s);
        message.insert(u"err_code"_s, u"BANKERROR"_s);
        message.insert(u"err_code_des"_s, u"银行系统异常"_s);
        message.remove(u"transaction_id"_s);
        message.remove(u"time_end"_s);
    }
    return sign(std::move(message), trade.signType, variant == NotifyVariant::WrongSignature);
}

QByteArray SandboxWechatProtocol::sign(Params message, WechatSignType type, bool corruptSignature,
                                       bool nameSignType) const
{
    message.insert(u"appid"_s, m_merchant.appId);
    message.insert(u"mch_id"_s, m_merchant.merchantId);
    message.insert(u"nonce_str"_s, QString::fromLatin1(crypto::randomAlphanumeric(16)));
    if (type != WechatSignType::Md5 && nameSignType)
        message.insert(u"sign_type"_s, WechatSigner::signTypeName(type));
    // A signature under another key looks exactly like a real one and verifies with none
    // of the merchant's.
    const QByteArray key = corruptSignature ? m_merchant.key + "-tampered" : m_merchant.key;
    message.insert(u"sign"_s, WechatSigner::sign(message, key, type));
    return FlatXml::encode(message);
}

} // namespace shouyin
