#include "scalebarcode.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr qsizetype kEan13Length = 13;
// Grams arrive as an int; nine digits always fit.
constexpr qsizetype kMaxWeightDigits = 9;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allDigits(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isAsciiDigit);
}

int digitAt(QStringView text, qsizetype index)
{
    return text[index].unicode() - u'0';
}

} // namespace

int ean13CheckDigit(QStringView first12)
{
    if (first12.size() != kEan13Length - 1 || !allDigits(first12))
        return -1;
    int sum = 0;
    // Weights alternate 1, 3 from the left; counted from the check digit they are 3, 1,
    // which is how GS1 states it.
    for (qsizetype i = 0; i < first12.size(); ++i)
        sum += digitAt(first12, i) * (i % 2 == 0 ? 1 : 3);
    return (10 - sum % 10) % 10;
}

Fen priceForWeight(Fen pricePerKg, int grams)
{
    Q_ASSERT(pricePerKg >= 0 && grams >= 0);
    // pricePerKg * grams can overflow long before the price does; splitting off the whole
    // multiples of 1000 keeps every intermediate near the size of the result.
    const Fen wholePart = (pricePerKg / 1000) * grams;
    const Fen remainder = (pricePerKg % 1000) * grams;
    return wholePart + (remainder + 500) / 1000;
}

Result<ScaleBarcodeFormat> ScaleBarcodeFormat::parse(const QString &text)
{
    const QString pattern = text.trimmed().toUpper();
    const auto fail = [&](const QString &why) {
        return Error{ErrorCode::Config,
                     u"scale barcode format \"%1\" %2"_s.arg(text.trimmed(), why)};
    };
    if (pattern.size() != kEan13Length)
        return fail(u"has %1 characters; an EAN-13 label has 13"_s.arg(pattern.size()));

    qsizetype prefixEnd = 0;
    while (prefixEnd < pattern.size() && isAsciiDigit(pattern[prefixEnd]))
        ++prefixEnd;
    if (prefixEnd == 0)
        return fail(u"has no literal prefix: it must start with digits such as 20"_s);
    if (pattern[0] != u'2')
        return fail(u"has prefix %1, which does not start with 2: scale labels use the "
                    "in-store range 20-29"_s.arg(pattern.first(prefixEnd)));

    ScaleBarcodeFormat format;
    format.m_pattern = pattern;
    format.m_prefix = pattern.first(prefixEnd);
    for (qsizetype i = prefixEnd; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        const QString position = QString::number(i + 1);
        if (isAsciiDigit(c))
            return fail(u"has the digit %1 at position %2, after the prefix: literal digits "
                        "must all come first"_s.arg(c, position));
        Span *span = nullptr;
        switch (c.unicode()) {
        case u'I':
            span = &format.m_item;
            break;
        case u'P':
            span = &format.m_price;
            break;
        case u'W':
            span = &format.m_weight;
            break;
        case u'X':
            break;
        case u'C':
            if (i != pattern.size() - 1)
                return fail(
                    u"has C (the check digit) at position %1; it must be last"_s.arg(position));
            break;
        default:
            return fail(u"has the unknown letter %1 at position %2; use digits, I, P, W, X "
                        "and C"_s.arg(c, position));
        }
        if (!span)
            continue;
        if (span->size == 0)
            span->from = i;
        else if (span->from + span->size != i)
            return fail(u"splits the %1 digits: they must be together"_s.arg(c));
        ++span->size;
    }
    if (!pattern.endsWith(u'C'))
        return fail(u"does not end with C, the EAN-13 check digit"_s);
    if (format.m_item.size == 0)
        return fail(u"has no item code (I)"_s);
    if (format.m_price.size > 0 && format.m_weight.size > 0)
        return fail(u"has both a price (P) and a weight (W); a label carries one"_s);
    if (format.m_price.size == 0 && format.m_weight.size == 0)
        return fail(u"has neither a price (P) nor a weight (W)"_s);
    if (format.m_weight.size > kMaxWeightDigits)
        return fail(
            u"has %1 weight digits; at most %2"_s.arg(format.m_weight.size).arg(kMaxWeightDigits));
    return format;
}

bool ScaleBarcodeFormat::matches(QStringView barcode) const
{
    return barcode.size() == kEan13Length && allDigits(barcode) && barcode.startsWith(m_prefix);
}

ScaleReadResult ScaleBarcodeFormat::read(QStringView barcode) const
{
    if (!matches(barcode))
        return std::optional<ScaleReading>();
    const int expected = ean13CheckDigit(barcode.first(kEan13Length - 1));
    if (digitAt(barcode, kEan13Length - 1) != expected)
        return Error{ErrorCode::Catalog,
                     u"scale label %1 has a wrong check digit (it should end in %2): scan it "
                     "again"_s.arg(barcode, QString::number(expected))};

    ScaleReading reading;
    reading.itemCode = barcode.sliced(m_item.from, m_item.size).toString();
    // At most 10 digits each, so both conversions succeed.
    if (m_price.size > 0)
        reading.price = parseFen(barcode.sliced(m_price.from, m_price.size));
    if (m_weight.size > 0)
        reading.grams = int(parseFen(barcode.sliced(m_weight.from, m_weight.size)).value_or(0));
    return std::optional<ScaleReading>(std::move(reading));
}

Result<ScaleBarcodeFormats> ScaleBarcodeFormats::parse(const QString &patterns)
{
    ScaleBarcodeFormats result;
    for (const QString &entry : patterns.split(u',', Qt::SkipEmptyParts)) {
        if (entry.trimmed().isEmpty())
            continue;
        auto format = ScaleBarcodeFormat::parse(entry);
        if (!format)
            return format.error();
        for (const ScaleBarcodeFormat &earlier : std::as_const(result.m_formats)) {
            if (earlier.prefix() == format->prefix())
                return Error{ErrorCode::Config,
                             u"scale barcode formats \"%1\" and \"%2\" both use prefix %3, so "
                             "their labels cannot be told apart"_s.arg(
                                 earlier.pattern(), format->pattern(), format->prefix())};
        }
        result.m_formats.append(std::move(format).value());
    }
    std::stable_sort(result.m_formats.begin(), result.m_formats.end(),
                     [](const ScaleBarcodeFormat &a, const ScaleBarcodeFormat &b) {
                         return a.prefix().size() > b.prefix().size();
                     });
    return result;
}

ScaleReadResult ScaleBarcodeFormats::read(QStringView barcode) const
{
    for (const ScaleBarcodeFormat &format : m_formats) {
        if (format.matches(barcode))
            return format.read(barcode);
    }
    return std::optional<ScaleReading>();
}

} // namespace shouyin
