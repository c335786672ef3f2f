#include "wechatsigner.h"

#include "crypto/digest.h"

using namespace Qt::StringLiterals;

namespace shouyin {

QByteArray WechatSigner::canonicalString(const Params &params)
{
    // Params is ordered by QString comparison, which is byte order for the ASCII
    // field names the API uses.
    QByteArray out;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (it.key() == u"sign" || it.value().isEmpty())
            continue;
        if (!out.isEmpty())
            out += '&';
        out += it.key().toUtf8() + '=' + it.value().toUtf8();
    }
    return out;
}

QString WechatSigner::sign(const Params &params, const QByteArray &key, WechatSignType type)
{
    const QByteArray text = canonicalString(params) + "&key=" + key;
    const QByteArray digest =
        type == WechatSignType::Md5 ? crypto::md5Hex(text) : crypto::hmacSha256Hex(key, text);
    return QString::fromLatin1(digest);
}

std::optional<WechatSignType> WechatSigner::signTypeOf(const Params &params)
{
    const QString name = params.value(u"sign_type"_s);
    if (name.isEmpty() || name == u"MD5")
        return WechatSignType::Md5;
    if (name == u"HMAC-SHA256")
        return WechatSignType::HmacSha256;
    return std::nullopt;
}

QString WechatSigner::signTypeName(WechatSignType type)
{
    return type == WechatSignType::Md5 ? u"MD5"_s : u"HMAC-SHA256"_s;
}

bool WechatSigner::verify(const Params &params, const QByteArray &key)
{
    const auto type = signTypeOf(params);
    return type && verifyAs(params, key, *type);
}

bool WechatSigner::verifyAs(const Params &params, const QByteArray &key, WechatSignType type)
{
    const QString given = params.value(u"sign"_s);
    if (given.isEmpty())
        return false;
    return crypto::equalConstantTime(sign(params, key, type).toLatin1(), given.toLatin1());
}

bool WechatSigner::verifyNotification(const Params &params, const QByteArray &key,
                                      WechatSignType configured)
{
    const auto type = signTypeOf(params);
    if (!type || (configured == WechatSignType::HmacSha256 && *type == WechatSignType::Md5))
        return false;
    return verifyAs(params, key, *type);
}

} // namespace shouyin
