#pragma once

// A deliberately low-level HTTP client for listener tests: it writes exactly the bytes
// a test gives it (slowly, huge, malformed) and reads back the raw response.

#include <QByteArray>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

namespace shouyin::testing {

struct RawResponse
{
    int status = 0; // 0: no response (connection dropped or timed out)
    QByteArray headers;
    QByteArray body;
};

class RawHttpClient
{
public:
    explicit RawHttpClient(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }

    bool waitConnected() { return m_socket.waitForConnected(3000); }
    QTcpSocket &socket() { return m_socket; }

    static QByteArray post(const QByteArray &path, const QByteArray &body, bool keepAlive = false)
    {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n" +
               (keepAlive ? QByteArray() : QByteArray("Connection: close\r\n")) +
               "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

    void send(const QByteArray &bytes)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            waitConnected();
        m_socket.write(bytes);
        m_socket.flush();
    }

    // Reads one response, processing events meanwhile so an in-process server runs.
    RawResponse read(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_socket.isOpen())
                m_buffer += m_socket.readAll();
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                RawResponse response;
                response.headers = m_buffer.left(headEnd);
                response.status = response.headers.mid(9, 3).toInt();
                const qsizetype lengthAt = response.headers.toLower().indexOf("content-length: ");
                const qsizetype length =
                    lengthAt < 0 ? 0
                                 : response.headers.mid(lengthAt + 16).split('\r').first().toInt();
                if (m_buffer.size() >= headEnd + 4 + length) {
                    response.body = m_buffer.mid(headEnd + 4, length);
                    m_buffer.remove(0, headEnd + 4 + length);
                    return response;
                }
            }
            if (m_socket.state() == QAbstractSocket::UnconnectedState &&
                m_socket.bytesAvailable() == 0)
                return {};
            QTest::qWait(5);
        }
        return {};
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace shouyin::testing
