#pragma once

#include "print/escpostarget.h"
#include "print/escpostimeouts.h"
#include "util/mailbox.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>

namespace shouyin {

class EscPosSpooler;
class WorkerThread;

// A receipt printer speaking ESC/POS, and the cash drawer wired behind it. Every byte
// goes out on the printer's own thread, so the caller never waits, whatever the printer
// does (a network printer switched off, a USB printer out of paper).
//
// A job's `done` runs on this object's thread while `context` (an object of this thread)
// lives; with no context it is never called. Destroying the printer abandons the jobs
// under way and queued at once, whatever the printer is doing: their `done` is never
// called.
class EscPosPrinter : public QObject
{
    Q_OBJECT
public:
    explicit EscPosPrinter(EscPosTarget target, EscPosTimeouts timeouts = {},
                           QObject *parent = nullptr);
    ~EscPosPrinter() override;

    const EscPosTarget &target() const { return m_target; }

    // Queues a job (a rendered receipt, a test page); jobs print one after another in the
    // order given. On a two-way link the printer is asked first: out of paper is
    // ErrorCode::PrinterPaperOut, cover open or a fault PrinterFailed, and nothing is sent.
    void print(QByteArray bytes, QObject *context, std::function<void(Status)> done);

    // The drawer behind the printer: a pulse on its kick connector. Queued like a job, but
    // the paper is not asked about: a drawer opens whatever the paper.
    void openDrawer(QObject *context, std::function<void(Status)> done);

private:
    void enqueue(QByteArray bytes, bool askStatus, const char *what, QObject *context,
                 std::function<void(Status)> done);

    const EscPosTarget m_target;
    Mailbox m_mailbox;
    std::unique_ptr<WorkerThread> m_thread;
    EscPosSpooler *m_spooler = nullptr; // lives and dies on m_thread
};

} // namespace shouyin
