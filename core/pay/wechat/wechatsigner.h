#pragma once

#include "xml/flatxml.h"

#include <QByteArray>

#include <optional>

namespace shouyin {

enum class WechatSignType { Md5, HmacSha256 };

// The WeChat Pay API v2 signature: every non-empty field except `sign`, sorted by
// name, joined as k=v&k=v with raw values, then "&key=<merchant key>".
class WechatSigner
{
public:
    static QByteArray canonicalString(const Params &params);
    static QString sign(const Params &params, const QByteArray &key, WechatSignType type);

    // The algorithm a message names in `sign_type` (absent means MD5); nullopt if unknown.
    static std::optional<WechatSignType> signTypeOf(const Params &params);
    static QString signTypeName(WechatSignType type);

    // True when `sign` matches under the algorithm the message itself names.
    static bool verify(const Params &params, const QByteArray &key);
    // True when `sign` matches under `type`, whatever the message says. A reply is signed
    // the way its request was, and need not say so (the official SDK verifies replies so).
    static bool verifyAs(const Params &params, const QByteArray &key, WechatSignType type);
    // A notification: under the algorithm it names (MD5 when it names none), but never
    // MD5 for a merchant configured for HMAC-SHA256 — a forger would pick the weaker.
    static bool verifyNotification(const Params &params, const QByteArray &key,
                                   WechatSignType configured);
};

} // namespace shouyin
