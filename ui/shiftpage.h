#pragma once

#include "auth/staff.h"
#include "receipt/receipt.h"
#include "shift/shiftrecords.h"

#include <QPointer>
#include <QStringList>
#include <QTimeZone>
#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace shouyin {

class ManagerApprovalDialog;
class ReceiptDesk;
class ShiftBook;
class ShiftCloseDialog;
class UserStore;
struct PosServices;

// The till's shift (交班): open one with a float; cash put in or taken out of the drawer
// with a reason (paid-in, paid-out); the drawer opened without a sale once a manager
// typed their PIN (no-sale); the count at the close, against what the drawer should hold.
// The shift report shows here as it prints. Managers print the numbered Z-report that
// ends the till's period, and print any earlier one again.
//
// The figures are the ShiftBook's, read again whenever the page shows and after every
// action; the core checks every permission, the page only offers what the role allows.
// Every refusal is a red message on the page.
class ShiftPage : public QWidget
{
    Q_OBJECT
public:
    // `services.shifts` must be set; `services.staff` is who works the page.
    explicit ShiftPage(const PosServices &services, QWidget *parent = nullptr);
    ~ShiftPage() override;

    // While one is open (for tests).
    ShiftCloseDialog *closeDialog() const;
    ManagerApprovalDialog *approvalDialog() const;
    const std::optional<Shift> &currentShift() const { return m_shift; }

public Q_SLOTS:
    void refresh();
    void openShift();
    void paidIn();
    void paidOut();
    void noSale();
    void closeShift();
    void printZReport();
    void reprintZReport(); // asks which number
    void printAgain();     // the report shown, on paper once more

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    QGroupBox *buildShiftBox();
    QGroupBox *buildDrawerBox();
    QGroupBox *buildManagerBox();
    QWidget *buildReportPane();
    void connectReceiptDesk();
    void showMessage(const QString &text, bool error);
    void moveCash(DrawerMovementKind kind);
    void approvedNoSale(const Staff &approver, const QString &reason);
    void reprint(int number);
    // Shows `lines` on the page under `title` and, when `print`, sends them to the printer
    // as the job `name`.
    void present(const QString &name, const QString &title, const QList<ReceiptTextLine> &lines,
                 bool print);
    void print();
    void showPrintStatus(const QString &text, bool error);
    QString titleOf(const QString &documentName) const;

    ShiftBook *m_shifts;
    ReceiptDesk *m_desk;
    UserStore *m_users;
    Staff m_staff;
    QTimeZone m_zone;
    PaperWidth m_paper;
    std::optional<Shift> m_shift;

    QString m_documentName;
    QString m_documentTitle;
    QList<ReceiptTextLine> m_document;
    QStringList m_printing; // documents sent to the printer and not yet answered for
    int m_lastZNumber = 0;

    QLabel *m_statusLabel = nullptr;
    QLabel *m_floatLabel = nullptr;
    QLabel *m_salesLabel = nullptr;
    QLabel *m_movementsLabel = nullptr;
    QLabel *m_expectedLabel = nullptr;
    QWidget *m_openRow = nullptr;
    QLineEdit *m_floatEdit = nullptr;
    QGroupBox *m_drawerBox = nullptr;
    QLineEdit *m_amountEdit = nullptr;
    QLineEdit *m_reasonEdit = nullptr;
    QLineEdit *m_noSaleReasonEdit = nullptr;
    QPushButton *m_closeButton = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_reportCaption = nullptr;
    QPlainTextEdit *m_reportView = nullptr;
    QPushButton *m_printAgainButton = nullptr;
    QLabel *m_printStatus = nullptr;
    QPointer<ShiftCloseDialog> m_closeDialog;
    QPointer<ManagerApprovalDialog> m_approvalDialog;
};

} // namespace shouyin
