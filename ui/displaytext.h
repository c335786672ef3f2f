#pragma once

#include "refund/refundrecords.h"
#include "report/reportrecords.h"
#include "store/records.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace shouyin {

// How the manager's pages name the core's codes (statuses, providers, pay-log kinds) and
// times, in one place so History, the order detail and the report agree.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)
public:
    static QString orderStatus(HistoryStatus status);
    static QString paymentStatus(PaymentStatus status);
    static QString refundStatus(RefundStatus status);
    static QString stockAction(StockAction action);
    // A status as the pay log stores it (an order's or a payment's); the word itself
    // for one this program does not know.
    static QString storedStatus(const QString &sqlText);
    static QString provider(const QString &provider); // empty: "—"
    // The app the customer scans a provider's QR with ("WeChat"), or the provider's name.
    static QString providerApp(const QString &provider);
    static QString eventKind(const QString &kind);
    static QString alertKind(const QString &kind);
    // "2026-11-23 09:05:00" in `zone`; empty for an invalid time.
    static QString dateTime(const QDateTime &at, const QTimeZone &zone);
    static QString time(const QDateTime &at, const QTimeZone &zone); // "09:05:00"
};

} // namespace shouyin
