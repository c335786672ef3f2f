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

// Money going out, as a report shows it: "−¥12.30" (a minus sign before the currency);
// nothing at all is "¥0.00".
inline QString outgoingMoneyText(Fen amount)
{
    return amount > 0 ? QStringLiteral("\u2212") + moneyText(amount) : moneyText(0);
}

} // namespace shouyin
