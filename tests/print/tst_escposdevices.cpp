#include "escposprintertest.h"
#include "print/escposcommands.h"
#include "receipt/escposreceipt.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace shouyin;
using namespace shouyin::testing;

// EscPosPrinter on the links other than the network: a USB printer's device file (a
// FIFO here), a plain file, a serial port (a pseudo-terminal here), and what goes wrong
// with them.
class TestEscPosDevices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_virtual = std::make_unique<VirtualEscPosPrinter>(); }
    void cleanup() { m_virtual.reset(); }

    void printsToAUsbDeviceFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lp0"_s);
        QVERIFY(m_virtual->listenOnFifo(path));
        EscPosPrinter printer(targetOf(u"file:"_s + path), patientTimeouts());
        Outcome receipt;
        printer.print(renderEscPos(sampleReceipt(), PaperWidth::Mm80), &receipt,
                      receipt.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(receipt.status.has_value(), kLongWait);
        QVERIFY2(receipt.status->ok(), qPrintable(messageOf(*receipt.status)));
        // A FIFO tells one writer from the next only by the hang-up between them.
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 1, kLongWait);
        Outcome drawer;
        printer.openDrawer(&drawer, drawer.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(drawer.status.has_value(), kLongWait);
        QVERIFY2(drawer.status->ok(), qPrintable(messageOf(*drawer.status)));
        QTRY_COMPARE_WITH_TIMEOUT(m_virtual->jobs().size(), 2, kLongWait);

        // A device file carries no answers: the receipt goes without questions.
        const EscPosDecoded job = m_virtual->decodedJob(0);
        QVERIFY2(job.unknown.isEmpty(), qPrintable(job.unknown.join(u'\n')));
        QVERIFY(job.commandsOf(EscPosCommand::Kind::StatusRequest).isEmpty());
        QCOMPARE(job.lines.first().text, u"收银"_s);
        QVERIFY(job.texts().join(u'\n').contains(u"农夫山泉"_s));
        QCOMPARE(job.commandsOf(EscPosCommand::Kind::Barcode).value(0).data, kOrderNo);
        QVERIFY(job.commands.last().partialCut);
        const EscPosDecoded pulse = m_virtual->decodedJob(1);
        QCOMPARE(pulse.commands.size(), 1);
        QCOMPARE(pulse.commands[0].kind, EscPosCommand::Kind::DrawerPulse);
    }

    void aPlainFileCollectsTheJobs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"receipts.bin"_s);
        QVERIFY(m_virtual->watchFile(path));
        EscPosPrinter printer(targetOf(u"file:"_s + path), patientTimeouts());
        for (const QString &title : {u"一"_s, u"二"_s}) {
            Outcome outcome;
            printer.print(escPosTestPage(title, PaperWidth::Mm58), &outcome, outcome.recorder());
            QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
            QVERIFY2(outcome.status->ok(), qPrintable(messageOf(*outcome.status)));
            const int index = m_virtual->takeFileJob();
            QVERIFY(index >= 0);
            QCOMPARE(m_virtual->decodedJob(index).texts().value(0), title);
        }
        QCOMPARE(m_virtual->jobs().size(), 2);
    }

    void printsToASerialPrinter()
    {
        const QString path = m_virtual->openSerialPort();
        if (path.isEmpty())
            QSKIP("no pseudo-terminal to stand in for a serial port");
        const EscPosTarget target = targetOf(u"serial:%1@19200"_s.arg(path));
        EscPosPrinter printer(target, patientTimeouts());
        Outcome outcome;
        printer.print(renderEscPos(sampleReceipt(), PaperWidth::Mm58), &outcome,
                      outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY2(outcome.status->ok(), qPrintable(messageOf(*outcome.status)));
        // The port was closed only once the line had sent everything.
        const int index = m_virtual->takeSerialJob();
        QVERIFY(index >= 0);
        const EscPosDecoded job = m_virtual->decodedJob(index);
        QVERIFY2(job.unknown.isEmpty(), qPrintable(job.unknown.join(u'\n')));
        QCOMPARE(job.commandsOf(EscPosCommand::Kind::StatusRequest).size(), 3);
        QCOMPARE(m_virtual->statusAnswersSent(), 3);
        QCOMPARE(job.lines.first().text, u"收银"_s);
        QVERIFY(job.texts().join(u'\n').contains(u"农夫山泉"_s));
        QVERIFY(job.commands.last().partialCut);

        // Out of paper: said so, and nothing printed.
        m_virtual->setState(VirtualEscPosPrinter::State::PaperOut);
        Outcome refused;
        printer.print(renderEscPos(sampleReceipt(), PaperWidth::Mm58), &refused,
                      refused.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(refused.status.has_value(), kLongWait);
        QVERIFY(!refused.status->ok());
        QCOMPARE(refused.status->error().code, ErrorCode::PrinterPaperOut);
        QVERIFY(refused.status->error().message.contains(path));
        const int questions = m_virtual->takeSerialJob();
        QVERIFY(questions >= 0);
        QVERIFY(!hasPrinted(m_virtual->decodedJob(questions)));

        // The drawer opens all the same, without questions.
        Outcome drawer;
        printer.openDrawer(&drawer, drawer.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(drawer.status.has_value(), kLongWait);
        QVERIFY2(drawer.status->ok(), qPrintable(messageOf(*drawer.status)));
        const EscPosDecoded pulse = m_virtual->decodedJob(m_virtual->takeSerialJob());
        QCOMPARE(pulse.commands.size(), 1);
        QCOMPARE(pulse.commands[0].kind, EscPosCommand::Kind::DrawerPulse);
    }

    void aSerialPortThatIsNotThereIsOffline()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ttyUSB9"_s);
        EscPosPrinter printer(targetOf(u"serial:"_s + path), patientTimeouts());
        Outcome outcome;
        printer.print(escPosTestPage(u"x"_s, PaperWidth::Mm58), &outcome, outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY(!outcome.status->ok());
        QCOMPARE(outcome.status->error().code, ErrorCode::PrinterOffline);
        QVERIFY2(outcome.status->error().message.contains(path),
                 qPrintable(outcome.status->error().message));
    }

    void deviceProblemsAreReported_data()
    {
        QTest::addColumn<QString>("setUp");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("saying");
        QTest::newRow("no such device")
            << u"missing"_s << ErrorCode::PrinterOffline << u"There is no receipt printer at"_s;
        QTest::newRow("FIFO nobody reads")
            << u"unread"_s << ErrorCode::PrinterOffline << u"does not answer"_s;
        QTest::newRow("no permission")
            << u"forbidden"_s << ErrorCode::PrinterOffline << u"may not use"_s;
        QTest::newRow("a directory")
            << u"directory"_s << ErrorCode::PrinterOffline << u"cannot be opened"_s;
    }
    void deviceProblemsAreReported()
    {
        QFETCH(QString, setUp);
        QFETCH(ErrorCode, code);
        QFETCH(QString, saying);
        QTemporaryDir dir;
        QString path = dir.filePath(u"usb/lp0"_s);
        QVERIFY(QDir().mkpath(dir.filePath(u"usb"_s)));
        if (setUp == u"unread"_s)
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        if (setUp == u"directory"_s)
            QVERIFY(QDir().mkpath(path));
        if (setUp == u"forbidden"_s) {
            if (::geteuid() == 0) {
                // Root may write any file, but not a read-only kernel attribute.
                path = u"/sys/kernel/notes"_s;
                if (!QFile::exists(path))
                    QSKIP("running as root, with no file root may not write");
            } else {
                QFile file(path);
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.close();
                QVERIFY(file.setPermissions(QFile::ReadOwner));
            }
        }
        EscPosPrinter printer(targetOf(u"file:"_s + path), patientTimeouts());
        Outcome outcome;
        printer.print(escPosTestPage(u"x"_s, PaperWidth::Mm58), &outcome, outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY(!outcome.status->ok());
        QCOMPARE(outcome.status->error().code, code);
        const QString message = outcome.status->error().message;
        QVERIFY2(message.contains(saying), qPrintable(message));
        QVERIFY2(message.contains(path), qPrintable(message));
    }

    void aDeviceThatStopsTakingDataIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lp0"_s);
        QVERIFY(m_virtual->listenOnFifo(path));
        m_virtual->setFifoStalled(true); // a USB printer out of paper
        EscPosTimeouts timeouts = patientTimeouts();
        timeouts.write = 300ms;
        EscPosPrinter printer(targetOf(u"file:"_s + path), timeouts);
        Outcome outcome;
        // More than a FIFO holds, so that the writer has to wait for the printer.
        printer.print(QByteArray(1024 * 1024, 'x') + '\n', &outcome, outcome.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.status.has_value(), kLongWait);
        QVERIFY(!outcome.status->ok());
        QCOMPARE(outcome.status->error().code, ErrorCode::PrinterFailed);
        QVERIFY2(outcome.status->error().message.contains(u"stopped taking"_s),
                 qPrintable(outcome.status->error().message));

        // Taking data again, it prints the next job.
        m_virtual->setFifoStalled(false);
        Outcome next;
        printer.print(escPosTestPage(u"后来 later"_s, PaperWidth::Mm58), &next, next.recorder());
        QTRY_VERIFY_WITH_TIMEOUT(next.status.has_value(), kLongWait);
        QVERIFY2(next.status->ok(), qPrintable(messageOf(*next.status)));
        QTRY_VERIFY_WITH_TIMEOUT(!m_virtual->jobs().isEmpty() &&
                                     m_virtual->decodedJob(int(m_virtual->jobs().size() - 1))
                                         .texts()
                                         .contains(u"后来 later"_s),
                                 kLongWait);
    }

private:
    std::unique_ptr<VirtualEscPosPrinter> m_virtual;
};

QTEST_GUILESS_MAIN(TestEscPosDevices)
#include "tst_escposdevices.moc"
