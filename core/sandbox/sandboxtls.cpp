#include "sandboxtls.h"

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

// An hour of slack for a peer whose clock is a little behind; twenty years so that no
// training installation ever sees it expire, whatever its clock says.
constexpr long kValidBeforeSecs = 3600;
constexpr int kValidDays = 20 * 365;

enum class Role { Authority, Server, Client };

Key newKey()
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(
        EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY *key = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_group_name(context.get(), "P-256") != 1 ||
        EVP_PKEY_generate(context.get(), &key) != 1)
        return Key(nullptr, EVP_PKEY_free);
    return Key(key, EVP_PKEY_free);
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool addExtensions(X509 *certificate, X509 *issuer, Role role)
{
    // The subject key id first: a self-signed authority's key id refers to it.
    bool ok = addExtension(certificate, issuer, NID_subject_key_identifier, "hash") &&
              addExtension(certificate, issuer, NID_authority_key_identifier, "keyid:always");
    switch (role) {
    case Role::Authority:
        return ok && addExtension(certificate, issuer, NID_basic_constraints, "critical,CA:TRUE") &&
               addExtension(certificate, issuer, NID_key_usage, "critical,keyCertSign,cRLSign");
    case Role::Server:
        return ok &&
               addExtension(certificate, issuer, NID_basic_constraints, "critical,CA:FALSE") &&
               addExtension(certificate, issuer, NID_key_usage, "critical,digitalSignature") &&
               addExtension(certificate, issuer, NID_ext_key_usage, "serverAuth") &&
               addExtension(certificate, issuer, NID_subject_alt_name,
                            "IP:127.0.0.1,DNS:localhost");
    case Role::Client:
        return ok &&
               addExtension(certificate, issuer, NID_basic_constraints, "critical,CA:FALSE") &&
               addExtension(certificate, issuer, NID_key_usage, "critical,digitalSignature") &&
               addExtension(certificate, issuer, NID_ext_key_usage, "clientAuth");
    }
    return false;
}

bool randomSerial(X509 *certificate)
{
    std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), BN_free);
    return serial && BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
           BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

// `issuer` null: self-signed with `subjectKey`.
Certificate issue(EVP_PKEY *subjectKey, const QString &commonName, Role role, X509 *issuer,
                  EVP_PKEY *issuerKey)
{
    Certificate certificate(X509_new(), X509_free);
    X509 *x509 = certificate.get();
    if (!x509 || X509_set_version(x509, X509_VERSION_3) != 1 || !randomSerial(x509) ||
        !X509_gmtime_adj(X509_getm_notBefore(x509), -kValidBeforeSecs) ||
        !X509_time_adj_ex(X509_getm_notAfter(x509), kValidDays, 0, nullptr) ||
        X509_set_pubkey(x509, subjectKey) != 1)
        return Certificate(nullptr, X509_free);
    X509_NAME *name = X509_get_subject_name(x509);
    const QByteArray cn = commonName.toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("Shouyin Sandbox"), -1,
                                   -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1,
                                   0) != 1)
        return Certificate(nullptr, X509_free);
    X509 *signer = issuer ? issuer : x509;
    if (X509_set_issuer_name(x509, X509_get_subject_name(signer)) != 1 ||
        !addExtensions(x509, signer, role) ||
        X509_sign(x509, issuer ? issuerKey : subjectKey, EVP_sha256()) == 0)
        return Certificate(nullptr, X509_free);
    return certificate;
}

template<typename Writer> QByteArray pem(Writer writer)
{
    Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || writer(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

QSslCertificate toQt(X509 *certificate)
{
    if (!certificate)
        return QSslCertificate();
    return QSslCertificate(
        pem([certificate](BIO *bio) { return PEM_write_bio_X509(bio, certificate); }), QSsl::Pem);
}

QSslKey toQt(EVP_PKEY *key)
{
    if (!key)
        return QSslKey();
    const QByteArray text = pem([key](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    });
    return QSslKey(text, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
}

Bio readable(const QByteArray &text)
{
    return Bio(BIO_new_mem_buf(text.constData(), int(text.size())), BIO_free);
}

} // namespace

SandboxTlsMaterial SandboxTlsMaterial::generate(const QString &merchantId)
{
    SandboxTlsMaterial made;
    const Key caKey = newKey();
    const Key serverKey = newKey();
    const Key clientKey = newKey();
    if (!caKey || !serverKey || !clientKey) {
        qCWarning(lcSandbox) << "cannot make the sandbox's TLS keys";
        return made;
    }
    const Certificate ca =
        issue(caKey.get(), u"Shouyin Sandbox CA"_s, Role::Authority, nullptr, nullptr);
    if (!ca) {
        qCWarning(lcSandbox) << "cannot make the sandbox's certificate authority";
        return made;
    }
    const Certificate server =
        issue(serverKey.get(), u"127.0.0.1"_s, Role::Server, ca.get(), caKey.get());
    const Certificate client =
        issue(clientKey.get(), merchantId, Role::Client, ca.get(), caKey.get());
    if (!server || !client) {
        qCWarning(lcSandbox) << "cannot issue the sandbox's TLS certificates";
        return made;
    }
    made.ca = toQt(ca.get());
    made.caKey = toQt(caKey.get());
    made.serverCertificate = toQt(server.get());
    made.serverKey = toQt(serverKey.get());
    made.clientCertificate = toQt(client.get());
    made.clientKey = toQt(clientKey.get());
    return made;
}

SandboxTlsMaterial::Issued
SandboxTlsMaterial::issueClientCertificate(const QString &commonName) const
{
    const QByteArray caPem = ca.toPem();
    const QByteArray caKeyPem = caKey.toPem();
    const Bio caBio = readable(caPem);
    const Bio caKeyBio = readable(caKeyPem);
    const Certificate authority(
        caBio ? PEM_read_bio_X509(caBio.get(), nullptr, nullptr, nullptr) : nullptr, X509_free);
    const Key authorityKey(
        caKeyBio ? PEM_read_bio_PrivateKey(caKeyBio.get(), nullptr, nullptr, nullptr) : nullptr,
        EVP_PKEY_free);
    const Key key = newKey();
    const Certificate client =
        authority && authorityKey && key
            ? issue(key.get(), commonName, Role::Client, authority.get(), authorityKey.get())
            : Certificate(nullptr, X509_free);
    if (!client)
        return Issued{QSslCertificate(), QSslKey()};
    return Issued{toQt(client.get()), toQt(key.get())};
}

QSslConfiguration SandboxTlsMaterial::clientConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(ca);
    configuration.setLocalCertificate(clientCertificate);
    configuration.setPrivateKey(clientKey);
    return configuration;
}

} // namespace shouyin
