#pragma once

#include "money/money.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace shouyin {

// The EAN-13 check digit for the 12 digits before it; -1 unless `first12` is exactly 12
// ASCII digits.
int ean13CheckDigit(QStringView first12);

// What `grams` of an item sold by the kilogram cost, rounded half up to the fen. Both must
// be >= 0; exact (no floating point) for any result that fits a Fen.
Fen priceForWeight(Fen pricePerKg, int grams);

// What a weighing scale printed on a label.
struct ScaleReading
{
    QString itemCode;         // the PLU as printed, leading zeros kept
    std::optional<Fen> price; // a price label (P)
    std::optional<int> grams; // a weight label (W): the till prices it with priceForWeight()
};

// Reading a scanned code as a scale label: nothing when it is not one (an ordinary
// barcode, to be looked up as such), the reading, or an error when it is one but misread.
using ScaleReadResult = Result<std::optional<ScaleReading>>;

// One scale brand's label layout: 13 characters, one per EAN-13 digit.
//   0-9  the literal prefix (first, starting with 2: the in-store range 20-29)
//   I    the item code (PLU)          P  the price in fen     W  the weight in grams
//   X    a digit to ignore (a brand's own price check digit)
//   C    the EAN-13 check digit (last)
// e.g. "20IIIIIPPPPPC", "21IIIIIWWWWWC", "2IIIIIIPPPPPC", "28IIIIXPPPPPC".
class ScaleBarcodeFormat
{
public:
    // Letters may be given in lower case; surrounding spaces are ignored. The error
    // (ErrorCode::Config) names the pattern and what is wrong with it.
    static Result<ScaleBarcodeFormat> parse(const QString &pattern);

    QString pattern() const { return m_pattern; }
    QString prefix() const { return m_prefix; }
    bool weighs() const { return m_weight.size > 0; }

    // Whether `barcode` is 13 digits starting with this prefix, i.e. this format's to read.
    bool matches(QStringView barcode) const;
    // Nothing unless matches(); an error (ErrorCode::Catalog) when the check digit is
    // wrong, since a misread label must be scanned again, not looked up as a product.
    ScaleReadResult read(QStringView barcode) const;

private:
    struct Span
    {
        qsizetype from = 0;
        qsizetype size = 0; // 0: not in this format
    };

    ScaleBarcodeFormat() = default;

    QString m_pattern;
    QString m_prefix;
    Span m_item;
    Span m_price;
    Span m_weight;
};

// Every scale of a shop. Where prefixes overlap ("2…" and "21…") the longest one wins, so
// a shop can give one brand its own range inside another's.
class ScaleBarcodeFormats
{
public:
    ScaleBarcodeFormats() = default; // no scales: no code is a scale label

    // Comma-separated patterns ("20IIIIIPPPPPC, 21IIIIIWWWWWC"); empty entries are
    // skipped. Refuses a bad pattern and two patterns with the same prefix, which could
    // not tell their labels apart.
    static Result<ScaleBarcodeFormats> parse(const QString &patterns);

    const QList<ScaleBarcodeFormat> &formats() const { return m_formats; }
    bool isEmpty() const { return m_formats.isEmpty(); }

    // As ScaleBarcodeFormat::read() with the format whose prefix matches longest.
    ScaleReadResult read(QStringView barcode) const;

private:
    QList<ScaleBarcodeFormat> m_formats; // longest prefix first
};

} // namespace shouyin
