#include "wechatv3signing.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace shouyin::wechatv3 {

QByteArray requestMessage(const QByteArray &method, const QByteArray &pathAndQuery,
                          const QByteArray &timestamp, const QByteArray &nonce,
                          const QByteArray &body)
{
    return method + '\n' + pathAndQuery + '\n' + timestamp + '\n' + nonce + '\n' + body + '\n';
}

QByteArray replyMessage(const QByteArray &timestamp, const QByteArray &nonce,
                        const QByteArray &body)
{
    return timestamp + '\n' + nonce + '\n' + body + '\n';
}

QByteArray authorization(const MerchantSigningKey &key, const QByteArray &method,
                         const QByteArray &pathAndQuery, const QByteArray &body, qint64 timestamp,
                         const QByteArray &nonce)
{
    const QByteArray time = QByteArray::number(timestamp);
    const QByteArray signature =
        key.privateKey.signBase64(requestMessage(method, pathAndQuery, time, nonce, body));
    if (signature.isEmpty())
        return {};
    return kAuthorizationScheme.toByteArray() + " mchid=\"" + key.merchantId.toUtf8() +
           "\",nonce_str=\"" + nonce + "\",timestamp=\"" + time + "\",serial_no=\"" +
           key.serialNo.toUtf8() + "\",signature=\"" + signature + '"';
}

Result<Authorization> parseAuthorization(const QByteArray &header)
{
    const QByteArray scheme = kAuthorizationScheme.toByteArray() + ' ';
    if (!header.startsWith(scheme))
        return Error{ErrorCode::BadSignature, u"not a WECHATPAY2-SHA256-RSA2048 authorization"_s};
    // Values are quoted and never contain quotes (base64, digits, the serial, the id).
    static const QRegularExpression field(uR"re(\s*([a-z_]+)="([^"]*)"\s*(,|$))re"_s);
    const QString fields = QString::fromLatin1(header.mid(scheme.size()));
    Authorization parsed;
    QHash<QString, QByteArray *> slots{{u"mchid"_s, &parsed.merchantId},
                                       {u"nonce_str"_s, &parsed.nonce},
                                       {u"timestamp"_s, &parsed.timestamp},
                                       {u"serial_no"_s, &parsed.serialNo},
                                       {u"signature"_s, &parsed.signature}};
    qsizetype at = 0;
    while (at < fields.size()) {
        const auto match = field.match(fields, at, QRegularExpression::NormalMatch,
                                       QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return Error{ErrorCode::BadSignature, u"the authorization's fields are malformed"_s};
        QByteArray *slot = slots.take(match.captured(1));
        if (!slot)
            return Error{ErrorCode::BadSignature,
                         u"the authorization names %1 twice, or a field v3 has not"_s.arg(
                             match.captured(1))};
        *slot = match.captured(2).toLatin1();
        at = match.capturedEnd(0);
    }
    if (!slots.isEmpty())
        return Error{ErrorCode::BadSignature,
                     u"the authorization has no %1"_s.arg(slots.keys().join(u", "_s))};
    return parsed;
}

SignatureHeaders SignatureHeaders::from(const HttpHeaders &headers)
{
    return {headerValue(headers, "wechatpay-timestamp"), headerValue(headers, "wechatpay-nonce"),
            headerValue(headers, "wechatpay-signature"), headerValue(headers, "wechatpay-serial")};
}

bool SignatureHeaders::complete() const
{
    return !timestamp.isEmpty() && !nonce.isEmpty() && !signature.isEmpty() && !serial.isEmpty();
}

void SignatureHeaders::writeTo(HttpHeaders &headers) const
{
    headers.append({"Wechatpay-Timestamp", timestamp});
    headers.append({"Wechatpay-Nonce", nonce});
    headers.append({"Wechatpay-Signature", signature});
    headers.append({"Wechatpay-Serial", serial});
}

QString normalizedSerial(const QString &serial)
{
    QString hex = serial.trimmed();
    hex.remove(u':');
    static const QRegularExpression hexDigits(u"^[0-9A-Fa-f]+$"_s);
    if (!hexDigits.match(hex).hasMatch())
        return serial.trimmed(); // a public key id, PUB_KEY_ID_…
    hex = hex.toUpper();
    while (hex.size() > 1 && hex.startsWith(u'0'))
        hex.remove(0, 1);
    return hex;
}

} // namespace shouyin::wechatv3
