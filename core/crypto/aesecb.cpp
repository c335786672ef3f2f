#include "aesecb.h"

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
constexpr int kBlockBytes = 16;

// Runs the whole of `input` through AES-256-ECB with PKCS#7 padding; nullopt on any
// failure, the padding check of a decryption included.
std::optional<QByteArray> run(const QByteArray &key, const QByteArray &input, bool encrypt)
{
    CipherContextPtr context(EVP_CIPHER_CTX_new());
    if (!context || EVP_CipherInit_ex(context.get(), EVP_aes_256_ecb(), nullptr, bytes(key),
                                      nullptr, encrypt ? 1 : 0) != 1)
        return std::nullopt;
    QByteArray output(input.size() + kBlockBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(output.data());
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(context.get(), out, &written, bytes(input), int(input.size())) != 1 ||
        EVP_CipherFinal_ex(context.get(), out + written, &finalWritten) != 1) {
        // OpenSSL's queue would otherwise leak this failure into an unrelated later call.
        ERR_clear_error();
        return std::nullopt;
    }
    output.resize(written + finalWritten);
    return output;
}

} // namespace

Result<QByteArray> aes256EcbDecrypt(const QByteArray &key, const QByteArray &cipher)
{
    if (key.size() != kKeyBytes)
        return Error{ErrorCode::Config, u"an AES-256 key has 32 bytes, not %1"_s.arg(key.size())};
    if (cipher.isEmpty() || cipher.size() % kBlockBytes != 0)
        return Error{ErrorCode::BadResponse,
                     u"AES cipher text of %1 bytes is not whole blocks"_s.arg(cipher.size())};
    auto plain = run(key, cipher, false);
    if (!plain)
        return Error{ErrorCode::BadResponse, u"AES cipher text does not decrypt with this key"_s};
    return *std::move(plain);
}

QByteArray aes256EcbEncrypt(const QByteArray &key, const QByteArray &plain)
{
    if (key.size() != kKeyBytes)
        return {};
    return run(key, plain, true).value_or(QByteArray());
}

} // namespace shouyin::crypto
