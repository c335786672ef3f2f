#pragma once

#include "money/money.h"
#include "store/records.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace shouyin {

class JobQueue;
class SqlWriter;

// Row-level pieces shared by the parts of Checkout; always called inside its
// transactions, never on their own.
namespace ledger {

// What the state machine needs to know about a payment and its order.
struct PaymentRow
{
    qint64 id = 0;
    qint64 orderId = 0;
    PaymentStatus status = PaymentStatus::Creating;
    OrderStatus orderStatus = OrderStatus::AwaitingPayment;
    QString appId;
    QString merchantId;
    Fen amount = 0;
    QDateTime expiresAt;
    Fen orderTotal = 0;
    bool superseded = false; // given up for another attempt of the order
};

Result<std::optional<PaymentRow>> loadPayment(SqlWriter &sql, const QString &payNo);

// Whether the order has an open attempt besides `paymentId` (given up or not).
Result<bool> hasOtherOpenAttempt(SqlWriter &sql, qint64 orderId, qint64 paymentId);

// Gives up an open attempt for another of its order (the customer switched provider or
// method, or another attempt paid the order): it stays open, no longer counts as the
// order's live attempt, and is closed (a payment code: reversed) by the settler as soon
// as its provider allows. `reason` goes to the pay log. A no-op for an attempt that is
// settled or given up already.
Status supersede(SqlWriter &sql, JobQueue &jobs, const QDateTime &now, qint64 orderId,
                 qint64 paymentId, const QString &payNo, const QString &source,
                 const QString &operatorName, const QString &reason);

// Moves the stock of an order's items: `sold` units leave the shelf per unit ordered,
// `unreserved` are no longer held (each 0 or 1).
Status moveStock(SqlWriter &sql, qint64 orderId, int sold, int unreserved);
// What the order's tenders have taken so far (its SUCCESS payments).
Result<Fen> amountPaid(SqlWriter &sql, qint64 orderId);

// A cash tender given back to the customer.
struct ReturnedCash
{
    QString payNo;
    Fen amount = 0;
};
// The order is cancelled: the cash it took goes back to the customer (its tenders become
// CLOSED, each with a cash_returned event). What was returned, for the screen.
Result<QList<ReturnedCash>> returnCash(SqlWriter &sql, const QDateTime &now, qint64 orderId,
                                       const QString &source);

// Whether the payment's pay log already has an event of `kind`.
Result<bool> hasEvent(SqlWriter &sql, qint64 orderId, qint64 paymentId, const QString &kind);

QString json(const QJsonObject &object);
// A status as the statements bind it and the pay log stores it.
inline QString text(OrderStatus status)
{
    return QString(sqlText(status));
}
inline QString text(PaymentStatus status)
{
    return QString(sqlText(status));
}

} // namespace ledger
} // namespace shouyin
