#include "sandboxfaultplan.h"

using namespace Qt::StringLiterals;

namespace shouyin {

void SandboxFaultPlan::inject(const QString &path, SandboxFault fault, int count,
                              std::chrono::milliseconds latency, const QString &code)
{
    if (fault == SandboxFault::None) {
        m_rules.removeIf([&path](const Rule &rule) { return path.isEmpty() || rule.path == path; });
        return;
    }
    if (count <= 0)
        return;
    const bool delayed = fault == SandboxFault::Latency || fault == SandboxFault::PayAfterClose;
    if (delayed && latency <= std::chrono::milliseconds::zero())
        latency = kDefaultLatency;
    m_rules.append(Rule{path, fault, count, latency, code});
}

SandboxFaultPlan::Hit SandboxFaultPlan::take(const QString &path)
{
    for (auto it = m_rules.begin(); it != m_rules.end(); ++it) {
        if (!it->path.isEmpty() && it->path != path)
            continue;
        const Hit hit{it->fault, it->latency, it->code};
        if (--it->remaining <= 0)
            m_rules.erase(it);
        return hit;
    }
    return {};
}

void SandboxFaultPlan::clear()
{
    m_rules.clear();
}

QString faultName(SandboxFault fault)
{
    switch (fault) {
    case SandboxFault::None:
        return u"none"_s;
    case SandboxFault::Latency:
        return u"latency"_s;
    case SandboxFault::NoReply:
        return u"no-reply"_s;
    case SandboxFault::Http500:
        return u"http-500"_s;
    case SandboxFault::SystemError:
        return u"systemerror"_s;
    case SandboxFault::Malformed:
        return u"malformed"_s;
    case SandboxFault::BadSignature:
        return u"bad-signature"_s;
    case SandboxFault::PayDuringClose:
        return u"pay-during-close"_s;
    case SandboxFault::PayAfterClose:
        return u"pay-after-close"_s;
    case SandboxFault::RefuseClose:
        return u"refuse-close"_s;
    case SandboxFault::PayThenRefuseClose:
        return u"pay-then-refuse-close"_s;
    case SandboxFault::CloseThenRefuseClose:
        return u"close-then-refuse-close"_s;
    case SandboxFault::BankError:
        return u"bank-error"_s;
    case SandboxFault::ProcessThenSystemError:
        return u"process-then-systemerror"_s;
    case SandboxFault::Recall:
        return u"recall"_s;
    }
    return u"unknown"_s;
}

QString notifyVariantName(NotifyVariant variant)
{
    switch (variant) {
    case NotifyVariant::Genuine:
        return u"genuine"_s;
    case NotifyVariant::Duplicate:
        return u"duplicate"_s;
    case NotifyVariant::WrongSignature:
        return u"wrong-signature"_s;
    case NotifyVariant::WrongAmount:
        return u"wrong-amount"_s;
    case NotifyVariant::OutOfOrder:
        return u"out-of-order"_s;
    case NotifyVariant::ReplayedStale:
        return u"replayed-stale"_s;
    case NotifyVariant::SkewedTimestamp:
        return u"skewed-timestamp"_s;
    case NotifyVariant::UnknownSerial:
        return u"unknown-serial"_s;
    }
    return u"unknown"_s;
}

bool isWechatV3NotifyVariant(NotifyVariant variant)
{
    return variant == NotifyVariant::ReplayedStale || variant == NotifyVariant::SkewedTimestamp ||
           variant == NotifyVariant::UnknownSerial;
}

} // namespace shouyin
