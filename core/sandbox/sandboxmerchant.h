#pragma once

#include <QByteArray>
#include <QString>

namespace shouyin {

// The one merchant a sandbox gateway serves. The key signs and verifies every message
// exactly as the real gateway's merchant key does; never log it.
struct SandboxMerchant
{
    QString appId;
    QString merchantId;
    QByteArray key;
};

} // namespace shouyin
