#include "qrdecode.h"

#include <zbar.h>

namespace shouyin::test {

QStringList decodeQr(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    // zbar wants tightly packed rows; a QImage's scanlines are 32-bit aligned.
    QByteArray pixels;
    pixels.reserve(qsizetype(gray.width()) * gray.height());
    for (int y = 0; y < gray.height(); ++y)
        pixels.append(reinterpret_cast<const char *>(gray.constScanLine(y)), gray.width());

    zbar::ImageScanner scanner;
    scanner.set_config(zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    scanner.set_config(zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    zbar::Image zimage(unsigned(gray.width()), unsigned(gray.height()), "Y800", pixels.constData(),
                       static_cast<unsigned long>(pixels.size()));
    scanner.scan(zimage);

    QStringList texts;
    for (auto symbol = zimage.symbol_begin(); symbol != zimage.symbol_end(); ++symbol) {
        const std::string data = symbol->get_data();
        texts.append(QString::fromUtf8(data.data(), qsizetype(data.size())));
    }
    zimage.set_data(nullptr, 0);
    return texts;
}

} // namespace shouyin::test
