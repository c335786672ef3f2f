#include "httpmessage.h"

namespace shouyin {

QByteArray headerValue(const HttpHeaders &headers, const QByteArray &lowerCaseName)
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

namespace {

bool breaksHeaderBlock(const QByteArray &text)
{
    return text.contains('\r') || text.contains('\n');
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    return headerValue(headers, lowerCaseName);
}

HttpRequest HttpRequest::post(QByteArray body, const QByteArray &contentType)
{
    HttpRequest request;
    request.method = "POST";
    request.path = "/";
    if (!contentType.isEmpty())
        request.headers.append({"content-type", contentType});
    request.body = std::move(body);
    return request;
}

HttpResponse::HttpResponse(int statusCode, const QByteArray &contentType, QByteArray content)
    : status(statusCode)
    , body(std::move(content))
{
    setHeader("content-type", contentType);
}

QByteArray HttpResponse::header(const QByteArray &lowerCaseName) const
{
    return headerValue(headers, lowerCaseName);
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    headers.removeIf([&lower](const auto &header) { return header.first == lower; });
    if (lower.isEmpty() || lower.contains(':') || breaksHeaderBlock(lower) ||
        breaksHeaderBlock(value))
        return;
    headers.append({lower, value});
}

} // namespace shouyin
