// The refund dialog's requests: who approves, the return or the surplus going back, and
// what follows (the receipt, the drawer, what to give the customer).

#include "displaytext.h"
#include "managerapprovaldialog.h"
#include "moneytext.h"
#include "receiptdesk.h"
#include "refund/refundclient.h"
#include "refunddialog.h"
#include "refundtext.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace shouyin {

void RefundDialog::refund()
{
    if (!m_refundButton->isEnabled() || !m_services.refunds)
        return;
    ReturnRequest request;
    request.orderId = m_orderId;
    request.lines = chosenLines();
    request.reason = m_reason->currentText().trimmed();
    request.stock =
        m_stock->isVisible() ? StockAction(m_stock->currentData().toInt()) : StockAction::Restock;
    if (request.lines.isEmpty())
        return; // never "everything" by accident: the core reads no lines as all of them
    approveThen(chosenAmount(), [this, request](const Staff &approver) {
        setBusy(true);
        m_services.refunds->requestReturn(request, m_services.staff, approver, this,
                                          [this](Result<ReturnRecord> record) { done(record); });
    });
}

void RefundDialog::giveBackSurplus(const QString &payNo, Fen amount)
{
    const QString reason = m_reason->currentText().trimmed();
    if (m_busy || reason.isEmpty() || !m_services.refunds)
        return;
    approveThen(amount, [this, payNo, reason](const Staff &approver) {
        setBusy(true);
        m_services.refunds->refundPayment(payNo, reason, m_services.staff, approver, this,
                                          [this](Result<ReturnRecord> record) { done(record); });
    });
}

void RefundDialog::approveThen(Fen amount, const std::function<void(const Staff &)> &go)
{
    showError({});
    if (m_services.staff.can(Permission::ApproveRefund))
        return go(m_services.staff);
    if (!m_services.users) {
        showError(tr("A manager must approve refunds, and nobody can sign in at this till."));
        return;
    }
    if (m_approval)
        return;
    m_approval = new ManagerApprovalDialog(
        *m_services.users, Permission::ApproveRefund,
        tr("Refund %1 of order %2. Reason: %3")
            .arg(moneyText(amount), m_order.order.orderNo, m_reason->currentText().trimmed()),
        this);
    connect(m_approval, &QDialog::finished, this, [this, go](int result) {
        const Staff approver = m_approval ? m_approval->approver() : Staff();
        if (m_approval)
            m_approval->deleteLater();
        m_approval = nullptr;
        activateWindow();
        if (result == QDialog::Accepted && approver.isSignedIn())
            go(approver);
        else
            showError(tr("Not approved: nothing was refunded."));
    });
    // open(), not exec(): refunds settling and the tests' timers keep running under it.
    m_approval->open();
}

void RefundDialog::done(const Result<ReturnRecord> &result)
{
    setBusy(false);
    if (!result) {
        showError(result.error().message);
        return;
    }
    const ReturnRecord &record = result.value();
    m_recorded.append(record);
    showError({});
    m_result->setText(RefundText::handBack(record));
    m_result->show();
    m_printed->clear();
    if (m_services.receipts)
        m_services.receipts->returnCompleted(record);
    if (m_printButton)
        m_printButton->setEnabled(true);
    m_clearChoice = true;
    Q_EMIT returnRecorded(record);
    reload();
}

void RefundDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}

void RefundDialog::connectReceiptDesk()
{
    ReceiptDesk *desk = m_services.receipts;
    if (!desk)
        return;
    connect(desk, &ReceiptDesk::refundPrinted, this,
            [this](const QString &orderNo, const QString &where) {
                if (orderNo != m_order.order.orderNo)
                    return;
                m_printed->setStyleSheet(QString());
                m_printed->setText(tr("Refund receipt printed (%1).").arg(where));
            });
    connect(desk, &ReceiptDesk::refundPrintFailed, this,
            [this](const QString &orderNo, const QString &message) {
                if (orderNo != m_order.order.orderNo)
                    return;
                m_printed->setStyleSheet(u"color: #b3261e;"_s);
                m_printed->setText(tr("The refund receipt did not print: %1").arg(message));
            });
    connect(desk, &ReceiptDesk::drawerFailed, this, [this](const QString &message) {
        m_printed->setStyleSheet(u"color: #b3261e;"_s);
        m_printed->setText(tr("The cash drawer did not open: %1").arg(message));
    });
}

} // namespace shouyin
