#pragma once

#include "crypto/rsakey.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace shouyin {

// A reply of the Alipay gateway: {"alipay_trade_x_response":{...},"sign":"..."} or
// {"error_response":{...},"sign":"..."}. The signature covers the raw text of the
// *_response value exactly as received, so that text is cut out of the body by brace
// matching, never re-serialised, and verified before it is parsed.
class AlipayResponse
{
public:
    // "alipay.trade.query" -> "alipay_trade_query_response".
    static QByteArray responseKey(const QString &method);

    // The raw text of the value of top-level `key` in a JSON object, respecting strings
    // and escapes; nullopt when the key is absent or the text is not a JSON object.
    static std::optional<QByteArray> rawValue(const QByteArray &json, const QByteArray &key);

    // The verified business object of a reply to `method`, whatever its code. Errors:
    // BAD_RESPONSE (not the expected JSON), BAD_SIGNATURE (signed by another key, or
    // unsigned and not a plain refusal), GATEWAY (an unsigned refusal of the request).
    static Result<QJsonObject> decode(const QByteArray &body, const QString &method,
                                      const crypto::RsaKey &alipayPublicKey);

    // Builds a signed reply (the sandbox's side): `content` serialised once, signed over
    // exactly the serialised text.
    static QByteArray encode(const QString &method, const QJsonObject &content,
                             const crypto::RsaKey &alipayKey, bool sign = true);
};

} // namespace shouyin
