// Any input to the notification parser: never crashes, and nothing unsigned is believed.
#include "pay/wechat/wechatsigner.h"
#include "pay/wechat/wechatv2provider.h"

#include <QCoreApplication>

#include <cstdlib>

namespace {
const QByteArray kKey = "0123456789abcdef0123456789abcdef"; // matches the seed corpus
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static shouyin::WechatV2Provider provider([] {
        shouyin::WechatConfig config;
        config.appId = QStringLiteral("wx2421b1c4370ec43b");
        config.merchantId = QStringLiteral("10000100");
        config.key = kKey;
        return config;
    }());
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto snapshot = provider.parseNotification(shouyin::HttpRequest::post(input));
    if (!snapshot)
        return 0;
    // Accepted: it must really carry a valid signature for this merchant.
    const auto fields = shouyin::FlatXml::decode(input);
    if (!fields || !shouyin::WechatSigner::verify(fields.value(), kKey) ||
        fields->value(QStringLiteral("mch_id")) != provider.merchantId())
        std::abort();
    return 0;
}
