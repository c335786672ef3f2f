// shouyin-sandbox: runs the sandbox payment gateway on its own, or asks a running one to
// pay a trade as the training customer would.
//
//   shouyin-sandbox [--host 127.0.0.1] [--port 8088] [--auto-pay-ms N]
//                   [--notify-time-scale X] [--no-notify]
//   shouyin-sandbox pay [--url http://127.0.0.1:8088] <out_trade_no | code_url>

#include "sandbox/sandboxgateway.h"
#include "sandbox/trainingcustomer.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QTextStream>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

constexpr quint16 kDefaultPort = 8088;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message)
{
    err() << "shouyin-sandbox: " << message << Qt::endl;
    return 1;
}

int runPay(QCoreApplication &app, const QString &urlText, const QString &target)
{
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty())
        return fail(u"--url must be the sandbox's base URL, e.g. http://127.0.0.1:8088"_s);

    TrainingCustomer customer(url);
    auto done = [&target](Status status) {
        if (status) {
            out() << "paid: " << target << Qt::endl;
            QCoreApplication::exit(0);
        } else {
            err() << "shouyin-sandbox: payment refused: " << status.error().code << ": "
                  << status.error().message << Qt::endl;
            QCoreApplication::exit(1);
        }
    };
    // A code_url is what the QR shows; anything else is the merchant's out_trade_no.
    if (target.startsWith(u"weixin://"))
        customer.pay(target, &app, done);
    else
        customer.payTrade(target, &app, done);
    return app.exec();
}

struct GatewayOptions
{
    QCommandLineOption host;
    QCommandLineOption port;
    QCommandLineOption autoPay;
    QCommandLineOption notifyTimeScale;
    QCommandLineOption noNotify;
};

int runGateway(QCoreApplication &app, const QCommandLineParser &parser,
               const GatewayOptions &options)
{
    const QString host = parser.value(options.host);
    QHostAddress address(host);
    if (host == u"localhost")
        address = QHostAddress(QHostAddress::LocalHost);
    if (address.isNull())
        return fail(u"--host must be an IP address, not '%1'"_s.arg(host));

    bool ok = false;
    const uint port = parser.value(options.port).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(u"--port must be a number from 0 to 65535"_s);

    SandboxGateway gateway(SandboxGateway::trainingMerchant());
    if (parser.isSet(options.autoPay)) {
        const int delayMs = parser.value(options.autoPay).toInt(&ok);
        if (!ok || delayMs < 0)
            return fail(u"--auto-pay-ms must be a number of milliseconds"_s);
        gateway.setAutoPayDelay(std::chrono::milliseconds(delayMs));
    }
    double timeScale = 1.0;
    if (parser.isSet(options.notifyTimeScale)) {
        timeScale = parser.value(options.notifyTimeScale).toDouble(&ok);
        // Floating point is for time only: it compresses the retry schedule.
        if (!ok || !(timeScale > 0.0 && timeScale <= 1.0))
            return fail(u"--notify-time-scale must be a number in (0, 1], e.g. 0.001"_s);
        gateway.setNotifyTimeScale(timeScale);
    }
    gateway.setNotificationsEnabled(!parser.isSet(options.noNotify));
    if (gateway.listen(address, quint16(port)) == 0)
        return fail(u"cannot listen on %1 port %2"_s.arg(address.toString()).arg(port));

    const SandboxMerchant merchant = gateway.merchant();
    out() << "Shouyin sandbox gateway (WeChat Pay v2) - training only, no real money moves\n"
          << "base URL: " << gateway.baseUrl().toString() << '\n'
          << "appid:    " << merchant.appId << '\n'
          << "mch_id:   " << merchant.merchantId
          << '\n'
          // The sample key is public by design: it signs nothing but sandbox traffic.
          << "key:      " << QString::fromLatin1(merchant.key) << " (sandbox sample key)\n"
          << "auto-pay: "
          << (parser.isSet(options.autoPay) ? parser.value(options.autoPay) + u" ms"_s : u"off"_s)
          << '\n'
          << "notify:   "
          << (gateway.notificationsEnabled() ? u"on, retry schedule x%1"_s.arg(timeScale)
                                             : u"off"_s)
          << Qt::endl;
    QObject::connect(&gateway, &SandboxGateway::tradeChanged, &app,
                     [](const QString &outTradeNo, const QString &state) {
                         out() << "trade " << outTradeNo << ": " << state << Qt::endl;
                     });
    QObject::connect(&gateway, &SandboxGateway::notificationDelivered, &app,
                     [](const QString &outTradeNo, bool acknowledged, int attempt) {
                         out() << "notify " << outTradeNo << ": attempt " << attempt
                               << (acknowledged ? " acknowledged" : " not acknowledged")
                               << Qt::endl;
                     });
    QObject::connect(&gateway, &SandboxGateway::notificationAbandoned, &app,
                     [](const QString &outTradeNo, int attempts) {
                         out() << "notify " << outTradeNo << ": given up after " << attempts
                               << " attempts" << Qt::endl;
                     });
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"shouyin-sandbox"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sandbox payment gateway for Shouyin training mode and tests. Speaks the WeChat Pay "
        u"v2 protocol on a local port and moves no money.\n\n"
        u"Run it:            shouyin-sandbox [--host 127.0.0.1] [--port 8088] [--auto-pay-ms N] "
        u"[--notify-time-scale X] [--no-notify]\n"
        u"Pay a trade in it: shouyin-sandbox pay --url http://127.0.0.1:8088 "
        u"<out_trade_no|code_url>"_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"command"_s, u"'pay' to make a running sandbox pay a trade"_s,
                                 u"[pay <out_trade_no|code_url>]"_s);
    const QCommandLineOption hostOption(u"host"_s, u"Address to listen on."_s, u"address"_s,
                                        u"127.0.0.1"_s);
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (0: any free port)."_s,
                                        u"port"_s, QString::number(kDefaultPort));
    const QCommandLineOption autoPayOption(
        u"auto-pay-ms"_s, u"Pay every new trade automatically after N milliseconds."_s, u"N"_s);
    const QCommandLineOption notifyScaleOption(
        u"notify-time-scale"_s,
        u"Compress the notification retry schedule (15 s, 15 s, 30 s, 3 min, ... 6 h) by X, "
        u"0 < X <= 1: 0.001 makes 15 s into 15 ms."_s,
        u"X"_s);
    const QCommandLineOption noNotifyOption(
        u"no-notify"_s, u"Do not POST payment notifications to the trades' notify_url."_s);
    const QCommandLineOption urlOption(u"url"_s, u"pay: base URL of the running sandbox."_s,
                                       u"url"_s, u"http://127.0.0.1:%1"_s.arg(kDefaultPort));
    parser.addOptions(
        {hostOption, portOption, autoPayOption, notifyScaleOption, noNotifyOption, urlOption});
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        return runGateway(
            app, parser,
            {hostOption, portOption, autoPayOption, notifyScaleOption, noNotifyOption});
    if (arguments.first() == u"pay") {
        if (arguments.size() != 2)
            return fail(u"usage: shouyin-sandbox pay [--url URL] <out_trade_no|code_url>"_s);
        return runPay(app, parser.value(urlOption), arguments.at(1));
    }
    return fail(u"unknown command '%1' (see --help)"_s.arg(arguments.first()));
}
