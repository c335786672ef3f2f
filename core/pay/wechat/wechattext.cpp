#include "wechattext.h"

namespace shouyin::wechattext {

QString truncatedUtf8(const QString &text, qsizetype maxBytes)
{
    QString out;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair = text.at(i).isHighSurrogate() && i + 1 < text.size();
        const QString character = text.mid(i, pair ? 2 : 1);
        bytes += character.toUtf8().size();
        if (bytes > maxBytes)
            break;
        out += character;
        i += pair ? 1 : 0;
    }
    return out;
}

} // namespace shouyin::wechattext
