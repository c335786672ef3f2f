#pragma once

#include "money/money.h"
#include "refund/refundrows.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace shouyin {

// How the refund screens say where money goes. The split mirrors RefundBook's rule
// (provider tenders first, in their order, then cash from the drawer) for display only:
// the book decides when the return is recorded.
class RefundText
{
    Q_DECLARE_TR_FUNCTIONS(RefundText)
public:
    struct Share
    {
        QString provider;
        bool cash = false;
        Fen amount = 0;
    };
    // `amount` over the tenders' money not yet refunded; what no tender covers is left
    // out, so the shares sum to less than `amount` when the order cannot give it back.
    static QList<Share> split(const RefundableOrder &order, Fen amount);
    static Fen sum(const QList<Share> &shares);
    // "WeChat Pay ¥7.50 · cash from the drawer ¥1.00"
    static QString describe(const QList<Share> &shares);
    // What paid the order: "WeChat Pay ¥9.99 · Cash ¥5.00 (¥1.00 refunded)".
    static QString paidBy(const RefundableOrder &order);
    // What the cashier does now: "Give the customer ¥1.00 from the drawer; ¥7.50 goes back
    // to WeChat Pay."
    static QString handBack(const ReturnRecord &record);
    // A refund's state for the screen, with why it failed.
    static QString state(const Refund &refund);
};

} // namespace shouyin
