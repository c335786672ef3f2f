// The cash key and the receipt, as the cashier waits for them:
//  - "cash sale": Enter in the cash dialog (CheckoutClient::takeCash with the cart, from
//    the window's thread) until the answer is back with the change to give: the order, its
//    cash tender, the stock and the pay log in one commit on the ledger thread, real SQLite.
//  - "receipt": what the till does before a receipt leaves for the printer's own thread:
//    the order read back and laid out (ReceiptDesk::receiptFor), then its ESC/POS bytes
//    (58 mm), and — for a system printer or PDF — the 58 mm receipt painted at 203 dpi.
// The printer's own time is not the till's: it runs on the printer's thread, after the
// sale is paid, and no cashier waits for it.
//
//   bench_cash [--sales 300] [--warmup 20]

#include "benchstats.h"
#include "checkout/checkoutclient.h"
#include "countertill.h"
#include "print/receiptpainter.h"
#include "receipt/escposreceipt.h"
#include "receiptdesk.h"
#include "store/orderstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shouyin;

using bench::latency;
using bench::ms;
using bench::percentile;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption salesOption(u"sales"_s, u"Measured sales."_s, u"n"_s, u"300"_s);
    QCommandLineOption warmupOption(u"warmup"_s, u"Sales before measuring."_s, u"n"_s, u"20"_s);
    parser.addOptions({salesOption, warmupOption});
    parser.process(app);
    const int sales = std::max(1, parser.value(salesOption).toInt());
    const int warmup = std::max(0, parser.value(warmupOption).toInt());

    bench::CounterTill till;
    CheckoutClient client(till.checkout());
    // The window reads through its own connection, as the app's does.
    auto reader = Database::open(till.checkout().database().settings());
    if (!reader)
        qFatal("cannot open the window's connection: %s", qPrintable(reader.error().message));
    OrderStore orders(**reader);
    PrinterConfig printer;
    printer.kind = PrinterConfig::Kind::Pdf;
    printer.target = u"/nonexistent"_s; // nothing is printed here; only laid out
    printer.shopName = u"好邻居便利店"_s;
    auto desk = ReceiptDesk::create(printer, &orders, till.checkout().clock().zone(), true);
    if (!desk)
        qFatal("%s", qPrintable(desk.error().message));

    QList<double> cashMs, layoutMs, escPosMs, paintMs;
    for (int sale = 0; sale < warmup + sales; ++sale) {
        QElapsedTimer timer;
        timer.start();
        std::optional<Result<CashTaken>> taken;
        QEventLoop loop;
        client.takeCash(till.cart(), 2000, u"bench"_s, &loop, [&](Result<CashTaken> result) {
            taken = std::move(result);
            loop.quit();
        });
        loop.exec();
        const double cash = ms(timer);
        if (!*taken || (*taken)->tender.change() != 750)
            qFatal("the cash sale failed");

        timer.restart();
        auto receipt = (*desk)->receiptFor((*taken)->order.id);
        const double layout = ms(timer);
        if (!receipt)
            qFatal("no receipt: %s", qPrintable(receipt.error().message));
        timer.restart();
        const QByteArray bytes = renderEscPos(*receipt, PaperWidth::Mm58);
        const double escPos = ms(timer);
        timer.restart();
        const QImage image = receiptImage(*receipt, PaperWidth::Mm58);
        const double paint = ms(timer);
        if (bytes.isEmpty() || image.isNull())
            qFatal("nothing rendered");
        if (sale < warmup)
            continue;
        cashMs.append(cash);
        layoutMs.append(layout);
        escPosMs.append(escPos);
        paintMs.append(paint);
    }
    const QJsonObject json{{u"bench"_s, u"cash"_s},
                           {u"sales"_s, sales},
                           {u"cash_sale_ms"_s, latency(cashMs)},
                           {u"receipt_read_ms"_s, latency(layoutMs)},
                           {u"receipt_escpos_ms"_s, latency(escPosMs)},
                           {u"receipt_paint_ms"_s, latency(paintMs)}};
    std::printf("cash: %d sales: Enter -> paid with change p50 %.2f ms, p99 %.2f ms; receipt "
                "read + laid out p50 %.3f ms, ESC/POS bytes p50 %.3f ms, painted 58 mm p50 "
                "%.2f ms\n",
                sales, percentile(cashMs, 0.5), percentile(cashMs, 0.99), percentile(layoutMs, 0.5),
                percentile(escPosMs, 0.5), percentile(paintMs, 0.5));
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
