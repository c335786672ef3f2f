#pragma once

#include "shift/shiftrecords.h"
#include "util/result.h"

#include <QString>

namespace shouyin {

// A Z-report's frozen content, z_reports.figures: the whole report (its till, number and
// period too, so that the text stands on its own), money in fen and times in ms since the
// epoch as JSON integers. Internal to core/shift.
QString zReportToJson(const ZReport &report);
// The figures, shifts and totals of a stored report; the rest comes from its row.
Status zReportFromJson(const QString &json, ZReport &report);

} // namespace shouyin
