#include "codepayments.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

QString codeTail(QStringView code)
{
    // Four digits tell two scans apart in a log; the rest would let anyone replay it.
    constexpr qsizetype kShown = 4;
    if (code.size() <= kShown)
        return u"..."_s;
    return u"..."_s + code.right(kShown).toString();
}

bool codeMatches(QStringView code, qsizetype minDigits, qsizetype maxDigits, int lowPrefix,
                 int highPrefix)
{
    // ASCII only: QChar::isDigit() would take the digits of other scripts too.
    const bool digits =
        std::all_of(code.begin(), code.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits || code.size() < std::max<qsizetype>(minDigits, 2) || code.size() > maxDigits)
        return false;
    const int prefix = code.left(2).toInt();
    return prefix >= lowPrefix && prefix <= highPrefix;
}

} // namespace shouyin
