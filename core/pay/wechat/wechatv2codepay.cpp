// WechatV2Provider's payment codes: pay/micropay and secapi/pay/reverse.

#include "pay/wechat/wechattext.h"
#include "wechatv2provider.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcWechatCodePay, "shouyin.pay.wechat.code")

namespace {

Error unbelievable(const QString &message)
{
    return Error{ErrorCode::BadResponse, message};
}

// A signed micropay reply, checked against what was asked before anything in it counts: a
// reply about another trade or amount is never believed (the trade is queried instead).
Result<TradeSnapshot> chargeAnswer(const Params &message, const QString &payNo, Fen amount)
{
    const QString repliedPayNo = message.value(u"out_trade_no"_s);
    // A FAIL reply may leave out_trade_no out; naming another trade, it is not ours.
    if (!repliedPayNo.isEmpty() && repliedPayNo != payNo)
        return unbelievable(WechatV2Provider::tr("The gateway answered about another trade."));
    const QString fee = message.value(u"total_fee"_s);
    if (!fee.isEmpty() && parseFen(fee) != amount)
        return unbelievable(
            u"the gateway's total_fee %1 is not the %2 charged"_s.arg(fee).arg(amount));

    if (message.value(u"result_code"_s) == u"SUCCESS") {
        if (repliedPayNo.isEmpty() || fee.isEmpty() || message.value(u"transaction_id"_s).isEmpty())
            return unbelievable(
                u"the gateway's payment lacks out_trade_no, total_fee or transaction_id"_s);
        TradeSnapshot paid = WechatV2Provider::snapshotFrom(message);
        // A micropay reply has no trade_state: its result_code is the outcome.
        paid.state = TradeState::Success;
        paid.rawState = u"SUCCESS"_s;
        return paid;
    }
    const QString code = message.value(u"err_code"_s, u"FAIL"_s);
    if (code != u"USERPAYING")
        return Error::provider(code, message.value(u"err_code_des"_s, code));
    TradeSnapshot waiting = WechatV2Provider::snapshotFrom(message);
    waiting.payNo = payNo;
    waiting.state = TradeState::UserPaying;
    waiting.rawState = code;
    return waiting;
}

Result<ReverseAnswer> reverseAnswer(const Params &message)
{
    const QString code = message.value(u"err_code"_s);
    // Whatever the result, recall=Y says the reverse is not finished: call it again.
    if (message.value(u"recall"_s) == u"Y")
        return ReverseAnswer{true, code.isEmpty() ? u"recall"_s : code};
    if (message.value(u"result_code"_s) == u"SUCCESS")
        return ReverseAnswer{false, u"reversed"_s};
    // Never created, so nothing was taken: there is nothing to give back.
    if (code == u"ORDERNOTEXIST")
        return ReverseAnswer{false, code};
    const QString named = code.isEmpty() ? u"FAIL"_s : code;
    return Error::provider(named, message.value(u"err_code_des"_s, named));
}

} // namespace

bool WechatV2Provider::ownsCode(QStringView code) const
{
    return codeMatches(code, 18, 18, 10, 15);
}

void WechatV2Provider::chargeByCode(const CodeChargeRequest &request, QObject *context,
                                    ChargeCallback done)
{
    const Params fields{
        {u"body"_s, wechattext::truncatedUtf8(request.description, wechattext::kMaxBodyBytes)},
        {u"out_trade_no"_s, request.payNo},
        {u"total_fee"_s, QString::number(request.amount)},
        {u"spbill_create_ip"_s, m_config.clientIp},
        {u"auth_code"_s, request.authCode},
    };
    qCInfo(lcWechatCodePay) << "micropay" << request.payNo << "code" << codeTail(request.authCode);
    // Only what the answer is checked against goes into the handler: never the code.
    call(u"/pay/micropay"_s, fields, context,
         [done, payNo = request.payNo, amount = request.amount](Result<Params> reply) {
             if (!reply)
                 return done(reply.error());
             done(chargeAnswer(reply.value(), payNo, amount));
         });
}

void WechatV2Provider::reverse(const QString &payNo, QObject *context, ReverseCallback done)
{
    if (m_config.clientCertificate.isNull()) {
        qCWarning(lcWechatCodePay) << "cannot reverse" << payNo << "without a client certificate";
        // Queued, as any answer is: a caller need not expect its callback inside the call.
        if (context)
            QMetaObject::invokeMethod(
                context,
                [done] {
                    done(Error{ErrorCode::Config,
                               u"the merchant's API client certificate is not configured: a "
                               "payment code that cannot be confirmed cannot be reversed"_s});
                },
                Qt::QueuedConnection);
        return;
    }
    call(
        u"/secapi/pay/reverse"_s, {{u"out_trade_no"_s, payNo}}, context,
        [done](Result<Params> reply) {
            if (!reply)
                return done(reply.error());
            done(reverseAnswer(reply.value()));
        },
        Channel::Secapi);
}

} // namespace shouyin
