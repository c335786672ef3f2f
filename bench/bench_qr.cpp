// The QR of a typical code_url: libqrencode's matrix, then the image QrWidget paints, at
// the payment dialog's size (QrWidget's 360 px size hint). Per call, median and spread
// of several rounds. Needs a Qt GUI platform; the runner uses QT_QPA_PLATFORM=offscreen.
//
//   bench_qr [--rounds 7] [--iterations 500] [--side 360]

#include "benchstats.h"
#include "qr/qrmatrix.h"
#include "qrwidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

// What the WeChat sandbox (and the real gateway) hands back for a NATIVE order.
const QString kCodeUrl = u"weixin://wxpay/bizpayurl?pr=T01P20261123203101A7K3"_s;

// Microseconds per call, one figure per round of `iterations` calls.
QList<double> microseconds(int rounds, int iterations, const std::function<void()> &work)
{
    QList<double> times;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < iterations; ++i)
            work();
        times.append(double(timer.nsecsElapsed()) / 1e3 / iterations);
    }
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption roundsOption(u"rounds"_s, u"Rounds."_s, u"n"_s, u"7"_s);
    const QCommandLineOption iterationsOption(u"iterations"_s, u"Calls per round."_s, u"n"_s,
                                              u"500"_s);
    const QCommandLineOption sideOption(u"side"_s, u"Widget side in pixels."_s, u"px"_s, u"360"_s);
    parser.addOptions({roundsOption, iterationsOption, sideOption});
    parser.addHelpOption();
    parser.process(app);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int iterations = std::max(1, parser.value(iterationsOption).toInt());
    const int side = std::max(32, parser.value(sideOption).toInt());

    const QrMatrix matrix = QrMatrix::encode(kCodeUrl).value();
    const int ppm = QrWidget::pixelsPerModule(matrix, side);
    qsizetype sink = 0;
    const auto encodeUs = microseconds(rounds, iterations,
                                       [&] { sink += QrMatrix::encode(kCodeUrl).value().size(); });
    const auto renderUs = microseconds(
        rounds, iterations, [&] { sink += QrWidget::render(matrix, ppm).sizeInBytes(); });
    const auto bothUs = microseconds(rounds, iterations, [&] {
        const QrMatrix m = QrMatrix::encode(kCodeUrl).value();
        sink += QrWidget::render(m, QrWidget::pixelsPerModule(m, side)).sizeInBytes();
    });

    const QJsonObject json{{u"bench"_s, u"qr"_s},
                           {u"modules"_s, matrix.size()},
                           {u"side_px"_s, side},
                           {u"pixels_per_module"_s, ppm},
                           {u"encode_us"_s, bench::summary(encodeUs)},
                           {u"render_us"_s, bench::summary(renderUs)},
                           {u"encode_render_us"_s, bench::summary(bothUs)}};
    std::printf("qr: %d modules at %d px (%d px/module): encode %.1f us, render %.1f us, both "
                "%.1f us (medians of %d)%s\n",
                matrix.size(), side, ppm, bench::median(encodeUs), bench::median(renderUs),
                bench::median(bothUs), rounds, sink == 0 ? " (sink empty?)" : "");
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
