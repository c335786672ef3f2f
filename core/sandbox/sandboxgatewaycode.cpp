// Payment codes (付款码) at the sandbox gateway: WeChat's /pay/micropay and
// /secapi/pay/reverse, Alipay's trade.pay and trade.cancel, the scripted customers behind
// the codes, and the faults that leave a charge's outcome unknown.
#include "sandboxgateway.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace {

Params wechatFailure(const QString &code, const QString &description)
{
    return {{u"result_code"_s, u"FAIL"_s}, {u"err_code"_s, code}, {u"err_code_des"_s, description}};
}

QString stateOf(const std::optional<SandboxTrade> &trade)
{
    return trade ? trade->state : QString();
}

} // namespace

void SandboxGateway::setCodeCustomer(const QString &authCode, CodeCustomer customer,
                                     std::chrono::milliseconds delay)
{
    m_codeScript.set(authCode, customer, delay);
}

void SandboxGateway::setDefaultCodeCustomer(CodeCustomer customer, std::chrono::milliseconds delay)
{
    m_codeScript.setDefault(customer, delay);
}

QString SandboxGateway::sampleCode(const QString &provider, CodeCustomer customer)
{
    return SandboxCodeScript::sampleCode(provider, customer);
}

void SandboxGateway::advanceCodeTrades()
{
    for (const QString &outTradeNo : m_codeTrades.due(now())) {
        if (m_codeTrades.settle(outTradeNo, now()))
            noteChange(outTradeNo, u"USERPAYING"_s);
    }
}

void SandboxGateway::watchCodeTrade(const QString &outTradeNo)
{
    const auto trade = m_book.trade(outTradeNo);
    if (!trade || trade->state != u"USERPAYING" || !trade->pendingUntil.isValid())
        return;
    const auto wait =
        std::chrono::milliseconds(std::max<qint64>(0, now().msecsTo(trade->pendingUntil)));
    // Real time, for a till watching in real time; a test's clock may get there first.
    QTimer::singleShot(wait, Qt::PreciseTimer, this, [this, outTradeNo] {
        if (m_codeTrades.settle(outTradeNo, now()))
            noteChange(outTradeNo, u"USERPAYING"_s);
    });
}

Status SandboxGateway::confirmCodeTrade(const QString &outTradeNo)
{
    if (const Status confirmed = m_codeTrades.confirm(outTradeNo, now()); !confirmed) {
        qCInfo(lcSandbox) << "customer cannot confirm" << outTradeNo << confirmed.error().code;
        return confirmed;
    }
    // Payment-code trades are not notified: WeChat never notifies a micropay.
    noteChange(outTradeNo, u"USERPAYING"_s);
    return success();
}

QByteArray SandboxGateway::processWechatCode(const QString &path, const SandboxRequest &request,
                                             const SandboxFaultPlan::Hit &hit)
{
    const SandboxFault fault = hit.fault;
    const Params &params = request.params;
    QString outTradeNo = params.value(u"out_trade_no"_s);
    const bool reversing = path == SandboxWechatProtocol::kReversePath;
    if (reversing) {
        if (const SandboxTrade *named = m_book.find(params))
            outTradeNo = named->outTradeNo;
        qCInfo(lcSandbox) << "reverse" << outTradeNo << "#" << ++m_reverseCounts[outTradeNo];
        // Not done; the gateway asks for the reverse again.
        if (fault == SandboxFault::SystemError || fault == SandboxFault::Recall)
            return m_protocol.signedReply({{u"result_code"_s, u"FAIL"_s},
                                           {u"err_code"_s, u"SYSTEMERROR"_s},
                                           {u"err_code_des"_s, u"系统超时"_s},
                                           {u"recall"_s, u"Y"_s}},
                                          request.signType);
    } else if (fault == SandboxFault::SystemError) {
        return m_protocol.signedReply(wechatFailure(u"SYSTEMERROR"_s, u"系统超时"_s),
                                      request.signType);
    }

    const auto before = m_book.trade(outTradeNo);
    Params business;
    if (reversing) {
        business = m_codeTrades.reverse(params);
    } else {
        const ScriptedCustomer customer = m_codeScript.customerFor(params.value(u"auth_code"_s));
        business = m_codeTrades.micropay(params, customer, now());
        if (!before)
            watchCodeTrade(outTradeNo);
        // The charge went through as scripted; the answer hides how.
        if (fault == SandboxFault::BankError)
            business = wechatFailure(u"BANKERROR"_s, u"银行系统异常"_s);
        else if (fault == SandboxFault::ProcessThenSystemError)
            business = wechatFailure(u"SYSTEMERROR"_s, u"系统超时"_s);
    }
    if (business.value(u"result_code"_s) != u"SUCCESS")
        qCDebug(lcSandbox) << path << outTradeNo << business.value(u"err_code"_s);
    noteChange(outTradeNo, stateOf(before));
    return m_protocol.signedReply(business, request.signType, fault == SandboxFault::BadSignature);
}

QByteArray SandboxGateway::processAlipayCode(const SandboxAlipayRequest &request,
                                             const SandboxFaultPlan::Hit &hit)
{
    const SandboxFault fault = hit.fault;
    const QString &method = request.method;
    QString outTradeNo = request.biz.value(u"out_trade_no"_s).toString();
    const bool cancelling = method == SandboxAlipayProtocol::kCancel;
    if (cancelling) {
        const QString tradeNo = request.biz.value(u"trade_no"_s).toString();
        if (const SandboxTrade *named = m_book.find(
                Params{{u"out_trade_no"_s, outTradeNo}, {u"transaction_id"_s, tradeNo}}))
            outTradeNo = named->outTradeNo;
        qCInfo(lcSandbox) << "cancel" << outTradeNo << "#" << ++m_reverseCounts[outTradeNo];
        if (fault == SandboxFault::SystemError || fault == SandboxFault::Recall)
            return m_alipay.reply(method, SandboxAlipayCodePay::cancelAgain(outTradeNo));
    } else if (fault == SandboxFault::SystemError) {
        return m_alipay.reply(method, SandboxAlipayTrades::systemError());
    }

    const auto before = m_book.trade(outTradeNo);
    QJsonObject content;
    if (cancelling) {
        content = m_alipayCodePay.cancel(request.biz, now());
    } else {
        const ScriptedCustomer customer =
            m_codeScript.customerFor(request.biz.value(u"auth_code"_s).toString());
        content = m_alipayCodePay.pay(request.biz, customer, request.params.value(u"notify_url"_s),
                                      now());
        if (!before)
            watchCodeTrade(outTradeNo);
        if (fault == SandboxFault::BankError || fault == SandboxFault::ProcessThenSystemError)
            content = SandboxAlipayCodePay::unknownOutcome(outTradeNo);
    }
    noteChange(outTradeNo, stateOf(before));
    return m_alipay.reply(method, content, fault == SandboxFault::BadSignature);
}

} // namespace shouyin
