// Delete and Clear cart act at once, as a cashier expects, and Undo (Ctrl+Z, or the button
// beside the message) puts back what they took out until the next payment starts.

#include "cartmodel.h"
#include "checkoutpage.h"

#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

void CheckoutPage::buildUndo()
{
    m_undoButton = new QPushButton(tr("&Undo (Ctrl+Z)"), this);
    m_undoButton->setObjectName(u"undoButton"_s);
    m_undoButton->setAutoDefault(false);
    m_undoButton->setFocusPolicy(Qt::NoFocus); // the scanner's Enter never presses it
    m_undoButton->hide();
    connect(m_undoButton, &QPushButton::clicked, this, &CheckoutPage::undoRemoval);
    // In the barcode field the field's own Ctrl+Z comes first (eventFilter hands it over
    // once the field is empty).
    auto *shortcut = new QShortcut(QKeySequence::Undo, this);
    connect(shortcut, &QShortcut::activated, this, &CheckoutPage::undoRemoval);
}

void CheckoutPage::removeLine(int row)
{
    if (row < 0 || row >= m_cartModel->rowCount())
        return;
    const CartItem item = m_cartModel->cart().at(row);
    if (!m_cartModel->removeLine(row))
        return;
    if (m_cartModel->rowCount() > 0)
        m_cartView->selectRow(std::min(row, m_cartModel->rowCount() - 1));
    rememberRemoved({item}, tr("Removed %1 × %2.").arg(item.product.name).arg(item.quantity));
}

void CheckoutPage::rememberRemoved(const QList<CartItem> &items, const QString &message)
{
    m_removed = items;
    m_undoButton->show();
    showScanMessage(tr("%1 Ctrl+Z puts it back.").arg(message), false);
}

void CheckoutPage::forgetRemoved()
{
    m_removed.clear();
    m_undoButton->hide();
}

void CheckoutPage::undoRemoval()
{
    if (m_removed.isEmpty() || saleInProgress())
        return;
    const QList<CartItem> items = std::exchange(m_removed, {});
    m_undoButton->hide();
    int pieces = 0;
    for (const CartItem &item : items) {
        if (m_cartModel->addProduct(item.product, item.quantity) >= 0)
            pieces += item.quantity;
    }
    showScanMessage(tr("Put back %n item(s).", nullptr, pieces), false);
    focusBarcode();
}

} // namespace shouyin
