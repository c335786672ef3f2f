#pragma once

// A throw-away merchant client certificate, made with OpenSSL while the test runs, so that
// the repository holds no private key: PEM certificate and key, and a PKCS#12 bundle.

#include <QByteArray>
#include <QDateTime>

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace shouyin::testing {

// What a test may choose of its certificate. Without a validity it counts from the
// machine's clock, for code that never looks at it; code that does gets fixed times.
struct TestCertificateOptions
{
    long serial = 1;
    QDateTime notBefore;
    QDateTime notAfter;
};

struct TestCertificate
{
    QByteArray certificatePem;
    QByteArray keyPem;
    QByteArray pkcs12; // holds both, under `password`

    static TestCertificate make(const QByteArray &password, TestCertificateOptions options = {})
    {
        TestCertificate made;
        std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
        std::unique_ptr<X509, decltype(&X509_free)> x509(X509_new(), X509_free);
        if (!key || !x509)
            return made;
        X509_set_version(x509.get(), 2);
        ASN1_INTEGER_set(X509_get_serialNumber(x509.get()), options.serial);
        if (options.notBefore.isValid() && options.notAfter.isValid()) {
            ASN1_TIME_set(X509_getm_notBefore(x509.get()), options.notBefore.toSecsSinceEpoch());
            ASN1_TIME_set(X509_getm_notAfter(x509.get()), options.notAfter.toSecsSinceEpoch());
        } else {
            X509_gmtime_adj(X509_getm_notBefore(x509.get()), -3600);
            X509_gmtime_adj(X509_getm_notAfter(x509.get()), 3600L * 24 * 365 * 50);
        }
        X509_set_pubkey(x509.get(), key.get());
        X509_NAME *name = X509_get_subject_name(x509.get());
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>("1900000109"), -1, -1,
                                   0);
        X509_set_issuer_name(x509.get(), name);
        if (X509_sign(x509.get(), key.get(), EVP_sha256()) == 0)
            return made;
        made.certificatePem = write([&](BIO *bio) { return PEM_write_bio_X509(bio, x509.get()); });
        made.keyPem = write([&](BIO *bio) {
            return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
        });
        std::unique_ptr<PKCS12, decltype(&PKCS12_free)> bundle(
            PKCS12_create(password.constData(), "apiclient", key.get(), x509.get(), nullptr, 0, 0,
                          0, 0, 0),
            PKCS12_free);
        if (bundle)
            made.pkcs12 = write([&](BIO *bio) { return i2d_PKCS12_bio(bio, bundle.get()); });
        return made;
    }

private:
    template<typename Writer> static QByteArray write(Writer writer)
    {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        if (!bio || writer(bio.get()) != 1)
            return {};
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        return QByteArray(data, size);
    }
};

} // namespace shouyin::testing
