// shouyin-sandbox: runs the sandbox payment gateway on its own, or asks a running one to
// pay a trade as the training customer would.
//
//   shouyin-sandbox [--host 127.0.0.1] [--port 8088] [--auto-pay-ms N]
//                   [--notify-time-scale X] [--no-notify]
//                   [--customer-share P] [--customer-delay-ms MIN-MAX[,MIN-MAX...]]
//                   [--scatter-notify URL,URL,...] [--alipay-keys DIR]
//                   [--pay-during-close N] [--pay-after-close N]
//   shouyin-sandbox pay [--url http://127.0.0.1:8088] <out_trade_no | code_url>
//
// The customer and scatter options are for tests of several tills (tests/multiterminal):
// a share of the trades is paid after a random delay, and each notification POST goes to
// a random till.

#include "sandbox/sandboxgateway.h"
#include "sandbox/trainingcustomer.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QSet>
#include <QTextStream>
#include <QTimer>

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
            err() << "shouyin-sandbox: payment refused: " << status.error().name() << ": "
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
    QCommandLineOption customerShare;
    QCommandLineOption customerDelay;
    QCommandLineOption scatterNotify;
    QCommandLineOption alipayKeys;
    QCommandLineOption tlsDir;
    QCommandLineOption payDuringClose;
    QCommandLineOption payAfterClose;
};

// The test customer: pays `share` of the new trades (0 to 1), each after a delay drawn
// from one of `delays` (a range picked at random, then a uniform delay inside it), so
// that a test can have some payments land right around the till's deadline.
struct CustomerPlan
{
    double share = 1.0;                // a probability, never money
    QList<std::pair<int, int>> delays; // milliseconds, min-max

    bool enabled() const { return !delays.isEmpty(); }
    std::optional<int> draw() const
    {
        auto *random = QRandomGenerator::global();
        if (random->generateDouble() >= share)
            return std::nullopt;
        const auto [low, high] = delays.at(random->bounded(delays.size()));
        return low + random->bounded(high - low + 1);
    }
};

std::optional<QList<std::pair<int, int>>> parseDelays(const QString &text)
{
    QList<std::pair<int, int>> delays;
    for (const QString &range : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList ends = range.split(u'-');
        bool lowOk = false;
        bool highOk = false;
        const int low = ends.value(0).toInt(&lowOk);
        const int high = ends.size() == 2 ? ends.at(1).toInt(&highOk) : low;
        if (!lowOk || (ends.size() == 2 && !highOk) || ends.size() > 2 || low < 0 || high < low)
            return std::nullopt;
        delays.append({low, high});
    }
    if (delays.isEmpty())
        return std::nullopt;
    return delays;
}

// The sandbox's Alipay app keys for tills in other processes: DIR/app_private_key.pem
// and DIR/alipay_public_key.pem (sandbox-only keys, made at start-up).
// A PEM file in `dir` only its owner can read.
bool writePrivate(const QString &dir, const QString &name, const QByteArray &pem)
{
    QFile file(QDir(dir).filePath(name));
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(pem) == pem.size();
}

bool writeAlipayKeys(const SandboxGateway &gateway, const QString &dir)
{
    const SandboxAlipayCredentials credentials = gateway.alipayTrainingCredentials();
    return writePrivate(dir, u"app_private_key.pem"_s, credentials.appPrivateKeyPem) &&
           writePrivate(dir, u"alipay_public_key.pem"_s, credentials.alipayPublicKeyPem);
}

// What a till in another process configures to reverse over the sandbox's TLS endpoint:
// [merchant] gateway_ca, client_cert and client_key.
bool writeTlsFiles(const SandboxGateway &gateway, const QString &dir)
{
    const SandboxTlsMaterial &tls = gateway.tls();
    return writePrivate(dir, u"sandbox_ca.pem"_s, tls.ca.toPem()) &&
           writePrivate(dir, u"apiclient_cert.pem"_s, tls.clientCertificate.toPem()) &&
           writePrivate(dir, u"apiclient_key.pem"_s, tls.clientKey.toPem());
}

// The race faults of SandboxFault, on the next `count` closes of each provider.
Status injectRaces(SandboxGateway &gateway, const QCommandLineParser &parser,
                   const QCommandLineOption &option, SandboxFault fault)
{
    if (!parser.isSet(option))
        return success();
    bool ok = false;
    const int count = parser.value(option).toInt(&ok);
    if (!ok || count < 0)
        return Error{ErrorCode::Usage, u"--%1 must be a count"_s.arg(option.names().first())};
    if (count == 0)
        return success();
    gateway.injectFault(SandboxWechatProtocol::kCloseOrderPath, fault, count);
    gateway.injectFault(QString(SandboxAlipayProtocol::kClose), fault, count);
    return success();
}

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

    CustomerPlan customer;
    if (parser.isSet(options.customerDelay)) {
        const auto delays = parseDelays(parser.value(options.customerDelay));
        if (!delays)
            return fail(u"--customer-delay-ms must be MIN-MAX[,MIN-MAX...] in milliseconds"_s);
        customer.delays = *delays;
    }
    if (parser.isSet(options.customerShare)) {
        customer.share = parser.value(options.customerShare).toDouble(&ok);
        if (!ok || customer.share < 0.0 || customer.share > 1.0)
            return fail(u"--customer-share must be a number from 0 to 1"_s);
        if (!customer.enabled())
            return fail(u"--customer-share needs --customer-delay-ms"_s);
    }
    if (customer.enabled() && parser.isSet(options.autoPay))
        return fail(u"--auto-pay-ms and --customer-delay-ms exclude each other"_s);
    if (parser.isSet(options.scatterNotify)) {
        QList<QUrl> urls;
        for (const QString &text :
             parser.value(options.scatterNotify).split(u',', Qt::SkipEmptyParts)) {
            const QUrl url(text, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
                url.host().isEmpty())
                return fail(u"--scatter-notify: '%1' is not an http(s) URL"_s.arg(text));
            urls.append(url);
        }
        if (urls.isEmpty())
            return fail(u"--scatter-notify needs at least one URL"_s);
        gateway.setNotifyScatter(urls);
    }
    for (const auto &[option, fault] :
         {std::pair{&options.payDuringClose, SandboxFault::PayDuringClose},
          std::pair{&options.payAfterClose, SandboxFault::PayAfterClose}}) {
        if (const Status injected = injectRaces(gateway, parser, *option, fault); !injected)
            return fail(injected.error().message);
    }
    if (parser.isSet(options.alipayKeys) &&
        !writeAlipayKeys(gateway, parser.value(options.alipayKeys)))
        return fail(u"cannot write the Alipay keys to %1"_s.arg(parser.value(options.alipayKeys)));

    if (gateway.listen(address, quint16(port)) == 0)
        return fail(u"cannot listen on %1 port %2"_s.arg(address.toString()).arg(port));
    const QString tlsDir = parser.value(options.tlsDir);
    if (!tlsDir.isEmpty()) {
        if (gateway.listenSecure(address, 0) == 0)
            return fail(u"cannot listen for TLS on %1"_s.arg(address.toString()));
        if (!writeTlsFiles(gateway, tlsDir))
            return fail(u"cannot write the TLS certificates to %1"_s.arg(tlsDir));
    }

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
          << '\n'
          << "alipay:   app_id " << gateway.alipayTrainingCredentials().appId << ", seller_id "
          << gateway.alipayTrainingCredentials().sellerId << ", gateway "
          << gateway.alipayGatewayUrl().toString() << '\n'
          << "secapi:   "
          << (tlsDir.isEmpty()
                  ? u"off (--tls-dir)"_s
                  : gateway.secureBaseUrl().toString() + u", certificates in "_s + tlsDir)
          << Qt::endl;
    QSet<QString> seen; // trades the customer has decided about
    if (customer.enabled()) {
        QObject::connect(
            &gateway, &SandboxGateway::tradeChanged, &app,
            [&gateway, &seen, customer](const QString &outTradeNo, const QString &) {
                if (seen.contains(outTradeNo))
                    return;
                seen.insert(outTradeNo);
                const std::optional<int> delay = customer.draw();
                if (!delay) {
                    out() << "customer never pays " << outTradeNo << Qt::endl;
                    return;
                }
                out() << "customer pays " << outTradeNo << " in " << *delay << " ms" << Qt::endl;
                QTimer::singleShot(*delay, Qt::PreciseTimer, &gateway, [&gateway, outTradeNo] {
                    if (const Status paid = gateway.pay(outTradeNo); !paid)
                        out() << "customer could not pay " << outTradeNo << ": "
                              << paid.error().name() << Qt::endl;
                });
            });
    }
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
    const QCommandLineOption customerShareOption(
        u"customer-share"_s,
        u"With --customer-delay-ms: the share P (0 to 1) of new trades the customer pays."_s,
        u"P"_s);
    const QCommandLineOption customerDelayOption(
        u"customer-delay-ms"_s,
        u"The customer pays new trades after a random delay: one of the ranges MIN-MAX "
        u"(milliseconds, comma-separated) picked at random, then a delay inside it."_s,
        u"ranges"_s);
    const QCommandLineOption scatterOption(
        u"scatter-notify"_s,
        u"Send each notification POST (retries too) to a random one of the comma-separated "
        u"URLs instead of the trade's notify_url (tests of several tills)."_s,
        u"urls"_s);
    const QCommandLineOption alipayKeysOption(
        u"alipay-keys"_s,
        u"Write the sandbox's Alipay app private key and Alipay public key (PEM) into DIR "
        u"for tills in other processes."_s,
        u"DIR"_s);
    const QCommandLineOption tlsDirOption(
        u"tls-dir"_s,
        u"Serve secapi/pay/reverse over TLS (a client certificate required) and write the "
        u"throw-away CA and the merchant's client certificate and key (PEM) into DIR."_s,
        u"DIR"_s);
    const QCommandLineOption payDuringCloseOption(
        u"pay-during-close"_s,
        u"The next N closes (of each provider) find the customer paying at that moment."_s, u"N"_s);
    const QCommandLineOption payAfterCloseOption(
        u"pay-after-close"_s,
        u"The next N closes (of each provider) succeed, and the payment lands a second later "
        u"anyway."_s,
        u"N"_s);
    parser.addOptions({hostOption, portOption, autoPayOption, notifyScaleOption, noNotifyOption,
                       urlOption, customerShareOption, customerDelayOption, scatterOption,
                       alipayKeysOption, tlsDirOption, payDuringCloseOption, payAfterCloseOption});
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        return runGateway(app, parser,
                          {hostOption, portOption, autoPayOption, notifyScaleOption, noNotifyOption,
                           customerShareOption, customerDelayOption, scatterOption,
                           alipayKeysOption, tlsDirOption, payDuringCloseOption,
                           payAfterCloseOption});
    if (arguments.first() == u"pay") {
        if (arguments.size() != 2)
            return fail(u"usage: shouyin-sandbox pay [--url URL] <out_trade_no|code_url>"_s);
        return runPay(app, parser.value(urlOption), arguments.at(1));
    }
    return fail(u"unknown command '%1' (see --help)"_s.arg(arguments.first()));
}
