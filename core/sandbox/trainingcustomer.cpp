#include "trainingcustomer.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcCustomer, "shouyin.sandbox")

namespace {

constexpr qint64 kMaxReplyBytes = 4096;

// The sandbox refuses with "CODE: message".
Error refusal(const QString &text, int httpStatus)
{
    const qsizetype colon = text.indexOf(u": "_s);
    if (colon > 0)
        return Error::provider(text.left(colon), text.mid(colon + 2).trimmed());
    return Error{ErrorCode::Http, TrainingCustomer::tr("The training gateway answered HTTP %1: %2")
                                      .arg(httpStatus)
                                      .arg(text.trimmed())};
}

} // namespace

TrainingCustomer::TrainingCustomer(QUrl sandboxBaseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(sandboxBaseUrl))
    , m_network(new QNetworkAccessManager(this))
{}

void TrainingCustomer::pay(const QString &codeUrl, QObject *context, Callback done)
{
    post(u"code_url"_s, codeUrl, context, std::move(done));
}

void TrainingCustomer::payTrade(const QString &outTradeNo, QObject *context, Callback done)
{
    post(u"out_trade_no"_s, outTradeNo, context, std::move(done));
}

void TrainingCustomer::post(const QString &field, const QString &value, QObject *context,
                            Callback done)
{
    QUrl url = m_baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/sandbox/pay"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setTransferTimeout(kTimeoutMs);
    // code_url carries ':', '/', '?' and '=': percent-encode the whole value.
    const QByteArray body = field.toUtf8() + '=' + QUrl::toPercentEncoding(value);

    QNetworkReply *reply = m_network->post(request, body);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            qCWarning(lcCustomer) << "training gateway unreachable:" << reply->errorString();
            done(
                Error{ErrorCode::Network, tr("Cannot reach the training gateway at %1: %2")
                                              .arg(reply->url().toString(), reply->errorString())});
            return;
        }
        const QString text = QString::fromUtf8(reply->read(kMaxReplyBytes));
        if (status == 200)
            done(success());
        else
            done(refusal(text, status));
    });
}

} // namespace shouyin
