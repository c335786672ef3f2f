#pragma once

#include <QByteArray>
#include <QStringView>

namespace shouyin {

// PINs as salted PBKDF2-HMAC-SHA256 (OpenSSL). A four-digit PIN has little entropy, so
// the slow hash only buys time after a stolen database; the lockout in UserStore is
// what stops guessing at the counter.
class PinHasher
{
public:
    // OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about 0.3 s on a small till.
    static constexpr int kDefaultIterations = 600'000;
    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;
    static constexpr int kMinPinLength = 4;
    static constexpr int kMaxPinLength = 8;

    // 4 to 8 ASCII digits: what a till's keypad can type.
    static bool isWellFormed(QStringView pin);

    static QByteArray newSalt();
    // The derived key; empty if OpenSSL fails or the parameters are unusable.
    static QByteArray hash(QStringView pin, const QByteArray &salt, int iterations);
    // Constant-time comparison with a stored hash.
    static bool verify(QStringView pin, const QByteArray &salt, int iterations,
                       const QByteArray &expected);
};

} // namespace shouyin
