// [wechat_v3]: a merchant's API v3 settings, apart from [merchant]'s v2 ones, each
// mistake a clear error at start naming the setting, and never the secret.

#include "config/appconfig.h"
#include "crypto/rsakey.h"
#include "testcertificate.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

const QByteArray kApiV3Key = "v3key-0123456789abcdefghijklmnop";
const QByteArray kPublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";

} // namespace

class TestWechatV3Settings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    testing::TestCertificate m_merchant; // apiclient_cert.pem and apiclient_key.pem
    crypto::RsaKey m_payKey;             // WeChat Pay's key pair
    QString m_keyFile, m_certFile, m_payPublicFile, m_apiV3KeyFile;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(content);
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return file.fileName();
    }

    // The section with `lines` replacing (key=) or adding to the defaults.
    QByteArray section(const QList<std::pair<QByteArray, QByteArray>> &changes) const
    {
        QList<std::pair<QByteArray, QByteArray>> lines{
            {"appid", "wxd678efh567hg6787"},
            {"mch_id", "1230000109"},
            {"api_v3_key_file", m_apiV3KeyFile.toUtf8()},
            {"private_key_file", m_keyFile.toUtf8()},
            {"certificate_file", m_certFile.toUtf8()},
            {"public_key_id", kPublicKeyId},
            {"public_key_file", m_payPublicFile.toUtf8()},
        };
        for (const auto &[key, value] : changes) {
            auto found = std::find_if(lines.begin(), lines.end(),
                                      [&](const auto &line) { return line.first == key; });
            if (found == lines.end())
                lines.append({key, value});
            else
                found->second = value;
        }
        QByteArray ini = "[wechat_v3]\n";
        for (const auto &[key, value] : lines)
            if (!value.isNull())
                ini += key + '=' + value + '\n';
        return ini + "[notify]\npublic_url=https://shop.example/notify/wechat\n";
    }

    Result<AppConfig> load(const QByteArray &ini)
    {
        return AppConfig::load(write(u"shop.ini"_s, ini));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_merchant = testing::TestCertificate::make("x", {0x4A7B3C, {}, {}});
        m_payKey = crypto::RsaKey::generate().value();
        m_keyFile = write(u"apiclient_key.pem"_s, m_merchant.keyPem);
        m_certFile = write(u"apiclient_cert.pem"_s, m_merchant.certificatePem);
        m_payPublicFile = write(u"pub_key.pem"_s, m_payKey.publicPem());
        m_apiV3KeyFile = write(u"apiv3.key"_s, kApiV3Key + '\n');
    }

    void publicKeyMerchant()
    {
        auto config = load(section({}));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(!config->training);
        const WechatV3Config &v3 = config->wechatV3;
        QVERIFY(v3.isConfigured());
        QVERIFY(config->wechat.appId.isEmpty()); // a v3-only shop has no v2 settings
        QCOMPARE(v3.appId, u"wxd678efh567hg6787"_s);
        QCOMPARE(v3.merchantId(), u"1230000109"_s);
        QCOMPARE(v3.apiV3Key, kApiV3Key);
        QCOMPARE(v3.signing.serialNo, u"4A7B3C"_s);
        QVERIFY(v3.signing.privateKey.hasPrivate());
        QCOMPARE(v3.payKeys.serials(), QStringList{QString::fromLatin1(kPublicKeyId)});
        QVERIFY(!v3.downloadCertificates);
        QCOMPARE(v3.notifyUrl, u"https://shop.example/notify/wechat/v3"_s);
        QCOMPARE(v3.refundNotifyUrl, u"https://shop.example/notify/wechat/v3/refund"_s);
        QCOMPARE(config->defaultProvider, u"wechat"_s);
    }

    void platformCertificateMerchant()
    {
        auto config = load(section({{"public_key_id", {}},
                                    {"public_key_file", {}},
                                    {"certificate_file", {}},
                                    {"certificate_serial", "00:4a:7b:3c"}}));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(config->wechatV3.downloadCertificates);
        QVERIFY(config->wechatV3.payKeys.isEmpty());
        QCOMPARE(config->wechatV3.signing.serialNo, u"4A7B3C"_s);
    }

    void bothDuringASwitch()
    {
        auto config = load(section({{"platform_certificates", "download"}}));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(config->wechatV3.downloadCertificates);
        QVERIFY(config->wechatV3.payKeys.knows(QString::fromLatin1(kPublicKeyId)));
    }

    void v2AndV3AreSeparate()
    {
        // A v2 shop is never asked for anything of v3's.
        auto v2 = load("[merchant]\nappid=wx1\nmch_id=190\nkey=0123456789abcdef0123456789abcdef\n"
                       "[notify]\npublic_url=https://shop.example/n\n");
        QVERIFY2(v2, v2 ? "" : qPrintable(v2.error().message));
        QVERIFY(!v2->wechatV3.isConfigured());
        // Both: each keeps its own, the v3 notify URL beside v2's.
        auto both = load(section({}) + "[merchant]\nappid=wx1\nmch_id=190\n"
                                       "key=0123456789abcdef0123456789abcdef\n");
        QVERIFY2(both, both ? "" : qPrintable(both.error().message));
        QCOMPARE(both->wechat.appId, u"wx1"_s);
        QCOMPARE(both->wechatV3.appId, u"wxd678efh567hg6787"_s);
        QCOMPARE(both->wechat.notifyUrl, u"https://shop.example/notify/wechat"_s);
    }

    void mistakesAreClear_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("says");
        const QByteArray certificate = m_certFile.toUtf8();
        const QByteArray merchantPublic =
            write(u"merchant_pub.pem"_s,
                  crypto::RsaKey::fromPrivatePem(m_merchant.keyPem)->publicPem())
                .toUtf8();
        const QByteArray otherCert =
            write(u"other_cert.pem"_s,
                  testing::TestCertificate::make("y", {7, {}, {}}).certificatePem)
                .toUtf8();
        QTest::newRow("no mch_id") << section({{"mch_id", {}}}) << u"appid and mch_id"_s;
        QTest::newRow("short API v3 key")
            << section({{"api_v3_key_file", {}}, {"api_v3_key", "tooshort"}})
            << u"API v3 key must be 32 characters, not 8"_s;
        QTest::newRow("certificate where the key belongs")
            << section({{"private_key_file", certificate}}) << u"holds a certificate"_s;
        QTest::newRow("public key where the private key belongs")
            << section({{"private_key_file", m_payPublicFile.toUtf8()}})
            << u"not a usable RSA private key"_s;
        QTest::newRow("serial of another certificate")
            << section({{"certificate_serial", "1F"}}) << u"is not the serial of"_s;
        QTest::newRow("certificate of another key") << section({{"certificate_file", otherCert}})
                                                    << u"does not belong to the private key"_s;
        QTest::newRow("no serial at all")
            << section({{"certificate_file", {}}}) << u"needs certificate_serial"_s;
        QTest::newRow("serial not hex")
            << section({{"certificate_file", {}}, {"certificate_serial", "ABCZ"}})
            << u"hexadecimal serial"_s;
        QTest::newRow("certificate where WeChat Pay's public key belongs")
            << section({{"public_key_file", certificate}}) << u"platform_certificates=download"_s;
        QTest::newRow("merchant's own public key")
            << section({{"public_key_file", merchantPublic}}) << u"merchant's own public key"_s;
        QTest::newRow("id without file") << section({{"public_key_file", {}}})
                                         << u"public_key_id and public_key_file go together"_s;
        QTest::newRow("not a public key id")
            << section({{"public_key_id", "5157F09EFDC096DE"}}) << u"PUB_KEY_ID_"_s;
        QTest::newRow("no key of WeChat Pay's") << section({{"public_key_id", {}},
                                                            {"public_key_file", {}},
                                                            {"platform_certificates", "none"}})
                                                << u"needs WeChat Pay's public key"_s;
        QTest::newRow("platform_certificates typo")
            << section({{"platform_certificates", "downlaod"}}) << u"download or none"_s;
        QTest::newRow("plain http gateway")
            << section({{"gateway", "http://api.mch.weixin.qq.com"}}) << u"https URL"_s;
        QTest::newRow("unknown key") << section({{"api_key", "x"}}) << u"api_key"_s;
        QTest::newRow("missing key file")
            << section({{"private_key_file", m_dir.filePath(u"none.pem"_s).toUtf8()}})
            << u"cannot read"_s;
    }

    void mistakesAreClear()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, says);
        auto config = load(ini);
        QVERIFY(!config);
        QVERIFY2(config.error().message.contains(says), qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(QString::fromLatin1(kApiV3Key)));
    }

    void noNotifyUrlAtAll()
    {
        QByteArray ini = section({});
        ini.replace("[notify]\npublic_url=https://shop.example/notify/wechat\n", "");
        auto config = load(ini);
        QVERIFY(!config);
        QVERIFY2(config.error().message.contains(u"notify_url"),
                 qPrintable(config.error().message));
        ini += "[wechat_v3]\nnotify_url=https://shop.example/v3\n";
        // QSettings merges a repeated section: the explicit URL is enough.
        auto explicitUrl = load(ini);
        QVERIFY2(explicitUrl, explicitUrl ? "" : qPrintable(explicitUrl.error().message));
        QCOMPARE(explicitUrl->wechatV3.notifyUrl, u"https://shop.example/v3"_s);
    }

    void anInlineKeyIsWarnedOfWhenOthersCanRead()
    {
        const QString path =
            write(u"inline.ini"_s, section({{"api_v3_key_file", {}}, {"api_v3_key", kApiV3Key}}));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        auto config = AppConfig::load(path);
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QCOMPARE(config->wechatV3.apiV3Key, kApiV3Key);
        QCOMPARE(config->warnings.size(), 1);
        QVERIFY(config->warnings.first().contains(path));
    }
};

QTEST_GUILESS_MAIN(TestWechatV3Settings)
#include "tst_wechatv3settings.moc"
