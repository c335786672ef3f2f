#include "catalog/catalogcsv.h"

#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

template<typename T> QString orDash(const std::optional<T> &value)
{
    return value ? QString::number(*value) : u"-"_s;
}

// line|barcode|name|price|stock|category|unit|cost|lowStock, "-" for nothing.
QString describe(const CatalogRow &row)
{
    return u"%1|%2|%3|%4|%5|%6|%7|%8|%9"_s.arg(
        QString::number(row.line), row.barcode, row.name, QString::number(row.price),
        orDash(row.stock), row.category, row.unit, orDash(row.cost), orDash(row.lowStock));
}

QStringList describe(const QList<CatalogRow> &rows)
{
    QStringList result;
    for (const CatalogRow &row : rows)
        result << describe(row);
    return result;
}

QStringList describe(const QList<CatalogLineError> &errors)
{
    QStringList result;
    for (const CatalogLineError &error : errors)
        result << u"%1: %2"_s.arg(error.line).arg(error.reason);
    return result;
}

Result<CatalogPreview> parseText(const QString &text)
{
    return CatalogCsv::parse(text.toUtf8());
}

const QString kHeaderHelp =
    u". It names the columns: barcode (条码), name (名称, 品名), price (售价, 价格, "
    "price_yuan) and optionally stock (库存), category (分类), unit (单位), cost (进价), "
    "low_stock (库存下限)"_s;

} // namespace

class TestCatalogCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void utf8WithoutBom()
    {
        const auto preview =
            parseText(u"barcode,name,price,stock\n6921168509256,可口可乐 500ml,3.00,24\n"_s);
        QVERIFY(preview.ok());
        QCOMPARE(preview->encoding, CatalogEncoding::Utf8);
        QVERIFY(!preview->byteOrderMark);
        QCOMPARE(preview->columns, (QStringList{u"barcode"_s, u"name"_s, u"price"_s, u"stock"_s}));
        QCOMPARE(describe(preview->rows),
                 QStringList{u"2|6921168509256|可口可乐 500ml|300|24|||-|-"_s});
        QVERIFY(preview->isClean());
    }

    void utf8WithBom()
    {
        // The BOM must not stick to the first column's name.
        const auto preview = CatalogCsv::parse(
            "\xEF\xBB\xBF" + u"条码,名称,售价\n6921168509256,雪碧,2.5\n"_s.toUtf8());
        QVERIFY(preview.ok());
        QCOMPARE(preview->encoding, CatalogEncoding::Utf8);
        QVERIFY(preview->byteOrderMark);
        QCOMPARE(preview->columns, (QStringList{u"barcode"_s, u"name"_s, u"price"_s}));
        QCOMPARE(describe(preview->rows), QStringList{u"2|6921168509256|雪碧|250|-|||-|-"_s});
    }

    void gb18030FromEncoder()
    {
        QStringEncoder encoder("GB18030");
        if (!encoder.isValid())
            QSKIP("this Qt has no GB18030 (built without ICU)");
        const QByteArray bytes = encoder.encode(
            u"条码,品名,价格,库存,分类,单位\r\n6921168509256,可口可乐,3,24,饮料,瓶\r\n"_s);
        QVERIFY(!encoder.hasError());
        const auto preview = CatalogCsv::parse(bytes);
        QVERIFY2(preview.ok(), qPrintable(preview.ok() ? QString() : preview.error().message));
        QCOMPARE(preview->encoding, CatalogEncoding::Gb18030);
        QCOMPARE(describe(preview->rows),
                 QStringList{u"2|6921168509256|可口可乐|300|24|饮料|瓶|-|-"_s});
    }

    void gb18030LiteralBytes()
    {
        // 可口可乐 in GB18030: BF C9 BF DA BF C9 C0 D6, not valid UTF-8.
        const auto preview = CatalogCsv::parse(
            "barcode,name,price\n6921168509256,\xBF\xC9\xBF\xDA\xBF\xC9\xC0\xD6,3.50\n");
        QVERIFY(preview.ok());
        QCOMPARE(preview->encoding, CatalogEncoding::Gb18030);
        QCOMPARE(describe(preview->rows), QStringList{u"2|6921168509256|可口可乐|350|-|||-|-"_s});
    }

    void badEncoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("0xFF on line 3")
            << QByteArray("barcode,name,price\n1,ok,1\n2,\xFF\xFF,1\n3,ok,1\n")
            << u"line 3 is neither UTF-8 nor GB18030 text"_s;
        QTest::newRow("lead byte before a comma") << QByteArray("barcode,name,price\n1,\xBF,1\n")
                                                  << u"line 2 is neither UTF-8 nor GB18030 text"_s;
        QTest::newRow("character cut by the line end")
            << QByteArray("barcode,name,price\n1,ok,1\n1,cola\xBF\n")
            << u"line 3 is neither UTF-8 nor GB18030 text"_s;
        QTest::newRow("GB18030 behind a UTF-8 BOM")
            << QByteArray("\xEF\xBB\xBF"
                          "barcode,name,price\n1,\xBF\xC9\xBF\xDA,1\n")
            << u"line 2 is not UTF-8 text, though the file starts with a UTF-8 byte order "
               "mark"_s;
        QTest::newRow("UTF-16") << QByteArray("\xFF\xFE"
                                              "b\0a\0",
                                              6)
                                << u"the file is UTF-16 text (Excel's \"Unicode Text\"); save "
                                   "it as \"CSV UTF-8\" or \"CSV\" instead"_s;
    }
    void badEncoding()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const auto preview = CatalogCsv::parse(bytes);
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error().code, ErrorCode::Catalog);
        QCOMPARE(preview.error().message, message);
    }

    void lineEnds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("LF") << u"barcode,name,price\n1,a,1.5\n2,b,2\n"_s;
        QTest::newRow("CRLF") << u"barcode,name,price\r\n1,a,1.5\r\n2,b,2\r\n"_s;
        QTest::newRow("CR (Excel for Mac)") << u"barcode,name,price\r1,a,1.5\r2,b,2\r"_s;
        QTest::newRow("mixed") << u"barcode,name,price\r\n1,a,1.5\n2,b,2\r\n"_s;
        QTest::newRow("no final end") << u"barcode,name,price\r\n1,a,1.5\r\n2,b,2"_s;
    }
    void lineEnds()
    {
        QFETCH(QString, text);
        const auto preview = parseText(text);
        QVERIFY(preview.ok());
        QCOMPARE(describe(preview->rows),
                 (QStringList{u"2|1|a|150|-|||-|-"_s, u"3|2|b|200|-|||-|-"_s}));
        QVERIFY(preview->isClean());
    }

    void quoting()
    {
        const auto preview = parseText(u"barcode,name,price,category\n"
                                       "6901,\"Cola, large\",3,drinks\n"
                                       "6902,\"12\"\" pizza\",25.5,\"frozen, boxed\"\n"
                                       " 6903 , \"  Tea \" ,\"4.00\",\n"
                                       "6904,12\" ruler,1,\n"
                                       "6905,\"\",1,\n"_s);
        QVERIFY(preview.ok());
        QCOMPARE(describe(preview->rows), (QStringList{
                                              u"2|6901|Cola, large|300|-|drinks||-|-"_s,
                                              u"3|6902|12\" pizza|2550|-|frozen, boxed||-|-"_s,
                                              u"4|6903|Tea|400|-|||-|-"_s,
                                              // A stray quote inside a bare field is text.
                                              u"5|6904|12\" ruler|100|-|||-|-"_s,
                                          }));
        QCOMPARE(describe(preview->errors), QStringList{u"6: name is empty"_s});
        QVERIFY(!preview->isClean());
    }

    void chineseHeader()
    {
        const auto preview = parseText(u"品名,条码,价格,分类,单位,进价,库存下限,库存\n"
                                       "可口可乐,6921168509256,3.5,饮料,瓶,2.1,5,24\n"_s);
        QVERIFY(preview.ok());
        QCOMPARE(preview->columns, (QStringList{u"name"_s, u"barcode"_s, u"price"_s, u"category"_s,
                                                u"unit"_s, u"cost"_s, u"low_stock"_s, u"stock"_s}));
        QCOMPARE(describe(preview->rows),
                 QStringList{u"2|6921168509256|可口可乐|350|24|饮料|瓶|210|5"_s});
    }

    void headerCaseAndTodaysNames()
    {
        const auto preview = parseText(u" BARCODE ,Name,PRICE_YUAN,Stock,Cost_Yuan,Low_Stock\n"
                                       "abc-12,Pen,0,-3,0.5,0\n"_s);
        QVERIFY(preview.ok());
        QCOMPARE(preview->columns, (QStringList{u"barcode"_s, u"name"_s, u"price"_s, u"stock"_s,
                                                u"cost"_s, u"low_stock"_s}));
        // Stock may be below zero (sold before it was counted); a free item is allowed.
        QCOMPARE(describe(preview->rows), QStringList{u"2|abc-12|Pen|0|-3|||50|0"_s});
    }

    void limitsOfGoodValues()
    {
        const QString barcode = u"A"_s.repeated(30) + u"-9"_s;
        const QString name = u"可"_s.repeated(80);
        const auto preview =
            parseText(u"barcode,name,price\n%1,%2,92233720368547758.07\n"_s.arg(barcode, name));
        QVERIFY(preview.ok());
        QCOMPARE(describe(preview->rows),
                 QStringList{u"2|%1|%2|9223372036854775807|-|||-|-"_s.arg(barcode, name)});
    }

    void badLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        const auto row = [](const char *name, const QString &line, const QString &reason) {
            QTest::newRow(name) << line << reason;
        };
        row("too few fields", u"6902,a,1"_s, u"expected 6 fields as in the header, found 3"_s);
        row("too many fields", u"6902,a,1,,,,"_s, u"expected 6 fields as in the header, found 7"_s);
        row("unterminated quote", u"6902,\"a,1,,,"_s,
            u"field 2 has a quote that is never closed"_s);
        row("text after quote", u"6902,\"a\"b,1,,,"_s,
            u"field 2 has text after its closing quote"_s);
        row("empty barcode", u",a,1,,,"_s, u"barcode is empty"_s);
        row("barcode with space", u"69 02,a,1,,,"_s,
            u"barcode \"69 02\" has characters other than digits, letters and -"_s);
        row("barcode in Chinese", u"条码2,a,1,,,"_s,
            u"barcode \"条码2\" has characters other than digits, letters and -"_s);
        row("barcode of 33", u"%1,a,1,,,"_s.arg(u"7"_s.repeated(33)),
            u"barcode \"%1\" is longer than 32 characters"_s.arg(u"7"_s.repeated(33)));
        row("empty name", u"6902,,1,,,"_s, u"name is empty"_s);
        row("name of 81", u"6902,%1,1,,,"_s.arg(u"可"_s.repeated(81)),
            u"name is longer than 80 characters (81)"_s);
        row("empty price", u"6902,a,,,,"_s, u"price is empty"_s);
        row("price text", u"6902,a,abc,,,"_s, u"price \"abc\" is not an amount in yuan"_s);
        row("price with yuan sign", u"6902,a,¥3.00,,,"_s,
            u"price \"¥3.00\" is not an amount in yuan"_s);
        row("price exponent", u"6902,a,1e3,,,"_s, u"price \"1e3\" is not an amount in yuan"_s);
        row("price negative", u"6902,a,-1.50,,,"_s, u"price \"-1.50\" is negative"_s);
        row("price 3 decimals", u"6902,a,1.005,,,"_s,
            u"price \"1.005\" has more than 2 decimals"_s);
        row("stock fraction", u"6902,a,1,1.5,,"_s, u"stock \"1.5\" is not a whole number"_s);
        row("stock text", u"6902,a,1,many,,"_s, u"stock \"many\" is not a whole number"_s);
        row("stock too large", u"6902,a,1,99999999999999999999,,"_s,
            u"stock \"99999999999999999999\" is too large"_s);
        row("cost text", u"6902,a,1,,abc,"_s, u"cost \"abc\" is not an amount in yuan"_s);
        row("cost negative", u"6902,a,1,,-1,"_s, u"cost \"-1\" is negative"_s);
        row("cost 3 decimals", u"6902,a,1,,0.001,"_s, u"cost \"0.001\" has more than 2 decimals"_s);
        row("low_stock negative", u"6902,a,1,,,-1"_s, u"low_stock \"-1\" is negative"_s);
        row("low_stock fraction", u"6902,a,1,,,2.5"_s,
            u"low_stock \"2.5\" is not a whole number"_s);
        row("several at once", u",,abc,x,,"_s,
            u"barcode is empty; name is empty; price \"abc\" is not an amount in yuan; "
            "stock \"x\" is not a whole number"_s);
    }
    void badLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        const auto preview = parseText(u"barcode,name,price,stock,cost,low_stock\n"
                                       "6901,good,1,,,\n"_s +
                                       line + u"\n6903,also good,2,7,1.2,3\n"_s);
        QVERIFY(preview.ok());
        QCOMPARE(describe(preview->rows),
                 (QStringList{u"2|6901|good|100|-|||-|-"_s, u"4|6903|also good|200|7|||120|3"_s}));
        QCOMPARE(describe(preview->errors), QStringList{u"3: "_s + reason});
        QVERIFY(!preview->isClean());
    }

    void duplicateBarcodes()
    {
        const auto preview = parseText(u"barcode,name,price\n"
                                       "111,a,1\n"
                                       "222,b,2\n"
                                       "111,c,3\n"
                                       "333,d,x\n"
                                       "333,e,4\n"
                                       "111,f,5\n"_s);
        QVERIFY(preview.ok());
        QCOMPARE(describe(preview->rows),
                 (QStringList{u"2|111|a|100|-|||-|-"_s, u"3|222|b|200|-|||-|-"_s}));
        // A line that is bad for another reason still owns its barcode: fixing it would
        // otherwise leave two.
        QCOMPARE(describe(preview->errors), (QStringList{
                                                u"4: barcode \"111\" is also on line 2"_s,
                                                u"5: price \"x\" is not an amount in yuan"_s,
                                                u"6: barcode \"333\" is also on line 5"_s,
                                                u"7: barcode \"111\" is also on line 2"_s,
                                            }));
    }

    void blankLinesSkipped()
    {
        const auto preview =
            parseText(u"\n\r\nbarcode,name,price\n\n1,a,1\n,,\n   \n\"\",,\n2,b,2\n\n"_s);
        QVERIFY(preview.ok());
        QCOMPARE(describe(preview->rows),
                 (QStringList{u"5|1|a|100|-|||-|-"_s, u"9|2|b|200|-|||-|-"_s}));
        QVERIFY(preview->isClean());
    }

    void headerErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QString &text, const QString &why) {
            QTest::newRow(name) << text << why + kHeaderHelp;
        };
        row("unknown column", u"barcode,name,price,colour\n1,a,1,red\n"_s,
            u"the header on line 1 has the unknown column \"colour\""_s);
        row("no price", u"barcode,name\n1,a\n"_s, u"the header on line 1 has no price column"_s);
        row("no name nor price", u"barcode,stock\n"_s,
            u"the header on line 1 has no name column, has no price column"_s);
        row("price twice", u"barcode,name,price,售价\n"_s,
            u"the header on line 1 has the price column twice (\"price\" and \"售价\")"_s);
        row("column without name", u"barcode,,name,price\n"_s,
            u"the header on line 1 has no name for column 2"_s);
        row("no header", u"6921168509256,可口可乐,3.00\n"_s,
            u"the header on line 1 names no known column: the first line must be the header"_s);
        row("unterminated quote", u"barcode,\"name,price\n"_s,
            u"the header on line 1 is not CSV: field 2 has a quote that is never closed"_s);
        row("after blank lines", u"\n\nbarcode,nam,price\n"_s,
            u"the header on line 3 has the unknown column \"nam\", has no name column"_s);
    }
    void headerErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto preview = parseText(text);
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error().code, ErrorCode::Catalog);
        QCOMPARE(preview.error().message, message);
    }

    void emptyFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("no bytes") << QByteArray();
        QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("blank lines") << QByteArray("\n\r\n  \n");
        QTest::newRow("commas only") << QByteArray(",,,\n,,,\n");
    }
    void emptyFile()
    {
        QFETCH(QByteArray, bytes);
        const auto preview = CatalogCsv::parse(bytes);
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error().message, u"the file is empty"_s);
    }

    void headerOnly()
    {
        const auto preview = parseText(u"barcode,name,price\n"_s);
        QVERIFY(preview.ok());
        QVERIFY(preview->rows.isEmpty());
        QVERIFY(preview->isClean());
    }

    void tooLarge()
    {
        const auto large = CatalogCsv::parse(QByteArray(CatalogCsv::kMaxBytes + 1, 'a'));
        QVERIFY(!large.ok());
        QCOMPARE(large.error().message, u"the file is larger than 20 MB; import it in parts"_s);

        // Exactly at the limit the file is read (and here found to have no header).
        const auto atLimit = CatalogCsv::parse(QByteArray(CatalogCsv::kMaxBytes, 'a'));
        QVERIFY(!atLimit.ok());
        QVERIFY(atLimit.error().message.contains(u"names no known column"));
    }

    void tooManyLines()
    {
        const QByteArray header = "barcode,name,price\n";
        const QByteArray blanks(CatalogCsv::kMaxLines - 2, '\n');
        const auto atLimit = CatalogCsv::parse(header + blanks + "1,a,1");
        QVERIFY(atLimit.ok());
        QCOMPARE(describe(atLimit->rows), QStringList{u"100000|1|a|100|-|||-|-"_s});

        const auto over = CatalogCsv::parse(header + blanks + "1,a,1\n2,b,2\n");
        QVERIFY(!over.ok());
        QCOMPARE(over.error().message,
                 u"the file has more than 100000 lines; import it in parts"_s);
    }

    void encodingNames()
    {
        QCOMPARE(CatalogCsv::encodingName(CatalogEncoding::Utf8), u"UTF-8"_s);
        QCOMPARE(CatalogCsv::encodingName(CatalogEncoding::Gb18030), u"GB18030"_s);
    }
};

QTEST_GUILESS_MAIN(TestCatalogCsv)
#include "tst_catalogcsv.moc"
