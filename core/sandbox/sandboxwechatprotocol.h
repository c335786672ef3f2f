#pragma once

#include "pay/wechat/wechatsigner.h"
#include "sandbox/sandboxfaultplan.h"
#include "sandbox/sandboxmerchant.h"
#include "sandbox/sandboxtrade.h"
#include "util/result.h"
#include "xml/flatxml.h"

#include <QByteArray>
#include <QString>

namespace shouyin {

// A request that passed the gateway's communication checks.
struct SandboxRequest
{
    Params params;
    WechatSignType signType = WechatSignType::Md5; // replies are signed the same way
};

// The WeChat Pay v2 envelope as the real gateway handles it: the checks every request
// goes through before any business logic, and the shape of the replies.
class SandboxWechatProtocol
{
public:
    static inline const QString kUnifiedOrderPath = QStringLiteral("/pay/unifiedorder");
    static inline const QString kOrderQueryPath = QStringLiteral("/pay/orderquery");
    static inline const QString kCloseOrderPath = QStringLiteral("/pay/closeorder");
    static inline const QString kMicropayPath = QStringLiteral("/pay/micropay");
    // Served only where the client shows the merchant's certificate (listenSecure).
    static inline const QString kReversePath = QStringLiteral("/secapi/pay/reverse");
    static inline const QString kRefundPath = QStringLiteral("/secapi/pay/refund");
    static inline const QString kRefundQueryPath = QStringLiteral("/pay/refundquery");

    explicit SandboxWechatProtocol(SandboxMerchant merchant);

    const SandboxMerchant &merchant() const { return m_merchant; }

    // XML, then required parameters, then merchant identity, then signature, in the
    // real gateway's order. The error's code is the failure's name (XML_FORMAT_ERROR,
    // LACK_PARAMS, APPID_MCHID_NOT_MATCH, SIGNERROR) and its message the return_msg.
    Result<SandboxRequest> check(const QString &path, const QByteArray &body) const;

    // return_code FAIL: unsigned, as the real gateway's are.
    static QByteArray failReply(const QString &returnMsg);
    // return_code SUCCESS with the business fields, signed with `type`. A corrupted
    // signature is for the BadSignature fault.
    QByteArray signedReply(Params business, WechatSignType type,
                           bool corruptSignature = false) const;
    // Whether an HMAC-SHA256-signed reply says so in sign_type (default). The real
    // gateway need not: a client must verify a reply the way it signed its request.
    void setRepliesNameSignType(bool name) { m_repliesNameSignType = name; }

    // The payment notification the gateway POSTs to a paid trade's notify_url, signed the
    // way the unifiedorder that created the trade was, in the shape `variant` asks for
    // (a Duplicate is one genuine body; sending it twice is the caller's business).
    QByteArray notification(const SandboxTrade &trade, NotifyVariant variant) const;

private:
    // Adds the merchant's identity, a nonce, sign_type when not MD5 (and `nameSignType`),
    // and the signature.
    QByteArray sign(Params message, WechatSignType type, bool corruptSignature,
                    bool nameSignType = true) const;

    SandboxMerchant m_merchant;
    bool m_repliesNameSignType = true;
};

} // namespace shouyin
