#pragma once

#include "print/escpostarget.h"
#include "print/escpostimeouts.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace shouyin {

// One job's way to a printer, on the printer's thread: made for the job, it sends the
// bytes, says how that went, and is thrown away. Nothing in it blocks: every wait is the
// event loop's, with a timer, so the owner can always destroy it.
class EscPosLink : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Status)>;

    // For the kind of `target`.
    static std::unique_ptr<EscPosLink> make(const EscPosTarget &target,
                                            const EscPosTimeouts &timeouts);

    // Sends `bytes`, after asking the printer how it is when `askStatus` and the link
    // carries answers. `done` is called once, from the event loop and never from within
    // send(), unless the link is destroyed first: then nobody hears of the job.
    void send(QByteArray bytes, bool askStatus, Done done);

protected:
    EscPosLink(EscPosTarget target, EscPosTimeouts timeouts);

    virtual void start() = 0;

    // The first call wins; the rest are ignored.
    void finish(Status status);
    bool isFinished() const { return !m_done; }

    const EscPosTarget &target() const { return m_target; }
    const EscPosTimeouts &timeouts() const { return m_timeouts; }
    const QByteArray &bytes() const { return m_bytes; }
    bool askStatus() const { return m_askStatus; }
    // One timer for whichever step is running; finish() stops it.
    QTimer &stepTimer() { return m_stepTimer; }

private:
    const EscPosTarget m_target;
    const EscPosTimeouts m_timeouts;
    QByteArray m_bytes;
    bool m_askStatus = false;
    Done m_done;
    QTimer m_stepTimer;
};

} // namespace shouyin
