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

// The provider's answer to a reverse (WeChat) or cancel (Alipay).
struct ReverseAnswer
{
    // The provider asks for another reverse later (WeChat recall=Y, Alipay retry_flag=Y).
    bool callAgain = false;
    // What the pay log says: Alipay's `action` ("close", "refund"); WeChat "reversed" or
    // its err_code.
    QString detail;
};

// The payment code is a bearer credential: logs and the pay log get its tail at most.
QString codeTail(QStringView code);
// Whether `code` is `minDigits` to `maxDigits` ASCII digits whose first two, read as a
// number, lie between `lowPrefix` and `highPrefix`: how providers tell their codes apart.
bool codeMatches(QStringView code, qsizetype minDigits, qsizetype maxDigits, int lowPrefix,
                 int highPrefix);

// The till scans the customer's payment code (付款码): WeChat micropay, Alipay trade.pay.
// A provider offers it through PaymentProvider::codePayments(). Calls are asynchronous,
// with the contract of PaymentProvider's.
class CodePayments
{
public:
    using ChargeCallback = std::function<void(Result<TradeSnapshot>)>;
    using ReverseCallback = std::function<void(Result<ReverseAnswer>)>;

    // Whether `code` is one of this provider's payment codes (its length and prefix).
    virtual bool ownsCode(QStringView code) const = 0;
    // How long a charge waiting for the customer (USERPAYING) is queried before it is
    // reversed.
    virtual std::chrono::seconds confirmWindow() const = 0;
    // How often a charge waiting for the customer is queried.
    virtual std::chrono::seconds queryInterval() const = 0;

    // The snapshot is the trade after the charge: Success, UserPaying (query until the
    // window ends), or an error; an error for which outcomeUnknown() holds must be
    // queried and, failing a definite answer, reversed.
    virtual void chargeByCode(const CodeChargeRequest &request, QObject *context,
                              ChargeCallback done) = 0;
    // WeChat secapi/pay/reverse, Alipay trade.cancel. Reversing a paid trade refunds it:
    // query first.
    virtual void reverse(const QString &payNo, QObject *context, ReverseCallback done) = 0;

protected:
    ~CodePayments() = default;
};

} // namespace shouyin
