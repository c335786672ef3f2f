#include "paymentprovider.h"

namespace shouyin {

bool outcomeUnknown(const Error &error)
{
    // Anything but a clear, signed refusal by the provider leaves the trade in doubt.
    return error.code == providerError::kNetwork || error.code == providerError::kTimeout ||
           error.code == providerError::kHttp || error.code == providerError::kBadResponse ||
           error.code == providerError::kBadSignature ||
           error.code == providerError::kWrongMerchant || error.code == u"SYSTEMERROR" ||
           error.code == u"BANKERROR" || error.code == u"USERPAYING" ||
           // Alipay: the gateway failed while handling the request.
           error.code == u"ACQ.SYSTEM_ERROR" || error.code == u"isp.unknow-error" ||
           error.code == u"aop.unknow-error";
}

} // namespace shouyin
