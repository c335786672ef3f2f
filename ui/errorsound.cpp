#include "errorsound.h"

#include <QApplication>
#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QBuffer>
#include <QMediaDevices>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace shouyin {

namespace {

constexpr double kFrequencyHz = 440.0; // low: heard over a shop's noise, not shrill
constexpr int kDurationMs = 180;
constexpr int kFadeMs = 10; // no click at either end
constexpr double kVolume = 0.6;

} // namespace

ErrorSound &ErrorSound::instance()
{
    // Parented to the application so that it goes before the audio back end does.
    static QPointer<ErrorSound> sound;
    if (!sound) {
        sound = new ErrorSound;
        sound->setParent(qApp);
    }
    return *sound;
}

QByteArray ErrorSound::tone()
{
    const int samples = kSampleRate * kDurationMs / 1000;
    const int fade = kSampleRate * kFadeMs / 1000;
    QByteArray pcm(samples * int(sizeof(qint16)), Qt::Uninitialized);
    auto *out = reinterpret_cast<uchar *>(pcm.data());
    for (int i = 0; i < samples; ++i) {
        const double envelope = std::min({1.0, double(i) / fade, double(samples - i) / fade});
        const double value =
            kVolume * envelope * std::sin(2 * std::numbers::pi * kFrequencyHz * i / kSampleRate);
        qToLittleEndian<qint16>(qint16(std::lround(value * 32767)), out + i * sizeof(qint16));
    }
    return pcm;
}

void ErrorSound::playTone()
{
    Q_EMIT played();
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    QAudioFormat format;
    format.setSampleRate(kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    if (device.isNull() || !device.isFormatSupported(format)) {
        QApplication::beep();
        return;
    }
    if (m_sink) // a second error while the first still sounds: start again, never queue
        m_sink->stop();
    delete m_sink;
    delete m_buffer;
    m_buffer = new QBuffer(this);
    m_buffer->setData(tone());
    m_buffer->open(QIODevice::ReadOnly);
    m_sink = new QAudioSink(device, format, this);
    m_sink->start(m_buffer);
    if (m_sink->error() != QAudio::NoError)
        QApplication::beep();
}

} // namespace shouyin
