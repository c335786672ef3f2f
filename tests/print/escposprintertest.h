#pragma once

// What the suites of EscPosPrinter share: a receipt, patient timeouts, a job's outcome.

#include "print/escposprinter.h"
#include "receipt/receipt.h"
#include "virtualescpos.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace shouyin::testing {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Generous: the machine may be busy; nothing here measures time.
inline constexpr int kLongWait = 20000;

inline const QString kOrderNo = u"T01-20261123-0042"_s;

inline Receipt sampleReceipt()
{
    Receipt receipt;
    receipt.shopName = u"收银"_s;
    receipt.terminalId = u"T01"_s;
    receipt.cashier = u"张三"_s;
    receipt.orderNo = kOrderNo;
    receipt.paidAtText = u"2026-11-23 10:45"_s;
    receipt.lines = {
        {u"农夫山泉 天然饮用水 550ml 箱装特惠 二十四瓶 家庭装 整箱配送"_s, 2, 3990, 7980},
        {u"Cola"_s, 1, 350, 350}};
    receipt.total = 8330;
    receipt.tenders = {{u"微信支付"_s, 8330, u"4200001234202611230123456789"_s}};
    receipt.codeData = kOrderNo;
    return receipt;
}

// Timeouts for a printer that answers: long enough never to run out on a busy machine.
inline EscPosTimeouts patientTimeouts()
{
    EscPosTimeouts timeouts;
    timeouts.connect = 10s;
    timeouts.write = 10s;
    timeouts.statusAnswer = 10s;
    return timeouts;
}

inline EscPosTarget targetOf(const QString &spelling)
{
    const Result<EscPosTarget> target = parseEscPosTarget(spelling);
    if (!target)
        qFatal("%s", qPrintable(target.error().message));
    return *target;
}

// What one job's `done` was told; the object is the job's context.
class Outcome : public QObject
{
public:
    std::optional<Status> status;
    std::function<void(Status)> recorder()
    {
        return [this](Status answer) {
            status = std::move(answer);
        };
    }
};

// For a failure's description: QVERIFY2 works it out even when the check passes.
inline QString messageOf(const Status &status)
{
    return status ? QString() : status.error().message;
}

// Whether a job moved paper.
inline bool hasPrinted(const EscPosDecoded &decoded)
{
    return !decoded.lines.isEmpty() || !decoded.commandsOf(EscPosCommand::Kind::Cut).isEmpty();
}

} // namespace shouyin::testing
