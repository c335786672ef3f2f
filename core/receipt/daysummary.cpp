#include "receipt/daysummary.h"

#include "receipt/receiptpaper.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Money that went out, as the paper shows it: an ASCII minus, since "−" is a
// double-width character on a GB18030 printer.
QString outgoing(Fen amount)
{
    return amount > 0 ? u'-' + formatYuan(amount) : formatYuan(0);
}

QString counted(const QString &label, int count)
{
    return u"%1 (%2)"_s.arg(label).arg(count);
}

QString tenderName(const ReceiptHeader &header, const QString &provider)
{
    const QString label = header.tenderLabel ? header.tenderLabel(provider) : QString();
    return label.isEmpty() ? provider : label;
}

void training(ReceiptPaper &paper, const ReceiptHeader &header)
{
    if (!header.training)
        return;
    paper.centred(u"TRAINING — not a receipt"_s, true);
    paper.centred(u"培训模式 — 非正式收据"_s, true);
}

} // namespace

QList<ReceiptTextLine> layoutDaySummary(const DailyReport &report, const ReceiptHeader &header,
                                        const QString &terminalId, const QString &printedAtText,
                                        PaperWidth width)
{
    ReceiptPaper paper(width);
    paper.centred(header.shopName, true);
    if (!header.address.isEmpty())
        paper.centred(header.address);
    training(paper, header);
    paper.centred(u"日结 END OF DAY"_s, true);
    // The report counts every till's orders, not only this one's.
    paper.centred(u"全店 All tills"_s);
    paper.rule();
    paper.row(u"日期 Date"_s, report.day.toString(u"yyyy-MM-dd"_s));
    paper.row(u"终端 Till"_s, terminalId);
    paper.row(u"打印 Printed"_s, printedAtText);
    paper.rule();

    paper.row(counted(u"销售 Sales"_s, report.salesCount), formatYuan(report.salesAmount), true);
    for (const SalesTotal &tender : report.byProvider)
        paper.detail(counted(tenderName(header, tender.key), tender.count),
                     formatYuan(tender.amount));
    paper.row(counted(u"退款 Refunds"_s, report.refundCount), outgoing(report.refundAmount));
    for (const SalesTotal &refund : report.refundsByProvider)
        paper.detail(counted(tenderName(header, refund.key), refund.count),
                     outgoing(refund.amount));
    paper.row(u"净额 Net"_s, formatYuan(report.netAmount()), true);
    if (report.discountedCount > 0) {
        paper.row(counted(u"优惠 Discounts"_s, report.discountedCount),
                  formatYuan(report.discountAmount + report.roundOffAmount));
        if (report.roundOffAmount > 0)
            paper.detail(u"抹零 Round-off"_s, formatYuan(report.roundOffAmount));
    }
    if (report.pendingRefundCount > 0)
        paper.row(counted(u"退款处理中 Refunds pending"_s, report.pendingRefundCount),
                  formatYuan(report.pendingRefundAmount));
    paper.rule();

    paper.row(counted(u"已取消 Cancelled"_s, report.cancelledCount),
              formatYuan(report.cancelledAmount));
    paper.row(counted(u"取消中 Cancelling"_s, report.cancellingCount),
              formatYuan(report.cancellingAmount));
    paper.row(counted(u"已过期 Expired"_s, report.expiredCount), formatYuan(report.expiredAmount));
    paper.row(counted(u"待支付 Still open"_s, report.openCount), formatYuan(report.openAmount));
    paper.row(u"警报 Alerts"_s, QString::number(report.alertCount));
    paper.rule();
    training(paper, header);
    return paper.lines();
}

} // namespace shouyin
