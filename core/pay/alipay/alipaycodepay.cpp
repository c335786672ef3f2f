// AlipayProvider's payment codes: alipay.trade.pay (scene bar_code) and .cancel.

#include "alipayprovider.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcAlipayCodePay, "shouyin.pay.alipay.code")

namespace {

const QString kPaid = u"10000"_s;
const QString kWaitingForBuyer = u"10003"_s;

Error unbelievable(const QString &message)
{
    return Error{ErrorCode::BadResponse, message};
}

// A verified trade.pay reply, checked against what was asked before anything in it
// counts: a reply about another trade or amount is never believed (the trade is queried
// instead).
Result<TradeSnapshot> payAnswer(const QJsonObject &content, const QString &payNo, Fen amount)
{
    const QString code = content.value(u"code"_s).toString();
    if (code != kPaid && code != kWaitingForBuyer)
        return AlipayProvider::businessError(content);
    const bool paid = code == kPaid;
    const QString repliedPayNo = content.value(u"out_trade_no"_s).toString();
    if ((paid && repliedPayNo.isEmpty()) || (!repliedPayNo.isEmpty() && repliedPayNo != payNo))
        return unbelievable(AlipayProvider::tr("The gateway answered about another trade."));
    const QString totalAmount = content.value(u"total_amount"_s).toString();
    const QString tradeNo = content.value(u"trade_no"_s).toString();
    if (paid && (totalAmount.isEmpty() || tradeNo.isEmpty()))
        return unbelievable(u"the gateway's payment lacks total_amount or trade_no"_s);
    auto snapshot = AlipayProvider::snapshotFrom(
        payNo, paid ? u"TRADE_SUCCESS"_s : u"WAIT_BUYER_PAY"_s, totalAmount, tradeNo,
        content.value(u"gmt_payment"_s).toString());
    if (!snapshot)
        return snapshot;
    TradeSnapshot answer = std::move(snapshot).value();
    if (!totalAmount.isEmpty() && answer.amount != amount)
        return unbelievable(u"the gateway's total_amount %1 is not the %2 charged"_s.arg(
            totalAmount, formatYuan(amount)));
    // Unlike stateFrom()'s reading of a query, a code trade waiting for its buyer is the
    // customer confirming on the phone.
    if (!paid)
        answer.state = TradeState::UserPaying;
    return answer;
}

Result<ReverseAnswer> cancelAnswer(const QJsonObject &content, const QString &payNo)
{
    const bool again = content.value(u"retry_flag"_s).toString() == u"Y";
    if (content.value(u"code"_s).toString() == kPaid) {
        const QString repliedPayNo = content.value(u"out_trade_no"_s).toString();
        if (!repliedPayNo.isEmpty() && repliedPayNo != payNo)
            return unbelievable(AlipayProvider::tr("The gateway answered about another trade."));
        const QString action = content.value(u"action"_s).toString();
        return ReverseAnswer{again, action.isEmpty() ? u"cancelled"_s : action};
    }
    Error error = AlipayProvider::businessError(content);
    if (again)
        return ReverseAnswer{true, error.providerCode};
    // Never created, so nothing was taken: there is nothing to give back.
    if (error.is(u"ACQ.TRADE_NOT_EXIST"))
        return ReverseAnswer{false, error.providerCode};
    return error;
}

} // namespace

bool AlipayProvider::ownsCode(QStringView code) const
{
    return codeMatches(code, 16, 24, 25, 30);
}

void AlipayProvider::chargeByCode(const CodeChargeRequest &request, QObject *context,
                                  ChargeCallback done)
{
    const QJsonObject biz{
        {u"out_trade_no"_s, request.payNo},
        {u"scene"_s, u"bar_code"_s},
        {u"auth_code"_s, request.authCode},
        {u"subject"_s, request.description.left(kMaxSubjectChars)},
        {u"total_amount"_s, formatYuan(request.amount)},
    };
    qCInfo(lcAlipayCodePay) << "trade.pay" << request.payNo << "code" << codeTail(request.authCode);
    // Only what the answer is checked against goes into the handler: never the code.
    callAnyCode(
        u"alipay.trade.pay"_s, biz, context,
        [this, done, payNo = request.payNo, amount = request.amount](Result<QJsonObject> reply) {
            if (!reply)
                return done(reply.error());
            auto answer = payAnswer(reply.value(), payNo, amount);
            // The reply names no app or seller: it answers this app's signed
            // request, signed with the Alipay key configured for this app.
            if (answer && answer->state == TradeState::Success) {
                TradeSnapshot paid = std::move(answer).value();
                paid.appId = appId();
                paid.merchantId = merchantId();
                return done(paid);
            }
            done(std::move(answer));
        });
}

void AlipayProvider::reverse(const QString &payNo, QObject *context, ReverseCallback done)
{
    callAnyCode(u"alipay.trade.cancel"_s, {{u"out_trade_no"_s, payNo}}, context,
                [done, payNo](Result<QJsonObject> reply) {
                    if (!reply)
                        return done(reply.error());
                    done(cancelAnswer(reply.value(), payNo));
                });
}

} // namespace shouyin
