#pragma once

#include "util/result.h"

#include <QString>
#include <QStringView>

namespace shouyin {

class PaymentProvider;
class ProviderRegistry;

// What the counter makes of a customer's payment code (付款码) and of the provider's
// answer to it, in words a cashier can repeat to the customer.
namespace paymentcodes {

// Digits only, 16 to 24 of them: the length of every mobile payment code in use (WeChat
// 18, Alipay 16–24, UnionPay 19). Product barcodes are shorter (EAN-13, ITF-14).
bool looksLikePaymentCode(QStringView code);

// The offered provider that charges `code`, or null (not a code, or one we do not take).
PaymentProvider *providerFor(const ProviderRegistry &providers, QStringView code);

// Why a charge was refused, and what to do next.
QString refusalText(const Error &error);

} // namespace paymentcodes
} // namespace shouyin
