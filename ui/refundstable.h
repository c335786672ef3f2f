#pragma once

#include "refund/refundrecords.h"

#include <QTableWidget>
#include <QTimeZone>

#include <functional>

namespace shouyin {

// An order's earlier returns, one row for each refund: when, what came back, the tender,
// the amount, its state (failed: why), who approved it and why it came back. A refund
// that failed before its provider ever accepted it may be sent again: a row that
// `mayRetry` accepts has a "Send again" button.
class RefundsTable : public QTableWidget
{
    Q_OBJECT
public:
    RefundsTable(QTimeZone zone, QWidget *parent = nullptr);

    using RetryFilter = std::function<bool(const Refund &)>;
    // No filter: no row may be sent again.
    void setReturns(const QList<ReturnRecord> &returns, const RetryFilter &mayRetry = {});
    // Rows, as tall as they are up to `maxRows`, then it scrolls.
    void fitRows(int maxRows);

    // What the core sends again: a refund that failed before its provider accepted it.
    static bool canRetry(const Refund &refund)
    {
        return refund.status == RefundStatus::Failed && refund.providerRefundId.isEmpty();
    }

Q_SIGNALS:
    void retryRequested(const QString &refundNo);

private:
    QTimeZone m_zone;
};

} // namespace shouyin
