#include "securerandom.h"

#include <cstdlib>
#include <openssl/rand.h>

namespace shouyin::crypto {

namespace {

// Rejection sampling keeps every character equally likely.
QByteArray randomFromAlphabet(const char *alphabet, int alphabetSize, int length)
{
    const int limit = 256 - (256 % alphabetSize);
    QByteArray out;
    out.reserve(length);
    while (out.size() < length) {
        const QByteArray pool = randomBytes(length * 2);
        for (const char byte : pool) {
            const int value = static_cast<unsigned char>(byte);
            if (value < limit && out.size() < length)
                out.append(alphabet[value % alphabetSize]);
        }
    }
    return out;
}

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        std::abort();
    return out;
}

QByteArray randomAlphanumeric(int length)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    return randomFromAlphabet(kAlphabet, int(sizeof(kAlphabet) - 1), length);
}

QByteArray randomBase32(int length)
{
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    return randomFromAlphabet(kAlphabet, int(sizeof(kAlphabet) - 1), length);
}

} // namespace shouyin::crypto
