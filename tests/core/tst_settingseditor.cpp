// Settings: only a manager reads or writes them; the merchant key goes into its own
// owner-only file and never comes back in full; a change AppConfig would refuse never
// replaces the file; the owner's comments survive.
#include "auth/settingseditor.h"
#include "auth/userstore.h"
#include "config/appconfig.h"
#include "store/database.h"
#include "testdatabase.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

const QByteArray kKey = "0123456789abcdef0123456789ABCDEF";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSettingsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
