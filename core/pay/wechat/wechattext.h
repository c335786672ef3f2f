#pragma once

#include <QString>

namespace shouyin::wechattext {

// The gateway refuses a `body` over 128 bytes.
constexpr qsizetype kMaxBodyBytes = 128;

// `text` cut to at most `maxBytes` of UTF-8, at a character boundary.
QString truncatedUtf8(const QString &text, qsizetype maxBytes);

} // namespace shouyin::wechattext
