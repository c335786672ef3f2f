#include "escposdecoder.h"
#include "receipt/escposreceipt.h"
#include "receipt/receipt.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

Q_DECLARE_METATYPE(shouyin::PaperWidth)

namespace {

// Wider than both papers: it wraps.
const QString kLongName = u"农夫山泉 天然饮用水 550ml 箱装特惠 二十四瓶 家庭装 整箱配送"_s;
const QString kOrderNo = u"T01-20261123-0007"_s;

Receipt sampleReceipt()
{
    Receipt receipt;
    receipt.shopName = u"收银"_s;
    receipt.address = u"上海市浦东新区张杨路 500 号 华润时代广场一楼"_s;
    receipt.terminalId = u"T01"_s;
    receipt.cashier = u"张三"_s;
    receipt.orderNo = kOrderNo;
    receipt.paidAtText = u"2026-11-23 10:45"_s;
    receipt.lines = {{kLongName, 2, 3990, 7980},
                     {u"康师傅红烧牛肉面 五连包"_s, 1, 1250, 1250},
                     {u"Cola"_s, 1, 350, 350}};
    receipt.total = 9580;
    receipt.tenders = {{u"微信支付"_s, 9580, u"4200001234202611230123456789"_s}};
    receipt.codeData = kOrderNo;
    return receipt;
}

QByteArray bytes(std::initializer_list<char> list)
{
    return QByteArray(list.begin(), qsizetype(list.size()));
}

EscPosLine::Align alignOf(ReceiptTextLine::Align align)
{
    return align == ReceiptTextLine::Align::Centre ? EscPosLine::Align::Centre
                                                   : EscPosLine::Align::Left;
}

} // namespace

class TestEscPosDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesARenderedReceipt_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::newRow("58 mm") << PaperWidth::Mm58;
        QTest::newRow("80 mm") << PaperWidth::Mm80;
    }
    void decodesARenderedReceipt()
    {
        QFETCH(PaperWidth, paper);
        const Receipt receipt = sampleReceipt();
        const EscPosDecoded decoded = decodeEscPos(renderEscPos(receipt, paper));
        QVERIFY2(decoded.unknown.isEmpty(), qPrintable(decoded.unknown.join(u'\n')));

        // Every line of the layout, as laid out, Chinese and all.
        const QList<ReceiptTextLine> layout = layoutReceipt(receipt, paper);
        QVERIFY(decoded.lines.size() > layout.size());
        for (qsizetype i = 0; i < layout.size(); ++i) {
            QCOMPARE(decoded.lines[i].text, layout[i].text);
            QCOMPARE(decoded.lines[i].align, alignOf(layout[i].align));
            QCOMPARE(decoded.lines[i].bold, layout[i].bold);
        }
        const QString printed = decoded.texts().join(u'\n');
        QVERIFY(printed.contains(u"农夫山泉"_s));
        QVERIFY(printed.contains(u"整箱配送"_s));
        QVERIFY(printed.contains(u"康师傅红烧牛肉面"_s));
        QVERIFY(printed.contains(u"微信支付"_s));
        QCOMPARE(decoded.lines.first().text, u"收银"_s);
        QVERIFY(decoded.lines.first().bold);
        QCOMPARE(decoded.lines.first().align, EscPosLine::Align::Centre);

        // Then the codes, after the text, and a partial cut at the very end.
        using Kind = EscPosCommand::Kind;
        QCOMPARE(decoded.commands.first().kind, Kind::Initialize);
        const QList<EscPosCommand> qr = decoded.commandsOf(Kind::QrCode);
        QCOMPARE(qr.size(), 1);
        QCOMPARE(qr.first().data, kOrderNo);
        QVERIFY(qr.first().atLine > layout.size());
        const QList<EscPosCommand> barcodes = decoded.commandsOf(Kind::Barcode);
        QCOMPARE(barcodes.size(), 1);
        QCOMPARE(barcodes.first().barcodeType, 73);
        QCOMPARE(barcodes.first().data, kOrderNo);
        QCOMPARE(decoded.commandsOf(Kind::Cut).size(), 1);
        QCOMPARE(decoded.commands.last().kind, Kind::Cut);
        QVERIFY(decoded.commands.last().partialCut);
        QCOMPARE(decoded.commands.last().atLine, decoded.lines.size());
        QVERIFY(decoded.commandsOf(Kind::DrawerPulse).isEmpty());
        QVERIFY(decoded.commandsOf(Kind::StatusRequest).isEmpty());
    }

    void chineseModeDecidesHowBytesRead()
    {
        const QByteArray shouyin = encodeReceiptText(u"收银"_s);
        // Without FS & the printer draws two code page characters a hanzi.
        const EscPosDecoded plain = decodeEscPos(shouyin + '\n');
        QCOMPARE(plain.lines.size(), 1);
        QCOMPARE(plain.lines.first().text.size(), 4);
        QVERIFY(plain.lines.first().text != u"收银"_s);
        // FS & on, FS . off again, in the middle of a line.
        const QByteArray mixed =
            bytes({0x1C, '&'}) + shouyin + bytes({0x1C, '.'}) + QByteArray("ok\n");
        QCOMPARE(decodeEscPos(mixed).texts(), QStringList{u"收银ok"_s});
        // A four-byte GB18030 character, whose second byte is a digit.
        const QByteArray rare = bytes({0x1C, '&'}) + encodeReceiptText(u"𠀀"_s) + '\n';
        QCOMPARE(decodeEscPos(rare).texts(), QStringList{u"𠀀"_s});
        // ESC @ goes back to the code page.
        const QByteArray reset = bytes({0x1C, '&', 0x1B, '@'}) + shouyin + '\n';
        QVERIFY(decodeEscPos(reset).texts().first() != u"收银"_s);
    }

    void feedsAndStyles()
    {
        const QByteArray input = bytes({0x1B, 'a', 2, 0x1B, '!', 0x08}) + "right\n" +
                                 bytes({0x1B, '!', 0, 0x1B, 'a', '1'}) + "centre" +
                                 bytes({0x1B, 'd', 3}) + bytes({0x1B, 'a', 0}) + "\r\n";
        const EscPosDecoded decoded = decodeEscPos(input);
        QVERIFY2(decoded.unknown.isEmpty(), qPrintable(decoded.unknown.join(u'\n')));
        QCOMPARE(decoded.texts(),
                 (QStringList{u"right"_s, u"centre"_s, QString(), QString(), QString()}));
        QCOMPARE(decoded.lines[0].align, EscPosLine::Align::Right);
        QVERIFY(decoded.lines[0].bold);
        QCOMPARE(decoded.lines[1].align, EscPosLine::Align::Centre);
        QVERIFY(!decoded.lines[1].bold);
        QCOMPARE(decoded.lines[4].align, EscPosLine::Align::Left);
    }

    void cutsDrawersAndStatusRequests()
    {
        const QByteArray input = bytes({0x1D, 'V', 0}) + bytes({0x1D, 'V', '1'}) +
                                 bytes({0x1D, 'V', 65, 3}) + bytes({0x1B, 'p', 1, 10, 100}) +
                                 bytes({0x10, 0x04, 4}) + bytes({0x1B, 'p', '0', 25, char(250)});
        const EscPosDecoded decoded = decodeEscPos(input);
        QVERIFY2(decoded.unknown.isEmpty(), qPrintable(decoded.unknown.join(u'\n')));
        QCOMPARE(decoded.commands.size(), 6);
        using Kind = EscPosCommand::Kind;
        QCOMPARE(decoded.commands[0].kind, Kind::Cut);
        QVERIFY(!decoded.commands[0].partialCut);
        QVERIFY(decoded.commands[1].partialCut);
        QVERIFY(!decoded.commands[2].partialCut);
        QCOMPARE(decoded.commands[3].kind, Kind::DrawerPulse);
        QCOMPARE(decoded.commands[3].pin, 5);
        QCOMPARE(decoded.commands[3].onMs, 20);
        QCOMPARE(decoded.commands[3].offMs, 200);
        QCOMPARE(decoded.commands[4].kind, Kind::StatusRequest);
        QCOMPARE(decoded.commands[4].statusKind, 4);
        QCOMPARE(decoded.commands[5].pin, 2);
    }

    void code128CodeSetsUndone_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("text");
        QTest::newRow("set B") << QByteArray("{BT01-A") << u"T01-A"_s;
        QTest::newRow("set C") << QByteArray("{C") + bytes({20, 26, 11, 23}) << u"20261123"_s;
        QTest::newRow("leading zero pair") << QByteArray("{B-{C") + bytes({0, 7}) << u"-0007"_s;
        QTest::newRow("doubled brace") << QByteArray("{BA{{1") << u"A{1"_s;
        QTest::newRow("set A") << QByteArray("{AABC") << u"ABC"_s;
    }
    void code128CodeSetsUndone()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, text);
        const EscPosDecoded decoded =
            decodeEscPos(bytes({0x1D, 'k', 73, char(data.size())}) + data);
        QVERIFY2(decoded.unknown.isEmpty(), qPrintable(decoded.unknown.join(u'\n')));
        QCOMPARE(decoded.commands.size(), 1);
        QCOMPARE(decoded.commands.first().data, text);
    }

    void qrDataUpToSixtyFourKilobytes()
    {
        const QByteArray data(300, 'A');
        const QByteArray store =
            bytes({0x1D, '(', 'k', char(0x2F), 0x01, 49, 80, 48}) + data; // 303 bytes
        const EscPosDecoded decoded =
            decodeEscPos(store + bytes({0x1D, '(', 'k', 3, 0, 49, 81, 48}));
        QVERIFY2(decoded.unknown.isEmpty(), qPrintable(decoded.unknown.join(u'\n')));
        QCOMPARE(decoded.commands.size(), 1);
        QCOMPARE(decoded.commands.first().data, QString::fromLatin1(data));
    }

    void unknownBytesAreReported_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("report");
        QTest::newRow("unknown ESC")
            << bytes({'a', '\n', 0x1B, 'z', 'b', '\n'}) << u"2: ESC 0x7a"_s;
        QTest::newRow("unknown GS") << bytes({0x1D, 'Z', 2}) << u"0: GS 0x5a"_s;
        QTest::newRow("bell") << bytes({0x07}) << u"0: control character 0x07"_s;
        QTest::newRow("tab") << bytes({'a', 0x09, 'b', '\n'}) << u"1: control character 0x09"_s;
        QTest::newRow("bad alignment") << bytes({0x1B, 'a', 7}) << u"0: ESC a with 0x07"_s;
        QTest::newRow("bad cut") << bytes({0x1D, 'V', 9}) << u"0: GS V with 0x09"_s;
        QTest::newRow("cut short") << bytes({0x1B, 'p', 0, 25}) << u"0: ESC p cut short"_s;
        QTest::newRow("QR cut short")
            << bytes({0x1D, '(', 'k', 20, 0, 49, 80, 48, 'T'}) << u"0: GS ( k cut short"_s;
        QTest::newRow("PDF417") << bytes({0x1D, '(', 'k', 3, 0, 48, 81, 48})
                                << u"0: GS ( k that is not about a QR code"_s;
        QTest::newRow("QR print, nothing stored")
            << bytes({0x1D, '(', 'k', 3, 0, 49, 81, 48}) << u"0: QR print with nothing stored"_s;
        QTest::newRow("real-time pulse") << bytes({0x10, 0x14, 1, 0, 1}) << u"0: DLE 0x14"_s;
        QTest::newRow("bad status request") << bytes({0x10, 0x04, 9}) << u"0: DLE EOT with 0x09"_s;
        QTest::newRow("CODE128 without code set")
            << bytes({0x1D, 'k', 73, 3, 'A', 'B', 'C'})
            << u"0: CODE128 data that is not in code sets A, B and C"_s;
        QTest::newRow("unprinted text")
            << QByteArray("lost") << u"4: text with no line feed after it, never printed"_s;
    }
    void unknownBytesAreReported()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, report);
        const EscPosDecoded decoded = decodeEscPos(input);
        QVERIFY2(decoded.unknown.contains(report), qPrintable(decoded.unknown.join(u'\n')));
    }

    void unknownCommandDoesNotSwallowText()
    {
        const EscPosDecoded decoded = decodeEscPos(bytes({0x1B, 'z'}) + "after\n");
        QCOMPARE(decoded.unknown.size(), 1);
        QCOMPARE(decoded.texts(), QStringList{u"after"_s});
    }
};

QTEST_GUILESS_MAIN(TestEscPosDecoder)
#include "tst_escposdecoder.moc"
