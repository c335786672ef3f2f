#pragma once

#include <QDateTime>
#include <QString>

namespace shouyin {

// Order and payment numbers. Both start with the terminal id, so terminals sharing a
// database or a merchant account never collide; both use only letters, digits and
// '-', legal for every provider, and stay within WeChat's 32 characters.
class PayNumbers
{
public:
    static constexpr int kMaxTerminalIdLength = 8;

    // [A-Za-z0-9]{1,8}
    static bool isValidTerminalId(const QString &terminalId);

    // "T01-20261123-0007": terminal, local date, the day's sequence (from the database).
    static QString orderNumber(const QString &terminalId, const QDate &day, qint64 sequence);

    // "T0120261123104502K7M2Q9XA": terminal, UTC time to the second, 8 random base32
    // characters. Unique across restarts and lost databases, not only within one.
    static QString paymentNumber(const QString &terminalId, const QDateTime &now);

    // "T01R20261123104502K7M2Q9XA": a payment number with an R after the terminal, for
    // out_refund_no / out_request_no. Never the number of a payment.
    static QString refundNumber(const QString &terminalId, const QDateTime &now);

    // Letters, digits and _-|* only, 1..32 characters (WeChat's out_trade_no rule).
    static bool isProviderLegal(const QString &number);
};

} // namespace shouyin
