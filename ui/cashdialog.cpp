#include "cashdialog.h"

#include "checkout/cashamounts.h"
#include "moneytext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Up to ¥99,999,999.99: more than any till takes in cash, less than overflows a Fen sum.
const QRegularExpression kYuanPattern(uR"(\d{1,8}([.]\d{0,2})?)"_s);
constexpr Fen kLargestNote = 10000; // ¥100

QFont scaled(QFont font, qreal pointSize, bool bold)
{
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

} // namespace

CashDialog::CashDialog(Fen due, QWidget *parent)
    : QDialog(parent)
    , m_due(due)
{
    setWindowTitle(tr("Cash"));
    setObjectName(u"cashDialog"_s);

    auto *dueLabel = new QLabel(tr("Due: %1").arg(moneyText(due)), this);
    dueLabel->setObjectName(u"cashDueLabel"_s);
    dueLabel->setFont(scaled(font(), 18, true));

    m_amount = new QLineEdit(this);
    m_amount->setObjectName(u"cashGivenEdit"_s);
    m_amount->setValidator(new QRegularExpressionValidator(kYuanPattern, m_amount));
    m_amount->setPlaceholderText(formatYuan(due));
    m_amount->setFont(scaled(font(), 20, false));
    m_amount->setAlignment(Qt::AlignRight);
    connect(m_amount, &QLineEdit::textChanged, this, &CashDialog::updateChange);

    auto *quick = new QHBoxLayout;
    for (const Fen amount : quickCashAmounts(due)) {
        auto *button = new QPushButton(
            amount == due ? tr("Exact %1").arg(moneyText(amount)) : moneyText(amount), this);
        button->setObjectName(u"cashQuick%1"_s.arg(amount));
        button->setAutoDefault(false);
        button->setMinimumHeight(44);
        button->setFont(scaled(font(), 13, false));
        connect(button, &QPushButton::clicked, this, [this, amount] { choose(amount); });
        quick->addWidget(button);
    }

    m_change = new QLabel(this);
    m_change->setObjectName(u"cashChangeLabel"_s);
    m_change->setFont(scaled(font(), 28, true));
    m_change->setAlignment(Qt::AlignCenter);
    m_change->setMinimumHeight(m_change->fontMetrics().height() + 8);

    auto *buttons = new QDialogButtonBox(this);
    m_take = buttons->addButton(tr("Take cash (Enter)"), QDialogButtonBox::AcceptRole);
    m_take->setObjectName(u"cashTakeButton"_s);
    m_take->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_take->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Cash &given:"), m_amount);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(dueLabel);
    layout->addLayout(form);
    layout->addLayout(quick);
    layout->addWidget(m_change);
    layout->addWidget(buttons);
    updateChange();
    m_amount->setFocus();
}

Fen CashDialog::given() const
{
    return parseYuan(m_amount->text()).value_or(0);
}

void CashDialog::choose(Fen amount)
{
    m_amount->setText(formatYuan(amount));
    m_amount->setFocus();
}

void CashDialog::updateChange()
{
    const Fen cash = given();
    m_take->setEnabled(cash > 0);
    if (cash <= 0) {
        m_change->clear();
        return;
    }
    // Change of a whole ¥100 or more means a note too many was counted, or a scanner typed
    // a barcode into the field: never taken as it stands.
    if (cash - m_due >= kLargestNote) {
        m_take->setEnabled(false);
        m_change->setText(tr("Change of %1? Check the amount.").arg(moneyText(cash - m_due)));
        m_change->setStyleSheet(u"color: #b3261e;"_s);
        return;
    }
    if (cash >= m_due) {
        m_change->setText(tr("Change: %1").arg(moneyText(cash - m_due)));
        m_change->setStyleSheet(u"color: #1b7f3a;"_s);
        return;
    }
    m_change->setText(tr("Still due: %1 (QR or payment code)").arg(moneyText(m_due - cash)));
    m_change->setStyleSheet(u"color: #8a5a00;"_s);
}

} // namespace shouyin
