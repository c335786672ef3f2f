#include "sandboxalipaytrades.h"

#include "crypto/securerandom.h"
#include "pay/alipay/alipaytime.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr qsizetype kMaxSubjectChars = 256;
constexpr Fen kMaxAmount = Fen(100'000'000) * 100; // 100 million yuan, the API's ceiling

QJsonObject businessFailure(const QString &subCode, const QString &subMessage)
{
    return {{u"code"_s, u"40004"_s},
            {u"msg"_s, u"Business Failed"_s},
            {u"sub_code"_s, subCode},
            {u"sub_msg"_s, subMessage}};
}

QJsonObject tradeNotExist()
{
    return businessFailure(u"ACQ.TRADE_NOT_EXIST"_s, u"交易不存在"_s);
}

} // namespace

SandboxAlipayTrades::SandboxAlipayTrades(SandboxTradeBook &book)
    : m_book(book)
{}

QJsonObject SandboxAlipayTrades::succeeded(QJsonObject content)
{
    content.insert(u"code"_s, u"10000"_s);
    content.insert(u"msg"_s, u"Success"_s);
    return content;
}

QJsonObject SandboxAlipayTrades::invalidParameter(const QString &subMessage)
{
    return {{u"code"_s, u"40002"_s},
            {u"msg"_s, u"Invalid Arguments"_s},
            {u"sub_code"_s, u"isv.invalid-parameter"_s},
            {u"sub_msg"_s, subMessage}};
}

QString SandboxAlipayTrades::tradeStatus(const QString &state)
{
    if (state == u"NOTPAY" || state == u"USERPAYING")
        return u"WAIT_BUYER_PAY"_s;
    if (state == u"SUCCESS")
        return u"TRADE_SUCCESS"_s;
    if (state == u"CLOSED" || state == u"REVOKED")
        return u"TRADE_CLOSED"_s;
    return state;
}

QJsonObject SandboxAlipayTrades::failure(const QString &subCode, const QString &subMessage)
{
    return businessFailure(subCode, subMessage);
}

QJsonObject SandboxAlipayTrades::systemError()
{
    return businessFailure(u"ACQ.SYSTEM_ERROR"_s, u"系统异常"_s);
}

const SandboxTrade *SandboxAlipayTrades::alipayTrade(const QString &outTradeNo) const
{
    const auto trade = m_book.find(outTradeNo);
    return trade && trade->provider == u"alipay" ? trade : nullptr;
}

QJsonObject SandboxAlipayTrades::precreate(const QJsonObject &biz, const QString &notifyUrl,
                                           const QDateTime &now)
{
    const QString outTradeNo = biz.value(u"out_trade_no"_s).toString();
    if (!SandboxTradeBook::isValidOutTradeNo(outTradeNo))
        return invalidParameter(u"out_trade_no 格式错误"_s);
    // Exactly as a decimal string, as the API sends it; a JSON number is refused too.
    const auto amount = parseYuan(biz.value(u"total_amount"_s).toString());
    if (!amount || *amount <= 0 || *amount > kMaxAmount)
        return invalidParameter(u"total_amount 须为 0.01 至 100000000 之间、最多两位小数"_s);
    const QString subject = biz.value(u"subject"_s).toString();
    if (subject.isEmpty() || subject.size() > kMaxSubjectChars)
        return invalidParameter(u"subject 不能为空且不超过256个字符"_s);
    qint64 lifeSecs = kDefaultLifeSecs;
    if (const QString express = biz.value(u"qr_code_timeout_express"_s).toString();
        !express.isEmpty()) {
        const auto parsed = alipaytime::parseTimeoutExpress(express);
        if (!parsed)
            return invalidParameter(u"qr_code_timeout_express 格式错误"_s);
        lifeSecs = *parsed;
    }

    if (const SandboxTrade *existing = m_book.find(outTradeNo)) {
        if (existing->provider != u"alipay" || existing->isCodeTrade())
            return businessFailure(u"ACQ.CONTEXT_INCONSISTENT"_s, u"交易信息被篡改"_s);
        if (existing->state == u"SUCCESS")
            return businessFailure(u"ACQ.TRADE_HAS_SUCCESS"_s, u"交易已被支付"_s);
        if (existing->state == u"CLOSED")
            return businessFailure(u"ACQ.TRADE_HAS_CLOSE"_s, u"交易已经关闭"_s);
        // A retry after a lost reply is the same trade again; anything else is a reuse.
        if (existing->totalFee != *amount || existing->body != subject)
            return businessFailure(u"ACQ.CONTEXT_INCONSISTENT"_s, u"交易信息被篡改"_s);
        return succeeded({{u"out_trade_no"_s, outTradeNo}, {u"qr_code"_s, existing->codeUrl}});
    }
    SandboxTrade trade;
    trade.provider = u"alipay"_s;
    trade.outTradeNo = outTradeNo;
    trade.state = u"NOTPAY"_s;
    trade.totalFee = *amount;
    trade.body = subject;
    trade.notifyUrl = notifyUrl;
    trade.createdAt = now;
    trade.expiresAt = now.addSecs(lifeSecs);
    trade.tradeType = u"FACE_TO_FACE_PAYMENT"_s;
    do {
        trade.codeUrl = u"https://qr.alipay.com/bax0"_s +
                        QString::fromLatin1(crypto::randomAlphanumeric(21)).toLower();
    } while (!m_book.outTradeNoForCodeUrl(trade.codeUrl).isEmpty());
    m_book.insert(trade);
    return succeeded({{u"out_trade_no"_s, outTradeNo}, {u"qr_code"_s, trade.codeUrl}});
}

QJsonObject SandboxAlipayTrades::query(const QJsonObject &biz, Fen refunded) const
{
    const SandboxTrade *trade = alipayTrade(biz.value(u"out_trade_no"_s).toString());
    // Alipay learns of a precreated trade only when the buyer scans its QR.
    if (!trade || !trade->scanned)
        return tradeNotExist();
    const bool refundedWhole = trade->state == u"SUCCESS" && refunded >= trade->totalFee;
    QJsonObject content{
        {u"out_trade_no"_s, trade->outTradeNo},
        {u"trade_status"_s, refundedWhole ? u"TRADE_CLOSED"_s : tradeStatus(trade->state)},
        {u"total_amount"_s, formatYuan(trade->totalFee)},
    };
    if (trade->state == u"SUCCESS") {
        content.insert(u"trade_no"_s, trade->transactionId);
        content.insert(u"buyer_user_id"_s, trade->openId);
        content.insert(u"buyer_pay_amount"_s, formatYuan(trade->totalFee));
        content.insert(u"receipt_amount"_s, formatYuan(trade->totalFee));
        content.insert(u"send_pay_date"_s, alipaytime::format(trade->paidAt));
    }
    return succeeded(content);
}

QJsonObject SandboxAlipayTrades::close(const QJsonObject &biz)
{
    const QString outTradeNo = biz.value(u"out_trade_no"_s).toString();
    if (!alipayTrade(outTradeNo))
        return tradeNotExist();
    SandboxTrade *trade = m_book.find(outTradeNo);
    if (trade->state == u"SUCCESS")
        return businessFailure(u"ACQ.TRADE_HAS_SUCCESS"_s, u"交易已被支付"_s);
    if (trade->state == u"CLOSED" || trade->state == u"REVOKED")
        return businessFailure(u"ACQ.TRADE_HAS_CLOSE"_s, u"交易已经关闭"_s);
    trade->state = u"CLOSED"_s;
    // Never scanned: closed all the same, but Alipay answers that it never knew it.
    if (!trade->scanned)
        return tradeNotExist();
    return succeeded({{u"out_trade_no"_s, outTradeNo}});
}

} // namespace shouyin
