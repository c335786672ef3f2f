#pragma once

#include <QByteArray>

namespace shouyin::crypto {

// Bytes from OpenSSL's CSPRNG. Aborts if the generator fails: continuing with
// predictable nonces or ids would be worse than stopping.
QByteArray randomBytes(int count);

// A random string of [A-Za-z0-9], for nonce_str (WeChat allows up to 32 characters).
QByteArray randomAlphanumeric(int length);

// A random string of upper-case Crockford base32 (no I, L, O, U), for ids people read.
QByteArray randomBase32(int length);

} // namespace shouyin::crypto
