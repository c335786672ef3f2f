#include "alipaysigner.h"

using namespace Qt::StringLiterals;

namespace shouyin {

QByteArray AlipaySigner::signingString(const Params &params, bool withSignType)
{
    QByteArray out;
    // QMap iterates in key order, which for the API's ASCII names is the byte order.
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (it.key() == u"sign" || (!withSignType && it.key() == u"sign_type") ||
            it.value().isEmpty())
            continue;
        if (!out.isEmpty())
            out += '&';
        out += it.key().toUtf8() + '=' + it.value().toUtf8();
    }
    return out;
}

QByteArray AlipaySigner::signRequest(const Params &params, const crypto::RsaKey &appPrivateKey)
{
    return appPrivateKey.signBase64(signingString(params, true));
}

bool AlipaySigner::verifyRequest(const Params &params, const crypto::RsaKey &appPublicKey)
{
    return appPublicKey.verifyBase64(signingString(params, true),
                                     params.value(u"sign"_s).toLatin1());
}

QByteArray AlipaySigner::signNotification(const Params &params, const crypto::RsaKey &alipayKey)
{
    return alipayKey.signBase64(signingString(params, false));
}

bool AlipaySigner::verifyNotification(const Params &params, const crypto::RsaKey &alipayPublicKey)
{
    return alipayPublicKey.verifyBase64(signingString(params, false),
                                        params.value(u"sign"_s).toLatin1());
}

} // namespace shouyin
