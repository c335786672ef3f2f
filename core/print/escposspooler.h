#pragma once

#include "print/escpostarget.h"
#include "print/escpostimeouts.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

namespace shouyin {

class EscPosLink;

// A printer's queue, on the printer's thread: one job at a time, in the order given, each
// through a link of its own.
class EscPosSpooler : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        QByteArray bytes;
        bool askStatus = true;            // not for the drawer: it opens whatever the paper
        const char *what = "job";         // for the log
        std::function<void(Status)> done; // on the printer's thread
    };

    EscPosSpooler(EscPosTarget target, EscPosTimeouts timeouts, QObject *parent = nullptr);
    // Abandons the job under way and those queued: nobody hears of them.
    ~EscPosSpooler() override;

    void enqueue(Job job);

private:
    void startNext();
    void jobDone(Status status);

    const EscPosTarget m_target;
    const EscPosTimeouts m_timeouts;
    std::deque<Job> m_queue; // the front one is under way while m_link exists
    std::unique_ptr<EscPosLink> m_link;
};

} // namespace shouyin
