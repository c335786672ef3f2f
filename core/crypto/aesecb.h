#pragma once

#include "util/result.h"

#include <QByteArray>

namespace shouyin::crypto {

// AES-256 in ECB mode with PKCS#7 padding, through OpenSSL EVP: what WeChat Pay v2 uses
// for the req_info of a refund notification. ECB leaks equal blocks; it is here because
// the protocol demands it, not as a choice for anything new.
//
// `key` must be exactly 32 bytes. Decryption fails on a key of another length, a cipher
// text that is not whole blocks, or padding that does not check out. A wrong key is
// caught by the padding check alone, which random bytes pass about once in 256: callers
// must still parse what they get strictly.
Result<QByteArray> aes256EcbDecrypt(const QByteArray &key, const QByteArray &cipher);
// Empty when `key` is not 32 bytes (any real cipher text is at least one block).
QByteArray aes256EcbEncrypt(const QByteArray &key, const QByteArray &plain);

} // namespace shouyin::crypto
