#include "clientcertificate.h"

#include <QFile>
#include <QNetworkRequest>
#include <QSslConfiguration>

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

Error certificateError(const QString &message)
{
    return Error{ErrorCode::Config, message};
}

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return certificateError(u"cannot read the %1 %2"_s.arg(what, path));
    return file.readAll();
}

// Whether `key` is the private half of `certificate`'s public key, asked of OpenSSL: a
// certificate from one download and a key from another is the usual mistake.
bool keyBelongsTo(const QSslKey &key, const QSslCertificate &certificate)
{
    const QByteArray certificatePem = certificate.toPem();
    const QByteArray keyPem = key.toPem();
    std::unique_ptr<BIO, decltype(&BIO_free)> certificateBio(
        BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())), BIO_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(
        BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> x509(
        PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr), X509_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> privateKey(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    return x509 && privateKey && X509_check_private_key(x509.get(), privateKey.get()) == 1;
}

Result<ClientCertificate> checked(ClientCertificate loaded, const QString &where)
{
    if (loaded.certificate.isNull())
        return certificateError(u"%1 holds no certificate"_s.arg(where));
    if (loaded.key.isNull() || loaded.key.type() != QSsl::PrivateKey)
        return certificateError(u"%1 holds no private key"_s.arg(where));
    if (!keyBelongsTo(loaded.key, loaded.certificate))
        return certificateError(
            u"the private key in %1 does not belong to its certificate"_s.arg(where));
    return loaded;
}

} // namespace

void ClientCertificate::applyTo(QNetworkRequest &request,
                                const QList<QSslCertificate> &extraCaCertificates) const
{
    QSslConfiguration tls = request.sslConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setLocalCertificateChain(QList<QSslCertificate>{certificate} + chain);
    tls.setPrivateKey(key);
    request.setSslConfiguration(tls);
    trustAlso(request, extraCaCertificates);
}

void trustAlso(QNetworkRequest &request, const QList<QSslCertificate> &extraCaCertificates)
{
    if (extraCaCertificates.isEmpty())
        return;
    // Setting or adding any CA turns off the on-demand loading of the system's roots, so
    // the system's list is spelt out: the extra CAs are trusted besides it, never instead.
    QSslConfiguration tls = request.sslConfiguration();
    tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + extraCaCertificates);
    request.setSslConfiguration(tls);
}

Result<ClientCertificate> ClientCertificate::fromPkcs12(const QString &path,
                                                        const QByteArray &password)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return certificateError(u"cannot read the client certificate %1"_s.arg(path));
    ClientCertificate loaded;
    if (!QSslCertificate::importPkcs12(&file, &loaded.key, &loaded.certificate, &loaded.chain,
                                       password))
        return certificateError(u"%1 is not a PKCS#12 file, or its password is wrong "
                                "(client_cert_password_file; WeChat's default is the merchant "
                                "id)"_s.arg(path));
    return checked(std::move(loaded), path);
}

Result<ClientCertificate> ClientCertificate::fromPem(const QString &certificatePath,
                                                     const QString &keyPath)
{
    auto certificatePem = readFile(certificatePath, u"client certificate"_s);
    if (!certificatePem)
        return certificatePem.error();
    auto keyPem = readFile(keyPath, u"client certificate key"_s);
    if (!keyPem)
        return keyPem.error();
    if (keyPem->contains("CERTIFICATE-----") && !keyPem->contains("PRIVATE KEY-----"))
        return certificateError(u"%1 is a certificate where the private key belongs "
                                "(client_key)"_s.arg(keyPath));
    ClientCertificate loaded;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(*certificatePem);
    if (!certificates.isEmpty()) {
        loaded.certificate = certificates.first();
        loaded.chain = certificates.mid(1);
    }
    if (loaded.certificate.isNull())
        return certificateError(
            u"%1 is not a PEM certificate (client_cert)"_s.arg(certificatePath));
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        loaded.key = QSslKey(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!loaded.key.isNull())
            break;
    }
    if (loaded.key.isNull())
        return certificateError(u"%1 is not a PEM private key (client_key)"_s.arg(keyPath));
    return checked(std::move(loaded), keyPath);
}

} // namespace shouyin
