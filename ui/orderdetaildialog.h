#pragma once

#include "posservices.h"
#include "report/reportrecords.h"

#include <QDialog>
#include <QPointer>
#include <QTimeZone>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace shouyin {

class ReceiptDesk;
class RefundDialog;
class RefundsTable;

// One order opened from History: what was sold, every payment attempt, and the whole
// pay log (each state change, where it came from, and every alert), read-only; and,
// where the till takes refunds, its returns and the way to another.
class OrderDetailDialog : public QDialog
{
    Q_OBJECT
public:
    // With a `receipts` desk, a paid order's receipt can be printed again from here.
    OrderDetailDialog(const OrderDetail &detail, const QTimeZone &zone,
                      ReceiptDesk *receipts = nullptr, QWidget *parent = nullptr);

    QTableWidget *itemsTable() const { return m_items; }
    QTableWidget *paymentsTable() const { return m_payments; }
    QTableWidget *eventsTable() const { return m_events; }

    // Returns and refunds (orderdetailrefunds.cpp), when RefundDialog::isOffered(services):
    // the order's returns with their refunds' states, followed live; "Return / refund…"
    // while goods or surplus money are left; "Send again" for a manager, on a refund that
    // failed before its provider accepted it.
    void offerRefunds(const PosServices &services);
    RefundsTable *refundsTable() const { return m_refunds; }
    QPushButton *returnButton() const { return m_returnButton; }
    RefundDialog *refundDialog() const;

private:
    void reloadRefunds();
    void openRefundDialog();
    void retryRefund(const QString &refundNo);

    qint64 m_orderId;
    QTableWidget *m_items;
    QTableWidget *m_payments;
    QTableWidget *m_events;
    PosServices m_services;
    QLabel *m_refundsHeading = nullptr;
    RefundsTable *m_refunds = nullptr;
    QLabel *m_refundMessage = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_returnButton = nullptr; // once offered
    QPointer<RefundDialog> m_refundDialog;
};

} // namespace shouyin
