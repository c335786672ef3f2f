// The alerts that are money to give back: a payment that landed after its order was
// cancelled, or a second payment of a paid order. A manager refunds it from the alert.

#include "displaytext.h"
#include "moneytext.h"
#include "receiptdesk.h"
#include "refund/refundclient.h"
#include "refunddialog.h"
#include "refundtext.h"
#include "reportspage.h"
#include "store/orderstore.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr int kActionColumn = 4;

bool isSurplusAlert(const QString &kind)
{
    return kind == u"alert_paid_after_cancel" || kind == u"alert_double_payment";
}

} // namespace

void ReportsPage::offerAlertRefunds()
{
    const PosServices &services = m_services;
    if (!RefundDialog::isOffered(services) || !services.orders ||
        !services.staff.can(Permission::ApproveRefund))
        return;
    if (m_alertTable->columnCount() <= kActionColumn) {
        m_alertTable->setColumnCount(kActionColumn + 1);
        m_alertTable->setHorizontalHeaderItem(kActionColumn, new QTableWidgetItem(QString()));
        m_alertTable->horizontalHeader()->setStretchLastSection(false);
        m_alertTable->horizontalHeader()->setSectionResizeMode(kActionColumn - 1,
                                                               QHeaderView::Stretch);
    }
    for (int row = 0; row < m_alertTable->rowCount(); ++row)
        m_alertTable->removeCellWidget(row, kActionColumn);
    for (int row = 0; row < m_report.alerts.size() && row < m_alertTable->rowCount(); ++row) {
        const AlertLine &alert = m_report.alerts.at(row);
        if (!isSurplusAlert(alert.kind))
            continue;
        const QString payNo =
            QJsonDocument::fromJson(alert.detail.toUtf8()).object().value(u"pay_no"_s).toString();
        const auto order = services.orders->orderByNo(alert.orderNo);
        if (payNo.isEmpty() || !order)
            continue;
        auto *button = new QPushButton(tr("Refund it"), m_alertTable);
        button->setObjectName(u"alertRefundButton_"_s + payNo);
        button->setEnabled(false); // until the order says what is left of the payment
        connect(button, &QPushButton::clicked, this,
                [this, payNo, kind = alert.kind] { refundAlert(payNo, kind); });
        m_alertTable->setCellWidget(row, kActionColumn, button);
        services.refunds->refundable(
            order->id, button, [this, button, payNo](Result<RefundableOrder> read) {
                if (!read)
                    return button->setToolTip(read.error().message);
                Fen left = 0;
                for (const RefundableTender &tender : read->tenders) {
                    if (tender.payment.payNo == payNo)
                        left = std::min(tender.left(), read->surplus());
                }
                button->setEnabled(left > 0);
                button->setText(left > 0 ? tr("Refund %1").arg(moneyText(left))
                                         : tr("Nothing left to refund"));
                // The button lives in the table: the page is still there.
                m_alertTable->resizeColumnToContents(kActionColumn);
            });
    }
    m_alertTable->resizeColumnToContents(kActionColumn);
}

void ReportsPage::refundAlert(const QString &payNo, const QString &kind)
{
    const PosServices &services = m_services;
    // The manager looking at the alert asks and approves in one: they are signed in.
    services.refunds->refundPayment(
        payNo, DisplayText::alertKind(kind), services.staff, services.staff, this,
        [this](Result<ReturnRecord> record) {
            if (!record) {
                m_messageLabel->setText(record.error().message);
                m_messageLabel->setStyleSheet(u"color: #b3261e;"_s);
                return;
            }
            if (m_services.receipts)
                m_services.receipts->returnCompleted(*record);
            refresh();
            m_messageLabel->setText(
                tr("Order %1: %2").arg(record->orderNo, RefundText::handBack(*record)));
            m_messageLabel->setStyleSheet(u"color: #1b7f3a; font-weight: bold;"_s);
        });
}

} // namespace shouyin
