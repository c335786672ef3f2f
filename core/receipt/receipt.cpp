#include "receipt/receipt.h"

#include <QChar>

using namespace Qt::StringLiterals;

namespace shouyin {

Receipt fromOrder(const Order &order, const QList<OrderItem> &items, const QList<Payment> &payments,
                  const ReceiptHeader &header, const QString &paidAtText)
{
    Receipt receipt;
    receipt.shopName = header.shopName;
    receipt.address = header.address;
    receipt.terminalId = order.terminalId;
    receipt.cashier = order.operatorName;
    receipt.orderNo = order.orderNo;
    receipt.paidAtText = paidAtText;
    receipt.total = order.total;
    receipt.saleDiscount = order.discount;
    receipt.roundOff = order.roundOff;
    receipt.training = header.training;
    receipt.codeData = order.orderNo;
    for (const OrderItem &item : items)
        receipt.lines.append(
            {item.name, item.quantity, item.unitPrice, item.lineTotal(), item.discount});
    for (const Payment &payment : payments) {
        if (payment.status != PaymentStatus::Success)
            continue;
        QString label = header.tenderLabel ? header.tenderLabel(payment.provider) : QString();
        if (label.isEmpty())
            label = payment.provider;
        // Cash prints what the customer handed over, and the change it made.
        const Fen printed = payment.method == PaymentMethod::Cash && payment.tendered > 0
                                ? payment.tendered
                                : payment.amount;
        receipt.tenders.append({label, printed, payment.transactionId});
        receipt.change += payment.change();
    }
    return receipt;
}

namespace {

constexpr char32_t kLastAscii = 0x7F;

int codePointWidth(char32_t codePoint)
{
    return codePoint <= kLastAscii ? 1 : 2;
}

// A code point and the UTF-16 units that spell it, so a wrap never splits a surrogate pair.
struct CodePoint
{
    QStringView units;
    char32_t value;
};

QList<CodePoint> codePoints(QStringView text)
{
    QList<CodePoint> result;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length =
            (QChar::isHighSurrogate(text[i].unicode()) && i + 1 < text.size() &&
             QChar::isLowSurrogate(text[i + 1].unicode()))
                ? 2
                : 1;
        const QStringView units = text.mid(i, length);
        result.append({units, length == 2 ? QChar::surrogateToUcs4(units[0], units[1])
                                          : char32_t(units[0].unicode())});
        i += length;
    }
    return result;
}

// Product names come from the catalogue: a control character in one must never reach the
// printer, where it would be a command.
QString printable(const QString &text)
{
    QString result = text;
    for (QChar &ch : result) {
        if (ch.category() == QChar::Other_Control)
            ch = u' ';
    }
    return result;
}

QString spaces(int count)
{
    return QString(qMax(count, 0), u' ');
}

// Word wrap: ASCII words stay whole when they fit a line, CJK may break between any two
// characters, and a word longer than a line breaks between code points.
QStringList wrap(const QString &text, int width)
{
    struct Token
    {
        QString text;
        bool spaceBefore;
    };
    QList<Token> tokens;
    bool pendingSpace = false;
    bool inWord = false;
    const QString clean = printable(text); // outlives the views codePoints() returns
    for (const CodePoint &cp : codePoints(clean)) {
        if (cp.value == U' ') {
            pendingSpace = !tokens.isEmpty();
            inWord = false;
            continue;
        }
        const bool ascii = cp.value <= kLastAscii;
        if (ascii && inWord && !pendingSpace) {
            tokens.last().text += cp.units;
        } else {
            tokens.append({cp.units.toString(), pendingSpace});
        }
        inWord = ascii;
        pendingSpace = false;
    }

    QStringList lines;
    QString line;
    int lineWidth = 0;
    const auto flush = [&] {
        if (!line.isEmpty())
            lines.append(line);
        line.clear();
        lineWidth = 0;
    };
    for (const Token &token : tokens) {
        const int separator = (lineWidth > 0 && token.spaceBefore) ? 1 : 0;
        const int tokenWidth = displayWidth(token.text);
        if (lineWidth + separator + tokenWidth <= width) {
            line += spaces(separator) + token.text;
            lineWidth += separator + tokenWidth;
            continue;
        }
        if (tokenWidth <= width) {
            flush();
            line = token.text;
            lineWidth = tokenWidth;
            continue;
        }
        if (lineWidth + separator + 1 > width)
            flush();
        else if (separator) {
            line += u' ';
            lineWidth += 1;
        }
        for (const CodePoint &cp : codePoints(token.text)) {
            const int w = codePointWidth(cp.value);
            if (lineWidth + w > width)
                flush();
            line += cp.units;
            lineWidth += w;
        }
    }
    flush();
    return lines;
}

// Left text and a right-aligned value on one line when both fit, else the value
// right-aligned under the wrapped left text.
QStringList columns(const QString &left, const QString &right, int width)
{
    QStringList lines = wrap(left, width);
    if (right.isEmpty())
        return lines;
    const int rightWidth = displayWidth(right);
    const int lastWidth = lines.isEmpty() ? 0 : displayWidth(lines.last());
    if (!lines.isEmpty() && lastWidth + 1 + rightWidth <= width)
        lines.last() += spaces(width - lastWidth - rightWidth) + right;
    else {
        for (const QString &part : wrap(right, width))
            lines.append(spaces(width - displayWidth(part)) + part);
    }
    return lines;
}

// Wide enough for "9999999.99": the line totals and the amounts share this right column.
constexpr int kAmountColumn = 10;

QStringList itemLines(const ReceiptLine &item, int width)
{
    QStringList lines = wrap(item.name, width);
    const QString quantityPrice = u"%1 x %2"_s.arg(item.quantity).arg(formatYuan(item.unitPrice));
    const QString total = formatYuan(item.lineTotal);
    const int priceColumn = width - kAmountColumn;
    const int quantityPriceWidth = displayWidth(quantityPrice);
    const int totalWidth = displayWidth(total);
    if (quantityPriceWidth < priceColumn && totalWidth <= kAmountColumn)
        lines.append(spaces(priceColumn - quantityPriceWidth) + quantityPrice +
                     spaces(kAmountColumn - totalWidth) + total);
    else
        lines += columns(quantityPrice, total, width);
    if (item.discount > 0)
        lines += columns(u"  优惠 Discount"_s, u"-"_s + formatYuan(item.discount), width);
    return lines;
}

// A return's money: the total back, then each tender's part with its refund's state and
// number, who approved it and why.
QList<ReceiptTextLine> refundLines(const Receipt &receipt, int width)
{
    QList<ReceiptTextLine> out;
    const auto add = [&out](const QStringList &lines, bool bold = false) {
        for (const QString &line : lines)
            out.append({line, ReceiptTextLine::Align::Left, bold});
    };
    add(columns(u"退款合计 Refund"_s, formatYuan(receipt.total), width), true);
    for (const ReceiptRefund &refund : receipt.refunds) {
        add(columns(refund.label + u' ' + refund.state, formatYuan(refund.amount), width));
        if (!refund.refundNo.isEmpty())
            add(wrap(u"退款号 No. "_s + refund.refundNo, width));
    }
    add({QString(width, u'-')});
    add(columns(u"批准 Approved by"_s, printable(receipt.approvedBy), width));
    add(columns(u"原因 Reason"_s, printable(receipt.reason), width));
    return out;
}

} // namespace

QStringList receiptColumns(const QString &left, const QString &right, PaperWidth width)
{
    return columns(left, right, int(width));
}

QList<ReceiptTextLine> layoutReceipt(const Receipt &receipt, PaperWidth paper)
{
    using Align = ReceiptTextLine::Align;
    const int width = int(paper);
    QList<ReceiptTextLine> out;
    const auto add = [&out](const QStringList &lines, Align align = Align::Left,
                            bool bold = false) {
        for (const QString &line : lines)
            out.append({line, align, bold});
    };
    const QString rule(width, u'-');
    const auto training = [&] {
        if (!receipt.training)
            return;
        add(wrap(u"TRAINING — not a receipt"_s, width), Align::Centre, true);
        add(wrap(u"培训模式 — 非正式收据"_s, width), Align::Centre, true);
    };

    add(wrap(receipt.shopName, width), Align::Centre, true);
    if (!receipt.address.isEmpty())
        add(wrap(receipt.address, width), Align::Centre);
    training();
    // Never mistaken for a sale's receipt, in either language the shop reads.
    if (receipt.isRefund)
        add(wrap(u"REFUND / 退款"_s, width), Align::Centre, true);
    add({rule});
    add(columns(u"终端 Till"_s, printable(receipt.terminalId), width));
    add(columns(u"收银员 Cashier"_s, printable(receipt.cashier), width));
    add(columns(u"单号 Order"_s, printable(receipt.orderNo), width));
    add(columns(u"时间 Time"_s, printable(receipt.paidAtText), width));
    add({rule});
    for (const ReceiptLine &item : receipt.lines)
        add(itemLines(item, width));
    add({rule});
    if (receipt.isRefund) {
        out += refundLines(receipt, width);
        training();
        return out;
    }
    if (receipt.saleDiscount > 0 || receipt.roundOff > 0) {
        Fen subtotal = 0;
        for (const ReceiptLine &item : receipt.lines)
            subtotal += item.lineTotal - item.discount;
        add(columns(u"小计 Subtotal"_s, formatYuan(subtotal), width));
    }
    if (receipt.saleDiscount > 0)
        add(columns(u"整单优惠 Sale discount"_s, u"-"_s + formatYuan(receipt.saleDiscount), width));
    if (receipt.roundOff > 0)
        add(columns(u"抹零 Round-off"_s, u"-"_s + formatYuan(receipt.roundOff), width));
    add(columns(u"合计 Total"_s, formatYuan(receipt.total), width), Align::Left, true);
    for (const ReceiptTender &tender : receipt.tenders) {
        add(columns(tender.label, formatYuan(tender.amount), width));
        if (!tender.transactionId.isEmpty())
            add(wrap(u"交易号 Txn "_s + tender.transactionId, width));
    }
    if (receipt.change > 0)
        add(columns(u"找零 Change"_s, formatYuan(receipt.change), width));
    training();
    return out;
}

QStringList receiptTextLines(const Receipt &receipt, PaperWidth paper)
{
    const int width = int(paper);
    QStringList lines;
    for (const ReceiptTextLine &line : layoutReceipt(receipt, paper)) {
        if (line.align == ReceiptTextLine::Align::Centre)
            lines.append(spaces((width - displayWidth(line.text)) / 2) + line.text);
        else
            lines.append(line.text);
    }
    return lines;
}

int displayWidth(QStringView text)
{
    int width = 0;
    for (const CodePoint &cp : codePoints(text))
        width += codePointWidth(cp.value);
    return width;
}

} // namespace shouyin
