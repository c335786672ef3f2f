// Notification load: N distinct genuine WeChat notifications from C concurrent keep-alive
// connections against the real listener, NotifyService and SQLite ledger, on their
// threads as a till has them (the listener's I/O threads, the ledger thread); every one
// must be applied exactly once. Prints throughput and latency percentiles (text and JSON).
//
// With --target-port the same notifications go, from the same load generator, to another
// server on loopback instead (scripts/bench's reference endpoints in bench/reference/:
// Node's http and the JDK's HttpServer, each verifying the MD5 signature, without a
// database), so that Shouyin's figure can be given as a ratio to theirs.
//
// With --strangers S, S strangers hold the listener's connections meanwhile (half idle,
// half trickling a header, each back at once when closed: bench/strangers.h), against
// the till's own connection limits: what a genuine notification costs under siege.
//
//   bench_notify [--notifications 10000] [--connections 200] [--target-port P --label name]
//                [--strangers 600]

#include "benchledger.h"
#include "benchstats.h"
#include "loadclient.h"
#include "loadthread.h"
#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/wechat/wechatv2provider.h"
#include "strangers.h"
#include "util/allocator.h"
#include "util/workerthread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

// Strangers, genuine clients and the listener's side of each take a descriptor apiece.
void allowEveryDescriptor()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char **argv)
{
    keepFreedMemoryForReuse(); // as the till does (app/main.cpp)
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption count(u"notifications"_s, u"How many notifications."_s, u"n"_s,
                                   u"10000"_s);
    const QCommandLineOption connections(u"connections"_s, u"Concurrent connections."_s, u"n"_s,
                                         u"200"_s);
    const QCommandLineOption targetPort(
        u"target-port"_s, u"Load an external server on this loopback port."_s, u"port"_s);
    const QCommandLineOption label(u"label"_s, u"Name of the external server."_s, u"name"_s,
                                   u"external"_s);
    const QCommandLineOption strangersOption(
        u"strangers"_s, u"Strangers holding connections meanwhile."_s, u"n"_s, u"0"_s);
    parser.addOptions({count, connections, targetPort, label, strangersOption});
    parser.addHelpOption();
    parser.process(app);
    const int n = parser.value(count).toInt();
    const int c = parser.value(connections).toInt();

    WechatConfig merchant;
    merchant.appId = u"wxbench"_s;
    merchant.merchantId = u"1900000109"_s;
    merchant.key = "0123456789abcdef0123456789abcdef";
    merchant.signType = WechatSignType::Md5; // what the reference endpoints verify
    const bool external = parser.isSet(targetPort);
    const int strangerCount = parser.value(strangersOption).toInt();
    allowEveryDescriptor();
    HttpLimits limits; // under siege, the till's own
    if (strangerCount == 0)
        limits.maxConnections = c + 16;
    auto listener = std::make_unique<HttpListener>(limits);

    // The ledger and what writes to it live on the ledger thread, as in the till.
    WorkerThread ledgerThread(u"ledger"_s);
    std::unique_ptr<bench::BenchLedger> ledger;
    std::unique_ptr<WechatV2Provider> provider;
    std::unique_ptr<NotifyService> service;
    const QStringList payNos = ledgerThread.run([&] {
        ledger = std::make_unique<bench::BenchLedger>();
        provider = std::make_unique<WechatV2Provider>(merchant);
        service = std::make_unique<NotifyService>(*ledger->database, *ledger->checkout, *listener);
        service->addProvider(*provider);
        return ledger->createPendingPayments(*provider, n);
    });
    if (!external && !listener->listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen");

    QList<QByteArray> bodies;
    bodies.reserve(n);
    for (const QString &payNo : payNos)
        bodies.append(
            bench::BenchLedger::wechatNotification(merchant, payNo, bench::BenchLedger::kAmount));

    const quint16 port = external ? quint16(parser.value(targetPort).toUInt()) : listener->port();
    QThread strangersThread;
    bench::Strangers strangers(port, strangerCount);
    if (strangerCount > 0) {
        strangers.moveToThread(&strangersThread);
        QEventLoop holding;
        QObject::connect(&strangersThread, &QThread::started, &strangers, &bench::Strangers::start);
        QObject::connect(&strangers, &bench::Strangers::connected, &holding, &QEventLoop::quit,
                         Qt::QueuedConnection);
        strangersThread.start();
        holding.exec();
    }

    bench::LoadClient client(port, NotifyService::pathFor(*provider), bodies, c, "SUCCESS");
    bench::runOnThread(client);
    if (strangerCount > 0) {
        QMetaObject::invokeMethod(&strangers, &bench::Strangers::stop,
                                  Qt::BlockingQueuedConnection);
        strangersThread.quit();
        strangersThread.wait();
    }

    listener.reset(); // no handler runs on what goes next
    const auto [applied, paid] = ledgerThread.run([&] {
        const auto counts =
            std::pair(ledger->count(u"SELECT COUNT(*) FROM events WHERE kind = 'payment_paid'"_s),
                      ledger->count(u"SELECT COUNT(*) FROM payments WHERE status = 'SUCCESS'"_s));
        service.reset();
        provider.reset();
        ledger.reset();
        return counts;
    });
    const auto &result = client.result();
    if (external) {
        const double seconds = double(result.elapsedUs) / 1e6;
        const QJsonObject json =
            bench::withLatencyMs({{u"bench"_s, u"notify_reference"_s},
                                  {u"target"_s, parser.value(label)},
                                  {u"notifications"_s, n},
                                  {u"connections"_s, c},
                                  {u"acknowledged"_s, result.ok},
                                  {u"refused"_s, result.failed},
                                  {u"throughput_per_s"_s, double(n) / seconds}},
                                 result.latenciesUs);
        std::printf("notify reference %s: %d notifications, %d connections: %.0f/s, p50 %.2f ms, "
                    "p99 %.2f ms, acknowledged %d\n",
                    qPrintable(parser.value(label)), n, c, double(n) / seconds,
                    json.value(u"latency_p50_ms").toDouble(),
                    json.value(u"latency_p99_ms").toDouble(), result.ok);
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        return result.ok == n ? 0 : 1;
    }

    const double seconds = double(result.elapsedUs) / 1e6;
    const QJsonObject json =
        bench::withLatencyMs({{u"bench"_s, u"notify"_s},
                              {u"notifications"_s, n},
                              {u"connections"_s, c},
                              {u"acknowledged"_s, result.ok},
                              {u"refused"_s, result.failed},
                              {u"applied_once"_s, applied == n && paid == n},
                              {u"throughput_per_s"_s, double(n) / seconds},
                              {u"strangers"_s, strangerCount},
                              {u"strangers_reconnected"_s, strangers.reconnects()}},
                             result.latenciesUs);
    std::printf("notify: %d notifications, %d connections: %.0f/s, p50 %.2f ms, p99 %.2f ms, "
                "acknowledged %d, applied %d (payments paid %d)\n",
                n, c, double(n) / seconds, json.value(u"latency_p50_ms").toDouble(),
                json.value(u"latency_p99_ms").toDouble(), result.ok, applied, paid);
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return applied == n && paid == n && result.ok == n ? 0 : 1;
}
