#include "qrdecode.h"
#include "qrwidget.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

// What WeChat's unifiedorder returns for a Native payment.
const QString kCodeUrl = u"weixin://wxpay/bizpayurl?pr=8Ay0YqBzz"_s;

// The smallest rectangle holding every non-white pixel.
QRect darkBounds(const QImage &image)
{
    QRect bounds;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != qRgb(255, 255, 255))
                bounds |= QRect(x, y, 1, 1);
        }
    }
    return bounds;
}

bool onlyBlackAndWhite(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (pixel != qRgb(255, 255, 255) && pixel != qRgb(0, 0, 0))
                return false;
        }
    }
    return true;
}

QrMatrix encode(const QString &text)
{
    auto matrix = QrMatrix::encode(text);
    if (!matrix)
        qFatal("cannot encode the test text");
    return std::move(matrix).value();
}

} // namespace

class TestQrWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void renderDecodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("pixelsPerModule");
        QTest::newRow("code_url 2px") << kCodeUrl << 2;
        QTest::newRow("code_url 4px") << kCodeUrl << 4;
        QTest::newRow("code_url 9px") << kCodeUrl << 9;
        QTest::newRow("long url 3px")
            << u"weixin://wxpay/bizpayurl?pr=%1"_s.arg(QString(200, u'x')) << 3;
        QTest::newRow("sandbox url")
            << u"http://127.0.0.1:41234/sandbox/qr/4200001234?x=1&y=2"_s << 5;
    }
    void renderDecodes()
    {
        QFETCH(QString, text);
        QFETCH(int, pixelsPerModule);
        const QrMatrix matrix = encode(text);
        const QImage image = QrWidget::render(matrix, pixelsPerModule);
        QCOMPARE(image.width(), (matrix.size() + 8) * pixelsPerModule);
        QCOMPARE(image.height(), image.width());
        QVERIFY(onlyBlackAndWhite(image)); // no antialiasing, no smoothing
        QCOMPARE(test::decodeQr(image), QStringList{text});
    }

    void renderHasQuietZone()
    {
        const QrMatrix matrix = encode(kCodeUrl);
        const int ppm = 3;
        const QImage image = QrWidget::render(matrix, ppm);
        const int quiet = QrMatrix::kQuietZone * ppm;
        // Every pixel of the 4-module border is white...
        const QRect code(quiet, quiet, matrix.size() * ppm, matrix.size() * ppm);
        QCOMPARE(darkBounds(image), code);
        // ...and the code starts right after it: finder patterns are dark in three corners.
        QCOMPARE(image.pixel(quiet, quiet), qRgb(0, 0, 0));
        QCOMPARE(image.pixel(code.right(), quiet), qRgb(0, 0, 0));
        QCOMPARE(image.pixel(quiet, code.bottom()), qRgb(0, 0, 0));
        // Each module is a solid ppm x ppm square matching the matrix.
        for (int y = 0; y < matrix.size(); ++y) {
            for (int x = 0; x < matrix.size(); ++x) {
                const QRgb expected = matrix.isDark(x, y) ? qRgb(0, 0, 0) : qRgb(255, 255, 255);
                for (int dy = 0; dy < ppm; ++dy) {
                    for (int dx = 0; dx < ppm; ++dx) {
                        if (image.pixel(quiet + x * ppm + dx, quiet + y * ppm + dy) != expected)
                            QFAIL(qPrintable(u"module %1,%2 is not solid"_s.arg(x).arg(y)));
                    }
                }
            }
        }
    }

    void widgetText()
    {
        QrWidget widget;
        QVERIFY(widget.text().isEmpty());
        QVERIFY(!widget.hasCode());
        widget.setText(kCodeUrl);
        QCOMPARE(widget.text(), kCodeUrl);
        QVERIFY(widget.hasCode());
        widget.clear();
        QVERIFY(!widget.hasCode());
        QVERIFY(darkBounds(widget.grab().toImage()).isNull()); // nothing left to scan
    }

    void widgetDecodesAtSizes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("small square") << QSize(120, 120);
        QTest::newRow("dialog") << QSize(360, 360);
        QTest::newRow("wide") << QSize(700, 300);
        QTest::newRow("tall") << QSize(250, 640);
        QTest::newRow("odd") << QSize(333, 401);
        QTest::newRow("large") << QSize(1000, 1000);
    }
    void widgetDecodesAtSizes()
    {
        QFETCH(QSize, size);
        const QrMatrix matrix = encode(kCodeUrl);
        QrWidget widget;
        widget.setText(kCodeUrl);
        widget.resize(size);
        const QImage image = widget.grab().toImage();
        QCOMPARE(image.size(), size); // offscreen: device pixel ratio 1

        QVERIFY(onlyBlackAndWhite(image));
        QCOMPARE(test::decodeQr(image), QStringList{kCodeUrl});

        // Largest whole number of pixels per module with the quiet zone inside the widget.
        const int total = matrix.size() + 2 * QrMatrix::kQuietZone;
        const int ppm = std::min(size.width(), size.height()) / total;
        QVERIFY(ppm >= 1);
        const QRect code = darkBounds(image);
        QCOMPARE(code.width(), matrix.size() * ppm);
        QCOMPARE(code.height(), matrix.size() * ppm);
        // Centered, and at least the quiet zone away from every edge.
        QVERIFY(qAbs(code.left() - (size.width() - 1 - code.right())) <= 1);
        QVERIFY(qAbs(code.top() - (size.height() - 1 - code.bottom())) <= 1);
        QVERIFY(code.left() >= QrMatrix::kQuietZone * ppm);
        QVERIFY(code.top() >= QrMatrix::kQuietZone * ppm);
        // Pixel-identical to the reference rendering at that scale.
        const QImage reference = QrWidget::render(matrix, ppm);
        const int quiet = QrMatrix::kQuietZone * ppm;
        QCOMPARE(image.copy(code.adjusted(-quiet, -quiet, quiet, quiet)),
                 reference.convertToFormat(image.format()));
    }

    void unencodableTextShowsNothing()
    {
        QrWidget widget;
        widget.resize(200, 200);
        widget.setText(QString(8000, u'x')); // beyond QR version 40
        QCOMPARE(widget.text(), QString(8000, u'x'));
        QVERIFY(!widget.hasCode());
        QVERIFY(darkBounds(widget.grab().toImage()).isNull());
    }
};

QTEST_MAIN(TestQrWidget)
#include "tst_qrwidget.moc"
