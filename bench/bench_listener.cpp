// The listener alone, with a handler that answers at once: what the HTTP layer costs
// before any signature check or commit. N requests from C concurrent keep-alive
// connections on loopback; prints throughput and latency percentiles (text and JSON).
// With --from-thread the handler hands each reply to another thread, which makes it, as
// the database writer does with notifications.
//
//   bench_listener [--requests 10000] [--connections 200] [--from-thread]

#include "benchstats.h"
#include "loadclient.h"
#include "loadthread.h"
#include "notify/httplistener.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption count(u"requests"_s, u"How many requests."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption connections(u"connections"_s, u"Concurrent connections."_s, u"n"_s,
                                         u"200"_s);
    const QCommandLineOption fromThread(u"from-thread"_s, u"Reply from another thread."_s);
    parser.addOptions({count, connections, fromThread});
    parser.addHelpOption();
    parser.process(app);
    const int n = parser.value(count).toInt();
    const int c = parser.value(connections).toInt();

    HttpLimits limits;
    limits.maxConnections = c + 16;
    HttpListener listener(limits);
    QThread replier;
    QObject replierContext;
    replierContext.moveToThread(&replier);
    replier.start();
    if (parser.isSet(fromThread)) {
        listener.route("/ping", [&replierContext](const HttpRequest &, HttpListener::Reply reply) {
            QMetaObject::invokeMethod(
                &replierContext,
                [reply] {
                    reply({200, "text/plain", "SUCCESS"});
                },
                Qt::QueuedConnection);
        });
    } else {
        listener.route("/ping", [](const HttpRequest &, HttpListener::Reply reply) {
            reply({200, "text/plain", "SUCCESS"});
        });
    }
    if (!listener.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen");

    const QList<QByteArray> bodies(n, QByteArray("<xml><n>1</n></xml>"));
    bench::LoadClient client(listener.port(), "/ping", bodies, c, "SUCCESS");
    bench::runOnThread(client);
    listener.close(); // no handler runs once it returns: the replier may go
    replier.quit();
    replier.wait();

    const auto &result = client.result();
    const double seconds = double(result.elapsedUs) / 1e6;
    const QJsonObject json =
        bench::withLatencyMs({{u"bench"_s, u"listener"_s},
                              {u"requests"_s, n},
                              {u"connections"_s, c},
                              {u"reply_from_thread"_s, parser.isSet(fromThread)},
                              {u"answered"_s, result.ok},
                              {u"failed"_s, result.failed},
                              {u"throughput_per_s"_s, double(n) / seconds}},
                             result.latenciesUs);
    std::printf("listener: %d requests, %d connections: %.0f/s, p50 %.2f ms, p99 %.2f ms, "
                "answered %d\n",
                n, c, double(n) / seconds, json.value(u"latency_p50_ms").toDouble(),
                json.value(u"latency_p99_ms").toDouble(), result.ok);
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return result.ok == n ? 0 : 1;
}
