#pragma once

#include "money/money.h"

#include <QCoreApplication>
#include <QString>

namespace shouyin {

// An amount as the cashier and the customer read it: "¥12.30".
inline QString moneyText(Fen amount)
{
    return QCoreApplication::translate("shouyin::Money", "¥%1").arg(formatYuan(amount));
}

} // namespace shouyin
