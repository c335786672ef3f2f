#pragma once

#include "util/result.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace shouyin {

// The "customer" of training mode: scans the QR on the counter screen and pays, by asking
// the sandbox gateway at `sandboxBaseUrl` (POST /sandbox/pay). Never talks to a real gateway.
class TrainingCustomer : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Status)>;

    static constexpr int kTimeoutMs = 10000;

    explicit TrainingCustomer(QUrl sandboxBaseUrl, QObject *parent = nullptr);

    // Pays the trade whose QR showed `codeUrl`. `done` gets the sandbox's refusal
    // (ORDERPAID, ORDERCLOSED, ORDEREXPIRED, ...) or NETWORK when the sandbox cannot be
    // reached; it runs on this thread, and not at all if `context` is destroyed first.
    void pay(const QString &codeUrl, QObject *context, Callback done);
    // The same, by the merchant's out_trade_no.
    void payTrade(const QString &outTradeNo, QObject *context, Callback done);

private:
    void post(const QString &field, const QString &value, QObject *context, Callback done);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
};

} // namespace shouyin
