// The counter's returns: a receipt's order number, scanned or typed with the cart empty,
// opens that order's return and refund; the return key asks for one.

#include "cartmodel.h"
#include "cashdialog.h"
#include "checkoutpage.h"
#include "errorsound.h"
#include "moneytext.h"
#include "paymentdialog.h"
#include "refunddialog.h"
#include "refundtext.h"
#include "store/orderstore.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// As PayNumbers::orderNumber writes them, and receipts print them: "T01-20261123-0007".
bool looksLikeOrderNumber(const QString &code)
{
    static const QRegularExpression orderNumber(u"^[A-Za-z0-9]{1,8}-\\d{8}-\\d{4,}$"_s);
    return orderNumber.match(code).hasMatch();
}

} // namespace

QPushButton *CheckoutPage::buildReturnKey()
{
    if (!RefundDialog::isOffered(m_services) || !m_services.orders)
        return nullptr;
    m_returnButton = new QPushButton(tr("Return (F7)"), this);
    m_returnButton->setObjectName(u"returnButton"_s);
    connect(m_returnButton, &QPushButton::clicked, this, &CheckoutPage::askForReturn);
    auto *shortcut = new QShortcut(QKeySequence(Qt::Key_F7), this);
    connect(shortcut, &QShortcut::activated, this, &CheckoutPage::askForReturn);
    return m_returnButton;
}

RefundDialog *CheckoutPage::refundDialog() const
{
    return m_refundDialog;
}

QInputDialog *CheckoutPage::returnAskDialog() const
{
    return m_returnAsk;
}

void CheckoutPage::askForReturn()
{
    if (!m_returnButton || m_dialog || m_cashDialog || m_takingCash || m_refundDialog ||
        m_returnAsk)
        return;
    if (!m_cartModel->cart().isEmpty() || m_partPaid) {
        showScanMessage(tr("Finish or clear this sale first: a return starts with an empty cart."),
                        true);
        ErrorSound::play();
        return;
    }
    m_returnAsk = new QInputDialog(this);
    m_returnAsk->setObjectName(u"returnOrderDialog"_s);
    m_returnAsk->setWindowTitle(tr("Return"));
    m_returnAsk->setLabelText(tr("Scan the code on the customer's receipt, or type its order "
                                 "number:"));
    m_returnAsk->setInputMode(QInputDialog::TextInput);
    m_returnAsk->setOkButtonText(tr("Open"));
    connect(m_returnAsk, &QInputDialog::finished, this, [this](int result) {
        const QString orderNo = m_returnAsk ? m_returnAsk->textValue().trimmed() : QString();
        if (m_returnAsk)
            m_returnAsk->deleteLater();
        m_returnAsk = nullptr;
        activateWindow();
        focusBarcode();
        if (result != QDialog::Accepted || orderNo.isEmpty() || openReturnFor(orderNo))
            return;
        showScanMessage(tr("%1 is no order number: they look like T01-20261123-0007.").arg(orderNo),
                        true);
        ErrorSound::play();
    });
    // open(), not exec(): payments settling in the background keep running under it.
    m_returnAsk->open();
}

bool CheckoutPage::openReturnFor(const QString &code)
{
    if (!looksLikeOrderNumber(code))
        return false;
    if (!m_returnButton) {
        showScanMessage(tr("%1 is an order number; this till takes no returns.").arg(code), true);
        ErrorSound::play();
        return true;
    }
    if (m_dialog || m_cashDialog || m_takingCash || m_refundDialog)
        return true;
    if (!m_cartModel->cart().isEmpty() || m_partPaid) {
        showScanMessage(tr("That is the receipt of order %1. Finish or clear this sale first, then "
                           "scan it again for a return.")
                            .arg(code),
                        true);
        ErrorSound::play();
        return true;
    }
    auto order = m_services.orders->orderByNo(code);
    if (!order && code != code.toUpper())
        order = m_services.orders->orderByNo(code.toUpper());
    if (!order) {
        showScanMessage(tr("There is no order %1.").arg(code), true);
        ErrorSound::play();
        return true;
    }
    showScanMessage({}, false);
    m_refundDialog = new RefundDialog(m_services, order->id, this);
    m_refundDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_refundDialog, &RefundDialog::returnRecorded, this,
            [this, orderNo = order->orderNo](const ReturnRecord &record) {
                showResult(
                    tr("Refund of order %1, %2: %3")
                        .arg(orderNo, moneyText(record.amount), RefundText::handBack(record)),
                    u"warning"_s);
            });
    connect(m_refundDialog, &QDialog::finished, this, [this] {
        activateWindow();
        focusBarcode();
        addKeptScans();
    });
    m_refundDialog->open();
    return true;
}

} // namespace shouyin
