#pragma once

#include "sandbox/sandboxcodecustomer.h"
#include "sandbox/sandboxcodetrades.h"
#include "sandbox/sandboxtradebook.h"

#include <QDateTime>
#include <QJsonObject>

namespace shouyin {

// Alipay's payment-code rules over the shared trade table: alipay.trade.pay (scene
// bar_code) and alipay.trade.cancel. Like SandboxAlipayTrades, they take the verified
// biz_content and answer with the content of the *_response.
//
// Trades keep the gateway's state words: USERPAYING while the buyer types the password
// (query: WAIT_BUYER_PAY), SUCCESS, CLOSED (a wrong password, a refused charge, a cancel
// before payment), REVOKED (cancelled after payment, so refunded; query: TRADE_CLOSED).
class SandboxAlipayCodePay
{
public:
    SandboxAlipayCodePay(SandboxTradeBook &book, SandboxCodeTrades &codes);

    // 10000 paid; 10003 waiting for the buyer; 40004 refused: ACQ.PAYMENT_AUTH_CODE_INVALID
    // (a code that is not Alipay's, or expired: no trade is made), BUYER_BALANCE_NOT_ENOUGH,
    // NO_PAYMENT_INSTRUMENTS_AVAILABLE (the closed trade stays), TRADE_HAS_SUCCESS,
    // TRADE_HAS_CLOSE, CONTEXT_INCONSISTENT (the number of another trade).
    QJsonObject pay(const QJsonObject &biz, const ScriptedCustomer &customer,
                    const QString &notifyUrl, const QDateTime &now);
    // Closes an unpaid trade (action close) or refunds a paid one (action refund),
    // idempotently; retry_flag N.
    QJsonObject cancel(const QJsonObject &biz, const QDateTime &now);

    // The answer of alipay.trade.pay for the trade as it is now.
    static QJsonObject payReply(const SandboxTrade &trade);
    // 20000 ACQ.SYSTEM_ERROR: processed, but the answer does not say how it went.
    static QJsonObject unknownOutcome(const QString &outTradeNo);
    // 40004 ACQ.SYSTEM_ERROR with retry_flag Y: the cancel was not done, send it again.
    static QJsonObject cancelAgain(const QString &outTradeNo);

private:
    SandboxTradeBook &m_book;
    SandboxCodeTrades &m_codes;
};

} // namespace shouyin
