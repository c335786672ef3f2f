#include "receipt/refundreceipt.h"

namespace shouyin {

Receipt fromReturn(const ReturnRecord &record, const Order &order, const ReceiptHeader &header,
                   const QString &createdAtText,
                   const std::function<QString(RefundStatus)> &stateLabel)
{
    Receipt receipt;
    receipt.isRefund = true;
    receipt.shopName = header.shopName;
    receipt.address = header.address;
    receipt.training = header.training;
    receipt.terminalId = record.terminalId.isEmpty() ? order.terminalId : record.terminalId;
    receipt.cashier = record.requestedBy;
    receipt.orderNo = order.orderNo.isEmpty() ? record.orderNo : order.orderNo;
    // The sale's number, so that the refund receipt opens the same order for a later return.
    receipt.codeData = receipt.orderNo;
    receipt.paidAtText = createdAtText;
    receipt.total = record.amount;
    receipt.approvedBy = record.approvedBy;
    receipt.reason = record.reason;
    for (const ReturnedItem &item : record.items) {
        const Fen unit = item.quantity > 0 ? item.amount / item.quantity : item.amount;
        receipt.lines.append({item.name, item.quantity, unit, item.amount});
    }
    for (const Refund &refund : record.refunds) {
        QString label = header.tenderLabel ? header.tenderLabel(refund.provider) : QString();
        if (label.isEmpty())
            label = refund.provider;
        QString state = stateLabel ? stateLabel(refund.status) : QString();
        if (state.isEmpty())
            state = QString(sqlText(refund.status));
        receipt.refunds.append({label, refund.amount, state, refund.refundNo});
    }
    return receipt;
}

} // namespace shouyin
