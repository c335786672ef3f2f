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
//   bench_notify [--notifications 10000] [--connections 200] [--target-port P --label name]

#include "benchledger.h"
#include "loadclient.h"
#include "notify/httplistener.h"
#include "notify/notifyservice.h"
#include "pay/wechat/wechatv2provider.h"
#include "util/workerthread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

qint64 percentile(QList<qint64> sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const auto index = std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size())));
    return sorted.at(index);
}

} // namespace

int main(int argc, char **argv)
{
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
    parser.addOptions({count, connections, targetPort, label});
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
    HttpLimits limits;
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

    QThread clientThread;
    const quint16 port = external ? quint16(parser.value(targetPort).toUInt()) : listener->port();
    bench::LoadClient client(port, NotifyService::pathFor(*provider), bodies, c, "SUCCESS");
    client.moveToThread(&clientThread);
    QObject::connect(&clientThread, &QThread::started, &client, &bench::LoadClient::start);
    QObject::connect(&client, &bench::LoadClient::finished, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    clientThread.start();
    app.exec();
    clientThread.quit();
    clientThread.wait();

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
    QList<qint64> latencies = result.latenciesUs;
    std::sort(latencies.begin(), latencies.end());
    if (external) {
        const double seconds = double(result.elapsedUs) / 1e6;
        const QJsonObject json{
            {u"bench"_s, u"notify_reference"_s},
            {u"target"_s, parser.value(label)},
            {u"notifications"_s, n},
            {u"connections"_s, c},
            {u"acknowledged"_s, result.ok},
            {u"refused"_s, result.failed},
            {u"throughput_per_s"_s, double(n) / seconds},
            {u"latency_p50_ms"_s, double(percentile(latencies, 0.50)) / 1000},
            {u"latency_p99_ms"_s, double(percentile(latencies, 0.99)) / 1000},
            {u"latency_max_ms"_s, double(latencies.isEmpty() ? 0 : latencies.last()) / 1000}};
        std::printf("notify reference %s: %d notifications, %d connections: %.0f/s, p50 %.2f ms, "
                    "p99 %.2f ms, acknowledged %d\n",
                    qPrintable(parser.value(label)), n, c, double(n) / seconds,
                    json.value(u"latency_p50_ms").toDouble(),
                    json.value(u"latency_p99_ms").toDouble(), result.ok);
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        return result.ok == n ? 0 : 1;
    }

    const double seconds = double(result.elapsedUs) / 1e6;
    const QJsonObject json{
        {u"bench"_s, u"notify"_s},
        {u"notifications"_s, n},
        {u"connections"_s, c},
        {u"acknowledged"_s, result.ok},
        {u"refused"_s, result.failed},
        {u"applied_once"_s, applied == n && paid == n},
        {u"throughput_per_s"_s, double(n) / seconds},
        {u"latency_p50_ms"_s, double(percentile(latencies, 0.50)) / 1000},
        {u"latency_p99_ms"_s, double(percentile(latencies, 0.99)) / 1000},
        {u"latency_max_ms"_s, double(latencies.isEmpty() ? 0 : latencies.last()) / 1000}};
    std::printf("notify: %d notifications, %d connections: %.0f/s, p50 %.2f ms, p99 %.2f ms, "
                "acknowledged %d, applied %d (payments paid %d)\n",
                n, c, double(n) / seconds, json.value(u"latency_p50_ms").toDouble(),
                json.value(u"latency_p99_ms").toDouble(), result.ok, applied, paid);
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return applied == n && paid == n && result.ok == n ? 0 : 1;
}
