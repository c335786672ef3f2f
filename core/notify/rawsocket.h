#pragma once

#include <QtGlobal>

namespace shouyin {

// A connected, non-blocking TCP socket descriptor and the few calls the listener makes on
// it. They are the only system socket calls of the listener, kept here so that a port to
// Windows (winsock, under Q_OS_WIN) touches this file alone. Owns the descriptor.
class RawSocket
{
public:
    enum class Status {
        Done,       // `bytes` were moved (for peek: a byte is waiting)
        WouldBlock, // try again when the notifier says so
        Closed,     // the peer will send nothing more (EOF)
        Failed,     // reset or any other error: the connection is unusable
    };
    struct Result
    {
        Status status = Status::Failed;
        qint64 bytes = 0;
    };

    explicit RawSocket(qintptr descriptor);
    ~RawSocket();
    RawSocket(const RawSocket &) = delete;
    RawSocket &operator=(const RawSocket &) = delete;

    qintptr descriptor() const { return m_descriptor; }
    bool isOpen() const { return m_descriptor != kInvalid; }

    bool setNonBlocking();
    Result receive(char *data, qint64 size);
    // Whether anything is waiting, without taking it: tells a client that half-closed
    // (EOF) from one that pipelined its next request.
    Result peek();
    // Never raises SIGPIPE when the peer has gone: that is a Failed result.
    Result send(const char *data, qint64 size);
    void shutdownWrite();
    void close();

private:
    static constexpr qintptr kInvalid = -1;
    qintptr m_descriptor;
};

} // namespace shouyin
