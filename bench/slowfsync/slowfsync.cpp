// LD_PRELOAD shim for bench_guilag: every fsync and fdatasync sleeps first (20 ms, or
// SHOUYIN_SLOW_FSYNC_MS), as on a worn SD card or a busy shared disk, so that what waits
// for a commit shows. Nothing of Shouyin links it.

#include <cstdlib>
#include <dlfcn.h>
#include <unistd.h>

namespace {

useconds_t delayUs()
{
    static const useconds_t delay = [] {
        const char *ms = std::getenv("SHOUYIN_SLOW_FSYNC_MS");
        return useconds_t((ms ? std::atoi(ms) : 20) * 1000);
    }();
    return delay;
}

template<typename Fn> Fn next(const char *name)
{
    return reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" int fsync(int fd)
{
    static const auto real = next<int (*)(int)>("fsync");
    usleep(delayUs());
    return real(fd);
}

extern "C" int fdatasync(int fd)
{
    static const auto real = next<int (*)(int)>("fdatasync");
    usleep(delayUs());
    return real(fd);
}
