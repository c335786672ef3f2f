#pragma once

#include "util/result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>

class QNetworkRequest;

namespace shouyin {

// A merchant's TLS client certificate (WeChat Pay: apiclient_cert), which the gateway
// demands of the calls that move money back — refund and reverse. Loaded and checked at
// start, so that a wrong file is a clear error then and not a TLS failure at a refund.
struct ClientCertificate
{
    ClientCertificate() = default; // QSslCertificate's default constructor is explicit

    QSslCertificate certificate;
    QSslKey key;
    QList<QSslCertificate> chain;

    bool isNull() const { return certificate.isNull(); }
    // The request will present the certificate when the server asks for one, and trust
    // `extraCaCertificates` (a sandbox gateway's own CA) besides the system's.
    void applyTo(QNetworkRequest &request,
                 const QList<QSslCertificate> &extraCaCertificates = {}) const;

    // A PKCS#12 file as WeChat Pay hands it out (its password is the merchant id unless
    // the merchant changed it).
    static Result<ClientCertificate> fromPkcs12(const QString &path, const QByteArray &password);
    // A PEM certificate and its PEM private key.
    static Result<ClientCertificate> fromPem(const QString &certificatePath,
                                             const QString &keyPath);
};

// `request` trusts `extraCaCertificates` (a sandbox gateway's own CA) besides the
// system's CAs; nothing changes when the list is empty.
void trustAlso(QNetworkRequest &request, const QList<QSslCertificate> &extraCaCertificates);

} // namespace shouyin
