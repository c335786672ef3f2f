#pragma once

// What the crypto files share when they hand Qt's bytes to OpenSSL EVP: an owning cipher
// context, and a QByteArray seen as the unsigned bytes OpenSSL takes.

#include <QByteArray>

#include <memory>
#include <openssl/evp.h>

namespace shouyin::crypto {

struct CipherContextDeleter
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContextPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

inline const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

} // namespace shouyin::crypto
