#include "allocator.h"

#include <cstdlib> // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace shouyin {

void keepFreedMemoryForReuse()
{
#if defined(__GLIBC__)
    // Fixing the trim threshold also stops glibc from raising its mmap threshold by itself
    // (it does so after the first large block is freed): blocks under it, such as a frame
    // of the window or the rendered QR, would otherwise be mapped and unmapped every time.
    constexpr int kMmapThresholdBytes = 4 * 1024 * 1024;
    mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
    mallopt(M_TRIM_THRESHOLD, 2 * kMmapThresholdBytes);
#endif
}

} // namespace shouyin
