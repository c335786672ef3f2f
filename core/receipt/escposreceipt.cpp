#include "receipt/escposreceipt.h"

#include "receipt/escposbytes.h"

#include <QStringEncoder>

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

using namespace escpos;

// The receipt's own commands; those it shares with the printer library are in
// escposbytes.h.
constexpr char kBarcodeHeight = 'h';      // GS h n, in dots
constexpr char kBarcodeModule = 'w';      // GS w n, narrowest bar in dots
constexpr char kBarcodeHriPosition = 'H'; // GS H n
constexpr char kHriBelow = 2;
constexpr char kBarcode = 'k'; // GS k m n data
constexpr char kBarcodeCode128 = 73;
constexpr char kTwoDimensional[] = {kGs, '(', 'k'}; // GS ( k pL pH cn fn ...
constexpr char kQrCode = 49;                        // cn
constexpr char kQrModel = 65;                       // fn: select the model
constexpr char kQrModel2 = 50;
constexpr char kQrModuleSize = 67; // fn: dots per module
constexpr char kQrErrorCorrection = 69;
constexpr char kQrErrorCorrectionM = 49;
constexpr char kQrStore = 80;         // fn: store the data in the symbol area
constexpr char kQrPrint = 81;         // fn: print the stored symbol
constexpr char kQrStoreOrPrintM = 48; // the m every store and print command carries

constexpr char kQrDotsPerModule = 6;
constexpr char kBarcodeHeightDots = 80;
constexpr char kBarcodeModuleDots = 2;

// CODE128 inside GS k 73: "{B" selects code set B (ASCII text), "{C" code set C (two
// digits a symbol, half the width, which keeps a dated order number on 58 mm paper).
constexpr char kCode128Brace = '{';
constexpr char kCode128SetB = 'B';
constexpr char kCode128SetC = 'C';
constexpr int kCode128MinDigitRun = 4; // shorter runs cost more in switches than they save
constexpr int kMaxByteCount = 255;

QByteArray command(char prefix, char code, char argument)
{
    return sequence({prefix, code, argument});
}

// GS ( k with its two-byte little-endian length of what follows pL pH.
QByteArray twoDimensional(char function, const QByteArray &parameters)
{
    const qsizetype length = 2 + parameters.size(); // cn fn parameters
    QByteArray bytes(kTwoDimensional, sizeof kTwoDimensional);
    bytes += char(length & 0xFF);
    bytes += char((length >> 8) & 0xFF);
    bytes += kQrCode;
    bytes += function;
    bytes += parameters;
    return bytes;
}

QByteArray qrCode(const QByteArray &data)
{
    QByteArray bytes;
    bytes += twoDimensional(kQrModel, sequence({kQrModel2, 0}));
    bytes += twoDimensional(kQrModuleSize, QByteArray(1, kQrDotsPerModule));
    bytes += twoDimensional(kQrErrorCorrection, QByteArray(1, kQrErrorCorrectionM));
    bytes += twoDimensional(kQrStore, kQrStoreOrPrintM + data);
    bytes += twoDimensional(kQrPrint, QByteArray(1, kQrStoreOrPrintM));
    return bytes;
}

bool isCode128SetB(char ch)
{
    return ch >= 0x20 && ch <= 0x7E;
}

// The CODE128 data of GS k 73: set B for text, set C for even runs of at least four
// digits. Empty when the text is no printable ASCII or too long for one command.
QByteArray code128Data(const QByteArray &text)
{
    QByteArray data;
    char set = 0;
    const auto select = [&](char wanted) {
        if (set != wanted)
            data += sequence({kCode128Brace, wanted});
        set = wanted;
    };
    for (qsizetype i = 0; i < text.size();) {
        if (!isCode128SetB(text[i]))
            return {};
        qsizetype run = 0;
        while (i + run < text.size() && text[i + run] >= '0' && text[i + run] <= '9')
            ++run;
        if (run >= kCode128MinDigitRun) {
            if (run % 2) { // the odd digit goes in set B, the rest in pairs
                select(kCode128SetB);
                data += text[i++];
                --run;
            }
            select(kCode128SetC);
            for (; run > 0; run -= 2, i += 2)
                data += char((text[i] - '0') * 10 + (text[i + 1] - '0'));
            continue;
        }
        select(kCode128SetB);
        if (text[i] == kCode128Brace) // a literal '{' is written twice
            data += kCode128Brace;
        data += text[i++];
    }
    return data.size() <= kMaxByteCount ? data : QByteArray();
}

QStringEncoder receiptEncoder()
{
    QStringEncoder encoder("GB18030");
    if (!encoder.isValid())
        encoder = QStringEncoder("GBK"); // GB18030's two-byte subset: every hanzi a shop uses
    return encoder;
}

} // namespace

QByteArray encodeReceiptText(QStringView text)
{
    QStringEncoder encoder = receiptEncoder();
    if (!encoder.isValid())
        return {};
    return encoder.encode(text);
}

namespace {

// Every line, each in its alignment and weight; then `code` (a QR and a CODE128 of it,
// when not empty), a feed and a partial cut.
QByteArray renderLines(const QList<ReceiptTextLine> &lines, const QByteArray &code)
{
    QStringEncoder encoder = receiptEncoder();
    if (!encoder.isValid())
        return {};

    QByteArray bytes = sequence({kEsc, kInitialize});
    bytes += sequence({kFs, kChineseMode});
    char align = kAlignLeft;
    bool bold = false;
    for (const ReceiptTextLine &line : lines) {
        const char wantedAlign =
            line.align == ReceiptTextLine::Align::Centre ? kAlignCentre : kAlignLeft;
        if (wantedAlign != align)
            bytes += command(kEsc, kAlign, align = wantedAlign);
        if (line.bold != bold) {
            bold = line.bold;
            bytes += command(kEsc, kEmphasis, bold ? 1 : 0);
        }
        bytes += encoder.encode(line.text);
        bytes += kLineFeed;
    }
    if (bold)
        bytes += command(kEsc, kEmphasis, 0);

    if (!code.isEmpty()) {
        if (align != kAlignCentre)
            bytes += command(kEsc, kAlign, kAlignCentre);
        bytes += kLineFeed;
        bytes += qrCode(code);
        const QByteArray barcode = code128Data(code);
        if (!barcode.isEmpty()) {
            bytes += command(kGs, kBarcodeHeight, kBarcodeHeightDots);
            bytes += command(kGs, kBarcodeModule, kBarcodeModuleDots);
            bytes += command(kGs, kBarcodeHriPosition, kHriBelow);
            bytes += command(kGs, kBarcode, kBarcodeCode128);
            bytes += char(barcode.size());
            bytes += barcode;
        }
        bytes += command(kEsc, kAlign, kAlignLeft);
    } else if (align != kAlignLeft) {
        bytes += command(kEsc, kAlign, kAlignLeft);
    }
    bytes += command(kEsc, kPrintAndFeed, kFeedLinesBeforeCut);
    bytes += sequence({kGs, kCut, kCutFeedPartial, 0});
    return bytes;
}

} // namespace

QByteArray renderEscPos(const Receipt &receipt, PaperWidth width)
{
    return renderLines(layoutReceipt(receipt, width), receipt.codeData.toUtf8());
}

QByteArray renderEscPosDocument(const QList<ReceiptTextLine> &lines)
{
    return renderLines(lines, {});
}

} // namespace shouyin
