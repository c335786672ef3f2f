#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QAudioSink;
class QBuffer;

namespace shouyin {

// The counter's error sound: a short low tone through the sound card, so that a cashier
// looking at the customer, not the screen, hears that a scan or a key was refused. Where
// the till has no audio output it falls back to the system bell.
//
// One per application: every page and dialog that refuses something plays the same
// sound, and a test listens to played().
class ErrorSound : public QObject
{
    Q_OBJECT
public:
    static ErrorSound &instance();
    static void play() { instance().playTone(); }

    // The tone as 16-bit mono PCM at kSampleRate.
    static QByteArray tone();
    static constexpr int kSampleRate = 16000;

Q_SIGNALS:
    void played();

private:
    ErrorSound() = default;
    void playTone();

    QPointer<QAudioSink> m_sink;
    QPointer<QBuffer> m_buffer;
};

} // namespace shouyin
