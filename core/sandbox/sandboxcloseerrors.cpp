#include "sandboxcloseerrors.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

const QList<SandboxErrorCode> &wechatCloseErrors()
{
    static const QList<SandboxErrorCode> errors{
        {u"ORDERPAID"_s, u"订单已支付，不能发起关单"_s},
        {u"SYSTEMERROR"_s, u"系统错误"_s},
        {u"ORDERCLOSED"_s, u"订单已关闭，无法重复关闭"_s},
        {u"SIGNERROR"_s, u"签名错误"_s},
        {u"REQUIRE_POST_METHOD"_s, u"请使用post方法"_s},
        {u"XML_FORMAT_ERROR"_s, u"XML格式错误"_s},
    };
    return errors;
}

const QList<SandboxErrorCode> &alipayCloseErrors()
{
    static const QList<SandboxErrorCode> errors{
        {u"ACQ.SYSTEM_ERROR"_s, u"系统错误"_s},
        {u"ACQ.INVALID_PARAMETER"_s, u"参数无效"_s},
        {u"ACQ.TRADE_NOT_EXIST"_s, u"交易不存在"_s},
        {u"ACQ.TRADE_STATUS_ERROR"_s, u"交易状态不合法"_s},
    };
    return errors;
}

std::optional<SandboxErrorCode> documentedCloseError(const QString &provider, const QString &code)
{
    const QList<SandboxErrorCode> &errors =
        provider == u"alipay" ? alipayCloseErrors() : wechatCloseErrors();
    const auto found = std::find_if(errors.cbegin(), errors.cend(),
                                    [&code](const SandboxErrorCode &e) { return e.code == code; });
    if (found == errors.cend())
        return std::nullopt;
    return *found;
}

} // namespace shouyin
