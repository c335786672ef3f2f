// WechatV3Provider's QR payments (native, query by out-trade-no, close), the payment
// notification, and what every call shares: the signed request and the verified reply.

#include "wechatv3provider.h"

#include "crypto/securerandom.h"
#include "net/clientcertificate.h"
#include "pay/wechat/wechattext.h"
#include "pay/wechatv3/wechatv3resource.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcWechatV3, "shouyin.pay.wechatv3")

namespace {

constexpr int kBeijingOffsetSecs = 8 * 3600;

Error unbelievable(const QString &message)
{
    return Error{ErrorCode::BadResponse, message};
}

// A non-2xx reply's {code, message}, as the provider's own error: outcomeUnknown() knows
// v3's words for "in doubt" (SYSTEM_ERROR, BANK_ERROR, ORDER_PAID) beside v2's.
Error refusal(int status, const QJsonObject &body)
{
    const QString code = body.value(u"code"_s).toString();
    const QString message = body.value(u"message"_s).toString(code);
    if (!code.isEmpty()) {
        Error error = Error::provider(code, message);
        // A 4xx is the gateway's refusal; a 5xx is a refusal only in doubt.
        if (status < 500 || outcomeUnknown(error))
            return error;
    }
    return Error{ErrorCode::Http, WechatV3Provider::tr("The payment gateway answered HTTP %1: %2")
                                      .arg(status)
                                      .arg(code.isEmpty() ? u"no code"_s : code)};
}

TradeState stateFrom(const QString &tradeState)
{
    static const QHash<QString, TradeState> kStates{
        {u"SUCCESS"_s, TradeState::Success},   {u"REFUND"_s, TradeState::Refund},
        {u"NOTPAY"_s, TradeState::NotPay},     {u"CLOSED"_s, TradeState::Closed},
        {u"REVOKED"_s, TradeState::Revoked},   {u"USERPAYING"_s, TradeState::UserPaying},
        {u"PAYERROR"_s, TradeState::PayError}, {u"ACCEPT"_s, TradeState::Accepted},
    };
    return kStates.value(tradeState, TradeState::Unknown);
}

} // namespace

WechatV3Provider::WechatV3Provider(WechatV3Config config, ShopClock clock, QObject *parent)
    : PaymentProvider(parent)
    , m_config(std::move(config))
    , m_clock(std::move(clock))
    , m_gateway(new GatewayClient(u"wechat"_s, GatewayLimits{m_config.timeoutMs}, this))
    , m_keys(m_config.payKeys)
{
    if (m_config.downloadCertificates)
        startCertificateRefresh();
}

WechatV3Provider::~WechatV3Provider() = default;

QString WechatV3Provider::name() const
{
    return u"wechat"_s;
}

QString WechatV3Provider::api() const
{
    return u"v3"_s;
}

std::chrono::seconds WechatV3Provider::closeNotBefore() const
{
    // v3 keeps v2's five minutes on the gateway's clock, and ours may differ (see
    // WechatV2Provider::kCloseSkewMargin).
    return std::chrono::minutes(5) + std::chrono::seconds(30);
}

WechatPayKeys WechatV3Provider::payKeys() const
{
    QMutexLocker lock(&m_keysMutex);
    return m_keys;
}

std::optional<Fen> WechatV3Provider::fenFrom(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    // Beyond 2^53 a double no longer holds every integer: no till sells that much.
    constexpr double kMaxExact = 9007199254740992.0;
    if (number < 0 || number > kMaxExact || std::trunc(number) != number)
        return std::nullopt;
    return static_cast<Fen>(number);
}

QString WechatV3Provider::beijingTime(const QDateTime &at)
{
    // Whatever zone the machine is in: the gateway reads the offset, people read Beijing.
    return at.toOffsetFromUtc(kBeijingOffsetSecs).toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) +
           u"+08:00"_s;
}

QDateTime WechatV3Provider::fromRfc3339(const QString &text)
{
    // Qt's ISO reader takes forms RFC 3339 does not (no offset, which it would read in the
    // machine's zone): only date, time and an explicit offset pass.
    static const QRegularExpression kRfc3339(
        uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$)"_s);
    if (!kRfc3339.match(text).hasMatch())
        return {};
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : QDateTime();
}

QString WechatV3Provider::pathSegment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

void WechatV3Provider::send(const QByteArray &method, const QString &pathAndQuery,
                            const QByteArray &body, QObject *context, GatewayClient::Done done)
{
    QUrl url = m_config.baseUrl;
    const QString prefix = url.path().endsWith(u'/') ? url.path().chopped(1) : url.path();
    const qsizetype queryAt = pathAndQuery.indexOf(u'?');
    url.setPath(prefix + (queryAt < 0 ? pathAndQuery : pathAndQuery.left(queryAt)),
                QUrl::StrictMode);
    url.setQuery(queryAt < 0 ? QString() : pathAndQuery.mid(queryAt + 1), QUrl::StrictMode);
    // Signed as it goes on the wire.
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray authorization =
        wechatv3::authorization(m_config.signing, method, target, body,
                                m_clock.now().toSecsSinceEpoch(), crypto::randomAlphanumeric(32));
    if (authorization.isEmpty()) {
        qCWarning(lcWechatV3) << "cannot sign" << method << target;
        // Queued, as any answer is: a caller need not expect its callback inside the call.
        if (context)
            QMetaObject::invokeMethod(
                context,
                [done] {
                    done(Error{ErrorCode::Config,
                               u"the merchant's API v3 private key cannot sign requests"_s});
                },
                Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", authorization);
    request.setRawHeader("Accept", "application/json");
    if (method != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    trustAlso(request, m_config.gatewayCaCertificates);
    m_gateway->send(method, request, body, context, std::move(done),
                    GatewayClient::AcceptedStatuses::Any);
}

Status WechatV3Provider::verifyReply(const GatewayReply &reply) const
{
    return payKeys().verify(wechatv3::SignatureHeaders::from(reply.headers), reply.body,
                            m_clock.now());
}

Result<WechatV3Provider::Reply> WechatV3Provider::readReply(const GatewayReply &reply,
                                                            const Status &signature)
{
    if (!signature) {
        // A proxy's or a failing gateway's own page is unsigned; its status says more.
        if (reply.status >= 500)
            return Error{ErrorCode::Http,
                         tr("The payment gateway answered HTTP %1.").arg(reply.status)};
        return signature.error();
    }
    QJsonObject json;
    if (!reply.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(reply.body, &parseError);
        if (!document.isObject()) {
            if (reply.status >= 200 && reply.status <= 299)
                return unbelievable(u"the gateway's reply is not a JSON object: %1"_s.arg(
                    parseError.errorString()));
            return Error{ErrorCode::Http,
                         tr("The payment gateway answered HTTP %1.").arg(reply.status)};
        }
        json = document.object();
    }
    if (reply.status < 200 || reply.status > 299)
        return refusal(reply.status, json);
    return Reply{reply.status, json};
}

void WechatV3Provider::call(const QByteArray &method, const QString &pathAndQuery,
                            const QJsonObject &body, QObject *context, ReplyHandler handler)
{
    const QByteArray bytes =
        method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QPointer<QObject> guard(context);
    send(method, pathAndQuery, bytes, context, [this, guard, handler](Result<GatewayReply> reply) {
        if (!reply)
            return handler(reply.error());
        const Status signature = verifyReply(reply.value());
        if (signature || !refreshWorthwhileFor(reply->header("wechatpay-serial")))
            return handler(readReply(reply.value(), signature));
        // A serial we do not know may be a certificate WeChat Pay rotated to: the
        // reply counts if a fresh download brings it.
        refreshForSerial([this, guard, handler, reply = reply.value()](Status) {
            if (guard)
                handler(readReply(reply, verifyReply(reply)));
        });
    });
}

Result<TradeSnapshot> WechatV3Provider::believedTransaction(const QJsonObject &transaction) const
{
    if (transaction.value(u"appid"_s).toString() != m_config.appId ||
        transaction.value(u"mchid"_s).toString() != m_config.merchantId())
        return Error{ErrorCode::WrongMerchant, u"the transaction names another app or merchant"_s};
    TradeSnapshot snapshot = snapshotFrom(transaction);
    if (snapshot.payNo.isEmpty())
        return unbelievable(u"the transaction has no out_trade_no"_s);
    if (snapshot.rawState.isEmpty())
        return unbelievable(tr("The gateway's answer has no trade state."));
    if (transaction.contains(u"amount"_s) && snapshot.amount < 0)
        return unbelievable(u"the transaction's amount.total is not a count of fen"_s);
    if (transaction.contains(u"success_time"_s) && !snapshot.paidAt.isValid())
        return unbelievable(u"the transaction's success_time is not an RFC 3339 time"_s);
    return snapshot;
}

TradeSnapshot WechatV3Provider::snapshotFrom(const QJsonObject &transaction)
{
    TradeSnapshot snapshot;
    snapshot.payNo = transaction.value(u"out_trade_no"_s).toString();
    snapshot.rawState = transaction.value(u"trade_state"_s).toString();
    snapshot.state = stateFrom(snapshot.rawState);
    snapshot.amount =
        fenFrom(transaction.value(u"amount"_s).toObject().value(u"total"_s)).value_or(-1);
    snapshot.transactionId = transaction.value(u"transaction_id"_s).toString();
    snapshot.appId = transaction.value(u"appid"_s).toString();
    snapshot.merchantId = transaction.value(u"mchid"_s).toString();
    snapshot.paidAt = fromRfc3339(transaction.value(u"success_time"_s).toString());
    return snapshot;
}

void WechatV3Provider::createQr(const QrRequest &request, QObject *context, QrCallback done)
{
    QJsonObject body{
        {u"appid"_s, m_config.appId},
        {u"mchid"_s, m_config.merchantId()},
        {u"description"_s, wechattext::truncatedUtf8(request.description, kMaxDescriptionBytes)},
        {u"out_trade_no"_s, request.payNo},
        {u"notify_url"_s, m_config.notifyUrl},
        {u"amount"_s, QJsonObject{{u"total"_s, request.amount}, {u"currency"_s, u"CNY"_s}}},
    };
    if (request.expiresAt.isValid())
        body.insert(u"time_expire"_s, beijingTime(request.expiresAt));
    call("POST", u"/v3/pay/transactions/native"_s, body, context, [done](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        const QString codeUrl = reply->json.value(u"code_url"_s).toString();
        if (codeUrl.isEmpty())
            return done(unbelievable(tr("The gateway returned no QR code.")));
        done(QrTicket{codeUrl});
    });
}

void WechatV3Provider::query(const QString &payNo, QObject *context, QueryCallback done)
{
    const QString path = u"/v3/pay/transactions/out-trade-no/%1?mchid=%2"_s.arg(
        pathSegment(payNo), pathSegment(m_config.merchantId()));
    call("GET", path, {}, context, [this, done, payNo](Result<Reply> reply) {
        if (!reply && reply.error().is(u"ORDER_NOT_EXIST"))
            return done(TradeSnapshot::notFound(payNo, u"ORDER_NOT_EXIST"_s));
        if (!reply)
            return done(reply.error());
        auto snapshot = believedTransaction(reply->json);
        if (snapshot && snapshot->payNo != payNo)
            return done(unbelievable(tr("The gateway answered about another trade.")));
        done(std::move(snapshot));
    });
}

void WechatV3Provider::close(const QString &payNo, QObject *context, CloseCallback done)
{
    const QString path = u"/v3/pay/transactions/out-trade-no/%1/close"_s.arg(pathSegment(payNo));
    call("POST", path, {{u"mchid"_s, m_config.merchantId()}}, context, [done](Result<Reply> reply) {
        if (reply)
            return done(CloseResult::Closed);
        const Error &error = reply.error();
        if (error.is(u"ORDER_PAID"))
            return done(CloseResult::AlreadyPaid);
        // Closed before, or never created: either way it can no longer be paid.
        if (error.is(u"ORDER_CLOSED") || error.is(u"ORDER_NOT_EXIST"))
            return done(CloseResult::Closed);
        done(error);
    });
}

Result<QJsonObject> WechatV3Provider::openNotification(const HttpRequest &request,
                                                       QLatin1StringView originalType) const
{
    const auto headers = wechatv3::SignatureHeaders::from(request.headers);
    const WechatPayKeys keys = payKeys();
    const Status signature = keys.verify(headers, request.body, m_clock.now());
    if (!signature) {
        // WeChat Pay sends it again: by then a download may have brought the serial.
        // Judged on the provider's thread, which alone keeps the refresh's state.
        if (m_config.downloadCertificates && headers.complete() &&
            !keys.knows(QString::fromLatin1(headers.serial))) {
            auto *self = const_cast<WechatV3Provider *>(this);
            QMetaObject::invokeMethod(
                self,
                [self, serial = headers.serial] {
                    if (self->refreshWorthwhileFor(serial))
                        self->refreshForSerial({});
                },
                Qt::QueuedConnection);
        }
        return signature.error();
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return unbelievable(u"the notification is not a JSON object"_s);
    const QJsonObject resource = document.object().value(u"resource"_s).toObject();
    const QString type = resource.value(u"original_type"_s).toString();
    if (!type.isEmpty() && type != originalType)
        return unbelievable(u"the notification is about a %1, not a %2"_s.arg(type, originalType));
    auto plain = wechatv3::decryptResource(resource, m_config.apiV3Key);
    if (!plain)
        return plain.error();
    const QJsonDocument inner = QJsonDocument::fromJson(plain.value());
    if (!inner.isObject())
        return unbelievable(u"the notification's resource is not a JSON object"_s);
    return inner.object();
}

Result<TradeSnapshot> WechatV3Provider::parseNotification(const HttpRequest &request) const
{
    auto transaction = openNotification(request, "transaction"_L1);
    if (!transaction)
        return transaction.error();
    return believedTransaction(transaction.value());
}

HttpResponse WechatV3Provider::notificationReply(bool accepted, const QString &message) const
{
    if (accepted)
        return {204, {}, {}};
    const QJsonObject body{{u"code"_s, u"FAIL"_s}, {u"message"_s, message}};
    return {400, "application/json; charset=utf-8",
            QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

} // namespace shouyin
