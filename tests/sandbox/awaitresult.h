#pragma once

// Runs one asynchronous provider call to its callback, for the suites that talk to the
// sandbox over loopback.

#include "util/result.h"

#include <QObject>
#include <QTest>

#include <optional>

namespace shouyin::testing {

inline constexpr int kWaitMs = 15000;

// `start(context, callback)` begins the call; nullopt when no answer came in time (the
// caller fails on it).
template<typename T, typename Start> std::optional<Result<T>> await(Start start)
{
    std::optional<Result<T>> result;
    QObject context;
    start(&context, [&result](Result<T> value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, kWaitMs))
        return std::nullopt;
    return result;
}

// Why an awaited call is not the success a test expected, for QVERIFY2.
template<typename T> QByteArray why(const std::optional<Result<T>> &result)
{
    if (!result)
        return "no answer";
    if (result->ok())
        return "it succeeded";
    return (result->error().name() + QStringLiteral(": ") + result->error().message).toUtf8();
}

} // namespace shouyin::testing
