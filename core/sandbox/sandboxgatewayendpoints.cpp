// Where the sandbox gateway listens: the plain HTTP port, and the TLS endpoint for the
// calls WeChat serves only to a client showing the merchant's certificate (refused on
// the plain port).
#include "sandbox/sandboxsecureserver.h"
#include "sandboxgateway.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace {

const QByteArray kXmlType = QByteArrayLiteral("text/xml; charset=utf-8");
const QByteArray kTextType = QByteArrayLiteral("text/plain; charset=utf-8");

} // namespace

quint16 SandboxGateway::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0) {
        qCWarning(lcSandbox) << "cannot listen on" << address.toString() << port;
        return 0;
    }
    m_address = address;
    m_port = bound;
    qCInfo(lcSandbox) << "sandbox gateway listening on" << baseUrl().toString();
    return bound;
}

QUrl SandboxGateway::baseUrl() const
{
    return dialableUrl(u"http"_s, m_address, m_port);
}

QUrl SandboxGateway::dialableUrl(const QString &scheme, const QHostAddress &address, quint16 port)
{
    if (port == 0)
        return {};
    QHostAddress host = address;
    // A wildcard is where the server listens, not an address a client can dial.
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    QUrl url;
    url.setScheme(scheme);
    url.setHost(host.toString());
    url.setPort(port);
    return url;
}

quint16 SandboxGateway::listenSecure(const QHostAddress &address, quint16 port)
{
    if (m_tls.isNull()) {
        qCWarning(lcSandbox) << "no TLS material: the TLS endpoint cannot start";
        return 0;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_tls.serverCertificate);
    configuration.setPrivateKey(m_tls.serverKey);
    // Only the sandbox's own authority: a certificate any other one issued is refused.
    configuration.setCaCertificates({m_tls.ca});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    const quint16 bound = m_secure->listen(configuration, address, port);
    if (bound == 0) {
        qCWarning(lcSandbox) << "cannot listen for TLS on" << address.toString() << port;
        return 0;
    }
    m_secureAddress = address;
    m_securePort = bound;
    qCInfo(lcSandbox) << "sandbox TLS endpoint listening on" << secureBaseUrl().toString();
    return bound;
}

QUrl SandboxGateway::secureBaseUrl() const
{
    return dialableUrl(u"https"_s, m_secureAddress, m_securePort);
}

void SandboxGateway::handleSecure(const QString &path, const QByteArray &body,
                                  const QSslCertificate &peer, const Exchange &exchange)
{
    ++m_requestCounts[path];
    if (path != SandboxWechatProtocol::kReversePath && path != SandboxWechatProtocol::kRefundPath) {
        answer(exchange, "Not Found\n", 404, kTextType);
        return;
    }
    // The handshake proved the sandbox's authority issued it; whose it is, the CN says.
    const QStringList names = peer.subjectInfo(QSslCertificate::CommonName);
    if (names.size() != 1 || names.first() != merchant().merchantId) {
        qCInfo(lcSandbox) << "client certificate of" << names << "is not merchant"
                          << merchant().merchantId << "'s";
        answer(exchange, SandboxWechatProtocol::failReply(u"证书错误"_s), 200, kXmlType);
        return;
    }
    serveWechat(path, body, exchange);
}

void SandboxGateway::refuseWithoutCertificate(const QString &path, QHttpServerResponder &&responder)
{
    ++m_requestCounts[path];
    // WeChat's answer to a call that came without the merchant's certificate.
    answer(Exchange(std::move(responder)), SandboxWechatProtocol::failReply(u"证书不存在"_s), 200,
           kXmlType);
}

} // namespace shouyin
