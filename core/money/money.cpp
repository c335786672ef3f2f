#include "money.h"

#include <limits>

namespace shouyin {

QString formatYuan(Fen amount)
{
    const bool negative = amount < 0;
    // Work in unsigned to keep the minimum qint64 representable.
    const quint64 magnitude =
        negative ? quint64(0) - static_cast<quint64>(amount) : static_cast<quint64>(amount);
    QString text = QString::number(magnitude / 100) + u'.' +
                   QString::number(magnitude % 100).rightJustified(2, u'0');
    return negative ? u'-' + text : text;
}

namespace {

std::optional<quint64> parseDigits(QStringView digits)
{
    if (digits.isEmpty())
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const quint64 digit = c.unicode() - u'0';
        if (value > (std::numeric_limits<quint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

} // namespace

std::optional<Fen> parseYuan(QStringView text)
{
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text = text.mid(1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (dot >= 0 && (fraction.isEmpty() || fraction.size() > 2))
        return std::nullopt;
    const auto yuan = parseDigits(whole);
    const auto cents = fraction.isEmpty() ? std::optional<quint64>(0) : parseDigits(fraction);
    if (!yuan || !cents)
        return std::nullopt;
    const quint64 scaledCents = fraction.size() == 1 ? *cents * 10 : *cents;
    constexpr quint64 kMax = quint64(std::numeric_limits<Fen>::max());
    if (*yuan > (kMax - scaledCents) / 100)
        return std::nullopt;
    const Fen value = Fen(*yuan * 100 + scaledCents);
    return negative ? -value : value;
}

std::optional<Fen> parseFen(QStringView text)
{
    const auto value = parseDigits(text);
    if (!value || *value > quint64(std::numeric_limits<Fen>::max()))
        return std::nullopt;
    return Fen(*value);
}

} // namespace shouyin
