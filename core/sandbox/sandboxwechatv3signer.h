#pragma once

#include "crypto/rsakey.h"
#include "pay/wechatv3/wechatv3signing.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <chrono>

namespace shouyin {

// What the sandbox's WeChat Pay API v3 signs with, as the merchant platform sets it.
enum class WechatV3KeyMode {
    // 微信支付公钥: replies and notifications are signed with the WeChat Pay public key's
    // private half, Wechatpay-Serial = its id; GET /v3/certificates answers 404 NOT_FOUND.
    PublicKey,
    // 平台证书: signed with the current platform certificate's key, Wechatpay-Serial = its
    // serial; GET /v3/certificates lists every published certificate.
    PlatformCertificates,
};

QString wechatV3KeyModeName(WechatV3KeyMode mode);

// A platform certificate the sandbox made, with the private key it signs with.
struct SandboxPlatformCertificate
{
    QString serial; // upper-case hex without separators, as Wechatpay-Serial names it
    QSslCertificate certificate;
    crypto::RsaKey key;
};

// The sandbox's side of WeChat Pay's signing keys: the public key pair, the platform
// certificates published so far, and which of them signs now. A switch in the middle of a
// day is rehearsed in WeChat Pay's steps: publish a new certificate (listed, not signing
// yet), sign with it (or with the public key), withdraw the old one.
class SandboxWechatV3Signer
{
public:
    // Real platform certificates last five years.
    static constexpr std::chrono::seconds kCertificateLife = std::chrono::hours(5 * 365 * 24);
    // A certificate is valid from a little before it is made: a till whose clock is a
    // minute behind the gateway's believes it all the same.
    static constexpr std::chrono::seconds kBackdating = std::chrono::minutes(10);

    SandboxWechatV3Signer(QString publicKeyId, crypto::RsaKey publicKeyPair);

    WechatV3KeyMode mode() const { return m_mode; }
    // Switches the mode and signs as it does by default from now on: with the public key,
    // or with the newest listed certificate (one is made at `now` when none is listed).
    Status setMode(WechatV3KeyMode mode, const QDateTime &now);

    // Makes a new RSA 2048 certificate with a random serial, valid from `now` (less
    // kBackdating) for `validity`, and lists it; it does not sign yet. Its serial.
    Result<QString> publish(const QDateTime &now, std::chrono::seconds validity = kCertificateLife);
    // Signs from now on with the public key (by its id) or a listed certificate.
    Status signWith(const QString &serial);
    // The certificate is no longer listed nor used; refused for the one that signs now.
    Status withdraw(const QString &serial);

    QString publicKeyId() const { return m_publicKeyId; }
    QString signerSerial() const { return m_signer; }
    // The listed certificates, oldest first.
    const QList<SandboxPlatformCertificate> &certificates() const { return m_certificates; }

    // The four headers of `body` sent at `timestamp` (Unix seconds), signed by `serial`'s
    // key; empty `serial`: the current signer's. A serial without a key gets no signature.
    wechatv3::SignatureHeaders sign(const QByteArray &body, qint64 timestamp,
                                    const QString &serial = {}) const;
    // The current signer's headers, but signed with `otherKey`: a signature exactly as
    // plausible that no key of WeChat Pay's verifies.
    wechatv3::SignatureHeaders forge(const QByteArray &body, qint64 timestamp,
                                     const crypto::RsaKey &otherKey) const;
    // Who signs the list of certificates, which must be one of them: the signer when it
    // is a certificate, else the newest listed; empty when none is listed.
    QString certificateListSigner() const;

private:
    const crypto::RsaKey *keyOf(const QString &serial) const;

    QString m_publicKeyId;
    crypto::RsaKey m_publicKeyPair;
    WechatV3KeyMode m_mode = WechatV3KeyMode::PublicKey;
    QString m_signer;
    QList<SandboxPlatformCertificate> m_certificates;
};

} // namespace shouyin
