#include "gatewayclient.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcGateway, "shouyin.pay.gateway")

QByteArray GatewayReply::header(const QByteArray &lowerCaseName) const
{
    return headerValue(headers, lowerCaseName);
}

GatewayClient::GatewayClient(QString label, GatewayLimits limits, QObject *parent)
    : QObject(parent)
    , m_label(std::move(label))
    , m_limits(limits)
    , m_network(new QNetworkAccessManager(this))
{}

void GatewayClient::post(const QNetworkRequest &request, const QByteArray &body, QObject *context,
                         Done done)
{
    send("POST", request, body, context, std::move(done), AcceptedStatuses::Success);
}

void GatewayClient::send(const QByteArray &method, const QNetworkRequest &request,
                         const QByteArray &body, QObject *context, Done done,
                         AcceptedStatuses accepted)
{
    QNetworkReply *reply = method == "POST"  ? m_network->post(request, body)
                           : method == "GET" ? m_network->get(request)
                                             : m_network->sendCustomRequest(request, method, body);
    const QString what = m_label + u' ' + QString::fromLatin1(method) + u' ' + request.url().path();
    QTimer::singleShot(m_limits.timeoutMs, Qt::PreciseTimer, reply, &QNetworkReply::abort);
    // Too large is known before it is all here: stop reading rather than buffer it.
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, tooLarge, max = m_limits.maxReplyBytes](qint64 received, qint64 total) {
                if (received > max || total > max) {
                    *tooLarge = true;
                    reply->abort();
                }
            });
    QPointer<QObject> guard(context);
    const bool anyStatus = accepted == AcceptedStatuses::Any;
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done, what, tooLarge, anyStatus] {
        reply->deleteLater();
        if (!guard)
            return;
        if (*tooLarge) {
            qCWarning(lcGateway) << what << "reply too large";
            return done(Error{ErrorCode::BadResponse, tr("The gateway's reply is too large.")});
        }
        if (reply->error() == QNetworkReply::OperationCanceledError ||
            reply->error() == QNetworkReply::TimeoutError) {
            qCWarning(lcGateway) << what << "timed out";
            return done(
                Error{ErrorCode::Timeout, tr("The payment gateway did not answer in time.")});
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            qCWarning(lcGateway) << what << "network error" << reply->errorString();
            return done(
                Error{ErrorCode::Network,
                      tr("Cannot reach the payment gateway: %1").arg(reply->errorString())});
        }
        if (!anyStatus && (status < 200 || status > 299)) {
            qCWarning(lcGateway) << what << "HTTP status" << status;
            return done(
                Error{ErrorCode::Http, tr("The payment gateway answered HTTP %1.").arg(status)});
        }
        GatewayReply answer;
        answer.status = status;
        for (const auto &[name, value] : reply->rawHeaderPairs())
            answer.headers.append({name.toLower(), value});
        answer.body = reply->readAll();
        done(std::move(answer));
    });
}

} // namespace shouyin
