#include "reportrecords.h"

using namespace Qt::StringLiterals;

namespace shouyin {

HistoryStatus historyStatusOf(OrderStatus status)
{
    switch (status) {
    case OrderStatus::AwaitingPayment:
        return HistoryStatus::AwaitingPayment;
    case OrderStatus::Cancelling:
        return HistoryStatus::Cancelling;
    case OrderStatus::Paid:
        return HistoryStatus::Paid;
    case OrderStatus::Cancelled:
        return HistoryStatus::Cancelled;
    }
    Q_UNREACHABLE();
    return HistoryStatus::AwaitingPayment;
}

QLatin1StringView sqlText(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::AwaitingPayment:
        return sqlText(OrderStatus::AwaitingPayment);
    case HistoryStatus::Cancelling:
        return sqlText(OrderStatus::Cancelling);
    case HistoryStatus::Paid:
        return sqlText(OrderStatus::Paid);
    case HistoryStatus::Cancelled:
        return sqlText(OrderStatus::Cancelled);
    case HistoryStatus::Expired:
        return "EXPIRED"_L1;
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<HistoryStatus> historyStatusFromSql(QStringView text)
{
    if (text == sqlText(HistoryStatus::Expired))
        return HistoryStatus::Expired;
    const auto status = orderStatusFromSql(text);
    return status ? std::optional<HistoryStatus>(historyStatusOf(*status)) : std::nullopt;
}

} // namespace shouyin
