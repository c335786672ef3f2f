#include "sandboxcodetrades.h"

#include "pay/wechat/wechattime.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr qsizetype kMaxBodyBytes = 128; // the API's limit on `body`

const QString kUserPaying = u"USERPAYING"_s;
const QString kSuccess = u"SUCCESS"_s;
const QString kPayError = u"PAYERROR"_s;
const QString kRevoked = u"REVOKED"_s;
const QString kMicropay = u"MICROPAY"_s;

Params failure(const QString &code, const QString &description)
{
    return {{u"result_code"_s, u"FAIL"_s}, {u"err_code"_s, code}, {u"err_code_des"_s, description}};
}

Params userPaying()
{
    return failure(kUserPaying, u"用户支付中，需要输入密码"_s);
}

Params reverseAnswer(Params business, bool callAgain)
{
    business.insert(u"recall"_s, callAgain ? u"Y"_s : u"N"_s);
    return business;
}

// The refusal the customer's wallet gives, worded as WeChat's error table.
Params refusal(CodeCustomer customer)
{
    switch (customer) {
    case CodeCustomer::NotEnoughBalance:
        return failure(u"NOTENOUGH"_s, u"余额不足"_s);
    case CodeCustomer::CodeExpired:
        return failure(u"AUTHCODEEXPIRE"_s, u"二维码已过期，请用户在微信上刷新后再试"_s);
    case CodeCustomer::CardNotSupported:
        return failure(u"NOTSUPORTCARD"_s, u"不支持卡类型"_s);
    default:
        // A charge that waited and failed is only ever seen by orderquery.
        return failure(u"TRADE_ERROR"_s, u"支付失败"_s);
    }
}

void clearPending(SandboxTrade &trade)
{
    trade.pendingUntil = {};
    trade.pendingOutcome.clear();
}

} // namespace

SandboxCodeTrades::SandboxCodeTrades(SandboxTradeBook &book)
    : m_book(book)
{}

void SandboxCodeTrades::start(SandboxTrade trade, const ScriptedCustomer &scripted,
                              const QDateTime &now, const QString &refusedState)
{
    const QString outTradeNo = trade.outTradeNo;
    trade.customer = scripted.customer;
    trade.createdAt = now;
    trade.expiresAt = now;
    // The provider knows a code trade from the first answer on (Alipay's query too).
    trade.scanned = true;
    const QDateTime typed = now.addMSecs(scripted.delay.count());
    switch (scripted.customer) {
    case CodeCustomer::PaysAtOnce:
        m_book.insert(trade);
        m_book.markPaid(*m_book.find(outTradeNo), now);
        return;
    case CodeCustomer::ConfirmsAfter:
        trade.pendingUntil = typed;
        trade.pendingOutcome = kSuccess;
        break;
    case CodeCustomer::WrongPassword:
        trade.pendingUntil = typed;
        trade.pendingOutcome = refusedState;
        break;
    case CodeCustomer::NeverConfirms:
        break;
    case CodeCustomer::NotEnoughBalance:
    case CodeCustomer::CodeExpired:
    case CodeCustomer::CardNotSupported:
        trade.state = refusedState;
        m_book.insert(trade);
        return;
    }
    // WeChat revokes the charge by itself when nobody has confirmed it in its window; a
    // password typed from then on is too late.
    const QDateTime giveUp = now.addSecs(kWechatConfirmWindow.count());
    if (trade.provider == u"wechat" &&
        (!trade.pendingUntil.isValid() || trade.pendingUntil >= giveUp)) {
        trade.pendingUntil = giveUp;
        trade.pendingOutcome = kPayError;
    }
    trade.state = kUserPaying;
    m_book.insert(trade);
    if (trade.pendingUntil.isValid())
        m_waiting.insert(outTradeNo);
}

QStringList SandboxCodeTrades::due(const QDateTime &now)
{
    QStringList result;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        const SandboxTrade *trade = m_book.find(*it);
        if (!trade || trade->state != kUserPaying) {
            it = m_waiting.erase(it);
            continue;
        }
        if (trade->pendingUntil <= now)
            result.append(*it);
        ++it;
    }
    std::sort(result.begin(), result.end());
    return result;
}

bool SandboxCodeTrades::settle(const QString &outTradeNo, const QDateTime &now)
{
    m_waiting.remove(outTradeNo);
    SandboxTrade *trade = m_book.find(outTradeNo);
    if (!trade || trade->state != kUserPaying || trade->pendingOutcome.isEmpty())
        return false;
    // Found late (a query long after): it happened when it was due, not when asked.
    const QDateTime at =
        trade->pendingUntil.isValid() && trade->pendingUntil < now ? trade->pendingUntil : now;
    if (trade->pendingOutcome == kSuccess)
        m_book.markPaid(*trade, at);
    else
        trade->state = trade->pendingOutcome;
    clearPending(*trade);
    return true;
}

Status SandboxCodeTrades::confirm(const QString &outTradeNo, const QDateTime &now)
{
    SandboxTrade *trade = m_book.find(outTradeNo);
    if (!trade)
        return Error::provider(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s);
    if (trade->state == kSuccess)
        return Error::provider(u"ORDERPAID"_s, u"该订单已支付"_s);
    if (trade->state != kUserPaying)
        return Error::provider(trade->state, u"该订单不可支付"_s);
    m_waiting.remove(outTradeNo);
    clearPending(*trade);
    m_book.markPaid(*trade, now);
    return success();
}

Params SandboxCodeTrades::micropay(const Params &request, const ScriptedCustomer &customer,
                                   const QDateTime &now)
{
    const QString outTradeNo = request.value(u"out_trade_no"_s);
    if (!SandboxTradeBook::isValidOutTradeNo(outTradeNo))
        return failure(u"PARAM_ERROR"_s, u"out_trade_no 须为不超过32位的字母、数字、_-|*"_s);
    const auto totalFee = parseFen(request.value(u"total_fee"_s));
    if (!totalFee || *totalFee <= 0)
        return failure(u"PARAM_ERROR"_s, u"total_fee 须为正整数(单位:分)"_s);
    const QString body = request.value(u"body"_s);
    if (body.toUtf8().size() > kMaxBodyBytes)
        return failure(u"PARAM_ERROR"_s, u"body 长度超过%1字节"_s.arg(kMaxBodyBytes));
    const QString authCode = request.value(u"auth_code"_s);

    if (const SandboxTrade *existing = m_book.find(outTradeNo)) {
        const bool wechat = existing->provider == u"wechat";
        if (wechat && existing->state == kSuccess)
            return failure(u"ORDERPAID"_s, u"订单已支付"_s);
        if (!wechat || existing->tradeType != kMicropay)
            return failure(u"OUT_TRADE_NO_USED"_s, u"商户订单号重复"_s);
        if (existing->state == kRevoked)
            return failure(u"ORDERREVERSED"_s, u"订单已撤销"_s);
        if (existing->state == u"CLOSED")
            return failure(u"ORDERCLOSED"_s, u"订单已关闭"_s);
        // A retry after a lost answer, while the customer is still typing the password.
        const bool same = existing->totalFee == *totalFee && existing->body == body &&
                          existing->authCode == authCode;
        if (existing->state == kUserPaying && same)
            return userPaying();
        return failure(u"OUT_TRADE_NO_USED"_s, u"商户订单号重复"_s);
    }
    // The gateway cannot tell whose code it is: no trade is made.
    if (!SandboxCodeScript::isWechatCode(authCode))
        return failure(u"AUTH_CODE_INVALID"_s,
                       u"付款码检验错误，请扫描微信支付付款码(以10至15开头的18位数字)"_s);

    SandboxTrade trade;
    trade.provider = u"wechat"_s;
    trade.outTradeNo = outTradeNo;
    trade.totalFee = *totalFee;
    trade.body = body;
    trade.tradeType = kMicropay;
    trade.authCode = authCode;
    trade.attach = request.value(u"attach"_s);
    trade.signType = WechatSigner::signTypeOf(request).value_or(WechatSignType::Md5);
    start(trade, customer, now, kPayError);
    return micropayReply(*m_book.find(outTradeNo));
}

Params SandboxCodeTrades::micropayReply(const SandboxTrade &trade)
{
    if (trade.state == kUserPaying)
        return userPaying();
    if (trade.state != kSuccess)
        return refusal(trade.customer);
    Params reply{
        {u"result_code"_s, u"SUCCESS"_s},
        {u"openid"_s, trade.openId},
        {u"is_subscribe"_s, u"N"_s},
        {u"trade_type"_s, trade.tradeType},
        {u"bank_type"_s, trade.bankType},
        {u"fee_type"_s, u"CNY"_s},
        {u"total_fee"_s, QString::number(trade.totalFee)},
        {u"cash_fee_type"_s, u"CNY"_s},
        {u"cash_fee"_s, QString::number(trade.totalFee)},
        {u"transaction_id"_s, trade.transactionId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"time_end"_s, wechattime::format(trade.paidAt)},
    };
    if (!trade.attach.isEmpty())
        reply.insert(u"attach"_s, trade.attach);
    return reply;
}

Params SandboxCodeTrades::reverse(const Params &request)
{
    const SandboxTrade *found = m_book.find(request);
    if (!found || found->provider != u"wechat")
        return reverseAnswer(failure(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s), false);
    SandboxTrade *trade = m_book.find(found->outTradeNo);
    // The customer may still confirm: reversing now would race the password.
    if (trade->state == kUserPaying)
        return reverseAnswer(userPaying(), true);
    // Paid: the money goes back to the customer. Anything else: nothing to give back.
    trade->state = kRevoked;
    clearPending(*trade);
    m_waiting.remove(trade->outTradeNo);
    return reverseAnswer({{u"result_code"_s, u"SUCCESS"_s}}, false);
}

} // namespace shouyin
