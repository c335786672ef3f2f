#pragma once

#include "money/money.h"
#include "store/records.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>

namespace shouyin {

// What the shop prints at the top of every receipt, and how it names the providers.
struct ReceiptHeader
{
    QString shopName;
    QString address; // empty: no address line
    // "wechat" -> "微信支付"; supplied by the caller so that core holds no UI text. When
    // unset (or it answers empty) the provider's own name is printed.
    std::function<QString(const QString &provider)> tenderLabel;
    bool training = false;
};

struct ReceiptLine
{
    QString name;
    int quantity = 0;
    Fen unitPrice = 0;
    Fen lineTotal = 0; // before its discount
    Fen discount = 0;  // the line's own discount, printed under it
};

struct ReceiptTender
{
    QString label;
    Fen amount = 0;
    QString transactionId; // the provider's number; empty when there is none (cash)
};

// One tender's part of a return's money, on a refund receipt.
struct ReceiptRefund
{
    QString label; // the tender, as ReceiptHeader::tenderLabel names it
    Fen amount = 0;
    QString state;    // the caller's words for the refund's state when it printed
    QString refundNo; // the number the provider knows the refund by
};

// Pure data a printer renders: everything already decided and formatted, so rendering
// depends on no clock, zone, store or translation.
struct Receipt
{
    QString shopName;
    QString address; // empty: none
    QString terminalId;
    QString cashier;
    QString orderNo;
    QString paidAtText;
    QList<ReceiptLine> lines;
    Fen saleDiscount = 0; // the whole-sale discount
    Fen roundOff = 0;     // the small change dropped (抹零)
    Fen total = 0;
    QList<ReceiptTender> tenders;
    Fen change = 0;
    bool training = false;
    QString codeData; // printed as a QR code and a CODE128 barcode for returns to scan

    // A return's receipt (退款) instead of a sale's: `lines` are the goods that came back,
    // `total` the money that goes back, `refunds` where it goes. No tenders, no change.
    bool isRefund = false;
    QList<ReceiptRefund> refunds;
    QString approvedBy;
    QString reason;
};

// Only SUCCESS payments are tenders: a closed or failed attempt took no money.
Receipt fromOrder(const Order &order, const QList<OrderItem> &items, const QList<Payment> &payments,
                  const ReceiptHeader &header, const QString &paidAtText);

// Characters per line in a receipt printer's font A.
enum class PaperWidth { Mm58 = 32, Mm80 = 48 };

// Columns a text takes on a receipt printer in GB18030 mode: ASCII is one column, every
// character the printer draws from its Chinese font (all of GB18030's multi-byte
// characters: hanzi, full-width forms, but also "—" and "×") is two, combining marks none.
int displayWidth(QStringView text);

// One printed line, already fitting the paper.
struct ReceiptTextLine
{
    enum class Align { Left, Centre };
    QString text;
    Align align = Align::Left;
    bool bold = false;
};

// `left` and `right` on one line of the paper, the right flush to its edge; when both do
// not fit, `left` wraps and `right` goes flush right under it. For reports laid out like
// receipts (a shift report, a Z-report).
QStringList receiptColumns(const QString &left, const QString &right, PaperWidth width);

// The receipt laid out once for every text printer: each line's display width is at most
// the paper's.
QList<ReceiptTextLine> layoutReceipt(const Receipt &receipt, PaperWidth width);

// The same layout as plain text, centred lines padded: a preview of the paper.
QStringList receiptTextLines(const Receipt &receipt, PaperWidth width);

} // namespace shouyin
