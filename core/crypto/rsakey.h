#pragma once

#include "util/result.h"

#include <QByteArray>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace shouyin::crypto {

// An RSA key (private, or public only) for the SHA256withRSA signatures (PKCS#1 v1.5)
// that Alipay calls RSA2. Copies share the one OpenSSL key. The key material never
// leaves except through the explicit PEM exports, and is never logged.
class RsaKey
{
public:
    RsaKey() = default;

    // A fresh key pair (tests and the sandbox only).
    static Result<RsaKey> generate(int bits = 2048);
    // PKCS#8 or traditional "RSA PRIVATE KEY" PEM. Error codes: NOT_A_KEY, NOT_RSA,
    // PUBLIC_KEY_GIVEN (a public key where the private one was expected).
    static Result<RsaKey> fromPrivatePem(const QByteArray &pem);
    // SubjectPublicKeyInfo PEM ("PUBLIC KEY"). Error codes: NOT_A_KEY, NOT_RSA,
    // PRIVATE_KEY_GIVEN (a private key where only the public one belongs).
    static Result<RsaKey> fromPublicPem(const QByteArray &pem);

    bool isNull() const { return !m_key; }
    bool hasPrivate() const { return m_private; }

    // The public half, as a key of its own.
    RsaKey publicKey() const;
    QByteArray publicPem() const;
    QByteArray privatePem() const; // PKCS#8; empty for a public key. Never log it.
    // Whether both keys have the same public half.
    bool samePublicKey(const RsaKey &other) const;

    // Base64 SHA256withRSA signature of `data`; empty on failure (no private key).
    QByteArray signBase64(const QByteArray &data) const;
    // Whether `signatureBase64` is this key's SHA256withRSA signature of `data`.
    bool verifyBase64(const QByteArray &data, const QByteArray &signatureBase64) const;

private:
    RsaKey(std::shared_ptr<EVP_PKEY> key, bool hasPrivate);

    std::shared_ptr<EVP_PKEY> m_key;
    bool m_private = false;
};

} // namespace shouyin::crypto
