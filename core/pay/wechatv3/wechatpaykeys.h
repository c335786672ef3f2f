#pragma once

#include "crypto/rsakey.h"
#include "pay/wechatv3/wechatv3signing.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <chrono>

namespace shouyin {

// The keys WeChat Pay signs replies and notifications with, found by the serial a message
// names: the WeChat Pay public key under its id (PUB_KEY_ID_…, 公钥模式), and platform
// certificates under their serials, each believed only within its validity. During a
// switch from one to another a shop holds both, and a message may name either.
//
// A value: the provider swaps a whole new set in when certificates are downloaded, so
// that the listener's threads read one without locks.
class WechatPayKeys
{
public:
    // Replies and notifications whose timestamp is this far from our clock are refused:
    // an old signed message replayed, or a clock that is wrong.
    static constexpr std::chrono::minutes kMaxSkew{5};

    // `keyId` as the merchant platform shows it, "PUB_KEY_ID_0114…".
    void addPublicKey(const QString &keyId, const crypto::RsaKey &publicKey);
    // Config when the certificate holds no RSA public key.
    Status addCertificate(const QSslCertificate &certificate);

    bool isEmpty() const { return m_keys.isEmpty(); }
    bool knows(const QString &serial) const;
    QStringList serials() const;
    bool hasCertificates() const;
    // The last notAfter of the certificates held; invalid when there are none.
    QDateTime certificatesExpire() const;

    // Whether `body` with these headers is signed by a key named by `headers.serial` that
    // is valid at `now`, with a timestamp less than kMaxSkew from `now`. BadSignature
    // says which of those failed (an unknown serial is named as such: the caller may
    // refresh its certificates).
    Status verify(const wechatv3::SignatureHeaders &headers, const QByteArray &body,
                  const QDateTime &now) const;

private:
    struct Entry
    {
        crypto::RsaKey key;
        QDateTime notBefore; // invalid: no limit (a public key)
        QDateTime notAfter;
    };
    QHash<QString, Entry> m_keys; // by normalized serial
};

} // namespace shouyin
