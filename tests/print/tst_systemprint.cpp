#include "print/printjob.h"
#include "print/systemprinter.h"
#include "qrdecode.h"
#include "tst_samplereceipt.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace shouyin;
using shouyin::test::kSampleOrderNo;
using shouyin::test::sampleReceipt;

namespace {

// Generous: a job through the spooler runs pdftops and Ghostscript on a shared machine.
constexpr int kAnswerTimeoutMs = 60000;
const QString kQueue = u"ShouyinPDF"_s;

// One job's answer, kept for the test to wait for.
class Answer
{
public:
    SystemPrinter::Callback callback()
    {
        return [state = m_state](Result<QString> result) {
            ++state->calls;
            state->result.emplace(std::move(result));
        };
    }
    bool arrived() const { return m_state->result.has_value(); }
    int calls() const { return m_state->calls; }
    const Result<QString> &result() const { return *m_state->result; }
    QString describe() const
    {
        if (!arrived())
            return u"no answer"_s;
        return result().ok() ? result().value() : result().error().message;
    }

private:
    struct State
    {
        std::optional<Result<QString>> result;
        int calls = 0;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

// The program's output, or none when it fails.
std::optional<QString> run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfText(const QString &path)
{
    return run(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s}).value_or(QString());
}

// The text without its white space: pdftotext spaces out glyphs by their positions,
// and a receipt's Chinese characters stand apart in their double cells.
QString pdfLetters(const QString &path)
{
    QString text = pdfText(path);
    text.remove(QRegularExpression(u"\\s+"_s));
    return text;
}

// The first page's size in points, as pdfinfo reads it.
QSizeF pdfPageSize(const QString &path)
{
    static const QRegularExpression pageSize(u"Page size:\\s+([0-9.]+) x ([0-9.]+) pts"_s);
    const QRegularExpressionMatch match =
        pageSize.match(run(u"pdfinfo"_s, {path}).value_or(QString()));
    return match.hasMatch() ? QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble())
                            : QSizeF();
}

int fileMode(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

QString cupsState()
{
    return qEnvironmentVariable("SHOUYIN_CUPS_STATE");
}

} // namespace

class TestSystemPrint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The spooler scripts/cups-test-server started (the ctest fixture "cups"); set
        // before anything asks CUPS, which reads CUPS_SERVER once.
        QFile server(QDir(cupsState()).filePath(u"server"_s));
        QVERIFY2(server.open(QIODevice::ReadOnly),
                 "no CUPS test server: run scripts/cups-test-server start DIR and set "
                 "SHOUYIN_CUPS_STATE=DIR (ctest does both)");
        m_server = QString::fromUtf8(server.readAll()).trimmed();
        QVERIFY(!m_server.isEmpty());
        qputenv("CUPS_SERVER", m_server.toUtf8());
        QVERIFY2(!QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty(),
                 "pdftotext not found (Debian package: poppler-utils)");
    }

    void receiptToPdf()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        SystemPrinter printer({SystemPrintTarget::Kind::Pdf, {}, directory.path()});
        Answer answer;
        printer.printReceipt(sampleReceipt(), PaperWidth::Mm58, kSampleOrderNo, this,
                             answer.callback());
        QVERIFY(!answer.arrived()); // never inside the call: the window does not wait
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived(), kAnswerTimeoutMs);
        QVERIFY2(answer.result().ok(), qPrintable(answer.describe()));
        const QString path = directory.filePath(kSampleOrderNo + u".pdf"_s);
        QCOMPARE(answer.result().value(), path);
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{kSampleOrderNo + u".pdf"_s});
        QCOMPARE(fileMode(path), 0600);

        const QString text = pdfLetters(path);
        QVERIFY2(text.contains(kSampleOrderNo), qPrintable(text));
        QVERIFY2(text.contains(u"农夫山泉天然水"_s), qPrintable(text));
        QVERIFY2(text.contains(u"微信支付44.40"_s), qPrintable(text));
        // As wide as the roll (58 mm = 164.41 pt) and longer than it is wide.
        const QSizeF page = pdfPageSize(path);
        QVERIFY2(std::abs(page.width() - 58 / 25.4 * 72) < 0.5,
                 qPrintable(u"%1"_s.arg(page.width())));
        QVERIFY(page.height() > 2 * page.width());

        // A reprint replaces the file whole, as private as before.
        Answer again;
        printer.printReceipt(sampleReceipt(false), PaperWidth::Mm80, kSampleOrderNo, this,
                             again.callback());
        QTRY_VERIFY_WITH_TIMEOUT(again.arrived(), kAnswerTimeoutMs);
        QVERIFY2(again.result().ok(), qPrintable(again.describe()));
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        QCOMPARE(fileMode(path), 0600);
        QVERIFY(std::abs(pdfPageSize(path).width() - 80 / 25.4 * 72) < 0.5);
    }

    void fileNameIsSafe()
    {
        QCOMPARE(PrintJob::safeFileStem(u"T01-20261123-0042"_s), u"T01-20261123-0042"_s);
        QCOMPARE(PrintJob::safeFileStem(u"../etc/passwd"_s), u"_.._etc_passwd"_s);
        QCOMPARE(PrintJob::safeFileStem(u".hidden"_s), u"_.hidden"_s);
        QCOMPARE(PrintJob::safeFileStem(u"小票 1/2"_s), u"小票_1_2"_s);
        QCOMPARE(PrintJob::safeFileStem(QString()), u"print"_s);
    }

    void testPageToPdf()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        SystemPrinter printer(
            {SystemPrintTarget::Kind::Pdf, {}, directory.filePath(u"new/folder"_s)});
        Answer answer;
        printer.printTestPage({u"Shouyin test page"_s, u"打印测试 第二行"_s}, this,
                              answer.callback());
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived(), kAnswerTimeoutMs);
        QVERIFY2(answer.result().ok(), qPrintable(answer.describe()));
        QCOMPARE(answer.result().value(), directory.filePath(u"new/folder/test-page.pdf"_s));
        const QString text = pdfLetters(answer.result().value());
        QVERIFY2(text.contains(u"Shouyintestpage打印测试第二行"_s), qPrintable(text));
        const QSizeF a4 = pdfPageSize(answer.result().value());
        QVERIFY(std::abs(a4.width() - 595.28) < 0.5 && std::abs(a4.height() - 841.89) < 0.5);
    }

    void unwritableFolderIsAnError_data()
    {
        QTest::addColumn<QString>("folder"); // under the test's directory
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("a file where the folder should be") << u"file"_s << false;
        QTest::newRow("a folder below a file") << u"file/folder"_s << false;
        // Root writes into any folder, whatever its mode.
        if (::geteuid() != 0)
            QTest::newRow("a read-only folder") << u"readonly"_s << true;
    }

    void unwritableFolderIsAnError()
    {
        QFETCH(QString, folder);
        QFETCH(bool, readOnly);
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        QFile file(directory.filePath(u"file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        if (readOnly) {
            QVERIFY(QDir(directory.path()).mkdir(folder));
            QVERIFY(QFile::setPermissions(directory.filePath(folder),
                                          QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        const QString path = directory.filePath(folder);
        SystemPrinter printer({SystemPrintTarget::Kind::Pdf, {}, path});
        Answer answer;
        printer.printReceipt(sampleReceipt(), PaperWidth::Mm58, kSampleOrderNo, this,
                             answer.callback());
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived(), kAnswerTimeoutMs);
        QVERIFY2(!answer.result().ok(), qPrintable(answer.describe()));
        QCOMPARE(answer.result().error().code, ErrorCode::Write);
        QVERIFY2(answer.result().error().message.contains(path), qPrintable(answer.describe()));
        // Nothing left behind: neither a PDF nor a temporary file.
        QDir::Filters everything = QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot;
        QStringList expected{u"file"_s};
        if (readOnly) {
            expected.append(folder);
            QVERIFY(QDir(path).entryList(everything).isEmpty());
            QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner));
        }
        QCOMPARE(QDir(directory.path()).entryList(everything, QDir::Name), expected);
    }

    void noAnswerWhenTheContextIsGone()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        SystemPrinter printer({SystemPrintTarget::Kind::Pdf, {}, directory.path()});
        Answer orphan;
        auto context = std::make_unique<QObject>();
        printer.printReceipt(sampleReceipt(), PaperWidth::Mm58, u"first"_s, context.get(),
                             orphan.callback());
        context.reset();
        // Jobs run one after another: once the second has answered, the first had its turn.
        Answer second;
        printer.printReceipt(sampleReceipt(), PaperWidth::Mm58, u"second"_s, this,
                             second.callback());
        QTRY_VERIFY_WITH_TIMEOUT(second.arrived(), kAnswerTimeoutMs);
        QCOMPARE(orphan.calls(), 0);
        QVERIFY(QFile::exists(directory.filePath(u"first.pdf"_s)));
        QCOMPARE(second.calls(), 1);
    }

    void receiptThroughTheSpooler()
    {
        QVERIFY2(SystemPrinter::availablePrinters().contains(kQueue),
                 qPrintable(SystemPrinter::availablePrinters().join(u", "_s)));
        // A number of this run's own: the queue's folder may hold earlier runs' receipts.
        Receipt receipt = sampleReceipt();
        receipt.orderNo = u"T09-20261123-%1"_s.arg(QCoreApplication::applicationPid());
        receipt.codeData = receipt.orderNo;
        SystemPrinter printer({SystemPrintTarget::Kind::Printer, kQueue, {}});
        Answer answer;
        printer.printReceipt(receipt, PaperWidth::Mm58, u"receipt-"_s + receipt.orderNo, this,
                             answer.callback());
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived(), kAnswerTimeoutMs);
        QVERIFY2(answer.result().ok(), qPrintable(answer.describe()));
        QCOMPARE(answer.result().value(), kQueue);
        // cups-pdf names the file after the job; wait for a whole one with the number.
        QTRY_VERIFY_WITH_TIMEOUT(!spooledPdfWith(receipt.orderNo).isEmpty(), kAnswerTimeoutMs);
        // What came out of the spooler is the receipt: its code still reads.
        const QString png = QDir(m_scratch.path()).filePath(u"spooled.png"_s);
        QVERIFY(run(u"pdftoppm"_s, {u"-q"_s, u"-r"_s, u"200"_s, u"-png"_s, u"-singlefile"_s,
                                    spooledPdfWith(receipt.orderNo), png.chopped(4)}));
        QCOMPARE(shouyin::test::decodeQr(QImage(png)), QStringList{receipt.orderNo});
    }

    void testPageThroughTheSpooler()
    {
        SystemPrinter printer({SystemPrintTarget::Kind::Printer, kQueue, {}});
        const QString marker = u"Shouyin-test-page-%1"_s.arg(QCoreApplication::applicationPid());
        Answer answer;
        printer.printTestPage({marker, u"打印测试"_s}, this, answer.callback());
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived(), kAnswerTimeoutMs);
        QVERIFY2(answer.result().ok(), qPrintable(answer.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(!spooledPdfWith(marker).isEmpty(), kAnswerTimeoutMs);
    }

    void refusedJobIsAnError()
    {
        // The spooler knows the queue, but it takes no jobs: Qt does not say so, libcups does.
        const QString refusing = u"ShouyinRefusing"_s;
        QVERIFY(SystemPrinter::availablePrinters().contains(refusing));
        SystemPrinter printer({SystemPrintTarget::Kind::Printer, refusing, {}});
        Answer answer;
        printer.printReceipt(sampleReceipt(), PaperWidth::Mm58, kSampleOrderNo, this,
                             answer.callback());
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived(), kAnswerTimeoutMs);
        QVERIFY2(!answer.result().ok(), qPrintable(answer.describe()));
        QCOMPARE(answer.result().error().code, ErrorCode::PrinterOffline);
        QVERIFY2(answer.result().error().message.contains(refusing), qPrintable(answer.describe()));
    }

    void unknownPrinterIsAnError()
    {
        SystemPrinter printer({SystemPrintTarget::Kind::Printer, u"NoSuchPrinter"_s, {}});
        Answer answer;
        printer.printReceipt(sampleReceipt(), PaperWidth::Mm58, kSampleOrderNo, this,
                             answer.callback());
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived(), kAnswerTimeoutMs);
        QVERIFY2(!answer.result().ok(), qPrintable(answer.describe()));
        QCOMPARE(answer.result().error().code, ErrorCode::PrinterOffline);
        QVERIFY2(answer.result().error().message.contains(u"NoSuchPrinter"_s),
                 qPrintable(answer.describe()));
    }

private:
    // A PDF the queue wrote that holds `text`, or none. Only whole files are read
    // (Ghostscript writes them in place); one found without the text is not read again.
    QString spooledPdfWith(const QString &text)
    {
        const QDir output(QDir(cupsState()).filePath(u"pdf"_s));
        for (const QString &name : output.entryList({u"*.pdf"_s}, QDir::Files)) {
            if (m_pdfsWithout.contains(name))
                continue;
            QFile file(output.filePath(name));
            if (!file.open(QIODevice::ReadOnly) || file.size() < 16 ||
                !file.seek(file.size() - 16) || !file.read(16).contains("%%EOF"))
                continue;
            if (pdfLetters(file.fileName()).contains(text))
                return file.fileName();
            m_pdfsWithout.insert(name);
        }
        return QString();
    }

    QString m_server;
    QTemporaryDir m_scratch;
    QSet<QString> m_pdfsWithout;
};

QTEST_MAIN(TestSystemPrint)
#include "tst_systemprint.moc"
