// RefundBook's funnel: what providers say about refunds, and the reads.

#include "checkout/checkout.h"
#include "checkout/ledgerrows.h"
#include "refundbook.h"
#include "schedule/jobqueue.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_DECLARE_LOGGING_CATEGORY(lcRefunds)

using ledger::json;

namespace {

// How soon a refund the provider is still processing is asked about again.
constexpr qint64 kFirstQueryMs = 10'000;
constexpr qint64 kMaxQueryMs = 10 * 60'000;

// A refund result that disagrees with what we asked for is never applied: a refund
// notification carries no signature, so every field it has is checked.
QString mismatch(const Refund &refund, const RefundSnapshot &snapshot)
{
    if (!snapshot.refundNo.isEmpty() && snapshot.refundNo != refund.refundNo)
        return u"refund %1 answered for %2"_s.arg(snapshot.refundNo, refund.refundNo);
    if (!snapshot.payNo.isEmpty() && snapshot.payNo != refund.payNo)
        return u"trade %1, expected %2"_s.arg(snapshot.payNo, refund.payNo);
    if (snapshot.state == RefundState::Success && snapshot.amount < 0)
        return u"a refunded result without an amount"_s;
    if (snapshot.amount >= 0 && snapshot.amount != refund.amount)
        return u"amount %1 fen, expected %2 fen"_s.arg(snapshot.amount).arg(refund.amount);
    return {};
}

std::optional<RefundStatus> targetOf(RefundState state)
{
    switch (state) {
    case RefundState::Processing:
        return RefundStatus::Processing;
    case RefundState::Success:
        return RefundStatus::Refunded;
    case RefundState::Failed:
        return RefundStatus::Failed;
    case RefundState::NotFound:
    case RefundState::Unknown:
        break;
    }
    return std::nullopt;
}

QString eventKindFor(RefundStatus status)
{
    switch (status) {
    case RefundStatus::Processing:
        return u"refund_processing"_s;
    case RefundStatus::Refunded:
        return u"refund_succeeded"_s;
    case RefundStatus::Failed:
        return u"refund_failed"_s;
    case RefundStatus::Requested:
        break;
    }
    return u"refund_requested"_s;
}

qint64 queryDelayMs(int attempts)
{
    return std::min(kMaxQueryMs, kFirstQueryMs << std::min(attempts, 6));
}

} // namespace

Result<ApplyResult> RefundBook::apply(const QString &refundNo, const RefundSnapshot &snapshot,
                                      Source source)
{
    const QDateTime now = m_clock.now();
    SqlWriter sql(m_database);
    ApplyResult result = ApplyResult::NoChange;
    Refund changed;
    QString alert;
    Status status = m_database.transaction([&]() -> Status {
        result = ApplyResult::NoChange;
        alert.clear();
        auto loaded = refundrows::loadRefund(sql, refundNo);
        if (!loaded)
            return loaded.error();
        if (!*loaded)
            return Error{ErrorCode::UnknownRefund, tr("There is no refund %1.").arg(refundNo)};
        Refund refund = **loaded;
        const QString wrong = mismatch(refund, snapshot);
        const auto target = targetOf(snapshot.state);
        if (wrong.isEmpty() && (!target || *target == refund.status || !refund.isOpen()))
            return success(); // nothing new, or a repeat of what is known
        if (!wrong.isEmpty()) {
            result = ApplyResult::Refused;
            alert = wrong;
            return sql.event(now, {refund.orderId,
                                   refund.paymentId,
                                   u"alert_refund_mismatch"_s,
                                   sourceName(source),
                                   {},
                                   {},
                                   {},
                                   json({{u"refund_no"_s, refundNo},
                                         {u"problem"_s, wrong},
                                         {u"provider_state"_s, snapshot.rawState}})});
        }
        const RefundStatus from = refund.status;
        refund.status = *target;
        refund.updatedAt = now;
        if (!snapshot.providerRefundId.isEmpty())
            refund.providerRefundId = snapshot.providerRefundId;
        if (refund.status == RefundStatus::Refunded)
            refund.refundedAt = snapshot.refundedAt.isValid() ? snapshot.refundedAt : now;
        if (refund.status == RefundStatus::Failed)
            refund.lastError =
                snapshot.failReason.isEmpty() ? snapshot.rawState : snapshot.failReason;
        auto updated = sql.exec(
            u"UPDATE refunds SET status = ?, provider_refund_id = ?, refunded_at = ?, "
            "last_error = ?, updated_at = ? WHERE id = ? AND status = ?"_s,
            {QString(sqlText(refund.status)), SqlWriter::textOrNull(refund.providerRefundId),
             SqlWriter::time(refund.refundedAt), SqlWriter::textOrNull(refund.lastError),
             SqlWriter::time(now), refund.id, QString(sqlText(from))});
        if (!updated)
            return updated.error();
        if (*updated != 1)
            return Error{ErrorCode::StoreConflict, u"refund %1 changed meanwhile"_s.arg(refundNo)};
        if (auto logged = sql.event(now, {refund.orderId,
                                          refund.paymentId,
                                          eventKindFor(refund.status),
                                          sourceName(source),
                                          {},
                                          QString(sqlText(from)),
                                          QString(sqlText(refund.status)),
                                          json({{u"refund_no"_s, refundNo},
                                                {u"amount_fen"_s, refund.amount},
                                                {u"provider_state"_s, snapshot.rawState},
                                                {u"provider_refund_id"_s, refund.providerRefundId},
                                                {u"reason"_s, refund.lastError}})});
            !logged)
            return logged;
        // The next step is stored with the state: a query while the provider works on
        // it, nothing once it is final.
        Status next = refund.isOpen() ? m_jobs.schedule(QString(refundJobKind::kQuery), refundNo,
                                                        now.addMSecs(queryDelayMs(0)))
                                      : m_jobs.complete(refundNo);
        if (!next)
            return next;
        result = ApplyResult::Applied;
        changed = refund;
        return success();
    });
    if (!status)
        return status.error();
    if (result == ApplyResult::Refused) {
        qCWarning(lcRefunds) << "refund" << refundNo << "result refused:" << alert;
        Q_EMIT alertRaised(changed.orderId, u"alert_refund_mismatch"_s, alert);
    } else if (result == ApplyResult::Applied) {
        qCInfo(lcRefunds) << "refund" << refundNo << "now" << sqlText(changed.status) << "("
                          << sourceName(source) << ")";
        Q_EMIT refundChanged(changed.orderId, refundNo, changed.status);
    }
    return result;
}

Status RefundBook::recordRefused(const QString &refundNo, const Error &error, Source source)
{
    RefundSnapshot refused;
    refused.refundNo = refundNo;
    refused.state = RefundState::Failed;
    refused.rawState = error.name();
    refused.failReason = u"%1: %2"_s.arg(error.name(), error.message);
    auto applied = apply(refundNo, refused, source);
    if (!applied)
        return applied.error();
    return success();
}

Status RefundBook::recordSendError(const QString &refundNo, const Error &error,
                                   const QDateTime &retryAt, int attempts)
{
    SqlWriter sql(m_database);
    return m_database.transaction([&]() -> Status {
        auto kept = sql.exec(u"UPDATE refunds SET last_error = ?, updated_at = ? "
                             "WHERE refund_no = ? AND status = 'REQUESTED'"_s,
                             {u"%1: %2"_s.arg(error.name(), error.message),
                              SqlWriter::time(m_clock.now()), refundNo});
        if (!kept)
            return kept.error();
        return m_jobs.schedule(QString(refundJobKind::kSend), refundNo, retryAt, attempts);
    });
}

Result<std::optional<Refund>> RefundBook::readRefund(const QString &refundNo) const
{
    SqlWriter sql(m_database);
    return refundrows::loadRefund(sql, refundNo);
}

Result<QList<Refund>> RefundBook::openRefunds(const QString &terminalId) const
{
    SqlWriter sql(m_database);
    return refundrows::loadOpenRefunds(sql, terminalId);
}

Result<QList<ReturnRecord>> RefundBook::returns(qint64 orderId) const
{
    SqlWriter sql(m_database);
    return refundrows::loadReturns(sql, orderId);
}

} // namespace shouyin
