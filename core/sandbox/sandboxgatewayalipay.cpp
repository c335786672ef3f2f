// The Alipay half of the sandbox gateway: /gateway.do, with the same faults, trade table
// and notifications as the WeChat paths.
#include "pay/alipay/alipayform.h"
#include "sandbox/sandboxcloseerrors.h"
#include "sandboxgateway.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace {

bool isCloseRefusal(SandboxFault fault)
{
    return fault == SandboxFault::RefuseClose || fault == SandboxFault::PayThenRefuseClose ||
           fault == SandboxFault::CloseThenRefuseClose;
}

const QByteArray kTextType = QByteArrayLiteral("text/plain; charset=utf-8");
const QByteArray kJsonType = QByteArrayLiteral("application/json; charset=utf-8");

using StatusCode = QHttpServerResponder::StatusCode;

} // namespace

SandboxAlipayCredentials SandboxGateway::alipayTrainingCredentials() const
{
    return m_alipay.credentials();
}

QUrl SandboxGateway::alipayGatewayUrl() const
{
    QUrl url = baseUrl();
    if (!url.isEmpty())
        url.setPath(SandboxAlipayProtocol::kGatewayPath);
    return url;
}

Status SandboxGateway::scan(const QString &outTradeNo)
{
    return m_book.scan(outTradeNo);
}

void SandboxGateway::handleAlipay(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    const QString path = SandboxAlipayProtocol::kGatewayPath;
    ++m_requestCounts[path];
    const Exchange exchange(std::move(responder));
    if (request.body().size() > kMaxBodyBytes) {
        answer(exchange, "request body too large\n", int(StatusCode::PayloadTooLarge), kTextType);
        return;
    }
    const QString method = alipayform::decode(request.body()).value(u"method"_s);
    if (!method.isEmpty())
        ++m_requestCounts[method];
    // A fault aimed at the method wins over one aimed at the whole gateway.
    SandboxFaultPlan::Hit hit = method.isEmpty() ? SandboxFaultPlan::Hit{} : m_faults.take(method);
    if (hit.fault == SandboxFault::None)
        hit = m_faults.take(path);
    if (hit.fault != SandboxFault::None)
        qCInfo(lcSandbox) << path << method << "suffers injected fault" << faultName(hit.fault);
    if (hit.fault == SandboxFault::Http500) {
        answer(exchange, "<html><body>500 Internal Server Error</body></html>",
               int(StatusCode::InternalServerError), "text/html");
        return;
    }
    auto checked = m_alipay.check(request.body());
    if (!checked) {
        qCInfo(lcSandbox) << path << method << "refused:" << checked.error().code;
        respond(exchange, hit, SandboxAlipayProtocol::refusal(method, checked.error()), kJsonType);
        return;
    }
    respond(exchange, hit, processAlipay(checked.value(), hit), kJsonType);
}

QByteArray SandboxGateway::processAlipay(const SandboxAlipayRequest &request,
                                         const SandboxFaultPlan::Hit &hit)
{
    const QString &method = request.method;
    advanceCodeTrades();
    if (method == SandboxAlipayProtocol::kPay || method == SandboxAlipayProtocol::kCancel)
        return processAlipayCode(request, hit);
    if (method == SandboxAlipayProtocol::kRefund || method == SandboxAlipayProtocol::kRefundQuery)
        return processAlipayRefund(request, hit);
    if (hit.fault == SandboxFault::SystemError)
        return m_alipay.reply(method, SandboxAlipayTrades::systemError());
    const QString outTradeNo = request.biz.value(u"out_trade_no"_s).toString();
    const bool closing = method == SandboxAlipayProtocol::kClose;
    if (closing)
        qCInfo(lcSandbox) << "close" << outTradeNo << "#" << ++m_closeCounts[outTradeNo];
    const auto before = m_book.trade(outTradeNo);
    const bool payable = before && before->provider == u"alipay" && before->state == u"NOTPAY";
    // Payment racing a close, as for WeChat: it lands just before the close is handled.
    if (closing && hit.fault == SandboxFault::PayDuringClose && payable)
        payRacingClose(outTradeNo);
    QJsonObject content;
    if (closing && isCloseRefusal(hit.fault)) {
        // The fault does what it says to the trade (the buyer pays, or Alipay closes it
        // at its own timeout, or nothing); the close is answered the documented error.
        if (hit.fault == SandboxFault::PayThenRefuseClose && payable)
            payRacingClose(outTradeNo);
        else if (hit.fault == SandboxFault::CloseThenRefuseClose)
            m_alipayTrades.close(request.biz);
        const auto error = documentedCloseError(u"alipay"_s, hit.code);
        content = SandboxAlipayTrades::failure(hit.code, error ? error->message : hit.code);
    } else if (method == SandboxAlipayProtocol::kPrecreate) {
        content =
            m_alipayTrades.precreate(request.biz, request.params.value(u"notify_url"_s), now());
    } else if (method == SandboxAlipayProtocol::kQuery) {
        content = m_alipayTrades.query(request.biz, m_refunds.refunded(outTradeNo));
    } else {
        content = m_alipayTrades.close(request.biz);
    }
    noteChange(outTradeNo, before ? before->state : QString());
    const auto after = m_book.trade(outTradeNo);
    if (closing && hit.fault == SandboxFault::PayAfterClose && payable && after &&
        after->state == u"CLOSED") {
        QTimer::singleShot(hit.latency, Qt::PreciseTimer, this,
                           [this, outTradeNo] { payRacingClose(outTradeNo); });
    }
    return m_alipay.reply(method, content, hit.fault == SandboxFault::BadSignature);
}

QByteArray SandboxGateway::processAlipayRefund(const SandboxAlipayRequest &request,
                                               const SandboxFaultPlan::Hit &hit)
{
    advanceRefunds();
    const QString &method = request.method;
    const bool refunding = method == SandboxAlipayProtocol::kRefund;
    const QString refundNo = SandboxAlipayRefunds::refundNoOf(request.biz);
    // Counted as WeChat's are: every request naming the number, refused or failed ones too.
    if (refunding)
        qCInfo(lcSandbox) << "refund" << refundNo << "#" << m_refunds.noteRequest(refundNo);
    if (hit.fault == SandboxFault::SystemError)
        return m_alipay.reply(method, SandboxAlipayTrades::systemError());
    QJsonObject content;
    if (refunding) {
        const RefundBehaviour behaviour = m_refundScript.behaviourFor(refundNo);
        const bool known = m_refunds.refund(refundNo).has_value();
        content = m_alipayRefunds.refund(request.biz, behaviour, now());
        const auto made = m_refunds.refund(refundNo);
        if (!known && made) {
            qCInfo(lcSandbox) << "refund" << refundNo << "made:" << refundBehaviourName(behaviour);
            Q_EMIT refundChanged(refundNo, made->state);
        }
        // Made, but answered as if the gateway failed: only a query tells the truth.
        if (made && hit.fault == SandboxFault::ProcessThenSystemError)
            content = SandboxAlipayRefunds::unknownOutcome(made->outTradeNo);
    } else {
        content = m_alipayRefunds.refundQuery(request.biz);
    }
    if (content.value(u"code"_s).toString() != u"10000")
        qCDebug(lcSandbox) << method << refundNo << content.value(u"sub_code"_s).toString();
    return m_alipay.reply(method, content, hit.fault == SandboxFault::BadSignature);
}

QByteArray SandboxGateway::processWechat(const QString &path, const QByteArray &body,
                                         const SandboxFaultPlan::Hit &hit)
{
    const SandboxFault fault = hit.fault;
    auto checked = m_protocol.check(path, body);
    if (!checked) {
        qCInfo(lcSandbox) << path << "refused:" << checked.error().code;
        return SandboxWechatProtocol::failReply(checked.error().message);
    }
    const SandboxRequest &request = checked.value();
    // Whatever the request, it sees the code trades as they are by now().
    advanceCodeTrades();
    if (path == SandboxWechatProtocol::kMicropayPath || path == SandboxWechatProtocol::kReversePath)
        return processWechatCode(path, request, hit);
    if (path == SandboxWechatProtocol::kRefundPath ||
        path == SandboxWechatProtocol::kRefundQueryPath)
        return processWechatRefund(path, request, hit);
    if (fault == SandboxFault::SystemError) {
        return m_protocol.signedReply({{u"result_code"_s, u"FAIL"_s},
                                       {u"err_code"_s, u"SYSTEMERROR"_s},
                                       {u"err_code_des"_s, u"系统超时"_s}},
                                      request.signType);
    }

    const QString outTradeNo = request.params.value(u"out_trade_no"_s);
    const bool closing = path == SandboxWechatProtocol::kCloseOrderPath;
    if (closing)
        qCInfo(lcSandbox) << "close" << outTradeNo << "#" << ++m_closeCounts[outTradeNo];
    // The customer's payment lands a moment before the close is processed, which then
    // finds the trade paid, as the real gateway would.
    if (closing && fault == SandboxFault::PayDuringClose) {
        if (const auto trade = m_book.trade(outTradeNo); trade && trade->state == u"NOTPAY")
            payRacingClose(outTradeNo);
    }
    const auto before = m_book.trade(outTradeNo);
    Params business;
    if (closing && isCloseRefusal(fault)) {
        // As for Alipay: the trade is paid, or closed, or left; the close is refused.
        const bool open = before && before->state == u"NOTPAY";
        if (fault == SandboxFault::PayThenRefuseClose && open)
            payRacingClose(outTradeNo);
        else if (fault == SandboxFault::CloseThenRefuseClose)
            m_book.closeOrder(request.params);
        const auto error = documentedCloseError(u"wechat"_s, hit.code);
        business = {{u"result_code"_s, u"FAIL"_s},
                    {u"err_code"_s, hit.code},
                    {u"err_code_des"_s, error ? error->message : hit.code}};
    } else if (path == SandboxWechatProtocol::kUnifiedOrderPath)
        business = m_book.unifiedOrder(request.params, now());
    else if (path == SandboxWechatProtocol::kOrderQueryPath)
        business = m_book.orderQuery(request.params);
    else
        business = m_book.closeOrder(request.params);
    if (business.value(u"result_code"_s) != u"SUCCESS")
        qCDebug(lcSandbox) << path << outTradeNo << business.value(u"err_code"_s);
    noteChange(outTradeNo, before ? before->state : QString());
    if (closing && fault == SandboxFault::PayAfterClose && before && before->state == u"NOTPAY" &&
        business.value(u"result_code"_s) == u"SUCCESS") {
        // The close was answered CLOSED; the payment still completes a little later.
        QTimer::singleShot(hit.latency, Qt::PreciseTimer, this,
                           [this, outTradeNo] { payRacingClose(outTradeNo); });
    }
    return m_protocol.signedReply(business, request.signType, fault == SandboxFault::BadSignature);
}

} // namespace shouyin
