#pragma once

#include "net/httpmessage.h"

#include <QByteArray>

#include <memory>

namespace shouyin {

// Incremental HTTP/1.1 request parsing (the parsing itself is http-parser's) with the
// limits of a payment endpoint enforced while the bytes arrive: a request whose headers
// or body would pass the limit is refused before it is buffered.
class HttpRequestParser
{
public:
    enum class Status {
        NeedMore,       // feed more bytes
        Complete,       // request() is ready; bytes past it stay unread
        TooLarge,       // 413: the body is (or declares to be) over the limit
        HeaderTooLarge, // 431
        Malformed,      // 400
    };

    HttpRequestParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes);
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Consumes bytes from `data`; `consumed` tells how many were used.
    Status feed(const char *data, qsizetype size, qsizetype &consumed);
    const HttpRequest &request() const;
    void reset(); // ready for the next request on the same connection

    struct State; // defined in the .cpp, where http-parser's callbacks reach it

private:
    std::unique_ptr<State> m_state;
};

} // namespace shouyin
