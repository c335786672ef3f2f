#pragma once

#include "auth/staff.h"
#include "money/discount.h"
#include "pay/tradestate.h"
#include "store/records.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

namespace shouyin {

class Database;
class JobQueue;
namespace ledger {
struct ReturnedCash;
}
class PaymentProvider;
class SqlWriter;

// The kinds of settling work the checkout schedules in its JobQueue (one job per
// payment, keyed by pay number).
namespace jobKind {
inline constexpr QLatin1StringView kPoll{"poll"};              // look again in the background
inline constexpr QLatin1StringView kExpire{"expire"};          // the deadline: query, close, query
inline constexpr QLatin1StringView kCloseRetry{"close_retry"}; // a close that failed, again
// A closed trade looked at again later: a payment can still land around a close, and
// without notifications (a till behind NAT) only a later query would see it.
inline constexpr QLatin1StringView kConfirmClosed{"confirm_closed"};
// A payment-code attempt past its window, or one the provider asked to reverse again:
// query, then reverse unless the query says it is paid.
inline constexpr QLatin1StringView kReverse{"reverse"};
} // namespace jobKind

struct CartLine
{
    qint64 productId = 0;
    int quantity = 0;
    // The price the cashier typed for an open-price product (within its highest price), or
    // a weighing scale's label carries for a product with a scale code; none for every
    // other product, which sells at the catalogue's price.
    std::optional<Fen> typedPrice = std::nullopt;
    // Taken off the line's price × quantity (a percent of it, or an amount).
    Discount discount = {};
};

// What the checkout is asked to sell: the cart's lines with their own discounts, and
// what the cashier took off the sale as a whole. A plain list of lines is a sale without
// either, hence the implicit constructor.
struct Sale
{
    Sale() = default;
    Sale(QList<CartLine> cartLines) // NOLINT(google-explicit-constructor)
        : lines(std::move(cartLines))
    {}
    Sale(std::initializer_list<CartLine> cartLines)
        : lines(cartLines)
    {}
    QList<CartLine> lines;
    Discount discount;                  // off the whole sale, after the lines' own
    RoundOff roundOff = RoundOff::None; // 抹零
    // Who allowed discounts beyond the cashier's limit: somebody signed in who may
    // ApproveDiscount (the manager who typed their PIN, or the manager selling).
    Staff approver;
};

// A sale at the counter: its order and the payment attempt opened on it.
struct Charge
{
    Order order;
    Payment payment;
};

// Cash handed over at the counter and what it did to its order.
struct CashTaken
{
    Order order;    // as it is now: PAID when the cash covered what was due
    Payment tender; // the cash tender: the amount it paid, what was handed over, change()
    Fen due = 0;    // what another tender must still pay; 0 when the order is paid
};

enum class ApplyResult {
    Applied,  // the observation changed the payment (and maybe the order)
    NoChange, // already known, or still pending: nothing to do
    Refused,  // inconsistent with the stored payment: logged as an alert, not applied
};

// The order and payment state machine. Every change of an order or payment happens
// here, in one SQL transaction with its pay-log event, as a conditional update so that
// two sources (poll, notification, close, another terminal) can never both win.
class Checkout : public QObject
{
    Q_OBJECT
public:
    Checkout(Database &database, QString terminalId, ShopClock clock = ShopClock(),
             QObject *parent = nullptr);
    ~Checkout() override;

    QString terminalId() const { return m_terminalId; }
    Database &database() const { return m_database; }
    QDateTime now() const { return m_clock.now(); }
    // The till's time and the shop's calendar: the window counts its days by it too.
    const ShopClock &clock() const { return m_clock; }
    // Settling work for open payments, kept in the same transactions as their state.
    JobQueue &jobs() { return *m_jobs; }

    // Whether a sale may take the shelf below zero (the shop's [stock] setting). When not,
    // an order is refused (OUT_OF_STOCK) unless every unit is on the shelf and not held by
    // another order; the check and the reservation are one conditional update, so two
    // tills selling the last unit make one sale.
    void setSellsBeyondStock(bool sells) { m_sellsBeyondStock = sells; }
    bool sellsBeyondStock() const { return m_sellsBeyondStock; }

    // How far a cashier's discounts may go without a manager (the shop's [discounts]).
    void setDiscountLimits(DiscountLimits limits) { m_discountLimits = limits; }
    DiscountLimits discountLimits() const { return m_discountLimits; }

    // Creates an order AWAITING_PAYMENT at today's catalogue prices less the sale's
    // discounts, and reserves stock. Retired products are refused; discounts beyond the
    // cashier's limit without an approver are refused (NEEDS_APPROVAL). The lines' nets
    // add up to the order's total, which is what its payments ask for.
    Result<Order> placeOrder(const Sale &sale, const QString &operatorName);

    // Opens a payment attempt (CREATING, new pay number). Refused while the order has
    // another live attempt (one given up in a switch does not count) or is no longer awaiting
    // payment. `lifetime` is a QR's life, or how long a payment code may wait for the customer's
    // confirmation.
    Result<Payment> openPayment(qint64 orderId, const PaymentProvider &provider,
                                std::chrono::seconds lifetime, const QString &operatorName,
                                PaymentMethod method = PaymentMethod::Qr);

    // The customer switched (another provider, or a payment code instead of the QR): the
    // order's live attempt `payNo`, still unpaid, is given up — it stays open, and the
    // settler closes it (a payment code: reverses it) as soon as its provider allows —
    // and a new attempt for what is still due opens on the same order, in one
    // transaction. If the given-up attempt is paid after all, the order is paid by it and
    // the new attempt is given up in turn. Refused when `payNo` is not the order's live
    // attempt or is settled, or the order no longer awaits payment.
    Result<Payment> switchPayment(const QString &payNo, const PaymentProvider &provider,
                                  std::chrono::seconds lifetime, const QString &operatorName,
                                  PaymentMethod method = PaymentMethod::Qr);

    // placeOrder and openPayment in one transaction: what Charge does at the counter.
    Result<Charge> charge(const Sale &sale, const PaymentProvider &provider,
                          std::chrono::seconds lifetime, const QString &operatorName,
                          PaymentMethod method = PaymentMethod::Qr);

    // Cash: the customer hands over `given`. It pays the order's amount due (what its
    // other tenders have not), or part of it when it is less; change is what exceeds it.
    // The tender is SUCCESS at once, and the order PAID when nothing is left due. With
    // cart lines the order is placed in the same transaction (a cash sale); with an order
    // id, that order must await payment with no attempt open (split tender: cash first,
    // then a QR or payment code for the rest).
    Result<CashTaken> takeCash(const Sale &sale, Fen given, const QString &operatorName);
    Result<CashTaken> takeCash(qint64 orderId, Fen given, const QString &operatorName);

    // The provider issued the QR: CREATING -> PENDING.
    Status recordQrIssued(const QString &payNo, const QString &codeUrl);
    // The provider took the payment code and waits for the customer to confirm on their
    // phone (WeChat USERPAYING, Alipay 10003): CREATING -> PENDING.
    Status recordCodeWaiting(const QString &payNo);
    // The provider definitively refused to create the trade: CREATING -> FAILED.
    Status recordCreateRefused(const QString &payNo, const Error &error);
    // Something went wrong whose outcome is unknown; the attempt stays open.
    Status recordAttemptError(const QString &payNo, const Error &error);

    // Cashier gives up: AWAITING_PAYMENT -> CANCELLING while an attempt is open (the
    // provider must confirm it closed), straight to CANCELLED when none is.
    Status requestCancel(qint64 orderId, const QString &operatorName,
                         Source source = Source::Cashier);

    // Start-up: orders this till left awaiting payment with no live attempt open (it
    // stopped between placing an order and opening its payment, or after a refused
    // attempt) have nobody left to finish them; they are cancelled and their stock
    // released — once the attempts given up in a switch are confirmed closed, if any are
    // still open (CANCELLING until then). The number cancelled.
    Result<int> cancelAbandonedOrders();

    // The funnel: applies what the provider says about a payment.
    Result<ApplyResult> apply(const QString &payNo, const TradeSnapshot &snapshot, Source source);

    // Writes a pay-log row that changes no state: something a manager must look at (a
    // forged notification: kinds "alert_…", which also raise alertRaised) or what a
    // check found (start-up recovery). Attached to the payment when `payNo` names one.
    Status recordEvent(const QString &payNo, const QString &kind, const QString &detail,
                       Source source);

    // Asks the background settler to look at an open payment at `at` (a poll job).
    Status scheduleCheck(const QString &payNo, const QDateTime &at);

Q_SIGNALS:
    void paymentChanged(const QString &payNo, shouyin::PaymentStatus status);
    void orderChanged(qint64 orderId, shouyin::OrderStatus status);
    void alertRaised(qint64 orderId, const QString &kind, const QString &detail);

private:
    struct PayableOrder
    {
        qint64 id;
        Fen due; // what the order's other tenders have not paid
    };
    // An order that may take another tender now: awaiting payment, no attempt open, and
    // something left due once its paid tenders are counted. Reads the order into `order`.
    Result<PayableOrder> payableOrder(SqlWriter &sql, qint64 orderId, Order &order);
    // The statements of placeOrder and openPayment, inside the caller's transaction.
    Status writeOrder(SqlWriter &sql, const Sale &sale, const QString &operatorName,
                      const QDateTime &now, Order &order);
    // The sale's lines at today's prices: each line's price, and the items to store.
    Result<QList<OrderItem>> priceLines(SqlWriter &sql, const QList<CartLine> &lines);
    // Holds the item's units for its order; refused when the shelf lacks them (unless the
    // shop sells beyond its stock).
    Status reserveStock(SqlWriter &sql, const OrderItem &item);
    Status writePayment(SqlWriter &sql, const PayableOrder &order, const PaymentProvider &provider,
                        std::chrono::seconds lifetime, const QString &operatorName,
                        PaymentMethod method, const QDateTime &now, Payment &payment);
    // The statements of takeCash, inside the caller's transaction; `order` is read or
    // placed already.
    Status writeCash(SqlWriter &sql, Fen given, const QString &operatorName, const QDateTime &now,
                     CashTaken &taken);
    // Cash given back when an order is cancelled: observers hear its tenders closed.
    void emitCashReturned(const QList<ledger::ReturnedCash> &returned);
    static QString cashAlertDetail(const QList<ledger::ReturnedCash> &returned);
    // Moves an attempt out of CREATING once: to PENDING with its QR, or to FAILED.
    Status leaveCreating(const QString &payNo, PaymentStatus to, const QString &codeUrl,
                         const QString &lastError, const QString &eventKind, const QString &detail);

    Database &m_database;
    QString m_terminalId;
    ShopClock m_clock;
    std::unique_ptr<JobQueue> m_jobs;
    bool m_sellsBeyondStock = false;
    DiscountLimits m_discountLimits;
};

} // namespace shouyin
