#include "records.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr OrderStatus kOrderStatuses[] = {OrderStatus::AwaitingPayment, OrderStatus::Cancelling,
                                          OrderStatus::Paid, OrderStatus::Cancelled};
constexpr PaymentStatus kPaymentStatuses[] = {PaymentStatus::Creating, PaymentStatus::Pending,
                                              PaymentStatus::Success, PaymentStatus::Closed,
                                              PaymentStatus::Failed};

template<typename Status, size_t N>
std::optional<Status> fromSql(const Status (&all)[N], QStringView text)
{
    for (const Status status : all) {
        if (sqlText(status) == text)
            return status;
    }
    return std::nullopt;
}

} // namespace

QLatin1StringView sqlText(OrderStatus status)
{
    switch (status) {
    case OrderStatus::AwaitingPayment:
        return "AWAITING_PAYMENT"_L1;
    case OrderStatus::Cancelling:
        return "CANCELLING"_L1;
    case OrderStatus::Paid:
        return "PAID"_L1;
    case OrderStatus::Cancelled:
        return "CANCELLED"_L1;
    }
    Q_UNREACHABLE();
    return {};
}

QLatin1StringView sqlText(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Qr:
        break;
    case PaymentMethod::Code:
        return "code"_L1;
    case PaymentMethod::Cash:
        return "cash"_L1;
    }
    return "qr"_L1;
}

PaymentMethod paymentMethodFromSql(QStringView text)
{
    if (text == u"code")
        return PaymentMethod::Code;
    if (text == u"cash")
        return PaymentMethod::Cash;
    return PaymentMethod::Qr;
}

QLatin1StringView sqlText(PaymentStatus status)
{
    switch (status) {
    case PaymentStatus::Creating:
        return "CREATING"_L1;
    case PaymentStatus::Pending:
        return "PENDING"_L1;
    case PaymentStatus::Success:
        return "SUCCESS"_L1;
    case PaymentStatus::Closed:
        return "CLOSED"_L1;
    case PaymentStatus::Failed:
        return "FAILED"_L1;
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<OrderStatus> orderStatusFromSql(QStringView text)
{
    return fromSql(kOrderStatuses, text);
}

std::optional<PaymentStatus> paymentStatusFromSql(QStringView text)
{
    return fromSql(kPaymentStatuses, text);
}

QString sqlLiterals(std::initializer_list<PaymentStatus> statuses)
{
    QStringList literals;
    for (const PaymentStatus status : statuses)
        literals.append(u"'%1'"_s.arg(sqlText(status)));
    return literals.join(u", "_s);
}

QString sqlLiteral(OrderStatus status)
{
    return u"'%1'"_s.arg(sqlText(status));
}

const QString &openPaymentStatusesSql()
{
    static const QString literals = sqlLiterals({PaymentStatus::Creating, PaymentStatus::Pending});
    return literals;
}

} // namespace shouyin

namespace shouyin {

Fen OrderItem::valueOf(int returned, int units) const
{
    if (quantity <= 0)
        return 0;
    // Cumulative floors: the first units give back a fen less when the net does not divide,
    // the last makes it whole. net × units stays far inside Fen (a sale is at most
    // Discounts::kMaxSale and a quantity at most four digits).
    const auto upTo = [this](int count) {
        return net() * count / quantity;
    };
    return upTo(returned + units) - upTo(returned);
}

} // namespace shouyin
