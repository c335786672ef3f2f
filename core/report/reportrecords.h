#pragma once

#include "money/money.h"
#include "refund/refundrecords.h"
#include "store/records.h"

#include <QDate>
#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace shouyin {

namespace reportstatuses {
Q_NAMESPACE

// A status as History, the report and the export show it: the order's own status,
// except that a cancelled order whose deadline passed (order_cancelled with reason
// "expired") is Expired, not Cancelled.
enum class HistoryStatus { AwaitingPayment, Cancelling, Paid, Cancelled, Expired };
Q_ENUM_NS(HistoryStatus)

} // namespace reportstatuses

using reportstatuses::HistoryStatus;

HistoryStatus historyStatusOf(OrderStatus status); // never Expired: that needs the pay log
// "PAID", …, "EXPIRED": the order statuses' SQL words, and one more.
QLatin1StringView sqlText(HistoryStatus status);
std::optional<HistoryStatus> historyStatusFromSql(QStringView text);

// What History is asked for. Every field is optional; set fields combine with AND.
struct HistoryFilter
{
    QDateTime from; // created_at >= from (invalid: no lower bound)
    QDateTime to;   // created_at < to (invalid: no upper bound)
    std::optional<HistoryStatus> status;
    QString provider;     // any payment attempt with this provider ("wechat")
    QString operatorName; // the cashier who took the order
    QString terminalId;
    QString orderNo; // a whole order number, or its beginning ("T01-20261123")
};

// One line of History.
struct HistoryRow
{
    qint64 id = 0;
    QString orderNo;
    QDateTime createdAt;
    QString terminalId;
    QString operatorName;
    HistoryStatus status = HistoryStatus::AwaitingPayment;
    Fen total = 0;
    QString provider; // of the successful attempt, else of the latest one; empty if none
    QString payNo;
    int attempts = 0;
    QDateTime paidAt;
    Fen refunded = 0; // what its refunds gave back so far
};

// Where the next page starts: after the last row of the previous one (newest first).
struct HistoryCursor
{
    qint64 createdAtMs = 0;
    qint64 id = 0;
    bool isStart() const { return id == 0; }
};

struct HistoryRows
{
    QList<HistoryRow> rows;
    HistoryCursor next; // pass back for the following page
    bool atEnd = false; // no row after these
};

// An order opened from History: its items, payment attempts and whole pay log.
struct OrderDetail
{
    Order order;
    HistoryStatus status = HistoryStatus::AwaitingPayment;
    QList<OrderItem> items;
    QList<Payment> payments;
    QList<Event> events;
};

struct SalesTotal
{
    QString key; // provider or cashier name
    int count = 0;
    Fen amount = 0;
};

// A refund in a report: money that went back, or is on its way.
struct RefundLine
{
    QDateTime at; // when it was refunded; while open or failed, when it was asked for
    QString orderNo;
    QString refundNo;
    QString provider;
    Fen amount = 0;
    RefundStatus status = RefundStatus::Requested;
    QString approvedBy;
    QString reason;
};

struct AlertLine
{
    QDateTime at;
    QString kind;
    QString orderNo; // empty when the alert names no order
    QString detail;
};

// One shop day. An order belongs to the local calendar day it was created on, so the
// report and History filtered to that day always show the same orders.
struct DailyReport
{
    QDate day;
    QDateTime start; // first millisecond of the day
    QDateTime end;   // first millisecond of the next day

    int salesCount = 0; // PAID orders
    Fen salesAmount = 0;
    // By the tenders that paid the orders: amounts sum to the sales; a split order counts
    // once for each of its providers.
    QList<SalesTotal> byProvider;
    QList<SalesTotal> byCashier; // sums to the sales
    // What the paid orders' discounts took off their list prices: line and whole-sale
    // discounts, and the small change dropped (抹零), over `discountedCount` orders.
    int discountedCount = 0;
    Fen discountAmount = 0;
    Fen roundOffAmount = 0;
    int cancelledCount = 0; // CANCELLED by the cashier (not expired)
    Fen cancelledAmount = 0;
    int expiredCount = 0; // CANCELLED at the payment deadline
    Fen expiredAmount = 0;
    // CANCELLING: the cashier gave up while an attempt was open, and the provider has not
    // confirmed the close yet. Not open: nobody waits for these to be paid (a payment that
    // lands all the same is kept, and makes the order a sale).
    int cancellingCount = 0;
    Fen cancellingAmount = 0;
    int openCount = 0; // still AWAITING_PAYMENT: the customer may yet pay
    Fen openAmount = 0;

    // Money that went back during the day (refunds REFUNDED in it, whatever day their sale
    // was); the day's takings are net of it.
    int refundCount = 0;
    Fen refundAmount = 0;
    QList<SalesTotal> refundsByProvider;
    // Refunds asked for during the day that the provider has not finished yet.
    int pendingRefundCount = 0;
    Fen pendingRefundAmount = 0;
    // Every refund asked for or refunded during the day, newest first, at most
    // kMaxRefundLines.
    QList<RefundLine> refunds;
    Fen netAmount() const { return salesAmount - refundAmount; }
    QList<SalesTotal> alertsByKind; // amount unused
    QList<AlertLine> alerts;        // newest first, at most kMaxAlertLines
    int alertCount = 0;

    // Local hour 0..23: PAID orders created in it.
    QList<int> hourlyCount = QList<int>(24, 0);
    QList<Fen> hourlyAmount = QList<Fen>(24, 0);

    static constexpr int kMaxAlertLines = 200;
    static constexpr int kMaxRefundLines = 500;
};

} // namespace shouyin
