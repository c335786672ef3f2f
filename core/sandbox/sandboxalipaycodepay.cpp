#include "sandboxalipaycodepay.h"

#include "pay/alipay/alipaytime.h"
#include "sandbox/sandboxalipaytrades.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr qsizetype kMaxSubjectChars = 256;
constexpr Fen kMaxAmount = Fen(100'000'000) * 100; // 100 million yuan, the API's ceiling

const QString kUserPaying = u"USERPAYING"_s;
const QString kSuccess = u"SUCCESS"_s;
const QString kClosed = u"CLOSED"_s;
const QString kRevoked = u"REVOKED"_s;

QJsonObject refused(const QString &outTradeNo, const QString &subCode, const QString &subMessage)
{
    QJsonObject content = SandboxAlipayTrades::failure(subCode, subMessage);
    content.insert(u"out_trade_no"_s, outTradeNo);
    return content;
}

QJsonObject authCodeInvalid(const QString &outTradeNo)
{
    return refused(outTradeNo, u"ACQ.PAYMENT_AUTH_CODE_INVALID"_s,
                   u"支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款，"
                   u"如再次收款失败，请联系管理员处理。[SOUNDWAVE_PARSER_FAIL]"_s);
}

QJsonObject contextInconsistent(const QString &outTradeNo)
{
    return refused(outTradeNo, u"ACQ.CONTEXT_INCONSISTENT"_s, u"交易信息被篡改"_s);
}

// The masked account Alipay shows the merchant, e.g. 138****0042.
QString buyerLogonId(const SandboxTrade &trade)
{
    return u"138****"_s + trade.openId.right(4);
}

} // namespace

SandboxAlipayCodePay::SandboxAlipayCodePay(SandboxTradeBook &book, SandboxCodeTrades &codes)
    : m_book(book)
    , m_codes(codes)
{}

QJsonObject SandboxAlipayCodePay::pay(const QJsonObject &biz, const ScriptedCustomer &customer,
                                      const QString &notifyUrl, const QDateTime &now)
{
    const QString outTradeNo = biz.value(u"out_trade_no"_s).toString();
    if (!SandboxTradeBook::isValidOutTradeNo(outTradeNo))
        return SandboxAlipayTrades::invalidParameter(u"out_trade_no 格式错误"_s);
    if (biz.value(u"scene"_s).toString() != u"bar_code")
        return SandboxAlipayTrades::invalidParameter(u"scene 须为 bar_code"_s);
    const auto amount = parseYuan(biz.value(u"total_amount"_s).toString());
    if (!amount || *amount <= 0 || *amount > kMaxAmount)
        return SandboxAlipayTrades::invalidParameter(
            u"total_amount 须为 0.01 至 100000000 之间、最多两位小数"_s);
    const QString subject = biz.value(u"subject"_s).toString();
    if (subject.isEmpty() || subject.size() > kMaxSubjectChars)
        return SandboxAlipayTrades::invalidParameter(u"subject 不能为空且不超过256个字符"_s);
    const QString authCode = biz.value(u"auth_code"_s).toString();
    if (authCode.isEmpty())
        return SandboxAlipayTrades::invalidParameter(u"auth_code 不能为空"_s);

    if (const SandboxTrade *existing = m_book.find(outTradeNo)) {
        if (existing->provider != u"alipay")
            return contextInconsistent(outTradeNo);
        if (existing->state == kSuccess)
            return refused(outTradeNo, u"ACQ.TRADE_HAS_SUCCESS"_s, u"交易已被支付"_s);
        if (existing->state == kClosed || existing->state == kRevoked)
            return refused(outTradeNo, u"ACQ.TRADE_HAS_CLOSE"_s, u"交易已经关闭"_s);
        // A retry after a lost answer, while the buyer is still typing the password.
        const bool same = existing->isCodeTrade() && existing->totalFee == *amount &&
                          existing->body == subject && existing->authCode == authCode;
        if (existing->state == kUserPaying && same)
            return payReply(*existing);
        return contextInconsistent(outTradeNo);
    }
    // Alipay cannot tell whose code it is (or it has expired): no trade is made.
    if (!SandboxCodeScript::isAlipayCode(authCode) ||
        customer.customer == CodeCustomer::CodeExpired)
        return authCodeInvalid(outTradeNo);

    SandboxTrade trade;
    trade.provider = u"alipay"_s;
    trade.outTradeNo = outTradeNo;
    trade.totalFee = *amount;
    trade.body = subject;
    trade.notifyUrl = notifyUrl;
    trade.tradeType = u"MICROPAY"_s;
    trade.authCode = authCode;
    m_codes.start(trade, customer, now, kClosed);
    return payReply(*m_book.find(outTradeNo));
}

QJsonObject SandboxAlipayCodePay::payReply(const SandboxTrade &trade)
{
    const QString total = formatYuan(trade.totalFee);
    if (trade.state == kUserPaying)
        return {{u"code"_s, u"10003"_s},
                {u"msg"_s, u"等待用户付款"_s},
                {u"out_trade_no"_s, trade.outTradeNo},
                {u"total_amount"_s, total}};
    if (trade.state != kSuccess) {
        if (trade.customer == CodeCustomer::NotEnoughBalance)
            return refused(trade.outTradeNo, u"ACQ.BUYER_BALANCE_NOT_ENOUGH"_s, u"买家余额不足"_s);
        // Alipay has no "card type not supported": the nearest is a buyer with no way to
        // pay this merchant (WeChat's NOTSUPORTCARD is the same advice: pay otherwise).
        if (trade.customer == CodeCustomer::CardNotSupported)
            return refused(trade.outTradeNo, u"ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE"_s,
                           u"没有可用的支付工具"_s);
        return refused(trade.outTradeNo, u"ACQ.PAYMENT_FAIL"_s, u"支付失败"_s);
    }
    return SandboxAlipayTrades::succeeded({
        {u"trade_no"_s, trade.transactionId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"buyer_logon_id"_s, buyerLogonId(trade)},
        {u"buyer_user_id"_s, trade.openId},
        {u"total_amount"_s, total},
        {u"receipt_amount"_s, total},
        {u"buyer_pay_amount"_s, total},
        {u"invoice_amount"_s, total},
        {u"gmt_payment"_s, alipaytime::format(trade.paidAt)},
        {u"fund_bill_list"_s,
         QJsonArray{QJsonObject{{u"fund_channel"_s, u"ALIPAYACCOUNT"_s}, {u"amount"_s, total}}}},
    });
}

QJsonObject SandboxAlipayCodePay::cancel(const QJsonObject &biz, const QDateTime &now)
{
    const QString outTradeNo = biz.value(u"out_trade_no"_s).toString();
    const QString tradeNo = biz.value(u"trade_no"_s).toString();
    if (outTradeNo.isEmpty() && tradeNo.isEmpty())
        return SandboxAlipayTrades::invalidParameter(u"out_trade_no 和 trade_no 不能同时为空"_s);
    const SandboxTrade *found =
        m_book.find(Params{{u"out_trade_no"_s, outTradeNo}, {u"transaction_id"_s, tradeNo}});
    // Alipay answers a cancel of a trade it never made with success and no action
    // ("action: returned when the call succeeds and the trade exists"): nothing was
    // taken, so there is nothing to close or give back.
    if (!found || found->provider != u"alipay")
        return SandboxAlipayTrades::succeeded(
            {{u"out_trade_no"_s, outTradeNo}, {u"retry_flag"_s, u"N"_s}});
    SandboxTrade *trade = m_book.find(found->outTradeNo);
    QJsonObject content{{u"out_trade_no"_s, trade->outTradeNo}, {u"retry_flag"_s, u"N"_s}};
    if (!trade->transactionId.isEmpty())
        content.insert(u"trade_no"_s, trade->transactionId);
    if (trade->state == kSuccess || trade->state == kRevoked) {
        trade->state = kRevoked;
        content.insert(u"action"_s, u"refund"_s);
        content.insert(u"gmt_refund_pay"_s, alipaytime::format(now));
    } else {
        // Waiting or never paid: closed, and the buyer can no longer pay it.
        trade->state = kClosed;
        trade->pendingUntil = {};
        trade->pendingOutcome.clear();
        content.insert(u"action"_s, u"close"_s);
    }
    return SandboxAlipayTrades::succeeded(content);
}

QJsonObject SandboxAlipayCodePay::unknownOutcome(const QString &outTradeNo)
{
    return {{u"code"_s, u"20000"_s},
            {u"msg"_s, u"Service Currently Unavailable"_s},
            {u"sub_code"_s, u"ACQ.SYSTEM_ERROR"_s},
            {u"sub_msg"_s, u"系统繁忙"_s},
            {u"out_trade_no"_s, outTradeNo}};
}

QJsonObject SandboxAlipayCodePay::cancelAgain(const QString &outTradeNo)
{
    QJsonObject content = SandboxAlipayTrades::systemError();
    content.insert(u"out_trade_no"_s, outTradeNo);
    content.insert(u"retry_flag"_s, u"Y"_s);
    return content;
}

} // namespace shouyin
