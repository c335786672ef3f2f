#pragma once

// Medians, spreads and peak memory for the benchmarks' reports.

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QList>

#include <algorithm>

namespace shouyin::bench {

inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

// {median, min, max}: the spread says how far one run can be trusted on a shared machine.
inline QJsonObject summary(const QList<double> &values)
{
    return {{QStringLiteral("median"), median(values)},
            {QStringLiteral("min"),
             values.isEmpty() ? 0 : *std::min_element(values.begin(), values.end())},
            {QStringLiteral("max"),
             values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end())}};
}

// The value at fraction `p` of `values` once sorted: 0.5 the median, 0.99 the p99, 1 the max.
template<typename T> T percentile(QList<T> values, double p)
{
    if (values.isEmpty())
        return T();
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

// {median, min, max, p50, p99} of per-sale times.
inline QJsonObject latency(const QList<double> &values)
{
    QJsonObject object = summary(values);
    object.insert(QStringLiteral("p50"), percentile(values, 0.50));
    object.insert(QStringLiteral("p99"), percentile(values, 0.99));
    return object;
}

// Milliseconds on `timer`, to the nanosecond.
inline double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// `report` with the p50, p99 and max of request latencies (µs), in milliseconds.
inline QJsonObject withLatencyMs(QJsonObject report, const QList<qint64> &latenciesUs)
{
    report.insert(QStringLiteral("latency_p50_ms"), double(percentile(latenciesUs, 0.50)) / 1000);
    report.insert(QStringLiteral("latency_p99_ms"), double(percentile(latenciesUs, 0.99)) / 1000);
    report.insert(QStringLiteral("latency_max_ms"), double(percentile(latenciesUs, 1.0)) / 1000);
    return report;
}

// VmHWM of this process, in MB (Linux).
inline double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

} // namespace shouyin::bench
