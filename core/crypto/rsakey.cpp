#include "rsakey.h"

#include <QString>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;

namespace shouyin::crypto {

namespace {

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct MdContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using MdContextPtr = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

BioPtr readBio(const QByteArray &pem)
{
    return BioPtr(BIO_new_mem_buf(pem.constData(), int(pem.size())));
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

Error keyError(ErrorCode code, const QString &message)
{
    // OpenSSL's queue would otherwise leak this failure into an unrelated later call.
    ERR_clear_error();
    return Error{code, message};
}

} // namespace

RsaKey::RsaKey(std::shared_ptr<EVP_PKEY> key, bool hasPrivate)
    : m_key(std::move(key))
    , m_private(hasPrivate)
{}

Result<RsaKey> RsaKey::generate(int bits)
{
    EVP_PKEY *key = EVP_RSA_gen(static_cast<unsigned int>(bits));
    if (!key)
        return keyError(ErrorCode::KeyGen, u"cannot generate an RSA key"_s);
    return RsaKey(own(key), true);
}

Result<RsaKey> RsaKey::fromPrivatePem(const QByteArray &pem)
{
    if (pem.contains("-----BEGIN PUBLIC KEY-----") ||
        pem.contains("-----BEGIN RSA PUBLIC KEY-----"))
        return keyError(ErrorCode::PublicKeyGiven,
                        u"this is a public key; the private key is needed here"_s);
    BioPtr bio = readBio(pem);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return keyError(ErrorCode::NotAKey, u"not a PEM private key"_s);
    auto owned = own(key);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        return keyError(ErrorCode::NotRsa, u"not an RSA key"_s);
    return RsaKey(owned, true);
}

Result<RsaKey> RsaKey::fromPublicPem(const QByteArray &pem)
{
    if (pem.contains("PRIVATE KEY-----"))
        return keyError(ErrorCode::PrivateKeyGiven,
                        u"this is a private key; only the public key belongs here"_s);
    BioPtr bio = readBio(pem);
    EVP_PKEY *key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return keyError(ErrorCode::NotAKey, u"not a PEM public key"_s);
    auto owned = own(key);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        return keyError(ErrorCode::NotRsa, u"not an RSA key"_s);
    return RsaKey(owned, false);
}

RsaKey RsaKey::publicKey() const
{
    if (!m_private)
        return *this;
    auto parsed = fromPublicPem(publicPem());
    return parsed ? parsed.value() : RsaKey();
}

QByteArray RsaKey::publicPem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PUBKEY(bio.get(), m_key.get()))
        return {};
    return drain(bio.get());
}

QByteArray RsaKey::privatePem() const
{
    if (!m_key || !m_private)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    return drain(bio.get());
}

bool RsaKey::samePublicKey(const RsaKey &other) const
{
    return m_key && other.m_key && EVP_PKEY_eq(m_key.get(), other.m_key.get()) == 1;
}

QByteArray RsaKey::signBase64(const QByteArray &data) const
{
    if (!m_key || !m_private)
        return {};
    MdContextPtr context(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr;
    size_t length = 0;
    if (!context ||
        EVP_DigestSignInit(context.get(), &keyContext, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &length,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       size_t(data.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       size_t(data.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    signature.resize(qsizetype(length));
    return signature.toBase64();
}

bool RsaKey::verifyBase64(const QByteArray &data, const QByteArray &signatureBase64) const
{
    if (!m_key)
        return false;
    auto decoded = QByteArray::fromBase64Encoding(signatureBase64.trimmed(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return false;
    MdContextPtr context(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr;
    const bool ok =
        context &&
        EVP_DigestVerifyInit(context.get(), &keyContext, EVP_sha256(), nullptr, m_key.get()) == 1 &&
        EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1 &&
        EVP_DigestVerify(
            context.get(), reinterpret_cast<const unsigned char *>(decoded.decoded.constData()),
            size_t(decoded.decoded.size()),
            reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size())) == 1;
    ERR_clear_error();
    return ok;
}

} // namespace shouyin::crypto
