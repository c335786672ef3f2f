#include "displaytext.h"

#include "pay/providerregistry.h"

using namespace Qt::StringLiterals;

namespace shouyin {

QString DisplayText::orderStatus(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::Paid:
        return tr("Paid");
    case HistoryStatus::AwaitingPayment:
        return tr("Awaiting payment");
    case HistoryStatus::Cancelling:
        return tr("Cancelling");
    case HistoryStatus::Cancelled:
        return tr("Cancelled");
    case HistoryStatus::Expired:
        return tr("Expired");
    }
    return QString(sqlText(status));
}

QString DisplayText::paymentStatus(PaymentStatus status)
{
    switch (status) {
    case PaymentStatus::Creating:
        return tr("Creating");
    case PaymentStatus::Pending:
        return tr("Waiting for the customer");
    case PaymentStatus::Success:
        return tr("Paid");
    case PaymentStatus::Closed:
        return tr("Closed");
    case PaymentStatus::Failed:
        return tr("Failed");
    }
    return QString(sqlText(status));
}

QString DisplayText::refundStatus(RefundStatus status)
{
    switch (status) {
    case RefundStatus::Requested:
        return tr("Requested");
    case RefundStatus::Processing:
        return tr("Processing at the provider");
    case RefundStatus::Refunded:
        return tr("Refunded");
    case RefundStatus::Failed:
        return tr("Refund failed");
    }
    return QString(sqlText(status));
}

QString DisplayText::stockAction(StockAction action)
{
    switch (action) {
    case StockAction::Restock:
        return tr("Back on the shelf");
    case StockAction::Damaged:
        return tr("Damaged, written off");
    case StockAction::None:
        return tr("No goods");
    }
    return QString(sqlText(action));
}

QString DisplayText::storedStatus(const QString &sqlText)
{
    if (const auto order = orderStatusFromSql(sqlText))
        return orderStatus(historyStatusOf(*order));
    if (const auto payment = paymentStatusFromSql(sqlText))
        return paymentStatus(*payment);
    if (const auto refund = refundStatusFromSql(sqlText))
        return refundStatus(*refund);
    return sqlText;
}

QString DisplayText::provider(const QString &provider)
{
    if (const ProviderKind *kind = ProviderRegistry::kind(provider))
        return QCoreApplication::translate("DisplayText", kind->displayName);
    if (provider == kCashProvider)
        return tr("Cash");
    if (provider.isEmpty())
        return tr("—");
    return provider;
}

QString DisplayText::providerApp(const QString &provider)
{
    if (const ProviderKind *kind = ProviderRegistry::kind(provider))
        return QCoreApplication::translate("DisplayText", kind->appName);
    return DisplayText::provider(provider);
}

QString DisplayText::alertKind(const QString &kind)
{
    if (kind == u"alert_mismatch")
        return tr("Amount or merchant mismatch");
    if (kind == u"alert_paid_after_cancel")
        return tr("Paid after cancel");
    if (kind == u"alert_paid_after_close")
        return tr("Paid after close");
    if (kind == u"alert_double_payment")
        return tr("Paid twice");
    if (kind == u"alert_unknown_payment")
        return tr("Unknown payment");
    if (kind == u"alert_bad_notification")
        return tr("Bad notification");
    if (kind == u"alert_reverse_blocked")
        return tr("A payment code cannot be cancelled");
    if (kind == u"alert_refund_mismatch")
        return tr("Refund result does not match");
    if (kind == u"alert_cash_to_return")
        return tr("Cash to give back to the customer");
    return kind;
}

QString DisplayText::eventKind(const QString &kind)
{
    if (kind.startsWith(u"alert_"))
        return tr("ALERT: %1").arg(alertKind(kind));
    if (kind == u"order_created")
        return tr("Order created");
    if (kind == u"order_paid")
        return tr("Order paid");
    if (kind == u"order_cancelled")
        return tr("Order cancelled");
    if (kind == u"cancel_requested")
        return tr("Cancel requested");
    if (kind == u"payment_created")
        return tr("Payment started");
    if (kind == u"payment_paid")
        return tr("Payment received");
    if (kind == u"payment_closed")
        return tr("Payment closed");
    if (kind == u"qr_issued")
        return tr("QR code shown");
    if (kind == u"code_waiting")
        return tr("Waiting for the customer's password");
    if (kind == u"create_refused")
        return tr("Provider refused the payment");
    if (kind == u"attempt_error")
        return tr("Error, outcome unknown");
    if (kind == u"recovery_checked")
        return tr("Checked at start-up");
    if (kind == u"return_recorded")
        return tr("Goods returned");
    if (kind == u"refund_requested")
        return tr("Refund requested");
    if (kind == u"cash_refunded")
        return tr("Cash refunded from the drawer");
    if (kind == u"refund_processing")
        return tr("Refund accepted by the provider");
    if (kind == u"refund_succeeded")
        return tr("Refunded");
    if (kind == u"refund_failed")
        return tr("Refund failed");
    if (kind == u"cash_taken")
        return tr("Cash taken");
    if (kind == u"cash_returned")
        return tr("Cash given back");
    if (kind == u"payment_superseded")
        return tr("Payment given up for another");
    return kind;
}

QString DisplayText::dateTime(const QDateTime &at, const QTimeZone &zone)
{
    return at.isValid() ? at.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

QString DisplayText::time(const QDateTime &at, const QTimeZone &zone)
{
    return at.isValid() ? at.toTimeZone(zone).toString(u"HH:mm:ss"_s) : QString();
}

} // namespace shouyin
