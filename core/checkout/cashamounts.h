#pragma once

#include "money/money.h"

#include <QList>

namespace shouyin {

// The amounts a customer is likely to hand over for `due`, for the cash key's quick
// buttons: the exact amount, then the next whole ¥10, ¥50 and ¥100 above it (each once,
// in increasing order). Empty when nothing is due.
QList<Fen> quickCashAmounts(Fen due);

} // namespace shouyin
