// The refund dialog's choice: how many of each line come back, the surplus money, and
// the amount they make.

#include "displaytext.h"
#include "moneytext.h"
#include "refunddialog.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QTableWidgetItem *cell(const QString &text, bool number)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

void RefundDialog::fillLines()
{
    // A refund's state changing reloads the order: the cashier's choice stays.
    QHash<qint64, int> chosen;
    if (!std::exchange(m_clearChoice, false)) {
        for (auto it = m_quantities.cbegin(); it != m_quantities.cend(); ++it)
            chosen.insert(it.key(), it.value()->value());
    }
    m_quantities.clear();
    m_lines->setRowCount(0);
    const bool goods = m_order.order.status == OrderStatus::Paid;
    for (const RefundableItem &line : std::as_const(m_order.items)) {
        const int row = m_lines->rowCount();
        m_lines->insertRow(row);
        m_lines->setItem(row, ProductColumn, cell(line.item.name, false));
        m_lines->setItem(row, SoldColumn, cell(QString::number(line.item.quantity), true));
        m_lines->setItem(row, ReturnedColumn, cell(QString::number(line.returned), true));
        m_lines->setItem(row, PaidColumn, cell(moneyText(line.item.net()), true));
        auto *quantity = new QSpinBox(m_lines);
        quantity->setObjectName(u"returnQuantity%1"_s.arg(row));
        quantity->setRange(0, goods ? std::max(0, line.left()) : 0);
        quantity->setValue(std::min(chosen.value(line.item.id), quantity->maximum()));
        quantity->setEnabled(!m_busy && quantity->maximum() > 0);
        quantity->setAlignment(Qt::AlignRight);
        connect(quantity, &QSpinBox::valueChanged, this, &RefundDialog::updateSummary);
        m_lines->setCellWidget(row, NowColumn, quantity);
        m_quantities.insert(line.item.id, quantity);
    }
}

void RefundDialog::fillSurplus()
{
    qDeleteAll(m_surplusButtons);
    m_surplusButtons.clear();
    const Fen surplus = m_order.surplus();
    m_surplus->setVisible(surplus > 0);
    if (surplus <= 0)
        return;
    m_surplusLabel->setText(
        tr("%1 was paid that this order does not need (a second payment, one after a cancel, "
           "or money whose refund failed).")
            .arg(moneyText(surplus)));
    for (const RefundableTender &tender : std::as_const(m_order.tenders)) {
        const Fen amount = std::min(tender.left(), surplus);
        if (amount <= 0)
            continue;
        auto *button = new QPushButton(
            tr("Give back %1 to %2")
                .arg(moneyText(amount), DisplayText::provider(tender.payment.provider)),
            m_surplus);
        button->setObjectName(u"surplusButton_"_s + tender.payment.payNo);
        button->setToolTip(tr("Payment %1").arg(tender.payment.payNo));
        connect(button, &QPushButton::clicked, this,
                [this, payNo = tender.payment.payNo, amount] { giveBackSurplus(payNo, amount); });
        m_surplus->layout()->addWidget(button);
        m_surplusButtons.append(button);
    }
}

Fen RefundDialog::chosenAmount() const
{
    Fen amount = 0;
    for (const RefundableItem &line : m_order.items) {
        if (const QSpinBox *quantity = m_quantities.value(line.item.id))
            amount += line.refundFor(quantity->value());
    }
    return amount;
}

QList<ReturnLine> RefundDialog::chosenLines() const
{
    QList<ReturnLine> lines;
    for (const RefundableItem &line : m_order.items) {
        const QSpinBox *quantity = m_quantities.value(line.item.id);
        if (quantity && quantity->value() > 0)
            lines.append({line.item.id, quantity->value()});
    }
    return lines;
}

void RefundDialog::chooseEverything()
{
    for (QSpinBox *quantity : std::as_const(m_quantities))
        quantity->setValue(quantity->maximum());
}

void RefundDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QSpinBox *quantity : std::as_const(m_quantities))
        quantity->setEnabled(!busy && quantity->maximum() > 0);
    m_reason->setEnabled(!busy);
    m_stock->setEnabled(!busy);
    updateSummary();
}

} // namespace shouyin
