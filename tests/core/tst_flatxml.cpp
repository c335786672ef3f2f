#include "xml/flatxml.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

class TestFlatXml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        const Params params{{u"appid"_s, u"wx123"_s},
                            {u"body"_s, u"中文 <商品> & \"quotes\""_s},
                            {u"tricky"_s, u"a]]>b"_s},
                            {u"empty"_s, QString()}};
        const auto decoded = FlatXml::decode(FlatXml::encode(params));
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        QCOMPARE(decoded.value(), params);
    }

    void decodesProviderStyleDocument()
    {
        const QByteArray doc = "<xml><return_code><![CDATA[SUCCESS]]></return_code>\n"
                               "  <total_fee>101</total_fee></xml>";
        const auto decoded = FlatXml::decode(doc);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->value(u"return_code"_s), u"SUCCESS"_s);
        QCOMPARE(decoded->value(u"total_fee"_s), u"101"_s);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::newRow("not xml") << QByteArray("return_code=SUCCESS");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrong root") << QByteArray("<root><a>1</a></root>");
        QTest::newRow("two roots") << QByteArray("<xml></xml><xml></xml>");
        QTest::newRow("unclosed") << QByteArray("<xml><a>1</a>");
        QTest::newRow("nested") << QByteArray("<xml><a><b>1</b></a></xml>");
        QTest::newRow("duplicate field")
            << QByteArray("<xml><total_fee>1</total_fee><total_fee>100</total_fee></xml>");
        QTest::newRow("stray text") << QByteArray("<xml>hello<a>1</a></xml>");
        QTest::newRow("doctype") << QByteArray(
            "<?xml version=\"1.0\"?><!DOCTYPE xml><xml><a>1</a></xml>");
        QTest::newRow("external entity")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "
                          "\"file:///etc/passwd\">]><xml><a>&xxe;</a></xml>");
        QTest::newRow("billion laughs")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                          "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                          "<xml><a>&lol2;</a></xml>");
        QTest::newRow("undeclared entity") << QByteArray("<xml><a>&foo;</a></xml>");
        QTest::newRow("too large")
            << ("<xml><a>" + QByteArray(FlatXml::kMaxDocumentBytes, 'x') + "</a></xml>");
        QByteArray many = "<xml>";
        for (int i = 0; i <= FlatXml::kMaxFields; ++i)
            many += "<f" + QByteArray::number(i) + ">1</f" + QByteArray::number(i) + ">";
        QTest::newRow("too many fields") << (many + "</xml>");
    }
    void refuses()
    {
        QFETCH(QByteArray, document);
        const auto decoded = FlatXml::decode(document);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().name(), u"XML_FORMAT_ERROR"_s);
        QVERIFY(!decoded.error().message.isEmpty());
    }

    void predefinedEntitiesAreText()
    {
        const auto decoded = FlatXml::decode("<xml><a>1 &lt; 2 &amp; 3</a></xml>");
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->value(u"a"_s), u"1 < 2 & 3"_s);
    }
};

QTEST_GUILESS_MAIN(TestFlatXml)
#include "tst_flatxml.moc"
