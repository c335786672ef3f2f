// The Settings page's WeChat Pay API v3 merchant ([wechat_v3]): what the manager saves is
// what the till starts with; the API v3 key goes into its own owner-only file; each
// mistake is named next to its field before anything is written; a shop without v3 is
// never asked for it, and an emptied box takes the merchant off.
#include "auth/settingseditor.h"
#include "auth/userstore.h"
#include "config/appconfig.h"
#include "crypto/rsakey.h"
#include "store/database.h"
#include "testcertificate.h"
#include "testdatabase.h"
#include "testfiles.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

const QByteArray kApiV3Key = "v3key-0123456789abcdefghijklmnop";
const QString kPublicKeyId = u"PUB_KEY_ID_0114232134912410000000000000"_s;

// How a case of eachMistakeIsNamedNextToItsField spoils a good v3 merchant.
enum class Spoil {
    NoMerchantId,
    ShortKey,
    CertificateAsPrivateKey,
    AnotherKeysCertificate,
    NoCertificate,
    PublicKeyIdWithoutPrefix,
    PublicKeyIdWithoutFile,
    CertificateAsPublicKey,
    MerchantsOwnPublicKey,
    PrivateKeyAsPublicKey,
};

} // namespace

class TestSettingsEditorV3 : public QObject
{
    Q_OBJECT

    QTemporaryDir m_keys;
    QString m_merchantKey, m_merchantCert, m_otherCert, m_payKey, m_merchantPublic, m_payPrivate;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<SettingsEditor> m_editor;
    Staff m_manager;
    QString m_ini;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_keys.filePath(name);
        return writeAll(path, content) ? path : QString();
    }

    // A public-key-mode merchant, as WeChat Pay's merchant platform hands it out.
    ShopSettings withV3() const
    {
        ShopSettings settings = m_editor->load(m_manager).value();
        settings.notifyPublicUrl = u"https://pos.example.com/notify/wechat"_s;
        WechatV3Settings &v3 = settings.wechatV3;
        v3.appId = u"wxd678efh567hg6787"_s;
        v3.merchantId = u"1230000109"_s;
        v3.newKey = kApiV3Key;
        v3.privateKeyFile = m_merchantKey;
        v3.certificateFile = m_merchantCert;
        v3.publicKeyId = kPublicKeyId;
        v3.publicKeyFile = m_payKey;
        return settings;
    }

    static QList<SettingsField> fieldsOf(const QList<SettingsProblem> &problems)
    {
        QList<SettingsField> fields;
        for (const SettingsProblem &problem : problems)
            fields.append(problem.field);
        return fields;
    }

    // The page's messages in one line, for a failure to show.
    static QByteArray said(const QList<SettingsProblem> &problems)
    {
        QStringList messages;
        for (const SettingsProblem &problem : problems)
            messages.append(SettingsValidator::fieldName(problem.field) + u": "_s +
                            problem.message);
        return messages.join(u"; "_s).toUtf8();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid());
        const TestCertificate merchant = TestCertificate::make("x", {0x4A7B3C, {}, {}});
        const TestCertificate other = TestCertificate::make("x", {0x51, {}, {}});
        const auto pay = crypto::RsaKey::generate(2048);
        const auto merchantKey = crypto::RsaKey::fromPrivatePem(merchant.keyPem);
        QVERIFY(!merchant.keyPem.isEmpty() && !other.certificatePem.isEmpty() && pay &&
                merchantKey);
        m_merchantKey = write(u"apiclient_key.pem"_s, merchant.keyPem);
        m_merchantCert = write(u"apiclient_cert.pem"_s, merchant.certificatePem);
        m_otherCert = write(u"other_cert.pem"_s, other.certificatePem);
        m_payKey = write(u"pub_key.pem"_s, pay->publicPem());
        m_payPrivate = write(u"pay_private.pem"_s, pay->privatePem());
        m_merchantPublic = write(u"merchant_public.pem"_s, merchantKey->publicPem());
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = openTestDatabase(m_dir->filePath(u"s.sqlite"_s));
        m_users = std::make_unique<UserStore>(*m_db, UserStore::Options{1000, {}});
        m_manager = m_users->createFirstManager(u"店长"_s, u"1234"_s).value();
        m_ini = m_dir->filePath(u"shouyin.ini"_s);
        QVERIFY(writeAll(m_ini, "; the owner's notes\n[terminal]\nid=T01\n"
                                "[shop]\ntime_zone=Asia/Shanghai\n"));
        m_editor = std::make_unique<SettingsEditor>(m_ini, m_dir->filePath(u"prefs.ini"_s));
    }

    void cleanup()
    {
        m_editor.reset();
        m_users.reset();
        m_db.reset();
        m_dir.reset();
    }

    void aV3MerchantIsSavedAndReadBack()
    {
        const ShopSettings settings = withV3();
        QVERIFY2(m_editor->check(settings).isEmpty(), said(m_editor->check(settings)).constData());
        const Status saved = m_editor->save(m_manager, settings);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));

        // What the till reads at its next start: v3 alone takes WeChat Pay.
        const auto config = AppConfig::load(m_ini);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QVERIFY(config->wechatV3.isConfigured());
        QVERIFY(config->wechat.appId.isEmpty()); // no v2 merchant
        QCOMPARE(config->wechatV3.appId, u"wxd678efh567hg6787"_s);
        QCOMPARE(config->wechatV3.apiV3Key, kApiV3Key);
        QCOMPARE(config->wechatV3.signing.serialNo, u"4A7B3C"_s);
        QVERIFY(!config->wechatV3.downloadCertificates); // public-key mode
        QCOMPARE(config->wechatV3.notifyUrl, u"https://pos.example.com/notify/wechat/v3"_s);

        // The key sits in its own owner-only file, never in the INI.
        const QByteArray ini = readAll(m_ini);
        QVERIFY(!ini.contains(kApiV3Key));
        QVERIFY(ini.contains("api_v3_key_file="));
        QVERIFY(ini.startsWith("; the owner's notes"));
        QCOMPARE(readAll(m_editor->apiV3KeyFilePath()), kApiV3Key);
        QCOMPARE(QFile::permissions(m_editor->apiV3KeyFilePath()) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());

        // Back on the page: every field, and of the key only a hint.
        const WechatV3Settings loaded = m_editor->load(m_manager).value().wechatV3;
        QCOMPARE(loaded.appId, settings.wechatV3.appId);
        QCOMPARE(loaded.merchantId, settings.wechatV3.merchantId);
        QCOMPARE(loaded.privateKeyFile, m_merchantKey);
        QCOMPARE(loaded.certificateFile, m_merchantCert);
        QCOMPARE(loaded.publicKeyId, kPublicKeyId);
        QCOMPARE(loaded.publicKeyFile, m_payKey);
        QCOMPARE(loaded.keyHint, u"…mnop"_s);
        QVERIFY(loaded.newKey.isEmpty());

        // Saved again without typing the key: the stored one stays.
        QVERIFY(m_editor->save(m_manager, m_editor->load(m_manager).value()).ok());
        QCOMPARE(AppConfig::load(m_ini)->wechatV3.apiV3Key, kApiV3Key);
    }

    void aShopWithoutV3IsNeverAskedForIt()
    {
        ShopSettings settings = m_editor->load(m_manager).value();
        settings.appId = u"wx1234567890abcdef"_s;
        settings.merchantId = u"1900000109"_s;
        settings.newKey = "0123456789abcdef0123456789ABCDEF";
        settings.notifyPublicUrl = u"https://pos.example.com/notify/wechat"_s;
        QVERIFY(!settings.wechatV3.isSet());
        QVERIFY2(m_editor->check(settings).isEmpty(), said(m_editor->check(settings)).constData());
        QVERIFY(m_editor->save(m_manager, settings).ok());
        QVERIFY(!readAll(m_ini).contains("wechat_v3"));
        QVERIFY(!AppConfig::load(m_ini)->wechatV3.isConfigured());
    }

    void eachMistakeIsNamedNextToItsField_data()
    {
        QTest::addColumn<Spoil>("spoil");
        QTest::addColumn<SettingsField>("field");
        QTest::newRow("no merchant id") << Spoil::NoMerchantId << SettingsField::WechatV3MerchantId;
        QTest::newRow("short key") << Spoil::ShortKey << SettingsField::WechatV3Key;
        QTest::newRow("certificate as private key")
            << Spoil::CertificateAsPrivateKey << SettingsField::WechatV3PrivateKey;
        QTest::newRow("another key's certificate")
            << Spoil::AnotherKeysCertificate << SettingsField::WechatV3Certificate;
        QTest::newRow("no certificate")
            << Spoil::NoCertificate << SettingsField::WechatV3Certificate;
        QTest::newRow("public key id without prefix")
            << Spoil::PublicKeyIdWithoutPrefix << SettingsField::WechatV3PublicKeyId;
        QTest::newRow("public key id without file")
            << Spoil::PublicKeyIdWithoutFile << SettingsField::WechatV3PublicKey;
        QTest::newRow("certificate as public key")
            << Spoil::CertificateAsPublicKey << SettingsField::WechatV3PublicKey;
        QTest::newRow("merchant's own public key")
            << Spoil::MerchantsOwnPublicKey << SettingsField::WechatV3PublicKey;
        QTest::newRow("private key as public key")
            << Spoil::PrivateKeyAsPublicKey << SettingsField::WechatV3PublicKey;
    }

    void eachMistakeIsNamedNextToItsField()
    {
        QFETCH(Spoil, spoil);
        QFETCH(SettingsField, field);
        ShopSettings settings = withV3();
        WechatV3Settings &v3 = settings.wechatV3;
        switch (spoil) {
        case Spoil::NoMerchantId:
            v3.merchantId.clear();
            break;
        case Spoil::ShortKey:
            v3.newKey = kApiV3Key.left(31);
            break;
        case Spoil::CertificateAsPrivateKey:
            v3.privateKeyFile = m_merchantCert;
            break;
        case Spoil::AnotherKeysCertificate:
            v3.certificateFile = m_otherCert;
            break;
        case Spoil::NoCertificate:
            v3.certificateFile.clear();
            break;
        case Spoil::PublicKeyIdWithoutPrefix:
            v3.publicKeyId = u"0114232134912410000000000000"_s;
            break;
        case Spoil::PublicKeyIdWithoutFile:
            v3.publicKeyFile.clear();
            break;
        case Spoil::CertificateAsPublicKey:
            v3.publicKeyFile = m_merchantCert;
            break;
        case Spoil::MerchantsOwnPublicKey:
            v3.publicKeyFile = m_merchantPublic;
            break;
        case Spoil::PrivateKeyAsPublicKey:
            v3.publicKeyFile = m_payPrivate;
            break;
        }
        const QList<SettingsProblem> problems = m_editor->check(settings);
        QVERIFY2(fieldsOf(problems) == QList<SettingsField>{field}, said(problems).constData());
        QVERIFY(!problems.first().message.isEmpty());
        QVERIFY(!problems.first().message.contains(QString::fromLatin1(kApiV3Key)));

        // Refused as a whole: neither the INI nor a key file changes.
        const QByteArray before = readAll(m_ini);
        QVERIFY(!m_editor->save(m_manager, settings).ok());
        QCOMPARE(readAll(m_ini), before);
        QVERIFY(!QFile::exists(m_editor->apiV3KeyFilePath()));
    }

    void aSerialOnFileStandsInForTheCertificate()
    {
        // An owner who wrote certificate_serial by hand needs no certificate file.
        QVERIFY(writeAll(m_ini, readAll(m_ini) + "[wechat_v3]\ncertificate_serial=4A7B3C\n"));
        ShopSettings settings = withV3();
        settings.wechatV3.certificateFile.clear();
        QVERIFY2(m_editor->check(settings).isEmpty(), said(m_editor->check(settings)).constData());
        QVERIFY(m_editor->save(m_manager, settings).ok());
        QCOMPARE(AppConfig::load(m_ini)->wechatV3.signing.serialNo, u"4A7B3C"_s);
    }

    void platformCertificatesWithoutAPublicKey()
    {
        ShopSettings settings = withV3();
        settings.wechatV3.publicKeyId.clear();
        settings.wechatV3.publicKeyFile.clear();
        QVERIFY2(m_editor->check(settings).isEmpty(), said(m_editor->check(settings)).constData());
        QVERIFY(m_editor->save(m_manager, settings).ok());
        QVERIFY(AppConfig::load(m_ini)->wechatV3.downloadCertificates);
    }

    void anEmptiedBoxTakesTheMerchantOff()
    {
        QVERIFY(m_editor->save(m_manager, withV3()).ok());
        ShopSettings settings = m_editor->load(m_manager).value();
        settings.wechatV3 = WechatV3Settings();
        // With nothing set up, any default provider will do.
        QVERIFY2(m_editor->check(settings).isEmpty(), said(m_editor->check(settings)).constData());
        QVERIFY(m_editor->save(m_manager, settings).ok());
        const QSettings ini(m_ini, QSettings::IniFormat);
        for (const QString &key : ini.allKeys())
            QVERIFY2(!key.startsWith(u"wechat_v3/"), qPrintable(key));
        const auto config = AppConfig::load(m_ini);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QVERIFY(!config->wechatV3.isConfigured());
    }

    void onlyAManagerSavesIt()
    {
        QVERIFY(m_users->createUser(m_manager, u"alice"_s, Role::Cashier, u"1111"_s));
        const Staff cashier = m_users->signIn(u"alice"_s, u"1111"_s).value();
        QVERIFY(!m_editor->save(cashier, withV3()).ok());
        QVERIFY(!QFile::exists(m_editor->apiV3KeyFilePath()));
    }
};

QTEST_MAIN(TestSettingsEditorV3)
#include "tst_settingseditorv3.moc"
