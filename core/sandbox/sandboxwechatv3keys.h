#pragma once

namespace shouyin::sandboxkeys {

// For the sandbox's sample WeChat Pay API v3 merchant only (see the .cpp).
extern const char kWechatMerchantSerialNo[];
extern const char kWechatApiV3Key[]; // 32 ASCII characters
extern const char kWechatPayPublicKeyId[];
// PKCS#8 PEM.
extern const char kWechatMerchantPrivateKeyPem[];
extern const char kWechatPayPrivateKeyPem[];

} // namespace shouyin::sandboxkeys
