#pragma once

#include <QLoggingCategory>

namespace shouyin {

// "shouyin.print": jobs queued, sent, failed; never a job's bytes (a receipt names the
// customer's payment).
Q_DECLARE_LOGGING_CATEGORY(lcPrint)

} // namespace shouyin
