// How long the cashier's window waits: a whole training till as main() builds it (its
// window offscreen, the ledger, listener and sandbox on their threads), a 1 ms probe timer
// on the window's thread, and one of these hitting the till meanwhile:
//
//   idle     nothing (the probe's own jitter, the baseline)
//   forged   --rate forged notifications a second (bad signatures) for --seconds
//   genuine  --notifications genuine notifications over --connections, at full rate
//   charges  --sales sales rung up through the window, each paid by the sandbox at once
//
// A probe tick's lag is how much later than 1 ms after the previous one it came: a frame
// is 16 ms, so a p99 under that is a window that never visibly waits. Run with
// LD_PRELOAD=libslowfsync.so (scripts/bench does, for "charges, slow fsync") to see that
// a slow disk holds up the ledger, not the window.
//
//   bench_guilag --scenario idle|forged|genuine|charges [--seconds 10] [--rate 5000]
//                [--notifications 10000] [--connections 200] [--sales 30]

#include "autocharge.h"
#include "benchledger.h"
#include "benchstats.h"
#include "loadclient.h"
#include "loadthread.h"
#include "mainwindow.h"
#include "pacedload.h"
#include "pay/wechat/wechatv2provider.h"
#include "posapplication.h"
#include "posservices.h"
#include "store/database.h"
#include "util/allocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shouyin;

using bench::percentile;

namespace {

const QString kBarcode = u"6921168509256"_s; // in the sample catalogue

// Lateness of a 1 ms timer on the window's thread, tick after tick.
class LagProbe : public QObject
{
public:
    LagProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_lagsMs.append(double(std::max<qint64>(0, now - m_last - 1'000'000)) / 1e6);
            m_last = now;
        });
    }
    void start()
    {
        m_lagsMs.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    QList<double> lags() const { return m_lagsMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_lagsMs;
};

quint16 listenerPort(const PosApplication &pos)
{
    return quint16(QUrl(pos.config().wechat.notifyUrl).port());
}

int count(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

} // namespace

int main(int argc, char **argv)
{
    keepFreedMemoryForReuse(); // as the till does (app/main.cpp)
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption scenarioOption(u"scenario"_s, u"idle, forged, genuine, charges."_s,
                                            u"name"_s, u"idle"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"How long (idle, forged)."_s, u"s"_s,
                                           u"10"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Forged notifications a second."_s, u"n"_s,
                                        u"5000"_s);
    const QCommandLineOption notificationsOption(u"notifications"_s, u"Genuine notifications."_s,
                                                 u"n"_s, u"10000"_s);
    const QCommandLineOption connectionsOption(u"connections"_s, u"Connections (genuine)."_s,
                                               u"n"_s, u"200"_s);
    const QCommandLineOption salesOption(u"sales"_s, u"Sales (charges)."_s, u"n"_s, u"30"_s);
    parser.addOptions({scenarioOption, secondsOption, rateOption, notificationsOption,
                       connectionsOption, salesOption});
    parser.addHelpOption();
    parser.process(app);
    const QString scenario = parser.value(scenarioOption);
    const int seconds = parser.value(secondsOption).toInt();

    QTemporaryDir home;
    PosApplication::Options options;
    options.config = AppConfig::trainingDefaults();
    options.config.training = true;
    options.databasePath = home.filePath(u"till.sqlite"_s);
    if (scenario == u"charges")
        options.autoPayMs = 0; // the customer pays as soon as the QR is up
    auto created = PosApplication::create(options);
    if (!created)
        qFatal("%s", qPrintable(created.error().message));
    PosApplication &pos = **created;
    const PosServices services = pos.services();
    MainWindow window(services);
    window.show();
    pos.start();
    {
        QEventLoop settle; // start-up recovery and the first paint, before measuring
        QTimer::singleShot(500, &settle, &QEventLoop::quit);
        settle.exec();
    }

    LagProbe probe;
    QJsonObject load;
    QElapsedTimer elapsed;
    QEventLoop loop;
    if (scenario == u"idle") {
        probe.start();
        elapsed.start();
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
    } else if (scenario == u"forged") {
        WechatConfig stranger = pos.config().wechat;
        stranger.key = "not-the-merchants-key-0123456789a";
        bench::PacedLoad forged(listenerPort(pos), "/notify/wechat",
                                bench::BenchLedger::wechatNotification(stranger, u"T01FORGED"_s, 1),
                                64, parser.value(rateOption).toInt(), seconds * 1000);
        probe.start();
        elapsed.start();
        bench::runOnThread(forged);
        load = {{u"sent"_s, forged.result().sent},
                {u"answered"_s, forged.result().answered},
                {u"skipped"_s, forged.result().skipped}};
    } else if (scenario == u"genuine") {
        const int n = parser.value(notificationsOption).toInt();
        const WechatConfig merchant = pos.config().wechat;
        WechatV2Provider identity(merchant);
        const QStringList payNos =
            bench::BenchLedger::insertPendingPayments(*services.database, identity, n);
        QList<QByteArray> bodies;
        for (const QString &payNo : payNos)
            bodies.append(bench::BenchLedger::wechatNotification(merchant, payNo,
                                                                 bench::BenchLedger::kAmount));
        bench::LoadClient client(listenerPort(pos), "/notify/wechat", bodies,
                                 parser.value(connectionsOption).toInt(), "SUCCESS");
        probe.start();
        elapsed.start();
        bench::runOnThread(client);
        load = {{u"notifications"_s, n},
                {u"acknowledged"_s, client.result().ok},
                {u"throughput_per_s"_s, double(n) * 1e6 / double(client.result().elapsedUs)},
                {u"paid"_s, count(*services.database,
                                  u"SELECT COUNT(*) FROM payments WHERE status = 'SUCCESS'"_s)}};
    } else if (scenario == u"charges") {
        const int sales = parser.value(salesOption).toInt();
        AutoCharge cashier(&window, {kBarcode});
        cashier.setRepeat(sales);
        QObject::connect(&cashier, &AutoCharge::done, &loop, &QEventLoop::quit);
        probe.start();
        elapsed.start();
        cashier.start();
        loop.exec();
        load = {{u"sales"_s, sales},
                {u"paid"_s, cashier.paid()},
                {u"sales_per_s"_s,
                 double(sales) * 1000 / double(std::max<qint64>(1, elapsed.elapsed()))}};
    } else {
        qFatal("unknown scenario %s", qPrintable(scenario));
    }
    probe.stop();
    const double durationS = double(elapsed.elapsed()) / 1000;

    const QList<double> lags = probe.lags();
    const QJsonObject json{{u"bench"_s, u"guilag"_s},
                           {u"scenario"_s, scenario},
                           {u"slow_fsync"_s, qEnvironmentVariableIsSet("LD_PRELOAD")},
                           {u"seconds"_s, durationS},
                           {u"ticks"_s, lags.size()},
                           {u"lag_p50_ms"_s, percentile(lags, 0.50)},
                           {u"lag_p99_ms"_s, percentile(lags, 0.99)},
                           {u"lag_max_ms"_s, lags.isEmpty() ? 0 : percentile(lags, 1.0)},
                           {u"load"_s, load}};
    std::printf("guilag %s: %.1f s, %lld ticks, lag p50 %.2f ms, p99 %.2f ms, max %.1f ms; %s\n",
                qPrintable(scenario), durationS, qlonglong(lags.size()),
                json.value(u"lag_p50_ms").toDouble(), json.value(u"lag_p99_ms").toDouble(),
                json.value(u"lag_max_ms").toDouble(),
                QJsonDocument(load).toJson(QJsonDocument::Compact).constData());
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
