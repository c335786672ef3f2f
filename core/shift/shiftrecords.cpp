#include "shiftrecords.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

bool isCashDenomination(Fen value)
{
    return std::find(kCashDenominations.begin(), kCashDenominations.end(), value) !=
           kCashDenominations.end();
}

Fen countedAmount(const CashCount &count)
{
    Fen total = 0;
    for (auto it = count.cbegin(); it != count.cend(); ++it)
        total += it.key() * it.value();
    return total;
}

QLatin1StringView sqlText(DrawerMovementKind kind)
{
    switch (kind) {
    case DrawerMovementKind::PaidIn:
        return "paid_in"_L1;
    case DrawerMovementKind::PaidOut:
        return "paid_out"_L1;
    case DrawerMovementKind::NoSale:
        return "no_sale"_L1;
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<DrawerMovementKind> drawerMovementKindFromSql(QStringView text)
{
    for (const auto kind :
         {DrawerMovementKind::PaidIn, DrawerMovementKind::PaidOut, DrawerMovementKind::NoSale}) {
        if (sqlText(kind) == text)
            return kind;
    }
    return std::nullopt;
}

} // namespace shouyin
