#include "escposprintertest.h"
#include "print/escposcommands.h"
#include "receipt/escposreceipt.h"

#include <QTest>

using namespace shouyin;
using namespace shouyin::testing;

Q_DECLARE_METATYPE(shouyin::PaperWidth)

class TestEscPosPrinter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_virtual = std::make_unique<VirtualEscPosPrinter>();
        QVERIFY(m_virtual->listen());
    }
    void cleanup() { m_virtual.reset(); }

    void printsAReceiptOverTheNetwork_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::newRow("58 mm") << PaperWidth::Mm58;
        QTest::newRow("80 mm") << PaperWidth::Mm80;
    }
    void printsAReceiptOverTheNetwork()
    {
        QFETCH(PaperWidth, paper);
        EscPosPrinter printer(targetOf(m_virtual->tcpSpelling()), patientTimeouts());
        const Receipt receipt = sampleReceipt();
        Outcome outcome;
        printer.print(renderEscPos(receipt, paper), &outcome, outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY2(outcome.status->ok(), qPrintable(messageOf(*outcome.status)));
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 1, kLongWait);

        const EscPosDecoded job = m_virtual->decodedJob(0);
        QVERIFY2(job.unknown.isEmpty(), qPrintable(job.unknown.join(u'\n')));
        // Asked first: the printer, why offline, the paper; then the receipt.
        const QList<EscPosCommand> asked = job.commandsOf(EscPosCommand::Kind::StatusRequest);
        QCOMPARE(asked.size(), 3);
        QCOMPARE(asked[0].statusKind, 1);
        QCOMPARE(asked[1].statusKind, 2);
        QCOMPARE(asked[2].statusKind, 4);
        QCOMPARE(job.commands[3].kind, EscPosCommand::Kind::Initialize);
        QCOMPARE(m_virtual->statusAnswersSent(), 3);

        const QList<ReceiptTextLine> layout = layoutReceipt(receipt, paper);
        for (qsizetype i = 0; i < layout.size(); ++i)
            QCOMPARE(job.lines[i].text, layout[i].text);
        QVERIFY(job.texts().join(u'\n').contains(u"农夫山泉"_s));
        QCOMPARE(job.commandsOf(EscPosCommand::Kind::QrCode).value(0).data, kOrderNo);
        QCOMPARE(job.commands.last().kind, EscPosCommand::Kind::Cut);
        QVERIFY(job.commands.last().partialCut);
    }

    void opensTheDrawer()
    {
        // A drawer opens whatever the paper: it is not asked about.
        m_virtual->setState(VirtualEscPosPrinter::State::PaperOut);
        EscPosPrinter printer(targetOf(m_virtual->tcpSpelling()), patientTimeouts());
        Outcome outcome;
        printer.openDrawer(&outcome, outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY2(outcome.status->ok(), qPrintable(messageOf(*outcome.status)));
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 1, kLongWait);
        const EscPosDecoded job = m_virtual->decodedJob(0);
        QVERIFY(job.unknown.isEmpty());
        QCOMPARE(job.commands.size(), 1);
        QCOMPARE(job.commands[0].kind, EscPosCommand::Kind::DrawerPulse);
        QCOMPARE(job.commands[0].pin, 2);
        QCOMPARE(job.commands[0].onMs, 50);
        QCOMPARE(job.commands[0].offMs, 500);
    }

    void jobsPrintInTheOrderGiven()
    {
        EscPosPrinter printer(targetOf(m_virtual->tcpSpelling()), patientTimeouts());
        QStringList heard;
        const auto record = [&heard](const QString &name) {
            return [&heard, name](Status status) {
                heard.append(status ? name : name + u" failed"_s);
            };
        };
        printer.print(escPosTestPage(u"第一 first"_s, PaperWidth::Mm58), this, record(u"first"_s));
        printer.openDrawer(this, record(u"drawer"_s));
        printer.print(escPosTestPage(u"第二 second"_s, PaperWidth::Mm58), this,
                      record(u"second"_s));
        QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 3, kLongWait);
        QCOMPARE(heard, (QStringList{u"first"_s, u"drawer"_s, u"second"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 3, kLongWait);
        QCOMPARE(m_virtual->decodedJob(0).texts().value(0), u"第一 first"_s);
        QCOMPARE(m_virtual->decodedJob(1).commands.value(0).kind, EscPosCommand::Kind::DrawerPulse);
        QCOMPARE(m_virtual->decodedJob(2).texts().value(0), u"第二 second"_s);
    }

    void refusedJobs_data()
    {
        QTest::addColumn<VirtualEscPosPrinter::State>("state");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("saying");
        QTest::newRow("paper out") << VirtualEscPosPrinter::State::PaperOut
                                   << ErrorCode::PrinterPaperOut << u"out of paper"_s;
        QTest::newRow("cover open")
            << VirtualEscPosPrinter::State::CoverOpen << ErrorCode::PrinterFailed << u"cover"_s;
        QTest::newRow("cutter error") << VirtualEscPosPrinter::State::Fault
                                      << ErrorCode::PrinterFailed << u"reports an error"_s;
    }
    void refusedJobs()
    {
        QFETCH(VirtualEscPosPrinter::State, state);
        QFETCH(ErrorCode, code);
        QFETCH(QString, saying);
        m_virtual->setState(state);
        EscPosPrinter printer(targetOf(m_virtual->tcpSpelling()), patientTimeouts());
        Outcome outcome;
        printer.print(renderEscPos(sampleReceipt(), PaperWidth::Mm58), &outcome,
                      outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY(!outcome.status->ok());
        QCOMPARE(outcome.status->error().code, code);
        const QString message = outcome.status->error().message;
        QVERIFY2(message.contains(saying), qPrintable(message));
        QVERIFY2(message.contains(u"127.0.0.1:%1"_s.arg(m_virtual->port())), qPrintable(message));
        // Nothing but the questions reached the printer.
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 1, kLongWait);
        const EscPosDecoded job = m_virtual->decodedJob(0);
        QVERIFY(!hasPrinted(job));
        QCOMPARE(job.commands.size(), job.commandsOf(EscPosCommand::Kind::StatusRequest).size());
    }

    void paperNearItsEndStillPrints()
    {
        m_virtual->setState(VirtualEscPosPrinter::State::PaperNearEnd);
        EscPosPrinter printer(targetOf(m_virtual->tcpSpelling()), patientTimeouts());
        Outcome outcome;
        printer.print(renderEscPos(sampleReceipt(), PaperWidth::Mm80), &outcome,
                      outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY2(outcome.status->ok(), qPrintable(messageOf(*outcome.status)));
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 1, kLongWait);
        QVERIFY(hasPrinted(m_virtual->decodedJob(0)));
    }

    void aSilentPrinterStillPrints()
    {
        m_virtual->setState(VirtualEscPosPrinter::State::Silent);
        EscPosTimeouts timeouts = patientTimeouts();
        timeouts.statusAnswer = 200ms; // it never answers: this is how long the job waits
        EscPosPrinter printer(targetOf(m_virtual->tcpSpelling()), timeouts);
        Outcome outcome;
        printer.print(renderEscPos(sampleReceipt(), PaperWidth::Mm58), &outcome,
                      outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY2(outcome.status->ok(), qPrintable(messageOf(*outcome.status)));
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 1, kLongWait);
        const EscPosDecoded job = m_virtual->decodedJob(0);
        QVERIFY(job.unknown.isEmpty());
        // One question, no answer, then the receipt.
        QCOMPARE(job.commandsOf(EscPosCommand::Kind::StatusRequest).size(), 1);
        QCOMPARE(m_virtual->statusAnswersSent(), 0);
        QVERIFY(job.texts().join(u'\n').contains(u"农夫山泉"_s));
        QCOMPARE(job.commands.last().kind, EscPosCommand::Kind::Cut);
    }

    void aPrinterSwitchedOffIsOffline()
    {
        const EscPosTarget target = targetOf(m_virtual->tcpSpelling());
        m_virtual->refuseConnections();
        EscPosPrinter printer(target, patientTimeouts());
        Outcome outcome;
        printer.print(renderEscPos(sampleReceipt(), PaperWidth::Mm58), &outcome,
                      outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY(!outcome.status->ok());
        QCOMPARE(outcome.status->error().code, ErrorCode::PrinterOffline);
        QCOMPARE(outcome.status->error().message,
                 u"The receipt printer at 127.0.0.1:%1 does not answer: is it switched on and "
                 u"connected?"_s.arg(m_virtual->port()));

        // Switched on again, the same printer object prints.
        QVERIFY(m_virtual->listen());
        Outcome again;
        printer.print(renderEscPos(sampleReceipt(), PaperWidth::Mm58), &again, again.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(again.status.has_value(), kLongWait);
        QVERIFY2(again.status->ok(), qPrintable(messageOf(*again.status)));
    }

    void destroyingThePrinterDropsItsJobs()
    {
        // A printer that never answers, and a till that would wait long for it: the job
        // in flight and those queued are abandoned, and nobody hears of them.
        m_virtual->setState(VirtualEscPosPrinter::State::Silent);
        EscPosTimeouts timeouts = patientTimeouts();
        timeouts.statusAnswer = 600s;
        int called = 0;
        {
            EscPosPrinter printer(targetOf(m_virtual->tcpSpelling()), timeouts);
            for (int i = 0; i < 3; ++i)
                printer.print(escPosTestPage(u"x"_s, PaperWidth::Mm58), this,
                              [&called](Status) { ++called; });
            printer.openDrawer(this, [&called](Status) { ++called; });
            // The first job is under way: the printer was asked how it is.
            QTRY_VERIFY_WITH_TIMEOUT(m_virtual->jobs().isEmpty() && connectionSeen(), kLongWait);
        }
        // Its connection closed with the printer: the question was all it sent.
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 1, kLongWait);
        QVERIFY(!hasPrinted(m_virtual->decodedJob(0)));

        // Another printer's whole job, start to end: any late call would have come by now.
        m_virtual->setState(VirtualEscPosPrinter::State::Ready);
        EscPosPrinter other(targetOf(m_virtual->tcpSpelling()), patientTimeouts());
        Outcome outcome;
        other.print(escPosTestPage(u"y"_s, PaperWidth::Mm58), &outcome, outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QCoreApplication::processEvents();
        QCOMPARE(called, 0);
    }

    void aCallerGoneIsNotCalled()
    {
        EscPosPrinter printer(targetOf(m_virtual->tcpSpelling()), patientTimeouts());
        int called = 0;
        auto gone = std::make_unique<QObject>();
        printer.print(escPosTestPage(u"x"_s, PaperWidth::Mm58), gone.get(),
                      [&called](Status) { ++called; });
        gone.reset(); // a dialog closed before the printer answered
        Outcome outcome;
        printer.print(escPosTestPage(u"y"_s, PaperWidth::Mm58), &outcome, outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY(outcome.status->ok());
        QCOMPARE(called, 0);
        // Both jobs were printed all the same.
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 2, kLongWait);
    }

private:
    // Whether the virtual printer has been asked a question on a connection still open.
    bool connectionSeen() const { return m_virtual->pendingBytes() > 0; }

    std::unique_ptr<VirtualEscPosPrinter> m_virtual;
};

QTEST_GUILESS_MAIN(TestEscPosPrinter)
#include "tst_escposprinter.moc"
