#pragma once

#include <QByteArray>

namespace shouyin::crypto {

// Upper-case hex digests through OpenSSL EVP, as the WeChat v2 signature wants them.
QByteArray md5Hex(const QByteArray &data);
QByteArray hmacSha256Hex(const QByteArray &key, const QByteArray &data);

// Constant-time comparison, for signatures.
bool equalConstantTime(const QByteArray &a, const QByteArray &b);

} // namespace shouyin::crypto
