#pragma once

#include "util/result.h"

#include <QByteArray>

namespace shouyin::crypto {

// AEAD_AES_256_GCM, through OpenSSL EVP: what WeChat Pay v3 uses for the `resource` of a
// notification and the certificates /v3/certificates sends, with the merchant's API v3
// key. The 16-byte tag follows the cipher text, as v3 sends it (base64 of both together).
//
// `key` must be exactly 32 bytes and `nonce` 12 (v3's nonce is 12 characters). Decryption
// fails, returning nothing of the plain text, unless the tag checks out over the cipher
// text and `associatedData`: a wrong key, a changed byte or other associated data.
Result<QByteArray> aes256GcmDecrypt(const QByteArray &key, const QByteArray &nonce,
                                    const QByteArray &associatedData,
                                    const QByteArray &cipherAndTag);
// Cipher text and tag; empty when the key or the nonce has the wrong length. For the
// sandbox, which plays the provider.
QByteArray aes256GcmEncrypt(const QByteArray &key, const QByteArray &nonce,
                            const QByteArray &associatedData, const QByteArray &plain);

} // namespace shouyin::crypto
