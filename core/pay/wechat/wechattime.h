#pragma once

#include <QDateTime>
#include <QString>

namespace shouyin::wechattime {

// WeChat Pay v2 times are yyyyMMddHHmmss in Beijing time (UTC+8), whatever the
// terminal's own zone.
QString format(const QDateTime &time);
QDateTime parse(const QString &text); // invalid QDateTime when malformed

// Refunds write their times "yyyy-MM-dd HH:mm:ss" instead (refundquery's
// refund_success_time_$n, a refund notification's success_time), Beijing time as well.
QString formatDashed(const QDateTime &time);
QDateTime parseDashed(const QString &text); // invalid QDateTime when malformed

} // namespace shouyin::wechattime
