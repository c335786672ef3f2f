#include "print/escposstatusprobe.h"

#include <QIODevice>

namespace shouyin {

EscPosStatusProbe::EscPosStatusProbe(QIODevice &device, std::chrono::milliseconds wait,
                                     QObject *parent)
    : QObject(parent)
    , m_device(device)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(wait);
    connect(&m_timer, &QTimer::timeout, this, &EscPosStatusProbe::noAnswer);
}

void EscPosStatusProbe::start(Answer answer)
{
    m_answer = std::move(answer);
    m_reading = connect(&m_device, &QIODevice::readyRead, this, &EscPosStatusProbe::readAnswer);
    askNext();
}

void EscPosStatusProbe::askNext()
{
    if (++m_current >= m_questions.size())
        return finish(m_status);
    m_device.write(statusRequest(m_questions[m_current]));
    m_timer.start();
}

void EscPosStatusProbe::readAnswer()
{
    const QByteArray bytes = m_device.readAll();
    if (m_current < 0 || m_current >= m_questions.size())
        return;
    // Anything else is a late answer or an automatic status message: not ours to read.
    for (const char byte : bytes) {
        if (readStatusAnswer(m_questions[m_current], byte, m_status)) {
            m_heardAny = true;
            m_timer.stop();
            return askNext();
        }
    }
}

void EscPosStatusProbe::noAnswer()
{
    if (!m_heardAny)
        return finish(std::nullopt);
    askNext(); // it answers some requests but not this one
}

void EscPosStatusProbe::finish(std::optional<EscPosPrinterStatus> status)
{
    m_timer.stop();
    disconnect(m_reading);
    m_current = m_questions.size();
    if (Answer answer = std::exchange(m_answer, nullptr))
        answer(status);
}

} // namespace shouyin
