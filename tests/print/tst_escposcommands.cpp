#include "print/escposcommands.h"
#include "virtualescpos.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

Q_DECLARE_METATYPE(shouyin::PaperWidth)
Q_DECLARE_METATYPE(shouyin::EscPosStatusKind)
Q_DECLARE_METATYPE(shouyin::EscPosPrinterStatus)

namespace shouyin {

char *toString(const EscPosPrinterStatus &status) // for QCOMPARE
{
    const QString drawer =
        status.drawerOpen ? (*status.drawerOpen ? u"open"_s : u"closed"_s) : u"unknown"_s;
    return qstrdup(
        qPrintable(u"online=%1 coverOpen=%2 paperOut=%3 paperNearEnd=%4 drawer=%5 fault=%6"_s
                       .arg(status.online)
                       .arg(status.coverOpen)
                       .arg(status.paperOut)
                       .arg(status.paperNearEnd)
                       .arg(drawer)
                       .arg(status.fault)));
}

} // namespace shouyin

namespace {

QByteArray bytes(std::initializer_list<char> list)
{
    return QByteArray(list.begin(), qsizetype(list.size()));
}

EscPosPrinterStatus status(bool online, bool coverOpen, bool paperOut, bool paperNearEnd,
                           std::optional<bool> drawerOpen, bool fault)
{
    EscPosPrinterStatus status;
    status.online = online;
    status.coverOpen = coverOpen;
    status.paperOut = paperOut;
    status.paperNearEnd = paperNearEnd;
    status.drawerOpen = drawerOpen;
    status.fault = fault;
    return status;
}

// Columns on a receipt printer: ASCII one, everything from the hanzi font two.
int columns(const QString &text)
{
    int width = 0;
    for (const QChar ch : text)
        width += ch.unicode() < 0x80 ? 1 : 2;
    return width;
}

} // namespace

class TestEscPosCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drawerPulseOnPinTwo()
    {
        // ESC p 0 25 250: pin 2, on 50 ms, off 500 ms.
        QCOMPARE(drawerPulse(), bytes({0x1B, 0x70, 0x00, 0x19, char(0xFA)}));
        const EscPosDecoded decoded = decodeEscPos(drawerPulse());
        QVERIFY2(decoded.unknown.isEmpty(), qPrintable(decoded.unknown.join(u'\n')));
        QCOMPARE(decoded.commands.size(), 1);
        const EscPosCommand pulse = decoded.commands.first();
        QCOMPARE(pulse.kind, EscPosCommand::Kind::DrawerPulse);
        QCOMPARE(pulse.pin, 2);
        QCOMPARE(pulse.onMs, 50);
        QCOMPARE(pulse.offMs, 500);
        QVERIFY(decoded.lines.isEmpty()); // no paper moves
    }

    void statusRequests_data()
    {
        QTest::addColumn<EscPosStatusKind>("kind");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("printer") << EscPosStatusKind::Printer << bytes({0x10, 0x04, 1});
        QTest::newRow("offline cause") << EscPosStatusKind::OfflineCause << bytes({0x10, 0x04, 2});
        QTest::newRow("error cause") << EscPosStatusKind::ErrorCause << bytes({0x10, 0x04, 3});
        QTest::newRow("paper sensor") << EscPosStatusKind::PaperSensor << bytes({0x10, 0x04, 4});
    }
    void statusRequests()
    {
        QFETCH(EscPosStatusKind, kind);
        QFETCH(QByteArray, expected);
        QCOMPARE(statusRequest(kind), expected);
        const EscPosDecoded decoded = decodeEscPos(statusRequest(kind));
        QCOMPARE(decoded.commands.size(), 1);
        QCOMPARE(decoded.commands.first().kind, EscPosCommand::Kind::StatusRequest);
        QCOMPARE(decoded.commands.first().statusKind, int(kind));
    }

    void readsStatusAnswers_data()
    {
        QTest::addColumn<EscPosStatusKind>("kind");
        QTest::addColumn<int>("answer");
        QTest::addColumn<bool>("understood");
        QTest::addColumn<EscPosPrinterStatus>("expected");
        const auto printer = EscPosStatusKind::Printer;
        const auto offlineCause = EscPosStatusKind::OfflineCause;
        const auto errorCause = EscPosStatusKind::ErrorCause;
        const auto paper = EscPosStatusKind::PaperSensor;
        const EscPosPrinterStatus ready;
        QTest::newRow("online") << printer << 0x12 << true
                                << status(true, false, false, false, false, false);
        QTest::newRow("offline") << printer << 0x1A << true
                                 << status(false, false, false, false, false, false);
        QTest::newRow("drawer pin 3 high")
            << printer << 0x16 << true << status(true, false, false, false, true, false);
        QTest::newRow("feed button held")
            << printer << 0x52 << true << status(true, false, false, false, false, false);
        QTest::newRow("no offline cause") << offlineCause << 0x12 << true << ready;
        QTest::newRow("cover open") << offlineCause << 0x16 << true
                                    << status(true, true, false, false, std::nullopt, false);
        QTest::newRow("stopped by paper end")
            << offlineCause << 0x32 << true
            << status(true, false, true, false, std::nullopt, false);
        QTest::newRow("error") << offlineCause << 0x52 << true
                               << status(true, false, false, false, std::nullopt, true);
        QTest::newRow("cutter error")
            << errorCause << 0x1A << true << status(true, false, false, false, std::nullopt, true);
        QTest::newRow("unrecoverable")
            << errorCause << 0x32 << true << status(true, false, false, false, std::nullopt, true);
        QTest::newRow("paper present") << paper << 0x12 << true << ready;
        QTest::newRow("near end, one sensor")
            << paper << 0x16 << true << status(true, false, false, true, std::nullopt, false);
        QTest::newRow("near end") << paper << 0x1E << true
                                  << status(true, false, false, true, std::nullopt, false);
        QTest::newRow("paper out")
            << paper << 0x72 << true << status(true, false, true, false, std::nullopt, false);
        QTest::newRow("paper out, near end too")
            << paper << 0x7E << true << status(true, false, true, true, std::nullopt, false);
        QTest::newRow("paper out, one sensor")
            << paper << 0x32 << true << status(true, false, true, false, std::nullopt, false);
        QTest::newRow("zero is no answer") << printer << 0x00 << false << ready;
        QTest::newRow("bit 7 set") << paper << 0xF2 << false << ready;
        QTest::newRow("bit 4 clear") << offlineCause << 0x02 << false << ready;
        QTest::newRow("bit 0 set") << printer << 0x13 << false << ready;
    }
    void readsStatusAnswers()
    {
        QFETCH(EscPosStatusKind, kind);
        QFETCH(int, answer);
        QFETCH(bool, understood);
        QFETCH(EscPosPrinterStatus, expected);
        EscPosPrinterStatus status;
        QCOMPARE(readStatusAnswer(kind, char(answer), status), understood);
        QCOMPARE(status, expected);
    }

    void answersAddUp()
    {
        // Offline, then why: paper; the paper sensor agrees.
        EscPosPrinterStatus status;
        QVERIFY(readStatusAnswer(EscPosStatusKind::Printer, 0x1A, status));
        QVERIFY(readStatusAnswer(EscPosStatusKind::OfflineCause, 0x32, status));
        QVERIFY(readStatusAnswer(EscPosStatusKind::PaperSensor, 0x12, status));
        QVERIFY(!status.online);
        QVERIFY(status.paperOut); // one sensor said so; the other does not take it back
        QVERIFY(!status.coverOpen);
    }

    void testPage_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::newRow("58 mm") << PaperWidth::Mm58;
        QTest::newRow("80 mm") << PaperWidth::Mm80;
    }
    void testPage()
    {
        QFETCH(PaperWidth, paper);
        const int width = int(paper);
        const QString title = u"打印测试 Test page\n收银 Shouyin"_s;
        const QByteArray page = escPosTestPage(title, paper);
        const EscPosDecoded decoded = decodeEscPos(page);
        QVERIFY2(decoded.unknown.isEmpty(), qPrintable(decoded.unknown.join(u'\n')));

        QVERIFY(decoded.lines.size() >= 5);
        QCOMPARE(decoded.lines[0].text, u"打印测试 Test page"_s);
        QCOMPARE(decoded.lines[1].text, u"收银 Shouyin"_s);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(decoded.lines[i].align, EscPosLine::Align::Centre);
            QVERIFY(decoded.lines[i].bold);
        }
        const QStringList texts = decoded.texts();
        const qsizetype digits = texts.indexOf(QString(u"1234567890"_s.repeated(5)).left(width));
        QVERIFY2(digits > 1, qPrintable(texts.join(u'\n')));
        QCOMPARE(decoded.lines[digits].align, EscPosLine::Align::Left);
        QVERIFY(!decoded.lines[digits].bold);
        const QString hanzi = decoded.lines[digits + 1].text;
        QVERIFY(hanzi.startsWith(u"一二三四五六七八九十一"_s));
        QCOMPARE(columns(hanzi), width);

        QCOMPARE(decoded.commands.first().kind, EscPosCommand::Kind::Initialize);
        QCOMPARE(decoded.commands.last().kind, EscPosCommand::Kind::Cut);
        QVERIFY(decoded.commands.last().partialCut);
        QCOMPARE(decoded.commands.last().atLine, decoded.lines.size()); // after every line
    }
};

QTEST_GUILESS_MAIN(TestEscPosCommands)
#include "tst_escposcommands.moc"
