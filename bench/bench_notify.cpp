// Notification load: N distinct genuine WeChat notifications from C concurrent keep-alive
// connections against the real listener, NotifyService and SQLite ledger; every one must
// be applied exactly once. Prints throughput and latency percentiles (text and JSON).
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

QByteArray notification(const WechatConfig &merchant, const QString &payNo, Fen amount)
{
    Params params{{u"return_code"_s, u"SUCCESS"_s},
                  {u"result_code"_s, u"SUCCESS"_s},
                  {u"appid"_s, merchant.appId},
                  {u"mch_id"_s, merchant.merchantId},
                  {u"nonce_str"_s, u"benchnonce"_s},
                  {u"openid"_s, u"oBench"_s},
                  {u"trade_type"_s, u"NATIVE"_s},
                  {u"bank_type"_s, u"CMC"_s},
                  {u"total_fee"_s, QString::number(amount)},
                  {u"cash_fee"_s, QString::number(amount)},
                  {u"fee_type"_s, u"CNY"_s},
                  {u"transaction_id"_s, u"42"_s + payNo},
                  {u"out_trade_no"_s, payNo},
                  {u"time_end"_s, u"20261123170000"_s}};
    params.insert(u"sign"_s, WechatSigner::sign(params, merchant.key, WechatSignType::Md5));
    return FlatXml::encode(params);
}

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

    bench::BenchLedger ledger;
    WechatConfig merchant;
    merchant.appId = u"wxbench"_s;
    merchant.merchantId = u"1900000109"_s;
    merchant.key = "0123456789abcdef0123456789abcdef";
    WechatV2Provider provider(merchant);
    const QStringList payNos = ledger.createPendingPayments(provider, n);

    const bool external = parser.isSet(targetPort);
    HttpLimits limits;
    limits.maxConnections = c + 16;
    HttpListener listener(limits);
    if (!external && !listener.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen");
    NotifyService service(*ledger.database, *ledger.checkout, listener);
    service.addProvider(provider);

    QList<QByteArray> bodies;
    bodies.reserve(n);
    for (const QString &payNo : payNos)
        bodies.append(notification(merchant, payNo, bench::BenchLedger::kAmount));

    QThread clientThread;
    const quint16 port = external ? quint16(parser.value(targetPort).toUInt()) : listener.port();
    bench::LoadClient client(port, NotifyService::pathFor(provider), bodies, c, "SUCCESS");
    client.moveToThread(&clientThread);
    QObject::connect(&clientThread, &QThread::started, &client, &bench::LoadClient::start);
    QObject::connect(&client, &bench::LoadClient::finished, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    clientThread.start();
    app.exec();
    clientThread.quit();
    clientThread.wait();

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
    const int applied = ledger.count(u"SELECT COUNT(*) FROM events WHERE kind = 'payment_paid'"_s);
    const int paid = ledger.count(u"SELECT COUNT(*) FROM payments WHERE status = 'SUCCESS'"_s);
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
