#pragma once

// A million orders for the History and report benchmarks, written straight into the
// tables in one transaction with prepared statements (the per-sale API would take
// hours). The rows look like what Checkout writes: the same statuses, pay-log kinds and
// details, so History and the report take the same paths as in a shop.

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace shouyin::bench {

class ShopGenerator
{
public:
    struct Plan
    {
        qint64 orders = 1'000'000;
        int days = 100; // ending with `lastDay`, evenly busy
        QDate lastDay = QDate(2026, 11, 22);
        QTimeZone zone = QTimeZone::systemTimeZone();
        quint32 seed = 20261123;
    };
    struct Stats
    {
        qint64 orders = 0;
        qint64 payments = 0;
        qint64 items = 0;
        qint64 events = 0;
        qint64 paidOnLastDay = 0;
        qint64 refunds = 0; // whole orders returned and refunded

        double seconds = 0;
    };

    static const QStringList &cashiers();  // 8 names
    static const QStringList &terminals(); // T01..T04
    static const QStringList &providers(); // wechat, alipay

    // Fills the SQLite file at `path` (migrated by Database::openSqlite and empty, with
    // no other connection open) following `plan`. Through SQLite's own API on a
    // connection of its own: Qt's per-row binding would triple the time of a bulk load.
    static Stats generate(const QString &path, const Plan &plan);
};

} // namespace shouyin::bench
