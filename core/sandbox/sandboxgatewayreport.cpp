// What a sandbox running in another process can be asked about its trades, and where
// its notifications go when tests spread them over several tills.
#include "sandbox/sandboxnotifier.h"
#include "sandboxgateway.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shouyin {

void SandboxGateway::setNotifyScatter(QList<QUrl> urls)
{
    m_notifier->setScatter(std::move(urls));
}

QJsonArray SandboxGateway::tradesJson() const
{
    QJsonArray result;
    for (const SandboxTrade &trade : m_book.trades()) {
        QJsonArray acknowledgedBy;
        for (const QUrl &url : m_notifier->acknowledgedBy(trade.outTradeNo))
            acknowledgedBy.append(url.toString());
        result.append(QJsonObject{
            {u"out_trade_no"_s, trade.outTradeNo},
            {u"provider"_s, trade.provider},
            {u"api"_s, trade.api},
            {u"trade_type"_s, trade.tradeType},
            {u"state"_s, trade.state},
            {u"total_fee"_s, QString::number(trade.totalFee)}, // fen, as text: never a double
            {u"transaction_id"_s, trade.transactionId},
            {u"closes"_s, closeCount(trade.outTradeNo)},
            {u"reverses"_s, reverseCount(trade.outTradeNo)},
            {u"notifications_sent"_s, m_notifier->sent(trade.outTradeNo)},
            {u"notification_pending"_s, m_notifier->pending(trade.outTradeNo)},
            {u"acknowledged_by"_s, acknowledgedBy},
            {u"refunds"_s, refundsJson(trade.outTradeNo)},
        });
    }
    return result;
}

void SandboxGateway::handleTrades(QHttpServerResponder &&responder)
{
    ++m_requestCounts[kTradesPath];
    advanceCodeTrades();
    advanceRefunds();
    responder.write(QJsonDocument(tradesJson()).toJson(QJsonDocument::Compact),
                    "application/json; charset=utf-8", QHttpServerResponder::StatusCode::Ok);
}

} // namespace shouyin
