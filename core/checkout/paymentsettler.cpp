#include "paymentsettler.h"

#include "checkout/checkout.h"
#include "crypto/securerandom.h"
#include "pay/paymentprovider.h"
#include "store/orderstore.h"

#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcSettler, "shouyin.checkout.settler")

namespace {

constexpr qint64 kMinRetryMs = 5'000;
constexpr qint64 kMaxRetryMs = 60'000;

// Exponential backoff with jitter, so that many tills recovering at once do not knock
// on the provider in step.
qint64 backoffMs(int failures)
{
    const qint64 base = std::min(kMaxRetryMs, kMinRetryMs << std::min(failures, 4));
    const auto jitter = static_cast<unsigned char>(crypto::randomBytes(1).at(0));
    return base / 2 + (base / 2) * jitter / 255;
}

} // namespace

PaymentSettler::PaymentSettler(Checkout &checkout, OrderStore &orders,
                               QHash<QString, PaymentProvider *> providers, QObject *parent)
    : QObject(parent)
    , m_checkout(checkout)
    , m_orders(orders)
    , m_providers(std::move(providers))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PaymentSettler::runDue);
    connect(&m_checkout, &Checkout::checkScheduled, this, [this] { rearm(); });
}

void PaymentSettler::start()
{
    // Start-up recovery: whatever the last run left open is looked at first.
    const QList<Payment> open = m_orders.openPayments();
    if (!open.isEmpty())
        qCInfo(lcSettler) << "recovering" << open.size() << "open payment(s)";
    for (const Payment &payment : open)
        check(payment);
    rearm();
}

void PaymentSettler::rearm()
{
    QDateTime earliest;
    for (const Payment &payment : m_orders.openPayments()) {
        if (m_busy.contains(payment.payNo) || !payment.nextCheckAt.isValid())
            continue;
        earliest = payment.nextCheckAt;
        break; // ordered by next_check_at
    }
    if (!earliest.isValid()) {
        m_timer.stop();
        return;
    }
    const qint64 delay = std::clamp<qint64>(m_checkout.now().msecsTo(earliest), 0, kMaxRetryMs);
    m_timer.start(int(delay));
}

void PaymentSettler::runDue()
{
    const QDateTime now = m_checkout.now();
    for (const Payment &payment : m_orders.openPayments()) {
        if (payment.nextCheckAt.isValid() && payment.nextCheckAt > now)
            break;
        check(payment);
    }
    rearm();
}

void PaymentSettler::check(const Payment &payment)
{
    if (m_busy.contains(payment.payNo))
        return;
    PaymentProvider *provider = m_providers.value(payment.provider);
    if (!provider) {
        qCWarning(lcSettler) << "no provider" << payment.provider << "configured for"
                             << payment.payNo;
        m_checkout.scheduleCheck(payment.payNo, m_checkout.now().addMSecs(kMaxRetryMs));
        return;
    }
    m_busy.insert(payment.payNo);
    provider->query(payment.payNo, this, [this, payment, provider](Result<TradeSnapshot> snapshot) {
        if (!snapshot) {
            m_busy.remove(payment.payNo);
            return retryLater(payment, snapshot.error().code);
        }
        auto applied = m_checkout.apply(payment.payNo, snapshot.value(), Source::Settler);
        const auto current = m_orders.payment(payment.payNo);
        if (!applied || !current) {
            m_busy.remove(payment.payNo);
            return retryLater(payment, applied ? u"payment vanished"_s : applied.error().message);
        }
        if (!current->isOpen()) {
            m_busy.remove(payment.payNo);
            m_failures.remove(payment.payNo);
            Q_EMIT settled(payment.payNo);
            return rearm();
        }
        const auto order = m_orders.order(current->orderId);
        const bool giveUp = m_checkout.now() >= current->expiresAt ||
                            (order && order->status == orderStatus::kCancelling);
        if (!giveUp) {
            // Still on the counter's screen until the deadline: look again then.
            m_busy.remove(payment.payNo);
            m_checkout.scheduleCheck(payment.payNo, current->expiresAt);
            return;
        }
        const QDateTime closeAllowed =
            current->createdAt.addSecs(provider->closeNotBefore().count());
        if (m_checkout.now() < closeAllowed) {
            // The provider refuses early closes: keep polling until the close is allowed.
            m_busy.remove(payment.payNo);
            m_checkout.scheduleCheck(
                payment.payNo, std::min(closeAllowed, m_checkout.now().addMSecs(kMinRetryMs * 2)));
            return;
        }
        closeAndConfirm(*current, *provider);
    });
}

void PaymentSettler::closeAndConfirm(const Payment &payment, PaymentProvider &provider)
{
    provider.close(payment.payNo, this, [this, payment, &provider](Result<CloseResult> closed) {
        if (!closed) {
            m_busy.remove(payment.payNo);
            return retryLater(payment, closed.error().code);
        }
        // Never cancel on the close's word alone: query and apply what the provider says.
        provider.query(payment.payNo, this, [this, payment](Result<TradeSnapshot> snapshot) {
            m_busy.remove(payment.payNo);
            if (!snapshot)
                return retryLater(payment, snapshot.error().code);
            TradeSnapshot observed = snapshot.value();
            // A closed trade the provider no longer knows can never be paid.
            if (observed.state == TradeState::NotFound)
                observed.state = TradeState::Closed;
            auto applied = m_checkout.apply(payment.payNo, observed, Source::Close);
            const auto current = m_orders.payment(payment.payNo);
            if (applied && current && !current->isOpen()) {
                m_failures.remove(payment.payNo);
                Q_EMIT settled(payment.payNo);
                return rearm();
            }
            retryLater(payment, applied ? observed.rawState : applied.error().message);
        });
    });
}

void PaymentSettler::retryLater(const Payment &payment, const QString &why)
{
    const int failures = ++m_failures[payment.payNo];
    const qint64 delay = backoffMs(failures);
    qCInfo(lcSettler) << "payment" << payment.payNo << "unsettled (" << why << "), again in"
                      << delay << "ms";
    m_checkout.scheduleCheck(payment.payNo, m_checkout.now().addMSecs(delay));
}

} // namespace shouyin
