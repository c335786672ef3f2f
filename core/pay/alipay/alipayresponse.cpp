#include "alipayresponse.h"

#include "pay/paymentprovider.h"

#include <QJsonDocument>

#include <cstring>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

qsizetype skipSpace(const QByteArray &s, qsizetype i)
{
    while (i < s.size() && isSpace(s.at(i)))
        ++i;
    return i;
}

// Index just past the JSON string whose opening quote is at `i`; -1 when unterminated.
qsizetype skipString(const QByteArray &s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        if (s.at(i) == '\\')
            ++i; // whatever is escaped, an escaped quote included, is not the end
        else if (s.at(i) == '"')
            return i + 1;
    }
    return -1;
}

// Index just past the JSON value starting at `i`; -1 when it does not end.
qsizetype skipValue(const QByteArray &s, qsizetype i)
{
    if (i >= s.size())
        return -1;
    const char first = s.at(i);
    if (first == '"')
        return skipString(s, i);
    if (first == '{' || first == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char c = s.at(i);
            if (c == '"') {
                i = skipString(s, i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            ++i;
        }
        return -1;
    }
    while (i < s.size() && !isSpace(s.at(i)) && !std::strchr(",}]", s.at(i)))
        ++i;
    return i;
}

// Refusals of the request itself (bad app id, bad signature, missing parameter), which
// the gateway may send unsigned: the request did nothing.
bool isRequestRefusal(const QString &code)
{
    return code == u"40001" || code == u"40002" || code == u"20001";
}

} // namespace

QByteArray AlipayResponse::responseKey(const QString &method)
{
    QString key = method;
    key.replace(u'.', u'_');
    return key.toLatin1() + "_response";
}

std::optional<QByteArray> AlipayResponse::rawValue(const QByteArray &json, const QByteArray &key)
{
    qsizetype i = skipSpace(json, 0);
    if (i >= json.size() || json.at(i) != '{')
        return std::nullopt;
    i = skipSpace(json, i + 1);
    while (i < json.size() && json.at(i) == '"') {
        const qsizetype keyEnd = skipString(json, i);
        if (keyEnd < 0)
            return std::nullopt;
        const QByteArray name = json.mid(i + 1, keyEnd - i - 2);
        i = skipSpace(json, keyEnd);
        if (i >= json.size() || json.at(i) != ':')
            return std::nullopt;
        const qsizetype valueStart = skipSpace(json, i + 1);
        const qsizetype valueEnd = skipValue(json, valueStart);
        if (valueEnd < 0)
            return std::nullopt;
        if (name == key)
            return json.at(valueStart) == '{'
                       ? std::optional(json.mid(valueStart, valueEnd - valueStart))
                       : std::nullopt;
        i = skipSpace(json, valueEnd);
        if (i < json.size() && json.at(i) == ',')
            i = skipSpace(json, i + 1);
        else
            break;
    }
    return std::nullopt;
}

Result<QJsonObject> AlipayResponse::decode(const QByteArray &body, const QString &method,
                                           const crypto::RsaKey &alipayPublicKey)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorCode::BadResponse, u"the reply is not a JSON object"_s};
    auto raw = rawValue(body, responseKey(method));
    if (!raw)
        raw = rawValue(body, "error_response");
    if (!raw)
        return Error{ErrorCode::BadResponse,
                     u"the reply has no %1"_s.arg(QString::fromLatin1(responseKey(method)))};
    const QJsonObject content = QJsonDocument::fromJson(*raw).object();
    const QByteArray sign = document.object().value(u"sign"_s).toString().toLatin1();
    const QString code = content.value(u"code"_s).toString();
    if (sign.isEmpty()) {
        if (isRequestRefusal(code))
            return Error{ErrorCode::Gateway,
                         content.value(u"sub_msg"_s).toString(content.value(u"msg"_s).toString())};
        return Error{ErrorCode::BadSignature, u"the reply is not signed"_s};
    }
    if (!alipayPublicKey.verifyBase64(*raw, sign))
        return Error{ErrorCode::BadSignature,
                     u"the reply is not signed with the Alipay public key"_s};
    return content;
}

QByteArray AlipayResponse::encode(const QString &method, const QJsonObject &content,
                                  const crypto::RsaKey &alipayKey, bool sign)
{
    const QByteArray raw = QJsonDocument(content).toJson(QJsonDocument::Compact);
    QByteArray body = "{\"" + responseKey(method) + "\":" + raw;
    if (sign)
        body += ",\"sign\":\"" + alipayKey.signBase64(raw) + '"';
    return body + '}';
}

} // namespace shouyin
