#include "paymentcodes.h"

#include "pay/codepayments.h"
#include "pay/paymentprovider.h"
#include "pay/providerregistry.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin::paymentcodes {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("PaymentCodes", text);
}

bool anyOf(const Error &error, std::initializer_list<QStringView> codes)
{
    return std::any_of(codes.begin(), codes.end(),
                       [&error](QStringView code) { return error.is(code); });
}

bool allDigits(QStringView code)
{
    return std::all_of(code.begin(), code.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

bool looksLikePaymentCode(QStringView code)
{
    return code.size() >= 16 && code.size() <= 24 && allDigits(code);
}

PaymentProvider *providerFor(const ProviderRegistry &providers, QStringView code)
{
    if (code.isEmpty() || !allDigits(code))
        return nullptr; // every provider's codes are digits, whatever its own check says
    for (PaymentProvider *provider : providers.offered()) {
        if (CodePayments *codes = provider->codePayments(); codes && codes->ownsCode(code))
            return provider;
    }
    return nullptr;
}

QString refusalText(const Error &error)
{
    if (anyOf(error, {u"NOTENOUGH", u"ACQ.BUYER_BALANCE_NOT_ENOUGH",
                      u"ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH"}))
        return translated(QT_TRANSLATE_NOOP(
            "PaymentCodes", "Refused: insufficient balance. Ask the customer to choose another "
                            "card in the app, or to pay another way."));
    if (anyOf(error, {u"AUTHCODEEXPIRE", u"AUTH_CODE_INVALID", u"AUTH_CODE_ERROR",
                      u"ACQ.PAYMENT_AUTH_CODE_INVALID"}))
        return translated(QT_TRANSLATE_NOOP(
            "PaymentCodes", "Refused: the payment code has expired or is not valid. Ask the "
                            "customer to refresh the code on their phone, then scan it again."));
    if (anyOf(error, {u"NOTSUPORTCARD", u"ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR",
                      u"ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", u"ACQ.PAYMENT_FAIL"}))
        return translated(QT_TRANSLATE_NOOP(
            "PaymentCodes", "Refused: the customer's card cannot be used for this payment. Ask "
                            "them to choose another card in the app, or to pay another way."));
    if (anyOf(error, {u"BUYER_MISMATCH", u"ACQ.BUYER_MISMATCH"}))
        return translated(QT_TRANSLATE_NOOP(
            "PaymentCodes", "Refused: the code belongs to another customer than this payment's. "
                            "Scan the code again."));
    if (error.code == ErrorCode::Provider)
        return translated(QT_TRANSLATE_NOOP("PaymentCodes", "Refused by the provider: %1 (%2)."))
            .arg(error.message, error.providerCode);
    return translated(QT_TRANSLATE_NOOP("PaymentCodes", "The payment could not be made: %1."))
        .arg(error.message);
}

} // namespace shouyin::paymentcodes
