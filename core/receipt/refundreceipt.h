#pragma once

#include "receipt/receipt.h"
#include "refund/refundrecords.h"

#include <functional>

namespace shouyin {

// The receipt of a return (退款): the goods that came back, the money going back to each
// tender with the state its refund had when the receipt printed, who approved it and
// why. Core keeps codes, not words: `header.tenderLabel` names the tenders and
// `stateLabel` the refunds' states (the status's own word when it is unset).
// `createdAtText` is the return's time as the shop reads it.
Receipt fromReturn(const ReturnRecord &record, const Order &order, const ReceiptHeader &header,
                   const QString &createdAtText,
                   const std::function<QString(RefundStatus)> &stateLabel = {});

} // namespace shouyin
