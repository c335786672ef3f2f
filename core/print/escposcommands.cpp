#include "print/escposcommands.h"

#include "receipt/escposbytes.h"
#include "receipt/escposreceipt.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

using namespace escpos;

// DLE EOT 1
constexpr unsigned char kDrawerPin3High = 0x04;
constexpr unsigned char kOffline = 0x08;
// DLE EOT 2
constexpr unsigned char kCoverOpen = 0x04;
constexpr unsigned char kStoppedByPaperEnd = 0x20;
constexpr unsigned char kErrorOccurred = 0x40;
// DLE EOT 3
constexpr unsigned char kCutterError = 0x08;
constexpr unsigned char kUnrecoverableError = 0x20;
constexpr unsigned char kAutoRecoverableError = 0x40;
// DLE EOT 4: two sensors each, either one is enough
constexpr unsigned char kPaperNearEnd = 0x0C;
constexpr unsigned char kPaperEnd = 0x60;

// Column digits, then hanzi numerals: rulers that need no words.
const QString kDigits = u"1234567890"_s;
const QString kHanziNumerals = u"一二三四五六七八九十"_s;

QString cycled(const QString &pattern, qsizetype count)
{
    QString text;
    text.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        text += pattern.at(i % pattern.size());
    return text;
}

} // namespace

QByteArray drawerPulse()
{
    return sequence({kEsc, kDrawerPulse, kDrawerPin2, kDrawerOnUnits, char(kDrawerOffUnits)});
}

QByteArray escPosTestPage(const QString &title, PaperWidth width)
{
    const int columns = int(width);
    QByteArray text;
    for (const QString &line : title.split(u'\n'))
        text += encodeReceiptText(line) + kLineFeed;
    text += kLineFeed;
    const QByteArray digits = encodeReceiptText(cycled(kDigits, columns));
    const QByteArray hanzi = encodeReceiptText(cycled(kHanziNumerals, columns / 2));
    if (hanzi.isEmpty()) // no GB18030 codec in this Qt
        return {};

    QByteArray bytes = sequence({kEsc, kInitialize, kFs, kChineseMode});
    bytes += sequence({kEsc, kAlign, kAlignCentre, kEsc, kEmphasis, 1});
    bytes += text;
    bytes += sequence({kEsc, kEmphasis, 0, kEsc, kAlign, kAlignLeft});
    bytes += digits + kLineFeed;
    bytes += hanzi + kLineFeed;
    bytes += sequence({kEsc, kPrintAndFeed, kFeedLinesBeforeCut});
    bytes += sequence({kGs, kCut, kCutFeedPartial, 0});
    return bytes;
}

QByteArray statusRequest(EscPosStatusKind kind)
{
    return sequence({kDle, kEot, char(kind)});
}

bool readStatusAnswer(EscPosStatusKind kind, char answer, EscPosPrinterStatus &status)
{
    const auto byte = static_cast<unsigned char>(answer);
    if ((byte & kStatusFixedMask) != kStatusFixedBits)
        return false;
    switch (kind) {
    case EscPosStatusKind::Printer:
        status.online = !(byte & kOffline);
        status.drawerOpen = bool(byte & kDrawerPin3High);
        return true;
    case EscPosStatusKind::OfflineCause:
        status.coverOpen = byte & kCoverOpen;
        status.paperOut = status.paperOut || (byte & kStoppedByPaperEnd);
        status.fault = status.fault || (byte & kErrorOccurred);
        return true;
    case EscPosStatusKind::ErrorCause:
        status.fault =
            status.fault || (byte & (kCutterError | kUnrecoverableError | kAutoRecoverableError));
        return true;
    case EscPosStatusKind::PaperSensor:
        status.paperNearEnd = byte & kPaperNearEnd;
        status.paperOut = status.paperOut || (byte & kPaperEnd);
        return true;
    }
    return false;
}

} // namespace shouyin
