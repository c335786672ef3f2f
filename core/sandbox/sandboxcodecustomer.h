#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <chrono>

namespace shouyin {

// What the customer whose payment code the till scanned does.
enum class CodeCustomer {
    PaysAtOnce,       // paid in the micropay / trade.pay answer
    ConfirmsAfter,    // USERPAYING / 10003, then paid after the delay (password)
    NeverConfirms,    // USERPAYING / 10003 until reversed (WeChat gives up after 45 s)
    WrongPassword,    // USERPAYING / 10003, then PAYERROR / TRADE_CLOSED after the delay
    NotEnoughBalance, // NOTENOUGH / ACQ.BUYER_BALANCE_NOT_ENOUGH
    CodeExpired,      // AUTHCODEEXPIRE / ACQ.PAYMENT_AUTH_CODE_INVALID
    CardNotSupported, // NOTSUPORTCARD / ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE
};

QString codeCustomerName(CodeCustomer customer);
// Whether the customer's payment is refused outright (no password step).
bool isRefusingCustomer(CodeCustomer customer);

struct ScriptedCustomer
{
    CodeCustomer customer = CodeCustomer::PaysAtOnce;
    std::chrono::milliseconds delay{};
};

// Who is behind each payment code the sandbox may be shown: scripted by tests, the
// training sample codes, or everybody else.
class SandboxCodeScript
{
public:
    // How long the customer of a sample code takes to type the password: long enough
    // for a training cashier to see the till wait.
    static constexpr std::chrono::milliseconds kSampleDelay{8000};

    void set(const QString &authCode, CodeCustomer customer, std::chrono::milliseconds delay);
    void setDefault(CodeCustomer customer, std::chrono::milliseconds delay);
    // A scripted code first, then the sample codes, then the default.
    ScriptedCustomer customerFor(const QString &authCode) const;

    // Valid codes of `provider` ("wechat", "alipay"), one per behaviour; empty for any
    // other provider.
    static QString sampleCode(const QString &provider, CodeCustomer customer);

    // WeChat: 18 digits starting 10–15. Alipay: 16–24 digits starting 25–30.
    static bool isWechatCode(QStringView code);
    static bool isAlipayCode(QStringView code);

private:
    QHash<QString, ScriptedCustomer> m_scripted;
    ScriptedCustomer m_default;
};

} // namespace shouyin
