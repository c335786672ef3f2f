// Refunds at the sandbox gateway: WeChat's /secapi/pay/refund (TLS endpoint only) and
// /pay/refundquery, the refunds settling on their own or at completeRefund(), their
// encrypted notifications, and what tests and other processes can ask about them.
#include "sandbox/sandboxnotifier.h"
#include "sandboxgateway.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

void SandboxGateway::setRefundBehaviour(RefundBehaviour behaviour,
                                        std::chrono::milliseconds settleDelay)
{
    m_refundScript.setDefault(behaviour, settleDelay);
}

void SandboxGateway::setRefundBehaviour(const QString &refundNo, RefundBehaviour behaviour)
{
    m_refundScript.set(refundNo, behaviour);
}

Status SandboxGateway::completeRefund(const QString &refundNo)
{
    advanceRefunds();
    const auto refund = m_refunds.refund(refundNo);
    if (!refund)
        return Error::provider(u"REFUNDNOTEXIST"_s, u"退款订单查询失败"_s);
    if (refund->state != sandboxRefundState::kProcessing)
        return Error::provider(refund->state,
                               u"refund %1 is %2, not processing"_s.arg(refundNo, refund->state));
    settleRefund(refundNo);
    return success();
}

Status SandboxGateway::sendRefundNotification(const QString &refundNo, RefundNotifyVariant variant)
{
    const auto refund = m_refunds.refund(refundNo);
    if (!refund)
        return Error::provider(u"REFUNDNOTEXIST"_s, u"退款订单查询失败"_s);
    if (refund->provider != u"wechat")
        return Error{ErrorCode::Unsupported,
                     u"only WeChat notifies refunds; %1 is %2's"_s.arg(refundNo, refund->provider)};
    // WeChat notifies results (SUCCESS, REFUNDCLOSE, CHANGE), never a refund under way.
    if (refund->state == sandboxRefundState::kProcessing)
        return Error::provider(refund->state,
                               u"refund %1 is still processing: nothing to notify"_s.arg(refundNo));
    const QUrl url(refund->notifyUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty())
        return Error::provider(u"INVALID_NOTIFY_URL"_s,
                               u"notify_url '%1' is not an http(s) URL"_s.arg(refund->notifyUrl));
    const auto trade = m_book.trade(refund->outTradeNo);
    if (!trade)
        return Error::provider(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s);
    if (refund->api == u"v3")
        return sendWechatV3RefundNotification(*refund, *trade, url, variant);
    qCInfo(lcSandbox) << "notifying refund" << refundNo << refundNotifyVariantName(variant) << "to"
                      << url.toString(QUrl::RemoveUserInfo);
    m_refundNotifier->deliver(
        refundNo, url, SandboxWechatRefunds::notification(merchant(), *refund, *trade, variant));
    return success();
}

int SandboxGateway::refundRequestCount(const QString &refundNo) const
{
    return m_refunds.requestCount(refundNo);
}

std::optional<SandboxRefund> SandboxGateway::refund(const QString &refundNo) const
{
    return m_refunds.refund(refundNo);
}

QList<SandboxRefund> SandboxGateway::refunds() const
{
    return m_refunds.refunds();
}

Fen SandboxGateway::refundedAmount(const QString &outTradeNo) const
{
    return m_refunds.refunded(outTradeNo);
}

QByteArray SandboxGateway::processWechatRefund(const QString &path, const SandboxRequest &request,
                                               const SandboxFaultPlan::Hit &hit)
{
    advanceRefunds();
    const SandboxFault fault = hit.fault;
    const bool refunding = path == SandboxWechatProtocol::kRefundPath;
    const QString refundNo = request.params.value(u"out_refund_no"_s);
    if (refunding)
        qCInfo(lcSandbox) << "refund" << refundNo << "#" << m_refunds.noteRequest(refundNo);
    if (fault == SandboxFault::SystemError)
        return m_protocol.signedReply(
            SandboxWechatRefunds::failure(u"SYSTEMERROR"_s, u"系统超时"_s), request.signType);
    Params business;
    if (refunding) {
        const RefundBehaviour behaviour = m_refundScript.behaviourFor(refundNo);
        const auto answer =
            m_wechatRefunds.refund(request.params, behaviour, m_refundScript.settleDelay(), now());
        if (!answer.returnFail.isEmpty())
            return SandboxWechatProtocol::failReply(answer.returnFail);
        business = answer.business;
        if (answer.recorded) {
            qCInfo(lcSandbox) << "refund" << refundNo << "made:" << refundBehaviourName(behaviour);
            Q_EMIT refundChanged(refundNo, sandboxRefundState::kProcessing);
            watchRefund(refundNo);
        }
        // Made, but answered as if the gateway failed: only the truth told later counts.
        if ((answer.recorded && behaviour == RefundBehaviour::ProcessThenSystemError) ||
            fault == SandboxFault::ProcessThenSystemError)
            business = SandboxWechatRefunds::failure(u"SYSTEMERROR"_s, u"系统超时"_s);
    } else {
        business = m_wechatRefunds.refundQuery(request.params);
    }
    if (business.value(u"result_code"_s) != u"SUCCESS")
        qCDebug(lcSandbox) << path << refundNo << business.value(u"err_code"_s);
    return m_protocol.signedReply(business, request.signType, fault == SandboxFault::BadSignature);
}

void SandboxGateway::advanceRefunds()
{
    for (const QString &refundNo : m_refunds.due(now()))
        settleRefund(refundNo);
}

void SandboxGateway::watchRefund(const QString &refundNo)
{
    const auto refund = m_refunds.refund(refundNo);
    if (!refund || !refund->settlesAt.isValid())
        return;
    const auto wait =
        std::chrono::milliseconds(std::max<qint64>(0, now().msecsTo(refund->settlesAt)));
    // Real time, for a till watching in real time; a test's clock may get there first.
    QTimer::singleShot(wait, Qt::PreciseTimer, this, [this, refundNo] { settleRefund(refundNo); });
}

bool SandboxGateway::settleRefund(const QString &refundNo)
{
    const auto refund = m_refunds.refund(refundNo);
    if (!refund || refund->state != sandboxRefundState::kProcessing)
        return false;
    // On time: a clock that jumped past the settle time does not move the refund with it.
    QDateTime at = now();
    if (refund->settlesAt.isValid())
        at = std::min(at, refund->settlesAt);
    const bool wechat = refund->provider == u"wechat";
    const auto before = m_book.trade(refund->outTradeNo);
    if (!(wechat ? m_wechatRefunds.settle(refundNo, at) : m_refunds.settle(refundNo, at)))
        return false;
    qCInfo(lcSandbox) << "refund" << refundNo << "of" << refund->outTradeNo << "succeeded";
    Q_EMIT refundChanged(refundNo, sandboxRefundState::kSuccess);
    noteChange(refund->outTradeNo, before ? before->state : QString());
    if (!wechat || !m_notificationsEnabled)
        return true;
    if (refund->notifyUrl.isEmpty()) {
        // The real gateway would use the merchant platform's setting; the sandbox has none.
        qCInfo(lcSandbox) << "refund" << refundNo << "has no notify_url: not notified";
        return true;
    }
    if (const Status sent = sendRefundNotification(refundNo); !sent)
        qCWarning(lcSandbox) << "cannot notify refund" << refundNo << sent.error().name()
                             << sent.error().message;
    return true;
}

QJsonArray SandboxGateway::refundsJson(const QString &outTradeNo) const
{
    QJsonArray result;
    for (const SandboxRefund &refund : m_refunds.refundsOf(outTradeNo)) {
        result.append(QJsonObject{
            {u"out_refund_no"_s, refund.outRefundNo},
            {u"refund_fee"_s, QString::number(refund.refundFee)}, // fen, as text: never a double
            {u"state"_s, refund.state},
            {u"requests"_s, refund.requests},
            {u"notifications_sent"_s, m_refundNotifier->sent(refund.outRefundNo)},
        });
    }
    return result;
}

} // namespace shouyin
