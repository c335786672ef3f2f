// Charge latency at the counter: from Charge pressed to the QR painted, against the
// sandbox gateway on loopback (on a thread of its own, as in a training till), with a
// real SQLite ledger on the till's ledger thread, as the app has it.
//
// Each sale is run twice over the same code:
//  - "session": PaymentSession::start() as the dialog runs it (the order and its attempt
//    placed in one commit on the ledger thread), until it shows a code_url, then
//    QrMatrix::encode + QrWidget::render at the dialog's size. The end-to-end figure,
//    p50 and p99.
//  - "steps": the same calls made one by one so that each can be timed: charge (the one
//    commit before the QR), createQr (HTTP round trip), the QR; then recordQrIssued,
//    which the session makes after the QR is on screen and is timed apart.
//
// Overhead (the target's "everything but the provider's own time") is a step sale's
// total minus the provider's time, where the provider's time is createQr's round trip
// minus what the till itself does inside it: signing and encoding the request, decoding
// and verifying the reply ("sign" below, timed on the same fields in the same sale).
// With a real gateway the round trip is the network plus WeChat's processing, which no
// change of ours can speed up; what is left is ours.
//
//   bench_charge [--sales 200] [--warmup 20] [--config INI]
//
// With --config, the ledger is the INI's [database] (a PostgreSQL server shared by
// several tills, say) instead of a fresh SQLite file.

#include "benchstats.h"
#include "checkout/checkoutclient.h"
#include "checkout/paymentsession.h"
#include "config/appconfig.h"
#include "countertill.h"
#include "pay/wechat/wechatv2provider.h"
#include "qr/qrmatrix.h"
#include "qrwidget.h"
#include "util/allocator.h"
#include "util/workerthread.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shouyin;

using bench::latency;
using bench::ms;
using bench::percentile;

namespace {

constexpr int kDialogQrSide = 360; // QrWidget::sizeHint(), what the payment dialog gives it

qsizetype paintQr(const QString &codeUrl)
{
    const QrMatrix matrix = QrMatrix::encode(codeUrl).value();
    return QrWidget::render(matrix, QrWidget::pixelsPerModule(matrix, kDialogQrSide)).sizeInBytes();
}

// The till's own work inside createQr, on the fields of this sale: sign and encode the
// unifiedorder request, decode and verify a reply of the gateway's shape.
double clientCryptoMs(const WechatConfig &config, const QString &payNo, Fen amount)
{
    QElapsedTimer timer;
    timer.start();
    Params request{{u"appid"_s, config.appId},
                   {u"mch_id"_s, config.merchantId},
                   {u"nonce_str"_s, u"1add1a30ac87aa2db72f57a2375d8fec"_s},
                   {u"body"_s, u"bench"_s},
                   {u"out_trade_no"_s, payNo},
                   {u"total_fee"_s, QString::number(amount)},
                   {u"spbill_create_ip"_s, config.clientIp},
                   {u"notify_url"_s, u"http://127.0.0.1/notify/wechat"_s},
                   {u"trade_type"_s, u"NATIVE"_s},
                   {u"sign_type"_s, WechatSigner::signTypeName(config.signType)}};
    request.insert(u"sign"_s, WechatSigner::sign(request, config.key, config.signType));
    const QByteArray sent = FlatXml::encode(request);
    Params reply{{u"return_code"_s, u"SUCCESS"_s},
                 {u"result_code"_s, u"SUCCESS"_s},
                 {u"appid"_s, config.appId},
                 {u"mch_id"_s, config.merchantId},
                 {u"nonce_str"_s, u"5K8264ILTKCH16CQ"_s},
                 {u"prepay_id"_s, u"wx20261123"_s + payNo},
                 {u"trade_type"_s, u"NATIVE"_s},
                 {u"code_url"_s, u"weixin://wxpay/bizpayurl?pr="_s + payNo},
                 {u"sign_type"_s, WechatSigner::signTypeName(config.signType)}};
    reply.insert(u"sign"_s, WechatSigner::sign(reply, config.key, config.signType));
    const QByteArray received = FlatXml::encode(reply);
    const double signAndEncode = ms(timer); // the reply's signing is the gateway's, not ours
    QElapsedTimer verifyTimer;
    verifyTimer.start();
    const auto decoded = FlatXml::decode(received);
    if (!decoded || !WechatSigner::verify(*decoded, config.key) || sent.isEmpty())
        qFatal("bench reply does not verify");
    return signAndEncode / 2 + ms(verifyTimer); // about half of the signing was the reply's
}

} // namespace

int main(int argc, char **argv)
{
    keepFreedMemoryForReuse(); // as the till does (app/main.cpp)
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption salesOption(u"sales"_s, u"Sales measured."_s, u"n"_s, u"200"_s);
    const QCommandLineOption warmupOption(u"warmup"_s, u"Sales not measured."_s, u"n"_s, u"20"_s);
    const QCommandLineOption configOption(u"config"_s, u"INI whose [database] to use."_s,
                                          u"file"_s);
    parser.addOptions({salesOption, warmupOption, configOption});
    parser.addHelpOption();
    parser.process(app);
    const int sales = std::max(1, parser.value(salesOption).toInt());
    const int warmup = std::max(0, parser.value(warmupOption).toInt());

    std::optional<DatabaseSettings> where;
    if (parser.isSet(configOption)) {
        auto ini = AppConfig::load(parser.value(configOption));
        if (!ini)
            qFatal("%s", qPrintable(ini.error().message));
        where = ini->database;
    }
    bench::CounterTill till(where);
    const WechatConfig config = till.wechatConfig();
    WechatV2Provider provider(config);
    WorkerThread &ledgerThread = till.ledgerThread();
    Checkout *checkout = &till.checkout();
    const QList<CartLine> &cart = till.cart();
    CheckoutClient client(*checkout);

    QList<double> sessionMs, stepTotalMs, chargeMs, roundTripMs, recordMs, qrMs, signMs, overheadMs;
    qsizetype sink = 0;
    for (int sale = 0; sale < warmup + sales; ++sale) {
        const bool measured = sale >= warmup;

        // End to end, through PaymentSession as the dialog drives it.
        {
            QElapsedTimer total;
            total.start();
            PaymentSession::Options options;
            options.operatorName = u"bench"_s;
            PaymentSession session(client, provider, cart, options);
            QEventLoop loop;
            QObject::connect(
                &session, &PaymentSession::stateChanged, &loop, [&](PaymentSession::State state) {
                    if (state == PaymentSession::State::Showing) {
                        sink += paintQr(session.codeUrl());
                        loop.quit();
                    } else if (state == PaymentSession::State::Error) {
                        qFatal("charge failed: %s", qPrintable(session.errorMessage()));
                    }
                });
            session.start();
            loop.exec();
            if (measured)
                sessionMs.append(ms(total));
            session.cancel(); // leaves the attempt to nobody: the bench has no settler
        }
        // What the session left queued on the ledger thread (its QR recorded, the cancel)
        // runs now, not inside the next step's timing.
        ledgerThread.run([] {});

        // The same sale step by step.
        QElapsedTimer total, step;
        total.start();
        step.start();
        const auto charged = ledgerThread.run(
            [&] { return checkout->charge(cart, provider, std::chrono::minutes(10), u"bench"_s); });
        if (!charged)
            qFatal("charge: %s", qPrintable(charged.error().message));
        const Payment &payment = charged->payment;
        const double charge = ms(step);
        step.restart();
        QString codeUrl;
        {
            QEventLoop loop;
            QObject context;
            provider.createQr({payment.payNo, payment.amount, charged->order.orderNo,
                               payment.createdAt, payment.expiresAt},
                              &context, [&](Result<QrTicket> ticket) {
                                  if (!ticket)
                                      qFatal("createQr: %s", qPrintable(ticket.error().message));
                                  codeUrl = ticket->codeUrl;
                                  loop.quit();
                              });
            if (codeUrl.isEmpty())
                loop.exec();
        }
        const double roundTrip = ms(step);
        step.restart();
        sink += paintQr(codeUrl);
        const double qr = ms(step);
        const double stepTotal = ms(total);
        // After the QR is on screen: on the ledger thread, nobody waiting for it.
        step.restart();
        if (!ledgerThread.run([&] { return checkout->recordQrIssued(payment.payNo, codeUrl); }))
            qFatal("recordQrIssued failed");
        const double record = ms(step);
        const double sign = clientCryptoMs(config, payment.payNo, payment.amount);
        if (!measured)
            continue;
        chargeMs.append(charge);
        roundTripMs.append(roundTrip);
        recordMs.append(record);
        qrMs.append(qr);
        signMs.append(sign);
        stepTotalMs.append(stepTotal);
        overheadMs.append(stepTotal - (roundTrip - sign));
    }
    const QJsonObject json{{u"bench"_s, u"charge"_s},
                           {u"sales"_s, sales},
                           {u"sign_type"_s, u"HMAC-SHA256"_s},
                           {u"charge_to_qr_ms"_s, latency(sessionMs)},
                           {u"steps_total_ms"_s, latency(stepTotalMs)},
                           {u"overhead_ms"_s, latency(overheadMs)},
                           {u"sign_ms"_s, latency(signMs)},
                           {u"http_round_trip_ms"_s, latency(roundTripMs)},
                           {u"db_write_ms"_s, latency(chargeMs)},
                           {u"db_record_qr_ms"_s, latency(recordMs)},
                           {u"qr_render_ms"_s, latency(qrMs)}};
    std::printf("charge: %d sales: Charge -> QR painted p50 %.2f ms, p99 %.2f ms; overhead p50 "
                "%.2f ms, p99 %.2f ms; p50 of sign %.3f ms, HTTP round trip %.2f ms, DB write "
                "before the QR %.2f ms (one commit), QR %.2f ms; the QR recorded after it %.2f "
                "ms%s\n",
                sales, percentile(sessionMs, 0.5), percentile(sessionMs, 0.99),
                percentile(overheadMs, 0.5), percentile(overheadMs, 0.99), percentile(signMs, 0.5),
                percentile(roundTripMs, 0.5), percentile(chargeMs, 0.5), percentile(qrMs, 0.5),
                percentile(recordMs, 0.5), sink == 0 ? " (sink empty?)" : "");
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
