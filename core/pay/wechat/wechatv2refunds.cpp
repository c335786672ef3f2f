// WechatV2Provider's refunds: secapi/pay/refund, pay/refundquery and the encrypted refund
// notification. Fields, states and err_codes as WeChat Pay v2 documents them (wiki
// chapters 9_4, 9_5, 9_16), cross-checked against binarywang/WxJava's WxPayRefundResult,
// WxPayRefundQueryResult and WxPayRefundNotifyResult (req_info: AES-256-ECB, PKCS#5/7,
// key = lower-case hex MD5 of the API key; decrypted root element <root>).

#include "crypto/aesecb.h"
#include "crypto/digest.h"
#include "pay/wechat/wechattext.h"
#include "pay/wechat/wechattime.h"
#include "wechatv2provider.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcWechatRefund, "shouyin.pay.wechat.refund")

namespace {

// The gateway refuses a refund_desc over 80 bytes.
constexpr qsizetype kMaxRefundDescBytes = 80;

Error unbelievable(const QString &message)
{
    return Error{ErrorCode::BadResponse, message};
}

// refundquery's refund_status_$n and the notification's refund_status.
void applyState(RefundSnapshot &snapshot, const QString &word)
{
    snapshot.rawState = word;
    if (word == u"SUCCESS") {
        snapshot.state = RefundState::Success;
    } else if (word == u"PROCESSING") {
        snapshot.state = RefundState::Processing;
    } else if (word == u"REFUNDCLOSE") {
        snapshot.state = RefundState::Failed;
        snapshot.failReason = WechatV2Provider::tr("WeChat Pay closed the refund: no money "
                                                   "went back. Refund again with a new number.");
    } else if (word == u"CHANGE") {
        // The money left the merchant but the customer's card or account refused it.
        snapshot.state = RefundState::Failed;
        snapshot.failReason = WechatV2Provider::tr(
            "The refund went to an abnormal account (a closed or frozen card): a manager must "
            "settle it on the WeChat Pay merchant platform.");
    } else {
        snapshot.state = RefundState::Unknown;
    }
}

// A signed refund reply, checked against the request before anything in it counts.
Result<RefundSnapshot> refundAnswer(const Params &message, const RefundRequest &request)
{
    if (message.value(u"result_code"_s) != u"SUCCESS") {
        // SYSTEMERROR, BIZERR_NEED_RETRY, FREQUENCY_LIMITED: outcomeUnknown() holds, the
        // same out_refund_no is sent again; NOTENOUGH, ERROR, INVALID_REQUEST,
        // REFUND_FEE_MISMATCH, ORDERNOTEXIST, ...: refused, nothing refunded.
        const QString code = message.value(u"err_code"_s, u"FAIL"_s);
        return Error::provider(code, message.value(u"err_code_des"_s, code));
    }
    if (message.value(u"out_refund_no"_s) != request.refundNo)
        return unbelievable(WechatV2Provider::tr("The gateway answered about another refund."));
    const QString payNo = message.value(u"out_trade_no"_s);
    if (!payNo.isEmpty() && payNo != request.payNo)
        return unbelievable(WechatV2Provider::tr("The gateway answered about another trade."));
    const QString fee = message.value(u"refund_fee"_s);
    if (parseFen(fee) != request.refundAmount)
        return unbelievable(u"the gateway's refund_fee '%1' is not the %2 asked"_s.arg(fee).arg(
            request.refundAmount));
    if (message.value(u"refund_id"_s).isEmpty())
        return unbelievable(u"the gateway accepted the refund without a refund_id"_s);

    RefundSnapshot snapshot;
    snapshot.refundNo = request.refundNo;
    snapshot.payNo = request.payNo;
    snapshot.amount = request.refundAmount;
    snapshot.providerRefundId = message.value(u"refund_id"_s);
    // The reply says accepted, not done; only a reply that says SUCCESS is taken as more.
    const bool done = message.value(u"refund_status"_s) == u"SUCCESS";
    applyState(snapshot, done ? u"SUCCESS"_s : u"PROCESSING"_s);
    return snapshot;
}

// A signed refundquery reply: the refund is the `_$n` whose out_refund_no_$n is ours.
Result<RefundSnapshot> queryAnswer(const Params &message, const RefundRequest &request)
{
    RefundSnapshot snapshot;
    snapshot.refundNo = request.refundNo;
    snapshot.payNo = request.payNo;
    if (message.value(u"result_code"_s) != u"SUCCESS") {
        const QString code = message.value(u"err_code"_s, u"FAIL"_s);
        if (code == u"REFUNDNOTEXIST") {
            snapshot.state = RefundState::NotFound;
            snapshot.rawState = code;
            return snapshot;
        }
        return Error::provider(code, message.value(u"err_code_des"_s, code));
    }
    const QString payNo = message.value(u"out_trade_no"_s);
    if (!payNo.isEmpty() && payNo != request.payNo)
        return unbelievable(WechatV2Provider::tr("The gateway answered about another trade."));
    bool counted = false;
    const int count = message.value(u"refund_count"_s).toInt(&counted);
    if (!counted || count < 1)
        return unbelievable(u"the gateway's refund_count '%1' is not a count of refunds"_s.arg(
            message.value(u"refund_count"_s)));
    int index = -1;
    for (int n = 0; n < count && index < 0; ++n) {
        if (message.value(u"out_refund_no_%1"_s.arg(n)) == request.refundNo)
            index = n;
    }
    if (index < 0)
        return unbelievable(WechatV2Provider::tr("The gateway answered about another refund."));

    const auto field = [&message, index](const QString &name) {
        return message.value(u"%1_%2"_s.arg(name).arg(index));
    };
    const QString word = field(u"refund_status"_s);
    if (word.isEmpty())
        return unbelievable(u"the gateway's refund %1 has no refund_status"_s.arg(index));
    const auto amount = parseFen(field(u"refund_fee"_s));
    if (!amount)
        return unbelievable(u"the gateway's refund %1 has no refund_fee"_s.arg(index));
    // Another amount under our number is not our refund, whatever its state.
    if (request.refundAmount > 0 && *amount != request.refundAmount)
        return unbelievable(u"the gateway's refund_fee %1 is not the %2 asked"_s.arg(*amount).arg(
            request.refundAmount));
    applyState(snapshot, word);
    snapshot.amount = *amount;
    snapshot.providerRefundId = field(u"refund_id"_s);
    snapshot.refundedAt = wechattime::parseDashed(field(u"refund_success_time"_s));
    return snapshot;
}

} // namespace

void WechatV2Provider::refund(const RefundRequest &request, QObject *context, RefundCallback done)
{
    if (m_config.clientCertificate.isNull()) {
        qCWarning(lcWechatRefund) << "cannot refund" << request.refundNo
                                  << "without a client certificate";
        // Queued, as any answer is: a caller need not expect its callback inside the call.
        if (context)
            QMetaObject::invokeMethod(
                context,
                [done] {
                    done(Error{ErrorCode::Config,
                               u"the merchant's API client certificate is not configured: "
                               "WeChat Pay refunds need it"_s});
                },
                Qt::QueuedConnection);
        return;
    }
    Params fields{
        {u"out_trade_no"_s, request.payNo},
        {u"out_refund_no"_s, request.refundNo},
        {u"total_fee"_s, QString::number(request.paymentAmount)},
        {u"refund_fee"_s, QString::number(request.refundAmount)},
    };
    // The signature skips empty values, and so does the gateway: an empty one is left out.
    if (const QString reason = wechattext::truncatedUtf8(request.reason, kMaxRefundDescBytes);
        !reason.isEmpty())
        fields.insert(u"refund_desc"_s, reason);
    if (!m_config.refundNotifyUrl.isEmpty())
        fields.insert(u"notify_url"_s, m_config.refundNotifyUrl);
    qCInfo(lcWechatRefund) << "refund" << request.refundNo << "of" << request.payNo
                           << request.refundAmount << "of" << request.paymentAmount;
    call(
        u"/secapi/pay/refund"_s, fields, context,
        [done, request](Result<Params> reply) {
            if (!reply)
                return done(reply.error());
            done(refundAnswer(reply.value(), request));
        },
        Channel::Secapi);
}

void WechatV2Provider::queryRefund(const RefundRequest &request, QObject *context,
                                   RefundCallback done)
{
    call(u"/pay/refundquery"_s, {{u"out_refund_no"_s, request.refundNo}}, context,
         [done, request](Result<Params> reply) {
             if (!reply)
                 return done(reply.error());
             done(queryAnswer(reply.value(), request));
         });
}

Result<RefundSnapshot> WechatV2Provider::parseRefundNotification(const HttpRequest &request) const
{
    auto decoded = FlatXml::decode(request.body);
    if (!decoded)
        return Error{ErrorCode::BadResponse, decoded.error().message};
    const Params &outer = decoded.value();
    if (outer.value(u"return_code"_s) != u"SUCCESS")
        return Error{ErrorCode::Gateway,
                     outer.value(u"return_msg"_s, u"the refund notification says FAIL"_s)};
    if (outer.value(u"appid"_s) != m_config.appId ||
        outer.value(u"mch_id"_s) != m_config.merchantId)
        return Error{ErrorCode::WrongMerchant,
                     u"the refund notification names another app or merchant"_s};
    const auto cipher = QByteArray::fromBase64Encoding(outer.value(u"req_info"_s).toLatin1(),
                                                       QByteArray::AbortOnBase64DecodingErrors);
    if (!cipher || cipher.decoded.isEmpty())
        return Error{ErrorCode::BadResponse, u"the refund notification has no req_info"_s};
    const QByteArray key = crypto::md5Hex(m_config.key).toLower();
    auto plain = crypto::aes256EcbDecrypt(key, cipher.decoded);
    // Garbage that happened to end in valid padding is no XML either: the same failure.
    auto inner = plain ? FlatXml::decode(plain.value(), u"root"_s) : Result<Params>(plain.error());
    if (!inner)
        return Error{ErrorCode::BadSignature,
                     u"the refund notification cannot be decrypted with the merchant key"_s};
    const Params &fields = inner.value();
    for (const QString &name : {u"out_refund_no"_s, u"refund_status"_s, u"refund_fee"_s}) {
        if (fields.value(name).isEmpty())
            return unbelievable(u"the refund notification has no %1"_s.arg(name));
    }
    const auto amount = parseFen(fields.value(u"refund_fee"_s));
    if (!amount)
        return unbelievable(u"the refund notification's refund_fee is not a count of fen"_s);

    RefundSnapshot snapshot;
    snapshot.refundNo = fields.value(u"out_refund_no"_s);
    snapshot.payNo = fields.value(u"out_trade_no"_s);
    applyState(snapshot, fields.value(u"refund_status"_s));
    snapshot.amount = *amount;
    snapshot.providerRefundId = fields.value(u"refund_id"_s);
    snapshot.refundedAt = wechattime::parseDashed(fields.value(u"success_time"_s));
    return snapshot;
}

} // namespace shouyin
