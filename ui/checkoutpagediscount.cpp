// Discounts at the counter (F2): a percent or an amount off a line or the whole sale, and
// the small change dropped (抹零). Beyond the cashier's limit a manager approves with their
// PIN in a pop-up over the counter; the cart stays as it is whatever they decide.

#include "cartmodel.h"
#include "cashdialog.h"
#include "checkoutpage.h"
#include "discountdialog.h"
#include "errorsound.h"
#include "managerapprovaldialog.h"
#include "moneytext.h"
#include "paymentdialog.h"

#include <QPushButton>
#include <QShortcut>
#include <QTableView>

#include <utility>

using namespace Qt::StringLiterals;

namespace shouyin {

DiscountDialog *CheckoutPage::discountDialog() const
{
    return m_discountAsk;
}

ManagerApprovalDialog *CheckoutPage::discountApprovalDialog() const
{
    return m_discountApproval;
}

QPushButton *CheckoutPage::buildDiscountKey()
{
    m_discountButton = new QPushButton(tr("Discount (F2)"), this);
    m_discountButton->setObjectName(u"discountButton"_s);
    m_discountButton->setMinimumHeight(48);
    connect(m_discountButton, &QPushButton::clicked, this, &CheckoutPage::askForDiscount);
    connect(new QShortcut(QKeySequence(Qt::Key_F2), this), &QShortcut::activated, this,
            &CheckoutPage::askForDiscount);
    return m_discountButton;
}

void CheckoutPage::askForDiscount()
{
    if (m_discountAsk || m_discountApproval || m_dialog || m_cashDialog || cartIsLocked(true))
        return;
    const Cart &cart = m_cartModel->cart();
    if (cart.isEmpty()) {
        showScanMessage(tr("The cart is empty: there is nothing to discount."), true);
        ErrorSound::play();
        return;
    }
    m_discountAsk =
        new DiscountDialog(cart, m_cartView->currentIndex().row(), m_services.roundOff, this);
    connect(m_discountAsk, &QDialog::finished, this, [this](int result) {
        DiscountDialog *dialog = std::exchange(m_discountAsk, nullptr);
        const DiscountChoice choice = dialog->choice();
        const Cart proposed = dialog->proposed();
        dialog->deleteLater();
        // The window takes the keys back: the scanner types into it next.
        activateWindow();
        if (result == QDialog::Accepted)
            discountChosen(choice, proposed);
        else
            focusBarcode();
    });
    // open(), not exec(): payments settling and scans keep running under it.
    m_discountAsk->open();
}

void CheckoutPage::discountChosen(const DiscountChoice &choice, const Cart &proposed)
{
    const PricedSale priced = proposed.priced();
    const auto give = [this, choice, priced](const Staff &approver) {
        if (!m_cartModel->giveDiscount(choice, approver)) {
            showScanMessage(tr("The cart changed meanwhile: give the discount again."), true);
            return;
        }
        showScanMessage(
            priced.gross == priced.total
                ? tr("No discount on this sale.")
                : tr("%1 off: the customer pays %2.")
                      .arg(moneyText(priced.gross - priced.total), moneyText(priced.total)),
            false);
        focusBarcode();
    };
    if (!m_services.discountLimits.needsApproval(priced))
        return give(Staff());
    // A manager selling approves by giving it.
    if (m_services.staff.can(Permission::ApproveDiscount))
        return give(m_services.staff);
    if (!m_services.users) {
        showScanMessage(tr("A discount over %1% needs a manager, and nobody can sign in at this "
                           "till.")
                            .arg(m_services.discountLimits.cashierMaxPercent),
                        true);
        ErrorSound::play();
        return;
    }
    m_discountApproval = new ManagerApprovalDialog(
        *m_services.users, Permission::ApproveDiscount,
        tr("A discount of %1 on a sale of %2 (a cashier may give %3%). The customer would pay %4.")
            .arg(moneyText(priced.discounted()), moneyText(priced.gross))
            .arg(m_services.discountLimits.cashierMaxPercent)
            .arg(moneyText(priced.total)),
        this);
    connect(m_discountApproval, &QDialog::finished, this, [this, give](int result) {
        ManagerApprovalDialog *dialog = std::exchange(m_discountApproval, nullptr);
        const Staff approver = dialog->approver();
        dialog->deleteLater();
        activateWindow();
        if (result == QDialog::Accepted && approver.isSignedIn())
            return give(approver);
        showScanMessage(tr("Not approved: no discount was given. The cart is as it was."), true);
        focusBarcode();
    });
    m_discountApproval->open();
}

} // namespace shouyin
