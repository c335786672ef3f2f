#pragma once

// A merchant's notification endpoint for the sandbox to call: the app's own HttpListener
// on a loopback port, recording every request and answering as the test scripts it.

#include "notify/httplistener.h"
#include "xml/flatxml.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <memory>

namespace shouyin {

class NotifyRecorder
{
public:
    enum class Answer {
        Success,      // 200, return_code SUCCESS: acknowledged
        Fail,         // 200, return_code FAIL
        Http500,      // 500 with a SUCCESS body: the status alone refuses it
        NotXml,       // 200, "success" in plain text
        NoReturnCode, // 200, XML without return_code
        Silence,      // never answered
    };

    struct Arrival
    {
        QByteArray body;
        QByteArray contentType;
        qint64 atMs = 0; // since the recorder was made
    };

    static constexpr char kPath[] = "/notify/wechat";

    NotifyRecorder() { m_clock.start(); }

    // Listens on 127.0.0.1 (`port` 0: any free port); may be called again after stop().
    bool start(quint16 port = 0)
    {
        m_listener = std::make_unique<HttpListener>();
        m_listener->route(kPath, [this](const HttpRequest &request, HttpListener::Reply reply) {
            // On one of the listener's threads: the recording and the script are the test
            // thread's, so the request is handled there.
            const qint64 atMs = m_clock.elapsed();
            QMetaObject::invokeMethod(
                &m_testThread, [this, request, reply, atMs] { handle(request, reply, atMs); },
                Qt::QueuedConnection);
        });
        if (!m_listener->listen(QHostAddress::LocalHost, port))
            return false;
        m_port = m_listener->port();
        return true;
    }
    // Closes the port: the sandbox's next POST is refused.
    void stop() { m_listener.reset(); }

    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/notify/wechat").arg(m_port); }

    // The next answers, in order; `then` for every request after them.
    void script(QList<Answer> answers, Answer then = Answer::Success)
    {
        m_script = std::move(answers);
        m_then = then;
    }

    int count() const { return int(arrivals.size()); }
    Params fields(int index) const
    {
        const auto decoded = FlatXml::decode(arrivals.value(index).body);
        return decoded ? decoded.value() : Params{};
    }

    QList<Arrival> arrivals;

private:
    void handle(const HttpRequest &request, const HttpListener::Reply &reply, qint64 atMs)
    {
        arrivals.append({request.body, request.header("content-type"), atMs});
        const Answer answer = m_script.isEmpty() ? m_then : m_script.takeFirst();
        const QByteArray xml = "text/xml; charset=utf-8";
        switch (answer) {
        case Answer::Success:
            return reply({200, xml, ack(true)});
        case Answer::Fail:
            return reply({200, xml, ack(false)});
        case Answer::Http500:
            return reply({500, xml, ack(true)});
        case Answer::NotXml:
            return reply({200, "text/plain", "success"});
        case Answer::NoReturnCode:
            return reply({200, xml, "<xml><return_msg>OK</return_msg></xml>"});
        case Answer::Silence:
            return; // the connection stays open until the sandbox gives up on it
        }
    }

    static QByteArray ack(bool accepted)
    {
        return FlatXml::encode({{QStringLiteral("return_code"),
                                 accepted ? QStringLiteral("SUCCESS") : QStringLiteral("FAIL")},
                                {QStringLiteral("return_msg"),
                                 accepted ? QStringLiteral("OK") : QStringLiteral("NO")}});
    }

    // Lives on the thread that made the recorder; declared before the listener, which
    // therefore goes (and stops posting) first.
    QObject m_testThread;
    std::unique_ptr<HttpListener> m_listener;
    quint16 m_port = 0;
    QList<Answer> m_script;
    Answer m_then = Answer::Success;
    QElapsedTimer m_clock;
};

} // namespace shouyin
