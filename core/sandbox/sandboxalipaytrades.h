#pragma once

#include "sandbox/sandboxtradebook.h"

#include <QDateTime>
#include <QJsonObject>

namespace shouyin {

// Alipay face-to-face business rules over the sandbox's shared trade table: precreate,
// query and close take the verified biz_content and answer with the content of the
// *_response (code 10000, or 40004 with the ACQ.* sub_code). Trades are keyed by
// out_trade_no like WeChat's, and marked as Alipay's.
class SandboxAlipayTrades
{
public:
    // A QR stays payable this long when qr_code_timeout_express is not given.
    static constexpr qint64 kDefaultLifeSecs = 2 * 3600;

    explicit SandboxAlipayTrades(SandboxTradeBook &book);

    QJsonObject precreate(const QJsonObject &biz, const QString &notifyUrl, const QDateTime &now);
    // `refunded`: what the trade's refunds gave back; a paid trade refunded whole reads
    // TRADE_CLOSED, one refunded in part still TRADE_SUCCESS.
    QJsonObject query(const QJsonObject &biz, Fen refunded) const;
    QJsonObject close(const QJsonObject &biz);

    // The gateway failed while handling the request (the SystemError fault).
    static QJsonObject systemError();
    // A business failure (code 40004) with the given sub_code and sub_msg.
    static QJsonObject failure(const QString &subCode, const QString &subMessage);
    // Code 10000 with `content`; code 40002 isv.invalid-parameter with `subMessage`.
    static QJsonObject succeeded(QJsonObject content);
    static QJsonObject invalidParameter(const QString &subMessage);
    // NOTPAY and USERPAYING -> WAIT_BUYER_PAY, SUCCESS -> TRADE_SUCCESS, CLOSED and
    // REVOKED (refunded by a cancel) -> TRADE_CLOSED.
    static QString tradeStatus(const QString &state);

private:
    const SandboxTrade *alipayTrade(const QString &outTradeNo) const;

    SandboxTradeBook &m_book;
};

} // namespace shouyin
