#pragma once

#include "print/escposcommands.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class QIODevice;

namespace shouyin {

// Asks a printer on a two-way link (network, serial) how it is before a job: whether it
// is online, why not, and its paper. One request at a time, each answered with one byte
// or not at all: many printers never answer, so the first silence ends the questions.
class EscPosStatusProbe : public QObject
{
    Q_OBJECT
public:
    // Nothing: the printer did not answer the first request.
    using Answer = std::function<void(std::optional<EscPosPrinterStatus>)>;

    // `device` is open for reading and writing and outlives the probe.
    EscPosStatusProbe(QIODevice &device, std::chrono::milliseconds wait, QObject *parent = nullptr);

    // `answer` is called once, from the event loop, unless the probe is destroyed first.
    void start(Answer answer);

private:
    void askNext();
    void readAnswer();
    void noAnswer();
    void finish(std::optional<EscPosPrinterStatus> status);

    QIODevice &m_device;
    QTimer m_timer;
    const QList<EscPosStatusKind> m_questions{
        EscPosStatusKind::Printer, EscPosStatusKind::OfflineCause, EscPosStatusKind::PaperSensor};
    qsizetype m_current = -1;
    bool m_heardAny = false;
    EscPosPrinterStatus m_status;
    Answer m_answer;
    QMetaObject::Connection m_reading;
};

} // namespace shouyin
