#pragma once

#include "shift/shiftrecords.h"
#include "util/result.h"

#include <QDateTime>
#include <QString>

namespace shouyin {

class SqlWriter;

// A till's period whose figures are read.
struct FiguresPeriod
{
    QString terminalId;
    QDateTime from; // invalid: since the till's first record
    QDateTime to;   // exclusive; invalid: no end yet
    // A shift's report: its float and its own drawer movements. 0: the floats of the
    // shifts opened in the period and every movement of the till in it (a Z-report).
    qint64 shiftId = 0;
};

// The figures of a shift or a Z-report, as SQL aggregates inside the caller's transaction
// (one snapshot, so that they add up). Internal to core/shift.
Result<ShiftFigures> readShiftFigures(SqlWriter &sql, const FiguresPeriod &period);

} // namespace shouyin
