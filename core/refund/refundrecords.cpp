#include "refundrecords.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr QLatin1StringView kRefundStatusWords[] = {
    "REQUESTED"_L1,
    "PROCESSING"_L1,
    "REFUNDED"_L1,
    "FAILED"_L1,
};
constexpr QLatin1StringView kStockActionWords[] = {"restock"_L1, "damaged"_L1, "none"_L1};

template<typename Enum, std::size_t N>
std::optional<Enum> fromWord(const QLatin1StringView (&words)[N], QStringView text)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (text == words[i])
            return Enum(i);
    }
    return std::nullopt;
}

} // namespace

QLatin1StringView sqlText(RefundStatus status)
{
    return kRefundStatusWords[int(status)];
}

std::optional<RefundStatus> refundStatusFromSql(QStringView text)
{
    return fromWord<RefundStatus>(kRefundStatusWords, text);
}

QLatin1StringView sqlText(StockAction action)
{
    return kStockActionWords[int(action)];
}

std::optional<StockAction> stockActionFromSql(QStringView text)
{
    return fromWord<StockAction>(kStockActionWords, text);
}

} // namespace shouyin
