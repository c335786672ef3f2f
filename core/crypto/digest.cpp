#include "digest.h"

#include "crypto/evpcipher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace shouyin::crypto {

namespace {

QByteArray upperHex(const unsigned char *digest, unsigned int length)
{
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex().toUpper();
}

} // namespace

QByteArray md5Hex(const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), digest, &length, EVP_md5(), nullptr) != 1)
        return {};
    return upperHex(digest, length);
}

QByteArray hmacSha256Hex(const QByteArray &key, const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // HMAC() is the one-shot EVP-backed HMAC of OpenSSL 3 (not the deprecated HMAC_CTX API).
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()), bytes(data), size_t(data.size()),
              digest, &length))
        return {};
    return upperHex(digest, length);
}

bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace shouyin::crypto
