#include "printjob.h"

#include <QDir>
#include <QLibrary>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr qreal kMmPerInch = 25.4;

// IPP status codes (RFC 8011 §4.1.6): below 0x0400 the request succeeded.
constexpr int kIppFirstError = 0x0400;
constexpr int kIppNotFound = 0x0406;
constexpr int kIppGone = 0x0407;
constexpr int kIppServiceUnavailable = 0x0502;
constexpr int kIppNotAcceptingJobs = 0x0506;

// Qt's CUPS engine hands the finished job to cupsPrintFile() in QPainter::end() and
// drops its answer. libcups keeps the status of each thread's last request, so right
// after end() on this thread it is the spooler's answer to the job. libcups is asked
// through QLibrary: Qt's print plugin has it loaded already, and this way the build
// needs no CUPS headers.
std::optional<Error> spoolerRefusal(const QString &printerName)
{
    using LastError = int (*)();
    using LastErrorString = const char *(*)();
    QLibrary cups(u"cups"_s, 2);
    const auto lastError = reinterpret_cast<LastError>(cups.resolve("cupsLastError"));
    const auto lastErrorString =
        reinterpret_cast<LastErrorString>(cups.resolve("cupsLastErrorString"));
    if (!lastError)
        return std::nullopt; // not CUPS: QPainter::end() is all there is to go by
    const int status = lastError();
    if (status < kIppFirstError)
        return std::nullopt;
    const QString detail = lastErrorString && lastErrorString()
                               ? QString::fromUtf8(lastErrorString())
                               : u"IPP status 0x%1"_s.arg(status, 4, 16, QChar(u'0'));
    const bool unreachable = status == kIppNotFound || status == kIppGone ||
                             status == kIppServiceUnavailable || status == kIppNotAcceptingJobs;
    return Error(unreachable ? ErrorCode::PrinterOffline : ErrorCode::PrinterFailed,
                 PrintJob::tr("The printer %1 did not take the job: %2").arg(printerName, detail));
}

} // namespace

Result<QString> PrintJob::toPrinter(const QString &printerName, const QString &title,
                                    const PrintPage &page)
{
    const QPrinterInfo info = printerName.isEmpty() ? QPrinterInfo::defaultPrinter()
                                                    : QPrinterInfo::printerInfo(printerName);
    if (info.isNull()) {
        if (printerName.isEmpty())
            return Error(ErrorCode::PrinterOffline,
                         tr("There is no default printer. Choose a printer in the settings."));
        return Error(ErrorCode::PrinterOffline,
                     tr("There is no printer named %1, or the print system cannot be reached.")
                         .arg(printerName));
    }
    const QString name = info.printerName();
    QPrinter printer(info, QPrinter::HighResolution);
    // QPrinter stays with the printer it had when it cannot open the one asked for: a
    // receipt must never come out of another printer.
    if (!printer.isValid() || printer.printerName() != name)
        return Error(ErrorCode::PrinterOffline, tr("The printer %1 cannot be opened.").arg(name));
    printer.setDocName(title);
    printer.setCreator(u"Shouyin"_s);
    printer.setFullPage(true);
    if (page.size) {
        // A printer that knows no such paper keeps its own: the sheet below is what it has.
        printer.setPageSize(*page.size);
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    }

    QPainter painter;
    if (!painter.begin(&printer))
        return Error(ErrorCode::PrinterFailed,
                     tr("The printer %1 cannot start a print job.").arg(name));
    const QRectF sheet(QPointF(0, 0), printer.paperRect(QPrinter::DevicePixel).size());
    page.paint(painter, sheet, printer.resolution() / kMmPerInch);
    const bool ended = painter.end();
    if (auto refusal = spoolerRefusal(name))
        return *refusal;
    if (!ended || printer.printerState() == QPrinter::Error ||
        printer.printerState() == QPrinter::Aborted)
        return Error(ErrorCode::PrinterFailed,
                     tr("The job could not be sent to the printer %1.").arg(name));
    return name;
}

Result<QString> PrintJob::toPdf(const QString &directory, const QString &fileStem,
                                const PrintPage &page)
{
    if (directory.isEmpty())
        return Error(ErrorCode::Write, tr("No folder is set for the PDF files."));
    if (!QDir().mkpath(directory))
        return Error(ErrorCode::Write,
                     tr("Cannot make the folder %1 for the PDF files.").arg(directory));
    const QString path = QDir(directory).absoluteFilePath(safeFileStem(fileStem) + u".pdf"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Write, tr("Cannot write %1: %2").arg(path, file.errorString()));
    // A receipt names what a customer bought: the file is its owner's alone, from its
    // first byte on (the temporary file is made with the umask's permissions).
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error(ErrorCode::Write,
                     tr("Cannot make %1 private: %2").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setTitle(fileStem);
        writer.setCreator(u"Shouyin"_s);
        writer.setPageSize(page.size.value_or(QPageSize(QPageSize::A4)));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        QPainter painter;
        if (!painter.begin(&writer))
            return Error(ErrorCode::Write, tr("Cannot write %1.").arg(path));
        const QRectF sheet(QPointF(0, 0),
                           writer.pageLayout().fullRectPixels(writer.resolution()).size());
        page.paint(painter, sheet, writer.resolution() / kMmPerInch);
        if (!painter.end())
            return Error(ErrorCode::Write, tr("Cannot write %1.").arg(path));
    }
    // Renames the temporary file over `path`, or removes it when any write failed
    // (a full disk): never half a PDF.
    if (!file.commit())
        return Error(ErrorCode::Write, tr("Cannot write %1: %2").arg(path, file.errorString()));
    return path;
}

QString PrintJob::safeFileStem(const QString &stem)
{
    QString result;
    result.reserve(stem.size());
    for (const QChar ch : stem)
        result += (ch.isLetterOrNumber() || ch == u'-' || ch == u'.') ? ch : u'_';
    if (result.startsWith(u'.'))
        result.prepend(u'_');
    return result.isEmpty() ? u"print"_s : result;
}

} // namespace shouyin
