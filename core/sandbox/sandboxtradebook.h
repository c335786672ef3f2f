#pragma once

#include "sandbox/sandboxtrade.h"
#include "util/result.h"
#include "xml/flatxml.h"

#include <QDateTime>
#include <QHash>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

namespace shouyin {

// Error codes of SandboxTradeBook::pay() beyond the gateway's own.
namespace sandboxError {
inline constexpr QLatin1StringView kOrderExpired{"ORDEREXPIRED"}; // past time_expire
} // namespace sandboxError

// The sandbox's trade table and the WeChat Pay v2 business rules over it. Takes verified
// request parameters and answers with the business fields of the reply (result_code,
// err_code, ...); the envelope and the signature are SandboxWechatProtocol's.
class SandboxTradeBook
{
public:
    // A NATIVE code_url stays payable this long when time_expire is not given.
    static constexpr qint64 kDefaultLifeSecs = 2 * 3600;

    Params unifiedOrder(const Params &request, const QDateTime &now);
    Params orderQuery(const Params &request) const;
    Params closeOrder(const Params &request);

    // The customer pays: NOTPAY -> SUCCESS.
    Status pay(const QString &outTradeNo, const QDateTime &now);
    // A payment racing a close, the provider's known trap: NOTPAY or CLOSED -> SUCCESS,
    // whatever time_expire says. Only the race faults call this.
    Status payRacingClose(const QString &outTradeNo, const QDateTime &now);

    // For the other rules (SandboxAlipayTrades, SandboxCodeTrades): adds a new trade (its
    // code_url must be unique) and changes one in place; null when there is no such trade.
    void insert(const SandboxTrade &trade);
    SandboxTrade *find(const QString &outTradeNo);
    // The trade a request names by transaction_id (preferred, as the real gateway does) or
    // out_trade_no; null when none.
    const SandboxTrade *find(const Params &request) const;
    // The trade becomes SUCCESS at `now`, with a new transaction id and payer.
    void markPaid(SandboxTrade &trade, const QDateTime &now);
    // The buyer scanned the QR: an Alipay trade becomes known to query.
    Status scan(const QString &outTradeNo);

    std::optional<SandboxTrade> trade(const QString &outTradeNo) const;
    // out_trade_no of the trade whose QR showed `codeUrl`; empty when none.
    QString outTradeNoForCodeUrl(const QString &codeUrl) const;
    QList<SandboxTrade> trades() const { return m_trades.values(); }

    static bool isValidOutTradeNo(const QString &outTradeNo);

private:
    QHash<QString, SandboxTrade> m_trades; // by out_trade_no
    QHash<QString, QString> m_byCodeUrl;
    QHash<QString, QString> m_byTransactionId;
};

} // namespace shouyin
