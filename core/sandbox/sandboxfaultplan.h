#pragma once

#include <QList>
#include <QString>

#include <chrono>

namespace shouyin {

// What the sandbox does wrong to one request, to rehearse a failing gateway.
enum class SandboxFault {
    None,
    Latency,      // processed, answered after the latency
    NoReply,      // processed, never answered: the connection is held open
    Http500,      // not processed: HTTP 500 from the "load balancer"
    SystemError,  // not processed: signed result_code FAIL, err_code SYSTEMERROR
    Malformed,    // processed, answered 200 with a truncated body
    BadSignature, // processed, answered normally but with a wrong sign

    // Payment racing a close (WeChat's documented trap: a payment can complete around a
    // close). Both act only on /pay/closeorder and only on a NOTPAY trade, whatever its
    // time_expire (the real gateway does not always enforce it); on any other trade the
    // close goes on as usual, and the fault is spent all the same.
    //
    // The customer's payment lands just before the close is processed: the trade becomes
    // SUCCESS (with its notification) and the close answers ORDERPAID.
    PayDuringClose,
    // The close succeeds (CLOSED), then the payment lands anyway after the fault's latency
    // (kDefaultLatency when none is given): CLOSED -> SUCCESS, and a notification goes out.
    PayAfterClose,

    // A close answered with one of the provider's documented close errors (the fault's
    // code; see sandboxcloseerrors.h), on WeChat's /pay/closeorder or alipay.trade.close:
    // the trade is left as it is, or first paid by the customer, or first closed by the
    // provider itself (Alipay does so at its own timeout once a buyer has scanned).
    RefuseClose,
    PayThenRefuseClose,
    CloseThenRefuseClose,

    // Payment codes. On /pay/micropay and alipay.trade.pay the charge is processed (the
    // customer pays, waits or refuses as scripted) but the answer does not say how it
    // went, so the till must query: BANKERROR, or SYSTEMERROR; Alipay answers both
    // 20000 ACQ.SYSTEM_ERROR. ProcessThenSystemError does the same to a refund
    // (/secapi/pay/refund, alipay.trade.refund). Any other path is served as usual.
    BankError,
    ProcessThenSystemError,
    // On /secapi/pay/reverse and alipay.trade.cancel: not processed, answered "call again"
    // (result_code FAIL, SYSTEMERROR, recall Y; 40004 ACQ.SYSTEM_ERROR, retry_flag Y).
    // SystemError on those paths answers the same.
    Recall,
};
// On WeChat Pay v3's paths (SandboxWechatV3Protocol's labels) the same faults say it in v3's
// words: SystemError is 500 SYSTEM_ERROR, not processed, on every path; BankError and
// ProcessThenSystemError (codepay, refunds) 500 BANK_ERROR / SYSTEM_ERROR after
// processing; Recall on reverse {"recall":"Y"}; PayDuringClose and PayAfterClose on close;
// BadSignature a reply signed with a key that is not WeChat Pay's; Malformed a truncated
// body, signed as sent. The RefuseClose family is v2's and Alipay's only.

// What a notification the sandbox sends on request looks like (SandboxGateway::
// sendNotification), to rehearse the listener against a gateway that repeats itself,
// reorders, or is impersonated.
enum class NotifyVariant {
    Genuine,        // the payment notification exactly as the gateway sends it
    Duplicate,      // the same genuine body POSTed twice at once
    WrongSignature, // genuine fields, signed under another key
    WrongAmount,    // total_fee and cash_fee one fen off, correctly signed
    OutOfOrder,     // an older, failed attempt's notification (result_code FAIL), correctly
                    // signed, sent after the paid one (v2 and Alipay only)

    // WeChat Pay v3 only: its signature headers carry a timestamp the till must check.
    ReplayedStale,   // a genuine notification captured six minutes ago, replayed with its
                     // old headers (every retry too)
    SkewedTimestamp, // genuine, signed afresh, but stamped six minutes ahead of the gateway
    UnknownSerial,   // genuine, signed by the current key, naming a serial nobody published
};

// Whether only a WeChat Pay v3 notification can be sent so.
bool isWechatV3NotifyVariant(NotifyVariant variant);

// A queue of faults waiting for the requests they will hit, consumed in the order they
// were injected.
class SandboxFaultPlan
{
public:
    struct Hit
    {
        SandboxFault fault = SandboxFault::None;
        std::chrono::milliseconds latency{};
        QString code; // the error code of a RefuseClose family fault
    };

    // A Latency or PayAfterClose fault with no latency given waits this long.
    static constexpr std::chrono::milliseconds kDefaultLatency{1000};

    // `path` empty matches any path. Injecting SandboxFault::None drops the faults still
    // pending for `path` (for every path when `path` is empty).
    void inject(const QString &path, SandboxFault fault, int count,
                std::chrono::milliseconds latency, const QString &code = {});
    // The fault the next request to `path` suffers, consuming it.
    Hit take(const QString &path);
    void clear();
    bool isEmpty() const { return m_rules.isEmpty(); }

private:
    struct Rule
    {
        QString path;
        SandboxFault fault;
        int remaining;
        std::chrono::milliseconds latency;
        QString code;
    };
    QList<Rule> m_rules;
};

QString faultName(SandboxFault fault);
QString notifyVariantName(NotifyVariant variant);

} // namespace shouyin
