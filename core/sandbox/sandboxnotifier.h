#pragma once

#include "net/httpmessage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <array>
#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace shouyin {

// Delivers the sandbox's payment notifications the way WeChat Pay v2 does: POST the
// signed XML to notify_url, and until the merchant acknowledges it (HTTP 200 and a
// body whose return_code is SUCCESS) try again on the official schedule, then give up.
// Alipay's and WeChat Pay v3's the same way, each acknowledged as its provider expects.
// Everything is asynchronous; nothing here waits on the event loop.
class SandboxNotifier : public QObject
{
    Q_OBJECT
public:
    // How long the merchant has to answer one POST.
    static constexpr std::chrono::milliseconds kTimeout{5000};
    // The waits before retry 1, 2, ... (after the first POST fails): about 24 hours.
    static constexpr std::array<std::chrono::seconds, 15> kRetrySchedule{
        std::chrono::seconds(15), std::chrono::seconds(15), std::chrono::seconds(30),
        std::chrono::minutes(3),  std::chrono::minutes(10), std::chrono::minutes(20),
        std::chrono::minutes(30), std::chrono::minutes(30), std::chrono::minutes(30),
        std::chrono::minutes(60), std::chrono::hours(3),    std::chrono::hours(3),
        std::chrono::hours(3),    std::chrono::hours(6),    std::chrono::hours(6)};
    static constexpr int kMaxAttempts = int(kRetrySchedule.size()) + 1;
    // Alipay's schedule: 4 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h.
    static constexpr std::array<std::chrono::seconds, 7> kAlipayRetrySchedule{
        std::chrono::minutes(4), std::chrono::minutes(10), std::chrono::minutes(10),
        std::chrono::hours(1),   std::chrono::hours(2),    std::chrono::hours(6),
        std::chrono::hours(15)};

    // Whose notification it is: the body's format, the acknowledgement the gateway
    // expects (return_code SUCCESS in XML, the plain text "success", or for v3's JSON
    // HTTP 200 or 204 whatever the body), the schedule (v3 keeps v2's).
    enum class Dialect { Wechat, Alipay, WechatV3 };
    // The headers one attempt carries with `body`, made as it goes out: WeChat Pay v3
    // signs its timestamp, so a retry hours later is signed afresh.
    using HeaderSigner = std::function<HttpHeaders(const QByteArray &body)>;
    static constexpr qint64 kMaxReplyBytes = 64 * 1024;

    explicit SandboxNotifier(QObject *parent = nullptr);
    ~SandboxNotifier() override;

    // Compresses the retry schedule (not the 5 s answer timeout, which is the merchant's
    // real work): 1 is real time, 0.001 turns 15 s into 15 ms. Values outside (0, 1]
    // are refused and return false. Floating point is for time only, never money.
    bool setTimeScale(double scale);
    double timeScale() const { return m_timeScale; }
    // The wait before retry `retry` (1-based), compressed; at least 1 ms.
    std::chrono::milliseconds retryDelay(int retry, Dialect dialect = Dialect::Wechat) const;

    // Starts one delivery: POSTs `body` to `url` now and retries until acknowledged or the
    // schedule is over. Deliveries are independent, even for the same trade. `sign`, when
    // given, adds its headers to every attempt.
    void deliver(const QString &outTradeNo, const QUrl &url, const QByteArray &body,
                 Dialect dialect = Dialect::Wechat, HeaderSigner sign = {});

    // Tests of several tills: every POST (first attempt and retries alike) goes to one of
    // `urls`, picked at random, instead of the delivery's own URL. Empty: off.
    void setScatter(QList<QUrl> urls) { m_scatter = std::move(urls); }

    int sent(const QString &outTradeNo) const { return m_sent.value(outTradeNo); }
    bool acknowledged(const QString &outTradeNo) const
    {
        return m_acknowledged.contains(outTradeNo);
    }
    // Whether a delivery for the trade is in flight or waiting for its next retry.
    bool pending(const QString &outTradeNo) const { return m_pending.value(outTradeNo) > 0; }
    // The URL of every acknowledged delivery of the trade, in order.
    QList<QUrl> acknowledgedBy(const QString &outTradeNo) const
    {
        return m_acknowledgedBy.value(outTradeNo);
    }

Q_SIGNALS:
    // After every POST; `attempt` counts from 1 within its delivery.
    void delivered(const QString &outTradeNo, bool acknowledged, int attempt);
    // A delivery that was never acknowledged, after its last retry.
    void abandoned(const QString &outTradeNo, int attempts);

private:
    struct Delivery
    {
        QString outTradeNo;
        QUrl url;
        QByteArray body;
        Dialect dialect = Dialect::Wechat;
        int attempts = 0;
        QUrl target; // where the current attempt went
        HeaderSigner sign;
    };

    void attempt(const std::shared_ptr<Delivery> &delivery);
    void onFinished(QNetworkReply *reply, const std::shared_ptr<Delivery> &delivery);
    void finish(const Delivery &delivery);

    QNetworkAccessManager *m_network;
    double m_timeScale = 1.0;
    QHash<QString, int> m_sent;
    QHash<QString, int> m_pending;
    QSet<QString> m_acknowledged;
    QHash<QString, QList<QUrl>> m_acknowledgedBy;
    QList<QUrl> m_scatter;
};

} // namespace shouyin
