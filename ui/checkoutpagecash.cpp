// The counter's cash: the cash key, split tender, and what every paid sale does next
// (the banner with the change to give, the receipt, the drawer).

#include "cartmodel.h"
#include "cashdialog.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "errorsound.h"
#include "moneytext.h"
#include "paymentdialog.h"
#include "receiptdesk.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace shouyin {

void CheckoutPage::connectReceiptDesk()
{
    ReceiptDesk *desk = m_services.receipts;
    if (!desk)
        return;
    // A printer that is off or out of paper never undoes or holds up a sale: the cashier
    // reads why, and prints the receipt again once it is fixed.
    connect(desk, &ReceiptDesk::receiptFailed, this,
            [this](const QString &orderNo, const QString &message) {
                showScanMessage(orderNo.isEmpty()
                                    ? tr("No receipt printed: %1").arg(message)
                                    : tr("The receipt of order %1 did not print: %2 Press F9 to "
                                         "print it again.")
                                          .arg(orderNo, message),
                                true);
                ErrorSound::play();
            });
    connect(desk, &ReceiptDesk::receiptPrinted, this,
            [this](const QString &orderNo, const QString &where) {
                showScanMessage(tr("Receipt of order %1 printed (%2).").arg(orderNo, where), false);
            });
    connect(desk, &ReceiptDesk::drawerFailed, this, [this](const QString &message) {
        showScanMessage(tr("The cash drawer did not open: %1").arg(message), true);
        ErrorSound::play();
    });
}

CashDialog *CheckoutPage::cashDialog() const
{
    return m_cashDialog;
}

void CheckoutPage::payCash()
{
    if (m_dialog || m_cashDialog || m_takingCash || m_cartModel->cart().isEmpty() ||
        !m_services.checkout)
        return;
    if (!m_databaseAvailable) {
        showResult(tr("The database server is unreachable: no sale can be recorded, so no cash "
                      "is taken. The cart is kept."),
                   u"alert"_s);
        return;
    }
    const Fen due = m_partPaid ? m_partPaid->due : m_cartModel->cart().total();
    m_cashDialog = new CashDialog(due, this);
    connect(m_cashDialog, &QDialog::finished, this, [this](int result) {
        const Fen given = m_cashDialog ? m_cashDialog->given() : 0;
        if (m_cashDialog)
            m_cashDialog->deleteLater();
        m_cashDialog = nullptr;
        activateWindow();
        focusBarcode();
        if (result == QDialog::Accepted && given > 0)
            takeCash(given);
    });
    // open(), not exec(): the application's event loop keeps running (polls, tests).
    m_cashDialog->open();
}

void CheckoutPage::takeCash(Fen given)
{
    m_takingCash = true;
    updateTotals();
    auto then = [this](Result<CashTaken> taken) {
        m_takingCash = false;
        updateTotals();
        if (!taken) {
            showResult(tr("The cash was not recorded: %1 Nothing was sold; give the cash back.")
                           .arg(taken.error().message),
                       u"alert"_s);
            ErrorSound::play();
            return;
        }
        cashTaken(taken.value());
    };
    const QString cashier = m_services.paymentOptions.operatorName;
    if (m_partPaid)
        m_services.checkout->takeCash(m_partPaid->orderId, given, cashier, this, then);
    else
        m_services.checkout->takeCash(m_cartModel->cart().toSale(), given, cashier, this, then);
}

void CheckoutPage::cashTaken(const CashTaken &taken)
{
    const qint64 orderId = taken.order.id;
    if (taken.due == 0) {
        m_partPaid.reset();
        m_cashOrders.remove(orderId);
        completeSale(orderId, taken.order.orderNo, taken.order.total, taken.tender.change(), true);
        return;
    }
    auto &[orderNo, cash] = m_cashOrders[orderId];
    orderNo = taken.order.orderNo;
    cash += taken.tender.amount;
    m_partPaid = PartPaid{orderId, taken.order.orderNo, taken.order.total, taken.due};
    // The cash is in the drawer from now on.
    if (m_services.receipts)
        m_services.receipts->openDrawer();
    updateTotals();
    showResult(tr("Cash %1 taken for order %2. %3 is still due: charge it with the QR (F12) or "
                  "scan the customer's payment code.")
                   .arg(moneyText(cash), orderNo, moneyText(taken.due)),
               u"warning"_s);
}

void CheckoutPage::completeSale(qint64 orderId, const QString &orderNo, Fen total, Fen change,
                                bool cashTaken)
{
    m_cartModel->clear();
    forgetRemoved();
    updateTotals();
    showScanMessage({}, false);
    showResult(
        change > 0
            ? tr("Paid: order %1, %2. Change: %3").arg(orderNo, moneyText(total), moneyText(change))
            : tr("Paid: order %1, %2").arg(orderNo, moneyText(total)),
        u"paid"_s);
    Q_EMIT changeDue(orderNo, change);
    Q_EMIT saleCompleted(orderNo, total);
    if (!m_services.receipts)
        return;
    m_services.receipts->saleCompleted(orderId, cashTaken);
    // The shop prints on request: one key answers, and the next scan ignores the question.
    if (m_services.receipts->asks())
        showScanMessage(tr("Does the customer want a receipt? Press F9 to print it."), false);
}

bool CheckoutPage::cartIsLocked(bool say)
{
    if (!m_partPaid && !m_takingCash)
        return false;
    if (say && m_partPaid) {
        showScanMessage(tr("Part of this sale is paid in cash: charge the %1 still due, or Clear "
                           "cart to cancel the sale and give the cash back.")
                            .arg(moneyText(m_partPaid->due)),
                        true);
        ErrorSound::play();
    }
    return true;
}

void CheckoutPage::cancelPartPaidOrder()
{
    const PartPaid partPaid = *std::exchange(m_partPaid, std::nullopt);
    // No attempt is open (cash cannot be taken beside one), so the ledger cancels the order
    // at once and gives its cash back: onCashReturned tells the cashier.
    m_services.checkout->requestCancel(partPaid.orderId, m_services.paymentOptions.operatorName);
    updateTotals();
}

void CheckoutPage::onCashReturned(qint64 orderId)
{
    const auto cash = m_cashOrders.constFind(orderId);
    if (cash == m_cashOrders.cend())
        return;
    if (m_partPaid && m_partPaid->orderId == orderId) // cancelled behind the counter's back
        m_partPaid.reset();
    showResult(tr("Order %1 is cancelled: give the customer back the %2 cash they paid.")
                   .arg(cash->first, moneyText(cash->second)),
               u"alert"_s);
    ErrorSound::play();
    m_cashOrders.erase(cash);
    updateTotals();
}

} // namespace shouyin
