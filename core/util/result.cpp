#include "result.h"

using namespace Qt::StringLiterals;

namespace shouyin {

QLatin1StringView errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Network:
        return "NETWORK"_L1;
    case ErrorCode::Timeout:
        return "TIMEOUT"_L1;
    case ErrorCode::Http:
        return "HTTP"_L1;
    case ErrorCode::BadResponse:
        return "BAD_RESPONSE"_L1;
    case ErrorCode::BadSignature:
        return "BAD_SIGNATURE"_L1;
    case ErrorCode::WrongMerchant:
        return "WRONG_MERCHANT"_L1;
    case ErrorCode::Gateway:
        return "GATEWAY"_L1;
    case ErrorCode::Provider:
        return "PROVIDER"_L1;
    case ErrorCode::Store:
        return "STORE"_L1;
    case ErrorCode::StoreConflict:
        return "STORE_CONFLICT"_L1;
    case ErrorCode::StoreOffline:
        return "STORE_OFFLINE"_L1;
    case ErrorCode::EmptyCart:
        return "EMPTY_CART"_L1;
    case ErrorCode::BadQuantity:
        return "BAD_QUANTITY"_L1;
    case ErrorCode::UnknownProduct:
        return "UNKNOWN_PRODUCT"_L1;
    case ErrorCode::AmountOverflow:
        return "AMOUNT_OVERFLOW"_L1;
    case ErrorCode::NothingToCharge:
        return "NOTHING_TO_CHARGE"_L1;
    case ErrorCode::UnknownOrder:
        return "UNKNOWN_ORDER"_L1;
    case ErrorCode::OrderNotPayable:
        return "ORDER_NOT_PAYABLE"_L1;
    case ErrorCode::AttemptOpen:
        return "ATTEMPT_OPEN"_L1;
    case ErrorCode::UnknownPayment:
        return "UNKNOWN_PAYMENT"_L1;
    case ErrorCode::NotRefundable:
        return "NOT_REFUNDABLE"_L1;
    case ErrorCode::RefundTooLarge:
        return "REFUND_TOO_LARGE"_L1;
    case ErrorCode::UnknownRefund:
        return "UNKNOWN_REFUND"_L1;
    case ErrorCode::NotSignedIn:
        return "NOT_SIGNED_IN"_L1;
    case ErrorCode::Forbidden:
        return "FORBIDDEN"_L1;
    case ErrorCode::UnknownUser:
        return "UNKNOWN_USER"_L1;
    case ErrorCode::WrongPin:
        return "WRONG_PIN"_L1;
    case ErrorCode::Locked:
        return "LOCKED"_L1;
    case ErrorCode::Inactive:
        return "INACTIVE"_L1;
    case ErrorCode::BadName:
        return "BAD_NAME"_L1;
    case ErrorCode::BadPin:
        return "BAD_PIN"_L1;
    case ErrorCode::BadRole:
        return "BAD_ROLE"_L1;
    case ErrorCode::NameTaken:
        return "NAME_TAKEN"_L1;
    case ErrorCode::AlreadySetUp:
        return "ALREADY_SET_UP"_L1;
    case ErrorCode::LastManager:
        return "LAST_MANAGER"_L1;
    case ErrorCode::Self:
        return "SELF"_L1;
    case ErrorCode::Hash:
        return "HASH"_L1;
    case ErrorCode::XmlFormat:
        return "XML_FORMAT_ERROR"_L1;
    case ErrorCode::KeyGen:
        return "KEYGEN"_L1;
    case ErrorCode::NotAKey:
        return "NOT_A_KEY"_L1;
    case ErrorCode::NotRsa:
        return "NOT_RSA"_L1;
    case ErrorCode::PublicKeyGiven:
        return "PUBLIC_KEY_GIVEN"_L1;
    case ErrorCode::PrivateKeyGiven:
        return "PRIVATE_KEY_GIVEN"_L1;
    case ErrorCode::Config:
        return "CONFIG"_L1;
    case ErrorCode::Read:
        return "READ"_L1;
    case ErrorCode::Write:
        return "WRITE"_L1;
    case ErrorCode::Catalog:
        return "CATALOG"_L1;
    case ErrorCode::BadDay:
        return "BAD_DAY"_L1;
    case ErrorCode::Qr:
        return "QR"_L1;
    case ErrorCode::Sandbox:
        return "SANDBOX"_L1;
    case ErrorCode::Notify:
        return "NOTIFY"_L1;
    case ErrorCode::PrinterOffline:
        return "PRINTER_OFFLINE"_L1;
    case ErrorCode::PrinterPaperOut:
        return "PRINTER_PAPER_OUT"_L1;
    case ErrorCode::PrinterFailed:
        return "PRINTER_FAILED"_L1;
    case ErrorCode::Usage:
        return "USAGE"_L1;
    case ErrorCode::Unsupported:
        return "UNSUPPORTED"_L1;
    case ErrorCode::Cancelled:
        return "CANCELLED"_L1;
    }
    return "UNKNOWN"_L1;
}

} // namespace shouyin
