#include "print/escposlink.h"

#include "print/escposdevicelink.h"
#include "print/escposnetworklink.h"
#include "print/escposseriallink.h"

namespace shouyin {

std::unique_ptr<EscPosLink> EscPosLink::make(const EscPosTarget &target,
                                             const EscPosTimeouts &timeouts)
{
    switch (target.kind) {
    case EscPosTarget::Kind::Network:
        return std::make_unique<EscPosNetworkLink>(target, timeouts);
    case EscPosTarget::Kind::Device:
        return std::make_unique<EscPosDeviceLink>(target, timeouts);
    case EscPosTarget::Kind::Serial:
        return std::make_unique<EscPosSerialLink>(target, timeouts);
    }
    return std::make_unique<EscPosDeviceLink>(target, timeouts);
}

EscPosLink::EscPosLink(EscPosTarget target, EscPosTimeouts timeouts)
    : m_target(std::move(target))
    , m_timeouts(timeouts)
{
    m_stepTimer.setSingleShot(true);
}

void EscPosLink::send(QByteArray bytes, bool askStatus, Done done)
{
    m_bytes = std::move(bytes);
    m_askStatus = askStatus && m_timeouts.statusAnswer.count() > 0;
    m_done = std::move(done);
    // Started from the event loop, so that even a link failing at once answers later.
    QMetaObject::invokeMethod(this, &EscPosLink::start, Qt::QueuedConnection);
}

void EscPosLink::finish(Status status)
{
    m_stepTimer.stop();
    if (Done done = std::exchange(m_done, nullptr))
        QMetaObject::invokeMethod(
            this, [done = std::move(done), status = std::move(status)] { done(status); },
            Qt::QueuedConnection);
}

} // namespace shouyin
