// Settings: only a manager reads or writes them; the merchant key goes into its own
// owner-only file and never comes back in full; a change AppConfig would refuse never
// replaces the file; the owner's comments survive.
#include "auth/settingseditor.h"
#include "auth/userstore.h"
#include "config/appconfig.h"
#include "crypto/rsakey.h"
#include "store/database.h"
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

const QByteArray kKey = "0123456789abcdef0123456789ABCDEF";

// How a case of eachFieldIsCheckedBeforeWriting spoils the settings.
enum class Spoil {
    TerminalId,
    ListenWithoutPort,
    ListenByName,
    PublicUrlWithoutScheme,
    GatewayNotHttp,
    ShortKey,
    SecapiPlainHttp,
    MissingCertificate,
    MissingPrivateKey,
    PublicKeyAsPrivate,
    TextAsPrivateKey,
    PrivateKeyAsPublic,
    AppsOwnPublicKey,
    AlipayGatewayWithoutHost,
    AlipayNotifyUrl,
    AlipayWithoutAppId,
    DefaultAlipayWithoutAlipay,
};

} // namespace

class TestSettingsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Two key pairs, as the open platform hands them out: the app's own, and Alipay's.
        m_keys = std::make_unique<QTemporaryDir>();
        const auto app = crypto::RsaKey::generate(2048);
        const auto alipay = crypto::RsaKey::generate(2048);
        QVERIFY(app && alipay);
        m_appPrivatePem = m_keys->filePath(u"app-private.pem"_s);
        m_appPublicPem = m_keys->filePath(u"app-public.pem"_s);
        m_alipayPublicPem = m_keys->filePath(u"alipay-public.pem"_s);
        m_alipayPrivatePem = m_keys->filePath(u"alipay-private.pem"_s);
        m_notAKey = m_keys->filePath(u"notes.txt"_s);
        QVERIFY(writeAll(m_appPrivatePem, app->privatePem()));
        QVERIFY(writeAll(m_appPublicPem, app->publicPem()));
        QVERIFY(writeAll(m_alipayPublicPem, alipay->publicPem()));
        QVERIFY(writeAll(m_alipayPrivatePem, alipay->privatePem()));
        QVERIFY(writeAll(m_notAKey, "the key is in the drawer\n"));
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = testing::openTestDatabase(m_dir->filePath(u"s.sqlite"_s));
        m_users = std::make_unique<UserStore>(*m_db, UserStore::Options{1000, {}});
        m_manager = m_users->createFirstManager(u"店长"_s, u"1234"_s).value();
        QVERIFY(m_users->createUser(m_manager, u"alice"_s, Role::Cashier, u"1111"_s));
        m_cashier = m_users->signIn(u"alice"_s, u"1111"_s).value();
        m_ini = m_dir->filePath(u"shouyin.ini"_s);
        QFile ini(m_ini);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("; Shouyin settings, written by the owner.\n"
                  "[terminal]\n"
                  "; 1 to 8 letters or digits\n"
                  ";id=T01\n"
                  "\n"
                  "[merchant]\n"
                  ";appid=wx0000000000000000\n"
                  "\n"
                  "[shop]\n"
                  "time_zone=Asia/Shanghai\n");
        ini.close();
        m_editor = std::make_unique<SettingsEditor>(m_ini, m_dir->filePath(u"prefs.ini"_s));
    }
    void cleanup()
    {
        m_editor.reset();
        m_users.reset();
        m_db.reset();
        m_dir.reset();
    }

    void managerSavesAMerchant()
    {
        ShopSettings settings = m_editor->load(m_manager).value();
        QCOMPARE(settings.appId, QString());
        QCOMPARE(settings.keyHint, QString());
        settings.terminalId = u"T02"_s;
        settings.appId = u"wx1234567890abcdef"_s;
        settings.merchantId = u"1900000109"_s;
        settings.newKey = kKey;
        settings.notifyListen = u"127.0.0.1:8089"_s;
        settings.notifyPublicUrl = u"https://pos.example.com/notify/wechat?a=1;b=2"_s;
        settings.lifetimeMinutes = 15;
        settings.timeoutSeconds = 8;
        settings.signType = u"MD5"_s;
        settings.language = u"zh_CN"_s;
        const Status saved = m_editor->save(m_manager, settings);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));

        // What the till reads at its next start.
        const auto config = AppConfig::load(m_ini);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QVERIFY(!config->training);
        QCOMPARE(config->terminalId, u"T02"_s);
        QCOMPARE(config->wechat.appId, u"wx1234567890abcdef"_s);
        QCOMPARE(config->wechat.key, kKey);
        QCOMPARE(config->wechat.notifyUrl, settings.notifyPublicUrl);
        QCOMPARE(config->wechat.signType, WechatSignType::Md5);
        QCOMPARE(config->wechat.timeoutMs, 8000);
        QCOMPARE(config->paymentLifetime, std::chrono::minutes(15));
        QCOMPARE(config->notifyListen->second, quint16(8089));

        // The key sits in its own owner-only file, not in the INI.
        const QByteArray ini = readAll(m_ini);
        QVERIFY(!ini.contains(kKey));
        QVERIFY(ini.contains("key_file="));
        QCOMPARE(readAll(m_editor->keyFilePath()), kKey);
        QCOMPARE(QFile::permissions(m_editor->keyFilePath()) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        // The owner's comments and other sections are still there.
        QVERIFY(ini.startsWith("; Shouyin settings, written by the owner.\n[terminal]\n"
                               "; 1 to 8 letters or digits\nid=T02\n"));
        QVERIFY(ini.contains("[shop]\ntime_zone=Asia/Shanghai\n"));
        QCOMPARE(QSettings(m_dir->filePath(u"prefs.ini"_s), QSettings::IniFormat)
                     .value(u"ui/language"_s)
                     .toString(),
                 u"zh_CN"_s);
    }

    void keyNeverComesBack()
    {
        ShopSettings settings = merchant();
        QVERIFY(m_editor->save(m_manager, settings));
        const ShopSettings loaded = m_editor->load(m_manager).value();
        QCOMPARE(loaded.keyHint, u"…CDEF"_s);
        QVERIFY(loaded.newKey.isEmpty());
        QCOMPARE(loaded.appId, settings.appId);
        QCOMPARE(loaded.notifyPublicUrl, settings.notifyPublicUrl);
        // Saving without a new key keeps the stored one.
        ShopSettings again = loaded;
        again.lifetimeMinutes = 20;
        QVERIFY(m_editor->save(m_manager, again));
        QCOMPARE(AppConfig::load(m_ini)->wechat.key, kKey);
        QCOMPARE(AppConfig::load(m_ini)->paymentLifetime, std::chrono::minutes(20));
    }

    void refusedChangeLeavesTheFileAlone()
    {
        const QByteArray before = readAll(m_ini);
        ShopSettings settings = merchant();
        settings.lifetimeMinutes = 500;
        QCOMPARE(m_editor->save(m_manager, settings).error().code, ErrorCode::Config);
        settings = merchant();
        settings.newKey = "short";
        QCOMPARE(m_editor->save(m_manager, settings).error().code, ErrorCode::Config);
        settings = merchant();
        settings.notifyPublicUrl.clear();
        QCOMPARE(m_editor->save(m_manager, settings).error().code, ErrorCode::Config);
        settings = ShopSettings();
        settings.newKey = kKey; // a key without a merchant
        QCOMPARE(m_editor->save(m_manager, settings).error().code, ErrorCode::Config);
        QCOMPARE(readAll(m_ini), before);
        QVERIFY(!QFile::exists(m_editor->keyFilePath()));
    }

    void theReceiptPrinterIsSavedAndChecked()
    {
        ShopSettings settings = m_editor->load(m_manager).value();
        QVERIFY(settings.receiptPrinter.isEmpty()); // not set: training prints PDFs
        settings.shopName = u"测试便利店"_s;
        settings.shopAddress = u"南京路 1 号"_s;
        settings.receiptPrinter = u"tcp://192.168.1.87:9100"_s;
        settings.paper = u"80"_s;
        settings.printReceipts = u"ask"_s;
        QVERIFY(m_editor->save(m_manager, settings));
        const auto config = AppConfig::load(m_ini);
        QVERIFY(config.ok());
        QVERIFY(config->printerConfigured);
        QCOMPARE(config->printer.kind, PrinterConfig::Kind::EscPos);
        QCOMPARE(config->printer.paper, PaperWidth::Mm80);
        QCOMPARE(config->printer.policy, PrinterConfig::Policy::Ask);
        QCOMPARE(config->printer.shopName, u"测试便利店"_s);
        const ShopSettings loaded = m_editor->load(m_manager).value();
        QCOMPARE(loaded.receiptPrinter, settings.receiptPrinter);
        QCOMPARE(loaded.shopAddress, settings.shopAddress);

        // A printer address with a typo would stop the till at its next start: refused.
        const QByteArray before = readAll(m_ini);
        settings.receiptPrinter = u"tcp://192.168.1.87:99999"_s;
        const Status refused = m_editor->save(m_manager, settings);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Config);
        QVERIFY2(refused.error().message.contains(u"[printer] receipt"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(readAll(m_ini), before);
    }

    void trainingStaysTraining()
    {
        ShopSettings settings = m_editor->load(m_manager).value();
        settings.lifetimeMinutes = 5;
        QVERIFY(m_editor->save(m_manager, settings));
        const auto config = AppConfig::load(m_ini);
        QVERIFY(config.ok());
        QVERIFY(config->training);
        QCOMPARE(config->paymentLifetime, std::chrono::minutes(5));
    }

    void onlyManagersTouchSettings()
    {
        QVERIFY(m_editor->save(m_manager, merchant()));
        const QByteArray before = readAll(m_ini);
        for (const Staff &staff : {m_cashier, Staff()}) {
            QVERIFY(!m_editor->load(staff).ok());
            ShopSettings settings = merchant();
            settings.appId = u"wxattacker"_s;
            const Status saved = m_editor->save(staff, settings);
            QVERIFY(!saved.ok());
            QVERIFY(saved.error().code == ErrorCode::Forbidden ||
                    saved.error().code == ErrorCode::NotSignedIn);
        }
        QCOMPARE(readAll(m_ini), before);
    }

    void alipayIsSavedAndReadBack()
    {
        ShopSettings settings = m_editor->load(m_manager).value();
        QCOMPARE(settings.alipayAppId, QString());
        QCOMPARE(settings.alipayGateway, u"https://openapi.alipay.com/gateway.do"_s);
        settings.alipayAppId = u"2021000000000042"_s;
        settings.alipayPrivateKeyFile = m_appPrivatePem;
        settings.alipayPublicKeyFile = m_alipayPublicPem;
        settings.alipayGateway = u"https://openapi-sandbox.dl.alipaydev.com/gateway.do"_s;
        settings.alipaySellerId = u"2088000000000042"_s;
        settings.alipayNotifyUrl = u"https://pos.example.com/notify/alipay"_s;
        settings.defaultProvider = u"alipay"_s;
        QVERIFY(m_editor->check(settings).isEmpty());
        const Status saved = m_editor->save(m_manager, settings);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));

        const auto config = AppConfig::load(m_ini);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QVERIFY(!config->training);
        QVERIFY(config->alipay.isConfigured());
        QCOMPARE(config->alipay.appId, u"2021000000000042"_s);
        QCOMPARE(config->alipay.sellerId, u"2088000000000042"_s);
        QCOMPARE(config->alipay.gatewayUrl,
                 QUrl(u"https://openapi-sandbox.dl.alipaydev.com/gateway.do"_s));
        QCOMPARE(config->alipay.notifyUrl, u"https://pos.example.com/notify/alipay"_s);
        QCOMPARE(config->defaultProvider, u"alipay"_s);
        QVERIFY(config->alipay.appPrivateKey.hasPrivate());
        QVERIFY(!config->alipay.alipayPublicKey.samePublicKey(config->alipay.appPrivateKey));

        const ShopSettings loaded = m_editor->load(m_manager).value();
        QCOMPARE(loaded.alipayAppId, settings.alipayAppId);
        QCOMPARE(loaded.alipayPrivateKeyFile, m_appPrivatePem);
        QCOMPARE(loaded.alipayPublicKeyFile, m_alipayPublicPem);
        QCOMPARE(loaded.alipaySellerId, settings.alipaySellerId);
        QCOMPARE(loaded.alipayNotifyUrl, settings.alipayNotifyUrl);
        QCOMPARE(loaded.alipayGateway, settings.alipayGateway);
        // The keys stay in their files: the INI names them and holds no key.
        const QByteArray ini = readAll(m_ini);
        QVERIFY(!ini.contains("PRIVATE KEY"));
        QCOMPARE(QFile::permissions(m_ini) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());

        // Alipay set aside again: the section's settings go, the till is in training.
        ShopSettings cleared = loaded;
        cleared.alipayAppId.clear();
        cleared.alipayPrivateKeyFile.clear();
        cleared.alipayPublicKeyFile.clear();
        cleared.alipaySellerId.clear();
        cleared.alipayNotifyUrl.clear();
        cleared.defaultProvider = u"wechat"_s;
        QVERIFY(m_editor->save(m_manager, cleared));
        QVERIFY(AppConfig::load(m_ini)->training);
        QVERIFY(!readAll(m_ini).contains("app_private_key_file"));
    }

    void aTillWithBothProviders()
    {
        ShopSettings settings = merchant();
        settings.alipayAppId = u"2021000000000042"_s;
        settings.alipayPrivateKeyFile = m_appPrivatePem;
        settings.alipayPublicKeyFile = m_alipayPublicPem;
        QVERIFY(m_editor->save(m_manager, settings));
        const auto config = AppConfig::load(m_ini);
        QVERIFY(config.ok());
        QVERIFY(config->alipay.isConfigured());
        QCOMPARE(config->wechat.key, kKey);
        QCOMPARE(config->defaultProvider, u"wechat"_s);
    }

    void eachFieldIsCheckedBeforeWriting_data()
    {
        QTest::addColumn<Spoil>("spoil");
        QTest::addColumn<SettingsField>("field");
        QTest::newRow("terminal") << Spoil::TerminalId << SettingsField::TerminalId;
        QTest::newRow("listen no port") << Spoil::ListenWithoutPort << SettingsField::Listen;
        QTest::newRow("listen by name") << Spoil::ListenByName << SettingsField::Listen;
        QTest::newRow("public url") << Spoil::PublicUrlWithoutScheme << SettingsField::PublicUrl;
        QTest::newRow("gateway") << Spoil::GatewayNotHttp << SettingsField::Gateway;
        QTest::newRow("short key") << Spoil::ShortKey << SettingsField::Key;
        QTest::newRow("secapi http") << Spoil::SecapiPlainHttp << SettingsField::SecapiGateway;
        QTest::newRow("no certificate")
            << Spoil::MissingCertificate << SettingsField::ClientCertificate;
        QTest::newRow("no private key")
            << Spoil::MissingPrivateKey << SettingsField::AlipayPrivateKey;
        QTest::newRow("public as private")
            << Spoil::PublicKeyAsPrivate << SettingsField::AlipayPrivateKey;
        QTest::newRow("text as private")
            << Spoil::TextAsPrivateKey << SettingsField::AlipayPrivateKey;
        QTest::newRow("private as public")
            << Spoil::PrivateKeyAsPublic << SettingsField::AlipayPublicKey;
        QTest::newRow("app's own public key")
            << Spoil::AppsOwnPublicKey << SettingsField::AlipayPublicKey;
        QTest::newRow("alipay gateway")
            << Spoil::AlipayGatewayWithoutHost << SettingsField::AlipayGateway;
        QTest::newRow("alipay notify url")
            << Spoil::AlipayNotifyUrl << SettingsField::AlipayNotifyUrl;
        QTest::newRow("alipay without app id")
            << Spoil::AlipayWithoutAppId << SettingsField::AlipayAppId;
        QTest::newRow("default alipay")
            << Spoil::DefaultAlipayWithoutAlipay << SettingsField::DefaultProvider;
    }

    void eachFieldIsCheckedBeforeWriting()
    {
        QFETCH(Spoil, spoil);
        QFETCH(SettingsField, field);
        ShopSettings settings = merchant();
        settings.alipayAppId = u"2021000000000042"_s;
        settings.alipayPrivateKeyFile = m_appPrivatePem;
        settings.alipayPublicKeyFile = m_alipayPublicPem;
        QVERIFY(m_editor->check(settings).isEmpty());
        switch (spoil) {
        case Spoil::TerminalId:
            settings.terminalId = u"T-01!"_s;
            break;
        case Spoil::ListenWithoutPort:
            settings.notifyListen = u"127.0.0.1"_s;
            break;
        case Spoil::ListenByName:
            settings.notifyListen = u"localhost:8089"_s;
            break;
        case Spoil::PublicUrlWithoutScheme:
            settings.notifyPublicUrl = u"pos.example.com/notify/wechat"_s;
            break;
        case Spoil::GatewayNotHttp:
            settings.gateway = u"ftp://api.mch.weixin.qq.com"_s;
            break;
        case Spoil::ShortKey:
            settings.newKey = "0123456789abcdef";
            break;
        case Spoil::SecapiPlainHttp:
            settings.secapiGateway = u"http://api.mch.weixin.qq.com"_s;
            break;
        case Spoil::MissingCertificate:
            settings.clientCertP12 = m_keys->filePath(u"apiclient_cert.p12"_s);
            break;
        case Spoil::MissingPrivateKey:
            settings.alipayPrivateKeyFile = m_keys->filePath(u"gone.pem"_s);
            break;
        case Spoil::PublicKeyAsPrivate:
            settings.alipayPrivateKeyFile = m_appPublicPem;
            break;
        case Spoil::TextAsPrivateKey:
            settings.alipayPrivateKeyFile = m_notAKey;
            break;
        case Spoil::PrivateKeyAsPublic:
            settings.alipayPublicKeyFile = m_alipayPrivatePem;
            break;
        case Spoil::AppsOwnPublicKey:
            settings.alipayPublicKeyFile = m_appPublicPem;
            break;
        case Spoil::AlipayGatewayWithoutHost:
            settings.alipayGateway = u"https://"_s;
            break;
        case Spoil::AlipayNotifyUrl:
            settings.alipayNotifyUrl = u"notify/alipay"_s;
            break;
        case Spoil::AlipayWithoutAppId:
            settings.alipayAppId.clear();
            break;
        case Spoil::DefaultAlipayWithoutAlipay:
            settings.alipayAppId.clear();
            settings.alipayPrivateKeyFile.clear();
            settings.alipayPublicKeyFile.clear();
            settings.defaultProvider = u"alipay"_s;
            break;
        }
        const QList<SettingsProblem> problems = m_editor->check(settings);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, field);
        QVERIFY(!problems.first().message.isEmpty());
        // A secret is never repeated in a message.
        QVERIFY(!problems.first().message.contains(QString::fromLatin1(kKey)));

        const QByteArray before = readAll(m_ini);
        const Status saved = m_editor->save(m_manager, settings);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ErrorCode::Config);
        QVERIFY2(saved.error().message.startsWith(SettingsValidator::fieldName(field) + u": "_s),
                 qPrintable(saved.error().message));
        QCOMPARE(readAll(m_ini), before);
        QVERIFY(!QFile::exists(m_editor->keyFilePath()));
    }

    // The page and the start-up check apply the same rules: a value the page refuses
    // stops the till too when written into the file by hand.
    void startUpRefusesWhatThePageRefuses_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::newRow("public url") << QByteArray("[notify]\npublic_url=pos.example.com/n\n");
        QTest::newRow("gateway without host") << QByteArray("[merchant]\ngateway=https://\n");
        QTest::newRow("alipay notify url") << QByteArray("[alipay]\nnotify_url=notify\n");
    }

    void startUpRefusesWhatThePageRefuses()
    {
        QFETCH(QByteArray, ini);
        ShopSettings settings = merchant();
        settings.alipayAppId = u"2021000000000042"_s;
        settings.alipayPrivateKeyFile = m_appPrivatePem;
        settings.alipayPublicKeyFile = m_alipayPublicPem;
        settings.alipayNotifyUrl = u"https://pos.example.com/notify/alipay"_s;
        QVERIFY(m_editor->save(m_manager, settings));
        QVERIFY(AppConfig::load(m_ini).ok());
        // The section's line replaced, as an owner editing the file would.
        const QByteArray section = ini.left(ini.indexOf('\n') + 1);
        const QByteArray line = ini.mid(section.size());
        const QByteArray key = line.left(line.indexOf('=') + 1);
        QByteArray text = readAll(m_ini);
        const qsizetype at = text.indexOf('\n' + key, text.indexOf(section));
        QVERIFY(at >= 0);
        text.replace(at + 1, text.indexOf('\n', at + 1) - at, line);
        QVERIFY(writeAll(m_ini, text));
        const auto config = AppConfig::load(m_ini);
        QVERIFY2(!config.ok(), text.constData());
        QCOMPARE(config.error().code, ErrorCode::Config);
    }

private:
    static ShopSettings merchant()
    {
        ShopSettings settings;
        settings.appId = u"wx1234567890abcdef"_s;
        settings.merchantId = u"1900000109"_s;
        settings.newKey = kKey;
        settings.notifyPublicUrl = u"https://pos.example.com/notify/wechat"_s;
        return settings;
    }

    std::unique_ptr<QTemporaryDir> m_keys;
    QString m_appPrivatePem;
    QString m_appPublicPem;
    QString m_alipayPublicPem;
    QString m_alipayPrivatePem;
    QString m_notAKey;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<SettingsEditor> m_editor;
    Staff m_manager;
    Staff m_cashier;
    QString m_ini;
};

QTEST_GUILESS_MAIN(TestSettingsEditor)
#include "tst_settingseditor.moc"
