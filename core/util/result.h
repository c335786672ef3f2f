#pragma once

#include <QLatin1StringView>
#include <QObject>
#include <QString>

#include <utility>
#include <variant>

namespace shouyin {

namespace errors {
Q_NAMESPACE

// What went wrong, for a caller to switch on. The spelling of each in logs, the pay log
// and `payments.last_error` is errorCodeName()'s ("NETWORK", "STORE_OFFLINE").
enum class ErrorCode {
    // Talking to a payment gateway. All but Provider leave the outcome of the request
    // unknown (see outcomeUnknown()).
    Network,       // no answer
    Timeout,       // no answer in time
    Http,          // an answer, but not HTTP 200
    BadResponse,   // an answer that cannot be parsed, or says something impossible
    BadSignature,  // an answer not signed by the gateway
    WrongMerchant, // an answer naming another app or merchant
    Gateway,       // the gateway refused the request as such (return_code FAIL)
    XmlFormat,     // a message that is not the flat XML the protocol allows
    Provider,      // the provider's own business answer: Error::providerCode says which

    // Storage.
    Store,         // the database failed
    StoreConflict, // another till or a deadlock won: running the transaction again may work
    StoreOffline,  // the database server cannot be reached

    // The sale.
    EmptyCart,
    BadQuantity,
    UnknownProduct,
    ProductRetired, // no longer sold
    OutOfStock,     // fewer on the shelf than the sale needs, and the shop sells none it lacks
    BadPrice,       // an open price outside its limits
    BadDiscount,    // a percent outside 0..100, or more off than there is to take
    NeedsApproval,  // a discount beyond the cashier's limit, with no manager's approval
    HeldSaleTaken,  // another till (or this one) resumed the held sale already
    AmountOverflow,
    NothingToCharge,
    UnknownOrder,
    OrderNotPayable,
    AttemptOpen,
    UnknownPayment,
    NotRefundable,  // nothing of it can go back: unpaid, already refunded, or none left
    RefundTooLarge, // more than is left to refund, counting every earlier refund
    UnknownRefund,

    // People.
    NotSignedIn,
    Forbidden,
    UnknownUser,
    WrongPin,
    Locked,
    Inactive,
    BadName,
    BadPin,
    BadRole,
    NameTaken,
    AlreadySetUp,
    LastManager,
    Self,
    Hash,

    // Keys (RsaKey).
    KeyGen,
    NotAKey,
    NotRsa,
    PublicKeyGiven,  // a public key where the private one belongs
    PrivateKeyGiven, // a private key where only the public one belongs

    // Files, settings and the rest.
    Config,
    Read,
    Write,
    Catalog,
    BadDay,
    Qr,
    Sandbox,
    Notify,
    // Printing (receipts, reports) and the cash drawer behind the receipt printer.
    PrinterOffline, // the printer cannot be reached or opened
    PrinterPaperOut,
    PrinterFailed, // reached, but it reports a fault (cover open, cutter) or the write failed
    Usage,
    Unsupported,
    Cancelled, // the user gave up
};
Q_ENUM_NS(ErrorCode)

} // namespace errors

using errors::ErrorCode;

QLatin1StringView errorCodeName(ErrorCode code);

// An error a caller must handle: a code to switch on plus a message for people.
struct Error
{
    ErrorCode code;
    QString message;
    // With ErrorCode::Provider: the provider's own code as it spells it ("SYSTEMERROR",
    // "ORDERPAID", "ACQ.TRADE_STATUS_ERROR").
    QString providerCode;

    Error(ErrorCode errorCode, QString errorMessage)
        : code(errorCode)
        , message(std::move(errorMessage))
    {}
    static Error provider(QString providerCode, QString message)
    {
        Error error(ErrorCode::Provider, std::move(message));
        error.providerCode = std::move(providerCode);
        return error;
    }

    // Whether this is the provider's answer `providerCode`.
    bool is(QStringView answer) const
    {
        return code == ErrorCode::Provider && providerCode == answer;
    }
    // The provider's code, or the name of `code`: what logs and the pay log show.
    QString name() const
    {
        return code == ErrorCode::Provider ? providerCode : QString(errorCodeName(code));
    }
};

// A value or an Error; errors are returned, never thrown across the event loop.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(Error error)
        : m_data(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that have no value beyond success.
struct Done
{};
using Status = Result<Done>;

inline Status success()
{
    return Done{};
}

} // namespace shouyin
