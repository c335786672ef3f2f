#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace shouyin {

// An error a caller must handle: a stable machine code plus a message for people.
struct Error
{
    QString code;
    QString message;
};

// A value or an Error; errors are returned, never thrown across the event loop.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(Error error)
        : m_data(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that have no value beyond success.
struct Done
{};
using Status = Result<Done>;

inline Status success()
{
    return Done{};
}

} // namespace shouyin
