#pragma once

#include <QHash>
#include <QString>

#include <chrono>

namespace shouyin {

// How the sandbox's merchant account treats the refunds the till asks for, to rehearse
// every way a refund ends. The same script serves WeChat and Alipay; each protocol says
// it in its own words.
enum class RefundBehaviour {
    // WeChat: accepted (PROCESSING), SUCCESS after the settle delay, with its encrypted
    // notification. Alipay: refunded in the answer (fund_change Y).
    Succeeds,
    // WeChat: accepted and PROCESSING until SandboxGateway::completeRefund(); no
    // notification before then. Alipay answers 20000 ACQ.SYSTEM_ERROR and the refund
    // stays unknown (query: not found) until completeRefund().
    StaysProcessing,
    // Refused, nothing refunded: WeChat NOTENOUGH; Alipay ACQ.SELLER_BALANCE_NOT_ENOUGH.
    NotEnoughBalance,
    // Refunded, but answered as if the gateway failed (WeChat SYSTEMERROR; Alipay 20000
    // ACQ.SYSTEM_ERROR): only a query or the same request sent again tells the truth.
    ProcessThenSystemError,
};

QString refundBehaviourName(RefundBehaviour behaviour);

// What a refund notification the sandbox sends on request looks like (SandboxGateway::
// sendRefundNotification), to rehearse a till against an impersonated gateway.
enum class RefundNotifyVariant {
    Genuine,
    WrongKey,      // encrypted under another key
    WrongAmount,   // refund_fee one fen off, genuinely encrypted
    OtherMerchant, // mch_id of another merchant
};

QString refundNotifyVariantName(RefundNotifyVariant variant);

// Which behaviour each refund meets: one scripted per out_refund_no / out_request_no,
// else the default.
class SandboxRefundScript
{
public:
    // How long a Succeeds refund stays PROCESSING at WeChat unless told otherwise.
    static constexpr std::chrono::milliseconds kDefaultSettleDelay{200};

    void set(const QString &refundNo, RefundBehaviour behaviour);
    void setDefault(RefundBehaviour behaviour, std::chrono::milliseconds settleDelay);
    RefundBehaviour behaviourFor(const QString &refundNo) const;
    std::chrono::milliseconds settleDelay() const { return m_settleDelay; }

private:
    QHash<QString, RefundBehaviour> m_scripted;
    RefundBehaviour m_default = RefundBehaviour::Succeeds;
    std::chrono::milliseconds m_settleDelay = kDefaultSettleDelay;
};

} // namespace shouyin
