#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace shouyin::alipaytime {

// Alipay's "yyyy-MM-dd HH:mm:ss" in Beijing time (UTC+8, no daylight saving), whatever
// zone the till is in.
QString format(const QDateTime &at);
QDateTime parse(const QString &text); // UTC; invalid when malformed

// qr_code_timeout_express for a QR that lives from `created` to `expires`: whole minutes
// rounded down, at least "1m", at most 15 days.
QString timeoutExpress(const QDateTime &created, const QDateTime &expires);
// "10m", "2h", "1d" as seconds; nullopt for anything else or outside 1m..15d.
std::optional<qint64> parseTimeoutExpress(const QString &text);

} // namespace shouyin::alipaytime
