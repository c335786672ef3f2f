#pragma once

#include "auth/staff.h"
#include "posservices.h"
#include "report/reportrecords.h"
#include "util/shopclock.h"

#include <QWidget>

class QBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;
class QValueAxis;
class QBarCategoryAxis;

namespace shouyin {

class DailyReporter;

// Today's (or any day's) totals: sales by provider and cashier, cancelled, cancelling,
// expired and open orders, the alerts a manager must look at, and a chart of sales by
// hour. The figures are the core's SQL aggregates; this page only lays them out. The
// end-of-day summary prints, saves as a PDF, or prints at receipt width on the till's
// receipt printer.
class ReportsPage : public QWidget
{
    Q_OBJECT
public:
    // Opens on `clock`'s today; the printed summary is stamped with its time.
    ReportsPage(DailyReporter *reporter, const Staff &staff, const QString &shopName,
                ShopClock clock, QWidget *parent = nullptr);

    const DailyReport &report() const { return m_report; }
    // A payment no sale needs (paid after a cancel, paid twice) is given back from its
    // alert in one step, approved by the manager looking at it (reportspagerefunds.cpp);
    // the summary prints on `services.receipts`, stamped with `services.checkout`'s till.
    void setServices(const PosServices &services);
    QChartView *chartView() const { return m_chartView; }

public Q_SLOTS:
    void showDay(QDate day);
    void refresh();
    bool savePdf(const QString &path);
    void savePdfAs();
    void print();
    // The summary at receipt width on the receipt printer (reportspagesummary.cpp).
    void printSummary();

private:
    void buildUi();
    void fill();
    QImage chartImage() const;
    void offerAlertRefunds();
    void refundAlert(const QString &payNo, const QString &kind);
    void connectReceiptDesk();
    void showMessage(const QString &text, const QString &style);

    DailyReporter *m_reporter;
    Staff m_staff;
    QString m_shopName;
    ShopClock m_clock;
    DailyReport m_report;
    PosServices m_services;
    QStringList m_summariesPrinting; // the desk's document names this page sent

    QDateEdit *m_dayEdit = nullptr;
    QLabel *m_salesLabel = nullptr;
    QLabel *m_cancelledLabel = nullptr;
    QLabel *m_expiredLabel = nullptr;
    QLabel *m_cancellingLabel = nullptr;
    QLabel *m_openLabel = nullptr;
    QLabel *m_refundsLabel = nullptr;
    QLabel *m_alertsLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_summaryButton = nullptr;
    QTableWidget *m_providerTable = nullptr;
    QTableWidget *m_cashierTable = nullptr;
    QTableWidget *m_alertTable = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
};

} // namespace shouyin
