#pragma once

#include <QImage>
#include <QStringList>

namespace shouyin::test {

// Every QR code zbar finds in `image`, as UTF-8 text: an independent reader checks what
// the widgets draw.
QStringList decodeQr(const QImage &image);

} // namespace shouyin::test
