// shouyin: the composition root. Reads the command line and configuration, builds the
// services (PosApplication) and hands them to the main window.

#include "mainwindow.h"
#include "posapplication.h"
#include "posservices.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

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

    void addTo(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Shouyin point of sale: WeChat Pay QR checkout."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({training, config, db, catalog, autoPay});
    }
};

void fail(const QString &message, bool gui)
{
    std::fprintf(stderr, "shouyin: %s\n", qPrintable(message));
    if (gui)
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

} // namespace

int main(int argc, char **argv)
{
    // --help and --version must work on a machine without a display.
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        QCommandLineParser parser;
        CommandLine options;
        options.addTo(parser);
        parser.process(app);
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Shouyin POS"));
    QCommandLineParser parser;
    CommandLine options;
    options.addTo(parser);
    parser.process(app);

    PosApplication::Options posOptions;
    posOptions.config = AppConfig::trainingDefaults();
    if (parser.isSet(options.config)) {
        auto loaded = AppConfig::load(parser.value(options.config));
        if (!loaded) {
            fail(loaded.error().message, true);
            return 2;
        }
        posOptions.config = loaded.value();
    }
    if (parser.isSet(options.training))
        posOptions.config.training = true;
    posOptions.databasePath = parser.value(options.db);
    posOptions.catalogCsv = parser.value(options.catalog);
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

    auto pos = PosApplication::create(std::move(posOptions));
    if (!pos) {
        fail(pos.error().message, true);
        return 1;
    }
    MainWindow window(pos.value()->services());
    window.show();
    pos.value()->start();
    return app.exec();
}
