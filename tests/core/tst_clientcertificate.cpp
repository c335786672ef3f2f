// The merchant's client certificate (needed for WeChat refunds and reverses), in both
// forms WeChat Pay hands out, and every mistake a shop makes with them named at start.

#include "config/appconfig.h"
#include "net/clientcertificate.h"
#include "testcertificate.h"

#include <QFile>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace shouyin {

class TestClientCertificate : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    testing::TestCertificate m_merchant;
    testing::TestCertificate m_other;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qWarning("cannot write %s", qPrintable(file.fileName()));
        return file.fileName();
    }

    int m_inis = 0;

    Result<AppConfig> loadMerchant(const QByteArray &certificateLines)
    {
        // A new file each time: QSettings may serve a file rewritten within the same
        // second from its cache.
        return AppConfig::load(write(u"shop%1.ini"_s.arg(++m_inis),
                                     "[merchant]\nappid=wx1\nmch_id=1900000109\n"
                                     "key=0123456789abcdef0123456789abcdef\n" +
                                         certificateLines +
                                         "[notify]\npublic_url=https://shop.example/n\n"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_merchant = testing::TestCertificate::make("1900000109");
        m_other = testing::TestCertificate::make("other");
        QVERIFY(!m_merchant.pkcs12.isEmpty() && !m_other.keyPem.isEmpty());
    }

    void pemPairLoadsAndGoesIntoTheRequest()
    {
        auto loaded = ClientCertificate::fromPem(write(u"cert.pem"_s, m_merchant.certificatePem),
                                                 write(u"key.pem"_s, m_merchant.keyPem));
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        QNetworkRequest request(QUrl(u"https://api.mch.weixin.qq.com/secapi/pay/refund"_s));
        loaded->applyTo(request);
        QCOMPARE(request.sslConfiguration().localCertificate(), loaded->certificate);
        QCOMPARE(request.sslConfiguration().privateKey(), loaded->key);
    }

    void pkcs12OpensWithTheMerchantIdByDefault()
    {
        const QByteArray p12 = write(u"apiclient_cert.p12"_s, m_merchant.pkcs12).toUtf8();
        auto config = loadMerchant("client_cert_p12=" + p12 + "\n");
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(!config->wechat.clientCertificate.isNull());
        QCOMPARE(config->wechat.clientCertificate.certificate.toPem(), m_merchant.certificatePem);
    }

    void pkcs12WithAPasswordFile()
    {
        const QByteArray p12 = write(u"other.p12"_s, m_other.pkcs12).toUtf8();
        const QByteArray password = write(u"p12.password"_s, "other\n").toUtf8();
        auto config = loadMerchant("client_cert_p12=" + p12 +
                                   "\nclient_cert_password_file=" + password + "\n");
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(!config->wechat.clientCertificate.isNull());
    }

    void noCertificateIsAShopWithoutOne()
    {
        auto config = loadMerchant({});
        QVERIFY(config);
        QVERIFY(config->wechat.clientCertificate.isNull());
    }

    void everyMistakeIsNamed_data()
    {
        QTest::addColumn<QByteArray>("lines");
        QTest::addColumn<QString>("mentions");
        const QByteArray cert = write(u"m-cert.pem"_s, m_merchant.certificatePem).toUtf8();
        const QByteArray key = write(u"m-key.pem"_s, m_merchant.keyPem).toUtf8();
        const QByteArray otherKey = write(u"o-key.pem"_s, m_other.keyPem).toUtf8();
        const QByteArray otherP12 = write(u"o.p12"_s, m_other.pkcs12).toUtf8();
        const QByteArray garbage = write(u"garbage.pem"_s, "not pem\n").toUtf8();
        QTest::newRow("key of another certificate")
            << "client_cert=" + cert + "\nclient_key=" + otherKey + "\n"
            << u"does not belong"_s;
        QTest::newRow("certificate where the key belongs")
            << "client_cert=" + cert + "\nclient_key=" + cert + "\n"
            << u"a certificate where the private key belongs"_s;
        QTest::newRow("not a certificate")
            << "client_cert=" + garbage + "\nclient_key=" + key + "\n"
            << u"not a PEM certificate"_s;
        QTest::newRow("not a key") << "client_cert=" + cert + "\nclient_key=" + garbage + "\n"
                                   << u"not a PEM private key"_s;
        QTest::newRow("certificate without key") << "client_cert=" + cert + "\n"
                                                 << u"go together"_s;
        QTest::newRow("missing file")
            << QByteArray("client_cert_p12=/nonexistent/a.p12\n") << u"cannot read"_s;
        QTest::newRow("wrong password") << "client_cert_p12=" + otherP12 + "\n"
                                        << u"password is wrong"_s;
        QTest::newRow("both forms") << "client_cert_p12=" + otherP12 + "\nclient_cert=" + cert +
                                           "\nclient_key=" + key + "\n"
                                    << u"not both"_s;
        QTest::newRow("missing password file")
            << "client_cert_p12=" + otherP12 + "\nclient_cert_password_file=/nonexistent/pw\n"
            << u"password file"_s;
    }
    void everyMistakeIsNamed()
    {
        QFETCH(QByteArray, lines);
        QFETCH(QString, mentions);
        auto config = loadMerchant(lines);
        QVERIFY(!config);
        QCOMPARE(config.error().code, ErrorCode::Config);
        QVERIFY2(config.error().message.contains(mentions), qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(u"0123456789abcdef"_s));
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestClientCertificate)
#include "tst_clientcertificate.moc"
