#pragma once

#include "money/money.h"
#include "pay/tradestate.h"
#include "util/result.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringView>

#include <chrono>
#include <functional>

namespace shouyin {

struct CodeChargeRequest
{
    QString payNo; // out_trade_no, unique per attempt
    Fen amount = 0;
    QString description;
    QString authCode; // the customer's payment code, as the scanner read it
    QDateTime createdAt;
};

enum class ReverseResult {
    Reversed,  // the money is not taken, or has gone back
    CallAgain, // the provider asks for another reverse (WeChat recall=Y)
};

// The till scans the customer's payment code (付款码): WeChat micropay, Alipay trade.pay.
// A provider offers it through PaymentProvider::codePayments(). Calls are asynchronous,
// with the contract of PaymentProvider's.
class CodePayments
{
public:
    using ChargeCallback = std::function<void(Result<TradeSnapshot>)>;
    using ReverseCallback = std::function<void(Result<ReverseResult>)>;

    // Whether `code` is one of this provider's payment codes (its length and prefix).
    virtual bool ownsCode(QStringView code) const = 0;
    // How long a charge waiting for the customer (USERPAYING) is queried before it is
    // reversed.
    virtual std::chrono::seconds confirmWindow() const = 0;

    // The snapshot is the trade after the charge: Success, UserPaying (query until the
    // window ends), or an error; an error for which outcomeUnknown() holds must be
    // queried and, failing a definite answer, reversed.
    virtual void chargeByCode(const CodeChargeRequest &request, QObject *context,
                              ChargeCallback done) = 0;
    // WeChat secapi/pay/reverse, Alipay trade.cancel.
    virtual void reverse(const QString &payNo, QObject *context, ReverseCallback done) = 0;

protected:
    ~CodePayments() = default;
};

} // namespace shouyin
