#pragma once

namespace shouyin::sandboxkeys {

// PKCS#8 PEM, for the sandbox's sample Alipay app only (see the .cpp).
extern const char kAppPrivateKeyPem[];
extern const char kAlipayPrivateKeyPem[];

} // namespace shouyin::sandboxkeys
