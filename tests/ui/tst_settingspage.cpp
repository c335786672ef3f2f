// The Settings page as a manager uses it: the merchants of both providers first, the
// developer settings folded away; every field checked before anything is written, each
// refusal said next to its field; secrets never shown back; usable at 1024×768.
#include "auth/settingseditor.h"
#include "auth/userstore.h"
#include "config/appconfig.h"
#include "crypto/rsakey.h"
#include "settingspage.h"
#include "testcertificate.h"
#include "testdatabase.h"
#include "testfiles.h"
#include "util/shopclock.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

// The letter after a single '&' ("Save settin&gs" → 'g'), or none.
QChar mnemonicOf(const QString &text)
{
    static const QRegularExpression pattern(u"(?<!&)&([^&\\s])"_s);
    const auto match = pattern.match(text);
    return match.hasMatch() ? match.captured(1).at(0).toLower() : QChar();
}

} // namespace

class TestSettingsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void merchantsFirstAdvancedFolded();
    void alipayIsSetUpThroughThePage();
    void wechatV3IsSetUpThroughThePage();
    void refusedFieldsSayWhyNextToThem();
    void aWrongKeyIsNeverShownBack();
    void fitsA1024x768Screen();
    void everyLabelHasItsOwnMnemonic();

private:
    void type(const QString &name, const QString &text);
    void clickSave();
    QString messageUnder(const QString &name);

    QTemporaryDir m_keys;
    QString m_appPrivatePem;
    QString m_appPublicPem;
    QString m_alipayPublicPem;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<SettingsEditor> m_editor;
    std::unique_ptr<QWidget> m_window;
    SettingsPage *m_page = nullptr;
    QString m_ini;
};

void TestSettingsPage::initTestCase()
{
    const auto app = crypto::RsaKey::generate(2048);
    const auto alipay = crypto::RsaKey::generate(2048);
    QVERIFY(app && alipay);
    m_appPrivatePem = m_keys.filePath(u"app-private.pem"_s);
    m_appPublicPem = m_keys.filePath(u"app-public.pem"_s);
    m_alipayPublicPem = m_keys.filePath(u"alipay-public.pem"_s);
    QVERIFY(writeAll(m_appPrivatePem, app->privatePem()));
    QVERIFY(writeAll(m_appPublicPem, app->publicPem()));
    QVERIFY(writeAll(m_alipayPublicPem, alipay->publicPem()));
}

void TestSettingsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = testing::openTestDatabase(m_dir->filePath(u"s.sqlite"_s));
    m_users = std::make_unique<UserStore>(*m_db, UserStore::Options{1000, {}});
    const Staff manager = m_users->createFirstManager(u"店长"_s, u"1234"_s).value();
    m_ini = m_dir->filePath(u"shouyin.ini"_s);
    QVERIFY(writeAll(m_ini, "; the owner's notes\n[terminal]\nid=T01\n"));
    m_editor = std::make_unique<SettingsEditor>(m_ini, m_dir->filePath(u"prefs.ini"_s));
    // The page as the window shows it on the smallest screen a till has.
    auto *tabs = new QTabWidget;
    m_window.reset(tabs);
    m_window->resize(1024, 768);
    m_page = new SettingsPage(m_editor.get(), m_users.get(), manager, ShopClock::defaultZone(),
                              true, tabs);
    tabs->addTab(m_page, u"Settings"_s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSettingsPage::cleanup()
{
    m_window.reset();
    m_editor.reset();
    m_users.reset();
    m_db.reset();
    m_dir.reset();
}

void TestSettingsPage::type(const QString &name, const QString &text)
{
    auto *edit = findIn<QLineEdit>(m_page, name);
    QVERIFY(edit);
    QVERIFY2(edit->isVisible(), qPrintable(name));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void TestSettingsPage::clickSave()
{
    auto *save = findIn<QPushButton>(m_page, u"saveSettingsButton"_s);
    QVERIFY(save);
    m_page->scrollArea()->ensureWidgetVisible(save);
    QTest::mouseClick(save, Qt::LeftButton);
}

QString TestSettingsPage::messageUnder(const QString &name)
{
    auto *label = findIn<QLabel>(m_page, name + u"Message"_s);
    return label && label->isVisible() ? label->text() : QString();
}

void TestSettingsPage::merchantsFirstAdvancedFolded()
{
    auto *wechat = findIn<QGroupBox>(m_page, u"wechatGroup"_s);
    auto *alipay = findIn<QGroupBox>(m_page, u"alipayGroup"_s);
    auto *till = findIn<QGroupBox>(m_page, u"tillGroup"_s);
    auto *advanced = findIn<QGroupBox>(m_page, u"advancedGroup"_s);
    QVERIFY(wechat && alipay && till && advanced);
    for (QGroupBox *box : {wechat, alipay, till, advanced})
        QVERIFY(box->isVisible());
    const auto top = [this](QWidget *widget) {
        return widget->mapTo(m_page, QPoint()).y();
    };
    QVERIFY(top(wechat) < top(alipay));
    QVERIFY(top(alipay) < top(till));
    QVERIFY(top(till) < top(advanced));
    QVERIFY(findIn<QLineEdit>(m_page, u"alipayPrivateKeyEdit"_s)->isVisible());
    QVERIFY(findIn<QLineEdit>(m_page, u"alipayPublicKeyEdit"_s)->isVisible());

    // The developer settings are folded away until asked for.
    QVERIFY(advanced->isCheckable());
    QVERIFY(!advanced->isChecked());
    for (const QString &name : {u"listenEdit"_s, u"publicUrlEdit"_s, u"gatewayEdit"_s,
                                u"alipayGatewayEdit"_s, u"alipayNotifyUrlEdit"_s})
        QVERIFY2(!findIn<QLineEdit>(m_page, name)->isVisible(), qPrintable(name));
    QVERIFY(!findIn<QComboBox>(m_page, u"signTypeCombo"_s)->isVisible());
    m_page->scrollArea()->ensureWidgetVisible(advanced);
    advanced->setFocus();
    QTest::keyClick(advanced, Qt::Key_Space);
    QVERIFY(advanced->isChecked());
    QVERIFY(findIn<QLineEdit>(m_page, u"listenEdit"_s)->isVisible());
    QVERIFY(findIn<QComboBox>(m_page, u"signTypeCombo"_s)->isVisible());
}

void TestSettingsPage::alipayIsSetUpThroughThePage()
{
    type(u"alipayAppIdEdit"_s, u"2021000000000042"_s);
    type(u"alipayPrivateKeyEdit"_s, m_appPrivatePem);
    type(u"alipayPublicKeyEdit"_s, m_alipayPublicPem);
    type(u"alipaySellerIdEdit"_s, u"2088000000000042"_s);
    auto *provider = findIn<QComboBox>(m_page, u"providerCombo"_s);
    provider->setFocus();
    while (provider->currentData().toString() != u"alipay" &&
           provider->currentIndex() < provider->count() - 1)
        QTest::keyClick(provider, Qt::Key_Down);
    QCOMPARE(provider->currentData().toString(), u"alipay"_s);
    clickSave();
    auto *message = findIn<QLabel>(m_page, u"settingsMessage"_s);
    QVERIFY2(message->text().startsWith(u"Saved."_s), qPrintable(message->text()));

    const auto config = AppConfig::load(m_ini);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    QVERIFY(!config->training);
    QVERIFY(config->alipay.isConfigured());
    QCOMPARE(config->alipay.appId, u"2021000000000042"_s);
    QCOMPARE(config->alipay.sellerId, u"2088000000000042"_s);
    QCOMPARE(config->defaultProvider, u"alipay"_s);
    QVERIFY(readAll(m_ini).startsWith("; the owner's notes\n"));
    QCOMPARE(QFile::permissions(m_ini) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    // What was saved is what the page shows again.
    QCOMPARE(findIn<QLineEdit>(m_page, u"alipayPrivateKeyEdit"_s)->text(), m_appPrivatePem);
    QCOMPARE(findIn<QLineEdit>(m_page, u"alipayPublicKeyEdit"_s)->text(), m_alipayPublicPem);
}

void TestSettingsPage::wechatV3IsSetUpThroughThePage()
{
    // A merchant registered since 2024: v3 only, with WeChat Pay's public key.
    const TestCertificate merchant = TestCertificate::make("x", {0x4A7B3C, {}, {}});
    const QString keyFile = m_keys.filePath(u"apiclient_key.pem"_s);
    const QString certFile = m_keys.filePath(u"apiclient_cert.pem"_s);
    QVERIFY(writeAll(keyFile, merchant.keyPem) && writeAll(certFile, merchant.certificatePem));
    const QByteArray apiV3Key = "v3key-0123456789abcdefghijklmnop";
    type(u"v3AppIdEdit"_s, u"wxd678efh567hg6787"_s);
    type(u"v3MerchantIdEdit"_s, u"1230000109"_s);
    type(u"v3KeyEdit"_s, QString::fromLatin1(apiV3Key));
    type(u"v3PrivateKeyEdit"_s, certFile); // the certificate where the key belongs
    type(u"v3CertificateEdit"_s, certFile);
    type(u"v3PublicKeyIdEdit"_s, u"PUB_KEY_ID_0114232134912410000000000000"_s);
    type(u"v3PublicKeyEdit"_s, m_alipayPublicPem); // any key not the merchant's will do
    auto *advanced = findIn<QGroupBox>(m_page, u"advancedGroup"_s);
    m_page->scrollArea()->ensureWidgetVisible(advanced);
    advanced->setFocus();
    QTest::keyClick(advanced, Qt::Key_Space);
    type(u"publicUrlEdit"_s, u"https://pos.example.com/notify/wechat"_s);
    const QByteArray before = readAll(m_ini);
    clickSave();
    QVERIFY2(messageUnder(u"v3PrivateKeyEdit"_s).contains(u"certificate"_s),
             qPrintable(messageUnder(u"v3PrivateKeyEdit"_s)));
    QCOMPARE(messageUnder(u"v3KeyEdit"_s), QString());
    QCOMPARE(readAll(m_ini), before);
    // The secret stays where it was typed until it is saved, and is never echoed.
    QCOMPARE(findIn<QLineEdit>(m_page, u"v3KeyEdit"_s)->echoMode(), QLineEdit::Password);

    type(u"v3PrivateKeyEdit"_s, keyFile);
    clickSave();
    auto *message = findIn<QLabel>(m_page, u"settingsMessage"_s);
    QVERIFY2(message->text().startsWith(u"Saved."_s), qPrintable(message->text()));
    const auto config = AppConfig::load(m_ini);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    QVERIFY(config->wechatV3.isConfigured());
    QVERIFY(config->wechat.appId.isEmpty()); // no v2 merchant
    QCOMPARE(config->wechatV3.apiV3Key, apiV3Key);
    QCOMPARE(config->wechatV3.signing.serialNo, u"4A7B3C"_s);
    QVERIFY(!readAll(m_ini).contains(apiV3Key));
    // Shown again: the files, and of the key only its last characters.
    QCOMPARE(findIn<QLineEdit>(m_page, u"v3PrivateKeyEdit"_s)->text(), keyFile);
    auto *key = findIn<QLineEdit>(m_page, u"v3KeyEdit"_s);
    QVERIFY(key->text().isEmpty());
    QVERIFY2(key->placeholderText().contains(u"…mnop"_s), qPrintable(key->placeholderText()));
}

void TestSettingsPage::refusedFieldsSayWhyNextToThem()
{
    const QByteArray before = readAll(m_ini);
    type(u"terminalEdit"_s, u"T-01!"_s);
    type(u"alipayAppIdEdit"_s, u"2021000000000042"_s);
    type(u"alipayPrivateKeyEdit"_s, m_appPrivatePem);
    type(u"alipayPublicKeyEdit"_s, m_appPublicPem); // the app's own, not Alipay's
    auto *advanced = findIn<QGroupBox>(m_page, u"advancedGroup"_s);
    m_page->scrollArea()->ensureWidgetVisible(advanced);
    advanced->setFocus();
    QTest::keyClick(advanced, Qt::Key_Space);
    type(u"listenEdit"_s, u"localhost:8089"_s);
    // Folded again: a refusal in there opens the fold.
    QTest::keyClick(advanced, Qt::Key_Space);
    QVERIFY(!advanced->isChecked());
    clickSave();

    QVERIFY2(messageUnder(u"terminalEdit"_s).contains(u"1 to 8"_s),
             qPrintable(messageUnder(u"terminalEdit"_s)));
    QCOMPARE(messageUnder(u"alipayPrivateKeyEdit"_s), QString());
    QVERIFY2(messageUnder(u"alipayPublicKeyEdit"_s).contains(u"own public key"_s),
             qPrintable(messageUnder(u"alipayPublicKeyEdit"_s)));
    QVERIFY(advanced->isChecked());
    QVERIFY2(messageUnder(u"listenEdit"_s).contains(u"127.0.0.1:8089"_s),
             qPrintable(messageUnder(u"listenEdit"_s)));
    QCOMPARE(messageUnder(u"appIdEdit"_s), QString());
    const QString summary = findIn<QLabel>(m_page, u"settingsMessage"_s)->text();
    for (const QString &field : {u"Terminal ID"_s, u"Alipay public key file"_s, u"Listen on"_s})
        QVERIFY2(summary.contains(field), qPrintable(summary));
    QCOMPARE(readAll(m_ini), before); // nothing written
    // The topmost refused field has the keyboard, and its message goes as it is corrected.
    QCOMPARE(QApplication::focusWidget(), findIn<QLineEdit>(m_page, u"alipayPublicKeyEdit"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
    QCOMPARE(messageUnder(u"alipayPublicKeyEdit"_s), QString());
    QVERIFY(!messageUnder(u"terminalEdit"_s).isEmpty());

    // A public key where the private one belongs, and a file that is not there.
    type(u"terminalEdit"_s, u"T02"_s);
    type(u"alipayPrivateKeyEdit"_s, m_alipayPublicPem);
    type(u"alipayPublicKeyEdit"_s, m_keys.filePath(u"missing.pem"_s));
    type(u"listenEdit"_s, u"127.0.0.1:8089"_s);
    clickSave();
    QVERIFY2(messageUnder(u"alipayPrivateKeyEdit"_s).contains(u"holds a public key"_s),
             qPrintable(messageUnder(u"alipayPrivateKeyEdit"_s)));
    QVERIFY2(messageUnder(u"alipayPublicKeyEdit"_s).contains(u"does not exist"_s),
             qPrintable(messageUnder(u"alipayPublicKeyEdit"_s)));
    QCOMPARE(messageUnder(u"terminalEdit"_s), QString());
    QCOMPARE(messageUnder(u"listenEdit"_s), QString());
    QCOMPARE(readAll(m_ini), before);
}

void TestSettingsPage::aWrongKeyIsNeverShownBack()
{
    type(u"appIdEdit"_s, u"wx1234567890abcdef"_s);
    type(u"merchantIdEdit"_s, u"1900000109"_s);
    auto *key = findIn<QLineEdit>(m_page, u"keyEdit"_s);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    type(u"keyEdit"_s, u"secret-but-short"_s);
    clickSave();
    const QString keyMessage = messageUnder(u"keyEdit"_s);
    QVERIFY2(keyMessage.contains(u"32"_s), qPrintable(keyMessage));
    // The notify URL is required with a WeChat merchant: said, in the opened fold.
    QVERIFY(findIn<QGroupBox>(m_page, u"advancedGroup"_s)->isChecked());
    QVERIFY(!messageUnder(u"publicUrlEdit"_s).isEmpty());
    const QString summary = findIn<QLabel>(m_page, u"settingsMessage"_s)->text();
    QVERIFY(!summary.contains(u"secret"_s) && !keyMessage.contains(u"secret"_s));

    type(u"keyEdit"_s, u"0123456789abcdef0123456789ABCDEF"_s);
    type(u"publicUrlEdit"_s, u"https://pos.example.com/notify/wechat"_s);
    clickSave();
    QVERIFY2(findIn<QLabel>(m_page, u"settingsMessage"_s)->text().startsWith(u"Saved."_s),
             qPrintable(findIn<QLabel>(m_page, u"settingsMessage"_s)->text()));
    QVERIFY(key->text().isEmpty());
    QVERIFY(key->placeholderText().contains(u"…CDEF"_s));
    QVERIFY(!readAll(m_ini).contains("0123456789abcdef"));
    QCOMPARE(QFile::permissions(m_editor->keyFilePath()) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void TestSettingsPage::fitsA1024x768Screen()
{
    auto *advanced = findIn<QGroupBox>(m_page, u"advancedGroup"_s);
    advanced->setChecked(true); // the tallest the page gets
    QScrollArea *scroll = m_page->scrollArea();
    QVERIFY(m_page->minimumSizeHint().width() <= 1024);
    QVERIFY(m_page->minimumSizeHint().height() <= 768);
    // Nothing runs off to the side: only the height scrolls.
    QTRY_VERIFY(scroll->widget()->width() <= scroll->viewport()->width());
    QVERIFY(!scroll->horizontalScrollBar()->isVisible());
    auto *save = findIn<QPushButton>(m_page, u"saveSettingsButton"_s);
    scroll->ensureWidgetVisible(save);
    QTRY_VERIFY(!save->visibleRegion().isEmpty());
}

void TestSettingsPage::everyLabelHasItsOwnMnemonic()
{
    findIn<QGroupBox>(m_page, u"advancedGroup"_s)->setChecked(true);
    QMap<QChar, QString> taken;
    const auto claim = [&taken](const QString &text) {
        const QChar letter = mnemonicOf(text);
        if (letter.isNull())
            return;
        QVERIFY2(!taken.contains(letter), qPrintable(u"'%1' in both '%2' and '%3'"_s.arg(
                                              letter, taken.value(letter), text)));
        taken.insert(letter, text);
    };
    for (QLabel *label : m_page->findChildren<QLabel *>()) {
        if (label->isVisible())
            claim(label->text());
    }
    for (QAbstractButton *button : m_page->findChildren<QAbstractButton *>()) {
        if (button->isVisible())
            claim(button->text());
    }
    for (QGroupBox *box : m_page->findChildren<QGroupBox *>())
        claim(box->title());
    // The merchants' and the till's labels each have one (the Advanced fold's installer
    // settings outnumber the letters left).
    for (const QString &group : {u"wechatGroup"_s, u"alipayGroup"_s, u"tillGroup"_s}) {
        for (QLabel *label : findIn<QGroupBox>(m_page, group)->findChildren<QLabel *>()) {
            if (label->buddy())
                QVERIFY2(!mnemonicOf(label->text()).isNull(), qPrintable(label->text()));
        }
    }
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
