#pragma once

#include "posapplication.h"

namespace shouyin {

// A till pointed at a database server that is not up yet (the back office's machine is
// still starting): instead of giving up, the till says so and tries again every two
// seconds, until the server answers or the cashier quits. Any other failure is returned
// at once, as is the cashier's Quit (code "CANCELLED").
Result<std::unique_ptr<PosApplication>>
createWhenDatabaseAnswers(const PosApplication::Options &options);

} // namespace shouyin
