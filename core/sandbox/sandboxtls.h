#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

namespace shouyin {

// A throw-away certificate authority for one sandbox gateway, and what it issued: the
// server certificate of its TLS endpoint (127.0.0.1 and localhost) and the merchant's
// client certificate (CN = merchant id), as WeChat Pay issues apiclient_cert. EC P-256
// keys, so that making it all takes a millisecond or so; valid from an hour ago (by this
// machine's clock) for twenty years. Each generate() makes a new, unrelated authority.
struct SandboxTlsMaterial
{
    QSslCertificate ca;
    QSslKey caKey; // only to issue more certificates (issueClientCertificate)
    QSslCertificate serverCertificate;
    QSslKey serverKey;
    QSslCertificate clientCertificate;
    QSslKey clientKey;

    // Null certificates and keys when OpenSSL fails (logged).
    static SandboxTlsMaterial generate(const QString &merchantId);

    struct Issued
    {
        QSslCertificate certificate;
        QSslKey key;
    };
    // Another client certificate from this authority, e.g. for a merchant id that is
    // not the gateway's.
    Issued issueClientCertificate(const QString &commonName) const;

    // What a client of the TLS endpoint uses: the system's trusted authorities plus this
    // one, and the merchant's client certificate and key.
    QSslConfiguration clientConfiguration() const;

    bool isNull() const { return ca.isNull() || serverKey.isNull() || clientKey.isNull(); }
};

} // namespace shouyin
