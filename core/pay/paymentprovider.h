#pragma once

#include "money/money.h"
#include "net/httpmessage.h"
#include "pay/tradestate.h"
#include "util/result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

namespace shouyin {

class CodePayments;
class Refunds;

struct QrRequest
{
    QString payNo; // out_trade_no, unique per attempt
    Fen amount = 0;
    QString description; // shown on the customer's phone
    QDateTime createdAt;
    QDateTime expiresAt;
};

struct QrTicket
{
    QString codeUrl; // what the QR encodes
};

enum class CloseResult {
    Closed,      // the provider closed it (or it was already closed / never existed)
    AlreadyPaid, // too late: the customer paid; query and apply
};

// True when the request may have reached the provider and the outcome is unknown,
// so the attempt must be queried, never assumed failed.
bool outcomeUnknown(const Error &error);

// The one interface the rest of the code sees for a QR payment provider.
// Calls are asynchronous; a callback runs on the caller's thread, and not at all if
// `context` is destroyed first.
class PaymentProvider : public QObject
{
    Q_OBJECT
public:
    using QrCallback = std::function<void(Result<QrTicket>)>;
    using QueryCallback = std::function<void(Result<TradeSnapshot>)>;
    using CloseCallback = std::function<void(Result<CloseResult>)>;

    using QObject::QObject;

    virtual QString name() const = 0; // "wechat", stored with each payment
    // Which of the provider's protocols, stored with each payment too: a trade is settled
    // through the api it started with ("v2", "v3"; empty for a provider that has one).
    virtual QString api() const { return {}; }
    virtual QString appId() const = 0; // checked against every result
    virtual QString merchantId() const = 0;
    // Providers refuse a close this soon after a trade was created.
    virtual std::chrono::seconds closeNotBefore() const = 0;

    virtual void createQr(const QrRequest &request, QObject *context, QrCallback done) = 0;
    virtual void query(const QString &payNo, QObject *context, QueryCallback done) = 0;
    virtual void close(const QString &payNo, QObject *context, CloseCallback done) = 0;

    // An asynchronous notification the provider POSTed, the whole request (WeChat Pay v3
    // signs headers): decoded and verified (signature, app and merchant) into a snapshot,
    // or an error saying why it cannot be believed.
    virtual Result<TradeSnapshot> parseNotification(const HttpRequest &request) const = 0;
    // The whole answer the provider expects; until it is told `accepted` it retries.
    virtual HttpResponse notificationReply(bool accepted, const QString &message) const = 0;

    // What the provider can do beyond QR payments; null when it cannot (yet).
    virtual CodePayments *codePayments() { return nullptr; }
    virtual Refunds *refunds() { return nullptr; }
};

} // namespace shouyin
