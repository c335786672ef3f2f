#pragma once

#include "sandbox/sandboxrefundbook.h"
#include "sandbox/sandboxrefundscript.h"
#include "sandbox/sandboxtradebook.h"

#include <QDateTime>
#include <QJsonObject>

namespace shouyin {

// Alipay's refund rules over the sandbox's trade table and the shared refund book:
// alipay.trade.refund and alipay.trade.fastpay.refund.query. Like SandboxAlipayTrades,
// they take the verified biz_content and answer with the content of the *_response.
//
// Fields and sub_codes as alipay/alipay-sdk-java-all's AlipayTradeRefundResponse and
// AlipayTradeFastpayRefundQueryResponse and the alipay.trade.refund error table name them:
// ACQ.TRADE_NOT_EXIST, ACQ.TRADE_STATUS_ERROR (not paid, or nothing left: TRADE_CLOSED),
// ACQ.REFUND_AMT_NOT_EQUAL_TOTAL (退款金额超限: more than is left),
// ACQ.DISCORDANT_REPEAT_REQUEST (不一致的请求: an out_request_no again with another
// amount), ACQ.REASON_TRADE_REFUND_FEE_ERR (退款金额无效), ACQ.SELLER_BALANCE_NOT_ENOUGH.
//
// Alipay refunds synchronously: a refund is SUCCESS in the book the moment it is made
// (the trade keeps its SUCCESS state; query reads TRADE_CLOSED once nothing is left),
// except one scripted to stay processing, which Alipay does not admit to until
// SandboxGateway::completeRefund(). Alipay has no refund id and sends no refund
// notification.
class SandboxAlipayRefunds
{
public:
    SandboxAlipayRefunds(SandboxTradeBook &trades, SandboxRefundBook &refunds);

    // out_request_no of a refund request; Alipay takes out_trade_no when it is absent.
    // The book keys refunds by it alone, where Alipay keys them by trade and number: a
    // sandbox till must not reuse a number for another trade.
    static QString refundNoOf(const QJsonObject &biz);

    // 10000 with fund_change Y (refunded now) or N (this out_request_no was refunded
    // before: nothing moves), refund_fee the trade's total refunded; or a refusal. As
    // `behaviour` says, a new refund may be refused for the seller's balance, or made
    // but answered 20000 ACQ.SYSTEM_ERROR, or left processing and answered the same.
    QJsonObject refund(const QJsonObject &biz, RefundBehaviour behaviour, const QDateTime &now);
    // 10000 with out_request_no, refund_amount, total_amount and refund_status
    // REFUND_SUCCESS (gmt_refund_pay when query_options asks) for a refund made; 10000
    // without them for one unknown or still processing.
    QJsonObject refundQuery(const QJsonObject &biz) const;

    // 20000 ACQ.SYSTEM_ERROR: the answer does not say what became of the refund.
    static QJsonObject unknownOutcome(const QString &outTradeNo);

private:
    const SandboxTrade *alipayTrade(const QJsonObject &biz) const;
    QJsonObject refunded(const SandboxRefund &refund, const SandboxTrade &trade,
                         bool fundChange) const;

    SandboxTradeBook &m_trades;
    SandboxRefundBook &m_refunds;
};

} // namespace shouyin
