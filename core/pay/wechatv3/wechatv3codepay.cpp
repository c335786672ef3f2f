// WechatV3Provider's payment codes: transactions/codepay and its reverse.

#include "pay/wechat/wechattext.h"
#include "wechatv3provider.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcWechatV3CodePay, "shouyin.pay.wechatv3.code")

namespace {

Error unbelievable(const QString &message)
{
    return Error{ErrorCode::BadResponse, message};
}

Result<ReverseAnswer> reverseAnswer(const Result<QJsonObject> &reply)
{
    if (!reply) {
        // Never created, so nothing was taken: there is nothing to give back.
        if (reply.error().is(u"ORDER_NOT_EXIST"))
            return ReverseAnswer{false, u"ORDER_NOT_EXIST"_s};
        return reply.error();
    }
    const QString recall = reply->value(u"recall"_s).toString();
    if (recall == u"Y")
        return ReverseAnswer{true, u"recall"_s};
    if (recall == u"N")
        return ReverseAnswer{false, u"reversed"_s};
    return unbelievable(u"the gateway's reverse answer has no recall Y or N"_s);
}

} // namespace

bool WechatV3Provider::ownsCode(QStringView code) const
{
    return codeMatches(code, 18, 18, 10, 15);
}

void WechatV3Provider::chargeByCode(const CodeChargeRequest &request, QObject *context,
                                    ChargeCallback done)
{
    const QJsonObject body{
        {u"appid"_s, m_config.appId},
        {u"mchid"_s, m_config.merchantId()},
        {u"description"_s, wechattext::truncatedUtf8(request.description, kMaxDescriptionBytes)},
        {u"out_trade_no"_s, request.payNo},
        {u"payer"_s, QJsonObject{{u"auth_code"_s, request.authCode}}},
        {u"amount"_s, QJsonObject{{u"total"_s, request.amount}, {u"currency"_s, u"CNY"_s}}},
    };
    qCInfo(lcWechatV3CodePay) << "codepay" << request.payNo << "code" << codeTail(request.authCode);
    // Only what the answer is checked against goes into the handler: never the code.
    call("POST", u"/v3/pay/transactions/codepay"_s, body, context,
         [this, done, payNo = request.payNo, amount = request.amount](Result<Reply> reply) {
             if (!reply)
                 return done(reply.error());
             // 202: the customer is asked for a password; the trade is queried until paid.
             if (reply->status == 202) {
                 TradeSnapshot waiting;
                 waiting.payNo = payNo;
                 waiting.state = TradeState::UserPaying;
                 waiting.rawState = u"USERPAYING"_s;
                 return done(waiting);
             }
             // A reply about another trade or amount is never believed (the trade is
             // queried instead).
             auto paid = believedTransaction(reply->json);
             if (!paid)
                 return done(paid.error());
             if (paid->payNo != payNo)
                 return done(unbelievable(tr("The gateway answered about another trade.")));
             if (paid->amount != amount)
                 return done(unbelievable(
                     u"the gateway's amount.total %1 is not the %2 charged"_s.arg(paid->amount)
                         .arg(amount)));
             if (paid->state == TradeState::Success && paid->transactionId.isEmpty())
                 return done(unbelievable(u"the gateway's payment lacks a transaction_id"_s));
             done(std::move(paid));
         });
}

void WechatV3Provider::reverse(const QString &payNo, QObject *context, ReverseCallback done)
{
    const QString path = u"/v3/pay/transactions/out-trade-no/%1/reverse"_s.arg(pathSegment(payNo));
    const QJsonObject body{{u"mchid"_s, m_config.merchantId()}, {u"appid"_s, m_config.appId}};
    qCInfo(lcWechatV3CodePay) << "reverse" << payNo;
    call("POST", path, body, context, [done](Result<Reply> reply) {
        done(reverseAnswer(reply ? Result<QJsonObject>(reply->json)
                                 : Result<QJsonObject>(reply.error())));
    });
}

} // namespace shouyin
