#include "config/appconfig.h"
#include "crypto/rsakey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

// A CA certificate as a sandbox gateway's would be (its key was thrown away): gateway_ca
// only has to read it.
const QByteArray kGatewayCaPem =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBmzCCAUGgAwIBAgIUJOL1x0h0iwa+Fta4ssy71I6SNpYwCgYIKoZIzj0EAwIw\n"
    "IjEgMB4GA1UEAwwXU2hvdXlpbiB0ZXN0IGdhdGV3YXkgQ0EwIBcNMjYxMjA1MjM1\n"
    "NTM2WhgPMjEyNjExMTEyMzU1MzZaMCIxIDAeBgNVBAMMF1Nob3V5aW4gdGVzdCBn\n"
    "YXRld2F5IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEz1P3iMxfyzCLaoD3\n"
    "bS2snMa7SPraAiZ5xjY38h3fUbWyJe+5kX+NZYerTtGs8CRHBqa1fBddvH2HTYTL\n"
    "pDTBMqNTMFEwHQYDVR0OBBYEFA5VSSw+gbCKu2PHOzWoBxBQIHFhMB8GA1UdIwQY\n"
    "MBaAFA5VSSw+gbCKu2PHOzWoBxBQIHFhMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZI\n"
    "zj0EAwIDSAAwRQIhAJcscD6BAZx+tlI1tM7k96YwHSULPpXYQxepkHCSWSdnAiBX\n"
    "+p4Ghbx+DA4cdux0zTbNjLU+FsVYFZU/NMzox+wLwA==\n"
    "-----END CERTIFICATE-----\n";

// A WeChat merchant with `extra` lines in its [merchant] section.
QByteArray wechatMerchant(const QByteArray &extra)
{
    return "[merchant]\nappid=wx1\nmch_id=190\nkey=0123456789abcdef0123456789abcdef\n"
           "gateway=https://gw.example\n" +
           extra + "[notify]\npublic_url=https://shop.example/n\n";
}

} // namespace

class TestAppConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return file.fileName();
    }

private Q_SLOTS:
    void emptyConfigMeansTraining()
    {
        auto config = AppConfig::load(write(u"a.ini"_s, "[terminal]\nid=T07\n"));
        QVERIFY(config);
        QVERIFY(config->training);
        QCOMPARE(config->terminalId, u"T07"_s);
    }

    void merchantWithKeyFile()
    {
        const QString key = write(u"wechat.key"_s, "0123456789abcdef0123456789abcdef\n");
        auto config = AppConfig::load(
            write(u"b.ini"_s, "[merchant]\nappid=wx1\nmch_id=190\nkey_file=" + key.toUtf8() +
                                  "\ngateway=https://gw.example\nsign_type=MD5\n"
                                  "[notify]\npublic_url=https://shop.example/notify/wechat\n"
                                  "[payment]\nlifetime_minutes=5\n"));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(!config->training);
        QCOMPARE(config->wechat.key, QByteArray("0123456789abcdef0123456789abcdef"));
        QCOMPARE(config->wechat.signType, WechatSignType::Md5);
        QCOMPARE(config->wechat.baseUrl, QUrl(u"https://gw.example"_s));
        QCOMPARE(config->paymentLifetime, std::chrono::seconds(300));
    }

    void shopTimeZone()
    {
        auto standard = AppConfig::load(write(u"z1.ini"_s, "[terminal]\nid=T1\n"));
        QVERIFY(standard);
        QCOMPARE(standard->timeZone, ShopClock::defaultZone());
        QCOMPARE(
            standard->timeZone.offsetFromUtc(QDateTime(QDate(2026, 7, 1), QTime(12, 0), Qt::UTC)),
            8 * 3600);
        auto urumqi = AppConfig::load(write(u"z2.ini"_s, "[shop]\ntime_zone=Asia/Urumqi\n"));
        QVERIFY2(urumqi, urumqi ? "" : qPrintable(urumqi.error().message));
        QCOMPARE(urumqi->timeZone.id(), QByteArray("Asia/Urumqi"));
        auto typo = AppConfig::load(write(u"z3.ini"_s, "[shop]\ntime_zone=Asia/Shangai\n"));
        QVERIFY(!typo);
        QVERIFY2(typo.error().message.contains(u"[shop] time_zone 'Asia/Shangai'"_s),
                 qPrintable(typo.error().message));
    }

    void displaySettings()
    {
        auto defaults = AppConfig::load(write(u"d0.ini"_s, "[terminal]\nid=T01\n"));
        QVERIFY(defaults);
        QVERIFY(!defaults->display.kiosk);
        QVERIFY(!defaults->display.touch);
        QCOMPARE(defaults->display.customerScreen, DisplayConfig::CustomerScreen::Auto);

        auto kiosk = AppConfig::load(
            write(u"d1.ini"_s, "[display]\nkiosk=true\ntouch=TRUE\ncustomer_screen=1\n"));
        QVERIFY2(kiosk, kiosk ? "" : qPrintable(kiosk.error().message));
        QVERIFY(kiosk->display.kiosk);
        QVERIFY(kiosk->display.touch);
        QCOMPARE(kiosk->display.customerScreen, DisplayConfig::CustomerScreen::Index);
        QCOMPARE(kiosk->display.customerScreenIndex, 1);

        auto off = AppConfig::load(write(u"d2.ini"_s, "[display]\ncustomer_screen=off\n"));
        QVERIFY(off);
        QCOMPARE(off->display.customerScreen, DisplayConfig::CustomerScreen::Off);

        // A typo is said, never read as false.
        for (const QByteArray &wrong : {QByteArray("kiosk=yes"), QByteArray("touch=1"),
                                        QByteArray("customer_screen=second")}) {
            auto refused = AppConfig::load(write(u"d3.ini"_s, "[display]\n" + wrong + '\n'));
            QVERIFY2(!refused, wrong.constData());
            QVERIFY2(refused.error().message.contains(u"[display] "_s +
                                                      QString::fromLatin1(wrong.split('=').at(0))),
                     qPrintable(refused.error().message));
        }
    }

    void goodsSettings()
    {
        auto defaults = AppConfig::load(write(u"g0.ini"_s, "[terminal]\nid=T01\n"));
        QVERIFY(defaults);
        QVERIFY(!defaults->goods.sellBeyondStock);
        QVERIFY(defaults->goods.scales.isEmpty());

        auto set = AppConfig::load(write(
            u"g1.ini"_s,
            "[stock]\nsell_beyond_stock=true\n[scale]\nbarcodes=20IIIIIPPPPPC, 21IIIIIWWWWWC\n"));
        QVERIFY2(set, set ? "" : qPrintable(set.error().message));
        QVERIFY(set->goods.sellBeyondStock);
        QCOMPARE(set->goods.scales.formats().size(), 2);
        // 20 00123 01250 and its check digit: item 00123 at ¥12.50.
        const QString label = u"200012301250"_s + QString::number(ean13CheckDigit(u"200012301250"));
        auto reading = set->goods.scales.read(label);
        QVERIFY(reading && *reading);
        QCOMPARE((*reading)->itemCode, u"00123"_s);
        QCOMPARE((*reading)->price, std::optional<Fen>(1250));

        auto typo = AppConfig::load(write(u"g2.ini"_s, "[stock]\nsell_beyond_stock=yes\n"));
        QVERIFY(!typo);
        QVERIFY2(typo.error().message.contains(u"[stock] sell_beyond_stock"_s),
                 qPrintable(typo.error().message));
        auto scale = AppConfig::load(write(u"g3.ini"_s, "[scale]\nbarcodes=20IIIIIPPPPP\n"));
        QVERIFY(!scale);
        QVERIFY2(scale.error().message.contains(u"[scale] barcodes"_s),
                 qPrintable(scale.error().message));
    }

    void discountSettings()
    {
        auto defaults = AppConfig::load(write(u"d0.ini"_s, "[terminal]\nid=T01\n"));
        QVERIFY(defaults);
        QCOMPARE(defaults->goods.discountLimits.cashierMaxPercent, 10);
        QCOMPARE(defaults->goods.roundOff, RoundOff::Jiao);

        auto set = AppConfig::load(
            write(u"d1.ini"_s, "[discounts]\ncashier_max_percent=25\nround_to=yuan\n"));
        QVERIFY2(set, set ? "" : qPrintable(set.error().message));
        QCOMPARE(set->goods.discountLimits.cashierMaxPercent, 25);
        QCOMPARE(set->goods.roundOff, RoundOff::Yuan);

        for (const char *typo :
             {"[discounts]\ncashier_max_percent=101\n", "[discounts]\ncashier_max_percent=10%\n",
              "[discounts]\ncashier_max_percent=-1\n"}) {
            auto refused = AppConfig::load(write(u"d2.ini"_s, typo));
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.contains(u"[discounts] cashier_max_percent"_s),
                     qPrintable(refused.error().message));
        }
        auto rounding = AppConfig::load(write(u"d3.ini"_s, "[discounts]\nround_to=fen\n"));
        QVERIFY(!rounding);
        QVERIFY2(rounding.error().message.contains(u"[discounts] round_to"_s),
                 qPrintable(rounding.error().message));
        auto unknown = AppConfig::load(write(u"d4.ini"_s, "[discounts]\nmax_percent=10\n"));
        QVERIFY(!unknown);
    }

    void lifetimeInSecondsForTests()
    {
        auto config = AppConfig::load(
            write(u"s.ini"_s, "[payment]\nlifetime_minutes=5\nlifetime_seconds=8\n"));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QCOMPARE(config->paymentLifetime, std::chrono::seconds(8));
        auto tooShort = AppConfig::load(write(u"t.ini"_s, "[payment]\nlifetime_seconds=2\n"));
        QVERIFY(!tooShort);
        QVERIFY(tooShort.error().message.contains(u"lifetime_seconds"_s));
    }

    void aMistypedFileIsAnErrorNamingItsLine_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("section off by case")
            << QByteArray("[terminal]\nid=T01\n\n[Merchant]\nappid=wx1\nmch_id=1\n")
            << u"line 4: [Merchant] must be written [merchant]"_s;
        QTest::newRow("unknown section")
            << QByteArray("[terminal]\nid=T01\n[merchnat]\n") << u"line 3: unknown section"_s;
        QTest::newRow("unknown setting")
            << QByteArray("; a comment\n[merchant]\nappid=wx1\nmchid=1\n")
            << u"line 4: unknown setting 'mchid' in [merchant]"_s;
        QTest::newRow("garbled line")
            << QByteArray("[merchant]\nkey 0123456789abcdef0123456789abcdef\n")
            << u"line 2: neither a [section] nor a name=value setting"_s;
        QTest::newRow("setting before any section")
            << QByteArray("id=T01\n[terminal]\n") << u"line 1: the setting 'id'"_s;
        QTest::newRow("unclosed section") << QByteArray("[terminal\nid=T01\n") << u"line 1"_s;
        QTest::newRow("not text") << QByteArray("[terminal]\nid=\xff\xfe\n") << u"UTF-8"_s;
    }
    void aMistypedFileIsAnErrorNamingItsLine()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, mentions);
        auto config = AppConfig::load(
            write(u"typo-%1.ini"_s.arg(QLatin1StringView(QTest::currentDataTag())), ini));
        QVERIFY(!config);
        QCOMPARE(config.error().code, ErrorCode::Config);
        QVERIFY2(config.error().message.contains(mentions), qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(u"0123456789abcdef"_s));
    }

    void commentsAfterASectionAreComments()
    {
        auto config = AppConfig::load(
            write(u"commented.ini"_s, "[terminal]   ; this till\nid=T03 ; the first\n"));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QCOMPARE(config->terminalId, u"T03"_s);
    }

    void theShippedTemplateAndCommentsPass()
    {
        QFile shipped(QStringLiteral(SHOUYIN_SOURCE_DIR "/resources/config/shouyin.ini"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        auto config = AppConfig::load(write(u"template.ini"_s, shipped.readAll()));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(config->training);
    }

    void aKeyOthersCanReadIsWarnedOf()
    {
        const QString key = write(u"shared.key"_s, "0123456789abcdef0123456789abcdef\n");
        const QByteArray ini = "[merchant]\nappid=wx1\nmch_id=190\nkey_file=" + key.toUtf8() +
                               "\n[notify]\npublic_url=https://shop.example/n\n";
        QVERIFY(
            QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        auto shared = AppConfig::load(write(u"k1.ini"_s, ini));
        QVERIFY(shared);
        QCOMPARE(shared->warnings.size(), 1);
        QVERIFY(shared->warnings.first().contains(key));
        QVERIFY(!shared->warnings.first().contains(u"0123456789abcdef"_s));
        QVERIFY(QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner));
        auto own = AppConfig::load(write(u"k2.ini"_s, ini));
        QVERIFY(own);
        QVERIFY(own->warnings.isEmpty());
    }

    void aWechatMerchantNeedsAMinuteOfLifetime()
    {
        const QByteArray merchant = "[merchant]\nappid=wx1\nmch_id=190\n"
                                    "key=0123456789abcdef0123456789abcdef\n"
                                    "[notify]\npublic_url=https://shop.example/n\n";
        auto tooShort =
            AppConfig::load(write(u"w1.ini"_s, merchant + "[payment]\nlifetime_seconds=30\n"));
        QVERIFY(!tooShort);
        QVERIFY2(tooShort.error().message.contains(u"at least 60"_s),
                 qPrintable(tooShort.error().message));
        auto minute =
            AppConfig::load(write(u"w2.ini"_s, merchant + "[payment]\nlifetime_seconds=60\n"));
        QVERIFY2(minute, minute ? "" : qPrintable(minute.error().message));
        // Training's sandbox takes seconds, for rehearsing expiries.
        QVERIFY(AppConfig::load(write(u"w3.ini"_s, "[payment]\nlifetime_seconds=8\n")));
    }

    void errorsAreClearAndNeverEchoTheKey_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad terminal") << QByteArray("[terminal]\nid=T-01\n") << u"[terminal] id"_s;
        QTest::newRow("half merchant") << QByteArray("[merchant]\nappid=wx1\n") << u"mch_id"_s;
        QTest::newRow("short key")
            << QByteArray("[merchant]\nappid=wx1\nmch_id=1\nkey=secretsecret\n")
            << u"32 characters"_s;
        QTest::newRow("missing key file")
            << QByteArray("[merchant]\nappid=wx1\nmch_id=1\nkey_file=/nonexistent/key\n")
            << u"key file"_s;
        QTest::newRow("no notify url")
            << QByteArray("[merchant]\nappid=wx1\nmch_id=1\nkey=0123456789abcdef0123456789abcdef\n")
            << u"public_url"_s;
        QTest::newRow("bad sign type")
            << QByteArray("[merchant]\nappid=wx1\nmch_id=1\nkey=0123456789abcdef0123456789abcdef\n"
                          "sign_type=SHA1\n[notify]\npublic_url=https://x\n")
            << u"sign_type"_s;
    }
    void errorsAreClearAndNeverEchoTheKey()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, mentions);
        auto config = AppConfig::load(write(u"c.ini"_s, ini));
        QVERIFY(!config);
        QVERIFY2(config.error().message.contains(mentions), qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(u"secret"_s));
        QVERIFY(!config.error().message.contains(u"0123456789abcdef"_s));
    }

    void secapiGatewayAndGatewayCa()
    {
        const QByteArray ca = write(u"gateway-ca.pem"_s, kGatewayCaPem).toUtf8();
        auto config = AppConfig::load(write(
            u"sg1.ini"_s,
            wechatMerchant("secapi_gateway=https://secapi.example:8443\ngateway_ca=" + ca + "\n")));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QCOMPARE(config->wechat.secapiBaseUrl, QUrl(u"https://secapi.example:8443"_s));
        QCOMPARE(config->wechat.gatewayCaCertificates.size(), 1);
        QCOMPARE(config->wechat.gatewayCaCertificates.first().toPem(), kGatewayCaPem);

        // Unset: the secapi calls go to the gateway, trusting the system's CAs alone.
        auto plain = AppConfig::load(write(u"sg2.ini"_s, wechatMerchant({})));
        QVERIFY2(plain, plain ? "" : qPrintable(plain.error().message));
        QVERIFY(plain->wechat.secapiBaseUrl.isEmpty());
        QVERIFY(plain->wechat.gatewayCaCertificates.isEmpty());

        // A sandbox on this machine may be plain HTTP.
        const QByteArray loopbacks[] = {"http://127.0.0.1:8089", "http://localhost:8089",
                                        "http://[::1]:8089"};
        for (qsizetype i = 0; i < std::ssize(loopbacks); ++i) {
            // A new file each time: QSettings may serve a file rewritten within the same
            // second from its cache.
            auto local = AppConfig::load(write(
                u"sg3-%1.ini"_s.arg(i), wechatMerchant("secapi_gateway=" + loopbacks[i] + "\n")));
            QVERIFY2(local, local ? "" : qPrintable(local.error().message));
            QCOMPARE(local->wechat.secapiBaseUrl, QUrl(QString::fromLatin1(loopbacks[i])));
        }
    }

    void secapiGatewayAndGatewayCaMistakes_data()
    {
        QTest::addColumn<QByteArray>("lines");
        QTest::addColumn<QString>("mentions");
        const QString https = u"[merchant] secapi_gateway must be an https URL"_s;
        QTest::newRow("plain http elsewhere")
            << QByteArray("secapi_gateway=http://secapi.example\n") << https;
        QTest::newRow("plain http to a LAN address")
            << QByteArray("secapi_gateway=http://192.168.1.20:8089\n") << https;
        QTest::newRow("not http") << QByteArray("secapi_gateway=ftp://secapi.example\n") << https;
        QTest::newRow("no host") << QByteArray("secapi_gateway=https://\n") << https;
        QTest::newRow("empty") << QByteArray("secapi_gateway=\n") << https;
        QTest::newRow("unreadable CA file")
            << QByteArray("gateway_ca=/nonexistent/gateway-ca.pem\n")
            << u"cannot read the gateway CA file /nonexistent/gateway-ca.pem ([merchant] "
               "gateway_ca)"_s;
        QTest::newRow("CA file without a certificate")
            << QByteArray("gateway_ca=%NOTACERT%\n")
            << u"holds no PEM certificate ([merchant] gateway_ca)"_s;
    }
    void secapiGatewayAndGatewayCaMistakes()
    {
        QFETCH(QByteArray, lines);
        QFETCH(QString, mentions);
        lines.replace("%NOTACERT%", write(u"not-a-cert.pem"_s, "not a certificate\n").toUtf8());
        auto config =
            AppConfig::load(write(u"sg4-%1.ini"_s.arg(QLatin1StringView(QTest::currentDataTag())),
                                  wechatMerchant(lines)));
        QVERIFY(!config);
        QCOMPARE(config.error().code, ErrorCode::Config);
        QVERIFY2(config.error().message.contains(mentions), qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(u"0123456789abcdef"_s));
    }

    void notifyListenAddress()
    {
        auto config = AppConfig::load(write(u"d.ini"_s, "[notify]\nlisten=127.0.0.1:8089\n"));
        QVERIFY(config);
        QCOMPARE(config->notifyListen->first, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config->notifyListen->second, quint16(8089));
        QVERIFY(!AppConfig::load(write(u"e.ini"_s, "[notify]\nlisten=localhost\n")));
        QVERIFY(!AppConfig::load(write(u"f.ini"_s, "[notify]\nlisten=1.2.3.4:99999\n")));
        QVERIFY(!AppConfig::load(write(u"g.ini"_s, "[terminal]\nid=T1\n"))->notifyListen);
    }

    void receiptPrinterAndShop()
    {
        auto none = AppConfig::load(write(u"p0.ini"_s, "[terminal]\nid=T01\n"));
        QVERIFY(none);
        QCOMPARE(none->printer.kind, PrinterConfig::Kind::None);
        QVERIFY(!none->printerConfigured);
        QVERIFY(!none->printer.printsReceipts());

        auto network =
            AppConfig::load(write(u"p1.ini"_s, "[shop]\nname=\xe4\xbe\xbf\xe5\x88\xa9\xe5\xba\x97\n"
                                               "address=1 Nanjing Rd\n[printer]\n"
                                               "receipt=tcp://192.168.1.87:9100\npaper=80\n"
                                               "print_receipts=ask\ndrawer=none\n"));
        QVERIFY2(network, network ? "" : qPrintable(network.error().message));
        QVERIFY(network->printerConfigured);
        QCOMPARE(network->printer.kind, PrinterConfig::Kind::EscPos);
        QCOMPARE(network->printer.target, u"tcp://192.168.1.87:9100"_s);
        QCOMPARE(network->printer.paper, PaperWidth::Mm80);
        QCOMPARE(network->printer.policy, PrinterConfig::Policy::Ask);
        QVERIFY(!network->printer.hasDrawer());
        QCOMPARE(network->printer.shopName, u"便利店"_s);
        QCOMPARE(network->printer.address, u"1 Nanjing Rd"_s);
        QCOMPARE(network->printer.receiptSetting(), u"tcp://192.168.1.87:9100"_s);

        auto system = AppConfig::load(write(u"p2.ini"_s, "[printer]\nreceipt=system:Front\n"));
        QVERIFY(system);
        QCOMPARE(system->printer.kind, PrinterConfig::Kind::System);
        QCOMPARE(system->printer.target, u"Front"_s);
        QCOMPARE(system->printer.paper, PaperWidth::Mm58); // the small roll unless told
        QVERIFY(!system->printer.hasDrawer());             // only an ESC/POS printer kicks a drawer
        auto pdf = AppConfig::load(write(u"p3.ini"_s, "[printer]\nreceipt=pdf:/srv/receipts\n"));
        QVERIFY(pdf);
        QCOMPARE(pdf->printer.kind, PrinterConfig::Kind::Pdf);
        QCOMPARE(pdf->printer.receiptSetting(), u"pdf:/srv/receipts"_s);
    }

    void receiptPrinterMistakes_data()
    {
        QTest::addColumn<QByteArray>("printer");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown kind") << QByteArray("receipt=lpt1\n") << u"receipt"_s;
        QTest::newRow("pdf without a directory") << QByteArray("receipt=pdf:\n") << u"receipt"_s;
        QTest::newRow("network port")
            << QByteArray("receipt=tcp://192.168.1.87:91000\n") << u"receipt"_s;
        QTest::newRow("serial baud")
            << QByteArray("receipt=serial:/dev/ttyS0@1234\n") << u"receipt"_s;
        QTest::newRow("paper") << QByteArray("receipt=system\npaper=76\n") << u"paper"_s;
        QTest::newRow("policy") << QByteArray("print_receipts=sometimes\n") << u"print_receipts"_s;
        QTest::newRow("drawer") << QByteArray("drawer=usb\n") << u"drawer"_s;
        QTest::newRow("misspelt key") << QByteArray("recipt=system\n") << u"recipt"_s;
    }

    void receiptPrinterMistakes()
    {
        QFETCH(QByteArray, printer);
        QFETCH(QString, named);
        auto config = AppConfig::load(write(u"pm.ini"_s, "[printer]\n" + printer));
        QVERIFY(!config);
        QCOMPARE(config.error().code, ErrorCode::Config);
        QVERIFY2(config.error().message.contains(named), qPrintable(config.error().message));
    }

    void missingFile() { QVERIFY(!AppConfig::load(m_dir.filePath(u"none.ini"_s))); }

    void alipayKeys()
    {
        auto app = crypto::RsaKey::generate(2048);
        auto alipay = crypto::RsaKey::generate(2048);
        QVERIFY(app && alipay);
        const QByteArray appPrivate = write(u"app_private.pem"_s, app->privatePem()).toUtf8();
        const QByteArray appPublic = write(u"app_public.pem"_s, app->publicPem()).toUtf8();
        const QByteArray alipayPublic = write(u"alipay_public.pem"_s, alipay->publicPem()).toUtf8();
        const QByteArray garbage = write(u"garbage.pem"_s, "not a key\n").toUtf8();
        const auto ini = [](const QByteArray &privateFile, const QByteArray &publicFile) {
            return "[alipay]\napp_id=2021000000000042\nseller_id=2088000000000042\n"
                   "app_private_key_file=" +
                   privateFile + "\nalipay_public_key_file=" + publicFile +
                   "\n[payment]\ndefault_provider=alipay\n";
        };

        auto config = AppConfig::load(write(u"h.ini"_s, ini(appPrivate, alipayPublic)));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(!config->training);
        QCOMPARE(config->defaultProvider, u"alipay"_s);
        QCOMPARE(config->alipay.appId, u"2021000000000042"_s);
        QCOMPARE(config->alipay.sellerId, u"2088000000000042"_s);
        QVERIFY(config->alipay.alipayPublicKey.samePublicKey(*alipay));
        QVERIFY(config->alipay.appPrivateKey.hasPrivate());

        const struct
        {
            QByteArray privateFile, publicFile;
            QString mentions;
        } broken[] = {
            {"/nonexistent/app.pem", alipayPublic, u"cannot read the Alipay app private key"_s},
            {appPrivate, "/nonexistent/alipay.pem", u"cannot read the Alipay public key"_s},
            {garbage, alipayPublic, u"not a usable RSA private key"_s},
            {appPublic, alipayPublic, u"public key; the private key is needed"_s},
            {appPrivate, garbage, u"not a usable RSA public key"_s},
            {appPrivate, appPrivate, u"private key; only the public key"_s},
            {appPrivate, appPublic, u"the app's own public key, not Alipay's"_s},
        };
        for (const auto &row : broken) {
            auto refused = AppConfig::load(write(u"i.ini"_s, ini(row.privateFile, row.publicFile)));
            QVERIFY2(!refused, qPrintable(row.mentions));
            QVERIFY2(refused.error().message.contains(row.mentions),
                     qPrintable(refused.error().message));
            QVERIFY(!refused.error().message.contains(u"BEGIN"_s)); // never echoes a key
        }
    }

    void postgresDatabaseWithPasswordFile()
    {
        const QString password = write(u"db.password"_s, "s3cret\n");
        auto config = AppConfig::load(
            write(u"pg1.ini"_s, "[database]\ndriver=QPSQL\nhost=10.0.0.5\nport=5433\nname=shop\n"
                                "user=till\npassword_file=" +
                                    password.toUtf8() + "\n"));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        const DatabaseSettings &database = config->database;
        QCOMPARE(database.dialect, SqlDialect::Postgres);
        QCOMPARE(database.host, u"10.0.0.5"_s);
        QCOMPARE(database.port, 5433);
        QCOMPARE(database.name, u"shop"_s);
        QCOMPARE(database.user, u"till"_s);
        QCOMPARE(database.password, u"s3cret"_s); // the file's newline is not part of it
        QVERIFY(!database.describe().contains(u"s3cret"_s));
    }

    void postgresPasswordFromTheEnvironment()
    {
        qputenv("SHOUYIN_DB_PASSWORD", "from-env");
        auto config = AppConfig::load(
            write(u"pg2.ini"_s, "[database]\ndriver=QPSQL\nhost=db\nname=shop\nuser=till\n"));
        qunsetenv("SHOUYIN_DB_PASSWORD");
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QCOMPARE(config->database.password, u"from-env"_s);
        QCOMPARE(config->database.port, 5432);
    }

    void postgresPasswordNeverFromTheIni()
    {
        auto refused = AppConfig::load(write(
            u"pg3.ini"_s, "[database]\ndriver=QPSQL\nhost=db\nuser=till\npassword=hunter2\n"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"password_file"_s),
                 qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(u"hunter2"_s));
        auto unreadable = AppConfig::load(write(
            u"pg4.ini"_s, "[database]\ndriver=QPSQL\npassword_file=/nonexistent/db.password\n"));
        QVERIFY(!unreadable);
        QVERIFY(unreadable.error().message.contains(u"/nonexistent/db.password"_s));
    }

    void defaultProvider()
    {
        QCOMPARE(AppConfig::load(write(u"j.ini"_s, "[terminal]\nid=T1\n"))->defaultProvider,
                 u"wechat"_s);
        auto training = AppConfig::load(write(u"k.ini"_s, "[payment]\ndefault_provider=alipay\n"));
        QVERIFY(training && training->training);
        QCOMPARE(training->defaultProvider, u"alipay"_s);
        auto bad = AppConfig::load(write(u"l.ini"_s, "[payment]\ndefault_provider=cash\n"));
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(u"default_provider"_s));
        auto unconfigured = AppConfig::load(write(
            u"m.ini"_s, "[merchant]\nappid=wx1\nmch_id=1\nkey=0123456789abcdef0123456789abcdef\n"
                        "[notify]\npublic_url=https://x\n[payment]\ndefault_provider=alipay\n"));
        QVERIFY(!unconfigured);
        QVERIFY(unconfigured.error().message.contains(u"[alipay]"_s));
        QVERIFY(!AppConfig::load(write(u"n.ini"_s, "[alipay]\napp_private_key_file=/x.pem\n")));
    }
};

QTEST_GUILESS_MAIN(TestAppConfig)
#include "tst_appconfig.moc"
