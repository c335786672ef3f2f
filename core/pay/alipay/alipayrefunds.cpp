// AlipayProvider's refunds: alipay.trade.refund and alipay.trade.fastpay.refund.query.
//
// What this relies on (alipay/alipay-sdk-java-all AlipayTradeRefundResponse and
// AlipayTradeFastpayRefundQueryResponse; the alipay.trade.refund reference's error table):
// - trade.refund answers synchronously. `fund_change` says whether *this* request moved
//   money; `refund_fee` is the trade's total refunded so far ("退款总金额"), never this
//   refund's amount. A repeated out_request_no that was already refunded answers
//   fund_change N, as does a refund Alipay has not finished: either way, query.
// - fastpay.refund.query's code 10000 only says the query worked: a reply carrying the
//   refund (out_request_no, refund_amount) means refunded, one without means not
//   (yet) refunded, and the refund may be sent again with the same out_request_no.
//   refund_status is returned only for asynchronous refunds (REFUND_PROCESSING,
//   REFUND_SUCCESS, REFUND_FAIL); gmt_refund_pay only when asked for in query_options.

#include "alipayprovider.h"
#include "pay/alipay/alipaytime.h"

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcAlipayRefund, "shouyin.pay.alipay.refund")

namespace {

const QString kSuccessCode = u"10000"_s;

Error unbelievable(const QString &message)
{
    return Error{ErrorCode::BadResponse, message};
}

// A reply about another trade or another refund is never believed: the refund is
// queried instead.
std::optional<Error> namesAnother(const QJsonObject &content, const RefundRequest &request)
{
    const QString payNo = content.value(u"out_trade_no"_s).toString();
    if (!payNo.isEmpty() && payNo != request.payNo)
        return unbelievable(AlipayProvider::tr("The gateway answered about another trade."));
    const QString refundNo = content.value(u"out_request_no"_s).toString();
    if (!refundNo.isEmpty() && refundNo != request.refundNo)
        return unbelievable(AlipayProvider::tr("The gateway answered about another refund."));
    return std::nullopt;
}

RefundSnapshot snapshotFor(const RefundRequest &request)
{
    RefundSnapshot snapshot;
    snapshot.refundNo = request.refundNo;
    snapshot.payNo = request.payNo;
    return snapshot;
}

RefundState stateFromRefundStatus(const QString &status)
{
    // Empty: a synchronous refund, which Alipay reports only once it is done.
    if (status.isEmpty() || status == u"REFUND_SUCCESS")
        return RefundState::Success;
    if (status == u"REFUND_PROCESSING")
        return RefundState::Processing;
    if (status == u"REFUND_FAIL")
        return RefundState::Failed;
    return RefundState::Unknown;
}

} // namespace

Result<RefundSnapshot> AlipayProvider::refundAnswer(const QJsonObject &content,
                                                    const RefundRequest &request)
{
    if (content.value(u"code"_s).toString() != kSuccessCode)
        return businessError(content);
    if (auto another = namesAnother(content, request))
        return *another;
    RefundSnapshot snapshot = snapshotFor(request);
    const QString fundChange = content.value(u"fund_change"_s).toString();
    const QString refundFee = content.value(u"refund_fee"_s).toString();
    snapshot.rawState = u"fund_change=%1"_s.arg(fundChange);
    snapshot.providerRefundId = content.value(u"trade_no"_s).toString();
    if (fundChange != u"Y") {
        // Refunded by an earlier request with this number, or not (yet) at all.
        snapshot.state = RefundState::Processing;
        return snapshot;
    }
    snapshot.state = RefundState::Success;
    snapshot.amount = request.refundAmount;
    snapshot.refundedAt = alipaytime::parse(content.value(u"gmt_refund_pay"_s).toString());
    if (!refundFee.isEmpty())
        snapshot.rawState += u" refund_fee=%1"_s.arg(refundFee);
    return snapshot;
}

Result<RefundSnapshot> AlipayProvider::refundQueryAnswer(const QJsonObject &content,
                                                         const RefundRequest &request)
{
    RefundSnapshot snapshot = snapshotFor(request);
    if (content.value(u"code"_s).toString() != kSuccessCode) {
        Error error = businessError(content);
        // No such trade, so no such refund either.
        if (error.is(u"ACQ.TRADE_NOT_EXIST")) {
            snapshot.state = RefundState::NotFound;
            snapshot.rawState = error.providerCode;
            return snapshot;
        }
        return error;
    }
    if (auto another = namesAnother(content, request))
        return *another;
    const QString refundAmount = content.value(u"refund_amount"_s).toString();
    if (content.value(u"out_request_no"_s).toString().isEmpty() || refundAmount.isEmpty()) {
        snapshot.state = RefundState::NotFound;
        snapshot.rawState = u"NO_REFUND_DATA"_s;
        return snapshot;
    }
    const auto amount = parseYuan(refundAmount);
    if (!amount || *amount <= 0)
        return unbelievable(u"refund_amount '%1' is not an amount in yuan"_s.arg(refundAmount));
    const QString status = content.value(u"refund_status"_s).toString();
    snapshot.state = stateFromRefundStatus(status);
    snapshot.rawState = status.isEmpty() ? u"REFUNDED"_s : status;
    snapshot.amount = *amount;
    snapshot.providerRefundId = content.value(u"trade_no"_s).toString();
    snapshot.refundedAt = alipaytime::parse(content.value(u"gmt_refund_pay"_s).toString());
    if (snapshot.state == RefundState::Failed)
        snapshot.failReason = content.value(u"error_code"_s).toString(status);
    return snapshot;
}

void AlipayProvider::refund(const RefundRequest &request, QObject *context, RefundCallback done)
{
    QJsonObject biz{
        {u"out_trade_no"_s, request.payNo},
        {u"refund_amount"_s, formatYuan(request.refundAmount)},
        {u"out_request_no"_s, request.refundNo},
    };
    if (!request.reason.isEmpty())
        biz.insert(u"refund_reason"_s, request.reason);
    qCInfo(lcAlipayRefund) << "trade.refund" << request.refundNo << "of" << request.payNo
                           << formatYuan(request.refundAmount);
    callAnyCode(u"alipay.trade.refund"_s, biz, context, [done, request](Result<QJsonObject> reply) {
        if (!reply)
            return done(reply.error());
        auto answer = refundAnswer(reply.value(), request);
        if (answer)
            qCInfo(lcAlipayRefund) << request.refundNo << answer->rawState;
        else
            qCInfo(lcAlipayRefund) << request.refundNo << answer.error().name();
        done(std::move(answer));
    });
}

void AlipayProvider::queryRefund(const RefundRequest &request, QObject *context,
                                 RefundCallback done)
{
    const QJsonObject biz{
        {u"out_trade_no"_s, request.payNo},
        {u"out_request_no"_s, request.refundNo},
        {u"query_options"_s, QJsonArray{u"gmt_refund_pay"_s}},
    };
    callAnyCode(u"alipay.trade.fastpay.refund.query"_s, biz, context,
                [done, request](Result<QJsonObject> reply) {
                    if (!reply)
                        return done(reply.error());
                    done(refundQueryAnswer(reply.value(), request));
                });
}

Result<RefundSnapshot> AlipayProvider::parseRefundNotification(const HttpRequest &request) const
{
    Q_UNUSED(request);
    return Error{ErrorCode::Unsupported, u"Alipay sends no refund notification"_s};
}

} // namespace shouyin
