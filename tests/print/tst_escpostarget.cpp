#include "print/escpostarget.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

Q_DECLARE_METATYPE(shouyin::EscPosTarget)

namespace {

EscPosTarget network(const QString &host, quint16 port = 9100)
{
    EscPosTarget target;
    target.kind = EscPosTarget::Kind::Network;
    target.host = host;
    target.port = port;
    return target;
}

EscPosTarget device(const QString &path)
{
    EscPosTarget target;
    target.kind = EscPosTarget::Kind::Device;
    target.path = path;
    return target;
}

EscPosTarget serial(const QString &path, qint32 baudRate = 9600)
{
    EscPosTarget target;
    target.kind = EscPosTarget::Kind::Serial;
    target.path = path;
    target.baudRate = baudRate;
    return target;
}

} // namespace

class TestEscPosTarget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesEverySpelling_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<EscPosTarget>("expected");
        QTest::addColumn<QString>("described");
        QTest::newRow("ipv4, default port")
            << u"tcp://192.168.1.87"_s << network(u"192.168.1.87"_s) << u"192.168.1.87:9100"_s;
        QTest::newRow("ipv4 and port")
            << u"tcp://192.168.1.87:9101"_s << network(u"192.168.1.87"_s, 9101)
            << u"192.168.1.87:9101"_s;
        QTest::newRow("host name, scheme in capitals")
            << u"TCP://kitchen-printer.local:9100"_s << network(u"kitchen-printer.local"_s)
            << u"kitchen-printer.local:9100"_s;
        QTest::newRow("blanks around")
            << u"  tcp://printer1 \t"_s << network(u"printer1"_s) << u"printer1:9100"_s;
        QTest::newRow("ipv6 and port")
            << u"tcp://[fe80::1]:9200"_s << network(u"fe80::1"_s, 9200) << u"[fe80::1]:9200"_s;
        QTest::newRow("ipv6, default port")
            << u"tcp://[::1]"_s << network(u"::1"_s) << u"[::1]:9100"_s;
        QTest::newRow("highest port")
            << u"tcp://10.0.0.2:65535"_s << network(u"10.0.0.2"_s, 65535) << u"10.0.0.2:65535"_s;
        QTest::newRow("usb device")
            << u"file:/dev/usb/lp0"_s << device(u"/dev/usb/lp0"_s) << u"/dev/usb/lp0"_s;
        QTest::newRow("file url") << u"file:///dev/usb/lp1"_s << device(u"/dev/usb/lp1"_s)
                                  << u"/dev/usb/lp1"_s;
        QTest::newRow("any file") << u"file:/tmp/receipts.bin"_s << device(u"/tmp/receipts.bin"_s)
                                  << u"/tmp/receipts.bin"_s;
        QTest::newRow("serial, default baud")
            << u"serial:/dev/ttyUSB0"_s << serial(u"/dev/ttyUSB0"_s) << u"/dev/ttyUSB0"_s;
        QTest::newRow("serial at 115200")
            << u"serial:/dev/ttyS0@115200"_s << serial(u"/dev/ttyS0"_s, 115200) << u"/dev/ttyS0"_s;
        QTest::newRow("serial at 1200")
            << u"Serial:/dev/ttyS1@1200"_s << serial(u"/dev/ttyS1"_s, 1200) << u"/dev/ttyS1"_s;
    }
    void parsesEverySpelling()
    {
        QFETCH(QString, text);
        QFETCH(EscPosTarget, expected);
        QFETCH(QString, described);
        const Result<EscPosTarget> parsed = parseEscPosTarget(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->kind, expected.kind);
        QCOMPARE(parsed->host, expected.host);
        QCOMPARE(parsed->port, expected.port);
        QCOMPARE(parsed->path, expected.path);
        QCOMPARE(parsed->baudRate, expected.baudRate);
        QCOMPARE(describe(*parsed), described);

        // The spelling written back reads as the same printer.
        const Result<EscPosTarget> again = parseEscPosTarget(spelling(*parsed));
        QVERIFY2(again.ok(), qPrintable(spelling(*parsed)));
        QVERIFY(*again == *parsed);
    }

    void refusesEveryBadSpelling_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("saying");
        const QString kinds = u"expected tcp://HOST[:PORT], file:/dev/usb/lp0 or "
                              u"serial:/dev/ttyUSB0[@BAUD]"_s;
        QTest::newRow("empty") << QString() << kinds;
        QTest::newRow("blank") << u"  "_s << kinds;
        QTest::newRow("no scheme") << u"192.168.1.87"_s << kinds;
        QTest::newRow("unknown scheme") << u"usb:/dev/usb/lp0"_s << kinds;
        QTest::newRow("http") << u"http://192.168.1.87"_s << kinds;
        QTest::newRow("tcp without //") << u"tcp:192.168.1.87"_s << u"lacks the \"//\""_s;
        QTest::newRow("tcp, nothing") << u"tcp://"_s << u"has no address"_s;
        QTest::newRow("port, no host") << u"tcp://:9100"_s << u"has no host"_s;
        QTest::newRow("empty port") << u"tcp://192.168.1.87:"_s << u"from 1 to 65535"_s;
        QTest::newRow("port 0") << u"tcp://192.168.1.87:0"_s << u"from 1 to 65535"_s;
        QTest::newRow("port too high") << u"tcp://192.168.1.87:65536"_s << u"from 1 to 65535"_s;
        QTest::newRow("port not a number") << u"tcp://192.168.1.87:ipp"_s << u"from 1 to 65535"_s;
        QTest::newRow("negative port") << u"tcp://192.168.1.87:-1"_s << u"from 1 to 65535"_s;
        QTest::newRow("bad ipv4") << u"tcp://192.168.1.300"_s << u"neither a host name"_s;
        QTest::newRow("blank in host") << u"tcp://kitchen printer"_s << u"neither a host name"_s;
        QTest::newRow("host starts with -") << u"tcp://-printer"_s << u"neither a host name"_s;
        QTest::newRow("empty label") << u"tcp://printer..local"_s << u"neither a host name"_s;
        QTest::newRow("hanzi host") << u"tcp://打印机"_s << u"neither a host name"_s;
        QTest::newRow("ipv6 without brackets") << u"tcp://fe80::1"_s << u"without brackets"_s;
        QTest::newRow("ipv6, no ]") << u"tcp://[fe80::1:9100"_s << u"closing its IPv6"_s;
        QTest::newRow("brackets, no ipv6") << u"tcp://[printer]:9100"_s << u"not an IPv6"_s;
        QTest::newRow("ipv6, no colon") << u"tcp://[::1]9100"_s << u"expected a port"_s;
        QTest::newRow("a path") << u"tcp://192.168.1.87:9100/receipt"_s << u"has a path"_s;
        QTest::newRow("file, nothing") << u"file:"_s << u"has no path"_s;
        QTest::newRow("file, relative") << u"file:dev/usb/lp0"_s << u"relative path"_s;
        QTest::newRow("file, a host") << u"file://printer/lp0"_s << u"names a host"_s;
        QTest::newRow("serial, nothing") << u"serial:"_s << u"has no path"_s;
        QTest::newRow("serial, relative") << u"serial:ttyUSB0@9600"_s << u"relative path"_s;
        QTest::newRow("serial, only baud") << u"serial:@9600"_s << u"has no path"_s;
        QTest::newRow("odd baud") << u"serial:/dev/ttyUSB0@9601"_s
                                  << u"expected one of 1200, 2400, 4800, 9600, 19200, 38400, "
                                     u"57600, 115200"_s;
        QTest::newRow("empty baud") << u"serial:/dev/ttyUSB0@"_s << u"bad baud rate"_s;
        QTest::newRow("baud in words") << u"serial:/dev/ttyUSB0@fast"_s << u"bad baud rate"_s;
    }
    void refusesEveryBadSpelling()
    {
        QFETCH(QString, text);
        QFETCH(QString, saying);
        const Result<EscPosTarget> parsed = parseEscPosTarget(text);
        QVERIFY2(!parsed.ok(), qPrintable(text));
        QCOMPARE(parsed.error().code, ErrorCode::Config);
        QVERIFY2(parsed.error().message.contains(saying), qPrintable(parsed.error().message));
        // The message names what was written, so the owner finds it in the file.
        if (!text.trimmed().isEmpty())
            QVERIFY2(parsed.error().message.contains(text.trimmed()),
                     qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestEscPosTarget)
#include "tst_escpostarget.moc"
