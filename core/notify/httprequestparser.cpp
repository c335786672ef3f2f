#include "httprequestparser.h"

#include <http_parser.h>

namespace shouyin {

struct HttpRequestParser::State
{
    http_parser parser{};
    http_parser_settings settings{};
    qsizetype maxHeaderBytes = 0;
    qsizetype maxBodyBytes = 0;
    qsizetype headerBytes = 0;
    HttpRequest request;
    QByteArray url;
    QByteArray field;
    QByteArray value;
    bool inValue = false;
    bool complete = false;
    HttpRequestParser::Status refusal = HttpRequestParser::Status::NeedMore;

    static State &of(http_parser *parser) { return *static_cast<State *>(parser->data); }

    // Returns non-zero (stop parsing) once the header budget is spent.
    int countHeader(size_t length)
    {
        headerBytes += qsizetype(length);
        if (headerBytes <= maxHeaderBytes)
            return 0;
        refusal = HttpRequestParser::Status::HeaderTooLarge;
        return 1;
    }

    void flushHeader()
    {
        if (!field.isEmpty())
            request.headers.append({field.toLower(), value.trimmed()});
        field.clear();
        value.clear();
        inValue = false;
    }
};

namespace {

int onUrl(http_parser *parser, const char *at, size_t length)
{
    auto &state = HttpRequestParser::State::of(parser);
    state.url.append(at, qsizetype(length));
    return state.countHeader(length);
}

int onHeaderField(http_parser *parser, const char *at, size_t length)
{
    auto &state = HttpRequestParser::State::of(parser);
    if (state.inValue)
        state.flushHeader();
    state.field.append(at, qsizetype(length));
    return state.countHeader(length);
}

int onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    auto &state = HttpRequestParser::State::of(parser);
    state.inValue = true;
    state.value.append(at, qsizetype(length));
    return state.countHeader(length);
}

int onHeadersComplete(http_parser *parser)
{
    auto &state = HttpRequestParser::State::of(parser);
    state.flushHeader();
    // Refuse on the declared length, before a single body byte is buffered.
    if ((parser->flags & F_CONTENTLENGTH) &&
        parser->content_length > uint64_t(state.maxBodyBytes)) {
        state.refusal = HttpRequestParser::Status::TooLarge;
        return -1;
    }
    state.request.method = http_method_str(static_cast<http_method>(parser->method));
    const qsizetype query = state.url.indexOf('?');
    state.request.path = query < 0 ? state.url : state.url.left(query);
    state.request.query = query < 0 ? QByteArray() : state.url.mid(query + 1);
    state.request.keepAlive = http_should_keep_alive(parser) != 0;
    return 0;
}

int onBody(http_parser *parser, const char *at, size_t length)
{
    auto &state = HttpRequestParser::State::of(parser);
    // Chunked bodies declare no length: count as they come.
    if (state.request.body.size() + qsizetype(length) > state.maxBodyBytes) {
        state.refusal = HttpRequestParser::Status::TooLarge;
        return 1;
    }
    state.request.body.append(at, qsizetype(length));
    return 0;
}

int onMessageComplete(http_parser *parser)
{
    auto &state = HttpRequestParser::State::of(parser);
    state.complete = true;
    // One request at a time: stop here and leave pipelined bytes for later.
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace

HttpRequestParser::HttpRequestParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes)
    : m_state(std::make_unique<State>())
{
    m_state->maxHeaderBytes = maxHeaderBytes;
    m_state->maxBodyBytes = maxBodyBytes;
    http_parser_settings_init(&m_state->settings);
    m_state->settings.on_url = onUrl;
    m_state->settings.on_header_field = onHeaderField;
    m_state->settings.on_header_value = onHeaderValue;
    m_state->settings.on_headers_complete = onHeadersComplete;
    m_state->settings.on_body = onBody;
    m_state->settings.on_message_complete = onMessageComplete;
    reset();
}

HttpRequestParser::~HttpRequestParser() = default;

void HttpRequestParser::reset()
{
    const qsizetype maxHeader = m_state->maxHeaderBytes;
    const qsizetype maxBody = m_state->maxBodyBytes;
    m_state->request = {};
    m_state->url.clear();
    m_state->field.clear();
    m_state->value.clear();
    m_state->inValue = false;
    m_state->complete = false;
    m_state->headerBytes = 0;
    m_state->refusal = Status::NeedMore;
    m_state->maxHeaderBytes = maxHeader;
    m_state->maxBodyBytes = maxBody;
    http_parser_init(&m_state->parser, HTTP_REQUEST);
    m_state->parser.data = m_state.get();
}

HttpRequestParser::Status HttpRequestParser::feed(const char *data, qsizetype size,
                                                  qsizetype &consumed)
{
    consumed =
        qsizetype(http_parser_execute(&m_state->parser, &m_state->settings, data, size_t(size)));
    if (m_state->complete)
        return Status::Complete;
    if (m_state->refusal != Status::NeedMore)
        return m_state->refusal;
    if (HTTP_PARSER_ERRNO(&m_state->parser) != HPE_OK)
        return Status::Malformed;
    return Status::NeedMore;
}

const HttpRequest &HttpRequestParser::request() const
{
    return m_state->request;
}

} // namespace shouyin
