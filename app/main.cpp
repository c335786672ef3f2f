// shouyin: the composition root. Reads the command line and configuration, builds the
// services (PosApplication) and hands them to the main window.

#include "autocharge.h"
#include "benchhooks.h"
#include "customerscreen.h"
#include "databasewait.h"
#include "mainwindow.h"
#include "posapplication.h"
#include "posservices.h"
#include "smoketest.h"
#include "userfiles.h"
#include "util/allocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

struct CommandLine
{
    QCommandLineOption training{
        u"training"_s,
        QCoreApplication::translate("main", "Train against the built-in sandbox gateway: no real "
                                            "money (the default without a merchant).")};
    QCommandLineOption wechatV3{
        u"wechat-v3"_s,
        QCoreApplication::translate("main", "Training: take WeChat Pay through API v3 (the "
                                            "sandbox's merchant with the WeChat Pay public key) "
                                            "instead of v2.")};
    QCommandLineOption config{
        u"config"_s,
        QCoreApplication::translate("main",
                                    "Read merchant and terminal settings from the INI <file>."),
        u"file"_s};
    QCommandLineOption db{
        u"db"_s, QCoreApplication::translate("main", "Keep the shop's data in the SQLite <path>."),
        u"path"_s};
    QCommandLineOption catalog{
        u"import-catalog"_s,
        QCoreApplication::translate(
            "main", "Import products from the CSV <file> (barcode,name,price_yuan,stock)."),
        u"file"_s};
    QCommandLineOption autoPay{
        u"auto-pay-ms"_s,
        QCoreApplication::translate(
            "main", "Training: the sandbox customer pays every QR after <ms> milliseconds."),
        u"ms"_s};
    QCommandLineOption autoCharge{
        u"auto-charge"_s,
        QCoreApplication::translate("main",
                                    "Scan the comma-separated <barcodes> and press "
                                    "Charge once the window is up (demonstrations, tests)."),
        u"barcodes"_s};
    QCommandLineOption autoChargeCount{
        u"auto-charge-count"_s,
        QCoreApplication::translate(
            "main", "With --auto-charge: make <n> sales in a row, closing each payment "
                    "dialog as a cashier would, then keep running (tests of several tills)."),
        u"n"_s};
    QCommandLineOption autoCode{
        u"auto-code"_s,
        QCoreApplication::translate("main", "With --auto-charge: pay with the customer's payment "
                                            "<code> instead of pressing Charge (tests)."),
        u"code"_s};
    QCommandLineOption smokeTest{
        u"smoke-test"_s,
        QCoreApplication::translate("main", "Make one training sale through the window by "
                                            "itself, then exit: 0 once it is paid, 1 if not.")};
    QCommandLineOption screenshot{
        u"screenshot"_s,
        QCoreApplication::translate(
            "main", "With --smoke-test: save the window as a PNG <file> before charging."),
        u"file"_s};

    void addTo(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Shouyin point of sale: WeChat Pay QR checkout."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({training, wechatV3, config, db, catalog, autoPay, autoCharge,
                           autoChargeCount, autoCode, smokeTest, screenshot});
    }
};

// Whether a person can see (and dismiss) a dialog: not offscreen, not without a screen.
// Without one, a modal error would hang the till until somebody kills it.
bool canShowDialogs()
{
    const QString platform = QGuiApplication::platformName();
    return platform != u"offscreen" && platform != u"minimal" &&
           QGuiApplication::primaryScreen() != nullptr;
}

void fail(const QString &message, bool gui)
{
    std::fprintf(stderr, "shouyin: %s\n", qPrintable(message));
    if (gui && canShowDialogs())
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Shouyin cannot start"),
                              message);
}

bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v" ||
            arg == "--help-all")
            return true;
    }
    return false;
}

void describeApplication()
{
    QCoreApplication::setApplicationName(u"shouyin"_s);
    QCoreApplication::setOrganizationName(u"Shouyin"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SHOUYIN_VERSION));
}

// The language chosen in Settings (QSettings "ui/language": "zh_CN", "en"; empty for the
// system's), else the system locale's. Qt's own strings, such as dialog buttons, come
// from Qt's catalogue of the same language.
void installTranslators(QCoreApplication &app)
{
    const QString chosen = QSettings().value(u"ui/language"_s).toString();
    QLocale locale = QLocale::system();
    if (!chosen.isEmpty() && QLocale(chosen).language() != QLocale::C) {
        locale = QLocale(chosen);
        QLocale::setDefault(locale);
    }
    const auto install = [&app, &locale](const QString &name, const QString &dir) {
        auto *translator = new QTranslator(&app);
        if (translator->load(locale, name, u"_"_s, dir))
            QCoreApplication::installTranslator(translator);
        else
            delete translator; // no catalogue for this language: the English source shows
    };
    install(u"shouyin"_s, u":/i18n"_s);
    install(u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace

int main(int argc, char **argv)
{
    keepFreedMemoryForReuse();
    // --help and --version must work on a machine without a display.
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        installTranslators(app);
        QCommandLineParser parser;
        CommandLine options;
        options.addTo(parser);
        parser.process(app);
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    installTranslators(app);
    // The menu entry's icon and name for the window: shouyin.desktop (Wayland), the
    // embedded icon (X11 and everything else).
    QGuiApplication::setDesktopFileName(u"shouyin"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/shouyin-256.png"_s));
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Shouyin POS"));
    QCommandLineParser parser;
    CommandLine options;
    options.addTo(parser);
    parser.process(app);

    PosApplication::Options posOptions;
    posOptions.config = AppConfig::trainingDefaults();
    // Without --config: the per-user file, written (all commented out) on the first start.
    const QString configFile =
        parser.isSet(options.config) ? parser.value(options.config) : userfiles::prepare();
    if (!configFile.isEmpty()) {
        auto loaded = AppConfig::load(configFile);
        if (!loaded) {
            fail(loaded.error().message, true);
            return 2;
        }
        posOptions.config = loaded.value();
    }
    const bool smoke = parser.isSet(options.smokeTest);
    if (parser.isSet(options.training) || smoke) // a smoke test never moves real money
        posOptions.config.training = true;
    posOptions.databasePath = parser.value(options.db);
    posOptions.configPath = configFile; // what the manager's Settings page edits
    posOptions.catalogCsv = parser.value(options.catalog);
    posOptions.trainWechatV3 = parser.isSet(options.wechatV3);
    if (parser.isSet(options.autoPay)) {
        bool ok = false;
        const int ms = parser.value(options.autoPay).toInt(&ok);
        if (!ok || ms < 0) {
            fail(QApplication::translate("main", "--auto-pay-ms needs a number of milliseconds."),
                 false);
            return 2;
        }
        posOptions.autoPayMs = ms;
    }
    if (smoke && !posOptions.autoPayMs)
        posOptions.autoPayMs = 300;
    int autoChargeCount = 0;
    if (parser.isSet(options.autoChargeCount)) {
        bool ok = false;
        autoChargeCount = parser.value(options.autoChargeCount).toInt(&ok);
        if (!ok || autoChargeCount < 1 || !parser.isSet(options.autoCharge)) {
            fail(QApplication::translate("main", "--auto-charge-count needs a number of sales and "
                                                 "--auto-charge."),
                 false);
            return 2;
        }
    }

    auto pos = createWhenDatabaseAnswers(posOptions);
    if (!pos) {
        if (pos.error().code == ErrorCode::Cancelled)
            return 1; // the cashier quit while waiting; nothing more to say
        fail(pos.error().message, true);
        return 1;
    }
    const DisplayConfig &display = pos.value()->config().display;
    MainWindow window(pos.value()->services());
    window.setTouchFriendly(display.touch);
    window.showAtCounter(display.kiosk);
    // A second screen faces the customer (客显); with one screen nothing changes.
    CustomerScreen customerScreen(&window, pos.value()->services().training,
                                  pos.value()->services().shopName);
    switch (display.customerScreen) {
    case DisplayConfig::CustomerScreen::Auto:
        break;
    case DisplayConfig::CustomerScreen::Off:
        customerScreen.setChoice(CustomerScreen::Choice::Off);
        break;
    case DisplayConfig::CustomerScreen::Index:
        customerScreen.setChoice(CustomerScreen::Choice::Index, display.customerScreenIndex);
        break;
    }
    installBenchHooks(&window);
    pos.value()->start();
    SmokeTest smokeTest(&window, pos.value()->services(), parser.value(options.screenshot));
    if (smoke)
        smokeTest.start();
    AutoCharge autoCharge(&window,
                          parser.value(options.autoCharge).split(u',', Qt::SkipEmptyParts));
    autoCharge.setRepeat(autoChargeCount);
    autoCharge.setPaymentCode(parser.value(options.autoCode));
    if (parser.isSet(options.autoCharge))
        autoCharge.start();
    return app.exec();
}
