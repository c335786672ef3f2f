#pragma once

#include "receipt/receipt.h"
#include "util/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace shouyin {

class WorkerThread;

// Where SystemPrinter sends its pages.
struct SystemPrintTarget
{
    enum class Kind { Printer, Pdf };
    Kind kind = Kind::Printer;
    QString printerName;  // Printer: a queue of the system's (CUPS); empty: its default
    QString pdfDirectory; // Pdf: where the files go; made when missing
};

// Receipts and test pages on an office printer through Qt's print system (CUPS), or as
// PDF files. Painting and spooling run on a thread of its own, one job after another,
// so that the window never waits for a printer; each job answers once, on `context`'s
// thread, unless `context` is gone by then. Jobs still waiting when the SystemPrinter
// is destroyed are dropped without an answer.
class SystemPrinter : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(Result<QString>)>;

    explicit SystemPrinter(SystemPrintTarget target, QObject *parent = nullptr);
    ~SystemPrinter() override;

    const SystemPrintTarget &target() const { return m_target; }

    // The receipt on a page as wide as the roll and as long as the receipt. `fileStem`
    // names the PDF (the order number, say) and the print job. Answers with the PDF's
    // path, or the printer's name.
    void printReceipt(const Receipt &receipt, PaperWidth width, const QString &fileStem,
                      QObject *context, Callback done);
    // `lines` as plain text on the printer's own paper (A4 for a PDF, "test-page.pdf"),
    // to check that a printer is set up.
    void printTestPage(const QStringList &lines, QObject *context, Callback done);

    // Plain `lines` (a shift report, a Z-report) like a test page; `name` names the job
    // and the PDF file.
    void printDocument(const QString &name, const QStringList &lines, QObject *context,
                       Callback done);

    // The system's printers by name, the default one first.
    static QStringList availablePrinters();

private:
    void submit(std::function<Result<QString>()> job, QObject *context, Callback done);

    const SystemPrintTarget m_target;
    std::unique_ptr<WorkerThread> m_thread;
};

} // namespace shouyin
