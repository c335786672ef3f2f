#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace shouyin::wechatv3 {

// The encrypted `resource` of a v3 notification, and `encrypt_certificate` of
// /v3/certificates: {algorithm: "AEAD_AES_256_GCM", ciphertext (base64 of cipher text and
// its 16-byte tag), nonce (12 characters), associated_data}, under the merchant's API v3
// key (32 bytes).
inline constexpr QLatin1StringView kResourceAlgorithm("AEAD_AES_256_GCM");

// The plain text, or BadResponse (not the shape above, another algorithm) or
// BadSignature (the tag does not check out: another key, or a changed byte).
Result<QByteArray> decryptResource(const QJsonObject &resource, const QByteArray &apiV3Key);
// The sandbox's side: `nonce` must be 12 bytes.
QJsonObject encryptResource(const QByteArray &plain, const QByteArray &apiV3Key,
                            const QByteArray &nonce, const QByteArray &associatedData);

} // namespace shouyin::wechatv3
