#pragma once

#include "net/httpmessage.h"
#include "util/result.h"

#include <QNetworkRequest>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace shouyin {

struct GatewayReply
{
    int status = 0;
    HttpHeaders headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &lowerCaseName) const;
};

struct GatewayLimits
{
    int timeoutMs = 10000; // the whole exchange, connect to last byte
    qint64 maxReplyBytes = 64 * 1024;
};

// The HTTP half of talking to a payment gateway, written once for every provider: a
// deadline for the whole exchange (a transfer timeout alone never fires for a gateway
// that trickles bytes), a reply size cap enforced while it arrives, and one mapping of
// what went wrong to error codes — Timeout, Network, Http, BadResponse — so that
// outcomeUnknown() judges every provider's failures alike. What the body means is the
// provider's business.
class GatewayClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<GatewayReply>)>;

    // Which statuses reach `done` as a reply; the others are ErrorCode::Http.
    enum class AcceptedStatuses {
        Success, // 2xx: gateways that put every business answer in a 200 (v2, Alipay)
        Any,     // every status: WeChat Pay v3 refuses with a signed 4xx body to be read
    };

    // `label` names the gateway in the log ("wechat").
    GatewayClient(QString label, GatewayLimits limits, QObject *parent = nullptr);

    // A 2xx reply, or why there is none. `done` runs on this thread, and not at all once
    // `context` is gone. A TLS client certificate travels in the request's
    // QSslConfiguration.
    void post(const QNetworkRequest &request, const QByteArray &body, QObject *context, Done done);
    // Any method ("GET" sends no body), with post()'s deadline, size cap and errors; an
    // HTTP status is passed back as a reply when `accepted` takes it. A reply without a
    // body (204) has an empty one.
    void send(const QByteArray &method, const QNetworkRequest &request, const QByteArray &body,
              QObject *context, Done done, AcceptedStatuses accepted);

    const GatewayLimits &limits() const { return m_limits; }

private:
    QString m_label;
    GatewayLimits m_limits;
    QNetworkAccessManager *m_network;
};

} // namespace shouyin
