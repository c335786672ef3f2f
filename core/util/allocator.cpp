#include "allocator.h"

#include <cstdlib> // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace shouyin {

void keepFreedMemoryForReuse()
{
#if defined(__GLIBC__)
    constexpr int kTrimThresholdBytes = 4 * 1024 * 1024;
    mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
#endif
}

} // namespace shouyin
