#pragma once

#include "sandbox/sandboxmerchant.h"
#include "sandbox/sandboxrefundbook.h"
#include "sandbox/sandboxrefundscript.h"
#include "sandbox/sandboxtradebook.h"
#include "xml/flatxml.h"

#include <QByteArray>
#include <QDateTime>

#include <chrono>

namespace shouyin {

// WeChat Pay v2 refunds over the sandbox's trade table and refund book: the words of
// /secapi/pay/refund and /pay/refundquery, and the encrypted refund notification. Takes
// verified request parameters and answers with the business fields of the reply; the
// envelope is SandboxWechatProtocol's. Fields and err_codes as WeChat documents them
// (wiki chapters 9_4, 9_5, 9_16; binarywang/WxJava's WxPayRefundResult,
// WxPayRefundQueryResult, WxPayRefundNotifyResult), the refusals as the real gateway
// words them (e.g. INVALID_REQUEST "refund_fee大于可退金额", ERROR "订单已全额退款",
// REFUND_FEE_MISMATCH).
class SandboxWechatRefunds
{
public:
    SandboxWechatRefunds(SandboxTradeBook &trades, SandboxRefundBook &refunds);

    // What a /secapi/pay/refund request did: the business fields, and whether it recorded
    // a new refund (which `behaviour` may then answer SYSTEMERROR all the same); or, for a
    // refusal the real gateway gives in the envelope, its return_msg.
    struct Answer
    {
        Params business;
        bool recorded = false;
        QString returnFail;
    };
    // A paid WeChat trade (SUCCESS or REFUND) gives back refund_fee as `behaviour` says:
    // PROCESSING now, SUCCESS after `settleDelay` (or at completeRefund() when it stays
    // processing); NOTENOUGH records nothing. An out_refund_no sent again with the same
    // trade and amount is answered again without a second refund.
    Answer refund(const Params &request, RefundBehaviour behaviour,
                  std::chrono::milliseconds settleDelay, const QDateTime &now);
    // By refund_id, out_refund_no, transaction_id or out_trade_no, in that order of
    // preference: the refunds as refund_count and the indexed `_$n` fields.
    Params refundQuery(const Params &request) const;
    // PROCESSING -> SUCCESS at `at`, and the trade's trade_state becomes REFUND.
    bool settle(const QString &outRefundNo, const QDateTime &at);

    // The POST body of the refund's notification, in the shape `variant` asks for.
    static QByteArray notification(const SandboxMerchant &merchant, const SandboxRefund &refund,
                                   const SandboxTrade &trade, RefundNotifyVariant variant);

    static Params failure(const QString &code, const QString &description);

private:
    Params accepted(const SandboxRefund &refund, const SandboxTrade &trade) const;

    SandboxTradeBook &m_trades;
    SandboxRefundBook &m_refunds;
};

} // namespace shouyin
