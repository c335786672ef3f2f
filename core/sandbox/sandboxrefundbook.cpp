#include "sandboxrefundbook.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

bool holdsMoney(const SandboxRefund &refund)
{
    return refund.state == sandboxRefundState::kSuccess ||
           refund.state == sandboxRefundState::kProcessing;
}

} // namespace

SandboxRefundBook::Verdict SandboxRefundBook::judge(const QString &outRefundNo,
                                                    const QString &outTradeNo, Fen tradeTotal,
                                                    Fen refundFee) const
{
    if (const auto existing = refund(outRefundNo)) {
        // "同一退款单号多次请求只退一笔": the same request again is answered, never redone.
        const bool same = existing->outTradeNo == outTradeNo && existing->refundFee == refundFee;
        return same ? Verdict::Repeat : Verdict::Mismatch;
    }
    if (refundFee <= 0)
        return Verdict::NotPositive;
    if (refundFee > tradeTotal)
        return Verdict::OverTotal;
    const Fen left = tradeTotal - committed(outTradeNo);
    if (left <= 0)
        return Verdict::FullyRefunded;
    if (refundFee > left)
        return Verdict::OverLeft;
    return Verdict::New;
}

int SandboxRefundBook::noteRequest(const QString &outRefundNo)
{
    return ++m_requests[outRefundNo];
}

void SandboxRefundBook::record(const SandboxRefund &refund)
{
    m_refunds.append(refund);
}

bool SandboxRefundBook::settle(const QString &outRefundNo, const QDateTime &at)
{
    for (SandboxRefund &refund : m_refunds) {
        if (refund.outRefundNo != outRefundNo)
            continue;
        if (refund.state != sandboxRefundState::kProcessing)
            return false;
        refund.state = sandboxRefundState::kSuccess;
        // success_time has whole seconds; the book keeps what the wire says.
        const QDateTime utc = at.toUTC();
        refund.settledAt = utc.addMSecs(-utc.time().msec());
        return true;
    }
    return false;
}

QStringList SandboxRefundBook::due(const QDateTime &now) const
{
    QStringList due;
    for (const SandboxRefund &refund : m_refunds) {
        if (refund.state == sandboxRefundState::kProcessing && refund.settlesAt.isValid() &&
            refund.settlesAt <= now)
            due.append(refund.outRefundNo);
    }
    return due;
}

SandboxRefund SandboxRefundBook::withCount(SandboxRefund refund) const
{
    refund.requests = m_requests.value(refund.outRefundNo);
    return refund;
}

SandboxRefund *SandboxRefundBook::find(const QString &outRefundNo)
{
    for (SandboxRefund &refund : m_refunds) {
        if (refund.outRefundNo == outRefundNo)
            return &refund;
    }
    return nullptr;
}

std::optional<SandboxRefund> SandboxRefundBook::refund(const QString &outRefundNo) const
{
    const auto it = std::find_if(m_refunds.cbegin(), m_refunds.cend(), [&](const auto &refund) {
        return refund.outRefundNo == outRefundNo;
    });
    if (it == m_refunds.cend())
        return std::nullopt;
    return withCount(*it);
}

std::optional<SandboxRefund> SandboxRefundBook::refundById(const QString &refundId) const
{
    const auto it = std::find_if(m_refunds.cbegin(), m_refunds.cend(), [&](const auto &refund) {
        return !refundId.isEmpty() && refund.refundId == refundId;
    });
    if (it == m_refunds.cend())
        return std::nullopt;
    return withCount(*it);
}

QList<SandboxRefund> SandboxRefundBook::refunds() const
{
    QList<SandboxRefund> all;
    for (const SandboxRefund &refund : m_refunds)
        all.append(withCount(refund));
    return all;
}

QList<SandboxRefund> SandboxRefundBook::refundsOf(const QString &outTradeNo) const
{
    QList<SandboxRefund> of;
    for (const SandboxRefund &refund : m_refunds) {
        if (refund.outTradeNo == outTradeNo)
            of.append(withCount(refund));
    }
    return of;
}

Fen SandboxRefundBook::committed(const QString &outTradeNo) const
{
    Fen total = 0;
    for (const SandboxRefund &refund : m_refunds) {
        if (refund.outTradeNo == outTradeNo && holdsMoney(refund))
            total += refund.refundFee;
    }
    return total;
}

Fen SandboxRefundBook::refunded(const QString &outTradeNo) const
{
    Fen total = 0;
    for (const SandboxRefund &refund : m_refunds) {
        if (refund.outTradeNo == outTradeNo && refund.state == sandboxRefundState::kSuccess)
            total += refund.refundFee;
    }
    return total;
}

} // namespace shouyin
