#pragma once

#include "posservices.h"
#include "refund/refundbook.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace shouyin {

class ManagerApprovalDialog;
class RefundsTable;

// Goods come back and money goes back (退货 / 退款), on one order: what was sold and is
// left to return, what paid it, the earlier returns with their refunds' states (live).
// The cashier picks how many of each line come back and why; the screen shows how the
// money would go back (provider tenders first, then cash from the drawer), as the core
// splits it. Money no sale needs (a double payment) goes back whole from here too.
//
// A manager approves every refund: a manager signed in approves with the click (and
// chooses whether the goods go back on the shelf); anyone else is asked for a manager's
// PIN over this dialog. An error leaves the dialog as it was, with the reason. Once
// recorded, the refund receipt prints, the drawer opens when cash goes back, and the
// dialog says what to give the customer.
class RefundDialog : public QDialog
{
    Q_OBJECT
public:
    // Needs services.refunds, and services.users for approvals by PIN; the times are
    // shown in the checkout clock's zone.
    RefundDialog(const PosServices &services, qint64 orderId, QWidget *parent = nullptr);
    ~RefundDialog() override;

    // Whether the till can take refunds for whoever is signed in: a manager must be able to
    // approve them.
    static bool isOffered(const PosServices &services);

    bool isLoaded() const { return m_loaded; }
    const RefundableOrder &order() const { return m_order; }
    ManagerApprovalDialog *approvalDialog() const;
    const QList<ReturnRecord> &recorded() const { return m_recorded; }
    // The amount the chosen lines give back.
    Fen chosenAmount() const;

public Q_SLOTS:
    void reload();
    void chooseEverything();
    void refund();
    // Stays open while a refund is on its way: its answer prints the receipt.
    void reject() override;

Q_SIGNALS:
    void loaded();
    void returnRecorded(const shouyin::ReturnRecord &record);

private:
    enum LineColumn {
        ProductColumn,
        SoldColumn,
        ReturnedColumn,
        PaidColumn, // what the line cost after its discounts
        NowColumn,
        LineColumnCount
    };

    void buildUi();
    void fill();
    void fillLines();
    void fillSurplus();
    void updateSummary();
    void showError(const QString &message);
    void setBusy(bool busy);
    QList<ReturnLine> chosenLines() const;
    // Runs `go` with the person who approves `amount`: the one signed in when they may,
    // else the manager who types their PIN (nothing when nobody does).
    void approveThen(Fen amount, const std::function<void(const Staff &)> &go);
    void giveBackSurplus(const QString &payNo, Fen amount);
    void done(const Result<ReturnRecord> &result);
    void connectReceiptDesk();
    QTimeZone zone() const;

    PosServices m_services;
    qint64 m_orderId;
    RefundableOrder m_order;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_clearChoice = false; // after a return: nothing chosen on the next fill
    QList<ReturnRecord> m_recorded;

    QLabel *m_title = nullptr;
    QLabel *m_orderInfo = nullptr;
    QLabel *m_paidBy = nullptr;
    QLabel *m_returnsHeading = nullptr;
    RefundsTable *m_returns = nullptr;
    QTableWidget *m_lines = nullptr;
    QHash<qint64, QSpinBox *> m_quantities; // by order item id
    QPushButton *m_everything = nullptr;
    QComboBox *m_reason = nullptr;
    QLabel *m_stockLabel = nullptr;
    QComboBox *m_stock = nullptr;
    QWidget *m_surplus = nullptr;
    QLabel *m_surplusLabel = nullptr;
    QList<QPushButton *> m_surplusButtons;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_printed = nullptr;
    QPushButton *m_refundButton = nullptr;
    QPushButton *m_printButton = nullptr;
    QPointer<ManagerApprovalDialog> m_approval;
};

} // namespace shouyin
