#pragma once

#include "money/money.h"
#include "pay/wechat/wechatsigner.h"

#include <QDateTime>
#include <QString>

namespace shouyin {

// One row of the sandbox's trade table. It keeps everything a later notification
// (POST to notify_url, signed like the request that created the trade) will need.
struct SandboxTrade
{
    QString outTradeNo;
    QString state; // the gateway's trade_state word: NOTPAY, SUCCESS, CLOSED, ...
    Fen totalFee = 0;
    QString body;
    QString codeUrl;
    QString transactionId; // set when paid
    QString notifyUrl;
    QDateTime createdAt; // UTC
    QDateTime expiresAt; // UTC; after it the customer can no longer pay
    QDateTime paidAt;    // UTC, whole seconds (time_end has no finer resolution)

    QString tradeType; // NATIVE
    QString productId;
    QString attach;
    QString prepayId;
    QString openId;                                // the "customer", set when paid
    QString bankType;                              // set when paid
    WechatSignType signType = WechatSignType::Md5; // of the request that created it

    // Which gateway created it: "wechat" or "alipay". Alipay trades keep the same state
    // words here (NOTPAY, SUCCESS, CLOSED); the Alipay protocol translates them.
    QString provider = QStringLiteral("wechat");
    // Alipay: whether the buyer scanned the QR. Until then Alipay does not know a
    // precreated trade (query answers ACQ.TRADE_NOT_EXIST).
    bool scanned = false;
};

} // namespace shouyin
