#pragma once

#include "money/money.h"
#include "store/records.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

namespace shouyin {

namespace refundstatuses {
Q_NAMESPACE

// A refund's life: written REQUESTED (the request may or may not have reached the
// provider), PROCESSING once the provider accepted it, then REFUNDED or FAILED. A cash
// refund is REFUNDED when written: the drawer paid it.
enum class RefundStatus {
    Requested,
    Processing,
    Refunded,
    Failed,
};
Q_ENUM_NS(RefundStatus)

} // namespace refundstatuses

using refundstatuses::RefundStatus;

QLatin1StringView sqlText(RefundStatus status); // "REQUESTED", …
std::optional<RefundStatus> refundStatusFromSql(QStringView text);
constexpr bool isOpen(RefundStatus status)
{
    return status == RefundStatus::Requested || status == RefundStatus::Processing;
}

// What becomes of returned goods: back on the shelf, written off as damaged, or nothing
// (a surplus payment given back returns no goods).
enum class StockAction { Restock, Damaged, None };
QLatin1StringView sqlText(StockAction action); // "restock", "damaged", "none"
std::optional<StockAction> stockActionFromSql(QStringView text);

// Money going back to the customer from one tender.
struct Refund
{
    qint64 id = 0;
    QString refundNo; // out_refund_no / out_request_no: one per refund, never reused
    qint64 returnId = 0;
    qint64 orderId = 0;
    qint64 paymentId = 0;
    QString payNo; // the tender it goes back to
    Fen paymentAmount = 0;
    QString provider;
    QString api; // its payment's: a refund goes back through the api the trade was made with
    Fen amount = 0;
    RefundStatus status = RefundStatus::Requested;
    QString providerRefundId;
    QString lastError; // why it failed, or the last error while it was being sent
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime refundedAt;
    QString reason; // its return's
    bool isOpen() const { return shouyin::isOpen(status); }
};

// One line of a return: how many of an order line came back, and their price.
struct ReturnedItem
{
    qint64 orderItemId = 0;
    QString name;
    int quantity = 0;
    Fen amount = 0;
};

// What a manager approved: the goods that came back and the money that goes back.
struct ReturnRecord
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString orderNo;
    QString terminalId;
    Fen amount = 0;
    QString reason;
    StockAction stock = StockAction::Restock;
    QString requestedBy;
    QString approvedBy;
    QDateTime createdAt;
    QList<ReturnedItem> items; // empty when a surplus payment was given back
    QList<Refund> refunds;
};

} // namespace shouyin
