#include "sandboxgateway.h"

#include "sandbox/sandboxcloseerrors.h"
#include "sandbox/sandboxnotifier.h"
#include "sandbox/sandboxsecureserver.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcSandbox, "shouyin.sandbox")

namespace {

const QByteArray kXmlType = QByteArrayLiteral("text/xml; charset=utf-8");
const QByteArray kTextType = QByteArrayLiteral("text/plain; charset=utf-8");

using StatusCode = QHttpServerResponder::StatusCode;

int customerStatus(const QString &code)
{
    if (code == u"ORDERNOTEXIST")
        return int(StatusCode::NotFound);
    if (code == u"LACK_PARAMS")
        return int(StatusCode::BadRequest);
    return int(StatusCode::Conflict);
}

} // namespace

SandboxGateway::SandboxGateway(SandboxMerchant merchant, QObject *parent)
    : QObject(parent)
    , m_protocol(std::move(merchant))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_notifier(new SandboxNotifier(this))
    , m_refundNotifier(new SandboxNotifier(this))
    , m_server(new QHttpServer(this))
    , m_secure(new SandboxSecureServer(
          kMaxBodyBytes,
          [this](const SandboxSecureServer::Request &request, QSslSocket *socket,
                 SandboxSecureServer::Writer writer) {
              handleSecure(request.path, request.body, request.peer,
                           Exchange(socket, std::move(writer)));
          },
          this))
{
    m_tls = SandboxTlsMaterial::generate(m_protocol.merchant().merchantId);
    connect(m_notifier, &SandboxNotifier::delivered, this, &SandboxGateway::notificationDelivered);
    connect(m_notifier, &SandboxNotifier::abandoned, this, &SandboxGateway::notificationAbandoned);
    const QString paths[] = {
        SandboxWechatProtocol::kUnifiedOrderPath, SandboxWechatProtocol::kOrderQueryPath,
        SandboxWechatProtocol::kCloseOrderPath, SandboxWechatProtocol::kMicropayPath,
        SandboxWechatProtocol::kRefundQueryPath};
    for (const QString &path : paths) {
        m_server->route(
            path, QHttpServerRequest::Method::Post,
            [this, path](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                handleWechat(path, request, std::move(responder));
            });
    }
    for (const QString &path :
         {SandboxWechatProtocol::kReversePath, SandboxWechatProtocol::kRefundPath}) {
        m_server->route(path, QHttpServerRequest::Method::Post,
                        [this, path](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                            refuseWithoutCertificate(path, std::move(responder));
                        });
    }
    m_server->route(SandboxAlipayProtocol::kGatewayPath, QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        handleAlipay(request, std::move(responder));
                    });
    m_server->route(kCustomerPayPath, QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        handleCustomerPay(request, std::move(responder));
                    });
    m_server->route(kTradesPath, QHttpServerRequest::Method::Get,
                    [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                        handleTrades(std::move(responder));
                    });
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            // v3 names trades and refunds in its paths: one dispatcher of its own serves
            // them all, and answers even an unknown /v3/ path in v3's signed JSON.
            if (request.url().path().startsWith(SandboxWechatV3Protocol::kPathPrefix)) {
                handleWechatV3(request, std::move(responder));
                return;
            }
            ++m_requestCounts[request.url().path()];
            responder.write("Not Found\n", kTextType, StatusCode::NotFound);
        });
}

SandboxGateway::Exchange::Exchange(QHttpServerResponder &&httpResponder)
    : responder(std::make_shared<QHttpServerResponder>(std::move(httpResponder)))
    , socket(responder->socket())
{}

SandboxGateway::Exchange::Exchange(QTcpSocket *tlsSocket, Writer tlsWriter)
    : writer(std::move(tlsWriter))
    , socket(tlsSocket)
{}

// Held responders go before the server that owns their sockets.
SandboxGateway::~SandboxGateway() = default;

SandboxMerchant SandboxGateway::trainingMerchant()
{
    // Sample credentials for the sandbox only; real merchants get theirs from WeChat Pay.
    return SandboxMerchant{u"wx5a4db0c0ffee0001"_s, u"1900000109"_s,
                           QByteArrayLiteral("ShouyinSandboxTrainingOnlyKey000")};
}

Status SandboxGateway::pay(const QString &outTradeNo)
{
    advanceCodeTrades();
    if (const auto trade = m_book.trade(outTradeNo); trade && trade->isCodeTrade())
        return confirmCodeTrade(outTradeNo);
    const Status status = m_book.pay(outTradeNo, now());
    if (!status) {
        qCInfo(lcSandbox) << "customer cannot pay" << outTradeNo << status.error().code;
        return status;
    }
    announcePaid(outTradeNo, "customer paid");
    return status;
}

void SandboxGateway::announcePaid(const QString &outTradeNo, const char *how)
{
    qCInfo(lcSandbox) << how << outTradeNo;
    Q_EMIT tradeChanged(outTradeNo, m_book.trade(outTradeNo)->state);
    if (!m_notificationsEnabled)
        return;
    if (const Status sent = sendNotification(outTradeNo); !sent)
        qCWarning(lcSandbox) << "cannot notify" << outTradeNo << sent.error().code
                             << sent.error().message;
}

void SandboxGateway::payRacingClose(const QString &outTradeNo)
{
    if (const Status paid = m_book.payRacingClose(outTradeNo, now()); !paid) {
        qCInfo(lcSandbox) << "no payment races the close of" << outTradeNo << paid.error().code;
        return;
    }
    announcePaid(outTradeNo, "payment racing a close landed on");
}

void SandboxGateway::setNotifyTimeScale(double scale)
{
    if (m_notifier->setTimeScale(scale))
        m_refundNotifier->setTimeScale(scale);
}

Status SandboxGateway::sendNotification(const QString &outTradeNo, NotifyVariant variant)
{
    const auto trade = m_book.trade(outTradeNo);
    if (!trade)
        return Error::provider(u"ORDERNOTEXIST"_s, u"此交易订单号不存在"_s);
    if (trade->state != u"SUCCESS")
        return Error::provider(
            u"ORDERNOTPAID"_s,
            u"trade %1 is %2: only a paid trade is notified"_s.arg(outTradeNo, trade->state));
    const QUrl url(trade->notifyUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty())
        return Error::provider(u"INVALID_NOTIFY_URL"_s,
                               u"notify_url '%1' is not an http(s) URL"_s.arg(trade->notifyUrl));
    if (trade->provider == u"wechat" && trade->api == u"v3")
        return sendWechatV3Notification(*trade, url, variant);
    if (isWechatV3NotifyVariant(variant))
        return Error{ErrorCode::Unsupported,
                     u"%1 is a WeChat Pay v3 notification; trade %2 was not made through v3"_s.arg(
                         notifyVariantName(variant), outTradeNo)};
    const bool alipay = trade->provider == u"alipay";
    const QByteArray body = alipay ? m_alipay.notification(*trade, variant, now())
                                   : m_protocol.notification(*trade, variant);
    const auto dialect =
        alipay ? SandboxNotifier::Dialect::Alipay : SandboxNotifier::Dialect::Wechat;
    qCInfo(lcSandbox) << "notifying" << outTradeNo << notifyVariantName(variant) << "to"
                      << url.toString(QUrl::RemoveUserInfo);
    m_notifier->deliver(outTradeNo, url, body, dialect);
    if (variant == NotifyVariant::Duplicate)
        m_notifier->deliver(outTradeNo, url, body, dialect);
    return success();
}

int SandboxGateway::notificationsSent(const QString &outTradeNo) const
{
    return m_notifier->sent(outTradeNo);
}

bool SandboxGateway::notificationAcknowledged(const QString &outTradeNo) const
{
    return m_notifier->acknowledged(outTradeNo);
}

bool SandboxGateway::notificationPending(const QString &outTradeNo) const
{
    return m_notifier->pending(outTradeNo);
}

Status SandboxGateway::payCodeUrl(const QString &codeUrl)
{
    const QString outTradeNo = m_book.outTradeNoForCodeUrl(codeUrl);
    if (outTradeNo.isEmpty())
        return Error::provider(u"ORDERNOTEXIST"_s, u"no trade shows this code_url"_s);
    return pay(outTradeNo);
}

void SandboxGateway::setAutoPayDelay(std::optional<std::chrono::milliseconds> delay)
{
    m_autoPayDelay = delay;
}

void SandboxGateway::injectFault(const QString &path, SandboxFault fault, int count,
                                 std::chrono::milliseconds latency)
{
    m_faults.inject(path, fault, count, latency);
}

void SandboxGateway::injectCloseRefusal(const QString &provider, SandboxFault fault,
                                        const QString &code)
{
    if (!documentedCloseError(provider, code)) {
        qCWarning(lcSandbox) << code << "is not a documented close error of" << provider;
        return;
    }
    const QString path = provider == u"alipay" ? SandboxAlipayProtocol::kClose
                                               : SandboxWechatProtocol::kCloseOrderPath;
    m_faults.inject(path, fault, 1, {}, code);
}

void SandboxGateway::clearFaults()
{
    m_faults.clear();
}

std::optional<SandboxTrade> SandboxGateway::trade(const QString &outTradeNo) const
{
    return m_book.trade(outTradeNo);
}

QList<SandboxTrade> SandboxGateway::trades() const
{
    return m_book.trades();
}

int SandboxGateway::requestCount(const QString &path) const
{
    return m_requestCounts.value(path);
}

void SandboxGateway::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : [] {
        return QDateTime::currentDateTimeUtc(); // no injected clock: the machine's, as a gateway's
    };
}

QDateTime SandboxGateway::now() const
{
    return m_clock().toUTC();
}

void SandboxGateway::handleWechat(const QString &path, const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    ++m_requestCounts[path];
    serveWechat(path, request.body(), Exchange(std::move(responder)));
}

void SandboxGateway::serveWechat(const QString &path, const QByteArray &body,
                                 const Exchange &exchange)
{
    if (body.size() > kMaxBodyBytes) {
        answer(exchange, "request body too large\n", int(StatusCode::PayloadTooLarge), kTextType);
        return;
    }
    const SandboxFaultPlan::Hit hit = m_faults.take(path);
    if (hit.fault != SandboxFault::None)
        qCInfo(lcSandbox) << path << "suffers injected fault" << faultName(hit.fault);

    if (hit.fault == SandboxFault::Http500) {
        answer(exchange, "<html><body>500 Internal Server Error</body></html>",
               int(StatusCode::InternalServerError), "text/html");
        return;
    }
    respond(exchange, hit, processWechat(path, body, hit), kXmlType);
}

void SandboxGateway::respond(const Exchange &exchange, const SandboxFaultPlan::Hit &hit,
                             QByteArray reply, const QByteArray &mimeType)
{
    switch (hit.fault) {
    case SandboxFault::NoReply:
        hold(exchange);
        return;
    case SandboxFault::Latency:
        // Answer from the event loop later: other requests keep being served meanwhile.
        // A precise timer, because a coarse one may fire a little early.
        QTimer::singleShot(hit.latency, Qt::PreciseTimer, this, [this, exchange, reply, mimeType] {
            answer(exchange, reply, int(StatusCode::Ok), mimeType);
        });
        return;
    case SandboxFault::Malformed:
        reply.truncate(reply.size() / 2);
        break;
    default:
        break;
    }
    answer(exchange, reply, int(StatusCode::Ok), mimeType);
}

void SandboxGateway::noteChange(const QString &outTradeNo, const QString &before)
{
    const auto after = m_book.trade(outTradeNo);
    if (!after || after->state == before)
        return;
    qCInfo(lcSandbox) << "trade" << outTradeNo << (before.isEmpty() ? u"created"_s : before) << "->"
                      << after->state;
    Q_EMIT tradeChanged(outTradeNo, after->state);
    // A payment code's customer is scripted; auto-pay is for QR trades.
    if (before.isEmpty() && m_autoPayDelay && !after->isCodeTrade()) {
        QTimer::singleShot(*m_autoPayDelay, this, [this, outTradeNo] {
            // The till may have closed it meanwhile: then the customer is too late.
            if (auto paid = pay(outTradeNo); !paid)
                qCInfo(lcSandbox) << "auto-pay of" << outTradeNo << "refused:" << paid.error().code;
        });
    }
}

void SandboxGateway::handleCustomerPay(const QHttpServerRequest &request,
                                       QHttpServerResponder &&responder)
{
    ++m_requestCounts[kCustomerPayPath];
    const Exchange exchange(std::move(responder));
    if (request.body().size() > kMaxBodyBytes) {
        answer(exchange, "request body too large\n", int(StatusCode::PayloadTooLarge), kTextType);
        return;
    }
    // application/x-www-form-urlencoded writes spaces as '+', which QUrlQuery keeps.
    QString form = QString::fromUtf8(request.body());
    form.replace(u'+', u"%20"_s);
    const QUrlQuery query(form);
    const QString outTradeNo = query.queryItemValue(u"out_trade_no"_s, QUrl::FullyDecoded);
    const QString codeUrl = query.queryItemValue(u"code_url"_s, QUrl::FullyDecoded);

    Status status = Error::provider(u"LACK_PARAMS"_s, u"out_trade_no or code_url is required"_s);
    if (!outTradeNo.isEmpty())
        status = pay(outTradeNo);
    else if (!codeUrl.isEmpty())
        status = payCodeUrl(codeUrl);

    if (status)
        answer(exchange, "OK", int(StatusCode::Ok), kTextType);
    else
        answer(exchange, (status.error().name() + u": "_s + status.error().message).toUtf8(),
               customerStatus(status.error().name()), kTextType);
}

void SandboxGateway::answer(const Exchange &exchange, const QByteArray &body, int status,
                            const QByteArray &mimeType)
{
    // The client may have hung up while the answer waited; its socket is gone then.
    if (!exchange.socket)
        return;
    if (exchange.responder)
        exchange.responder->write(body, mimeType, StatusCode(status));
    else
        exchange.writer(body, status, mimeType);
}

void SandboxGateway::hold(const Exchange &exchange)
{
    std::erase_if(m_held, [](const Exchange &held) { return !held.socket; });
    m_held.push_back(exchange);
}

} // namespace shouyin
