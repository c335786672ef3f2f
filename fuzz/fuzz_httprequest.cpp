// Any byte stream, fed in arbitrary pieces: the parser never crashes and never holds a
// body past its limit.
#include "notify/httprequestparser.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    constexpr qsizetype kMaxBody = 1024;
    shouyin::HttpRequestParser parser(512, kMaxBody);
    const char *bytes = reinterpret_cast<const char *>(data);
    qsizetype offset = 0;
    const qsizetype step = size > 0 ? qsizetype(data[0] % 17) + 1 : 1;
    while (offset < qsizetype(size)) {
        const qsizetype piece = std::min(step, qsizetype(size) - offset);
        qsizetype consumed = 0;
        const auto status = parser.feed(bytes + offset, piece, consumed);
        if (consumed < 0 || consumed > piece)
            std::abort();
        offset += consumed;
        if (status == shouyin::HttpRequestParser::Status::Complete) {
            if (parser.request().body.size() > kMaxBody)
                std::abort();
            parser.reset();
        } else if (status != shouyin::HttpRequestParser::Status::NeedMore) {
            break;
        } else if (consumed < piece) {
            break; // the parser stopped without saying why: treat as the end
        }
    }
    return 0;
}
