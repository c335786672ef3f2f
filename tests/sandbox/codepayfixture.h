#pragma once

// The fixture both payment-code suites share: the sandbox gateway per test function, a
// hand-made gateway for the replies the sandbox never gives, and the providers' configs.

#include "awaitresult.h"
#include "crypto/rsakey.h"
#include "notify/httplistener.h"
#include "pay/alipay/alipayprovider.h"
#include "pay/wechat/wechatv2provider.h"
#include "sandbox/sandboxgateway.h"
#include "sandboxmerchants.h"

#include <QLoggingCategory>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace shouyin;
using shouyin::testing::await;
using shouyin::testing::why;

// Some suites leave some of these helpers unused.
namespace {

CodeChargeRequest chargeRequest(const QString &payNo, const QString &code, Fen amount = 1234)
{
    return {payNo, amount, u"收银 Shouyin 测试"_s, code, QDateTime::currentDateTimeUtc()};
}

std::optional<Result<TradeSnapshot>> charge(CodePayments &codes, const CodeChargeRequest &request)
{
    return await<TradeSnapshot>([&](QObject *context, auto done) {
        codes.chargeByCode(request, context, std::move(done));
    });
}

[[maybe_unused]] std::optional<Result<ReverseAnswer>> reverse(CodePayments &codes,
                                                              const QString &payNo)
{
    return await<ReverseAnswer>(
        [&](QObject *context, auto done) { codes.reverse(payNo, context, std::move(done)); });
}

[[maybe_unused]] std::optional<Result<TradeSnapshot>> query(PaymentProvider &provider,
                                                            const QString &payNo)
{
    return await<TradeSnapshot>(
        [&](QObject *context, auto done) { provider.query(payNo, context, std::move(done)); });
}

// Every message logged while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        s_messages.clear();
        QLoggingCategory::setFilterRules(u"shouyin.*=true"_s);
        // The sandbox's own log is not the till's.
        m_previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &context, const QString &text) {
                if (!QByteArrayView(context.category).startsWith("shouyin.sandbox"))
                    s_messages.append(text);
            });
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules({});
    }
    QString all() const { return s_messages.join(u'\n'); }

private:
    static inline QStringList s_messages;
    QtMessageHandler m_previous = nullptr;
};

const QByteArray kFakeWechatKey = "0123456789abcdef0123456789abcdef";

} // namespace

class CodePayFixture : public QObject
{
protected:
    void init()
    {
        m_gateway = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        QVERIFY(m_gateway->listen() != 0);
    }

    void cleanup()
    {
        m_fake.reset();
        m_gateway.reset();
    }

    WechatConfig wechatConfig(int timeoutMs = 5000) const
    {
        return shouyin::testing::sandboxWechatConfig(*m_gateway, timeoutMs);
    }

    // wechatConfig() with the secapi calls over TLS: the sandbox's CA trusted and its
    // merchant's client certificate.
    WechatConfig secureWechatConfig()
    {
        if (m_gateway->secureBaseUrl().isEmpty() && m_gateway->listenSecure() == 0)
            qWarning("the sandbox does not listen for TLS");
        return shouyin::testing::sandboxWechatSecureConfig(*m_gateway, 5000);
    }

    AlipayConfig alipayConfig(int timeoutMs = 5000) const
    {
        return shouyin::testing::sandboxAlipayConfig(*m_gateway, timeoutMs);
    }

    // A gateway of the test's making: every POST to `path` is answered `m_nextReply`.
    quint16 listenFake(const QByteArray &path)
    {
        m_fake = std::make_unique<HttpListener>();
        // Handlers run on the listener's threads; the reply is read on the test's.
        m_fake->route(path, [this](const HttpRequest &, HttpListener::Reply reply) {
            QMetaObject::invokeMethod(
                this,
                [this, reply] {
                    reply({200, "text/plain; charset=utf-8", m_nextReply});
                },
                Qt::QueuedConnection);
        });
        return m_fake->listen(QHostAddress::LocalHost, 0) ? m_fake->port() : 0;
    }

    // A provider of the fake gateway's merchant (kFakeWechatKey), and a signed reply.
    std::unique_ptr<WechatV2Provider> fakeWechat(quint16 port) const
    {
        WechatConfig config;
        config.appId = u"wxapp"_s;
        config.merchantId = u"1900"_s;
        config.key = kFakeWechatKey;
        config.signType = WechatSignType::Md5;
        config.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        config.timeoutMs = 3000;
        return std::make_unique<WechatV2Provider>(config);
    }

    static QByteArray fakeWechatReply(Params fields, const QByteArray &key = kFakeWechatKey)
    {
        fields.insert(u"return_code"_s, u"SUCCESS"_s);
        fields.insert(u"appid"_s, u"wxapp"_s);
        fields.insert(u"mch_id"_s, u"1900"_s);
        fields.insert(u"nonce_str"_s, u"n"_s);
        fields.insert(u"sign"_s, WechatSigner::sign(fields, key, WechatSignType::Md5));
        return FlatXml::encode(fields);
    }

    // A provider trusting `gatewayKey`, at the fake gateway.
    std::unique_ptr<AlipayProvider> fakeAlipay(quint16 port, const crypto::RsaKey &gatewayKey) const
    {
        AlipayConfig config = alipayConfig(3000);
        config.gatewayUrl = QUrl(u"http://127.0.0.1:%1/gateway.do"_s.arg(port));
        config.alipayPublicKey = crypto::RsaKey::fromPublicPem(gatewayKey.publicPem()).value();
        return std::make_unique<AlipayProvider>(config);
    }

    std::unique_ptr<SandboxGateway> m_gateway;
    std::unique_ptr<HttpListener> m_fake;
    QByteArray m_nextReply;
};
