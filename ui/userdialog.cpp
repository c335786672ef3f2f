#include "userdialog.h"

#include "auth/pinhasher.h"
#include "pinfield.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

UserDialog::UserDialog(const QString &existingName, QWidget *parent)
    : QDialog(parent)
    , m_nameEdit(new QLineEdit(existingName, this))
    , m_roleCombo(new QComboBox(this))
    , m_pinEdit(createPinField(this, u"pinEdit"_s))
    , m_confirmEdit(createPinField(this, u"confirmEdit"_s))
    , m_errorLabel(new QLabel(this))
{
    const bool newUser = existingName.isEmpty();
    setWindowTitle(newUser ? tr("Add a user") : tr("New PIN for %1").arg(existingName));
    m_nameEdit->setObjectName(u"nameEdit"_s);
    m_nameEdit->setReadOnly(!newUser);
    m_roleCombo->setObjectName(u"roleCombo"_s);
    m_roleCombo->addItem(tr("Cashier"), QVariant::fromValue(int(Role::Cashier)));
    m_roleCombo->addItem(tr("Manager"), QVariant::fromValue(int(Role::Manager)));
    m_errorLabel->setStyleSheet(u"color: #b3261e;"_s);
    m_errorLabel->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    if (newUser)
        form->addRow(tr("&Role:"), m_roleCombo);
    else
        m_roleCombo->hide();
    form->addRow(
        tr("&PIN (%1 to %2 digits):").arg(PinHasher::kMinPinLength).arg(PinHasher::kMaxPinLength),
        m_pinEdit);
    form->addRow(tr("Repeat the P&IN:"), m_confirmEdit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &UserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UserDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    (newUser ? m_nameEdit : m_pinEdit)->setFocus();
}

QString UserDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

Role UserDialog::role() const
{
    return Role(m_roleCombo->currentData().toInt());
}

QString UserDialog::pin() const
{
    return m_pinEdit->text();
}

void UserDialog::accept()
{
    QString problem;
    if (name().isEmpty())
        problem = tr("Enter a name.");
    else if (!PinHasher::isWellFormed(m_pinEdit->text()))
        problem = tr("A PIN is %1 to %2 digits.")
                      .arg(PinHasher::kMinPinLength)
                      .arg(PinHasher::kMaxPinLength);
    else if (m_pinEdit->text() != m_confirmEdit->text())
        problem = tr("The two PINs differ.");
    if (problem.isEmpty()) {
        QDialog::accept();
        return;
    }
    m_errorLabel->setText(problem);
    m_errorLabel->setVisible(true);
}

} // namespace shouyin
