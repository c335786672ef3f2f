#include "paymentprovider.h"

namespace shouyin {

bool outcomeUnknown(const Error &error)
{
    // Anything but a clear, signed refusal by the provider leaves the trade in doubt.
    switch (error.code) {
    case ErrorCode::Network:
    case ErrorCode::Timeout:
    case ErrorCode::Http:
    case ErrorCode::BadResponse:
    case ErrorCode::BadSignature:
    case ErrorCode::WrongMerchant:
        return true;
    case ErrorCode::Provider:
        return error.is(u"SYSTEMERROR") || error.is(u"BANKERROR") || error.is(u"USERPAYING") ||
               // WeChat Pay v3 spells v2's words with an underscore.
               error.is(u"SYSTEM_ERROR") || error.is(u"BANK_ERROR") || error.is(u"ORDER_PAID") ||
               // "This trade is paid already": a payment of ours, or another with the
               // same number; only a query tells which, and what it was paid. close()
               // reads these as AlreadyPaid before anyone asks here.
               error.is(u"ORDERPAID") || error.is(u"ACQ.TRADE_HAS_SUCCESS") ||
               // WeChat refunds: "retry with the same out_refund_no" and "too many
               // requests"; the refund may or may not have been taken.
               error.is(u"BIZERR_NEED_RETRY") || error.is(u"FREQUENCY_LIMITED") ||
               // Alipay: the gateway failed while handling the request.
               error.is(u"20000") || error.is(u"ACQ.SYSTEM_ERROR") ||
               error.is(u"isp.unknow-error") || error.is(u"aop.unknow-error");
    default:
        return false;
    }
}

} // namespace shouyin
