#include "print/escposspooler.h"

#include "print/escposlink.h"
#include "print/escposlog.h"

namespace shouyin {

EscPosSpooler::EscPosSpooler(EscPosTarget target, EscPosTimeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_timeouts(timeouts)
{}

EscPosSpooler::~EscPosSpooler()
{
    if (!m_queue.empty())
        qCInfo(lcPrint) << "abandoning" << m_queue.size() << "jobs for the receipt printer at"
                        << describe(m_target);
}

void EscPosSpooler::enqueue(Job job)
{
    qCDebug(lcPrint) << "queued a" << job.what << "of" << job.bytes.size()
                     << "bytes for the receipt printer at" << describe(m_target);
    m_queue.push_back(std::move(job));
    if (!m_link)
        startNext();
}

void EscPosSpooler::startNext()
{
    if (m_queue.empty() || m_link)
        return;
    const Job &job = m_queue.front();
    m_link = EscPosLink::make(m_target, m_timeouts);
    m_link->send(job.bytes, job.askStatus, [this](Status status) { jobDone(std::move(status)); });
}

void EscPosSpooler::jobDone(Status status)
{
    Job job = std::move(m_queue.front());
    m_queue.pop_front();
    // Called by the link: it goes once its call is over.
    m_link.release()->deleteLater();
    if (status)
        qCInfo(lcPrint) << "sent a" << job.what << "of" << job.bytes.size()
                        << "bytes to the receipt printer at" << describe(m_target);
    else
        qCWarning(lcPrint) << "a" << job.what << "for the receipt printer at" << describe(m_target)
                           << "failed:" << status.error().name() << status.error().message;
    if (job.done)
        job.done(std::move(status));
    startNext();
}

} // namespace shouyin
