#include "sandboxnotifier.h"

#include "xml/flatxml.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcNotifier, "shouyin.sandbox.notify")

namespace {

// Why a reply does not acknowledge the notification; empty when it does.
QString refusal(QNetworkReply *reply, SandboxNotifier::Dialect dialect)
{
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return u"no answer within %1 ms"_s.arg(SandboxNotifier::kTimeout.count());
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return reply->errorString();
    // v3 looks at the status alone; a refusal's JSON body only explains it.
    if (dialect == SandboxNotifier::Dialect::WechatV3)
        return status == 200 || status == 204 ? QString() : u"HTTP %1"_s.arg(status);
    if (status != 200)
        return u"HTTP %1"_s.arg(status);
    const QByteArray body = reply->read(SandboxNotifier::kMaxReplyBytes + 1);
    if (body.size() > SandboxNotifier::kMaxReplyBytes)
        return u"reply too large"_s;
    if (dialect == SandboxNotifier::Dialect::Alipay) {
        // Alipay accepts exactly "success"; anything else is a request to send again.
        if (body.trimmed() != "success")
            return u"reply is not \"success\""_s;
        return {};
    }
    const auto decoded = FlatXml::decode(body);
    if (!decoded)
        return u"reply is not the expected XML: "_s + decoded.error().message;
    const QString returnCode = decoded->value(u"return_code"_s);
    if (returnCode != u"SUCCESS")
        return u"return_code %1 (%2)"_s.arg(returnCode.isEmpty() ? u"missing"_s : returnCode,
                                            decoded->value(u"return_msg"_s));
    return {};
}

QString contentType(SandboxNotifier::Dialect dialect)
{
    switch (dialect) {
    case SandboxNotifier::Dialect::Wechat:
        return u"text/xml"_s;
    case SandboxNotifier::Dialect::Alipay:
        return u"application/x-www-form-urlencoded; charset=utf-8"_s;
    case SandboxNotifier::Dialect::WechatV3:
        return u"application/json"_s;
    }
    return u"text/xml"_s;
}

} // namespace

SandboxNotifier::SandboxNotifier(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

// Replies in flight go with the network manager, and their timers with them.
SandboxNotifier::~SandboxNotifier() = default;

bool SandboxNotifier::setTimeScale(double scale)
{
    // Above 1 the longest waits would overflow a timer; slower than real time has no use.
    if (!std::isfinite(scale) || scale <= 0.0 || scale > 1.0) {
        qCWarning(lcNotifier) << "notify time scale" << scale << "refused: must be in (0, 1]";
        return false;
    }
    m_timeScale = scale;
    return true;
}

std::chrono::milliseconds SandboxNotifier::retryDelay(int retry, Dialect dialect) const
{
    const bool alipay = dialect == Dialect::Alipay;
    const qsizetype last =
        qsizetype(alipay ? kAlipayRetrySchedule.size() : kRetrySchedule.size()) - 1;
    const size_t index = size_t(qBound(qsizetype(0), qsizetype(retry - 1), last));
    const auto wait = alipay ? kAlipayRetrySchedule[index] : kRetrySchedule[index];
    const double ms = double(wait.count()) * 1000.0 * m_timeScale;
    return std::chrono::milliseconds(std::max<qint64>(1, qRound64(ms)));
}

void SandboxNotifier::deliver(const QString &outTradeNo, const QUrl &url, const QByteArray &body,
                              Dialect dialect, HeaderSigner sign)
{
    ++m_pending[outTradeNo];
    attempt(std::make_shared<Delivery>(
        Delivery{outTradeNo, url, body, dialect, 0, url, std::move(sign)}));
}

void SandboxNotifier::attempt(const std::shared_ptr<Delivery> &delivery)
{
    ++delivery->attempts;
    ++m_sent[delivery->outTradeNo];
    delivery->target = m_scatter.isEmpty()
                           ? delivery->url
                           : m_scatter.at(QRandomGenerator::global()->bounded(m_scatter.size()));
    QNetworkRequest request(delivery->target);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType(delivery->dialect));
    if (delivery->sign) {
        for (const auto &[name, value] : delivery->sign(delivery->body))
            request.setRawHeader(name, value);
    }
    // The gateway POSTs to notify_url itself; a redirect is a wrong answer, not a hint.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->post(request, delivery->body);
    // A whole-request deadline (a transfer timeout never fires for a trickling server),
    // precise because a coarse timer may fire 5% early and the merchant is owed 5 s.
    QTimer::singleShot(kTimeout, Qt::PreciseTimer, reply, &QNetworkReply::abort);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, delivery] { onFinished(reply, delivery); });
}

void SandboxNotifier::onFinished(QNetworkReply *reply, const std::shared_ptr<Delivery> &delivery)
{
    reply->deleteLater();
    const QString why = refusal(reply, delivery->dialect);
    const int attempts = delivery->attempts;
    const int maxAttempts =
        delivery->dialect == Dialect::Alipay ? int(kAlipayRetrySchedule.size()) + 1 : kMaxAttempts;
    if (why.isEmpty()) {
        qCInfo(lcNotifier) << "notification for" << delivery->outTradeNo
                           << "acknowledged at attempt" << attempts;
        m_acknowledged.insert(delivery->outTradeNo);
        m_acknowledgedBy[delivery->outTradeNo].append(delivery->target);
        finish(*delivery);
        Q_EMIT delivered(delivery->outTradeNo, true, attempts);
        return;
    }
    if (attempts >= maxAttempts) {
        qCWarning(lcNotifier) << "notification for" << delivery->outTradeNo << "given up after"
                              << attempts << "attempts; last:" << why;
        finish(*delivery);
        Q_EMIT delivered(delivery->outTradeNo, false, attempts);
        Q_EMIT abandoned(delivery->outTradeNo, attempts);
        return;
    }
    const std::chrono::milliseconds wait = retryDelay(attempts, delivery->dialect);
    qCInfo(lcNotifier) << "notification for" << delivery->outTradeNo << "attempt" << attempts
                       << "not acknowledged:" << why << "- retry in" << wait.count() << "ms";
    // Precise: a coarse timer may fire up to 5% early, and the schedule is a minimum.
    QTimer::singleShot(wait, Qt::PreciseTimer, this, [this, delivery] { attempt(delivery); });
    Q_EMIT delivered(delivery->outTradeNo, false, attempts);
}

void SandboxNotifier::finish(const Delivery &delivery)
{
    if (--m_pending[delivery.outTradeNo] <= 0)
        m_pending.remove(delivery.outTradeNo);
}

} // namespace shouyin
