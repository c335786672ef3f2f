#include "configrules.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace shouyin::configrules {

namespace {

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 ||
           QHostAddress(host).isLoopback();
}

Result<QByteArray> readKeyFile(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Read, u"cannot read %1"_s.arg(path)};
    return file.readAll();
}

} // namespace

std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    const QString listen = text.trimmed();
    const qsizetype colon = listen.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    const QHostAddress address(listen.left(colon));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    if (address.isNull() || !portOk || port > 65535)
        return std::nullopt;
    return std::pair<QHostAddress, quint16>(address, quint16(port));
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") &&
           !url.host().isEmpty();
}

bool isSecureGatewayUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    return url.scheme() == u"https" || (url.scheme() == u"http" && isLoopback(url));
}

FileProblem fileProblem(const QString &path)
{
    if (path.trimmed().isEmpty())
        return FileProblem::NotSet;
    const QFileInfo info(path);
    if (!info.exists())
        return FileProblem::Missing;
    if (!info.isFile())
        return FileProblem::NotAFile;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return FileProblem::Unreadable;
    return FileProblem::None;
}

Result<crypto::RsaKey> readPrivateKeyFile(const QString &path)
{
    auto pem = readKeyFile(path);
    if (!pem)
        return pem.error();
    return crypto::RsaKey::fromPrivatePem(*pem);
}

Result<crypto::RsaKey> readPublicKeyFile(const QString &path)
{
    auto pem = readKeyFile(path);
    if (!pem)
        return pem.error();
    return crypto::RsaKey::fromPublicPem(*pem);
}

} // namespace shouyin::configrules
