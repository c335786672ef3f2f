#include "wechatpaykeys.h"

#include <QSslKey>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

void WechatPayKeys::addPublicKey(const QString &keyId, const crypto::RsaKey &publicKey)
{
    m_keys.insert(wechatv3::normalizedSerial(keyId), Entry{publicKey.publicKey(), {}, {}});
}

Status WechatPayKeys::addCertificate(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return Error{ErrorCode::Config, u"not a certificate"_s};
    auto key = crypto::RsaKey::fromPublicPem(certificate.publicKey().toPem());
    if (!key)
        return Error{ErrorCode::Config, u"the certificate %1 holds no RSA public key"_s.arg(
                                            QString::fromLatin1(certificate.serialNumber()))};
    m_keys.insert(
        wechatv3::normalizedSerial(QString::fromLatin1(certificate.serialNumber())),
        Entry{key.value(), certificate.effectiveDate().toUTC(), certificate.expiryDate().toUTC()});
    return success();
}

bool WechatPayKeys::knows(const QString &serial) const
{
    return m_keys.contains(wechatv3::normalizedSerial(serial));
}

QStringList WechatPayKeys::serials() const
{
    QStringList serials = m_keys.keys();
    serials.sort();
    return serials;
}

bool WechatPayKeys::hasCertificates() const
{
    return std::any_of(m_keys.cbegin(), m_keys.cend(),
                       [](const Entry &entry) { return entry.notAfter.isValid(); });
}

QDateTime WechatPayKeys::certificatesExpire() const
{
    QDateTime last;
    for (const Entry &entry : m_keys)
        if (entry.notAfter.isValid() && (!last.isValid() || entry.notAfter > last))
            last = entry.notAfter;
    return last;
}

Status WechatPayKeys::verify(const wechatv3::SignatureHeaders &headers, const QByteArray &body,
                             const QDateTime &now) const
{
    if (!headers.complete())
        return Error{ErrorCode::BadSignature, u"the message carries no Wechatpay signature"_s};
    bool isNumber = false;
    const qint64 timestamp = headers.timestamp.toLongLong(&isNumber);
    if (!isNumber)
        return Error{ErrorCode::BadSignature, u"Wechatpay-Timestamp is not a number"_s};
    const qint64 skew = timestamp - now.toSecsSinceEpoch();
    if (std::abs(skew) >= std::chrono::seconds(kMaxSkew).count())
        return Error{
            ErrorCode::BadSignature,
            u"the message's timestamp is %1 s off our clock (a replay, or a wrong clock)"_s.arg(
                skew)};
    const QString serial = QString::fromLatin1(headers.serial);
    const auto entry = m_keys.constFind(wechatv3::normalizedSerial(serial));
    if (entry == m_keys.cend())
        return Error{ErrorCode::BadSignature,
                     u"the message is signed with %1, a key this till does not know"_s.arg(serial)};
    if ((entry->notBefore.isValid() && now < entry->notBefore) ||
        (entry->notAfter.isValid() && now > entry->notAfter))
        return Error{ErrorCode::BadSignature, u"the certificate %1 is not valid now"_s.arg(serial)};
    if (!entry->key.verifyBase64(wechatv3::replyMessage(headers.timestamp, headers.nonce, body),
                                 headers.signature))
        return Error{ErrorCode::BadSignature,
                     u"the message's signature does not check out with %1"_s.arg(serial)};
    return success();
}

} // namespace shouyin
