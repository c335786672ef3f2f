#include "sandboxtradebook.h"

#include "crypto/securerandom.h"
#include "pay/wechat/wechattime.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr qsizetype kMaxBodyBytes = 128; // the API's limit on `body`
constexpr qint64 kMinLifeSecs = 60;      // time_expire at least a minute after time_start
constexpr int kCodeUrlTokenLength = 7;

const QString kNotPay = u"NOTPAY"_s;
const QString kSuccess = u"SUCCESS"_s;
const QString kClosed = u"CLOSED"_s;
// Paid, and some or all of it refunded since: paid all the same for close and pay.
const QString kRefund = u"REFUND"_s;

Params failure(const QString &code, const QString &description)
{
    return {{u"result_code"_s, u"FAIL"_s}, {u"err_code"_s, code}, {u"err_code_des"_s, description}};
}

Params orderNotExist()
{
    return failure(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s);
}

Params orderPaid()
{
    return failure(u"ORDERPAID"_s, u"该订单已支付"_s);
}

Params orderClosed()
{
    return failure(u"ORDERCLOSED"_s, u"该订单已关闭"_s);
}

Params paramError(const QString &description)
{
    return failure(u"PARAM_ERROR"_s, description);
}

QString stateDescription(const QString &state)
{
    if (state == kNotPay)
        return u"订单未支付"_s;
    if (state == kSuccess)
        return u"支付成功"_s;
    if (state == kClosed)
        return u"订单已关闭"_s;
    if (state == u"USERPAYING")
        return u"用户支付中"_s;
    if (state == u"PAYERROR")
        return u"支付失败"_s;
    if (state == u"REVOKED")
        return u"已撤销(付款码支付)"_s;
    if (state == kRefund)
        return u"转入退款"_s;
    return state;
}

QString randomToken(int length)
{
    return QString::fromLatin1(crypto::randomAlphanumeric(length));
}

// 28 digits like the real ones: "4200", the Beijing date, then 16 random digits.
QString newTransactionId(const QDateTime &now)
{
    QString id = u"4200"_s + wechattime::format(now).left(8);
    for (const char byte : crypto::randomBytes(16))
        id += QChar(u'0' + static_cast<unsigned char>(byte) % 10);
    return id;
}

// Alipay's trade_no: the Beijing date, "2200", then 16 random digits (28 in all).
QString newAlipayTradeNo(const QDateTime &now)
{
    QString id = wechattime::format(now).left(8) + u"2200"_s;
    for (const char byte : crypto::randomBytes(16))
        id += QChar(u'0' + static_cast<unsigned char>(byte) % 10);
    return id;
}

} // namespace

bool SandboxTradeBook::isValidOutTradeNo(const QString &outTradeNo)
{
    static const QRegularExpression kPattern(u"^[A-Za-z0-9_\\-|*]{1,32}$"_s);
    return kPattern.match(outTradeNo).hasMatch();
}

Params SandboxTradeBook::unifiedOrder(const Params &request, const QDateTime &now)
{
    const QString outTradeNo = request.value(u"out_trade_no"_s);
    if (!isValidOutTradeNo(outTradeNo))
        return paramError(u"out_trade_no 须为不超过32位的字母、数字、_-|*"_s);
    const auto totalFee = parseFen(request.value(u"total_fee"_s));
    if (!totalFee || *totalFee <= 0)
        return paramError(u"total_fee 须为正整数(单位:分)"_s);
    const QString body = request.value(u"body"_s);
    if (body.toUtf8().size() > kMaxBodyBytes)
        return paramError(u"body 长度超过%1字节"_s.arg(kMaxBodyBytes));
    const QString tradeType = request.value(u"trade_type"_s);
    if (tradeType != u"NATIVE")
        return paramError(
            u"trade_type %1 is not supported by the sandbox (NATIVE only)"_s.arg(tradeType));
    const QString productId = request.value(u"product_id"_s);
    if (productId.isEmpty())
        return paramError(u"trade_type=NATIVE时，product_id必传"_s);

    QDateTime start = now;
    if (const QString text = request.value(u"time_start"_s); !text.isEmpty()) {
        start = wechattime::parse(text);
        if (!start.isValid())
            return paramError(u"time_start 格式错误"_s);
    }
    QDateTime expires = now.addSecs(kDefaultLifeSecs);
    if (const QString text = request.value(u"time_expire"_s); !text.isEmpty()) {
        expires = wechattime::parse(text);
        if (!expires.isValid())
            return paramError(u"time_expire 格式错误"_s);
        if (expires < start.addSecs(kMinLifeSecs))
            return paramError(u"time_expire时间过短"_s);
    }

    SandboxTrade *existing = nullptr;
    if (auto it = m_trades.find(outTradeNo); it != m_trades.end())
        existing = &it.value();
    if (existing) {
        if (existing->state == kSuccess || existing->state == kRefund)
            return orderPaid();
        if (existing->state == kClosed)
            return orderClosed();
        // A retry after a lost reply is the same order again; anything else is a reuse.
        if (existing->body != body || existing->totalFee != *totalFee ||
            existing->tradeType != tradeType)
            return failure(u"OUT_TRADE_NO_USED"_s, u"商户订单号重复"_s);
    } else {
        SandboxTrade trade;
        trade.outTradeNo = outTradeNo;
        trade.state = kNotPay;
        trade.totalFee = *totalFee;
        trade.body = body;
        trade.notifyUrl = request.value(u"notify_url"_s);
        trade.createdAt = now;
        trade.expiresAt = expires;
        trade.tradeType = tradeType;
        trade.productId = productId;
        trade.attach = request.value(u"attach"_s);
        trade.signType = WechatSigner::signTypeOf(request).value_or(WechatSignType::Md5);
        trade.prepayId = u"wx"_s + wechattime::format(now) + randomToken(18).toLower();
        do {
            trade.codeUrl = u"weixin://wxpay/bizpayurl?pr="_s + randomToken(kCodeUrlTokenLength);
        } while (m_byCodeUrl.contains(trade.codeUrl));
        m_byCodeUrl.insert(trade.codeUrl, outTradeNo);
        existing = &m_trades.insert(outTradeNo, trade).value();
    }
    return {
        {u"result_code"_s, u"SUCCESS"_s},
        {u"trade_type"_s, existing->tradeType},
        {u"prepay_id"_s, existing->prepayId},
        {u"code_url"_s, existing->codeUrl},
    };
}

const SandboxTrade *SandboxTradeBook::find(const Params &request) const
{
    // The real gateway prefers transaction_id when both are given.
    QString outTradeNo = request.value(u"out_trade_no"_s);
    if (const QString transactionId = request.value(u"transaction_id"_s); !transactionId.isEmpty())
        outTradeNo = m_byTransactionId.value(transactionId);
    const auto it = m_trades.constFind(outTradeNo);
    return it == m_trades.cend() ? nullptr : &it.value();
}

Params SandboxTradeBook::orderQuery(const Params &request) const
{
    const SandboxTrade *trade = find(request);
    if (!trade)
        return orderNotExist();
    Params reply{
        {u"result_code"_s, u"SUCCESS"_s},
        {u"out_trade_no"_s, trade->outTradeNo},
        {u"trade_state"_s, trade->state},
        {u"trade_state_desc"_s, stateDescription(trade->state)},
        {u"total_fee"_s, QString::number(trade->totalFee)},
        {u"cash_fee"_s, QString::number(trade->totalFee)},
        {u"fee_type"_s, u"CNY"_s},
    };
    if (!trade->attach.isEmpty())
        reply.insert(u"attach"_s, trade->attach);
    // A payment-code trade says what it is in every state: the till tells them apart.
    if (trade->isCodeTrade())
        reply.insert(u"trade_type"_s, trade->tradeType);
    if (trade->state == kSuccess || trade->state == kRefund) {
        reply.insert(u"transaction_id"_s, trade->transactionId);
        reply.insert(u"time_end"_s, wechattime::format(trade->paidAt));
        reply.insert(u"openid"_s, trade->openId);
        reply.insert(u"is_subscribe"_s, u"N"_s);
        reply.insert(u"bank_type"_s, trade->bankType);
        reply.insert(u"trade_type"_s, trade->tradeType);
        reply.insert(u"cash_fee_type"_s, u"CNY"_s);
    }
    return reply;
}

Params SandboxTradeBook::closeOrder(const Params &request)
{
    const auto it = m_trades.find(request.value(u"out_trade_no"_s));
    if (it == m_trades.end())
        return orderNotExist();
    if (it->state == kSuccess || it->state == kRefund)
        return orderPaid();
    if (it->state == kClosed)
        return orderClosed();
    it->state = kClosed;
    return {{u"result_code"_s, u"SUCCESS"_s}, {u"result_msg"_s, u"OK"_s}};
}

Status SandboxTradeBook::pay(const QString &outTradeNo, const QDateTime &now)
{
    const auto it = m_trades.find(outTradeNo);
    if (it == m_trades.end())
        return Error::provider(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s);
    if (it->state == kSuccess)
        return Error::provider(u"ORDERPAID"_s, u"该订单已支付"_s);
    if (it->state == kClosed)
        return Error::provider(u"ORDERCLOSED"_s, u"该订单已关闭"_s);
    if (it->state != kNotPay)
        return Error::provider(it->state, u"该订单不可支付"_s);
    // The gateway lets an expired trade sit in NOTPAY until closed, but the customer's
    // phone refuses the QR.
    if (now > it->expiresAt)
        return Error::provider(QString(sandboxError::kOrderExpired),
                               u"二维码已过期，请刷新后再试"_s);

    markPaid(*it, now);
    return success();
}

Status SandboxTradeBook::payRacingClose(const QString &outTradeNo, const QDateTime &now)
{
    const auto it = m_trades.find(outTradeNo);
    if (it == m_trades.end())
        return Error::provider(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s);
    if (it->state == kSuccess)
        return Error::provider(u"ORDERPAID"_s, u"该订单已支付"_s);
    if (it->state != kNotPay && it->state != kClosed)
        return Error::provider(it->state, u"该订单不可支付"_s);
    markPaid(*it, now);
    return success();
}

void SandboxTradeBook::markPaid(SandboxTrade &trade, const QDateTime &now)
{
    trade.state = kSuccess;
    // time_end has whole seconds; keeping the same here makes both views agree.
    trade.paidAt = now.toUTC().addMSecs(-now.time().msec());
    const bool alipay = trade.provider == u"alipay";
    trade.scanned = true;
    trade.transactionId = alipay ? newAlipayTradeNo(trade.paidAt) : newTransactionId(trade.paidAt);
    trade.openId = alipay ? u"2088"_s + trade.transactionId.right(12) : u"oSbx"_s + randomToken(24);
    trade.bankType = u"OTHERS"_s;
    m_byTransactionId.insert(trade.transactionId, trade.outTradeNo);
}

void SandboxTradeBook::insert(const SandboxTrade &trade)
{
    if (!trade.codeUrl.isEmpty())
        m_byCodeUrl.insert(trade.codeUrl, trade.outTradeNo);
    m_trades.insert(trade.outTradeNo, trade);
}

SandboxTrade *SandboxTradeBook::find(const QString &outTradeNo)
{
    const auto it = m_trades.find(outTradeNo);
    return it == m_trades.end() ? nullptr : &it.value();
}

Status SandboxTradeBook::scan(const QString &outTradeNo)
{
    SandboxTrade *trade = find(outTradeNo);
    if (!trade)
        return Error::provider(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s);
    if (trade->state != kNotPay)
        return Error::provider(trade->state, u"该订单不可支付"_s);
    trade->scanned = true;
    return success();
}

std::optional<SandboxTrade> SandboxTradeBook::trade(const QString &outTradeNo) const
{
    const auto it = m_trades.constFind(outTradeNo);
    if (it == m_trades.cend())
        return std::nullopt;
    return it.value();
}

QString SandboxTradeBook::outTradeNoForCodeUrl(const QString &codeUrl) const
{
    return m_byCodeUrl.value(codeUrl);
}

} // namespace shouyin
