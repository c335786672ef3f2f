// Any input: decoding never crashes, and whatever decodes survives a round trip.
#include "xml/flatxml.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto decoded = shouyin::FlatXml::decode(input);
    if (!decoded)
        return 0;
    const auto again = shouyin::FlatXml::decode(shouyin::FlatXml::encode(decoded.value()));
    if (!again || again.value() != decoded.value())
        std::abort();
    return 0;
}
