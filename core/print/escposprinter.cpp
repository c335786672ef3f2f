#include "print/escposprinter.h"

#include "print/escposcommands.h"
#include "print/escposlog.h"
#include "print/escposspooler.h"
#include "util/workerthread.h"

#include <QPointer>

#include <pthread.h>
#include <signal.h>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcPrint, "shouyin.print")

namespace {

// Writing to a FIFO whose reader has gone raises SIGPIPE, which ends the process; blocked
// on the printer's thread, the write fails with EPIPE instead and the job says so.
void blockBrokenPipeSignal()
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

} // namespace

EscPosPrinter::EscPosPrinter(EscPosTarget target, EscPosTimeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_mailbox(this)
    , m_thread(std::make_unique<WorkerThread>(u"shouyin-print"_s))
{
    m_spooler = m_thread->run([this, timeouts] {
        blockBrokenPipeSignal();
        return new EscPosSpooler(m_target, timeouts);
    });
}

EscPosPrinter::~EscPosPrinter()
{
    m_mailbox.close(); // what the spooler still answers is dropped
    m_thread->run([this] { delete std::exchange(m_spooler, nullptr); });
    m_thread.reset();
}

void EscPosPrinter::print(QByteArray bytes, QObject *context, std::function<void(Status)> done)
{
    enqueue(std::move(bytes), true, "print job", context, std::move(done));
}

void EscPosPrinter::openDrawer(QObject *context, std::function<void(Status)> done)
{
    enqueue(drawerPulse(), false, "drawer pulse", context, std::move(done));
}

void EscPosPrinter::enqueue(QByteArray bytes, bool askStatus, const char *what, QObject *context,
                            std::function<void(Status)> done)
{
    auto answer = [back = m_mailbox, context = QPointer<QObject>(context),
                   done = std::move(done)](Status status) {
        // `context` is only looked at on its own thread, where it cannot vanish meanwhile.
        back.post([context, done, status = std::move(status)] {
            if (context && done)
                done(status);
        });
    };
    QMetaObject::invokeMethod(
        m_spooler,
        [spooler = m_spooler,
         job = EscPosSpooler::Job{std::move(bytes), askStatus, what, std::move(answer)}]() mutable {
            spooler->enqueue(std::move(job));
        },
        Qt::QueuedConnection);
}

} // namespace shouyin
