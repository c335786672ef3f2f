#pragma once

#include "sandbox/sandboxalipaymerchant.h"
#include "sandbox/sandboxfaultplan.h"
#include "sandbox/sandboxtrade.h"
#include "util/result.h"
#include "xml/flatxml.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace shouyin {

// A request that passed the Alipay gateway's common checks.
struct SandboxAlipayRequest
{
    QString method;
    Params params;
    QJsonObject biz; // biz_content
};

// The Alipay open API envelope as the real gateway handles it at /gateway.do: form
// parameters, the RSA2 check of every request with the app public key, replies signed
// with the "Alipay" private key over the exact response text, and notifications.
class SandboxAlipayProtocol
{
public:
    static inline const QString kGatewayPath = QStringLiteral("/gateway.do");
    static inline const QString kPrecreate = QStringLiteral("alipay.trade.precreate");
    static inline const QString kQuery = QStringLiteral("alipay.trade.query");
    static inline const QString kClose = QStringLiteral("alipay.trade.close");
    static inline const QString kPay = QStringLiteral("alipay.trade.pay");
    static inline const QString kCancel = QStringLiteral("alipay.trade.cancel");
    static inline const QString kRefund = QStringLiteral("alipay.trade.refund");
    static inline const QString kRefundQuery = QStringLiteral("alipay.trade.fastpay.refund.query");

    // Whether the sandbox serves `method`.
    static bool serves(const QString &method);

    // Fixed sandbox-only key pairs (sandboxalipaykeys.cpp): never configure them against
    // Alipay.
    static const SandboxAlipayMerchant &trainingMerchant();
    const SandboxAlipayMerchant &merchant() const { return trainingMerchant(); }
    SandboxAlipayCredentials credentials() const;

    // Parameters, app id, sign type, signature, biz_content, in that order. The error's
    // code is the sub_code (isv.missing-…, isv.invalid-app-id, isv.invalid-signature, …)
    // and its message the sub_msg.
    Result<SandboxAlipayRequest> check(const QByteArray &body) const;

    // A refused request (code 40001/40002), unsigned as the real gateway's often are.
    static QByteArray refusal(const QString &method, const Error &error);
    // The business reply, signed with the Alipay key; a corrupted one is signed with
    // another key (for the BadSignature fault).
    QByteArray reply(const QString &method, const QJsonObject &content,
                     bool corruptSignature = false) const;

    // The asynchronous notification (form body) for a paid trade, in `variant`'s shape.
    QByteArray notification(const SandboxTrade &trade, NotifyVariant variant,
                            const QDateTime &now) const;
};

} // namespace shouyin
