#include "paylogtext.h"

#include "displaytext.h"
#include "moneytext.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/tradestate.h"
#include "pay/wechat/wechatv2provider.h"
#include "refund/refundrecords.h"
#include "store/records.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// The fields the core writes, in the order a manager reads them: what, how much, which
// trade, then why. Fields not named here follow, by name.
const QStringList &knownKeys()
{
    static const QStringList keys{
        u"total_fen"_s,
        u"items"_s,
        u"discount_fen"_s,
        u"round_off_fen"_s,
        u"amount_fen"_s,
        u"tendered_fen"_s,
        u"change_fen"_s,
        u"provider"_s,
        u"method"_s,
        u"pay_no"_s,
        u"refund_no"_s,
        u"transaction_id"_s,
        u"provider_refund_id"_s,
        u"state"_s,
        u"provider_state"_s,
        u"was"_s,
        u"order_covered"_s,
        u"stock"_s,
        u"lines"_s,
        u"approved_by"_s,
        u"reason"_s,
        u"problem"_s,
        u"code"_s,
        u"message"_s,
    };
    return keys;
}

bool isMoneyKey(const QString &key)
{
    return key.endsWith(u"_fen");
}

} // namespace

QString PayLogText::source(const QString &source)
{
    if (source == sourceName(Source::Cashier))
        return tr("At the counter");
    if (source == sourceName(Source::Poll))
        return tr("Asked the provider");
    if (source == sourceName(Source::Notify))
        return tr("Provider's notification");
    if (source == sourceName(Source::Close))
        return tr("Closing the payment");
    if (source == sourceName(Source::Recovery))
        return tr("Check at start-up");
    if (source == sourceName(Source::Settler))
        return tr("Settled in the background");
    return source;
}

QString PayLogText::providerState(const QString &raw)
{
    TradeState state = WechatV2Provider::stateFrom(raw);
    if (state == TradeState::Unknown)
        state = AlipayProvider::stateFrom(raw);
    // WeChat v2, WeChat v3 and Alipay each have their word for it.
    if (state == TradeState::Unknown &&
        (raw == u"ORDERNOTEXIST" || raw == u"ORDER_NOT_EXIST" || raw == u"ACQ.TRADE_NOT_EXIST"))
        state = TradeState::NotFound;
    QString word;
    switch (state) {
    case TradeState::NotPay:
        word = tr("Not paid yet");
        break;
    case TradeState::UserPaying:
        word = tr("Customer entering the password");
        break;
    case TradeState::Accepted:
        word = tr("Accepted, debit pending");
        break;
    case TradeState::Success:
        word = tr("Paid");
        break;
    case TradeState::Refund:
        word = tr("Paid, then refunded");
        break;
    case TradeState::Closed:
        word = tr("Closed without payment");
        break;
    case TradeState::Revoked:
        word = tr("Cancelled by the shop");
        break;
    case TradeState::PayError:
        word = tr("Payment failed at the bank");
        break;
    case TradeState::NotFound:
        word = tr("Unknown to the provider");
        break;
    case TradeState::Unknown:
        return raw;
    }
    // The provider's word stays beside it: it is what the provider's support asks for.
    return tr("%1 (%2)").arg(word, raw);
}

namespace {

QString fieldsText(const QString &kind, const QJsonObject &object);

QString plainValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? PayLogText::tr("yes") : PayLogText::tr("no");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QLocale().toString(qint64(number));
        return QLocale().toString(number);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &element : value.toArray())
            parts.append(plainValue(element));
        return parts.join(PayLogText::tr(", "));
    }
    case QJsonValue::Object:
        return fieldsText(QString(), value.toObject());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString label(const QString &key)
{
    if (key == u"total_fen")
        return PayLogText::tr("Total");
    if (key == u"items")
        return PayLogText::tr("Items");
    if (key == u"discount_fen")
        return PayLogText::tr("Discounts");
    if (key == u"round_off_fen")
        return PayLogText::tr("Small change dropped");
    if (key == u"amount_fen")
        return PayLogText::tr("Amount");
    if (key == u"tendered_fen")
        return PayLogText::tr("Handed over");
    if (key == u"change_fen")
        return PayLogText::tr("Change");
    if (key == u"provider")
        return PayLogText::tr("Provider");
    if (key == u"method")
        return PayLogText::tr("Method");
    if (key == u"pay_no")
        return PayLogText::tr("Pay no");
    if (key == u"refund_no")
        return PayLogText::tr("Refund no");
    if (key == u"transaction_id")
        return PayLogText::tr("Provider's trade no");
    if (key == u"provider_refund_id")
        return PayLogText::tr("Provider's refund no");
    if (key == u"state")
        return PayLogText::tr("Provider says");
    if (key == u"provider_state")
        return PayLogText::tr("Provider's answer");
    if (key == u"was")
        return PayLogText::tr("Status before");
    if (key == u"order_covered")
        return PayLogText::tr("Order paid in full");
    if (key == u"stock")
        return PayLogText::tr("Goods");
    if (key == u"lines")
        return PayLogText::tr("Returned");
    if (key == u"approved_by")
        return PayLogText::tr("Approved by");
    if (key == u"reason")
        return PayLogText::tr("Reason");
    if (key == u"problem")
        return PayLogText::tr("Problem");
    if (key == u"code")
        return PayLogText::tr("Error code");
    if (key == u"message")
        return PayLogText::tr("Error");
    return key; // a field of a newer version: its own name beats hiding it
}

QString methodWord(const QString &method)
{
    switch (paymentMethodFromSql(method)) {
    case PaymentMethod::Qr:
        return method == sqlText(PaymentMethod::Qr) ? PayLogText::tr("QR code") : method;
    case PaymentMethod::Code:
        return PayLogText::tr("Payment code");
    case PaymentMethod::Cash:
        return PayLogText::tr("Cash");
    }
    return method;
}

// The reasons the core gives in words of its own, for the kinds that give them; any
// other reason (a cashier's, a provider's) is shown as written.
QString reasonText(const QString &kind, const QString &reason)
{
    if (kind == u"order_cancelled" || kind == u"cancel_requested") {
        if (reason == u"cancelled")
            return PayLogText::tr("cancelled by the cashier");
        if (reason == u"expired")
            return PayLogText::tr("the payment's deadline passed");
        if (reason == u"abandoned")
            return PayLogText::tr("left open, found at start-up");
    }
    if (kind == u"payment_superseded") {
        if (reason == u"switched")
            return PayLogText::tr("the customer chose another way to pay");
        if (reason == u"order_paid")
            return PayLogText::tr("another payment paid the order");
    }
    return reason;
}

QString returnedLines(const QJsonArray &lines)
{
    QStringList parts;
    for (const QJsonValue &line : lines) {
        const QJsonObject object = line.toObject();
        if (object.contains(u"item"_s) && object.contains(u"quantity"_s))
            parts.append(PayLogText::tr("%1 × %2").arg(object.value(u"item"_s).toString(),
                                                       plainValue(object.value(u"quantity"_s))));
        else
            parts.append(plainValue(line));
    }
    return parts.join(PayLogText::tr(", "));
}

QString valueText(const QString &kind, const QString &key, const QJsonValue &value)
{
    if (isMoneyKey(key) && value.isDouble()) {
        // -1: the provider's message named no amount.
        const qint64 fen = value.toInteger(-1);
        return fen >= 0 ? moneyText(fen) : QString();
    }
    const QString text = value.isString() ? value.toString() : QString();
    if (key == u"provider" && value.isString())
        return DisplayText::provider(text);
    if (key == u"method" && value.isString())
        return methodWord(text);
    if (key == u"state" && value.isString())
        return PayLogText::providerState(text);
    if (key == u"was" && value.isString())
        return DisplayText::storedStatus(text);
    if (key == u"stock" && value.isString()) {
        const auto action = stockActionFromSql(text);
        return action ? DisplayText::stockAction(*action) : text;
    }
    if (key == u"lines" && value.isArray())
        return returnedLines(value.toArray());
    if (key == u"reason" && value.isString())
        return reasonText(kind, text);
    return plainValue(value);
}

QString fieldsText(const QString &kind, const QJsonObject &object)
{
    QStringList keys = object.keys(); // sorted by name
    const QStringList &known = knownKeys();
    std::stable_sort(keys.begin(), keys.end(), [&known](const QString &a, const QString &b) {
        const qsizetype ia = known.indexOf(a);
        const qsizetype ib = known.indexOf(b);
        return (ia < 0 ? known.size() : ia) < (ib < 0 ? known.size() : ib);
    });
    QStringList fields;
    for (const QString &key : std::as_const(keys)) {
        const QString value = valueText(kind, key, object.value(key));
        if (!value.isEmpty())
            fields.append(PayLogText::tr("%1: %2").arg(label(key), value));
    }
    return fields.join(PayLogText::tr("; "));
}

} // namespace

QString PayLogText::detail(const QString &kind, const QString &detail)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(detail.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return detail; // written as text, by this program's older versions or by hand
    return fieldsText(kind, document.object());
}

} // namespace shouyin
