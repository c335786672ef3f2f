#pragma once

#include "crypto/rsakey.h"
#include "xml/flatxml.h"

#include <QByteArray>

namespace shouyin {

// The Alipay open API's RSA2 signatures over parameter sets: requests (signed with the
// app private key, sign_type included) and asynchronous notifications (signed by Alipay,
// verified without sign and sign_type). Values are signed raw, as sent or received.
class AlipaySigner
{
public:
    // Every parameter but `sign` (and `sign_type` unless `withSignType`), empty values
    // dropped, sorted by key, "k=v" joined with '&'.
    static QByteArray signingString(const Params &params, bool withSignType);

    // The `sign` of a request.
    static QByteArray signRequest(const Params &params, const crypto::RsaKey &appPrivateKey);
    // Whether a request carries the app's signature (the sandbox's check).
    static bool verifyRequest(const Params &params, const crypto::RsaKey &appPublicKey);

    static QByteArray signNotification(const Params &params, const crypto::RsaKey &alipayKey);
    static bool verifyNotification(const Params &params, const crypto::RsaKey &alipayPublicKey);
};

} // namespace shouyin
