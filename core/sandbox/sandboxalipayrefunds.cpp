#include "sandboxalipayrefunds.h"

#include "pay/alipay/alipaytime.h"
#include "sandbox/sandboxalipaytrades.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr qsizetype kMaxRequestNoChars = 64;
constexpr qsizetype kMaxReasonChars = 256;

const QString kPaid = u"SUCCESS"_s;

QJsonObject refused(const QString &outTradeNo, const QString &subCode, const QString &subMessage)
{
    QJsonObject content = SandboxAlipayTrades::failure(subCode, subMessage);
    if (!outTradeNo.isEmpty())
        content.insert(u"out_trade_no"_s, outTradeNo);
    return content;
}

// The masked account Alipay shows the merchant, as trade.pay's answer has it.
QString buyerLogonId(const SandboxTrade &trade)
{
    return u"138****"_s + trade.openId.right(4);
}

QDateTime wholeSeconds(const QDateTime &at)
{
    const QDateTime utc = at.toUTC();
    return utc.addMSecs(-utc.time().msec());
}

} // namespace

SandboxAlipayRefunds::SandboxAlipayRefunds(SandboxTradeBook &trades, SandboxRefundBook &refunds)
    : m_trades(trades)
    , m_refunds(refunds)
{}

QString SandboxAlipayRefunds::refundNoOf(const QJsonObject &biz)
{
    const QString requestNo = biz.value(u"out_request_no"_s).toString();
    return requestNo.isEmpty() ? biz.value(u"out_trade_no"_s).toString() : requestNo;
}

const SandboxTrade *SandboxAlipayRefunds::alipayTrade(const QJsonObject &biz) const
{
    // trade_no wins over out_trade_no, as the API says.
    const SandboxTrade *trade =
        m_trades.find(Params{{u"out_trade_no"_s, biz.value(u"out_trade_no"_s).toString()},
                             {u"transaction_id"_s, biz.value(u"trade_no"_s).toString()}});
    return trade && trade->provider == u"alipay" ? trade : nullptr;
}

QJsonObject SandboxAlipayRefunds::unknownOutcome(const QString &outTradeNo)
{
    QJsonObject content{{u"code"_s, u"20000"_s},
                        {u"msg"_s, u"Service Currently Unavailable"_s},
                        {u"sub_code"_s, u"ACQ.SYSTEM_ERROR"_s},
                        {u"sub_msg"_s, u"系统繁忙"_s}};
    if (!outTradeNo.isEmpty())
        content.insert(u"out_trade_no"_s, outTradeNo);
    return content;
}

QJsonObject SandboxAlipayRefunds::refunded(const SandboxRefund &refund, const SandboxTrade &trade,
                                           bool fundChange) const
{
    return SandboxAlipayTrades::succeeded({
        {u"trade_no"_s, trade.transactionId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"buyer_logon_id"_s, buyerLogonId(trade)},
        {u"buyer_user_id"_s, trade.openId},
        {u"fund_change"_s, fundChange ? u"Y"_s : u"N"_s},
        // The trade's whole refunded amount, this refund's and every earlier one.
        {u"refund_fee"_s, formatYuan(m_refunds.refunded(trade.outTradeNo))},
        {u"gmt_refund_pay"_s, alipaytime::format(refund.settledAt)},
    });
}

QJsonObject SandboxAlipayRefunds::refund(const QJsonObject &biz, RefundBehaviour behaviour,
                                         const QDateTime &now)
{
    const QString outTradeNo = biz.value(u"out_trade_no"_s).toString();
    if (outTradeNo.isEmpty() && biz.value(u"trade_no"_s).toString().isEmpty())
        return SandboxAlipayTrades::invalidParameter(u"out_trade_no 和 trade_no 不能同时为空"_s);
    const QString requestNo = refundNoOf(biz);
    if (requestNo.size() > kMaxRequestNoChars)
        return SandboxAlipayTrades::invalidParameter(u"out_request_no 不能超过64个字符"_s);
    const QString reason = biz.value(u"refund_reason"_s).toString();
    if (reason.size() > kMaxReasonChars)
        return SandboxAlipayTrades::invalidParameter(u"refund_reason 不能超过256个字符"_s);
    // Exactly as a decimal string, as precreate takes total_amount.
    const auto amount = parseYuan(biz.value(u"refund_amount"_s).toString());
    if (!amount)
        return SandboxAlipayTrades::invalidParameter(u"refund_amount 须为最多两位小数的金额"_s);

    const SandboxTrade *trade = alipayTrade(biz);
    if (!trade)
        return refused(outTradeNo, u"ACQ.TRADE_NOT_EXIST"_s, u"交易不存在"_s);
    // Waiting, closed unpaid, or cancelled after payment (refunded whole already).
    if (trade->state != kPaid)
        return refused(trade->outTradeNo, u"ACQ.TRADE_STATUS_ERROR"_s, u"交易状态非法"_s);

    switch (m_refunds.judge(requestNo, trade->outTradeNo, trade->totalFee, *amount)) {
    case SandboxRefundBook::Verdict::Repeat: {
        const SandboxRefund earlier = *m_refunds.refund(requestNo);
        // Still processing: Alipay is no surer of it than the first time.
        if (earlier.state != sandboxRefundState::kSuccess)
            return unknownOutcome(trade->outTradeNo);
        return refunded(earlier, *trade, false);
    }
    case SandboxRefundBook::Verdict::Mismatch:
        return refused(trade->outTradeNo, u"ACQ.DISCORDANT_REPEAT_REQUEST"_s, u"不一致的请求"_s);
    case SandboxRefundBook::Verdict::NotPositive:
        return refused(trade->outTradeNo, u"ACQ.REASON_TRADE_REFUND_FEE_ERR"_s, u"退款金额无效"_s);
    case SandboxRefundBook::Verdict::FullyRefunded:
        // Refunded whole: the trade is TRADE_CLOSED. (Whole only with a refund still
        // processing, which Alipay does not admit to: that is an amount over the limit.)
        if (m_refunds.refunded(trade->outTradeNo) >= trade->totalFee)
            return refused(trade->outTradeNo, u"ACQ.TRADE_STATUS_ERROR"_s, u"交易状态非法"_s);
        return refused(trade->outTradeNo, u"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"_s, u"退款金额超限"_s);
    case SandboxRefundBook::Verdict::OverTotal:
    case SandboxRefundBook::Verdict::OverLeft:
        return refused(trade->outTradeNo, u"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"_s, u"退款金额超限"_s);
    case SandboxRefundBook::Verdict::New:
        break;
    }
    // Refused before anything moved: the same number sent later is judged afresh.
    if (behaviour == RefundBehaviour::NotEnoughBalance)
        return refused(trade->outTradeNo, u"ACQ.SELLER_BALANCE_NOT_ENOUGH"_s, u"卖家余额不足"_s);

    SandboxRefund made;
    made.outRefundNo = requestNo;
    made.outTradeNo = trade->outTradeNo;
    made.provider = u"alipay"_s;
    made.refundFee = *amount;
    made.totalFee = trade->totalFee;
    made.reason = reason;
    made.requestedAt = now.toUTC();
    if (behaviour == RefundBehaviour::StaysProcessing) {
        made.state = sandboxRefundState::kProcessing;
        m_refunds.record(made);
        return unknownOutcome(trade->outTradeNo);
    }
    made.state = sandboxRefundState::kSuccess;
    made.settledAt = wholeSeconds(now);
    m_refunds.record(made);
    if (behaviour == RefundBehaviour::ProcessThenSystemError)
        return unknownOutcome(trade->outTradeNo);
    return refunded(made, *trade, true);
}

QJsonObject SandboxAlipayRefunds::refundQuery(const QJsonObject &biz) const
{
    const QString outTradeNo = biz.value(u"out_trade_no"_s).toString();
    if (outTradeNo.isEmpty() && biz.value(u"trade_no"_s).toString().isEmpty())
        return SandboxAlipayTrades::invalidParameter(u"out_trade_no 和 trade_no 不能同时为空"_s);
    const SandboxTrade *trade = alipayTrade(biz);
    if (!trade)
        return refused(outTradeNo, u"ACQ.TRADE_NOT_EXIST"_s, u"交易不存在"_s);
    QJsonObject content{{u"trade_no"_s, trade->transactionId},
                        {u"out_trade_no"_s, trade->outTradeNo}};
    const auto refund = m_refunds.refund(refundNoOf(biz));
    // "No refund data" is Alipay's way of saying "not refunded (yet)".
    if (!refund || refund->outTradeNo != trade->outTradeNo ||
        refund->state != sandboxRefundState::kSuccess)
        return SandboxAlipayTrades::succeeded(content);
    content.insert(u"out_request_no"_s, refund->outRefundNo);
    content.insert(u"refund_amount"_s, formatYuan(refund->refundFee));
    content.insert(u"total_amount"_s, formatYuan(trade->totalFee));
    content.insert(u"refund_status"_s, u"REFUND_SUCCESS"_s);
    if (!refund->reason.isEmpty())
        content.insert(u"refund_reason"_s, refund->reason);
    if (biz.value(u"query_options"_s).toArray().contains(u"gmt_refund_pay"_s))
        content.insert(u"gmt_refund_pay"_s, alipaytime::format(refund->settledAt));
    return SandboxAlipayTrades::succeeded(content);
}

} // namespace shouyin
