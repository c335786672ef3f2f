#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace shouyin {

struct SandboxErrorCode
{
    QString code;
    QString message; // as the provider words it
};

// The error codes the providers document for closing a trade: WeChat Pay v2
// /pay/closeorder, and alipay.trade.close. The sandbox answers any of them on request
// (SandboxGateway::injectCloseRefusal), so that the settler is tried against each.
const QList<SandboxErrorCode> &wechatCloseErrors();
const QList<SandboxErrorCode> &alipayCloseErrors();
// The documented wording of `code` for `provider` ("wechat", "alipay"), if it is one.
std::optional<SandboxErrorCode> documentedCloseError(const QString &provider, const QString &code);

} // namespace shouyin
