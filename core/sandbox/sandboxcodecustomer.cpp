#include "sandboxcodecustomer.h"

#include <array>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr std::array kCustomers{
    CodeCustomer::PaysAtOnce,       CodeCustomer::ConfirmsAfter,    CodeCustomer::NeverConfirms,
    CodeCustomer::WrongPassword,    CodeCustomer::NotEnoughBalance, CodeCustomer::CodeExpired,
    CodeCustomer::CardNotSupported,
};

// 17 digits, then the behaviour's number: 18 digits in all, within both providers' rules,
// and easy to type from a training sheet.
const QString kWechatSamplePrefix = u"13800000000000000"_s;
const QString kAlipaySamplePrefix = u"28800000000000000"_s;

bool allDigits(QStringView code)
{
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool prefixIn(QStringView code, int low, int high)
{
    const int prefix = code.left(2).toInt();
    return prefix >= low && prefix <= high;
}

std::chrono::milliseconds sampleDelay(CodeCustomer customer)
{
    const bool typesPassword =
        customer == CodeCustomer::ConfirmsAfter || customer == CodeCustomer::WrongPassword;
    return typesPassword ? SandboxCodeScript::kSampleDelay : std::chrono::milliseconds{};
}

} // namespace

QString codeCustomerName(CodeCustomer customer)
{
    switch (customer) {
    case CodeCustomer::PaysAtOnce:
        return u"pays-at-once"_s;
    case CodeCustomer::ConfirmsAfter:
        return u"confirms-after"_s;
    case CodeCustomer::NeverConfirms:
        return u"never-confirms"_s;
    case CodeCustomer::WrongPassword:
        return u"wrong-password"_s;
    case CodeCustomer::NotEnoughBalance:
        return u"not-enough-balance"_s;
    case CodeCustomer::CodeExpired:
        return u"code-expired"_s;
    case CodeCustomer::CardNotSupported:
        return u"card-not-supported"_s;
    }
    return u"unknown"_s;
}

bool isRefusingCustomer(CodeCustomer customer)
{
    return customer == CodeCustomer::NotEnoughBalance || customer == CodeCustomer::CodeExpired ||
           customer == CodeCustomer::CardNotSupported;
}

void SandboxCodeScript::set(const QString &authCode, CodeCustomer customer,
                            std::chrono::milliseconds delay)
{
    m_scripted.insert(authCode, ScriptedCustomer{customer, delay});
}

void SandboxCodeScript::setDefault(CodeCustomer customer, std::chrono::milliseconds delay)
{
    m_default = ScriptedCustomer{customer, delay};
}

ScriptedCustomer SandboxCodeScript::customerFor(const QString &authCode) const
{
    if (const auto it = m_scripted.constFind(authCode); it != m_scripted.cend())
        return it.value();
    for (const CodeCustomer customer : kCustomers) {
        if (authCode == sampleCode(u"wechat"_s, customer) ||
            authCode == sampleCode(u"alipay"_s, customer))
            return ScriptedCustomer{customer, sampleDelay(customer)};
    }
    return m_default;
}

QString SandboxCodeScript::sampleCode(const QString &provider, CodeCustomer customer)
{
    const QString number = QString::number(int(customer) + 1);
    if (provider == u"wechat")
        return kWechatSamplePrefix + number;
    if (provider == u"alipay")
        return kAlipaySamplePrefix + number;
    return {};
}

bool SandboxCodeScript::isWechatCode(QStringView code)
{
    return code.size() == 18 && allDigits(code) && prefixIn(code, 10, 15);
}

bool SandboxCodeScript::isAlipayCode(QStringView code)
{
    return code.size() >= 16 && code.size() <= 24 && allDigits(code) && prefixIn(code, 25, 30);
}

} // namespace shouyin
