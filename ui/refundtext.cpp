#include "refundtext.h"

#include "displaytext.h"
#include "moneytext.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

bool isCash(const Payment &payment)
{
    return payment.method == PaymentMethod::Cash || payment.provider == kCashProvider;
}

} // namespace

QList<RefundText::Share> RefundText::split(const RefundableOrder &order, Fen amount)
{
    QList<Share> shares;
    Fen rest = amount;
    // The book lists provider tenders first and cash last; so does this.
    for (const RefundableTender &tender : order.tenders) {
        if (rest <= 0)
            break;
        const Fen share = std::min(rest, tender.left());
        if (share <= 0)
            continue;
        shares.append({tender.payment.provider, isCash(tender.payment), share});
        rest -= share;
    }
    return shares;
}

Fen RefundText::sum(const QList<Share> &shares)
{
    Fen total = 0;
    for (const Share &share : shares)
        total += share.amount;
    return total;
}

QString RefundText::describe(const QList<Share> &shares)
{
    QStringList parts;
    for (const Share &share : shares)
        parts.append(share.cash ? tr("cash from the drawer %1").arg(moneyText(share.amount))
                                : tr("%1 %2").arg(DisplayText::provider(share.provider),
                                                  moneyText(share.amount)));
    return parts.join(u" · "_s);
}

QString RefundText::paidBy(const RefundableOrder &order)
{
    QStringList parts;
    for (const RefundableTender &tender : order.tenders) {
        QString part = tr("%1 %2").arg(DisplayText::provider(tender.payment.provider),
                                       moneyText(tender.payment.amount));
        if (tender.refunded > 0)
            part = tr("%1 (%2 refunded)").arg(part, moneyText(tender.refunded));
        parts.append(part);
    }
    return parts.isEmpty() ? tr("nothing") : parts.join(u" · "_s);
}

QString RefundText::handBack(const ReturnRecord &record)
{
    Fen cash = 0;
    QStringList providers;
    for (const Refund &refund : record.refunds) {
        if (refund.provider == kCashProvider)
            cash += refund.amount;
        else
            providers.append(
                tr("%1 goes back to %2")
                    .arg(moneyText(refund.amount), DisplayText::provider(refund.provider)));
    }
    if (cash > 0 && providers.isEmpty())
        return tr("Give the customer %1 from the drawer.").arg(moneyText(cash));
    if (cash > 0)
        return tr("Give the customer %1 from the drawer; %2.")
            .arg(moneyText(cash), providers.join(u"; "_s));
    return tr("%1; nothing from the drawer.").arg(providers.join(u"; "_s));
}

QString RefundText::state(const Refund &refund)
{
    const QString word = DisplayText::refundStatus(refund.status);
    if (refund.status == RefundStatus::Failed && !refund.lastError.isEmpty())
        return tr("%1: %2").arg(word, refund.lastError);
    return word;
}

} // namespace shouyin
