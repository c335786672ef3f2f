// A payment code at the counter: from the scan to "Paid" on the payment dialog, for a
// customer who pays at once, against the sandbox gateway on loopback (on a thread of its
// own, as in a training till), with a real SQLite ledger on the till's ledger thread.
//
// Each sale starts as the counter starts one (a PaymentSession charging the code, its
// PaymentDialog following it) and ends when the dialog's status reads Paid: the order
// and its attempt placed in one commit, micropay's round trip, the paid answer applied
// in a second commit, and the dialog told.
//
// Overhead (the target's "till overhead") is the total minus micropay's round trip as
// the provider's caller sees it (call to callback): what is left is ours. The round trip
// includes the till's signing and verifying (a few µs with HMAC-SHA256, see bench_crypto)
// and the sandbox's own work, so the overhead is, if anything, understated by those µs.
//
//   bench_codepay [--sales 300] [--warmup 20]

#include "benchstats.h"
#include "checkout/checkoutclient.h"
#include "checkout/paymentsession.h"
#include "countertill.h"
#include "pay/codepayments.h"
#include "pay/wechat/wechatv2provider.h"
#include "paymentdialog.h"
#include "util/allocator.h"
#include "util/workerthread.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shouyin;

using bench::latency;
using bench::ms;
using bench::percentile;

namespace {

// The real provider, with its code charges timed from call to callback.
class TimedWechat : public WechatV2Provider
{
public:
    using WechatV2Provider::WechatV2Provider;

    CodePayments *codePayments() override { return this; }
    void chargeByCode(const CodeChargeRequest &request, QObject *context,
                      ChargeCallback done) override
    {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        WechatV2Provider::chargeByCode(request, context,
                                       [this, timer, done](Result<TradeSnapshot> charged) {
                                           lastRoundTripMs = ms(*timer);
                                           done(charged);
                                       });
    }

    double lastRoundTripMs = 0;
};

} // namespace

int main(int argc, char **argv)
{
    keepFreedMemoryForReuse(); // as the till does (app/main.cpp)
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption salesOption(u"sales"_s, u"Sales measured."_s, u"n"_s, u"300"_s);
    const QCommandLineOption warmupOption(u"warmup"_s, u"Sales not measured."_s, u"n"_s, u"20"_s);
    parser.addOptions({salesOption, warmupOption});
    parser.addHelpOption();
    parser.process(app);
    const int sales = std::max(1, parser.value(salesOption).toInt());
    const int warmup = std::max(0, parser.value(warmupOption).toInt());

    bench::CounterTill till;
    TimedWechat provider(till.wechatConfig());
    const QList<CartLine> &cart = till.cart();
    CheckoutClient client(till.checkout());

    QList<double> totalMs, roundTripMs, overheadMs;
    for (int sale = 0; sale < warmup + sales; ++sale) {
        // A fresh, valid WeChat code per sale: the sandbox's customer pays at once.
        const QString code = u"13%1"_s.arg(sale, 16, 10, QChar(u'0'));
        QElapsedTimer total;
        total.start();
        PaymentSession::Options options;
        options.operatorName = u"bench"_s;
        PaymentSession session(client, provider, cart, options);
        PaymentDialog dialog(&session, {}, client.clock());
        auto *status = dialog.findChild<QLabel *>(u"statusLabel"_s);
        QEventLoop loop;
        QObject::connect(&session, &PaymentSession::stateChanged, &loop,
                         [&](PaymentSession::State state) {
                             if (state == PaymentSession::State::Error)
                                 qFatal("charge failed: %s", qPrintable(session.errorMessage()));
                             // The dialog heard first (it connected first): Paid is on it.
                             if (state == PaymentSession::State::Paid)
                                 loop.quit();
                         });
        session.startWithCode(code);
        loop.exec();
        const double elapsed = ms(total);
        if (status->text() != PaymentDialog::tr("Paid"))
            qFatal("the dialog says %s", qPrintable(status->text()));
        if (sale < warmup)
            continue;
        totalMs.append(elapsed);
        roundTripMs.append(provider.lastRoundTripMs);
        overheadMs.append(elapsed - provider.lastRoundTripMs);
    }
    const QJsonObject json{{u"bench"_s, u"codepay"_s},
                           {u"sales"_s, sales},
                           {u"scan_to_paid_ms"_s, latency(totalMs)},
                           {u"overhead_ms"_s, latency(overheadMs)},
                           {u"micropay_round_trip_ms"_s, latency(roundTripMs)}};
    std::printf("codepay: %d sales: scan -> Paid shown p50 %.2f ms, p99 %.2f ms; till overhead "
                "p50 %.2f ms, p99 %.2f ms; micropay round trip p50 %.2f ms\n",
                sales, percentile(totalMs, 0.5), percentile(totalMs, 0.99),
                percentile(overheadMs, 0.5), percentile(overheadMs, 0.99),
                percentile(roundTripMs, 0.5));
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
