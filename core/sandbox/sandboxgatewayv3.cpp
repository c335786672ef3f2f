// WeChat Pay API v3 at the sandbox gateway: the JSON endpoints under /v3/, each request's
// Authorization checked and each reply signed, over the same trade table, payment-code
// customers and refunds as v2 (whose business rules answer, in v3's words).
#include "crypto/securerandom.h"
#include "pay/wechat/wechattime.h"
#include "sandboxgateway.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace {

using V3 = SandboxWechatV3Protocol;
using StatusCode = QHttpServerResponder::StatusCode;

const QByteArray kJsonType = QByteArrayLiteral("application/json; charset=utf-8");
const QByteArray kTextType = QByteArrayLiteral("text/plain; charset=utf-8");
const QString kCurrency = u"CNY"_s;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

QByteArray headerOf(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// What the till signed: the request target exactly as it came.
QByteArray pathAndQueryOf(const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return target;
}

// An amount in fen: a JSON integer, never a fraction.
std::optional<Fen> fenOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const qint64 whole = value.toInteger(-1);
    if (double(whole) != value.toDouble() || whole <= 0)
        return std::nullopt;
    return Fen(whole);
}

SandboxV3Reply paramError(const QString &message)
{
    return SandboxV3Reply::error(400, u"PARAM_ERROR"_s, message);
}

SandboxV3Reply systemError()
{
    return SandboxV3Reply::error(500, u"SYSTEM_ERROR"_s, u"系统错误"_s);
}

SandboxV3Reply orderNotExist()
{
    return SandboxV3Reply::error(404, u"ORDER_NOT_EXIST"_s, u"订单不存在"_s);
}

SandboxV3Reply refundNotExist()
{
    return SandboxV3Reply::error(404, u"RESOURCE_NOT_EXISTS"_s, u"退款单不存在"_s);
}

// The merchant named in the body must be the one that signed; null when it is.
std::optional<SandboxV3Reply> merchantRefusal(const QJsonObject &body,
                                              const SandboxWechatV3Credentials &credentials,
                                              bool namesApp)
{
    const QString merchantId = body.value(u"mchid"_s).toString();
    const QString appId = body.value(u"appid"_s).toString();
    if (merchantId.isEmpty() || (namesApp && appId.isEmpty()))
        return paramError(namesApp ? u"缺少参数 appid 或 mchid"_s : u"缺少参数 mchid"_s);
    if (merchantId != credentials.merchantId || (namesApp && appId != credentials.appId))
        return SandboxV3Reply::error(400, u"APPID_MCHID_NOT_MATCH"_s, u"appid和mchid不匹配"_s);
    return std::nullopt;
}

std::optional<SandboxV3Reply> currencyRefusal(const QJsonObject &amount)
{
    const QJsonValue currency = amount.value(u"currency"_s);
    if (!currency.isUndefined() && currency.toString() != kCurrency)
        return paramError(u"amount.currency 仅支持 CNY"_s);
    return std::nullopt;
}

// v3's words for a refund the v2 rules refused.
SandboxV3Reply refundRefusal(const Params &business)
{
    const QString code = business.value(u"err_code"_s);
    const QString message = business.value(u"err_code_des"_s);
    if (code == u"ORDERNOTEXIST")
        return SandboxV3Reply::error(404, u"RESOURCE_NOT_EXISTS"_s, u"订单不存在"_s);
    if (code == u"NOTENOUGH")
        return SandboxV3Reply::error(400, u"NOT_ENOUGH"_s, message);
    if (code == u"PARAM_ERROR")
        return paramError(message);
    return SandboxV3Reply::error(400, u"INVALID_REQUEST"_s, message);
}

bool succeeded(const Params &business)
{
    return business.value(u"result_code"_s) == u"SUCCESS";
}

void writeSigned(QHttpServerResponder &responder, const SandboxV3Reply &reply,
                 const wechatv3::SignatureHeaders &signature, const QByteArray &requestId)
{
    const auto status = StatusCode(reply.status);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    HttpHeaders listed;
    signature.writeTo(listed);
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, kJsonType);
    for (const auto &[name, value] : listed)
        headers.append(name, value);
    headers.append("Request-ID", requestId);
    responder.write(reply.body, headers, status);
#else
    // Qt before 6.8 takes the headers as an initializer list only.
    responder.write(reply.body,
                    {{"Content-Type", kJsonType},
                     {"Wechatpay-Timestamp", signature.timestamp},
                     {"Wechatpay-Nonce", signature.nonce},
                     {"Wechatpay-Signature", signature.signature},
                     {"Wechatpay-Serial", signature.serial},
                     {"Request-ID", requestId}},
                    status);
#endif
}

} // namespace

void SandboxGateway::handleWechatV3(const QHttpServerRequest &request,
                                    QHttpServerResponder &&responder)
{
    const Exchange exchange(std::move(responder));
    const QUrl url = request.url();
    const QByteArray method = methodName(request.method());
    const auto route = V3::route(method, url.path());
    if (!route) {
        ++m_requestCounts[url.path()];
        answerV3(
            exchange,
            SandboxV3Reply::error(404, u"NOT_FOUND"_s,
                                  u"%1 %2 不存在"_s.arg(QString::fromLatin1(method), url.path())),
            false);
        return;
    }
    ++m_requestCounts[route->label];
    if (request.body().size() > kMaxBodyBytes) {
        answer(exchange, "request body too large\n", int(StatusCode::PayloadTooLarge), kTextType);
        return;
    }
    const SandboxFaultPlan::Hit hit = m_faults.take(route->label);
    if (hit.fault != SandboxFault::None)
        qCInfo(lcSandbox) << route->label << "suffers injected fault" << faultName(hit.fault);
    if (hit.fault == SandboxFault::Http500) {
        // The load balancer's, unsigned: the till cannot know what happened.
        answer(exchange, "<html><body>500 Internal Server Error</body></html>",
               int(StatusCode::InternalServerError), "text/html");
        return;
    }
    const QByteArray body = request.body();
    const Status verified =
        m_v3.verify(headerOf(request, "authorization"), method, pathAndQueryOf(url), body, now());
    if (!verified) {
        qCInfo(lcSandbox) << route->label << "refused: SIGN_ERROR" << verified.error().message;
        respondV3(exchange, hit,
                  SandboxV3Reply::error(401, u"SIGN_ERROR"_s, verified.error().message));
        return;
    }
    QJsonObject json;
    if (method == "POST") {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (!document.isObject()) {
            respondV3(exchange, hit,
                      paramError(u"请求体不是JSON对象: %1"_s.arg(parseError.errorString())));
            return;
        }
        json = document.object();
    }
    respondV3(exchange, hit, processWechatV3(*route, QUrlQuery(url), json, hit));
}

SandboxV3Reply SandboxGateway::processWechatV3(const SandboxWechatV3Protocol::Route &route,
                                               const QUrlQuery &query, const QJsonObject &body,
                                               const SandboxFaultPlan::Hit &hit)
{
    // Whatever the request, it sees the code trades as they are by now().
    advanceCodeTrades();
    const QString &label = route.label;
    // Counted as v2's are: every request that names the trade or refund, served or not.
    if (label == V3::kClosePath) {
        qCInfo(lcSandbox) << "v3 close" << route.parameter << "#"
                          << ++m_closeCounts[route.parameter];
    } else if (label == V3::kReversePath) {
        qCInfo(lcSandbox) << "v3 reverse" << route.parameter << "#"
                          << ++m_reverseCounts[route.parameter];
    } else if (label == V3::kRefundPath) {
        const QString refundNo = body.value(u"out_refund_no"_s).toString();
        qCInfo(lcSandbox) << "v3 refund" << refundNo << "#" << m_refunds.noteRequest(refundNo);
    }
    // Not processed: what the till asked is left undone.
    if (hit.fault == SandboxFault::SystemError)
        return systemError();

    if (label == V3::kNativePath)
        return v3NativeOrder(body);
    if (label == V3::kQueryPath)
        return v3Query(route.parameter, query);
    if (label == V3::kClosePath)
        return v3Close(route.parameter, body, hit);
    if (label == V3::kCodepayPath)
        return v3Codepay(body, hit);
    if (label == V3::kReversePath)
        return v3Reverse(route.parameter, body, hit);
    if (label == V3::kRefundPath)
        return v3Refund(body, hit);
    if (label == V3::kRefundQueryPath)
        return v3RefundQuery(route.parameter);
    return v3Certificates();
}

SandboxV3Reply SandboxGateway::v3NativeOrder(const QJsonObject &body)
{
    if (auto refused = merchantRefusal(body, m_v3.credentials(), true))
        return *refused;
    const QString outTradeNo = body.value(u"out_trade_no"_s).toString();
    const QString description = body.value(u"description"_s).toString();
    const QString notifyUrl = body.value(u"notify_url"_s).toString();
    const QJsonObject amount = body.value(u"amount"_s).toObject();
    const auto total = fenOf(amount.value(u"total"_s));
    if (outTradeNo.isEmpty() || description.isEmpty() || notifyUrl.isEmpty() || !total)
        return paramError(u"缺少参数 description、out_trade_no、notify_url 或 amount.total"_s);
    if (auto refused = currencyRefusal(amount))
        return *refused;
    Params params{
        {u"body"_s, description},
        {u"out_trade_no"_s, outTradeNo},
        {u"total_fee"_s, QString::number(*total)},
        {u"notify_url"_s, notifyUrl},
        {u"trade_type"_s, u"NATIVE"_s},
        {u"product_id"_s, outTradeNo},
        {u"attach"_s, body.value(u"attach"_s).toString()},
    };
    if (const QString expire = body.value(u"time_expire"_s).toString(); !expire.isEmpty()) {
        const QDateTime expiresAt = V3::parseTime(expire);
        if (!expiresAt.isValid())
            return paramError(u"time_expire 格式错误"_s);
        params.insert(u"time_expire"_s, wechattime::format(expiresAt));
    }
    const auto before = m_book.trade(outTradeNo);
    const Params business = m_book.unifiedOrder(params, now());
    if (!succeeded(business))
        return V3::refusal(business);
    if (!before)
        m_book.find(outTradeNo)->api = u"v3"_s;
    noteChange(outTradeNo, before ? before->state : QString());
    return SandboxV3Reply::json({{u"code_url"_s, business.value(u"code_url"_s)}});
}

SandboxV3Reply SandboxGateway::v3Query(const QString &outTradeNo, const QUrlQuery &query)
{
    const QString merchantId = query.queryItemValue(u"mchid"_s, QUrl::FullyDecoded);
    if (merchantId.isEmpty())
        return paramError(u"缺少参数 mchid"_s);
    if (merchantId != m_v3.credentials().merchantId)
        return paramError(u"mchid 与请求的商户号不符"_s);
    const auto trade = m_book.trade(outTradeNo);
    if (!trade || trade->provider != u"wechat")
        return orderNotExist();
    return SandboxV3Reply::json(m_v3.transaction(*trade));
}

SandboxV3Reply SandboxGateway::v3Close(const QString &outTradeNo, const QJsonObject &body,
                                       const SandboxFaultPlan::Hit &hit)
{
    if (auto refused = merchantRefusal(body, m_v3.credentials(), false))
        return *refused;
    const auto found = m_book.trade(outTradeNo);
    if (!found || found->provider != u"wechat")
        return orderNotExist();
    // As on v2: the customer's payment lands a moment before the close is processed.
    if (hit.fault == SandboxFault::PayDuringClose && found->state == u"NOTPAY")
        payRacingClose(outTradeNo);
    const auto before = m_book.trade(outTradeNo);
    const Params business = m_book.closeOrder({{u"out_trade_no"_s, outTradeNo}});
    noteChange(outTradeNo, before->state);
    const bool closedNow = succeeded(business);
    if (closedNow && hit.fault == SandboxFault::PayAfterClose && before->state == u"NOTPAY") {
        QTimer::singleShot(hit.latency, Qt::PreciseTimer, this,
                           [this, outTradeNo] { payRacingClose(outTradeNo); });
    }
    // v3 closes idempotently: a closed trade is answered as if closed now.
    if (closedNow || business.value(u"err_code"_s) == u"ORDERCLOSED")
        return SandboxV3Reply::noContent();
    return V3::refusal(business);
}

SandboxV3Reply SandboxGateway::v3Codepay(const QJsonObject &body, const SandboxFaultPlan::Hit &hit)
{
    if (auto refused = merchantRefusal(body, m_v3.credentials(), true))
        return *refused;
    const QString outTradeNo = body.value(u"out_trade_no"_s).toString();
    const QString description = body.value(u"description"_s).toString();
    const QString authCode = body.value(u"payer"_s).toObject().value(u"auth_code"_s).toString();
    const QJsonObject amount = body.value(u"amount"_s).toObject();
    const auto total = fenOf(amount.value(u"total"_s));
    if (outTradeNo.isEmpty() || description.isEmpty() || authCode.isEmpty() || !total)
        return paramError(u"缺少参数 description、out_trade_no、payer.auth_code 或 amount.total"_s);
    if (auto refused = currencyRefusal(amount))
        return *refused;
    const Params params{
        {u"body"_s, description},
        {u"out_trade_no"_s, outTradeNo},
        {u"total_fee"_s, QString::number(*total)},
        {u"auth_code"_s, authCode},
        {u"attach"_s, body.value(u"attach"_s).toString()},
    };
    const auto before = m_book.trade(outTradeNo);
    const Params business =
        m_codeTrades.micropay(params, m_codeScript.customerFor(authCode), now());
    if (!before) {
        if (SandboxTrade *made = m_book.find(outTradeNo))
            made->api = u"v3"_s;
        watchCodeTrade(outTradeNo);
    }
    noteChange(outTradeNo, before ? before->state : QString());
    // The charge went through as scripted; the answer hides how.
    if (hit.fault == SandboxFault::BankError)
        return SandboxV3Reply::error(500, u"BANK_ERROR"_s, u"银行系统异常"_s);
    if (hit.fault == SandboxFault::ProcessThenSystemError)
        return systemError();
    if (succeeded(business))
        return SandboxV3Reply::json(m_v3.transaction(*m_book.trade(outTradeNo)));
    if (business.value(u"err_code"_s) == u"USERPAYING")
        return SandboxV3Reply::error(202, u"USERPAYING"_s, u"需要用户输入支付密码"_s);
    return V3::refusal(business);
}

SandboxV3Reply SandboxGateway::v3Reverse(const QString &outTradeNo, const QJsonObject &body,
                                         const SandboxFaultPlan::Hit &hit)
{
    if (auto refused = merchantRefusal(body, m_v3.credentials(), true))
        return *refused;
    // Not done; the gateway asks for the reverse again.
    if (hit.fault == SandboxFault::Recall)
        return SandboxV3Reply::json({{u"recall"_s, u"Y"_s}});
    const auto before = m_book.trade(outTradeNo);
    if (!before || before->provider != u"wechat")
        return orderNotExist();
    if (before->api != u"v3")
        return SandboxV3Reply::error(400, u"INVALID_REQUEST"_s,
                                     u"该订单由API v2下单，请使用v2接口撤销"_s);
    const Params business = m_codeTrades.reverse({{u"out_trade_no"_s, outTradeNo}});
    noteChange(outTradeNo, before->state);
    if (succeeded(business))
        return SandboxV3Reply::json({{u"recall"_s, u"N"_s}});
    if (business.value(u"err_code"_s) == u"USERPAYING")
        return SandboxV3Reply::error(400, u"TRADE_ERROR"_s, u"用户支付中，请稍后再撤销"_s);
    return V3::refusal(business);
}

SandboxV3Reply SandboxGateway::v3Refund(const QJsonObject &body, const SandboxFaultPlan::Hit &hit)
{
    advanceRefunds();
    const QString refundNo = body.value(u"out_refund_no"_s).toString();
    const QString outTradeNo = body.value(u"out_trade_no"_s).toString();
    const QString transactionId = body.value(u"transaction_id"_s).toString();
    const QJsonObject amount = body.value(u"amount"_s).toObject();
    const auto refundFee = fenOf(amount.value(u"refund"_s));
    const auto total = fenOf(amount.value(u"total"_s));
    if (refundNo.isEmpty() || (outTradeNo.isEmpty() && transactionId.isEmpty()) || !refundFee ||
        !total)
        return paramError(u"缺少参数 out_refund_no、out_trade_no 或 amount.refund、amount.total"_s);
    if (auto refused = currencyRefusal(amount))
        return *refused;
    Params params{
        {u"out_refund_no"_s, refundNo},
        {u"total_fee"_s, QString::number(*total)},
        {u"refund_fee"_s, QString::number(*refundFee)},
        {u"refund_desc"_s, body.value(u"reason"_s).toString()},
        {u"notify_url"_s, body.value(u"notify_url"_s).toString()},
    };
    if (!outTradeNo.isEmpty())
        params.insert(u"out_trade_no"_s, outTradeNo);
    if (!transactionId.isEmpty())
        params.insert(u"transaction_id"_s, transactionId);
    const RefundBehaviour behaviour = m_refundScript.behaviourFor(refundNo);
    const auto answer =
        m_wechatRefunds.refund(params, behaviour, m_refundScript.settleDelay(), now());
    if (!answer.returnFail.isEmpty())
        return paramError(u"amount.refund 无效: %1"_s.arg(answer.returnFail));
    if (answer.recorded) {
        m_refunds.find(refundNo)->api = u"v3"_s;
        qCInfo(lcSandbox) << "v3 refund" << refundNo << "made:" << refundBehaviourName(behaviour);
        Q_EMIT refundChanged(refundNo, sandboxRefundState::kProcessing);
        watchRefund(refundNo);
    }
    // Made, but answered as if the gateway failed: only the truth told later counts.
    if ((answer.recorded && behaviour == RefundBehaviour::ProcessThenSystemError) ||
        hit.fault == SandboxFault::ProcessThenSystemError)
        return systemError();
    if (!succeeded(answer.business))
        return refundRefusal(answer.business);
    const auto refund = m_refunds.refund(refundNo);
    const auto trade = refund ? m_book.trade(refund->outTradeNo) : std::nullopt;
    if (!trade)
        return refundNotExist();
    return SandboxV3Reply::json(V3::refund(*refund, *trade));
}

SandboxV3Reply SandboxGateway::v3RefundQuery(const QString &refundNo)
{
    advanceRefunds();
    const auto refund = m_refunds.refund(refundNo);
    if (!refund || refund->provider != u"wechat")
        return refundNotExist();
    const auto trade = m_book.trade(refund->outTradeNo);
    if (!trade)
        return refundNotExist();
    return SandboxV3Reply::json(V3::refund(*refund, *trade));
}

SandboxV3Reply SandboxGateway::v3Certificates() const
{
    // A merchant on the public key has no platform certificate to download.
    if (m_v3.signer().mode() == WechatV3KeyMode::PublicKey)
        return SandboxV3Reply::error(404, u"NOT_FOUND"_s,
                                     u"商户使用微信支付公钥验签，无可下载的平台证书"_s);
    SandboxV3Reply reply{200, m_v3.certificateList(), m_v3.signer().certificateListSigner()};
    return reply;
}

void SandboxGateway::respondV3(const Exchange &exchange, const SandboxFaultPlan::Hit &hit,
                               SandboxV3Reply reply)
{
    switch (hit.fault) {
    case SandboxFault::NoReply:
        hold(exchange);
        return;
    case SandboxFault::Latency:
        // Signed when it goes out, as the real gateway's would be.
        QTimer::singleShot(hit.latency, Qt::PreciseTimer, this,
                           [this, exchange, reply] { answerV3(exchange, reply, false); });
        return;
    case SandboxFault::Malformed:
        // Signed as it is: what fails is the JSON, not the signature.
        reply.body.truncate(reply.body.size() / 2);
        break;
    default:
        break;
    }
    answerV3(exchange, reply, hit.fault == SandboxFault::BadSignature);
}

void SandboxGateway::answerV3(const Exchange &exchange, const SandboxV3Reply &reply,
                              bool forgeSignature)
{
    // The client may have hung up while the answer waited; v3 is only served on the plain
    // endpoint, whose exchanges have a responder.
    if (!exchange.socket || !exchange.responder)
        return;
    const qint64 timestamp = now().toSecsSinceEpoch();
    const SandboxWechatV3Signer &signer = m_v3.signer();
    const wechatv3::SignatureHeaders signature =
        forgeSignature ? signer.forge(reply.body, timestamp, m_v3.merchantKey())
                       : signer.sign(reply.body, timestamp, reply.signer);
    writeSigned(*exchange.responder, reply, signature, crypto::randomBytes(16).toHex().toUpper());
}

} // namespace shouyin
