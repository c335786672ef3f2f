#pragma once

#include "money/money.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace shouyin {

struct Product
{
    qint64 id = 0;
    QString barcode;
    QString name;
    Fen price = 0;
    qint64 stock = 0;    // on the shelf
    qint64 reserved = 0; // held by orders awaiting payment
};

namespace orderStatus {
inline constexpr QLatin1StringView kAwaitingPayment{"AWAITING_PAYMENT"};
inline constexpr QLatin1StringView kCancelling{
    "CANCELLING"}; // cashier gave up; provider not yet closed
inline constexpr QLatin1StringView kPaid{"PAID"};
inline constexpr QLatin1StringView kCancelled{"CANCELLED"};
} // namespace orderStatus

namespace paymentStatus {
inline constexpr QLatin1StringView kCreating{
    "CREATING"}; // create sent, no QR yet: the trade may exist
inline constexpr QLatin1StringView kPending{"PENDING"}; // QR issued, waiting for the customer
inline constexpr QLatin1StringView kSuccess{"SUCCESS"};
inline constexpr QLatin1StringView kClosed{"CLOSED"}; // closed at the provider without payment
inline constexpr QLatin1StringView kFailed{
    "FAILED"}; // refused by the provider; never existed there
} // namespace paymentStatus

struct OrderItem
{
    qint64 productId = 0;
    QString barcode;
    QString name;
    Fen unitPrice = 0;
    int quantity = 0;
    Fen lineTotal() const { return unitPrice * quantity; }
};

struct Order
{
    qint64 id = 0;
    QString orderNo;
    QString terminalId;
    QString operatorName;
    QString status;
    Fen total = 0;
    QDateTime createdAt;
    QDateTime paidAt;
};

struct Payment
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString payNo;
    QString provider;
    QString appId;
    QString merchantId;
    Fen amount = 0;
    QString status;
    QString codeUrl;
    QString transactionId;
    QDateTime createdAt;
    QDateTime expiresAt;
    QString lastError;
    bool isOpen() const
    {
        return status == paymentStatus::kCreating || status == paymentStatus::kPending;
    }
};

// One row of the pay log.
struct Event
{
    qint64 id = 0;
    QDateTime at;
    qint64 orderId = 0;
    qint64 paymentId = 0;
    QString kind;
    QString source;
    QString operatorName;
    QString fromStatus;
    QString toStatus;
    QString detail;
};

} // namespace shouyin
