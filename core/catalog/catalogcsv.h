#pragma once

#include "money/money.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace shouyin {

enum class CatalogEncoding {
    Utf8,
    Gb18030, // what Excel on Chinese Windows saves as "CSV"
};

// One product line of the file, checked but not yet written anywhere.
struct CatalogRow
{
    int line = 0; // 1-based, as a text editor counts
    QString barcode;
    QString name;
    Fen price = 0;
    std::optional<qint64> stock; // nothing: no stock column, or the cell is empty
    QString category;
    QString unit;
    std::optional<Fen> cost;
    std::optional<qint64> lowStock;
};

// A line that cannot be imported, and why, in words for the shopkeeper who must fix it.
struct CatalogLineError
{
    int line = 0;
    QString reason;
};

// What an import would do, to show before doing it.
struct CatalogPreview
{
    CatalogEncoding encoding = CatalogEncoding::Utf8;
    bool byteOrderMark = false; // the UTF-8 file started with one (Excel's "CSV UTF-8")
    // The header's columns in file order, by their English names ("barcode", "low_stock"),
    // so an importer knows which fields the file sets at all.
    QStringList columns;
    QList<CatalogRow> rows;
    QList<CatalogLineError> errors; // in line order, at most one per line
    bool isClean() const { return errors.isEmpty(); }
};

// A product catalogue exported from a spreadsheet: comma-separated with RFC 4180 quoting,
// UTF-8 (with or without BOM) or GB18030, CRLF, LF or CR line ends.
//
// The first non-blank line is the header: column names in any order, any case, in English
// or Chinese (barcode 条码, name 名称 品名, price 售价 价格 price_yuan, stock 库存,
// category 分类, unit 单位, cost 进价 cost_yuan, low_stock 库存下限); barcode, name and
// price are required. Amounts are yuan ("12.5"); stock and low_stock whole numbers; an
// empty optional cell leaves that field unset. A record is one line: a quote left open at
// the end of its line is an error there rather than swallowing the lines after it.
// Blank lines, and lines of nothing but commas (spreadsheets write those), are skipped.
namespace CatalogCsv {

inline constexpr qsizetype kMaxBytes = 20 * 1024 * 1024;
inline constexpr int kMaxLines = 100'000;
inline constexpr qsizetype kMaxBarcodeLength = 32;
inline constexpr qsizetype kMaxNameLength = 80; // characters, not bytes

// An error (ErrorCode::Catalog) only for what spoils the whole file: too large, not text in
// a known encoding, empty, or a bad header. Bad product lines are the preview's errors.
Result<CatalogPreview> parse(const QByteArray &bytes);

QString encodingName(CatalogEncoding encoding); // "UTF-8", "GB18030"

} // namespace CatalogCsv

} // namespace shouyin
