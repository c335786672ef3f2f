#pragma once

#include "money/money.h"
#include "pay/wechat/wechatsigner.h"
#include "sandbox/sandboxcodecustomer.h"

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

    QString tradeType; // NATIVE; Alipay's QR: FACE_TO_FACE_PAYMENT; any code trade: MICROPAY
    QString productId;
    QString attach;
    QString prepayId;
    QString openId;                                // the "customer", set when paid
    QString bankType;                              // set when paid
    WechatSignType signType = WechatSignType::Md5; // of the request that created it

    // Which gateway created it: "wechat" or "alipay". Alipay trades keep the same state
    // words here (NOTPAY, USERPAYING, SUCCESS, CLOSED, REVOKED for a trade refunded by a
    // cancel); the Alipay protocol translates them.
    QString provider = QStringLiteral("wechat");
    // WeChat: the API that created it, "v2" (XML) or "v3" (JSON). Its notification comes
    // in that API's format, and v3 refuses to reverse a v2 trade.
    QString api = QStringLiteral("v2");
    // Alipay: whether the buyer scanned the QR. Until then Alipay does not know a
    // precreated trade (query answers ACQ.TRADE_NOT_EXIST).
    bool scanned = false;

    // Payment-code trades (WeChat MICROPAY, Alipay bar_code): the code the till scanned,
    // who was behind it, and, while the trade waits for the customer (USERPAYING), when
    // it ends by itself and in which state (SUCCESS, PAYERROR, CLOSED). pendingUntil is
    // on the gateway's clock; invalid when the wait lasts until the till reverses it.
    QString authCode;
    CodeCustomer customer = CodeCustomer::PaysAtOnce;
    QDateTime pendingUntil;
    QString pendingOutcome;

    bool isCodeTrade() const { return !authCode.isEmpty(); }
};

} // namespace shouyin
