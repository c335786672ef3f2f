#pragma once

#include "pay/wechat/wechatsigner.h"
#include "sandbox/sandboxmerchant.h"
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

private:
    SandboxMerchant m_merchant;
};

} // namespace shouyin
