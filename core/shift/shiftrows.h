#pragma once

#include "shift/shiftrecords.h"
#include "util/result.h"

#include <QString>
#include <QVariantList>

#include <limits>
#include <optional>

namespace shouyin {

class Database;
class SqlWriter;

// Row-level pieces shared by the parts of ShiftBook; always called inside its
// transactions, never on their own. Internal to core/shift.
namespace shiftrows {

// Bounds of a period with no beginning or no end, in ms since the epoch.
inline constexpr qint64 kBeginning = std::numeric_limits<qint64>::min();
inline constexpr qint64 kNoEnd = std::numeric_limits<qint64>::max();
qint64 startMs(const QDateTime &from); // kBeginning when invalid
qint64 endMs(const QDateTime &to);     // kNoEnd when invalid
QDateTime timeOf(const QVariant &ms);  // UTC; invalid for NULL

// The columns every Shift is read with, in shiftFromRow()'s order (table alias `s`).
QString shiftColumns();
Result<Shift> shiftFromRow(const QVariantList &row);

Result<std::optional<Shift>> loadShift(SqlWriter &sql, qint64 shiftId);
// The till's open shift. `lock`: on PostgreSQL the row stays locked until the transaction
// ends, so that drawer changes and the close of one shift happen one after another on
// every till (SQLite has one writer at a time anyway).
Result<std::optional<Shift>> loadOpenShift(SqlWriter &sql, const QString &terminalId, bool lock);

// A drawer count as stored in shifts.counts: {"10000":2,"500":3}.
QString countsToJson(const CashCount &counts);
std::optional<CashCount> countsFromJson(const QString &json);

// On PostgreSQL, makes the transaction just begun read one snapshot, so that the figures
// of a report add up even while other tills sell (SQLite's transactions always do). Must
// be the transaction's first statement; nothing when it is nested in another.
Status readOneSnapshot(Database &database, bool outermost);

} // namespace shiftrows
} // namespace shouyin
