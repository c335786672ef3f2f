#pragma once

#include "money/money.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QObject>
#include <QString>

#include <initializer_list>
#include <optional>

namespace shouyin {

namespace statuses {
Q_NAMESPACE

enum class OrderStatus {
    AwaitingPayment,
    Cancelling, // the cashier gave up; the provider has not yet confirmed the close
    Paid,
    Cancelled,
};
Q_ENUM_NS(OrderStatus)

enum class PaymentStatus {
    Creating, // the create was sent, no QR yet: the trade may exist
    Pending,  // QR issued, waiting for the customer
    Success,
    Closed, // closed at the provider without payment
    Failed, // refused by the provider; never existed there, or the bank refused it
};
Q_ENUM_NS(PaymentStatus)

} // namespace statuses

using statuses::OrderStatus;
using statuses::PaymentStatus;

// The one spelling of each status in the database (orders.status, payments.status and
// the pay log's from/to columns): "AWAITING_PAYMENT", "SUCCESS", …
QLatin1StringView sqlText(OrderStatus status);
QLatin1StringView sqlText(PaymentStatus status);
// nullopt for a word that is no status of ours.
std::optional<OrderStatus> orderStatusFromSql(QStringView text);
std::optional<PaymentStatus> paymentStatusFromSql(QStringView text);
// The statuses as SQL literals for a statement's IN (…): "'CREATING', 'PENDING'".
QString sqlLiterals(std::initializer_list<PaymentStatus> statuses);
QString sqlLiteral(OrderStatus status);

// How the customer pays: scanning the till's QR, showing their own payment code (付款码)
// to the till's scanner, or handing over cash. A code attempt is never closed but
// reversed; a cash tender is taken at once (provider "cash", SUCCESS when written).
enum class PaymentMethod { Qr, Code, Cash };
QLatin1StringView sqlText(PaymentMethod method); // "qr", "code", "cash"
// Qr for any other word: rows written before the column existed are QR attempts.
PaymentMethod paymentMethodFromSql(QStringView text);
// The provider name of cash tenders in payments.provider, reports and exports.
inline constexpr QLatin1StringView kCashProvider{"cash"};

// An attempt the customer can still pay.
constexpr bool isOpen(PaymentStatus status)
{
    return status == PaymentStatus::Creating || status == PaymentStatus::Pending;
}
// "'CREATING', 'PENDING'": the open statuses, for statements.
const QString &openPaymentStatusesSql();

struct Product
{
    qint64 id = 0;
    QString barcode;
    QString name;
    Fen price = 0;
    qint64 stock = 0;    // on the shelf
    qint64 reserved = 0; // held by orders awaiting payment
    QString category;
    QString unit;
    std::optional<Fen> cost;         // what the shop paid; unknown when not given
    std::optional<qint64> lowStock;  // warn at or below this many; none: never
    std::optional<Fen> openPriceMax; // the cashier types the price, up to this
    bool quickKey = false;           // on the counter's quick keys (goods without a barcode)
    QString plu;                     // the item code a weighing scale prints; empty: none
    QDateTime retiredAt;             // no longer sold; invalid while on sale
    bool isRetired() const { return retiredAt.isValid(); }
    bool hasOpenPrice() const { return openPriceMax.has_value(); }
    qint64 available() const { return stock - reserved; }
    bool isLow() const { return lowStock && stock <= *lowStock; }
};

struct OrderItem
{
    qint64 productId = 0;
    QString barcode;
    QString name;
    Fen unitPrice = 0;
    int quantity = 0;
    qint64 id = 0;    // order_items.id, once stored: what a return names
    Fen discount = 0; // the line's own discount
    Fen share = 0;    // its part of the whole-sale discount and the round-off (抹零)
    Fen lineTotal() const { return unitPrice * quantity; }     // before any discount
    Fen net() const { return lineTotal() - discount - share; } // what the customer paid for it
    // What `units` more of it are worth when `returned` went back already: the net spread
    // over the units so that returning all of them, in any steps, gives back exactly net().
    Fen valueOf(int returned, int units) const;
};

struct Order
{
    qint64 id = 0;
    QString orderNo;
    QString terminalId;
    QString operatorName;
    OrderStatus status = OrderStatus::AwaitingPayment;
    Fen total = 0;            // what the customer pays: after every discount
    Fen discount = 0;         // the whole-sale discount (the lines carry their own)
    Fen roundOff = 0;         // the small change dropped (抹零)
    QString discountApprover; // who approved discounts beyond the cashier's limit
    QDateTime createdAt;
    QDateTime paidAt;
};

struct Payment
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString payNo;
    QString provider;
    QString api; // PaymentProvider::api(): "v2" or "v3" for WeChat, empty for the others
    QString appId;
    QString merchantId;
    Fen amount = 0;
    PaymentStatus status = PaymentStatus::Creating;
    PaymentMethod method = PaymentMethod::Qr;
    QString codeUrl; // the QR's content; empty for a code payment (its code is never stored)
    QString transactionId;
    // Cash: what the customer handed over (at least `amount`; the rest was change). 0 for
    // every other method.
    Fen tendered = 0;
    QDateTime createdAt;
    QDateTime expiresAt;
    QString lastError;
    // When the customer switched to another attempt of the order (another provider, or a
    // payment code instead of the QR): invalid while this is the order's live attempt. A
    // given-up attempt stays open until its provider confirms the close.
    QDateTime supersededAt;
    bool isOpen() const { return shouyin::isOpen(status); }
    bool isSuperseded() const { return supersededAt.isValid(); }
    Fen change() const { return tendered > amount ? tendered - amount : 0; }
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
    QString fromStatus; // as stored: sqlText() of an order or payment status
    QString toStatus;
    QString detail;
};

} // namespace shouyin
