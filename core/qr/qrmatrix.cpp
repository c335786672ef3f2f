#include "qrmatrix.h"

#include <qrencode.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace shouyin {

Result<QrMatrix> QrMatrix::encode(const QString &text)
{
    const QByteArray data = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(data.size()),
                          reinterpret_cast<const unsigned char *>(data.constData()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code)
        return Error{ErrorCode::Qr, u"the text cannot be encoded as a QR code"_s};
    const int size = code->width;
    QByteArray modules(size * size, Qt::Uninitialized);
    for (int i = 0; i < size * size; ++i)
        modules[i] = char(code->data[i] & 1); // bit 0 is the module colour
    return QrMatrix(size, std::move(modules));
}

} // namespace shouyin
