// The order detail's returns and refunds: what went back, live, and the way to more.

#include "orderdetaildialog.h"
#include "refund/refundclient.h"
#include "refunddialog.h"
#include "refundstable.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

void OrderDetailDialog::offerRefunds(const PosServices &services)
{
    if (!RefundDialog::isOffered(services))
        return;
    m_services = services;
    m_returnButton = m_buttons->addButton(tr("Return / refund…"), QDialogButtonBox::ActionRole);
    m_returnButton->setObjectName(u"returnButton"_s);
    m_returnButton->setEnabled(false); // until the order says what is left
    connect(m_returnButton, &QPushButton::clicked, this, &OrderDetailDialog::openRefundDialog);
    connect(m_refunds, &RefundsTable::retryRequested, this, &OrderDetailDialog::retryRefund);
    connect(services.refunds, &RefundClient::refundChanged, this,
            [this](qint64 orderId, const QString &, RefundStatus) {
                if (orderId == m_orderId)
                    reloadRefunds();
            });
    reloadRefunds();
}

RefundDialog *OrderDetailDialog::refundDialog() const
{
    return m_refundDialog;
}

void OrderDetailDialog::reloadRefunds()
{
    m_services.refunds->refundable(m_orderId, this, [this](Result<RefundableOrder> read) {
        if (!read) {
            m_refundMessage->setText(read.error().message);
            m_refundMessage->show();
            return;
        }
        const RefundableOrder &order = read.value();
        // Once sent again, a failed refund's money is taken by its successor: its tender has
        // no longer enough left, and the row offers nothing more.
        const auto mayRetry = [&order](const Refund &refund) {
            return std::any_of(order.tenders.cbegin(), order.tenders.cend(),
                               [&refund](const RefundableTender &tender) {
                                   return tender.payment.id == refund.paymentId &&
                                          tender.left() >= refund.amount;
                               });
        };
        m_refunds->setReturns(order.returns, m_services.staff.can(Permission::ApproveRefund)
                                                 ? RefundsTable::RetryFilter(mayRetry)
                                                 : RefundsTable::RetryFilter());
        m_refunds->fitRows(4);
        m_refunds->setVisible(!order.returns.isEmpty());
        m_refundsHeading->setVisible(!order.returns.isEmpty());
        const bool goodsLeft = order.order.status == OrderStatus::Paid && order.goodsLeft() > 0;
        m_returnButton->setEnabled(goodsLeft || order.surplus() > 0);
    });
}

void OrderDetailDialog::openRefundDialog()
{
    if (m_refundDialog)
        return;
    m_refundDialog = new RefundDialog(m_services, m_orderId, this);
    m_refundDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_refundDialog->open();
}

void OrderDetailDialog::retryRefund(const QString &refundNo)
{
    // Only a manager sees the button; the core checks again all the same.
    m_services.refunds->retryRefund(
        refundNo, m_services.staff, this, [this, refundNo](Result<Refund> retried) {
            m_refundMessage->setStyleSheet(retried ? QString() : u"color: #b3261e;"_s);
            m_refundMessage->setText(
                retried ? tr("Refund %1 was sent again as %2.").arg(refundNo, retried->refundNo)
                        : retried.error().message);
            m_refundMessage->show();
            reloadRefunds();
        });
}

} // namespace shouyin
