#include "catalogcsv.h"

#include <QByteArrayView>
#include <QHash>
#include <QStringDecoder>
#include <QStringView>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

enum Column { Barcode, Name, Price, Stock, Category, Unit, Cost, LowStock, ColumnCount };

constexpr std::array<QStringView, ColumnCount> kColumnNames = {
    u"barcode", u"name", u"price", u"stock", u"category", u"unit", u"cost", u"low_stock",
};

// Besides the English names: today's files' "price_yuan", and what Chinese shops call them.
constexpr struct
{
    QStringView name;
    Column column;
} kAliases[] = {
    {u"条码", Barcode},      {u"条形码", Barcode}, {u"名称", Name},        {u"品名", Name},
    {u"售价", Price},        {u"价格", Price},     {u"price_yuan", Price}, {u"库存", Stock},
    {u"分类", Category},     {u"单位", Unit},      {u"进价", Cost},        {u"cost_yuan", Cost},
    {u"库存下限", LowStock},
};

QString columnName(Column column)
{
    return kColumnNames[column].toString();
}

std::optional<Column> columnNamed(QStringView name)
{
    for (int column = 0; column < ColumnCount; ++column) {
        if (name.compare(kColumnNames[column], Qt::CaseInsensitive) == 0)
            return Column(column);
    }
    for (const auto &alias : kAliases) {
        if (name.compare(alias.name, Qt::CaseInsensitive) == 0)
            return alias.column;
    }
    return std::nullopt;
}

Error catalogError(const QString &message)
{
    return Error{ErrorCode::Catalog, message};
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allDigits(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isAsciiDigit);
}

// Neither UTF-8 nor GB18030 uses the bytes of CR or LF inside a multi-byte character, so
// the file can be cut into lines before it is decoded, and a bad byte pinned to its line.
// Excel for Mac still writes bare CRs.
char lineSeparator(QByteArrayView bytes)
{
    return bytes.contains('\n') || !bytes.contains('\r') ? '\n' : '\r';
}

// Nothing when there are more than CatalogCsv::kMaxLines.
std::optional<QList<QByteArrayView>> splitLines(QByteArrayView bytes)
{
    const char separator = lineSeparator(bytes);
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        if (lines.size() == CatalogCsv::kMaxLines)
            return std::nullopt;
        qsizetype end = bytes.indexOf(separator, start);
        if (end < 0)
            end = bytes.size();
        QByteArrayView line = bytes.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        start = end + 1;
    }
    return lines;
}

// 0 when every line decodes; otherwise the 1-based number of the first that does not.
int decodeLines(const QList<QByteArrayView> &raw, QStringDecoder &decoder, QStringList &text)
{
    text.clear();
    text.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        text.append(decoder.decode(raw.at(i)));
        if (decoder.hasError())
            return int(i + 1);
    }
    return 0;
}

// The file's lines as text, its encoding noted in `preview`.
Result<QStringList> decode(QByteArrayView bytes, CatalogPreview &preview)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return catalogError(u"the file is UTF-16 text (Excel's \"Unicode Text\"); save it as "
                            "\"CSV UTF-8\" or \"CSV\" instead"_s);
    preview.byteOrderMark = bytes.startsWith("\xEF\xBB\xBF");
    if (preview.byteOrderMark)
        bytes = bytes.sliced(3);
    const auto raw = splitLines(bytes);
    if (!raw)
        return catalogError(
            u"the file has more than %1 lines; import it in parts"_s.arg(CatalogCsv::kMaxLines));
    QStringList lines;
    // Stateless: a character cut off at the end of a line is an error on that line.
    // ConvertInitialBom: the BOM is already gone, and any other U+FEFF stays visible.
    const auto flags =
        QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom;

    QStringDecoder utf8(QStringConverter::Utf8, flags);
    const int badUtf8 = decodeLines(*raw, utf8, lines);
    if (badUtf8 == 0)
        return lines;
    if (preview.byteOrderMark)
        return catalogError(u"line %1 is not UTF-8 text, though the file starts with a UTF-8 "
                            "byte order mark"_s.arg(badUtf8));

    // GB18030 comes from ICU, which Qt may be built without.
    QStringDecoder gb18030("GB18030", flags);
    if (!gb18030.isValid())
        return catalogError(
            u"line %1 is not UTF-8 text, and this build cannot read GB18030"_s.arg(badUtf8));
    const int badGb18030 = decodeLines(*raw, gb18030, lines);
    if (badGb18030 == 0) {
        preview.encoding = CatalogEncoding::Gb18030;
        return lines;
    }
    // The encoding that gets further is the likelier one, so its first bad line is the one
    // to look at.
    return catalogError(
        u"line %1 is neither UTF-8 nor GB18030 text"_s.arg(std::max(badUtf8, badGb18030)));
}

struct Fields
{
    QStringList values; // trimmed
    QString error;      // a quoting mistake: then `values` is incomplete

    bool isBlank() const
    {
        return error.isEmpty() && std::all_of(values.begin(), values.end(),
                                              [](const QString &v) { return v.isEmpty(); });
    }
};

bool isBlankSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// RFC 4180 fields of one line; spaces around a quoted field are tolerated.
Fields splitFields(QStringView line)
{
    Fields fields;
    qsizetype i = 0;
    const qsizetype size = line.size();
    while (true) {
        const qsizetype start = i;
        const auto number = QString::number(fields.values.size() + 1);
        while (i < size && isBlankSpace(line[i]))
            ++i;
        if (i < size && line[i] == u'"') {
            QString value;
            for (++i;; ++i) {
                if (i >= size) {
                    fields.error = u"field %1 has a quote that is never closed"_s.arg(number);
                    return fields;
                }
                if (line[i] == u'"') {
                    if (i + 1 < size && line[i + 1] == u'"')
                        ++i; // a doubled quote stands for one
                    else
                        break;
                }
                value += line[i];
            }
            ++i;
            while (i < size && isBlankSpace(line[i]))
                ++i;
            if (i < size && line[i] != u',') {
                fields.error = u"field %1 has text after its closing quote"_s.arg(number);
                return fields;
            }
            fields.values.append(value.trimmed());
        } else {
            i = line.indexOf(u',', i);
            if (i < 0)
                i = size;
            fields.values.append(line.sliced(start, i - start).trimmed().toString());
        }
        if (i >= size)
            return fields;
        ++i; // the comma
    }
}

struct Header
{
    std::array<qsizetype, ColumnCount> position; // in the line's fields; -1: absent
    qsizetype fieldCount = 0;
    QStringList columns;
};

Result<Header> parseHeader(QStringView line, int lineNumber)
{
    const auto fail = [&](const QString &why) {
        return catalogError(u"the header on line %1 %2. It names the columns: barcode (条码), "
                            "name (名称, 品名), price (售价, 价格, price_yuan) and optionally "
                            "stock (库存), category (分类), unit (单位), cost (进价), "
                            "low_stock (库存下限)"_s.arg(QString::number(lineNumber), why));
    };
    const Fields fields = splitFields(line);
    if (!fields.error.isEmpty())
        return fail(u"is not CSV: "_s + fields.error);

    Header header;
    header.position.fill(-1);
    header.fieldCount = fields.values.size();
    QStringList problems;
    for (qsizetype i = 0; i < fields.values.size(); ++i) {
        const QString &name = fields.values.at(i);
        const auto column = name.isEmpty() ? std::nullopt : columnNamed(name);
        if (name.isEmpty()) {
            problems << u"has no name for column %1"_s.arg(i + 1);
        } else if (!column) {
            problems << u"has the unknown column \"%1\""_s.arg(name);
        } else if (header.position[*column] >= 0) {
            problems << u"has the %1 column twice (\"%2\" and \"%3\")"_s.arg(
                columnName(*column), fields.values.at(header.position[*column]), name);
        } else {
            header.position[*column] = i;
            header.columns << columnName(*column);
        }
    }
    if (header.columns.isEmpty())
        return fail(u"names no known column: the first line must be the header"_s);
    for (const Column required : {Barcode, Name, Price}) {
        if (header.position[required] < 0)
            problems << u"has no %1 column"_s.arg(columnName(required));
    }
    if (!problems.isEmpty())
        return fail(problems.join(u", "_s));
    return header;
}

bool hasMoreThanTwoDecimals(QStringView text)
{
    if (text.startsWith(u'-'))
        text = text.sliced(1);
    const qsizetype dot = text.indexOf(u'.');
    return dot > 0 && text.size() - dot - 1 > 2 && allDigits(text.first(dot)) &&
           allDigits(text.sliced(dot + 1));
}

// A non-negative amount of yuan, or nothing and a problem.
std::optional<Fen> readAmount(const QString &label, const QString &text, QStringList &problems)
{
    const auto fen = parseYuan(text);
    if (fen && *fen >= 0)
        return fen;
    if (fen)
        problems << u"%1 \"%2\" is negative"_s.arg(label, text);
    else if (hasMoreThanTwoDecimals(text))
        problems << u"%1 \"%2\" has more than 2 decimals"_s.arg(label, text);
    else
        problems << u"%1 \"%2\" is not an amount in yuan"_s.arg(label, text);
    return std::nullopt;
}

std::optional<qint64> readWholeNumber(const QString &label, const QString &text, bool mayBeNegative,
                                      QStringList &problems)
{
    const bool negative = text.startsWith(u'-');
    const QStringView digits = QStringView(text).sliced(negative ? 1 : 0);
    const bool wellFormed = !digits.isEmpty() && allDigits(digits);
    const auto magnitude = wellFormed ? parseFen(digits) : std::nullopt;
    if (!magnitude) {
        problems << u"%1 \"%2\" %3"_s.arg(
            label, text, wellFormed ? u"is too large"_s : u"is not a whole number"_s);
        return std::nullopt;
    }
    if (negative && !mayBeNegative && *magnitude != 0) {
        problems << u"%1 \"%2\" is negative"_s.arg(label, text);
        return std::nullopt;
    }
    return negative ? -*magnitude : *magnitude;
}

QString barcodeProblem(const QString &barcode)
{
    if (barcode.isEmpty())
        return u"barcode is empty"_s;
    const bool allowed = std::all_of(barcode.begin(), barcode.end(), [](QChar c) {
        return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
    });
    if (!allowed)
        return u"barcode \"%1\" has characters other than digits, letters and -"_s.arg(barcode);
    if (barcode.size() > CatalogCsv::kMaxBarcodeLength)
        return u"barcode \"%1\" is longer than %2 characters"_s.arg(barcode).arg(
            CatalogCsv::kMaxBarcodeLength);
    return {};
}

// The row of `fields`, with what is wrong with it added to `problems`. `seen` holds the
// line of each good barcode so far, to catch one given twice.
CatalogRow readRow(const Header &header, const QStringList &fields, int line,
                   QHash<QString, int> &seen, QStringList &problems)
{
    const auto cell = [&](Column column) {
        const qsizetype at = header.position[column];
        return at < 0 ? QString() : fields.at(at);
    };
    CatalogRow row;
    row.line = line;
    row.barcode = cell(Barcode);
    if (const QString problem = barcodeProblem(row.barcode); !problem.isEmpty()) {
        problems << problem;
    } else if (const auto earlier = seen.constFind(row.barcode); earlier != seen.cend()) {
        problems << u"barcode \"%1\" is also on line %2"_s.arg(row.barcode).arg(*earlier);
    } else {
        seen.insert(row.barcode, line);
    }

    row.name = cell(Name);
    const qsizetype nameLength = QStringView(row.name).toUcs4().size();
    if (row.name.isEmpty())
        problems << u"name is empty"_s;
    else if (nameLength > CatalogCsv::kMaxNameLength)
        problems << u"name is longer than %1 characters (%2)"_s.arg(CatalogCsv::kMaxNameLength)
                        .arg(nameLength);

    if (const QString price = cell(Price); price.isEmpty())
        problems << u"price is empty"_s;
    else
        row.price = readAmount(u"price"_s, price, problems).value_or(0);

    if (const QString stock = cell(Stock); !stock.isEmpty())
        row.stock = readWholeNumber(u"stock"_s, stock, true, problems);
    if (const QString cost = cell(Cost); !cost.isEmpty())
        row.cost = readAmount(u"cost"_s, cost, problems);
    if (const QString lowStock = cell(LowStock); !lowStock.isEmpty())
        row.lowStock = readWholeNumber(u"low_stock"_s, lowStock, false, problems);
    row.category = cell(Category);
    row.unit = cell(Unit);
    return row;
}

} // namespace

Result<CatalogPreview> CatalogCsv::parse(const QByteArray &bytes)
{
    // Checked before decoding, so a wrong file (a photo, a database) costs little.
    if (bytes.size() > kMaxBytes)
        return catalogError(u"the file is larger than 20 MB; import it in parts"_s);
    CatalogPreview preview;
    const auto decoded = decode(bytes, preview);
    if (!decoded)
        return decoded.error();
    const QStringList &lines = *decoded;
    qsizetype index = 0;
    while (index < lines.size() && splitFields(lines.at(index)).isBlank())
        ++index;
    if (index == lines.size())
        return catalogError(u"the file is empty"_s);
    auto header = parseHeader(lines.at(index), int(index + 1));
    if (!header)
        return header.error();
    preview.columns = header->columns;

    QHash<QString, int> seen;
    for (++index; index < lines.size(); ++index) {
        const int line = int(index + 1);
        const Fields fields = splitFields(lines.at(index));
        if (fields.isBlank())
            continue;
        if (!fields.error.isEmpty()) {
            preview.errors.append({line, fields.error});
            continue;
        }
        if (fields.values.size() != header->fieldCount) {
            preview.errors.append(
                {line, u"expected %1 fields as in the header, found %2"_s.arg(header->fieldCount)
                           .arg(fields.values.size())});
            continue;
        }
        QStringList problems;
        CatalogRow row = readRow(*header, fields.values, line, seen, problems);
        if (problems.isEmpty())
            preview.rows.append(std::move(row));
        else
            preview.errors.append({line, problems.join(u"; "_s)});
    }
    return preview;
}

QString CatalogCsv::encodingName(CatalogEncoding encoding)
{
    return encoding == CatalogEncoding::Gb18030 ? u"GB18030"_s : u"UTF-8"_s;
}

} // namespace shouyin
