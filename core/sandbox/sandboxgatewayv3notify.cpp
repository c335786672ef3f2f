// WeChat Pay API v3 at the sandbox gateway, continued: the keys replies and notifications
// are signed with (and a switch of them in the middle of a day), and the v3 notifications
// of payments and refunds, delivered by the same notifiers and schedule as v2's.
#include "crypto/securerandom.h"
#include "sandbox/sandboxnotifier.h"
#include "sandboxgateway.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace {

using V3 = SandboxWechatV3Protocol;

// How far from the gateway's clock the timestamp of a ReplayedStale or SkewedTimestamp
// notification is: past the till's five minutes, with a minute to spare.
constexpr qint64 kOffClockSecs = 6 * 60;

// Opens nothing the till has: the refund WrongKey variant's.
const QByteArray kAnotherApiV3Key = QByteArrayLiteral("AnotherMerchantsApiV3Key00000000");

HttpHeaders headersOf(const wechatv3::SignatureHeaders &signature)
{
    HttpHeaders headers;
    signature.writeTo(headers);
    return headers;
}

// A serial shaped like a platform certificate's that nobody ever published.
QByteArray unpublishedSerial()
{
    QByteArray serial = crypto::randomBytes(20).toHex().toUpper();
    serial[0] = 'F';
    return serial;
}

struct RefundEvent
{
    QString type;
    QString summary;
};

RefundEvent refundEvent(const QString &state)
{
    if (state == sandboxRefundState::kClosed)
        return {u"REFUND.CLOSED"_s, u"退款关闭"_s};
    if (state == sandboxRefundState::kChange)
        return {u"REFUND.ABNORMAL"_s, u"退款异常"_s};
    return {u"REFUND.SUCCESS"_s, u"退款成功"_s};
}

} // namespace

SandboxWechatV3Credentials SandboxGateway::wechatV3TrainingCredentials() const
{
    return m_v3.credentials();
}

Status SandboxGateway::setWechatV3KeyMode(WechatV3KeyMode mode)
{
    const Status set = m_v3.signer().setMode(mode, now());
    if (set)
        qCInfo(lcSandbox) << "v3 key mode" << wechatV3KeyModeName(mode) << "- signed by"
                          << m_v3.signer().signerSerial();
    return set;
}

WechatV3KeyMode SandboxGateway::wechatV3KeyMode() const
{
    return m_v3.signer().mode();
}

QString SandboxGateway::publishWechatV3Certificate(std::chrono::seconds validity)
{
    const auto published = m_v3.signer().publish(now(), validity);
    return published ? published.value() : QString();
}

Status SandboxGateway::signWechatV3With(const QString &serial)
{
    return m_v3.signer().signWith(serial);
}

Status SandboxGateway::withdrawWechatV3Certificate(const QString &serial)
{
    return m_v3.signer().withdraw(serial);
}

QString SandboxGateway::wechatV3Signer() const
{
    return m_v3.signer().signerSerial();
}

QList<QSslCertificate> SandboxGateway::wechatV3Certificates() const
{
    QList<QSslCertificate> listed;
    for (const SandboxPlatformCertificate &certificate : m_v3.signer().certificates())
        listed.append(certificate.certificate);
    return listed;
}

Status SandboxGateway::sendWechatV3Notification(const SandboxTrade &trade, const QUrl &url,
                                                NotifyVariant variant)
{
    // v3 notifies successful payments only: no failed attempt can arrive late.
    if (variant == NotifyVariant::OutOfOrder)
        return Error{
            ErrorCode::Unsupported,
            u"WeChat Pay v3 has no out-of-order notification (trade %1 is a v3 trade)"_s.arg(
                trade.outTradeNo)};
    const Fen amountOff = variant == NotifyVariant::WrongAmount ? (trade.totalFee > 1 ? 1 : -1) : 0;
    const QByteArray body = V3::notification(u"TRANSACTION.SUCCESS"_s, u"支付成功"_s,
                                             m_v3.transaction(trade, amountOff), "transaction",
                                             m_v3.credentials().apiV3Key, now());

    SandboxNotifier::HeaderSigner sign;
    switch (variant) {
    case NotifyVariant::WrongSignature:
        sign = [this](const QByteArray &message) {
            return headersOf(
                m_v3.signer().forge(message, now().toSecsSinceEpoch(), m_v3.merchantKey()));
        };
        break;
    case NotifyVariant::ReplayedStale: {
        // Captured when it was sent, minutes ago: every retry repeats those headers.
        const HttpHeaders captured =
            headersOf(m_v3.signer().sign(body, now().toSecsSinceEpoch() - kOffClockSecs));
        sign = [captured](const QByteArray &) {
            return captured;
        };
        break;
    }
    case NotifyVariant::SkewedTimestamp:
        sign = [this](const QByteArray &message) {
            return headersOf(m_v3.signer().sign(message, now().toSecsSinceEpoch() + kOffClockSecs));
        };
        break;
    case NotifyVariant::UnknownSerial: {
        const QByteArray serial = unpublishedSerial();
        sign = [this, serial](const QByteArray &message) {
            wechatv3::SignatureHeaders signature =
                m_v3.signer().sign(message, now().toSecsSinceEpoch());
            signature.serial = serial;
            return headersOf(signature);
        };
        break;
    }
    default:
        // Signed afresh at each attempt, by whoever signs then: a retry after a key switch
        // names the new key, as the real gateway's would.
        sign = [this](const QByteArray &message) {
            return headersOf(m_v3.signer().sign(message, now().toSecsSinceEpoch()));
        };
        break;
    }
    qCInfo(lcSandbox) << "notifying v3" << trade.outTradeNo << notifyVariantName(variant) << "to"
                      << url.toString(QUrl::RemoveUserInfo);
    m_notifier->deliver(trade.outTradeNo, url, body, SandboxNotifier::Dialect::WechatV3, sign);
    if (variant == NotifyVariant::Duplicate)
        m_notifier->deliver(trade.outTradeNo, url, body, SandboxNotifier::Dialect::WechatV3, sign);
    return success();
}

Status SandboxGateway::sendWechatV3RefundNotification(const SandboxRefund &refund,
                                                      const SandboxTrade &trade, const QUrl &url,
                                                      RefundNotifyVariant variant)
{
    const Fen amountOff =
        variant == RefundNotifyVariant::WrongAmount ? (refund.refundFee > 1 ? 1 : -1) : 0;
    const QString merchantId = variant == RefundNotifyVariant::OtherMerchant
                                   ? m_v3.credentials().merchantId + u"9"_s
                                   : m_v3.credentials().merchantId;
    const QByteArray apiV3Key =
        variant == RefundNotifyVariant::WrongKey ? kAnotherApiV3Key : m_v3.credentials().apiV3Key;
    const RefundEvent event = refundEvent(refund.state);
    const QByteArray body = V3::notification(
        event.type, event.summary, V3::refundResource(refund, trade, merchantId, amountOff),
        "refund", apiV3Key, now());
    qCInfo(lcSandbox) << "notifying v3 refund" << refund.outRefundNo
                      << refundNotifyVariantName(variant) << "to"
                      << url.toString(QUrl::RemoveUserInfo);
    m_refundNotifier->deliver(refund.outRefundNo, url, body, SandboxNotifier::Dialect::WechatV3,
                              [this](const QByteArray &message) {
                                  return headersOf(
                                      m_v3.signer().sign(message, now().toSecsSinceEpoch()));
                              });
    return success();
}

} // namespace shouyin
