#include "print/receiptpainter.h"
#include "qrdecode.h"
#include "tst_samplereceipt.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace shouyin;
using shouyin::test::kSampleLongName;
using shouyin::test::kSampleOrderNo;
using shouyin::test::sampleReceipt;

Q_DECLARE_METATYPE(shouyin::PaperWidth)

namespace {

bool isInk(QRgb pixel)
{
    return qGray(pixel) < 128;
}

// The columns and rows of an image holding ink.
struct InkBox
{
    int left = -1;
    int right = -1;
    int top = -1;
    int bottom = -1;
};

InkBox inkBox(const QImage &image, int fromRow = 0, int toRow = -1)
{
    InkBox box;
    const int last = toRow < 0 ? image.height() - 1 : toRow;
    for (int y = fromRow; y <= last; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (!isInk(line[x]))
                continue;
            box.left = box.left < 0 ? x : std::min(box.left, x);
            box.right = std::max(box.right, x);
            box.top = box.top < 0 ? y : box.top;
            box.bottom = y;
        }
    }
    return box;
}

// Runs of rows with ink, separated by blank rows: one per printed line, one for the code.
QList<QPair<int, int>> inkBands(const QImage &image)
{
    QList<QPair<int, int>> bands;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        const bool ink = std::any_of(line, line + image.width(), isInk);
        if (!ink)
            continue;
        if (!bands.isEmpty() && bands.last().second == y - 1)
            bands.last().second = y;
        else
            bands.append({y, y});
    }
    return bands;
}

qsizetype lineStartingWith(const QList<ReceiptTextLine> &layout, const QString &start)
{
    for (qsizetype i = 0; i < layout.size(); ++i) {
        if (layout.at(i).text.startsWith(start))
            return i;
    }
    return -1;
}

qreal dotsPerMm(int dotsPerInch)
{
    return dotsPerInch / 25.4;
}

// Where the printable width lies on the image: centred on the roll.
QPair<qreal, qreal> printableColumns(const QImage &image, PaperWidth paper, int dotsPerInch)
{
    const qreal printable = ReceiptPainter::printableWidthMm(paper) * dotsPerMm(dotsPerInch);
    const qreal left = (image.width() - printable) / 2;
    return {left, left + printable};
}

} // namespace

class TestReceiptPainter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageIsAsWideAsThePaper_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::addColumn<int>("dotsPerInch");
        QTest::addColumn<int>("width");
        // 58 mm and 80 mm at a thermal printer's 203 dpi and at 300 dpi.
        QTest::newRow("58 mm, 203 dpi") << PaperWidth::Mm58 << 203 << 464;
        QTest::newRow("80 mm, 203 dpi") << PaperWidth::Mm80 << 203 << 639;
        QTest::newRow("58 mm, 300 dpi") << PaperWidth::Mm58 << 300 << 685;
        QTest::newRow("80 mm, 300 dpi") << PaperWidth::Mm80 << 300 << 945;
    }

    void imageIsAsWideAsThePaper()
    {
        QFETCH(PaperWidth, paper);
        QFETCH(int, dotsPerInch);
        QFETCH(int, width);
        const QImage image = receiptImage(sampleReceipt(), paper, dotsPerInch);
        QCOMPARE(image.width(), width);
        QCOMPARE(image.dotsPerMeterX(), qRound(dotsPerInch / 0.0254));
        // As long as the painter says, margins included, and white where there is no ink.
        const ReceiptPainter painter(sampleReceipt(), paper);
        const qreal printable = ReceiptPainter::printableWidthMm(paper) * dotsPerMm(dotsPerInch);
        QCOMPARE(image.height(), int(std::ceil(painter.heightForWidth(printable))));
        QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255));
        QCOMPARE(image.pixel(image.width() - 1, image.height() - 1), qRgb(255, 255, 255));
    }

    void heightScalesWithWidth()
    {
        const ReceiptPainter painter(sampleReceipt(), PaperWidth::Mm58);
        QVERIFY(painter.heightForWidth(100) > 100);
        QCOMPARE(painter.heightForWidth(300), 3 * painter.heightForWidth(100));
    }

    void everyLineHasItsRow_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::addColumn<bool>("training");
        QTest::newRow("58 mm") << PaperWidth::Mm58 << false;
        QTest::newRow("80 mm") << PaperWidth::Mm80 << false;
        QTest::newRow("58 mm, training") << PaperWidth::Mm58 << true;
        QTest::newRow("80 mm, training") << PaperWidth::Mm80 << true;
    }

    void everyLineHasItsRow()
    {
        QFETCH(PaperWidth, paper);
        QFETCH(bool, training);
        const Receipt receipt = sampleReceipt(training);
        const QImage image = receiptImage(receipt, paper);
        const QList<QPair<int, int>> bands = inkBands(image);
        // Each line of the layout, then the code, then the order number: each in a row
        // of its own, in that order, none run into the next.
        const qsizetype lines = layoutReceipt(receipt, paper).size();
        QCOMPARE(bands.size(), lines + 2);
        const QPair<int, int> code = bands.at(lines);
        const int codeHeight = code.second - code.first + 1;
        for (qsizetype i = 0; i < lines; ++i)
            QVERIFY2(bands.at(i).second - bands.at(i).first + 1 < codeHeight / 4,
                     qPrintable(u"line %1 is taller than a line"_s.arg(i)));
        // The code is square and centred on the paper.
        const InkBox codeBox = inkBox(image, code.first, code.second);
        QCOMPARE(codeBox.right - codeBox.left, code.second - code.first);
        QVERIFY(std::abs((codeBox.left + codeBox.right) / 2.0 - image.width() / 2.0) <= 2);
        // Paper to tear off below the number.
        QVERIFY(image.height() - bands.last().second > 10);
    }

    void linesAreAlignedAsLaidOut_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::newRow("58 mm") << PaperWidth::Mm58;
        QTest::newRow("80 mm") << PaperWidth::Mm80;
    }

    void linesAreAlignedAsLaidOut()
    {
        QFETCH(PaperWidth, paper);
        const Receipt receipt = sampleReceipt(false);
        const QImage image = receiptImage(receipt, paper);
        const QList<QPair<int, int>> bands = inkBands(image);
        const QList<ReceiptTextLine> layout = layoutReceipt(receipt, paper);
        const auto [left, right] = printableColumns(image, paper, 203);
        const qreal cell = (right - left) / int(paper);
        // The shop's name is centred and bold; a rule spans the printable width.
        QCOMPARE(layout.first().align, ReceiptTextLine::Align::Centre);
        const InkBox name = inkBox(image, bands.first().first, bands.first().second);
        QVERIFY(std::abs((name.left + name.right) / 2.0 - image.width() / 2.0) <= cell);
        const qsizetype rule = lineStartingWith(layout, QString(int(paper), u'-'));
        QVERIFY(rule > 0);
        const InkBox dashes = inkBox(image, bands.at(rule).first, bands.at(rule).second);
        QVERIFY2(
            dashes.left >= left - 1 && dashes.left <= left + cell / 2,
            qPrintable(u"rule starts at %1, the paper's text at %2"_s.arg(dashes.left).arg(left)));
        QVERIFY2(
            dashes.right <= right + 1 && dashes.right >= right - cell,
            qPrintable(u"rule ends at %1, the paper's text at %2"_s.arg(dashes.right).arg(right)));
        // The amounts are right-aligned on the rule's last column.
        const qsizetype total = lineStartingWith(layout, u"合计"_s);
        QVERIFY(total > rule);
        QVERIFY(layout.at(total).bold);
        const InkBox totalBox = inkBox(image, bands.at(total).first, bands.at(total).second);
        QVERIFY(std::abs(totalBox.right - dashes.right) <= cell / 2);
    }

    void longNamesStayOnThePaper_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::addColumn<QString>("name");
        QTest::newRow("58 mm, Chinese") << PaperWidth::Mm58 << kSampleLongName;
        QTest::newRow("80 mm, Chinese") << PaperWidth::Mm80 << kSampleLongName;
        QTest::newRow("58 mm, one long word")
            << PaperWidth::Mm58 << u"SuperLongProductNameWithoutAnySpacesAtAllXYZ1234567890"_s;
        QTest::newRow("58 mm, full-width and symbols")
            << PaperWidth::Mm58 << u"ＡＢＣ全角字母—特价×２ 限量版 礼盒装 中秋月饼 双黄莲蓉"_s;
    }

    void longNamesStayOnThePaper()
    {
        QFETCH(PaperWidth, paper);
        QFETCH(QString, name);
        Receipt receipt = sampleReceipt();
        receipt.lines.first().name = name;
        receipt.shopName = name;
        const QImage image = receiptImage(receipt, paper);
        const auto [left, right] = printableColumns(image, paper, 203);
        const InkBox box = inkBox(image);
        QVERIFY2(box.left >= std::floor(left) - 1,
                 qPrintable(u"ink at column %1, text begins at %2"_s.arg(box.left).arg(left)));
        QVERIFY2(box.right <= std::ceil(right) + 1,
                 qPrintable(u"ink at column %1, text ends at %2"_s.arg(box.right).arg(right)));
    }

    void codeReadsAsTheOrderNumber_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::addColumn<int>("dotsPerInch");
        QTest::newRow("58 mm") << PaperWidth::Mm58 << 203;
        QTest::newRow("80 mm") << PaperWidth::Mm80 << 203;
        QTest::newRow("58 mm, 300 dpi") << PaperWidth::Mm58 << 300;
    }

    void codeReadsAsTheOrderNumber()
    {
        QFETCH(PaperWidth, paper);
        QFETCH(int, dotsPerInch);
        const QImage image = receiptImage(sampleReceipt(), paper, dotsPerInch);
        QCOMPARE(shouyin::test::decodeQr(image), QStringList{kSampleOrderNo});
    }

    void noCodeWithoutCodeData()
    {
        Receipt receipt = sampleReceipt();
        receipt.codeData.clear();
        const QImage image = receiptImage(receipt, PaperWidth::Mm58);
        QVERIFY(shouyin::test::decodeQr(image).isEmpty());
        QVERIFY(image.height() < receiptImage(sampleReceipt(), PaperWidth::Mm58).height());
        // The lines and the order number under where the code would be.
        QCOMPARE(inkBands(image).size(), layoutReceipt(receipt, PaperWidth::Mm58).size() + 1);
    }

    // The README's picture: written when SHOUYIN_RECEIPT_PNG names a file (the target
    // receipt_png does), only painted otherwise.
    void sampleForTheReadme()
    {
        const QImage image = receiptImage(sampleReceipt(), PaperWidth::Mm58);
        QVERIFY(!image.isNull());
        const QString path = qEnvironmentVariable("SHOUYIN_RECEIPT_PNG");
        if (!path.isEmpty())
            QVERIFY2(image.save(path, "PNG"), qPrintable(path));
    }
};

QTEST_MAIN(TestReceiptPainter)
#include "tst_receiptpainter.moc"
