#include "alipayform.h"

#include <QUrl>

namespace shouyin::alipayform {

namespace {

QString decodeComponent(QByteArray text)
{
    text.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
}

} // namespace

QByteArray encode(const Params &params)
{
    QByteArray out;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(it.key()) + '=' + QUrl::toPercentEncoding(it.value());
    }
    return out;
}

Params decode(const QByteArray &body)
{
    Params params;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QString key = decodeComponent(equals < 0 ? pair : pair.left(equals));
        if (!params.contains(key))
            params.insert(key, equals < 0 ? QString() : decodeComponent(pair.mid(equals + 1)));
    }
    return params;
}

} // namespace shouyin::alipayform
