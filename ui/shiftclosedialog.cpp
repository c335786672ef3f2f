#include "shiftclosedialog.h"

#include "moneytext.h"
#include "shiftreporttext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// More pieces of one kind than any drawer holds; keeps a typo from overflowing nothing
// but the cashier's patience.
constexpr int kMostPieces = 9999;

QFont scaled(QFont font, qreal pointSize, bool bold)
{
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

} // namespace

ShiftCloseDialog::ShiftCloseDialog(const Shift &shift, Fen expected, QWidget *parent)
    : QDialog(parent)
    , m_expected(expected)
{
    setObjectName(u"shiftCloseDialog"_s);
    setWindowTitle(tr("Close shift"));
    setModal(true);
    setMinimumWidth(480);

    auto *title = new QLabel(
        tr("Count the drawer of %1's shift on till %2.").arg(shift.cashier, shift.terminalId),
        this);
    title->setWordWrap(true);
    title->setFont(scaled(font(), font().pointSizeF() + 3, true));

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Note or coin"), this), 0, 0);
    grid->addWidget(new QLabel(tr("Pieces"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Amount"), this), 0, 2, Qt::AlignRight);
    int row = 1;
    for (const Fen denomination : kCashDenominations) {
        auto *name = new QLabel(moneyText(denomination), this);
        name->setFont(scaled(font(), 13, true));
        auto *count = new QSpinBox(this);
        count->setObjectName(u"count%1"_s.arg(denomination));
        count->setRange(0, kMostPieces);
        count->setAlignment(Qt::AlignRight);
        count->setMinimumWidth(110);
        count->setFont(scaled(font(), 13, false));
        name->setBuddy(count);
        auto *subtotal = new QLabel(moneyText(0), this);
        subtotal->setObjectName(u"subtotal%1"_s.arg(denomination));
        subtotal->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        subtotal->setMinimumWidth(120);
        connect(count, &QSpinBox::valueChanged, this, &ShiftCloseDialog::updateTotals);
        grid->addWidget(name, row, 0);
        grid->addWidget(count, row, 1);
        grid->addWidget(subtotal, row, 2);
        m_countBoxes.insert(denomination, count);
        m_subtotals.insert(denomination, subtotal);
        ++row;
    }

    m_counted = new QLabel(this);
    m_counted->setObjectName(u"closeCountedLabel"_s);
    m_counted->setFont(scaled(font(), 14, true));
    auto *expectedLabel = new QLabel(moneyText(expected), this);
    expectedLabel->setObjectName(u"closeExpectedLabel"_s);
    expectedLabel->setFont(scaled(font(), 14, false));
    m_difference = new QLabel(this);
    m_difference->setObjectName(u"closeDifferenceLabel"_s);
    m_difference->setFont(scaled(font(), 18, true));

    m_note = new QLineEdit(this);
    m_note->setObjectName(u"closeNoteEdit"_s);
    m_note->setPlaceholderText(tr("Optional: anything the manager should know"));

    auto *summary = new QFormLayout;
    summary->addRow(tr("Counted:"), m_counted);
    summary->addRow(tr("Expected:"), expectedLabel);
    summary->addRow(tr("Difference:"), m_difference);
    summary->addRow(tr("&Note:"), m_note);

    m_error = new QLabel(this);
    m_error->setObjectName(u"closeError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_closeButton = buttons->addButton(tr("Close shift"), QDialogButtonBox::AcceptRole);
    m_closeButton->setObjectName(u"closeShiftConfirmButton"_s);
    m_closeButton->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &ShiftCloseDialog::closeRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(grid);
    layout->addSpacing(8);
    layout->addLayout(summary);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    updateTotals();
    m_countBoxes.value(kCashDenominations.front())->setFocus();
}

CashCount ShiftCloseDialog::counts() const
{
    CashCount counts;
    for (auto it = m_countBoxes.cbegin(); it != m_countBoxes.cend(); ++it) {
        if (it.value()->value() > 0)
            counts.insert(it.key(), it.value()->value());
    }
    return counts;
}

QString ShiftCloseDialog::note() const
{
    return m_note->text().trimmed();
}

void ShiftCloseDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

void ShiftCloseDialog::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    // A button with the focus takes Enter itself; anywhere else Enter would press the
    // default button, Close.
    if (!enter || qobject_cast<QPushButton *>(focusWidget())) {
        QDialog::keyPressEvent(event);
        return;
    }
    if (qobject_cast<QSpinBox *>(focusWidget()))
        focusNextChild();
}

void ShiftCloseDialog::updateTotals()
{
    for (auto it = m_countBoxes.cbegin(); it != m_countBoxes.cend(); ++it)
        m_subtotals.value(it.key())->setText(moneyText(it.key() * it.value()->value()));
    const Fen counted = this->counted();
    m_counted->setText(moneyText(counted));
    const Fen difference = counted - m_expected;
    m_difference->setText(ShiftReportText::differenceText(difference));
    m_difference->setStyleSheet(difference == 0  ? u"color: #1b7f3a;"_s
                                : difference > 0 ? u"color: #8a5a00;"_s
                                                 : u"color: #b3261e;"_s);
}

} // namespace shouyin
