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
};

// A queue of faults waiting for the requests they will hit, consumed in the order they
// were injected.
class SandboxFaultPlan
{
public:
    struct Hit
    {
        SandboxFault fault = SandboxFault::None;
        std::chrono::milliseconds latency{};
    };

    // A latency fault with no latency given waits this long.
    static constexpr std::chrono::milliseconds kDefaultLatency{1000};

    // `path` empty matches any path. Injecting SandboxFault::None drops the faults still
    // pending for `path` (for every path when `path` is empty).
    void inject(const QString &path, SandboxFault fault, int count,
                std::chrono::milliseconds latency);
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
    };
    QList<Rule> m_rules;
};

QString faultName(SandboxFault fault);

} // namespace shouyin
