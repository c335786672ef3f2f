#pragma once

#include "config/printerconfig.h"
#include "receipt/receipt.h"
#include "refund/refundrecords.h"
#include "report/reportrecords.h"
#include "util/result.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <memory>

namespace shouyin {

class EscPosPrinter;
class OrderStore;
class SystemPrinter;

// The counter's printer: the receipt of every completed sale and of every return (as the
// shop configured: always, ask, never), reprints, the test page, and the cash drawer
// behind an ESC/POS printer. It only ever hears of a sale once it is paid, and hands
// every job to a printer's own thread: a printer that is off, or out of paper, is a
// message, never a wait and never a change to the sale.
class ReceiptDesk : public QObject
{
    Q_OBJECT
public:
    // Checks the printer's address (a typo is a Config error at start) and makes the
    // printer. `orders` is read on this object's thread; without it (the Settings page
    // trying a printer) only test pages print.
    static Result<std::unique_ptr<ReceiptDesk>> create(const PrinterConfig &config,
                                                       OrderStore *orders, QTimeZone zone,
                                                       bool training, QObject *parent = nullptr);
    ~ReceiptDesk() override;

    const PrinterConfig &config() const { return m_config; }
    // Whether the counter asks before printing a sale's receipt.
    bool asks() const;

    // A sale is paid: its receipt prints unless the shop prints none or asks first; a
    // cash sale opens the drawer.
    void saleCompleted(qint64 orderId, bool cashTaken);
    // The receipt of `orderId` now: a reprint, or the cashier said yes.
    void printReceipt(qint64 orderId);
    // The receipt of the last sale completed here (none: nothing happens).
    void printLastReceipt();
    qint64 lastOrderId() const { return m_lastOrderId; }
    // The drawer on its own (a no-sale); nothing without an ESC/POS printer with a drawer.
    void openDrawer();
    // A page that says the printer works; `lines` are the caller's words.
    void printTestPage(const QStringList &lines);
    // Another paper of the counter (a shift report, a Z-report), laid out for
    // paperWidth(); `name` names the job and the PDF file.
    void printDocument(const QString &name, const QList<ReceiptTextLine> &lines);
    PaperWidth paperWidth() const { return m_config.paper; }

    // The end-of-day summary (日结) of `report` at receipt width, under the receipts' header:
    // as it prints, and printed as a document (documentPrinted / documentFailed) whose
    // name it returns. `terminalId` and `printedAt` are the till printing it and when.
    QList<ReceiptTextLine> daySummaryFor(const DailyReport &report, const QString &terminalId,
                                         const QDateTime &printedAt) const;
    QString printDaySummary(const DailyReport &report, const QString &terminalId,
                            const QDateTime &printedAt);

    // The receipt of a paid order as it would print; an error when it cannot be read or
    // is not paid.
    Result<Receipt> receiptFor(qint64 orderId) const;

    // A return was approved here: the drawer opens when cash goes back, and its refund
    // receipt prints unless the shop prints none or asks first.
    void returnCompleted(const ReturnRecord &record);
    // The refund receipt of `record` now: a reprint, or the cashier said yes.
    void printRefund(const ReturnRecord &record);
    // The refund receipt as it would print; an error when its order cannot be read.
    Result<Receipt> refundReceiptFor(const ReturnRecord &record) const;

Q_SIGNALS:
    // `where`: the printer, or the PDF file.
    void receiptPrinted(const QString &orderNo, const QString &where);
    void receiptFailed(const QString &orderNo, const QString &message);
    void testPagePrinted(const QString &where);
    void documentPrinted(const QString &name, const QString &where);
    void documentFailed(const QString &name, const QString &message);
    void testPageFailed(const QString &message);
    // A refund receipt, by the number of the order the goods came from.
    void refundPrinted(const QString &orderNo, const QString &where);
    void refundPrintFailed(const QString &orderNo, const QString &message);
    void drawerFailed(const QString &message);

private:
    ReceiptDesk(const PrinterConfig &config, OrderStore *orders, QTimeZone zone, bool training,
                QObject *parent);
    using Done = std::function<void(Result<QString>)>;
    // `fileStem` names the PDF; `done` hears where it printed.
    void send(const Receipt &receipt, const QString &fileStem, Done done);
    // ESC/POS bytes to the receipt printer; empty bytes: the text could not be encoded.
    void sendEscPos(const QByteArray &bytes, Done done);
    ReceiptHeader header() const;
    QString printerName() const;

    PrinterConfig m_config;
    OrderStore *m_orders;
    QTimeZone m_zone;
    bool m_training;
    qint64 m_lastOrderId = 0;
    std::unique_ptr<EscPosPrinter> m_escPos;
    std::unique_ptr<SystemPrinter> m_system;
};

} // namespace shouyin
