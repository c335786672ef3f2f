#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace shouyin {

// Money is an integer count of fen (1 yuan = 100 fen). Never a binary fraction.
using Fen = qint64;

// "1234" fen -> "12.34"; negative amounts keep their sign ("-0.05").
QString formatYuan(Fen amount);

// Exact decimal parse of a yuan amount ("12", "12.3", "12.30"); nullopt for anything
// else (more than two decimals, exponents, spaces, overflow).
std::optional<Fen> parseYuan(QStringView text);

// Strict parse of an integer fen count as the WeChat API sends it ("1234").
std::optional<Fen> parseFen(QStringView text);

} // namespace shouyin
