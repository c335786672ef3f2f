#pragma once

// A fixture for the sandbox suites: a fresh gateway on a loopback port per test function,
// and a client that knows nothing but the WeChat Pay v2 wire protocol.

#include "crypto/securerandom.h"
#include "pay/wechat/wechatsigner.h"
#include "sandbox/sandboxgateway.h"
#include "xml/flatxml.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace shouyin {

struct HttpResult
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
};

class SandboxTestFixture : public QObject
{
public:
    static constexpr int kWaitMs = 15000;

protected:
    void startGateway()
    {
        m_merchant = SandboxGateway::trainingMerchant();
        m_gateway = std::make_unique<SandboxGateway>(m_merchant);
        QVERIFY(m_gateway->listen() != 0);
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void stopGateway()
    {
        m_network.reset();
        m_gateway.reset();
    }

    QUrl url(const QString &path) const
    {
        QUrl url = m_gateway->baseUrl();
        url.setPath(path);
        return url;
    }

    QNetworkReply *postAsync(const QString &path, const QByteArray &body, int transferTimeoutMs = 0)
    {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/xml"));
        if (transferTimeoutMs > 0)
            request.setTransferTimeout(transferTimeoutMs);
        return m_network->post(request, body);
    }

    // Waits for the reply to finish (or kWaitMs) and takes everything from it.
    HttpResult waitFor(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(kWaitMs);
        }
        HttpResult result;
        result.finished = reply->isFinished();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        if (!result.finished)
            reply->abort();
        reply->deleteLater();
        return result;
    }

    HttpResult post(const QString &path, const QByteArray &body,
                    const QString &contentType = QStringLiteral("text/xml"),
                    int transferTimeoutMs = 0)
    {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (transferTimeoutMs > 0)
            request.setTransferTimeout(transferTimeoutMs);
        return waitFor(m_network->post(request, body));
    }

    // Adds the merchant fields and signs, as a correct client does.
    Params sign(Params fields, WechatSignType type = WechatSignType::Md5) const
    {
        fields.insert(QStringLiteral("appid"), m_merchant.appId);
        fields.insert(QStringLiteral("mch_id"), m_merchant.merchantId);
        fields.insert(QStringLiteral("nonce_str"),
                      QString::fromLatin1(crypto::randomAlphanumeric(32)));
        if (type != WechatSignType::Md5)
            fields.insert(QStringLiteral("sign_type"), WechatSigner::signTypeName(type));
        fields.insert(QStringLiteral("sign"), WechatSigner::sign(fields, m_merchant.key, type));
        return fields;
    }

    // A signed request; the decoded reply, or an error when there was no 200 answer.
    Result<Params> call(const QString &path, const Params &fields,
                        WechatSignType type = WechatSignType::Md5)
    {
        const HttpResult http = post(path, FlatXml::encode(sign(fields, type)));
        if (!http.finished || http.status != 200)
            return Error{
                ErrorCode::Http,
                QStringLiteral("status %1, error %2").arg(http.status).arg(int(http.error))};
        return FlatXml::decode(http.body);
    }

    static Params orderFields(const QString &outTradeNo, Fen totalFee = 100)
    {
        return {
            {QStringLiteral("body"), QStringLiteral("收银测试-Test")},
            {QStringLiteral("out_trade_no"), outTradeNo},
            {QStringLiteral("total_fee"), QString::number(totalFee)},
            {QStringLiteral("spbill_create_ip"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("notify_url"), QStringLiteral("https://pos.example.com/notify/wechat")},
            {QStringLiteral("trade_type"), QStringLiteral("NATIVE")},
            {QStringLiteral("product_id"), outTradeNo},
        };
    }

    // Creates a trade and returns its code_url; empty on any failure.
    QString createTrade(const QString &outTradeNo, Fen totalFee = 100)
    {
        const auto reply =
            call(QStringLiteral("/pay/unifiedorder"), orderFields(outTradeNo, totalFee));
        if (!reply || reply->value(QStringLiteral("result_code")) != u"SUCCESS")
            return {};
        return reply->value(QStringLiteral("code_url"));
    }

    // The training customer's endpoint, as a form POST.
    HttpResult customerPay(const QString &field, const QString &value)
    {
        return post(QStringLiteral("/sandbox/pay"),
                    field.toUtf8() + '=' + QUrl::toPercentEncoding(value),
                    QStringLiteral("application/x-www-form-urlencoded"));
    }

    SandboxMerchant m_merchant;
    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace shouyin
