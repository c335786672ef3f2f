// What the Shift page does to an open shift (cash in and out, the no-sale, the close) and
// the reports it shows and prints.
#include "errorsound.h"
#include "managerapprovaldialog.h"
#include "moneytext.h"
#include "receiptdesk.h"
#include "shift/shiftbook.h"
#include "shiftclosedialog.h"
#include "shiftpage.h"
#include "shiftreporttext.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

#include <limits>

using namespace Qt::StringLiterals;

namespace shouyin {

ShiftCloseDialog *ShiftPage::closeDialog() const
{
    return m_closeDialog;
}

ManagerApprovalDialog *ShiftPage::approvalDialog() const
{
    return m_approvalDialog;
}

void ShiftPage::paidIn()
{
    moveCash(DrawerMovementKind::PaidIn);
}

void ShiftPage::paidOut()
{
    moveCash(DrawerMovementKind::PaidOut);
}

void ShiftPage::moveCash(DrawerMovementKind kind)
{
    // An empty or half-typed amount is 0, which the book refuses with its own words.
    const Fen amount = parseYuan(m_amountEdit->text()).value_or(0);
    const QString reason = m_reasonEdit->text();
    auto moved = kind == DrawerMovementKind::PaidIn ? m_shifts->paidIn(m_staff, amount, reason)
                                                    : m_shifts->paidOut(m_staff, amount, reason);
    if (!moved) {
        showMessage(tr("Nothing was recorded: %1").arg(moved.error().message), true);
        ErrorSound::play();
        refresh();
        return;
    }
    m_amountEdit->clear();
    m_reasonEdit->clear();
    refresh();
    showMessage(kind == DrawerMovementKind::PaidIn
                    ? tr("Paid in %1 (%2). Put the cash in the drawer.")
                          .arg(moneyText(moved->amount), moved->reason)
                    : tr("Paid out %1 (%2). Take the cash from the drawer.")
                          .arg(moneyText(moved->amount), moved->reason),
                false);
    if (m_desk)
        m_desk->openDrawer();
}

void ShiftPage::noSale()
{
    if (m_approvalDialog || !m_users)
        return;
    const QString reason = m_noSaleReasonEdit->text().trimmed();
    // Asked before the manager comes over, not after their PIN.
    if (reason.isEmpty()) {
        showMessage(tr("Say why the drawer must open without a sale."), true);
        m_noSaleReasonEdit->setFocus();
        return;
    }
    m_approvalDialog = new ManagerApprovalDialog(
        *m_users, Permission::OpenDrawer,
        tr("Open the drawer without a sale. Reason: %1").arg(reason), this);
    m_approvalDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_staff.isManager())
        m_approvalDialog->selectUser(m_staff.name());
    ManagerApprovalDialog *dialog = m_approvalDialog;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, reason] { approvedNoSale(dialog->approver(), reason); });
    // open(), not exec(): the till's event loop keeps running (payments, tests).
    dialog->open();
}

void ShiftPage::approvedNoSale(const Staff &approver, const QString &reason)
{
    auto logged = m_shifts->noSale(m_staff, approver, reason);
    if (!logged) {
        showMessage(tr("The drawer stays shut: %1").arg(logged.error().message), true);
        ErrorSound::play();
        refresh();
        return;
    }
    m_noSaleReasonEdit->clear();
    refresh();
    showMessage(tr("No sale approved by %1 (%2): the drawer opens.")
                    .arg(logged->approvedBy, logged->reason),
                false);
    if (m_desk)
        m_desk->openDrawer();
}

void ShiftPage::closeShift()
{
    if (m_closeDialog)
        return;
    refresh();
    if (!m_shift) {
        showMessage(tr("No shift is open on this till."), true);
        return;
    }
    auto expected = m_shifts->expectedCash(m_staff, m_shift->id);
    if (!expected) {
        showMessage(tr("The shift cannot be closed here: %1").arg(expected.error().message), true);
        return;
    }
    m_closeDialog = new ShiftCloseDialog(*m_shift, *expected, this);
    m_closeDialog->setAttribute(Qt::WA_DeleteOnClose);
    ShiftCloseDialog *dialog = m_closeDialog;
    connect(dialog, &ShiftCloseDialog::closeRequested, this, [this, dialog] {
        auto report = m_shifts->closeShift(m_staff, dialog->counts(), dialog->note());
        if (!report) {
            // The count stays in the dialog: nothing has to be counted again.
            dialog->showError(tr("The shift is still open: %1").arg(report.error().message));
            ErrorSound::play();
            return;
        }
        dialog->accept();
        refresh();
        showMessage(tr("Shift closed. Counted %1, expected %2: %3.")
                        .arg(moneyText(*report->counted), moneyText(report->expected),
                             ShiftReportText::differenceText(report->difference)),
                    report->difference < 0);
        present(u"shift-report-%1"_s.arg(report->shift.id), tr("Shift report"),
                ShiftReportText::shiftReport(*report, m_zone, m_paper), true);
    });
    dialog->open();
}

void ShiftPage::printZReport()
{
    auto report = m_shifts->printZReport(m_staff);
    if (!report) {
        showMessage(tr("No Z-report was made: %1").arg(report.error().message), true);
        return;
    }
    m_lastZNumber = report->number;
    showMessage(report->shiftStillOpen
                    ? tr("Z-report No. %1 made while a shift is still open.").arg(report->number)
                    : tr("Z-report No. %1 made.").arg(report->number),
                false);
    present(u"z-report-%1"_s.arg(report->number), tr("Z-report No. %1").arg(report->number),
            ShiftReportText::zReport(*report, m_zone, m_paper), true);
}

void ShiftPage::reprintZReport()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"zNumberDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Reprint Z-report"));
    dialog->setLabelText(tr("Number of the Z-report to print again:"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, std::numeric_limits<int>::max());
    dialog->setIntValue(qMax(m_lastZNumber, 1));
    connect(dialog, &QInputDialog::intValueSelected, this, &ShiftPage::reprint);
    dialog->open();
}

void ShiftPage::reprint(int number)
{
    auto report = m_shifts->zReport(m_staff, number);
    if (!report) {
        showMessage(tr("Z-report No. %1 cannot be printed again: %2")
                        .arg(number)
                        .arg(report.error().message),
                    true);
        return;
    }
    showMessage(tr("Z-report No. %1, as it was printed.").arg(number), false);
    present(u"z-report-%1"_s.arg(number), tr("Z-report No. %1").arg(number),
            ShiftReportText::zReport(*report, m_zone, m_paper), true);
}

void ShiftPage::printAgain()
{
    if (!m_document.isEmpty())
        print();
}

void ShiftPage::present(const QString &name, const QString &title,
                        const QList<ReceiptTextLine> &lines, bool print)
{
    m_documentName = name;
    m_documentTitle = title;
    m_document = lines;
    m_reportView->setPlainText(ShiftReportText::plainText(lines, m_paper));
    m_reportCaption->setText(tr("%1, as it prints:").arg(title));
    m_printAgainButton->setEnabled(m_desk != nullptr);
    if (print)
        this->print();
}

void ShiftPage::print()
{
    if (!m_desk) {
        showPrintStatus(tr("No printer at this till: the report is only shown here."), false);
        return;
    }
    m_printing.append(m_documentName);
    showPrintStatus(tr("%1: printing…").arg(m_documentTitle), false);
    m_desk->printDocument(m_documentName, m_document);
}

void ShiftPage::connectReceiptDesk()
{
    if (!m_desk)
        return;
    // The desk prints other pages' documents too: only this page's are its business.
    connect(m_desk, &ReceiptDesk::documentPrinted, this,
            [this](const QString &name, const QString &where) {
                if (m_printing.removeOne(name))
                    showPrintStatus(tr("%1 printed (%2).").arg(titleOf(name), where), false);
            });
    connect(m_desk, &ReceiptDesk::documentFailed, this,
            [this](const QString &name, const QString &message) {
                if (!m_printing.removeOne(name))
                    return;
                showPrintStatus(
                    tr("%1 did not print: %2 Press Print again once the printer is fixed.")
                        .arg(titleOf(name), message),
                    true);
                ErrorSound::play();
            });
    connect(m_desk, &ReceiptDesk::drawerFailed, this, [this](const QString &message) {
        if (isVisible())
            showMessage(tr("The cash drawer did not open: %1").arg(message), true);
    });
}

QString ShiftPage::titleOf(const QString &name) const
{
    return name == m_documentName ? m_documentTitle : name;
}

void ShiftPage::showPrintStatus(const QString &text, bool error)
{
    m_printStatus->setText(text);
    m_printStatus->setStyleSheet(error ? u"color: #b3261e; font-weight: bold;"_s : QString());
}

} // namespace shouyin
