#include "rawsocket.h"

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <limits>

namespace shouyin {

namespace {

#ifdef Q_OS_WIN
using Native = SOCKET;
using Length = int;           // winsock counts in int
constexpr int kSendFlags = 0; // no SIGPIPE on Windows
bool wouldBlock()
{
    return WSAGetLastError() == WSAEWOULDBLOCK;
}
bool interrupted()
{
    return WSAGetLastError() == WSAEINTR;
}
#else
using Native = int;
using Length = size_t;
#ifdef MSG_NOSIGNAL
constexpr int kSendFlags = MSG_NOSIGNAL;
#else
constexpr int kSendFlags = 0; // SO_NOSIGPIPE is set on the socket instead (BSDs, macOS)
#endif
bool wouldBlock()
{
    return errno == EAGAIN || errno == EWOULDBLOCK;
}
bool interrupted()
{
    return errno == EINTR;
}
#endif

Native native(qintptr descriptor)
{
    return static_cast<Native>(descriptor);
}

Length clamp(qint64 size)
{
    return static_cast<Length>(qMin<qint64>(size, std::numeric_limits<int>::max()));
}

template<typename Call> RawSocket::Result transfer(Call call)
{
    for (;;) {
        const auto moved = call();
        if (moved > 0)
            return {RawSocket::Status::Done, qint64(moved)};
        if (moved == 0)
            return {RawSocket::Status::Closed, 0};
        if (interrupted())
            continue;
        return {wouldBlock() ? RawSocket::Status::WouldBlock : RawSocket::Status::Failed, 0};
    }
}

} // namespace

RawSocket::RawSocket(qintptr descriptor)
    : m_descriptor(descriptor)
{}

RawSocket::~RawSocket()
{
    close();
}

bool RawSocket::setNonBlocking()
{
#ifdef Q_OS_WIN
    u_long on = 1;
    return ioctlsocket(native(m_descriptor), FIONBIO, &on) == 0;
#else
#if !defined(MSG_NOSIGNAL) && defined(SO_NOSIGPIPE)
    const int on = 1;
    ::setsockopt(native(m_descriptor), SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#endif
    const int flags = ::fcntl(native(m_descriptor), F_GETFL);
    return flags >= 0 && ::fcntl(native(m_descriptor), F_SETFL, flags | O_NONBLOCK) == 0;
#endif
}

RawSocket::Result RawSocket::receive(char *data, qint64 size)
{
    return transfer([&] { return ::recv(native(m_descriptor), data, clamp(size), 0); });
}

RawSocket::Result RawSocket::peek()
{
    char byte = 0;
    return transfer([&] { return ::recv(native(m_descriptor), &byte, 1, MSG_PEEK); });
}

RawSocket::Result RawSocket::send(const char *data, qint64 size)
{
    const RawSocket::Result result =
        transfer([&] { return ::send(native(m_descriptor), data, clamp(size), kSendFlags); });
    // Sending never reads an EOF; a zero-byte send is only asked for by mistake.
    return result.status == Status::Closed ? Result{Status::Done, 0} : result;
}

void RawSocket::shutdownWrite()
{
#ifdef Q_OS_WIN
    ::shutdown(native(m_descriptor), SD_SEND);
#else
    ::shutdown(native(m_descriptor), SHUT_WR);
#endif
}

void RawSocket::close()
{
    if (m_descriptor == kInvalid)
        return;
#ifdef Q_OS_WIN
    ::closesocket(native(m_descriptor));
#else
    ::close(native(m_descriptor));
#endif
    m_descriptor = kInvalid;
}

} // namespace shouyin
