#pragma once

#include "money/money.h"
#include "sandbox/sandboxalipaycodepay.h"
#include "sandbox/sandboxalipayprotocol.h"
#include "sandbox/sandboxalipayrefunds.h"
#include "sandbox/sandboxalipaytrades.h"
#include "sandbox/sandboxcodecustomer.h"
#include "sandbox/sandboxcodetrades.h"
#include "sandbox/sandboxfaultplan.h"
#include "sandbox/sandboxmerchant.h"
#include "sandbox/sandboxrefundbook.h"
#include "sandbox/sandboxrefundscript.h"
#include "sandbox/sandboxtls.h"
#include "sandbox/sandboxtrade.h"
#include "sandbox/sandboxtradebook.h"
#include "sandbox/sandboxwechatprotocol.h"
#include "sandbox/sandboxwechatrefunds.h"
#include "sandbox/sandboxwechatv3credentials.h"
#include "sandbox/sandboxwechatv3protocol.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace shouyin {

class SandboxNotifier;
class SandboxSecureServer;

// A local HTTP server that speaks the real WeChat Pay v2 wire protocol (unifiedorder,
// orderquery, closeorder, micropay: same paths, fields, signatures, error codes and
// states) and the Alipay open API at /gateway.do (precreate, query, close, pay, cancel,
// refund, fastpay.refund.query; RSA2), keeps its own trade table and lets a "customer"
// pay, so that training and tests exercise the production code path without moving
// money. See DESIGN.md §4.
//
// Payment codes (付款码): the customer behind each code is scripted (setCodeCustomer);
// WeChat's /secapi/pay/reverse is served only on the TLS endpoint (listenSecure), which
// demands the merchant's client certificate (tls()), as the real gateway does. Code
// trades are never notified: the till learns their outcome by asking.
//
// Besides the gateway's paths it serves POST /sandbox/pay (form field out_trade_no or
// code_url), the training customer: 200 "OK", or 4xx with "CODE: message"; and
// GET /sandbox/trades, the trade table as JSON (tradesJson()) for tests that watch a
// sandbox running in another process.
//
// Whenever a trade becomes paid (pay(), payCodeUrl(), auto-pay, the race faults) the
// gateway POSTs the signed payment notification to the trade's notify_url and retries on
// WeChat's schedule until it is acknowledged (see SandboxNotifier). A WeChat refund that
// succeeds is notified the same way (encrypted req_info) to the refund's own notify_url.
//
// WeChat Pay API v3 (JSON under /v3/, requests signed WECHATPAY2-SHA256-RSA2048 with the
// merchant's key, every reply signed by WeChat Pay's public key or a platform certificate:
// see setWechatV3KeyMode()) is another wire over the same trades, refunds and customers.
// A trade and a refund remember which API made them, and are notified in its format.
class SandboxGateway : public QObject
{
    Q_OBJECT
public:
    static inline const QString kCustomerPayPath = QStringLiteral("/sandbox/pay");
    static inline const QString kTradesPath = QStringLiteral("/sandbox/trades");
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;

    explicit SandboxGateway(SandboxMerchant merchant, QObject *parent = nullptr);
    ~SandboxGateway() override;

    // Fixed sample credentials, known to every sandbox: they only ever sign sandbox
    // traffic and must never be configured against the real gateway.
    static SandboxMerchant trainingMerchant();
    const SandboxMerchant &merchant() const { return m_protocol.merchant(); }
    // The Alipay app the sandbox serves: its id and the PEM keys a till configures (the
    // app private key, the sandbox's "Alipay" public key), the same in every run.
    SandboxAlipayCredentials alipayTrainingCredentials() const;
    QUrl alipayGatewayUrl() const; // baseUrl() + /gateway.do

    // WeChat Pay API v3: the merchant's v3 identity and keys a till configures (the same
    // app and merchant as v2), the same in every run. v3 is served on baseUrl().
    SandboxWechatV3Credentials wechatV3TrainingCredentials() const;
    // What replies and notifications are signed with (default PublicKey). Switching to
    // PlatformCertificates publishes a first certificate when none is listed, and signs
    // with the newest listed one; PublicKey signs with the public key again. Errors: the
    // certificate could not be made.
    Status setWechatV3KeyMode(WechatV3KeyMode mode);
    WechatV3KeyMode wechatV3KeyMode() const;
    // A new platform certificate, valid from now() on for `validity`, listed by
    // /v3/certificates (in PlatformCertificates mode) but not signing until
    // signWechatV3With() names it: the first step of a rotation. Its serial; empty when it
    // could not be made (logged).
    QString publishWechatV3Certificate(
        std::chrono::seconds validity = SandboxWechatV3Signer::kCertificateLife);
    // Replies and notifications are signed from now on by `serial`: the public key's id
    // (PUB_KEY_ID_…) or a listed certificate's serial, whatever the mode: a switch from
    // certificates to the public key (or back) is rehearsed so. Errors: an unknown serial.
    Status signWechatV3With(const QString &serial);
    // The certificate leaves /v3/certificates and is never used again. Errors: an unknown
    // serial, or the certificate that signs now.
    Status withdrawWechatV3Certificate(const QString &serial);
    QString wechatV3Signer() const; // the serial or key id that signs now
    // The listed platform certificates, oldest first, as /v3/certificates sends them.
    QList<QSslCertificate> wechatV3Certificates() const;

    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl baseUrl() const; // e.g. http://127.0.0.1:PORT; empty before listen()

    // The TLS endpoint for the calls that need the merchant's certificate
    // (/secapi/pay/reverse): a client without a certificate tls().ca issued fails the
    // handshake; one whose CN is not the merchant id is answered return_code FAIL.
    quint16 listenSecure(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl secureBaseUrl() const; // e.g. https://127.0.0.1:PORT; empty before listenSecure()
    // Made with the gateway, so that a till can be configured before listenSecure().
    const SandboxTlsMaterial &tls() const { return m_tls; }

    // The customer behind `authCode` (default for every other code: PaysAtOnce, no delay).
    void setCodeCustomer(const QString &authCode, CodeCustomer customer,
                         std::chrono::milliseconds delay = {});
    void setDefaultCodeCustomer(CodeCustomer customer, std::chrono::milliseconds delay = {});
    // How many reverse (WeChat) or cancel (Alipay) requests named the trade (processed or
    // not; a reverse refused for want of a certificate never names one).
    int reverseCount(const QString &outTradeNo) const { return m_reverseCounts.value(outTradeNo); }
    // Sample codes for training, one per customer behaviour and provider: valid WeChat
    // (18 digits, 10–15) and Alipay (16–24 digits, 25–30) codes the sandbox maps to each
    // behaviour by default (a password takes SandboxCodeScript::kSampleDelay), so that a
    // training cashier can type them. Empty for an unknown provider.
    static QString sampleCode(const QString &provider, CodeCustomer customer);

    // The customer pays: NOTPAY -> SUCCESS with a transaction id and time_end; for a
    // payment-code trade waiting for the password, USERPAYING -> SUCCESS (the customer
    // types it now). Errors: ORDERNOTEXIST, ORDERCLOSED, ORDERPAID, ORDEREXPIRED
    // (sandboxError::kOrderExpired), or the state of a code trade past waiting.
    Status pay(const QString &outTradeNo);
    Status payCodeUrl(const QString &codeUrl); // same, found by the code_url the QR showed
    // Alipay: the buyer scans the QR but has not paid yet; from now on query answers
    // WAIT_BUYER_PAY instead of ACQ.TRADE_NOT_EXIST.
    Status scan(const QString &outTradeNo);
    // Pay every new trade automatically after `delay`; nullopt turns it off.
    void setAutoPayDelay(std::optional<std::chrono::milliseconds> delay);

    // WeChat: whether HMAC-SHA256-signed replies carry sign_type (default true); the real
    // gateway's need not.
    void setWechatRepliesNameSignType(bool name) { m_protocol.setRepliesNameSignType(name); }

    // Whether a trade that becomes paid, or a WeChat refund that succeeds, is notified by
    // itself (default true). sendNotification() and sendRefundNotification() work either
    // way.
    void setNotificationsEnabled(bool enabled) { m_notificationsEnabled = enabled; }
    bool notificationsEnabled() const { return m_notificationsEnabled; }
    // Compresses the retry schedule: 0.001 turns 15 s into 15 ms. Values outside (0, 1]
    // are refused (logged). The 5 s answer timeout is not compressed.
    void setNotifyTimeScale(double scale);
    // Sends the notification of a paid trade now, in the shape `variant` asks for, with
    // its own retries (see NotifyVariant). A trade made through WeChat Pay v3 gets a
    // TRANSACTION.SUCCESS event, signed as setWechatV3KeyMode() says and signed afresh at
    // each retry; any other trade its provider's v2 notification. Errors: ORDERNOTEXIST;
    // ORDERNOTPAID when the trade is not SUCCESS (there is nothing to notify);
    // INVALID_NOTIFY_URL when its notify_url is not an http(s) URL; Unsupported for a
    // variant the trade's API has not (the v3-only ones on a v2 or Alipay trade,
    // OutOfOrder on a v3 trade).
    Status sendNotification(const QString &outTradeNo,
                            NotifyVariant variant = NotifyVariant::Genuine);
    // Notification POSTs made for the trade so far (every attempt of every delivery).
    int notificationsSent(const QString &outTradeNo) const;
    // Whether any of them was acknowledged (HTTP 200, return_code SUCCESS; v3: HTTP 200
    // or 204).
    bool notificationAcknowledged(const QString &outTradeNo) const;
    // Whether a delivery for the trade is in flight or waiting to retry.
    bool notificationPending(const QString &outTradeNo) const;
    // Tests of several tills: every notification POST (retries too) goes to one of
    // `urls`, picked at random each time, instead of the trade's own notify_url (which
    // must still be a valid URL). Empty: back to each trade's notify_url.
    void setNotifyScatter(QList<QUrl> urls);

    // How many close requests (WeChat closeorder, alipay.trade.close) named the trade.
    int closeCount(const QString &outTradeNo) const { return m_closeCounts.value(outTradeNo); }
    // Every trade: out_trade_no, provider, api (v2, v3), trade_type, state, total_fee,
    // transaction_id, closes, reverses, notifications_sent, acknowledged_by (the URLs that
    // acknowledged a notification). A code trade shows the state of the last request or
    // timer that looked at it (the gateway's paths and /sandbox/trades bring it up to
    // now()).
    QJsonArray tradesJson() const;

    // The next `count` requests to `path` (e.g. "/pay/orderquery"; for Alipay
    // "/gateway.do" or a method such as "alipay.trade.query"; empty = any gateway path,
    // not /sandbox/pay) suffer `fault`. SandboxFault::None drops pending faults.
    // The race faults (PayDuringClose, PayAfterClose) act on /pay/closeorder only; see
    // SandboxFault for what they do.
    void injectFault(const QString &path, SandboxFault fault, int count = 1,
                     std::chrono::milliseconds latency = {});
    // The next close of `provider` ("wechat", "alipay") is answered `code`, one of its
    // documented close errors, after `fault` (a RefuseClose family fault) has done what
    // it says to the trade. Refused (logged) for a code the provider does not document.
    void injectCloseRefusal(const QString &provider, SandboxFault fault, const QString &code);
    void clearFaults();

    // Refunds: WeChat /secapi/pay/refund (TLS endpoint only, client certificate) and
    // /pay/refundquery; Alipay alipay.trade.refund and .fastpay.refund.query.
    void setRefundBehaviour(
        RefundBehaviour behaviour,
        std::chrono::milliseconds settleDelay = SandboxRefundScript::kDefaultSettleDelay);
    void setRefundBehaviour(const QString &refundNo, RefundBehaviour behaviour);
    // A refund left PROCESSING (StaysProcessing) succeeds now; WeChat then notifies it.
    // Errors: REFUNDNOTEXIST; the refund's state when it is not processing.
    Status completeRefund(const QString &refundNo);
    // POSTs the refund's notification now (WeChat), as `variant` says, with retries; in
    // v3's format (REFUND.SUCCESS, .CLOSED, .ABNORMAL) for a refund made through v3.
    Status sendRefundNotification(const QString &refundNo,
                                  RefundNotifyVariant variant = RefundNotifyVariant::Genuine);
    int refundRequestCount(const QString &refundNo) const; // refund requests that named it
    std::optional<SandboxRefund> refund(const QString &refundNo) const;
    QList<SandboxRefund> refunds() const;
    Fen refundedAmount(const QString &outTradeNo) const; // its SUCCESS refunds

    // A code trade as the last request, timer or pay() left it (see tradesJson()).
    std::optional<SandboxTrade> trade(const QString &outTradeNo) const;
    QList<SandboxTrade> trades() const;
    // Every request that reached `path` (Alipay: "/gateway.do", and each method by name;
    // v3: the SandboxWechatV3Protocol path labels, e.g. kQueryPath for any trade).
    int requestCount(const QString &path) const;

    // The gateway's clock (UTC), for tests and time-compressed training; defaults to the
    // system clock.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

Q_SIGNALS:
    void tradeChanged(const QString &outTradeNo, const QString &state);
    // After every notification POST; `attempt` counts from 1 within its delivery.
    void notificationDelivered(const QString &outTradeNo, bool acknowledged, int attempt);
    // A delivery never acknowledged, after its last retry.
    void notificationAbandoned(const QString &outTradeNo, int attempts);
    // A refund was made (PROCESSING) or changed state.
    void refundChanged(const QString &refundNo, const QString &state);

private:
    // A request waiting for its answer. The responder only holds a raw socket pointer,
    // so an answer given later checks the guard first.
    struct Exchange
    {
        using Writer =
            std::function<void(const QByteArray &body, int status, const QByteArray &mimeType)>;
        explicit Exchange(QHttpServerResponder &&responder);
        Exchange(QTcpSocket *socket, Writer writer); // the TLS endpoint's
        std::shared_ptr<QHttpServerResponder> responder;
        Writer writer;
        QPointer<QTcpSocket> socket;
    };

    void handleWechat(const QString &path, const QHttpServerRequest &request,
                      QHttpServerResponder &&responder);
    // WeChat Pay API v3 (sandboxgatewayv3.cpp, sandboxgatewayv3notify.cpp).
    void handleWechatV3(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    SandboxV3Reply processWechatV3(const SandboxWechatV3Protocol::Route &route,
                                   const QUrlQuery &query, const QJsonObject &body,
                                   const SandboxFaultPlan::Hit &hit);
    SandboxV3Reply v3NativeOrder(const QJsonObject &body);
    SandboxV3Reply v3Query(const QString &outTradeNo, const QUrlQuery &query);
    SandboxV3Reply v3Close(const QString &outTradeNo, const QJsonObject &body,
                           const SandboxFaultPlan::Hit &hit);
    SandboxV3Reply v3Codepay(const QJsonObject &body, const SandboxFaultPlan::Hit &hit);
    SandboxV3Reply v3Reverse(const QString &outTradeNo, const QJsonObject &body,
                             const SandboxFaultPlan::Hit &hit);
    SandboxV3Reply v3Refund(const QJsonObject &body, const SandboxFaultPlan::Hit &hit);
    SandboxV3Reply v3RefundQuery(const QString &refundNo);
    SandboxV3Reply v3Certificates() const;
    // As respond(), for a v3 reply: signed when it is written.
    void respondV3(const Exchange &exchange, const SandboxFaultPlan::Hit &hit,
                   SandboxV3Reply reply);
    void answerV3(const Exchange &exchange, const SandboxV3Reply &reply, bool forgeSignature);
    Status sendWechatV3Notification(const SandboxTrade &trade, const QUrl &url,
                                    NotifyVariant variant);
    Status sendWechatV3RefundNotification(const SandboxRefund &refund, const SandboxTrade &trade,
                                          const QUrl &url, RefundNotifyVariant variant);
    // Either endpoint's WeChat request, once it may be served.
    void serveWechat(const QString &path, const QByteArray &body, const Exchange &exchange);
    void handleSecure(const QString &path, const QByteArray &body, const QSslCertificate &peer,
                      const Exchange &exchange);
    void refuseWithoutCertificate(const QString &path, QHttpServerResponder &&responder);
    QByteArray processWechatCode(const QString &path, const SandboxRequest &request,
                                 const SandboxFaultPlan::Hit &hit);
    QByteArray processAlipayCode(const SandboxAlipayRequest &request,
                                 const SandboxFaultPlan::Hit &hit);
    // alipay.trade.refund and .fastpay.refund.query (sandboxgatewayalipay.cpp).
    QByteArray processAlipayRefund(const SandboxAlipayRequest &request,
                                   const SandboxFaultPlan::Hit &hit);
    // /secapi/pay/refund and /pay/refundquery (sandboxgatewayrefunds.cpp).
    QByteArray processWechatRefund(const QString &path, const SandboxRequest &request,
                                   const SandboxFaultPlan::Hit &hit);
    // Refunds whose settle time has come on now() succeed; a timer does it in real time.
    void advanceRefunds();
    void watchRefund(const QString &refundNo);
    // PROCESSING -> SUCCESS now: observers told, WeChat's notification sent.
    bool settleRefund(const QString &refundNo);
    QJsonArray refundsJson(const QString &outTradeNo) const;
    // Code trades whose customer's time has come on now() end as scripted.
    void advanceCodeTrades();
    // Ends the waiting code trade after its customer's delay, in real time.
    void watchCodeTrade(const QString &outTradeNo);
    Status confirmCodeTrade(const QString &outTradeNo);
    void handleAlipay(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    QByteArray processAlipay(const SandboxAlipayRequest &request, const SandboxFaultPlan::Hit &hit);
    // Answers a processed request as `hit` asks: later, never, truncated, or now.
    void respond(const Exchange &exchange, const SandboxFaultPlan::Hit &hit, QByteArray reply,
                 const QByteArray &mimeType);
    void handleCustomerPay(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleTrades(QHttpServerResponder &&responder);
    QByteArray processWechat(const QString &path, const QByteArray &body,
                             const SandboxFaultPlan::Hit &hit);
    // A trade just became paid: tell observers and, when enabled, notify_url.
    void announcePaid(const QString &outTradeNo, const char *how);
    void payRacingClose(const QString &outTradeNo);
    void answer(const Exchange &exchange, const QByteArray &body, int status,
                const QByteArray &mimeType);
    void hold(const Exchange &exchange);
    void noteChange(const QString &outTradeNo, const QString &before);
    // scheme://address:port, with a wildcard address replaced by loopback; empty for port 0.
    static QUrl dialableUrl(const QString &scheme, const QHostAddress &address, quint16 port);

    SandboxWechatProtocol m_protocol;
    SandboxTradeBook m_book;
    SandboxFaultPlan m_faults;
    SandboxAlipayProtocol m_alipay;
    SandboxAlipayTrades m_alipayTrades{m_book};
    SandboxCodeScript m_codeScript;
    SandboxCodeTrades m_codeTrades{m_book};
    SandboxAlipayCodePay m_alipayCodePay{m_book, m_codeTrades};
    SandboxRefundScript m_refundScript;
    SandboxRefundBook m_refunds;
    SandboxWechatRefunds m_wechatRefunds{m_book, m_refunds};
    SandboxAlipayRefunds m_alipayRefunds{m_book, m_refunds};
    SandboxWechatV3Protocol m_v3{m_protocol.merchant()};
    QHash<QString, int> m_reverseCounts; // by out_trade_no
    SandboxTlsMaterial m_tls;
    QHash<QString, int> m_requestCounts;
    QHash<QString, int> m_closeCounts; // by out_trade_no
    std::optional<std::chrono::milliseconds> m_autoPayDelay;
    bool m_notificationsEnabled = true;
    std::function<QDateTime()> m_clock;
    SandboxNotifier *m_notifier;
    // Refund notifications: counted and retried apart from the trades' own.
    SandboxNotifier *m_refundNotifier;
    // NoReply keeps the responders alive so that the connection stays open, unanswered.
    std::vector<Exchange> m_held;
    QHttpServer *m_server;
    QHostAddress m_address;
    quint16 m_port = 0;
    SandboxSecureServer *m_secure;
    QHostAddress m_secureAddress;
    quint16 m_securePort = 0;
};

} // namespace shouyin
