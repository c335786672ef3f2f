// WeChat Pay v2 signing and verification (MD5 and HMAC-SHA256) and the flat-XML codec,
// on a typical unifiedorder request; and v3's costs per call: the RSA-2048 Authorization
// of a native order, the check of a signed reply, and the decryption of a notification's
// AES-256-GCM resource. Operations per second, median and spread of several rounds (each
// round long enough to swamp the clock's resolution; RSA signing gets a 50th of the
// calls, being that much slower).
//
//   bench_crypto [--rounds 7] [--iterations 20000]

#include "benchstats.h"
#include "pay/wechat/wechatsigner.h"
#include "pay/wechatv3/wechatpaykeys.h"
#include "pay/wechatv3/wechatv3resource.h"
#include "pay/wechatv3/wechatv3signing.h"
#include "xml/flatxml.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

const QByteArray kKey = "0123456789abcdef0123456789abcdef";

// The fields Shouyin sends with every Charge.
Params unifiedOrder()
{
    return {{u"appid"_s, u"wx2421b1c4370ec43b"_s},
            {u"mch_id"_s, u"10000100"_s},
            {u"nonce_str"_s, u"1add1a30ac87aa2db72f57a2375d8fec"_s},
            {u"body"_s, u"收银 T01 商品 3 件"_s},
            {u"out_trade_no"_s, u"T01P20261123203101A7K3"_s},
            {u"total_fee"_s, u"1250"_s},
            {u"spbill_create_ip"_s, u"127.0.0.1"_s},
            {u"notify_url"_s, u"https://pos.example.com/notify/wechat"_s},
            {u"trade_type"_s, u"NATIVE"_s},
            {u"time_start"_s, u"20261123203101"_s},
            {u"time_expire"_s, u"20261123204101"_s}};
}

// Operations per second of each round of `iterations` calls.
QList<double> perSecond(int rounds, int iterations, const std::function<void()> &work)
{
    QList<double> rates;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < iterations; ++i)
            work();
        rates.append(double(iterations) / (double(timer.nsecsElapsed()) / 1e9));
    }
    return rates;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption roundsOption(u"rounds"_s, u"Rounds."_s, u"n"_s, u"7"_s);
    const QCommandLineOption iterationsOption(u"iterations"_s, u"Calls per round."_s, u"n"_s,
                                              u"20000"_s);
    parser.addOptions({roundsOption, iterationsOption});
    parser.addHelpOption();
    parser.process(app);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int iterations = std::max(1, parser.value(iterationsOption).toInt());

    Params md5 = unifiedOrder();
    md5.insert(u"sign"_s, WechatSigner::sign(md5, kKey, WechatSignType::Md5));
    Params hmac = unifiedOrder();
    hmac.insert(u"sign_type"_s, u"HMAC-SHA256"_s);
    hmac.insert(u"sign"_s, WechatSigner::sign(hmac, kKey, WechatSignType::HmacSha256));
    const QByteArray document = FlatXml::encode(hmac);
    if (!WechatSigner::verify(md5, kKey) || !WechatSigner::verify(hmac, kKey))
        qFatal("the bench's own signatures do not verify");

    // Results feed a sink so that the optimiser cannot drop the work.
    qsizetype sink = 0;
    const Params plain = unifiedOrder();
    const auto signMd5 = perSecond(rounds, iterations, [&] {
        sink += WechatSigner::sign(plain, kKey, WechatSignType::Md5).size();
    });
    const auto verifyMd5 =
        perSecond(rounds, iterations, [&] { sink += WechatSigner::verify(md5, kKey); });
    const auto signHmac = perSecond(rounds, iterations, [&] {
        sink += WechatSigner::sign(plain, kKey, WechatSignType::HmacSha256).size();
    });
    const auto verifyHmac =
        perSecond(rounds, iterations, [&] { sink += WechatSigner::verify(hmac, kKey); });
    const auto encode =
        perSecond(rounds, iterations, [&] { sink += FlatXml::encode(hmac).size(); });
    const auto decode =
        perSecond(rounds, iterations, [&] { sink += FlatXml::decode(document).value().size(); });

    // v3: the merchant's key signs each request; WeChat Pay's key is checked on each reply.
    const wechatv3::MerchantSigningKey merchant{u"1900000109"_s, u"5157F09EFDC096DE"_s,
                                                crypto::RsaKey::generate().value()};
    const crypto::RsaKey payKey = crypto::RsaKey::generate().value();
    const QByteArray order =
        R"({"amount":{"currency":"CNY","total":1250},"appid":"wx2421b1c4370ec43b",)"
        R"("description":"收银 T01 商品 3 件","mchid":"1900000109",)"
        R"("notify_url":"https://pos.example.com/notify/wechat/v3",)"
        R"("out_trade_no":"T01P20261123203101A7K3","time_expire":"2026-11-23T20:41:01+08:00"})";
    const QByteArray apiV3Key = "0123456789abcdef0123456789ABCDEF";
    const QJsonObject resource =
        wechatv3::encryptResource(order, apiV3Key, "nonce1234567", "transaction");
    WechatPayKeys keys;
    keys.addPublicKey(u"PUB_KEY_ID_0114"_s, payKey.publicKey());
    wechatv3::SignatureHeaders headers{
        "1796583176", "8mwW6N8ia9xh58fWsimmuN2GVHDYTMYD", {}, "PUB_KEY_ID_0114"};
    headers.signature =
        payKey.signBase64(wechatv3::replyMessage(headers.timestamp, headers.nonce, order));
    const QDateTime at = QDateTime::fromSecsSinceEpoch(1796583176, Qt::UTC);
    if (!keys.verify(headers, order, at))
        qFatal("the bench's own v3 reply does not verify");
    const int rsaIterations = std::max(1, iterations / 50);
    const auto signV3 = perSecond(rounds, rsaIterations, [&] {
        sink += wechatv3::authorization(merchant, "POST", "/v3/pay/transactions/native", order,
                                        1796583176, "1add1a30ac87aa2db72f57a2375d8fec")
                    .size();
    });
    const auto verifyV3 =
        perSecond(rounds, iterations / 4, [&] { sink += bool(keys.verify(headers, order, at)); });
    const auto decryptV3 = perSecond(rounds, iterations, [&] {
        sink += wechatv3::decryptResource(resource, apiV3Key).value().size();
    });

    const QJsonObject json{{u"bench"_s, u"crypto"_s},
                           {u"rounds"_s, rounds},
                           {u"iterations"_s, iterations},
                           {u"sign_md5_per_s"_s, bench::summary(signMd5)},
                           {u"verify_md5_per_s"_s, bench::summary(verifyMd5)},
                           {u"sign_hmac_per_s"_s, bench::summary(signHmac)},
                           {u"verify_hmac_per_s"_s, bench::summary(verifyHmac)},
                           {u"xml_encode_per_s"_s, bench::summary(encode)},
                           {u"xml_decode_per_s"_s, bench::summary(decode)},
                           {u"xml_document_bytes"_s, document.size()},
                           {u"v3_sign_per_s"_s, bench::summary(signV3)},
                           {u"v3_verify_per_s"_s, bench::summary(verifyV3)},
                           {u"v3_decrypt_per_s"_s, bench::summary(decryptV3)}};
    std::printf(
        "crypto: per second (medians of %d): sign MD5 %.0f, verify MD5 %.0f, sign HMAC %.0f, "
        "verify HMAC %.0f, XML encode %.0f, XML decode %.0f (%lld-byte document)%s\n",
        rounds, bench::median(signMd5), bench::median(verifyMd5), bench::median(signHmac),
        bench::median(verifyHmac), bench::median(encode), bench::median(decode),
        qint64(document.size()), sink == 0 ? " (sink empty?)" : "");
    std::printf("crypto v3: per second (medians of %d): sign RSA-2048 %.0f, verify reply %.0f, "
                "decrypt resource %.0f\n",
                rounds, bench::median(signV3), bench::median(verifyV3), bench::median(decryptV3));
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
