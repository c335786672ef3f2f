#pragma once

#include "sandbox/sandboxcodecustomer.h"
#include "sandbox/sandboxtradebook.h"
#include "util/result.h"
#include "xml/flatxml.h"

#include <QDateTime>
#include <QSet>
#include <QStringList>

#include <chrono>

namespace shouyin {

// Payment-code trades (付款码) over the sandbox's shared trade table: the life of a charge
// whose customer is scripted (paid at once, paid or failed after a password, never
// confirmed, refused), for both providers, and the WeChat Pay v2 rules of /pay/micropay
// and /secapi/pay/reverse. Takes verified request parameters and answers with the
// business fields of the reply; the envelope is SandboxWechatProtocol's.
//
// A trade waiting for its customer ends when its time comes on the gateway's clock
// (due() and settle(), evaluated whenever the gateway is asked) or when the gateway's
// real-time timer says so (settle() again), whichever is first.
class SandboxCodeTrades
{
public:
    // WeChat revokes a micropay nobody confirmed after this long.
    static constexpr std::chrono::seconds kWechatConfirmWindow{45};

    explicit SandboxCodeTrades(SandboxTradeBook &book);

    // Adds `trade` (out_trade_no, provider, amount, code and trade type set) and lets its
    // customer act at `now`: paid, waiting (USERPAYING), or refused (`refusedState`).
    void start(SandboxTrade trade, const ScriptedCustomer &customer, const QDateTime &now,
               const QString &refusedState);
    // The waiting trades whose time has come by `now`.
    QStringList due(const QDateTime &now);
    // A waiting trade ends as its customer decided; false when it was not waiting.
    bool settle(const QString &outTradeNo, const QDateTime &now);
    // The customer types the password now: USERPAYING -> SUCCESS. Errors: ORDERNOTEXIST,
    // ORDERPAID, or the trade's state when it is past waiting.
    Status confirm(const QString &outTradeNo, const QDateTime &now);

    // WeChat /pay/micropay. A repeated out_trade_no: ORDERPAID when paid, ORDERREVERSED
    // when reversed, ORDERCLOSED when closed, USERPAYING again while the same charge waits
    // for the customer; OUT_TRADE_NO_USED for anything else (another trade type, other
    // parameters, a failed charge: a new attempt needs a new number).
    Params micropay(const Params &request, const ScriptedCustomer &customer, const QDateTime &now);
    // WeChat /secapi/pay/reverse: refused (recall=Y) while USERPAYING; otherwise the trade
    // becomes REVOKED (a paid one is refunded), idempotently; ORDERNOTEXIST when unknown.
    Params reverse(const Params &request);

    // The fields of a micropay answer for the trade as it is now.
    static Params micropayReply(const SandboxTrade &trade);

private:
    SandboxTradeBook &m_book;
    QSet<QString> m_waiting; // out_trade_no of trades that may end by themselves
};

} // namespace shouyin
