#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace shouyin {

// Header names are kept lower-cased; HTTP compares them without case.
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;
// The first value of the header `lowerCaseName`; empty when there is none.
QByteArray headerValue(const HttpHeaders &headers, const QByteArray &lowerCaseName);
// The status line's words for the statuses our servers answer ("Status" for others).
QByteArray reasonPhrase(int status);

// One request as the notification listener received it, whole: a provider that signs
// headers (WeChat Pay v3) needs them as much as the body.
struct HttpRequest
{
    QByteArray method;
    QByteArray path;  // without the query
    QByteArray query; // after the '?', undecoded; empty when there is none
    HttpHeaders headers;
    QByteArray body;
    bool keepAlive = false;

    QByteArray header(const QByteArray &lowerCaseName) const;

    // A POST carrying `body`, for callers that have only the bytes (tools, fuzzers, tests).
    static HttpRequest post(QByteArray body, const QByteArray &contentType = {});
};

// What a handler answers. Content-Length and Connection are the listener's to write.
struct HttpResponse
{
    HttpResponse() = default;
    HttpResponse(int statusCode, const QByteArray &contentType, QByteArray content);

    int status = 200;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(const QByteArray &lowerCaseName) const;
    // Replaces any header of that name. A name or value that would break the header
    // block (CR, LF, or ':' in the name) is dropped, never written.
    void setHeader(const QByteArray &name, const QByteArray &value);
};

} // namespace shouyin
