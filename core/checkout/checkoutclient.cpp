#include "checkoutclient.h"

#include "store/orderstore.h"

#include <QLoggingCategory>

namespace shouyin {

Q_LOGGING_CATEGORY(lcCheckoutClient, "shouyin.checkout.client")

CheckoutClient::CheckoutClient(Checkout &checkout, QObject *parent)
    : QObject(parent)
    , m_checkout(checkout)
    , m_terminalId(checkout.terminalId())
    , m_clock(checkout.clock())
    , m_mailbox(this)
{
    connect(&checkout, &Checkout::paymentChanged, this, &CheckoutClient::paymentChanged);
    connect(&checkout, &Checkout::orderChanged, this, &CheckoutClient::orderChanged);
    connect(&checkout, &Checkout::alertRaised, this, &CheckoutClient::alertRaised);
}

CheckoutClient::~CheckoutClient()
{
    m_mailbox.close();
}

void CheckoutClient::charge(const Sale &sale, const PaymentProvider &provider,
                            std::chrono::seconds lifetime, const QString &operatorName,
                            PaymentMethod method, QObject *context, Then<Charge> then)
{
    call<Charge>(
        [sale, &provider, lifetime, operatorName, method](Checkout &checkout) {
            return checkout.charge(sale, provider, lifetime, operatorName, method);
        },
        context, std::move(then));
}

void CheckoutClient::openPayment(qint64 orderId, const PaymentProvider &provider,
                                 std::chrono::seconds lifetime, const QString &operatorName,
                                 PaymentMethod method, QObject *context, Then<Payment> then)
{
    call<Payment>(
        [orderId, &provider, lifetime, operatorName, method](Checkout &checkout) {
            return checkout.openPayment(orderId, provider, lifetime, operatorName, method);
        },
        context, std::move(then));
}

void CheckoutClient::switchPayment(const QString &payNo, const PaymentProvider &provider,
                                   std::chrono::seconds lifetime, const QString &operatorName,
                                   PaymentMethod method, QObject *context, Then<Payment> then)
{
    call<Payment>(
        [payNo, &provider, lifetime, operatorName, method](Checkout &checkout) {
            return checkout.switchPayment(payNo, provider, lifetime, operatorName, method);
        },
        context, std::move(then));
}

void CheckoutClient::takeCash(const Sale &sale, Fen given, const QString &operatorName,
                              QObject *context, Then<CashTaken> then)
{
    call<CashTaken>(
        [sale, given, operatorName](Checkout &checkout) {
            return checkout.takeCash(sale, given, operatorName);
        },
        context, std::move(then));
}

void CheckoutClient::takeCash(qint64 orderId, Fen given, const QString &operatorName,
                              QObject *context, Then<CashTaken> then)
{
    call<CashTaken>(
        [orderId, given, operatorName](Checkout &checkout) {
            return checkout.takeCash(orderId, given, operatorName);
        },
        context, std::move(then));
}

void CheckoutClient::readPayment(const QString &payNo, QObject *context,
                                 Then<std::optional<Payment>> then)
{
    call<std::optional<Payment>>(
        [payNo](Checkout &checkout) { return OrderStore(checkout.database()).readPayment(payNo); },
        context, std::move(then));
}

void CheckoutClient::readOrder(qint64 orderId, QObject *context, Then<std::optional<Order>> then)
{
    call<std::optional<Order>>(
        [orderId](Checkout &checkout) {
            return OrderStore(checkout.database()).readOrder(orderId);
        },
        context, std::move(then));
}

void CheckoutClient::recordQrIssued(const QString &payNo, const QString &codeUrl)
{
    post("recording the QR of", payNo,
         [payNo, codeUrl](Checkout &checkout) { return checkout.recordQrIssued(payNo, codeUrl); });
}

void CheckoutClient::recordCodeWaiting(const QString &payNo)
{
    post("recording the wait for the customer of", payNo,
         [payNo](Checkout &checkout) { return checkout.recordCodeWaiting(payNo); });
}

void CheckoutClient::recordCreateRefused(const QString &payNo, const Error &error)
{
    post("recording the refusal of", payNo,
         [payNo, error](Checkout &checkout) { return checkout.recordCreateRefused(payNo, error); });
}

void CheckoutClient::recordAttemptError(const QString &payNo, const Error &error)
{
    post("recording the error of", payNo,
         [payNo, error](Checkout &checkout) { return checkout.recordAttemptError(payNo, error); });
}

void CheckoutClient::requestCancel(qint64 orderId, const QString &operatorName)
{
    post("cancelling order", QString::number(orderId), [orderId, operatorName](Checkout &checkout) {
        return checkout.requestCancel(orderId, operatorName);
    });
}

void CheckoutClient::apply(const QString &payNo, const TradeSnapshot &snapshot, Source source)
{
    post("applying a result to", payNo, [payNo, snapshot, source](Checkout &checkout) -> Status {
        auto applied = checkout.apply(payNo, snapshot, source);
        if (!applied)
            return applied.error();
        return success();
    });
}

void CheckoutClient::scheduleCheck(const QString &payNo, const QDateTime &at)
{
    post("handing to the settler", payNo,
         [payNo, at](Checkout &checkout) { return checkout.scheduleCheck(payNo, at); });
}

void CheckoutClient::post(const char *what, const QString &subject,
                          std::function<Status(Checkout &)> work)
{
    QMetaObject::invokeMethod(
        &m_checkout,
        [&checkout = m_checkout, what, subject, work = std::move(work)] {
            if (const Status done = work(checkout); !done)
                qCWarning(lcCheckoutClient) << what << subject << "failed:" << done.error().message;
        },
        Qt::QueuedConnection);
}

} // namespace shouyin
