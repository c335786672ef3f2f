#include "aesgcm.h"

#include "crypto/evpcipher.h"

#include <QString>

#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <optional>

using namespace Qt::StringLiterals;

namespace shouyin::crypto {

namespace {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

// A context keyed for AES-256-GCM with a 12-byte nonce, the associated data fed in.
CipherContextPtr begin(const QByteArray &key, const QByteArray &nonce,
                       const QByteArray &associatedData, bool encrypt)
{
    CipherContextPtr context(EVP_CIPHER_CTX_new());
    int ignored = 0;
    if (!context ||
        EVP_CipherInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr,
                          encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
        EVP_CipherInit_ex(context.get(), nullptr, nullptr, bytes(key), bytes(nonce),
                          encrypt ? 1 : 0) != 1 ||
        (!associatedData.isEmpty() &&
         EVP_CipherUpdate(context.get(), nullptr, &ignored, bytes(associatedData),
                          int(associatedData.size())) != 1))
        return nullptr;
    return context;
}

} // namespace

Result<QByteArray> aes256GcmDecrypt(const QByteArray &key, const QByteArray &nonce,
                                    const QByteArray &associatedData,
                                    const QByteArray &cipherAndTag)
{
    if (key.size() != kKeyBytes)
        return Error{ErrorCode::Config, u"an API v3 key has 32 bytes, not %1"_s.arg(key.size())};
    if (nonce.size() != kNonceBytes)
        return Error{ErrorCode::BadResponse,
                     u"an AES-GCM nonce has 12 bytes, not %1"_s.arg(nonce.size())};
    if (cipherAndTag.size() < kTagBytes)
        return Error{
            ErrorCode::BadResponse,
            u"AES-GCM cipher text of %1 bytes has no room for its tag"_s.arg(cipherAndTag.size())};
    const qsizetype cipherBytes = cipherAndTag.size() - kTagBytes;
    QByteArray tag = cipherAndTag.right(kTagBytes);
    CipherContextPtr context = begin(key, nonce, associatedData, false);
    QByteArray plain(cipherBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(plain.data());
    int written = 0;
    int finalWritten = 0;
    if (!context ||
        (cipherBytes > 0 && EVP_DecryptUpdate(context.get(), out, &written, bytes(cipherAndTag),
                                              int(cipherBytes)) != 1) ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(context.get(), out + written, &finalWritten) != 1) {
        // OpenSSL's queue would otherwise leak this failure into an unrelated later call.
        ERR_clear_error();
        return Error{ErrorCode::BadSignature,
                     u"AES-GCM cipher text does not check out with this key and associated data"_s};
    }
    plain.resize(written + finalWritten);
    return plain;
}

QByteArray aes256GcmEncrypt(const QByteArray &key, const QByteArray &nonce,
                            const QByteArray &associatedData, const QByteArray &plain)
{
    if (key.size() != kKeyBytes || nonce.size() != kNonceBytes)
        return {};
    CipherContextPtr context = begin(key, nonce, associatedData, true);
    QByteArray output(plain.size() + kTagBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(output.data());
    int written = 0;
    int finalWritten = 0;
    if (!context ||
        (!plain.isEmpty() &&
         EVP_EncryptUpdate(context.get(), out, &written, bytes(plain), int(plain.size())) != 1) ||
        EVP_EncryptFinal_ex(context.get(), out + written, &finalWritten) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                            out + written + finalWritten) != 1) {
        ERR_clear_error();
        return {};
    }
    output.resize(written + finalWritten + kTagBytes);
    return output;
}

} // namespace shouyin::crypto
