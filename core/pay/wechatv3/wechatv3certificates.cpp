// WechatV3Provider's platform certificates: GET /v3/certificates, each one decrypted with
// the API v3 key, at start, every certificateRefresh, and when a reply names a serial not
// yet known (WeChat Pay rotates them).

#include "pay/wechatv3/wechatv3resource.h"
#include "wechatv3provider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcWechatV3Certificates, "shouyin.pay.wechatv3.certificates")

namespace {

bool holdsPublicKey(const WechatPayKeys &keys)
{
    const QStringList serials = keys.serials();
    return std::any_of(serials.cbegin(), serials.cend(),
                       [](const QString &serial) { return serial.startsWith(u"PUB_KEY_ID_"); });
}

} // namespace

void WechatV3Provider::startCertificateRefresh()
{
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(m_config.certificateRefresh);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] { refreshCertificates(); });
    m_refreshTimer->start();
    // Queued: whoever made the provider can connect to its signals first.
    QMetaObject::invokeMethod(
        this, [this] { refreshCertificates(); }, Qt::QueuedConnection);
}

void WechatV3Provider::refreshCertificates(std::function<void(Status)> done)
{
    if (!m_config.downloadCertificates) {
        if (done)
            QMetaObject::invokeMethod(
                this, [done] { done(success()); }, Qt::QueuedConnection);
        return;
    }
    if (done)
        m_refreshWaiters.append(std::move(done));
    if (m_refreshing)
        return;
    m_refreshing = true;
    send("GET", u"/v3/certificates"_s, {}, this, [this](Result<GatewayReply> reply) {
        if (!reply)
            return finishRefresh(reply.error());
        finishRefresh(installCertificates(reply.value()));
    });
}

bool WechatV3Provider::refreshWorthwhileFor(const QByteArray &serial) const
{
    if (!m_config.downloadCertificates || serial.isEmpty() ||
        payKeys().knows(QString::fromLatin1(serial)))
        return false;
    if (m_refreshing)
        return true; // joining the download under way costs nothing
    if (!m_lastSerialRefresh.isValid())
        return true;
    const QDateTime now = m_clock.now();
    // A clock set back is no reason to stop downloading for the spacing's worth of it.
    return now < m_lastSerialRefresh ||
           now >= m_lastSerialRefresh.addSecs(std::chrono::seconds(kUnknownSerialSpacing).count());
}

void WechatV3Provider::refreshForSerial(std::function<void(Status)> done)
{
    if (!m_refreshing)
        m_lastSerialRefresh = m_clock.now();
    refreshCertificates(std::move(done));
}

Result<QStringList> WechatV3Provider::installCertificates(const GatewayReply &reply)
{
    // 公钥模式: a merchant WeChat Pay signs for with its public key has no platform
    // certificates, and the configured key is all there is.
    if (reply.status == 404 && holdsPublicKey(m_config.payKeys)) {
        if (const Status signature = verifyReply(reply); !signature)
            return signature.error();
        return payKeys().serials();
    }
    if (reply.status != 200) {
        auto read = readReply(reply, verifyReply(reply));
        if (!read)
            return read.error();
        return Error{ErrorCode::BadResponse,
                     u"the certificate list came with HTTP %1"_s.arg(reply.status)};
    }
    const QJsonDocument document = QJsonDocument::fromJson(reply.body);
    const QJsonArray list = document.object().value(u"data"_s).toArray();
    if (!document.isObject() || list.isEmpty())
        return Error{ErrorCode::BadResponse, u"the certificate list is not a JSON data list"_s};

    // Certificates no longer listed are dropped: WeChat Pay lists every one it still signs
    // with.
    WechatPayKeys keys = m_config.payKeys;
    for (const QJsonValue &item : list) {
        const QJsonObject entry = item.toObject();
        const QString serial = wechatv3::normalizedSerial(entry.value(u"serial_no"_s).toString());
        auto pem = wechatv3::decryptResource(entry.value(u"encrypt_certificate"_s).toObject(),
                                             m_config.apiV3Key);
        if (!pem)
            return Error{pem.error().code,
                         u"certificate %1: %2"_s.arg(serial, pem.error().message)};
        const QSslCertificate certificate(pem.value(), QSsl::Pem);
        if (certificate.isNull())
            return Error{ErrorCode::BadResponse,
                         u"certificate %1 is not a PEM certificate"_s.arg(serial)};
        const QString actual =
            wechatv3::normalizedSerial(QString::fromLatin1(certificate.serialNumber()));
        if (actual != serial)
            return Error{ErrorCode::BadResponse,
                         u"the certificate listed as %1 is %2"_s.arg(serial, actual)};
        if (const Status added = keys.addCertificate(certificate); !added)
            return Error{ErrorCode::BadResponse, added.error().message};
    }
    // Believed only when signed by a key it brings or one configured: whoever can change
    // the list in transit cannot sign for it.
    if (const Status signature =
            keys.verify(wechatv3::SignatureHeaders::from(reply.headers), reply.body, m_clock.now());
        !signature)
        return signature.error();
    {
        QMutexLocker lock(&m_keysMutex);
        m_keys = keys;
    }
    return keys.serials();
}

void WechatV3Provider::finishRefresh(const Result<QStringList> &outcome)
{
    m_refreshing = false;
    if (outcome) {
        qCInfo(lcWechatV3Certificates) << "WeChat Pay keys" << outcome.value();
        Q_EMIT certificatesRefreshed(outcome.value());
    } else {
        qCWarning(lcWechatV3Certificates)
            << "certificate download failed:" << outcome.error().message;
        Q_EMIT certificateRefreshFailed(outcome.error().message);
    }
    const Status status = outcome ? success() : Status(outcome.error());
    const auto waiters = std::exchange(m_refreshWaiters, {});
    for (const auto &waiter : waiters)
        waiter(status);
}

} // namespace shouyin
