#include "pinhasher.h"

#include "crypto/digest.h"
#include "crypto/securerandom.h"

#include <QString>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace shouyin {

bool PinHasher::isWellFormed(QStringView pin)
{
    if (pin.size() < kMinPinLength || pin.size() > kMaxPinLength)
        return false;
    for (const QChar c : pin) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

QByteArray PinHasher::newSalt()
{
    return crypto::randomBytes(kSaltBytes);
}

QByteArray PinHasher::hash(QStringView pin, const QByteArray &salt, int iterations)
{
    if (iterations <= 0 || salt.isEmpty())
        return {};
    QByteArray secret = pin.toUtf8();
    QByteArray out(kHashBytes, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()),
                                     int(salt.size()), iterations, EVP_sha256(), int(out.size()),
                                     reinterpret_cast<unsigned char *>(out.data()));
    // The PIN must not linger in freed heap memory.
    OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    if (ok != 1)
        return {};
    return out;
}

bool PinHasher::verify(QStringView pin, const QByteArray &salt, int iterations,
                       const QByteArray &expected)
{
    const QByteArray actual = hash(pin, salt, iterations);
    return !actual.isEmpty() && crypto::equalConstantTime(actual, expected);
}

} // namespace shouyin
