#include "sandboxwechatv3signer.h"

#include "crypto/securerandom.h"

#include <QLoggingCategory>

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using BigNumber = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

// 159 random bits with the top one set: 40 hex digits, like WeChat Pay's serials, and a
// positive ASN.1 integer.
constexpr int kSerialBits = 159;

Key toOpenSsl(const crypto::RsaKey &key)
{
    const QByteArray pem = key.privatePem();
    const Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    return Key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr,
               EVP_PKEY_free);
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool addName(X509_NAME *name, const char *field, const char *value)
{
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(value), -1, -1,
                                      0) == 1;
}

// Self-signed: the till trusts a platform certificate for what /v3/certificates (under the
// API v3 key) or its configuration says, not for who issued it.
Result<SandboxPlatformCertificate> makeCertificate(const QDateTime &notBefore,
                                                   const QDateTime &notAfter)
{
    const Error failed{ErrorCode::Sandbox, u"cannot make a platform certificate"_s};
    auto rsa = crypto::RsaKey::generate(2048);
    if (!rsa)
        return rsa.error();
    const Key key = toOpenSsl(rsa.value());
    const Certificate certificate(X509_new(), X509_free);
    const BigNumber serial(BN_new(), BN_free);
    X509 *x509 = certificate.get();
    if (!key || !x509 || !serial ||
        BN_rand(serial.get(), kSerialBits, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x509)) ||
        X509_set_version(x509, X509_VERSION_3) != 1 ||
        !ASN1_TIME_set(X509_getm_notBefore(x509), time_t(notBefore.toSecsSinceEpoch())) ||
        !ASN1_TIME_set(X509_getm_notAfter(x509), time_t(notAfter.toSecsSinceEpoch())) ||
        X509_set_pubkey(x509, key.get()) != 1)
        return failed;
    X509_NAME *name = X509_get_subject_name(x509);
    if (!addName(name, "C", "CN") || !addName(name, "O", "Shouyin Sandbox") ||
        !addName(name, "CN", "WeChat Pay platform certificate (sandbox)") ||
        X509_set_issuer_name(x509, name) != 1 ||
        !addExtension(x509, NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(x509, NID_key_usage, "critical,digitalSignature,nonRepudiation") ||
        X509_sign(x509, key.get(), EVP_sha256()) == 0)
        return failed;

    const Bio out(BIO_new(BIO_s_mem()), BIO_free);
    if (!out || PEM_write_bio_X509(out.get(), x509) != 1)
        return failed;
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    const std::unique_ptr<char, void (*)(void *)> hex(BN_bn2hex(serial.get()),
                                                      [](void *text) { OPENSSL_free(text); });
    if (!hex)
        return failed;
    return SandboxPlatformCertificate{wechatv3::normalizedSerial(QString::fromLatin1(hex.get())),
                                      QSslCertificate(QByteArray(data, size), QSsl::Pem),
                                      rsa.value()};
}

} // namespace

QString wechatV3KeyModeName(WechatV3KeyMode mode)
{
    switch (mode) {
    case WechatV3KeyMode::PublicKey:
        return u"public-key"_s;
    case WechatV3KeyMode::PlatformCertificates:
        return u"platform-certificates"_s;
    }
    return u"unknown"_s;
}

SandboxWechatV3Signer::SandboxWechatV3Signer(QString publicKeyId, crypto::RsaKey publicKeyPair)
    : m_publicKeyId(std::move(publicKeyId))
    , m_publicKeyPair(std::move(publicKeyPair))
    , m_signer(m_publicKeyId)
{}

Status SandboxWechatV3Signer::setMode(WechatV3KeyMode mode, const QDateTime &now)
{
    if (mode == WechatV3KeyMode::PublicKey) {
        m_mode = mode;
        m_signer = m_publicKeyId;
        return success();
    }
    if (m_certificates.isEmpty()) {
        if (auto published = publish(now); !published)
            return published.error();
    }
    m_mode = mode;
    m_signer = m_certificates.last().serial;
    return success();
}

Result<QString> SandboxWechatV3Signer::publish(const QDateTime &now, std::chrono::seconds validity)
{
    const QDateTime from = now.toUTC().addSecs(-kBackdating.count());
    auto made = makeCertificate(from, now.toUTC().addSecs(validity.count()));
    if (!made) {
        qCWarning(lcSandbox) << "cannot publish a v3 platform certificate:" << made.error().message;
        return made.error();
    }
    m_certificates.append(made.value());
    qCInfo(lcSandbox) << "v3 platform certificate" << made->serial << "published, valid until"
                      << made->certificate.expiryDate().toString(Qt::ISODate);
    return made->serial;
}

Status SandboxWechatV3Signer::signWith(const QString &serial)
{
    const QString normalized = wechatv3::normalizedSerial(serial);
    if (!keyOf(normalized))
        return Error{ErrorCode::Sandbox,
                     u"%1 is neither the public key's id nor a listed certificate"_s.arg(serial)};
    m_signer = normalized;
    qCInfo(lcSandbox) << "v3 replies and notifications are signed by" << normalized;
    return success();
}

Status SandboxWechatV3Signer::withdraw(const QString &serial)
{
    const QString normalized = wechatv3::normalizedSerial(serial);
    if (normalized == m_signer)
        return Error{ErrorCode::Sandbox,
                     u"%1 signs now: sign with another key before withdrawing it"_s.arg(serial)};
    const qsizetype removed =
        m_certificates.removeIf([&normalized](const SandboxPlatformCertificate &listed) {
            return listed.serial == normalized;
        });
    if (removed == 0)
        return Error{ErrorCode::Sandbox, u"no listed certificate has serial %1"_s.arg(serial)};
    qCInfo(lcSandbox) << "v3 platform certificate" << normalized << "withdrawn";
    return success();
}

const crypto::RsaKey *SandboxWechatV3Signer::keyOf(const QString &serial) const
{
    if (serial == m_publicKeyId)
        return &m_publicKeyPair;
    for (const SandboxPlatformCertificate &listed : m_certificates) {
        if (listed.serial == serial)
            return &listed.key;
    }
    return nullptr;
}

wechatv3::SignatureHeaders SandboxWechatV3Signer::sign(const QByteArray &body, qint64 timestamp,
                                                       const QString &serial) const
{
    wechatv3::SignatureHeaders headers;
    headers.timestamp = QByteArray::number(timestamp);
    headers.nonce = crypto::randomAlphanumeric(32);
    headers.serial = (serial.isEmpty() ? m_signer : serial).toLatin1();
    if (const crypto::RsaKey *key = keyOf(QString::fromLatin1(headers.serial)))
        headers.signature =
            key->signBase64(wechatv3::replyMessage(headers.timestamp, headers.nonce, body));
    return headers;
}

wechatv3::SignatureHeaders SandboxWechatV3Signer::forge(const QByteArray &body, qint64 timestamp,
                                                        const crypto::RsaKey &otherKey) const
{
    wechatv3::SignatureHeaders headers = sign(body, timestamp);
    headers.signature =
        otherKey.signBase64(wechatv3::replyMessage(headers.timestamp, headers.nonce, body));
    return headers;
}

QString SandboxWechatV3Signer::certificateListSigner() const
{
    if (m_certificates.isEmpty())
        return {};
    for (const SandboxPlatformCertificate &listed : m_certificates) {
        if (listed.serial == m_signer)
            return m_signer;
    }
    return m_certificates.last().serial;
}

} // namespace shouyin
