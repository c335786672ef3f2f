#include "sandboxwechatrefunds.h"

#include "crypto/aesecb.h"
#include "crypto/digest.h"
#include "crypto/securerandom.h"
#include "pay/wechat/wechattime.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

const QString kRefund = u"REFUND"_s; // the trade_state of a trade with a refund done
constexpr qsizetype kMaxRefundDescBytes = 80;

bool isValidOutRefundNo(const QString &outRefundNo)
{
    static const QRegularExpression kPattern(u"^[A-Za-z0-9_\\-|*@]{1,64}$"_s);
    return kPattern.match(outRefundNo).hasMatch();
}

// 29 digits like the real ones: "503", the Beijing date, then 18 random digits.
QString newRefundId(const QDateTime &now)
{
    QString id = u"503"_s + wechattime::format(now).left(8);
    for (const char byte : crypto::randomBytes(18))
        id += QChar(u'0' + static_cast<unsigned char>(byte) % 10);
    return id;
}

QString fen(Fen amount)
{
    return QString::number(amount);
}

SandboxWechatRefunds::Answer answerWith(Params business)
{
    SandboxWechatRefunds::Answer answer;
    answer.business = std::move(business);
    return answer;
}

QByteArray notifyKey(const QByteArray &apiKey)
{
    return crypto::md5Hex(apiKey).toLower();
}

} // namespace

SandboxWechatRefunds::SandboxWechatRefunds(SandboxTradeBook &trades, SandboxRefundBook &refunds)
    : m_trades(trades)
    , m_refunds(refunds)
{}

Params SandboxWechatRefunds::failure(const QString &code, const QString &description)
{
    return {{u"result_code"_s, u"FAIL"_s}, {u"err_code"_s, code}, {u"err_code_des"_s, description}};
}

Params SandboxWechatRefunds::accepted(const SandboxRefund &refund, const SandboxTrade &trade) const
{
    return {
        {u"result_code"_s, u"SUCCESS"_s},
        {u"transaction_id"_s, trade.transactionId},
        {u"out_trade_no"_s, trade.outTradeNo},
        {u"out_refund_no"_s, refund.outRefundNo},
        {u"refund_id"_s, refund.refundId},
        {u"refund_fee"_s, fen(refund.refundFee)},
        {u"total_fee"_s, fen(trade.totalFee)},
        {u"cash_fee"_s, fen(trade.totalFee)},
        {u"cash_refund_fee"_s, fen(refund.refundFee)},
        {u"coupon_refund_fee"_s, u"0"_s},
        {u"coupon_refund_count"_s, u"0"_s},
    };
}

SandboxWechatRefunds::Answer SandboxWechatRefunds::refund(const Params &request,
                                                          RefundBehaviour behaviour,
                                                          std::chrono::milliseconds settleDelay,
                                                          const QDateTime &now)
{
    const QString outRefundNo = request.value(u"out_refund_no"_s);
    if (!isValidOutRefundNo(outRefundNo))
        return answerWith(
            failure(u"PARAM_ERROR"_s, u"out_refund_no 须为不超过64位的字母、数字、_-|*@"_s));
    const auto totalFee = parseFen(request.value(u"total_fee"_s));
    const auto refundFee = parseFen(request.value(u"refund_fee"_s));
    if (!totalFee || !refundFee)
        return answerWith(failure(u"PARAM_ERROR"_s, u"total_fee、refund_fee 须为整数(单位:分)"_s));
    const QString reason = request.value(u"refund_desc"_s);
    if (reason.toUtf8().size() > kMaxRefundDescBytes)
        return answerWith(failure(u"PARAM_ERROR"_s, u"refund_desc 长度超过80字节"_s));

    const SandboxTrade *trade = m_trades.find(request);
    if (!trade || trade->provider != u"wechat")
        return answerWith(failure(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s));
    if (trade->state != u"SUCCESS" && trade->state != kRefund)
        return answerWith(
            failure(u"ERROR"_s, u"订单状态错误，不能退款 (trade_state %1)"_s.arg(trade->state)));
    // The real gateway words a wrong total_fee as it words a changed amount.
    if (*totalFee != trade->totalFee)
        return answerWith(failure(u"REFUND_FEE_MISMATCH"_s,
                                  u"订单金额或退款金额与之前请求不一致，请核实后再试"_s));

    switch (m_refunds.judge(outRefundNo, trade->outTradeNo, trade->totalFee, *refundFee)) {
    case SandboxRefundBook::Verdict::Repeat:
        return answerWith(accepted(*m_refunds.refund(outRefundNo), *trade));
    case SandboxRefundBook::Verdict::Mismatch:
        return answerWith(failure(u"REFUND_FEE_MISMATCH"_s,
                                  u"订单金额或退款金额与之前请求不一致，请核实后再试"_s));
    case SandboxRefundBook::Verdict::NotPositive:
    case SandboxRefundBook::Verdict::OverTotal: {
        // The real gateway refuses these in the envelope: return_code FAIL, unsigned.
        Answer refused;
        refused.returnFail = u"invalid refund_fee"_s;
        return refused;
    }
    case SandboxRefundBook::Verdict::FullyRefunded:
        return answerWith(failure(u"ERROR"_s, u"订单已全额退款"_s));
    case SandboxRefundBook::Verdict::OverLeft:
        return answerWith(failure(u"INVALID_REQUEST"_s, u"refund_fee大于可退金额"_s));
    case SandboxRefundBook::Verdict::New:
        break;
    }
    // Refused before anything moved: the same number sent later is judged afresh.
    if (behaviour == RefundBehaviour::NotEnoughBalance)
        return answerWith(failure(u"NOTENOUGH"_s, u"基本账户余额不足，请充值后重新发起"_s));

    SandboxRefund made;
    made.outRefundNo = outRefundNo;
    made.outTradeNo = trade->outTradeNo;
    made.provider = u"wechat"_s;
    made.refundFee = *refundFee;
    made.totalFee = trade->totalFee;
    made.state = sandboxRefundState::kProcessing;
    made.refundId = newRefundId(now);
    made.reason = reason;
    made.requestedAt = now;
    if (behaviour != RefundBehaviour::StaysProcessing)
        made.settlesAt = now.addMSecs(settleDelay.count());
    made.notifyUrl = request.value(u"notify_url"_s);
    m_refunds.record(made);
    Answer answer = answerWith(accepted(made, *trade));
    answer.recorded = true;
    return answer;
}

Params SandboxWechatRefunds::refundQuery(const Params &request) const
{
    QList<SandboxRefund> found;
    bool byTrade = false;
    if (const QString id = request.value(u"refund_id"_s); !id.isEmpty()) {
        if (const auto refund = m_refunds.refundById(id))
            found.append(*refund);
    } else if (const QString no = request.value(u"out_refund_no"_s); !no.isEmpty()) {
        if (const auto refund = m_refunds.refund(no))
            found.append(*refund);
    } else if (const SandboxTrade *trade = m_trades.find(request)) {
        found = m_refunds.refundsOf(trade->outTradeNo);
        byTrade = true;
    }
    found.removeIf([](const SandboxRefund &refund) { return refund.provider != u"wechat"; });
    const auto trade = found.isEmpty() ? std::nullopt : m_trades.trade(found.first().outTradeNo);
    if (!trade)
        return failure(u"REFUNDNOTEXIST"_s, u"退款订单查询失败"_s);

    Params reply{
        {u"result_code"_s, u"SUCCESS"_s},
        {u"transaction_id"_s, trade->transactionId},
        {u"out_trade_no"_s, trade->outTradeNo},
        {u"total_fee"_s, fen(trade->totalFee)},
        {u"cash_fee"_s, fen(trade->totalFee)},
        {u"fee_type"_s, u"CNY"_s},
        {u"refund_count"_s, QString::number(found.size())},
    };
    if (byTrade)
        reply.insert(u"total_refund_count"_s, QString::number(found.size()));
    for (qsizetype n = 0; n < found.size(); ++n) {
        const SandboxRefund &refund = found.at(n);
        const auto put = [&reply, n](const QString &name, const QString &value) {
            reply.insert(u"%1_%2"_s.arg(name).arg(n), value);
        };
        put(u"out_refund_no"_s, refund.outRefundNo);
        put(u"refund_id"_s, refund.refundId);
        put(u"refund_channel"_s, u"ORIGINAL"_s);
        put(u"refund_fee"_s, fen(refund.refundFee));
        put(u"settlement_refund_fee"_s, fen(refund.refundFee));
        put(u"refund_status"_s, refund.state);
        put(u"refund_account"_s, u"REFUND_SOURCE_UNSETTLED_FUNDS"_s);
        put(u"refund_recv_accout"_s, u"支付用户的零钱"_s);
        if (refund.state == sandboxRefundState::kSuccess)
            put(u"refund_success_time"_s, wechattime::formatDashed(refund.settledAt));
    }
    return reply;
}

bool SandboxWechatRefunds::settle(const QString &outRefundNo, const QDateTime &at)
{
    if (!m_refunds.settle(outRefundNo, at))
        return false;
    if (SandboxTrade *trade = m_trades.find(m_refunds.refund(outRefundNo)->outTradeNo))
        trade->state = kRefund;
    return true;
}

QByteArray SandboxWechatRefunds::notification(const SandboxMerchant &merchant,
                                              const SandboxRefund &refund,
                                              const SandboxTrade &trade,
                                              RefundNotifyVariant variant)
{
    Fen amount = refund.refundFee;
    if (variant == RefundNotifyVariant::WrongAmount)
        amount += amount > 1 ? -1 : 1;
    Params inner{
        {u"out_refund_no"_s, refund.outRefundNo},
        {u"out_trade_no"_s, refund.outTradeNo},
        {u"refund_account"_s, u"REFUND_SOURCE_UNSETTLED_FUNDS"_s},
        {u"refund_fee"_s, fen(amount)},
        {u"refund_id"_s, refund.refundId},
        {u"refund_recv_accout"_s, u"支付用户的零钱"_s},
        {u"refund_request_source"_s, u"API"_s},
        {u"refund_status"_s, refund.state},
        {u"settlement_refund_fee"_s, fen(amount)},
        {u"settlement_total_fee"_s, fen(refund.totalFee)},
        {u"total_fee"_s, fen(refund.totalFee)},
        {u"transaction_id"_s, trade.transactionId},
    };
    if (refund.state == sandboxRefundState::kSuccess)
        inner.insert(u"success_time"_s, wechattime::formatDashed(refund.settledAt));
    // Another key yields a req_info exactly as plausible, which the merchant key cannot open.
    const QByteArray apiKey =
        variant == RefundNotifyVariant::WrongKey ? merchant.key + "-another" : merchant.key;
    const QByteArray cipher =
        crypto::aes256EcbEncrypt(notifyKey(apiKey), FlatXml::encode(inner, u"root"_s));
    const bool other = variant == RefundNotifyVariant::OtherMerchant;
    return FlatXml::encode({
        {u"return_code"_s, u"SUCCESS"_s},
        {u"appid"_s, merchant.appId},
        {u"mch_id"_s, other ? merchant.merchantId + u"9"_s : merchant.merchantId},
        {u"nonce_str"_s, QString::fromLatin1(crypto::randomAlphanumeric(16))},
        {u"req_info"_s, QString::fromLatin1(cipher.toBase64())},
    });
}

} // namespace shouyin
