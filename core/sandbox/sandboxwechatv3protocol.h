#pragma once

#include "crypto/rsakey.h"
#include "money/money.h"
#include "sandbox/sandboxmerchant.h"
#include "sandbox/sandboxrefundbook.h"
#include "sandbox/sandboxtrade.h"
#include "sandbox/sandboxwechatv3credentials.h"
#include "sandbox/sandboxwechatv3signer.h"
#include "util/result.h"
#include "xml/flatxml.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace shouyin {

// A v3 answer before it is signed.
struct SandboxV3Reply
{
    int status = 200;
    QByteArray body; // JSON; empty for 204
    QString signer;  // the serial that signs it; empty: the current signer

    static SandboxV3Reply json(const QJsonObject &object, int status = 200);
    // {"code": …, "message": …}, as every v3 refusal is worded.
    static SandboxV3Reply error(int status, const QString &code, const QString &message);
    static SandboxV3Reply noContent();
};

// WeChat Pay API v3 as the sandbox speaks it (/tmp/v3wire.md, WeChat's own v3 documents):
// the paths, the check of a request's Authorization, the JSON of transactions, refunds,
// notifications and the certificate list, and the v3 words for the trade book's answers.
// The trades, refunds and customers are the same as v2's; only the wire differs.
class SandboxWechatV3Protocol
{
public:
    // The paths. Those that name a trade or a refund are counted and faulted under these
    // labels, whatever number they name.
    static inline const QString kNativePath = QStringLiteral("/v3/pay/transactions/native");
    static inline const QString kCodepayPath = QStringLiteral("/v3/pay/transactions/codepay");
    static inline const QString kQueryPath =
        QStringLiteral("/v3/pay/transactions/out-trade-no/{out_trade_no}");
    static inline const QString kClosePath =
        QStringLiteral("/v3/pay/transactions/out-trade-no/{out_trade_no}/close");
    static inline const QString kReversePath =
        QStringLiteral("/v3/pay/transactions/out-trade-no/{out_trade_no}/reverse");
    static inline const QString kRefundPath = QStringLiteral("/v3/refund/domestic/refunds");
    static inline const QString kRefundQueryPath =
        QStringLiteral("/v3/refund/domestic/refunds/{out_refund_no}");
    static inline const QString kCertificatesPath = QStringLiteral("/v3/certificates");
    static inline const QString kPathPrefix = QStringLiteral("/v3/");

    // Which endpoint a request is for: its label (one of the paths above) and the number
    // its path names (out_trade_no, out_refund_no; empty for the others).
    struct Route
    {
        QString label;
        QString parameter;
    };
    // Nullopt when no endpoint serves `method` on `path` (decoded).
    static std::optional<Route> route(const QByteArray &method, const QString &path);

    // The sandbox's merchant, with the fixed v3 credentials (sandboxwechatv3keys.cpp).
    explicit SandboxWechatV3Protocol(const SandboxMerchant &merchant);

    const SandboxWechatV3Credentials &credentials() const { return m_credentials; }
    SandboxWechatV3Signer &signer() { return m_signer; }
    const SandboxWechatV3Signer &signer() const { return m_signer; }
    // The merchant's key pair, for the BadSignature fault and the WrongSignature variant:
    // a key that is not WeChat Pay's.
    const crypto::RsaKey &merchantKey() const { return m_merchantKey; }

    // Whether `authorization` is the merchant's WECHATPAY2-SHA256-RSA2048 signature of this
    // request, made with its certificate's key within kMaxSkew of `now`; the error's
    // message is SIGN_ERROR's.
    Status verify(const QByteArray &authorization, const QByteArray &method,
                  const QByteArray &pathAndQuery, const QByteArray &body,
                  const QDateTime &now) const;

    // The transaction as query answers it (and codepay, and a payment notification's
    // resource); `amountOff` fen less than paid (the WrongAmount variant).
    QJsonObject transaction(const SandboxTrade &trade, Fen amountOff = 0) const;
    // A refund as domestic/refunds and its query answer it.
    static QJsonObject refund(const SandboxRefund &refund, const SandboxTrade &trade);
    // A refund notification's resource: `amountOff` fen less refunded, another `merchantId`.
    static QJsonObject refundResource(const SandboxRefund &refund, const SandboxTrade &trade,
                                      const QString &merchantId, Fen amountOff = 0);
    // v3's refund status (SUCCESS, CLOSED, PROCESSING, ABNORMAL) for a sandboxRefundState.
    static QString refundStatus(const QString &state);

    // A notification's body: the event, with `resource` encrypted under `apiV3Key`.
    static QByteArray notification(const QString &eventType, const QString &summary,
                                   const QJsonObject &resource, const QByteArray &originalType,
                                   const QByteArray &apiV3Key, const QDateTime &now);
    // GET /v3/certificates' body: every listed certificate, encrypted under the API v3 key.
    QByteArray certificateList() const;

    // The v3 refusal for a failed v2 business answer (result_code FAIL, err_code).
    static SandboxV3Reply refusal(const Params &business);

    // RFC 3339 in Beijing time, "2026-12-06T10:34:56+08:00"; invalid in, empty out.
    static QString formatTime(const QDateTime &time);
    static QDateTime parseTime(const QString &text); // invalid when malformed

private:
    SandboxWechatV3Credentials m_credentials;
    crypto::RsaKey m_merchantKey;
    SandboxWechatV3Signer m_signer;
};

} // namespace shouyin
