#pragma once

#include "report/reportrecords.h"

#include <QDialog>
#include <QTimeZone>

class QTableWidget;

namespace shouyin {

class ReceiptDesk;

// One order opened from History: what was sold, every payment attempt, and the whole
// pay log (each state change, where it came from, and every alert), read-only.
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

private:
    QTableWidget *m_items;
    QTableWidget *m_payments;
    QTableWidget *m_events;
};

} // namespace shouyin
