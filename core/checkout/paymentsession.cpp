#include "paymentsession.h"

#include "checkout/checkoutclient.h"
#include "checkout/paymentcodes.h"
#include "pay/codepayments.h"
#include "pay/paymentprovider.h"

#include <QLoggingCategory>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcSession, "shouyin.checkout.session")

namespace {
// How much earlier than the till's deadline a provider may end a QR by itself: Alipay
// rounds the lifetime down to whole minutes.
constexpr qint64 kProviderEndsEarlySecs = 60;
} // namespace

PaymentSession::PaymentSession(CheckoutClient &checkout, PaymentProvider &provider, Sale sale,
                               Options options, QObject *parent)
    : QObject(parent)
    , m_checkout(checkout)
    , m_provider(&provider)
    , m_sale(std::move(sale))
    , m_options(std::move(options))
{
    m_pollTimer.setInterval(m_options.pollInterval);
    m_expiryTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &PaymentSession::poll);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        if (!isLive())
            return;
        qCInfo(lcSession) << "payment" << m_payNo << "expired at the counter";
        handOver();
        setState(State::Expired);
    });
    // Whatever settles the payment first (poll, notification, settler) updates the screen.
    connect(&m_checkout, &CheckoutClient::paymentChanged, this, &PaymentSession::onPaymentChanged);
    connect(&m_checkout, &CheckoutClient::orderChanged, this, &PaymentSession::onOrderChanged);
}

PaymentSession::~PaymentSession()
{
    // A session closed without a result leaves its attempt to the settler, never orphaned.
    if (isLive())
        handOver();
}

bool PaymentSession::isLive() const
{
    return m_state == State::Creating || m_state == State::Showing ||
           m_state == State::Confirming || m_state == State::Error;
}

void PaymentSession::continueOrder(qint64 orderId, const QString &orderNo, Fen due)
{
    Q_ASSERT(m_state == State::Creating && m_payNo.isEmpty());
    m_orderId = orderId;
    m_orderNo = orderNo;
    m_amount = due;
}

void PaymentSession::start()
{
    m_orderId != 0 ? openAttempt() : placeOrder();
}

void PaymentSession::startWithCode(const QString &authCode)
{
    CodePayments *codes = m_provider->codePayments();
    Q_ASSERT(codes);
    m_method = PaymentMethod::Code;
    m_authCode = authCode;
    m_pollTimer.setInterval(codePollInterval(*codes));
    m_orderId != 0 ? openAttempt() : placeOrder();
}

bool PaymentSession::canPayAgain() const
{
    return m_state == State::Error && !m_attemptOpen && !m_opening;
}

void PaymentSession::payAgain(PaymentProvider &provider, const QString &authCode)
{
    if (!canPayAgain())
        return;
    chooseTender(provider, authCode);
    if (m_orderEnded || m_orderId == 0) {
        // The order went with its attempt: the same goods, a new order.
        m_orderId = 0;
        m_orderNo.clear();
        m_orderEnded = false;
        return placeOrder();
    }
    openAttempt();
}

void PaymentSession::chooseTender(PaymentProvider &provider, const QString &authCode)
{
    m_provider = &provider;
    m_codeUrl.clear();
    m_error.clear();
    CodePayments *codes = authCode.isEmpty() ? nullptr : provider.codePayments();
    m_method = codes ? PaymentMethod::Code : PaymentMethod::Qr;
    m_authCode = codes ? authCode : QString();
    m_pollTimer.setInterval(codes ? codePollInterval(*codes) : m_options.pollInterval);
}

bool PaymentSession::canSwitch() const
{
    if (canPayAgain())
        return true;
    if (m_opening || !m_attemptOpen || m_orderEnded || m_orderId == 0 || m_payNo.isEmpty())
        return false;
    // A QR being created may become a trade after we gave it up; the settler closes that
    // as it closes any other. A payment code being charged may be taking the money now,
    // and one being confirmed is the customer's to finish or refuse.
    return m_state == State::Showing || m_state == State::Error ||
           (m_state == State::Creating && m_method == PaymentMethod::Qr);
}

void PaymentSession::switchTo(PaymentProvider &provider, const QString &authCode)
{
    if (!canSwitch())
        return;
    if (!m_attemptOpen)
        return payAgain(provider, authCode);
    PaymentProvider *const previous = m_provider;
    const PaymentMethod previousMethod = m_method;
    const auto previousInterval = m_pollTimer.intervalAsDuration();
    const QString givenUp = m_payNo;
    m_pollTimer.stop();
    m_expiryTimer.stop();
    chooseTender(provider, authCode);
    setState(State::Creating);
    beginLedgerCall();
    m_opening = true;
    m_checkout.switchPayment(
        givenUp, *m_provider, attemptLifetime(), m_options.operatorName, m_method, this,
        [this, previous, previousMethod, previousInterval](Result<Payment> payment) {
            if (payment || m_state != State::Creating)
                return attemptOpened(payment);
            // Nothing was written: the attempt the customer had is still theirs (and if it
            // was paid meanwhile, its paymentChanged moves the screen on).
            m_opening = false;
            finishLedgerCall();
            m_provider = previous;
            m_method = previousMethod;
            m_authCode.clear();
            m_pollTimer.setInterval(previousInterval);
            fail(payment.error().message);
        });
}

std::chrono::milliseconds PaymentSession::codePollInterval(const CodePayments &codes) const
{
    return m_options.codePollInterval.count() > 0 ? m_options.codePollInterval
                                                  : codes.queryInterval();
}

std::chrono::seconds PaymentSession::attemptLifetime() const
{
    CodePayments *codes = m_method == PaymentMethod::Code ? m_provider->codePayments() : nullptr;
    return codes ? codes->confirmWindow() : m_options.lifetime;
}

void PaymentSession::placeOrder()
{
    setState(State::Creating);
    beginLedgerCall();
    m_opening = true;
    m_checkout.charge(m_sale, *m_provider, attemptLifetime(), m_options.operatorName, m_method,
                      this, [this](Result<Charge> charge) {
                          if (charge) {
                              m_orderId = charge->order.id;
                              m_orderNo = charge->order.orderNo;
                              m_amount = charge->order.total;
                              Q_EMIT orderPlaced();
                          }
                          attemptOpened(charge ? Result<Payment>(charge->payment)
                                               : Result<Payment>(charge.error()));
                      });
}

void PaymentSession::openAttempt()
{
    setState(State::Creating);
    beginLedgerCall();
    m_opening = true;
    m_checkout.openPayment(m_orderId, *m_provider, attemptLifetime(), m_options.operatorName,
                           m_method, this,
                           [this](Result<Payment> payment) { attemptOpened(payment); });
}

void PaymentSession::attemptOpened(const Result<Payment> &payment)
{
    m_opening = false;
    finishLedgerCall();
    if (m_state == State::Paid) {
        // A given-up attempt paid the order while this one was being opened: the funnel
        // gave this one up too, and the settler closes it.
        m_authCode.clear();
        return;
    }
    if (m_state == State::Cancelling) {
        // The cashier gave up while the attempt was being opened: what cancel() could not
        // reach then is reached now.
        if (payment)
            m_payNo = payment->payNo;
        if (m_orderId != 0)
            m_checkout.requestCancel(m_orderId, m_options.operatorName);
        m_authCode.clear(); // never charged: the customer was not asked for anything
        handOver();
        return;
    }
    if (!payment) {
        m_authCode.clear();
        return fail(m_orderId == 0
                        ? tr("The order could not be placed: %1").arg(payment.error().message)
                        : payment.error().message);
    }
    m_payNo = payment->payNo;
    m_amount = payment->amount; // what the order's other tenders left, if it has any
    m_attemptOpen = true;
    m_createdAt = payment->createdAt;
    m_expiresAt = payment->expiresAt;
    m_expiryTimer.start(std::max<qint64>(0, m_checkout.now().msecsTo(m_expiresAt)));
    if (m_method == PaymentMethod::Code)
        return requestCodeCharge();
    requestQr();
}

void PaymentSession::requestCodeCharge()
{
    setState(State::Creating);
    const CodeChargeRequest request{
        m_payNo, m_amount, m_options.description.isEmpty() ? m_orderNo : m_options.description,
        std::exchange(m_authCode, QString()), m_createdAt};
    m_provider->codePayments()->chargeByCode(
        request, this, [this](Result<TradeSnapshot> charged) { codeCharged(charged); });
}

void PaymentSession::codeCharged(const Result<TradeSnapshot> &charged)
{
    if (charged) {
        // Applied whatever the screen does now: money may have moved, and the funnel
        // knows what to say about a payment that lands after a cancel.
        m_checkout.apply(m_payNo, charged.value(), Source::Cashier);
        if (m_state != State::Creating)
            return;
        if (outcomeOf(charged->state) != TradeOutcome::Pending)
            return; // the funnel's paymentChanged moves the screen on
        m_checkout.recordCodeWaiting(m_payNo);
        m_waiting = Waiting::Customer;
        setState(State::Confirming);
        m_pollTimer.start();
        return;
    }
    const Error &error = charged.error();
    if (outcomeUnknown(error)) {
        // The provider may have taken the money: ask it until the window ends, then the
        // settler reverses whatever is not paid.
        m_checkout.recordAttemptError(m_payNo, error);
        if (m_state != State::Creating)
            return;
        m_waiting = Waiting::Answer;
        setState(State::Confirming);
        m_pollTimer.start();
        return;
    }
    m_checkout.recordCreateRefused(m_payNo, error);
    m_attemptOpen = false;
    m_expiryTimer.stop();
    if (m_state == State::Creating)
        fail(paymentcodes::refusalText(error));
}

void PaymentSession::requestQr()
{
    setState(State::Creating);
    QrRequest request{m_payNo, m_amount,
                      m_options.description.isEmpty() ? m_orderNo : m_options.description,
                      m_createdAt, m_expiresAt};
    // The answer is waited for even after the counter is done with the session: it says
    // whether a trade exists, and the record must say what the gateway has.
    beginLedgerCall();
    m_provider->createQr(request, this, [this, payNo = m_payNo](Result<QrTicket> ticket) {
        const auto answered = qScopeGuard([this] { finishLedgerCall(); });
        if (payNo != m_payNo) { // given up in a switch: the settler closes what exists
            if (ticket)
                m_checkout.recordQrIssued(payNo, ticket->codeUrl);
            else if (!outcomeUnknown(ticket.error()))
                m_checkout.recordCreateRefused(payNo, ticket.error());
            return;
        }
        if (m_state == State::Cancelling || m_state == State::Expired) {
            // Given up while the QR was on its way: the trade exists and the settler
            // closes it; its QR is recorded all the same.
            if (ticket)
                m_checkout.recordQrIssued(payNo, ticket->codeUrl);
            return;
        }
        if (m_state != State::Creating)
            return; // settled meanwhile
        if (!ticket) {
            const Error &error = ticket.error();
            // A clear refusal means no trade exists; anything else may have created one,
            // so the attempt stays open and a retry re-sends the very same request. If
            // the refusal cannot be stored the attempt stays open too, which is safe: the
            // settler's query finds no trade and closes it.
            if (outcomeUnknown(error)) {
                m_checkout.recordAttemptError(m_payNo, error);
            } else {
                m_checkout.recordCreateRefused(m_payNo, error);
                m_attemptOpen = false;
            }
            return fail(error.message);
        }
        m_codeUrl = ticket->codeUrl;
        setState(State::Showing);
        // Recorded once the QR is on its way to the screen: the attempt is durable since
        // it was opened (CREATING, with its job), and start-up recovery queries such
        // attempts, so the customer never waits for this write.
        m_checkout.recordQrIssued(m_payNo, m_codeUrl);
        m_pollTimer.start();
    });
}

void PaymentSession::retry()
{
    // A payment code is charged once: another try is another code (payAgain).
    if (m_state != State::Error || m_method == PaymentMethod::Code)
        return;
    if (m_orderId == 0)
        return placeOrder();
    if (m_payNo.isEmpty())
        return openAttempt();
    setState(State::Creating);
    beginLedgerCall();
    m_checkout.readPayment(m_payNo, this, [this](Result<std::optional<Payment>> payment) {
        finishLedgerCall();
        if (m_state != State::Creating)
            return;
        if (!payment)
            return fail(payment.error().message);
        if (*payment && (*payment)->isOpen())
            return requestQr(); // same out_trade_no, same parameters: one trade for the provider
        openAttempt();
    });
}

void PaymentSession::cancel()
{
    if (m_state == State::Paid || m_state == State::Cancelling || m_state == State::Expired)
        return;
    m_pollTimer.stop();
    m_expiryTimer.stop();
    setState(State::Cancelling);
    if (m_opening)
        return; // attemptOpened() cancels what is being opened, once it is known
    if (m_orderId != 0)
        m_checkout.requestCancel(m_orderId, m_options.operatorName);
    handOver();
}

void PaymentSession::refresh()
{
    if (m_payNo.isEmpty() ||
        (m_state != State::Showing && m_state != State::Creating && m_state != State::Confirming))
        return;
    m_checkout.readPayment(m_payNo, this, [this](Result<std::optional<Payment>> stored) {
        if (stored && *stored && !(*stored)->isOpen())
            onPaymentChanged((*stored)->payNo, (*stored)->status);
    });
}

void PaymentSession::poll()
{
    if (m_queryInFlight || (m_state != State::Showing && m_state != State::Confirming))
        return;
    m_queryInFlight = true;
    // Another till's listener or settler may have settled it: the provider would then
    // answer what is already stored, and nothing here would change to say so.
    // The pay number is held: the customer may switch to another attempt meanwhile, and
    // an answer about this one must never be taken for the next one's.
    m_checkout.readPayment(
        m_payNo, this, [this, payNo = m_payNo](Result<std::optional<Payment>> stored) {
            if (stored && *stored && !(*stored)->isOpen())
                onPaymentChanged((*stored)->payNo, (*stored)->status);
            if ((m_state != State::Showing && m_state != State::Confirming) || payNo != m_payNo) {
                m_queryInFlight = false;
                return;
            }
            if (stored && *stored && (*stored)->isSuperseded()) {
                // Given up by the funnel: another attempt of the order (one the customer had
                // switched from) was paid, maybe through another till.
                m_checkout.readOrder(m_orderId, this, [this](Result<std::optional<Order>> order) {
                    m_queryInFlight = false;
                    if (order && *order)
                        onOrderChanged((*order)->id, (*order)->status);
                });
                return;
            }
            m_provider->query(payNo, this, [this, payNo](Result<TradeSnapshot> snapshot) {
                m_queryInFlight = false;
                if (!snapshot) {
                    // The next tick asks again; the cashier sees the QR meanwhile.
                    qCWarning(lcSession)
                        << "query of" << payNo << "failed:" << snapshot.error().code
                        << snapshot.error().message;
                    return;
                }
                // A result that cannot be stored now is asked for again at the next tick.
                m_checkout.apply(payNo, snapshot.value(), Source::Poll);
            });
        });
}

void PaymentSession::onPaymentChanged(const QString &payNo, PaymentStatus status)
{
    if (payNo != m_payNo || m_payNo.isEmpty())
        return;
    if (status == PaymentStatus::Success) {
        m_attemptOpen = false;
        m_pollTimer.stop();
        m_expiryTimer.stop();
        setState(State::Paid);
    } else if (status == PaymentStatus::Closed || status == PaymentStatus::Failed) {
        m_attemptOpen = false;
        attemptEnded(status);
    }
}

void PaymentSession::onOrderChanged(qint64 orderId, OrderStatus status)
{
    if (orderId != m_orderId || m_orderId == 0 || status != OrderStatus::Paid || !isLive())
        return;
    orderPaidElsewhere();
}

void PaymentSession::orderPaidElsewhere()
{
    qCInfo(lcSession) << "order" << m_orderNo << "was paid by an attempt given up earlier";
    m_expiryTimer.stop();
    // The funnel gave this attempt up when the order was paid; the settler closes it.
    handOver();
    m_attemptOpen = false;
    m_authCode.clear();
    setState(State::Paid);
}

void PaymentSession::attemptEnded(PaymentStatus status)
{
    const bool pastDeadline = m_checkout.now() >= m_expiresAt;
    if (m_method == PaymentMethod::Code && (m_state == State::Expired || pastDeadline)) {
        // Reversed at the end of the window: nothing was taken, and the order went too.
        m_pollTimer.stop();
        m_expiryTimer.stop();
        m_orderEnded = true;
        return fail(tr("The customer did not confirm in time. The payment was cancelled with "
                       "the provider: nothing was taken."));
    }
    if (m_state != State::Showing && m_state != State::Creating && m_state != State::Confirming)
        return;
    m_pollTimer.stop();
    if (m_method == PaymentMethod::Code) {
        m_expiryTimer.stop();
        return fail(status == PaymentStatus::Failed
                        ? tr("The payment did not go through on the customer's phone (wrong "
                             "password, or cancelled).")
                        : tr("The provider cancelled the payment: nothing was taken."));
    }
    if (pastDeadline) {
        // The settler closed it at the deadline before this screen's own timer fired (a
        // coarse timer may be late): that is an expiry, not an error.
        m_expiryTimer.stop();
        setState(State::Expired);
        return;
    }
    // Nothing is left to expire; the order waits for Retry, another provider or Cancel.
    m_expiryTimer.stop();
    if (m_checkout.now() >= m_expiresAt.addSecs(-kProviderEndsEarlySecs)) {
        // Alipay counts a QR's life in whole minutes, rounded down, and a provider's clock
        // may run ahead of the till's: the trade ended there just before our deadline.
        return fail(tr("The QR expired at the provider shortly before the till's deadline "
                       "(the provider counts a QR's life in whole minutes). Nothing was paid. "
                       "Press Retry for a new QR."));
    }
    fail(tr("The provider closed this QR before its time (the customer may have cancelled on "
            "their phone). Nothing was paid. Press Retry for a new QR."));
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
    m_checkout.scheduleCheck(m_payNo, m_checkout.now());
}

void PaymentSession::deleteWhenIdle()
{
    m_deleteWhenIdle = true;
    if (m_ledgerCalls == 0)
        deleteLater();
}

void PaymentSession::finishLedgerCall()
{
    if (--m_ledgerCalls == 0 && m_deleteWhenIdle)
        deleteLater();
}

void PaymentSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace shouyin
