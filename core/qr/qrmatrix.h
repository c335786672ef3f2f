#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace shouyin {

// The module grid of a QR code (libqrencode, byte mode, error correction M).
// Drawing it, with the 4-module quiet zone, is the UI's business.
class QrMatrix
{
public:
    static constexpr int kQuietZone = 4;

    static Result<QrMatrix> encode(const QString &text);

    int size() const { return m_size; } // modules per side, without the quiet zone
    bool isDark(int x, int y) const { return m_modules.at(y * m_size + x) != 0; }

private:
    QrMatrix(int size, QByteArray modules)
        : m_size(size)
        , m_modules(std::move(modules))
    {}

    int m_size = 0;
    QByteArray m_modules; // one byte per module, row-major, non-zero = dark
};

} // namespace shouyin
