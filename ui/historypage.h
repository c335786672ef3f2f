#pragma once

#include "auth/staff.h"
#include "posservices.h"
#include "report/reportrecords.h"
#include "util/shopclock.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shouyin {

class ReceiptDesk;

class ExportProgressDialog;
class HistoryModel;
class HistoryQuery;

// History: every order, newest first, filtered by date range, status, provider,
// cashier, terminal and order number; Enter or a double click opens an order; managers
// export what is shown to CSV. A cashier's page shows only their own orders (the core
// enforces it; the page just does not offer what would be refused).
class HistoryPage : public QWidget
{
    Q_OBJECT
public:
    // `clock` says what "today" is, the first filter the page shows.
    HistoryPage(HistoryQuery *history, const Staff &staff, ShopClock clock,
                QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    HistoryFilter currentFilter() const;
    // The order detail offers to print a paid order's receipt again through `receipts`.
    void setReceiptDesk(ReceiptDesk *receipts) { m_receipts = receipts; }
    // The order detail offers returns and refunds (RefundDialog::isOffered) with these.
    void setRefunds(const PosServices &services) { m_refundServices = services; }

public Q_SLOTS:
    void search();
    // The same search again, for data that changed meanwhile; the selection stays.
    // Waits while the list is scrolled down.
    void refresh();
    void resetFilters();
    void openSelected();
    void exportCsv();
    void reloadChoices();

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void updateCountLabel();
    void showError(const QString &message);

    HistoryQuery *m_history;
    ReceiptDesk *m_receipts = nullptr;
    PosServices m_refundServices;
    ShopClock m_clock;
    Staff m_staff;
    HistoryModel *m_model;
    qint64 m_total = -1; // unknown until counted
    int m_searchGeneration = 0;
    bool m_stale = false; // changed while the manager was reading further down
    QDate m_filterDay;    // the "today" the date filter was last set to

    QCheckBox *m_allDates = nullptr;
    QDateEdit *m_fromDate = nullptr;
    QDateEdit *m_toDate = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QComboBox *m_providerCombo = nullptr;
    QComboBox *m_cashierCombo = nullptr;
    QComboBox *m_terminalCombo = nullptr;
    QLineEdit *m_orderNoEdit = nullptr;
    QPushButton *m_searchButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_openButton = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPointer<ExportProgressDialog> m_export;
};

} // namespace shouyin
