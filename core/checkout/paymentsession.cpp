#include "paymentsession.h"

#include "checkout/checkout.h"
#include "pay/paymentprovider.h"
#include "store/orderstore.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcSession, "shouyin.checkout.session")

PaymentSession::PaymentSession(Checkout &checkout, OrderStore &orders, PaymentProvider &provider,
                               qint64 orderId, Options options, QObject *parent)
    : QObject(parent)
    , m_checkout(checkout)
    , m_orders(orders)
    , m_provider(provider)
    , m_orderId(orderId)
    , m_options(std::move(options))
{
    m_pollTimer.setInterval(m_options.pollInterval);
    m_expiryTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &PaymentSession::poll);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Showing && m_state != State::Creating && m_state != State::Error)
            return;
        qCInfo(lcSession) << "payment" << m_payNo << "expired at the counter";
        handOver();
        setState(State::Expired);
    });
    // Whatever settles the payment first (poll, notification, settler) updates the screen.
    connect(&m_checkout, &Checkout::paymentChanged, this, &PaymentSession::onPaymentChanged);
}

PaymentSession::~PaymentSession()
{
    // A session closed without a result leaves its attempt to the settler, never orphaned.
    if (m_state == State::Creating || m_state == State::Showing || m_state == State::Error)
        handOver();
}

void PaymentSession::start()
{
    const auto order = m_orders.order(m_orderId);
    if (!order)
        return fail(tr("The order does not exist."));
    m_orderNo = order->orderNo;
    m_amount = order->total;
    openAttempt();
}

void PaymentSession::openAttempt()
{
    setState(State::Creating);
    auto payment =
        m_checkout.openPayment(m_orderId, m_provider, m_options.lifetime, m_options.operatorName);
    if (!payment)
        return fail(payment.error().message);
    m_payNo = payment->payNo;
    m_createdAt = payment->createdAt;
    m_expiresAt = payment->expiresAt;
    m_expiryTimer.start(std::max<qint64>(0, m_checkout.now().msecsTo(m_expiresAt)));
    requestQr();
}

void PaymentSession::requestQr()
{
    setState(State::Creating);
    QrRequest request{m_payNo, m_amount,
                      m_options.description.isEmpty() ? m_orderNo : m_options.description,
                      m_createdAt, m_expiresAt};
    m_provider.createQr(request, this, [this](Result<QrTicket> ticket) {
        if (m_state != State::Creating)
            return; // cancelled or settled meanwhile
        if (!ticket) {
            const Error &error = ticket.error();
            // A clear refusal means no trade exists; anything else may have created one,
            // so the attempt stays open and a retry re-sends the very same request. If
            // the refusal cannot be stored the attempt stays open too, which is safe: the
            // settler's query finds no trade and closes it.
            const Status recorded = outcomeUnknown(error)
                                        ? m_checkout.recordAttemptError(m_payNo, error)
                                        : m_checkout.recordCreateRefused(m_payNo, error);
            if (!recorded)
                qCWarning(lcSession) << "the failed attempt" << m_payNo
                                     << "is not recorded:" << recorded.error().message;
            return fail(error.message);
        }
        if (auto recorded = m_checkout.recordQrIssued(m_payNo, ticket->codeUrl); !recorded)
            return fail(recorded.error().message);
        m_codeUrl = ticket->codeUrl;
        setState(State::Showing);
        m_pollTimer.start();
    });
}

void PaymentSession::retry()
{
    if (m_state != State::Error)
        return;
    const auto payment = m_payNo.isEmpty() ? std::nullopt : m_orders.payment(m_payNo);
    if (payment && payment->isOpen()) {
        requestQr(); // same out_trade_no, same parameters: the provider treats it as one trade
        return;
    }
    openAttempt();
}

void PaymentSession::cancel()
{
    if (m_state == State::Paid || m_state == State::Cancelling || m_state == State::Expired)
        return;
    m_pollTimer.stop();
    m_expiryTimer.stop();
    if (auto cancelled = m_checkout.requestCancel(m_orderId, m_options.operatorName); !cancelled)
        qCWarning(lcSession) << "cancel of order" << m_orderNo
                             << "failed:" << cancelled.error().message;
    handOver();
    setState(State::Cancelling);
}

void PaymentSession::refresh()
{
    if (m_payNo.isEmpty() || (m_state != State::Showing && m_state != State::Creating))
        return;
    if (const auto stored = m_orders.payment(m_payNo); stored && !stored->isOpen())
        onPaymentChanged(m_payNo, stored->status);
}

void PaymentSession::poll()
{
    if (m_queryInFlight || m_state != State::Showing)
        return;
    refresh();
    if (m_state != State::Showing)
        return;
    m_queryInFlight = true;
    m_provider.query(m_payNo, this, [this](Result<TradeSnapshot> snapshot) {
        m_queryInFlight = false;
        if (!snapshot) {
            // The next tick asks again; the cashier sees the QR meanwhile.
            qCWarning(lcSession) << "query of" << m_payNo << "failed:" << snapshot.error().code
                                 << snapshot.error().message;
            return;
        }
        // A result that cannot be stored now is asked for again at the next tick.
        if (auto applied = m_checkout.apply(m_payNo, snapshot.value(), Source::Poll); !applied)
            qCWarning(lcSession) << "poll of" << m_payNo
                                 << "not applied:" << applied.error().message;
    });
}

void PaymentSession::onPaymentChanged(const QString &payNo, PaymentStatus status)
{
    if (payNo != m_payNo || m_payNo.isEmpty())
        return;
    if (status == PaymentStatus::Success) {
        m_pollTimer.stop();
        m_expiryTimer.stop();
        setState(State::Paid);
    } else if (status == PaymentStatus::Closed || status == PaymentStatus::Failed) {
        if (m_state == State::Showing || m_state == State::Creating) {
            m_pollTimer.stop();
            if (m_checkout.now() >= m_expiresAt) {
                // The settler closed it at the deadline before this screen's own timer
                // fired (a coarse timer may be late): that is an expiry, not an error.
                m_expiryTimer.stop();
                setState(State::Expired);
                return;
            }
            fail(tr("The payment was closed by the provider. Charge again to retry."));
        }
    }
}

void PaymentSession::fail(const QString &message)
{
    m_pollTimer.stop();
    m_error = message;
    setState(State::Error);
}

void PaymentSession::handOver()
{
    m_pollTimer.stop();
    if (m_payNo.isEmpty())
        return;
    // Without this look at once, the attempt's expire job (written with the attempt)
    // still hands it to the settler at its deadline.
    if (auto scheduled = m_checkout.scheduleCheck(m_payNo, m_checkout.now()); !scheduled)
        qCWarning(lcSession) << "hand-over of" << m_payNo
                             << "waits for its deadline:" << scheduled.error().message;
}

void PaymentSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace shouyin
