// WechatV3Provider's refunds: refund/domestic/refunds, its query by out_refund_no, and
// the refund notification (signed like a reply, its resource encrypted with the API v3
// key).

#include "pay/wechat/wechattext.h"
#include "wechatv3provider.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcWechatV3Refund, "shouyin.pay.wechatv3.refund")

namespace {

// The gateway refuses a reason over 80 bytes.
constexpr qsizetype kMaxReasonBytes = 80;

Error unbelievable(const QString &message)
{
    return Error{ErrorCode::BadResponse, message};
}

} // namespace

RefundSnapshot WechatV3Provider::refundSnapshotFrom(const QJsonObject &refund)
{
    RefundSnapshot snapshot;
    snapshot.refundNo = refund.value(u"out_refund_no"_s).toString();
    snapshot.payNo = refund.value(u"out_trade_no"_s).toString();
    // A reply and a query say `status`; a notification says `refund_status`.
    snapshot.rawState =
        refund.value(u"status"_s).toString(refund.value(u"refund_status"_s).toString());
    const QString &word = snapshot.rawState;
    if (word == u"SUCCESS") {
        snapshot.state = RefundState::Success;
    } else if (word == u"PROCESSING") {
        snapshot.state = RefundState::Processing;
    } else if (word == u"CLOSED") {
        snapshot.state = RefundState::Failed;
        snapshot.failReason = tr("WeChat Pay closed the refund: no money went back. Refund "
                                 "again with a new number.");
    } else if (word == u"ABNORMAL") {
        // The money left the merchant but the customer's card or account refused it.
        snapshot.state = RefundState::Failed;
        snapshot.failReason =
            tr("The refund went to an abnormal account (a closed or frozen card): a manager must "
               "settle it on the WeChat Pay merchant platform.");
    } else {
        snapshot.state = RefundState::Unknown;
    }
    snapshot.amount = fenFrom(refund.value(u"amount"_s).toObject().value(u"refund"_s)).value_or(-1);
    snapshot.providerRefundId = refund.value(u"refund_id"_s).toString();
    snapshot.refundedAt = fromRfc3339(refund.value(u"success_time"_s).toString());
    return snapshot;
}

namespace {

// A refund as a reply or a query tells it, checked against the request before anything
// in it counts.
Result<RefundSnapshot> refundAnswer(const QJsonObject &refund, const RefundRequest &request)
{
    RefundSnapshot snapshot = WechatV3Provider::refundSnapshotFrom(refund);
    if (snapshot.refundNo != request.refundNo)
        return unbelievable(WechatV3Provider::tr("The gateway answered about another refund."));
    if (!snapshot.payNo.isEmpty() && snapshot.payNo != request.payNo)
        return unbelievable(WechatV3Provider::tr("The gateway answered about another trade."));
    if (snapshot.amount < 0)
        return unbelievable(u"the gateway's refund has no amount.refund in fen"_s);
    // Another amount under our number is not our refund, whatever its state.
    if (request.refundAmount > 0 && snapshot.amount != request.refundAmount)
        return unbelievable(
            u"the gateway's amount.refund %1 is not the %2 asked"_s.arg(snapshot.amount)
                .arg(request.refundAmount));
    if (snapshot.providerRefundId.isEmpty())
        return unbelievable(u"the gateway's refund has no refund_id"_s);
    if (snapshot.rawState.isEmpty())
        return unbelievable(u"the gateway's refund has no status"_s);
    if (refund.contains(u"success_time"_s) && !snapshot.refundedAt.isValid())
        return unbelievable(u"the gateway's refund success_time is not an RFC 3339 time"_s);
    snapshot.payNo = request.payNo;
    return snapshot;
}

} // namespace

void WechatV3Provider::refund(const RefundRequest &request, QObject *context, RefundCallback done)
{
    QJsonObject body{
        {u"out_trade_no"_s, request.payNo},
        {u"out_refund_no"_s, request.refundNo},
        {u"amount"_s, QJsonObject{{u"refund"_s, request.refundAmount},
                                  {u"total"_s, request.paymentAmount},
                                  {u"currency"_s, u"CNY"_s}}},
    };
    if (const QString reason = wechattext::truncatedUtf8(request.reason, kMaxReasonBytes);
        !reason.isEmpty())
        body.insert(u"reason"_s, reason);
    if (!m_config.refundNotifyUrl.isEmpty())
        body.insert(u"notify_url"_s, m_config.refundNotifyUrl);
    qCInfo(lcWechatV3Refund) << "refund" << request.refundNo << "of" << request.payNo
                             << request.refundAmount << "of" << request.paymentAmount;
    // 400 NOT_ENOUGH, INVALID_REQUEST, 404 RESOURCE_NOT_EXISTS: refused, nothing refunded;
    // 429 FREQUENCY_LIMITED and 5xx: outcomeUnknown() holds, the same number goes again.
    call("POST", u"/v3/refund/domestic/refunds"_s, body, context,
         [done, request](Result<Reply> reply) {
             if (!reply)
                 return done(reply.error());
             auto snapshot = refundAnswer(reply->json, request);
             // Accepted is not refunded: a word this code does not know is still accepted.
             if (snapshot && snapshot->state == RefundState::Unknown)
                 snapshot.value().state = RefundState::Processing;
             done(std::move(snapshot));
         });
}

void WechatV3Provider::queryRefund(const RefundRequest &request, QObject *context,
                                   RefundCallback done)
{
    call("GET", u"/v3/refund/domestic/refunds/%1"_s.arg(pathSegment(request.refundNo)), {}, context,
         [done, request](Result<Reply> reply) {
             if (!reply && reply.error().is(u"RESOURCE_NOT_EXISTS")) {
                 RefundSnapshot missing;
                 missing.refundNo = request.refundNo;
                 missing.payNo = request.payNo;
                 missing.state = RefundState::NotFound;
                 missing.rawState = u"RESOURCE_NOT_EXISTS"_s;
                 return done(missing);
             }
             if (!reply)
                 return done(reply.error());
             done(refundAnswer(reply->json, request));
         });
}

Result<RefundSnapshot> WechatV3Provider::parseRefundNotification(const HttpRequest &request) const
{
    auto refund = openNotification(request, "refund"_L1);
    if (!refund)
        return refund.error();
    if (refund->value(u"mchid"_s).toString() != m_config.merchantId())
        return Error{ErrorCode::WrongMerchant, u"the refund notification names another merchant"_s};
    RefundSnapshot snapshot = refundSnapshotFrom(refund.value());
    if (snapshot.refundNo.isEmpty())
        return unbelievable(u"the refund notification has no out_refund_no"_s);
    if (snapshot.rawState.isEmpty())
        return unbelievable(u"the refund notification has no refund_status"_s);
    if (snapshot.amount < 0)
        return unbelievable(u"the refund notification's amount.refund is not a count of fen"_s);
    if (refund->contains(u"success_time"_s) && !snapshot.refundedAt.isValid())
        return unbelievable(u"the refund notification's success_time is not an RFC 3339 time"_s);
    return snapshot;
}

} // namespace shouyin
